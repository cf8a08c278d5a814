package io.github.detective4j.profile;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Finding;
import io.github.detective4j.text.TextTable;
import java.util.List;

/**
 * A finding's own panel: the finding as the graph holds it (its newest version, under its canonical id, with the
 * archive state in force in this graph) and the entities it involves.
 *
 * @param finding the finding
 * @param involvedEntities the entities it names, in the order the product listed them
 */
public record FindingOverview(Finding finding, List<EntityRef> involvedEntities) implements Panel {
    /**
     * Creates the panel.
     *
     * @param finding the finding
     * @param involvedEntities the involved entities
     */
    public FindingOverview {
        involvedEntities = List.copyOf(involvedEntities);
    }

    /**
     * Returns {@code finding}.
     *
     * @return the panel's key
     */
    @Override
    public String key() {
        return "finding";
    }

    /**
     * Returns the finding's fields and its entities.
     *
     * @return the text
     */
    @Override
    public String toString() {
        TextTable t = TextTable.of("Finding", finding.id())
                .row("type", finding.type())
                .row("title", finding.title())
                .row("severity", finding.severity().toString())
                .row("product", finding.sourceProduct())
                .row("first observed", finding.firstObserved())
                .row("last observed", finding.lastObserved())
                .row("count", String.valueOf(finding.count()))
                .row("account", finding.accountId())
                .row("region", finding.region())
                .row("state", finding.archived() ? "archived" : "active");
        for (EntityRef e : involvedEntities) {
            t.row("involves", e.toString());
        }
        return t.toString();
    }
}
