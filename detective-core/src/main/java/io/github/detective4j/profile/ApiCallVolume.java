package io.github.detective4j.profile;

import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.text.TextTable;
import java.util.List;

/**
 * Overall API call volume: successful and failed calls per hour over the scope and the profile context around it,
 * against the baseline, with drill-downs over the scope.
 *
 * <p>Whose calls: a principal's own (for a role, its sessions' too; for an account, every call in it), or the calls
 * from an IP address, with a user agent, or on an S3 bucket. Which drill-downs: a principal has
 * {@link #byIpAddress()} (then API method), {@link #byApiMethod()}, {@link #byResource()} and
 * {@link #byAccessKey()}; an IP address, a user agent and a bucket have {@link #byPrincipal()}, and an IP address
 * {@link #byUserAgent()}. The others are empty.
 *
 * <p>{@link #percentChange()} compares the scope's calls per active hour with the baseline's
 * ({@link CallBaseline}): {@code (scope - baseline) / baseline * 100}; null without activity on either side.
 *
 * @param scope the scope time
 * @param hours one entry per hour from the context before the scope to the context after it, idle hours included
 * @param baseline the typical volume before the scope
 * @param success successful calls in the scope
 * @param failure failed calls in the scope
 * @param activeHours hours of the scope with at least one call
 * @param percentChange the change of calls per active hour from the baseline to the scope, in percent, or null
 * @param byIpAddress calls per source (IP address, or the AWS service that called for the principal), each with its
 *     API methods
 * @param byApiMethod calls per API method
 * @param byResource calls per resource the calls named
 * @param byAccessKey calls per access key id
 * @param byPrincipal calls per principal
 * @param byUserAgent calls per user agent
 * @param truncated true when an entity's drill-down cap was reached, so that an {@code (other)} row sums the rest;
 *     on an IP address's panel, also when a principal's cap cut the method rows under its row there
 */
public record ApiCallVolume(
        ScopeTime scope,
        List<HourlyCalls> hours,
        CallBaseline baseline,
        long success,
        long failure,
        long activeHours,
        Double percentChange,
        List<CallRow> byIpAddress,
        List<CallRow> byApiMethod,
        List<CallRow> byResource,
        List<CallRow> byAccessKey,
        List<CallRow> byPrincipal,
        List<CallRow> byUserAgent,
        boolean truncated) implements Panel {
    /** Methods printed under each source; the JSON has them all. */
    private static final int NESTED_ROWS = 3;

    /**
     * Creates the panel.
     *
     * @param scope the scope time
     * @param hours the hourly series
     * @param baseline the baseline
     * @param success successful calls in the scope
     * @param failure failed calls in the scope
     * @param activeHours active hours of the scope
     * @param percentChange the change from the baseline, or null
     * @param byIpAddress the drill-down by source
     * @param byApiMethod the drill-down by method
     * @param byResource the drill-down by resource
     * @param byAccessKey the drill-down by access key
     * @param byPrincipal the drill-down by principal
     * @param byUserAgent the drill-down by user agent
     * @param truncated whether a drill-down cap was reached
     */
    public ApiCallVolume {
        hours = List.copyOf(hours);
        byIpAddress = List.copyOf(byIpAddress);
        byApiMethod = List.copyOf(byApiMethod);
        byResource = List.copyOf(byResource);
        byAccessKey = List.copyOf(byAccessKey);
        byPrincipal = List.copyOf(byPrincipal);
        byUserAgent = List.copyOf(byUserAgent);
    }

    /**
     * Returns {@code apiCallVolume}.
     *
     * @return the panel's key
     */
    @Override
    public String key() {
        return "apiCallVolume";
    }

    /**
     * Returns the hours of the scope only, without the context around it.
     *
     * @return the hourly entries inside the scope
     */
    public List<HourlyCalls> inScope() {
        return hours.stream().filter(h -> scope.contains(h.hour())).toList();
    }

    /**
     * Returns all calls in the scope.
     *
     * @return {@code success + failure}
     */
    public long total() {
        return success + failure;
    }

    /**
     * Returns sparklines of the hourly series, the totals against the baseline, and the drill-downs' first rows.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder out = PanelText.title("API call volume", scope);
        if (!hours.isEmpty()) {
            out.append("\n  success ").append(PanelText.sparkline(hours, HourlyCalls::success))
                    .append("\n  failure ").append(PanelText.sparkline(hours, HourlyCalls::failure))
                    .append("\n  ").append(PanelText.axis(hours, hours.get(0).hour(), scope));
        }
        out.append(String.format(java.util.Locale.ROOT,
                "%nscope: %,d calls (%,d failed) in %,d active hours; baseline %s calls per active hour over %,d"
                        + " active hours; change %s",
                total(), failure, activeHours, PanelText.number(baseline.average()), baseline.activeHours(),
                PanelText.percent(percentChange)));
        rows(out, "by IP address", byIpAddress, true);
        rows(out, "by API method", byApiMethod, false);
        rows(out, "by resource", byResource, false);
        rows(out, "by access key", byAccessKey, false);
        rows(out, "by principal", byPrincipal, false);
        rows(out, "by user agent", byUserAgent, false);
        if (truncated) {
            out.append("\n(drill-down capped: the (other) rows sum the rest)");
        }
        return out.toString();
    }

    private static void rows(StringBuilder out, String heading, List<CallRow> rows, boolean nested) {
        TextTable t = TextTable.of(heading, "success", "failure");
        for (CallRow row : rows.subList(0, Math.min(rows.size(), PanelText.MAX_ROWS))) {
            t.row(row.key(), row.success(), row.failure());
            if (nested) {
                List<CallRow> children = row.children();
                for (CallRow child : children.subList(0, Math.min(children.size(), NESTED_ROWS))) {
                    t.row("  " + child.key(), child.success(), child.failure());
                }
                if (children.size() > NESTED_ROWS) {
                    t.row("  ... " + (children.size() - NESTED_ROWS) + " more");
                }
            }
        }
        PanelText.table(out, "", t, rows.size());
    }
}
