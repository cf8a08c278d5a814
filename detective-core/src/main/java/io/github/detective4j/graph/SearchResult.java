package io.github.detective4j.graph;

import io.github.detective4j.text.TextTable;
import java.util.List;

/**
 * What a {@link Search} found: the entities in reference order (type, then id), at most {@link #limit()} of them.
 *
 * @param search the search
 * @param entities the entities found, at most {@code limit}
 * @param matches how many entities matched in all, which is more than {@code entities.size()} when truncated
 * @param limit the cap that applied
 * @param truncated true when more entities matched than the cap let through
 */
public record SearchResult(Search search, List<EntitySummary> entities, long matches, int limit, boolean truncated) {
    /**
     * Creates a result.
     *
     * @param search the search
     * @param entities the entities found
     * @param matches how many matched in all
     * @param limit the cap
     * @param truncated whether the cap cut the results
     */
    public SearchResult {
        entities = List.copyOf(entities);
    }

    /**
     * Returns a table of the entities, and a line saying whether the cap cut them.
     *
     * @return the text
     */
    @Override
    public String toString() {
        TextTable t = TextTable.of("entity", "name", "first observed", "last observed");
        for (EntitySummary e : entities) {
            t.row(e.entity().toString(), e.name(), e.firstObserved(), e.lastObserved());
        }
        return t + "\n" + matches + (matches == 1 ? " match" : " matches")
                + (truncated ? ", first " + limit + " shown (cap)" : "");
    }
}
