package io.github.detective4j.profile;

import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.text.TextTable;
import java.util.List;

/**
 * Who used the profiled entity during the scope, most calls first: for an IP address, the principals and user agents
 * that called from it; for a user agent, the principals and IP addresses; for an S3 bucket, the principals. Lists
 * that do not apply are empty.
 *
 * <p>A relationship cap ({@code BehaviorGraph.Builder.maxRelationshipsPerEntity}) may have kept some out: then
 * {@code truncated} is true and the lists may lack entities that used this one (every call still counts in this
 * entity's own series).
 *
 * @param scope the scope time
 * @param principals the principals
 * @param userAgents the user agents
 * @param ipAddresses the IP addresses
 * @param truncated true when a relationship of this entity, or of an entity that used it, was dropped by a cap
 */
public record ResourceInteraction(ScopeTime scope, List<EntityActivity> principals, List<EntityActivity> userAgents,
        List<EntityActivity> ipAddresses, boolean truncated) implements Panel {
    /**
     * Creates the panel.
     *
     * @param scope the scope time
     * @param principals the principals
     * @param userAgents the user agents
     * @param ipAddresses the IP addresses
     * @param truncated whether a relationship cap dropped some
     */
    public ResourceInteraction {
        principals = List.copyOf(principals);
        userAgents = List.copyOf(userAgents);
        ipAddresses = List.copyOf(ipAddresses);
    }

    /**
     * Returns {@code interaction}.
     *
     * @return the panel's key
     */
    @Override
    public String key() {
        return "interaction";
    }

    /**
     * Returns a table per list.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder out = PanelText.title("Resource interaction", scope);
        if (principals.isEmpty() && userAgents.isEmpty() && ipAddresses.isEmpty()) {
            out.append("\nnone");
        } else {
            table(out, "principal", principals);
            table(out, "user agent", userAgents);
            table(out, "IP address", ipAddresses);
        }
        if (truncated) {
            out.append("\n").append(PanelText.RELATIONSHIPS_CAPPED);
        }
        return out.toString();
    }

    private static void table(StringBuilder out, String heading, List<EntityActivity> rows) {
        TextTable t = TextTable.of(heading, "success", "failure", "first observed", "last observed");
        for (EntityActivity a : rows.subList(0, Math.min(rows.size(), PanelText.MAX_ROWS))) {
            t.row(a.entity().id(), a.success(), a.failure(), a.firstObserved(), a.lastObserved());
        }
        PanelText.table(out, "", t, rows.size());
    }
}
