package io.github.detective4j.profile;

import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.text.TextTable;
import java.util.List;

/**
 * Who used the profiled entity during the scope, most calls first: for an IP address, the principals and user agents
 * that called from it; for a user agent, the principals and IP addresses; for an S3 bucket, the principals. Lists
 * that do not apply are empty.
 *
 * @param scope the scope time
 * @param principals the principals
 * @param userAgents the user agents
 * @param ipAddresses the IP addresses
 */
public record ResourceInteraction(ScopeTime scope, List<EntityActivity> principals, List<EntityActivity> userAgents,
        List<EntityActivity> ipAddresses) implements Panel {
    /**
     * Creates the panel.
     *
     * @param scope the scope time
     * @param principals the principals
     * @param userAgents the user agents
     * @param ipAddresses the IP addresses
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
            return out.append("\nnone").toString();
        }
        table(out, "principal", principals);
        table(out, "user agent", userAgents);
        table(out, "IP address", ipAddresses);
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
