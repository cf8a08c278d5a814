package io.github.detective4j.profile;

import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.text.TextTable;
import java.util.List;
import java.util.Locale;

/**
 * Overall VPC flow volume: bytes in and out per hour over the scope and the profile context around it, against the
 * baseline, with drill-down rows per peer, ports and protocol over the scope. Seen from the profiled entity: for an
 * EC2 instance, bytes in are bytes the instance received; for an IP address, bytes that address received.
 *
 * <p>A flow record counts in the hour its capture window starts. Records whose direction neither the record
 * ({@code flow-direction}) nor the interface's learned addresses told count as sent by their source address.
 *
 * @param scope the scope time
 * @param hours one entry per hour from the context before the scope to the context after it, idle hours included
 * @param baseline the typical traffic before the scope
 * @param bytesIn bytes received in the scope
 * @param bytesOut bytes sent in the scope
 * @param activeHours hours of the scope with at least one flow record
 * @param percentChangeIn the change of bytes in per active hour from the baseline, in percent, or null without
 *     traffic on either side
 * @param percentChangeOut the same for bytes out
 * @param rows the drill-down rows of the scope, most bytes first
 * @param truncated true when the instance's drill-down cap was reached, so that a row without a peer sums the rest
 */
public record FlowVolume(
        ScopeTime scope,
        List<HourlyTraffic> hours,
        FlowBaseline baseline,
        long bytesIn,
        long bytesOut,
        long activeHours,
        Double percentChangeIn,
        Double percentChangeOut,
        List<FlowRow> rows,
        boolean truncated) implements Panel {
    /**
     * Creates the panel.
     *
     * @param scope the scope time
     * @param hours the hourly series
     * @param baseline the baseline
     * @param bytesIn bytes received in the scope
     * @param bytesOut bytes sent in the scope
     * @param activeHours active hours of the scope
     * @param percentChangeIn the change of bytes in, or null
     * @param percentChangeOut the change of bytes out, or null
     * @param rows the drill-down rows
     * @param truncated whether the drill-down cap was reached
     */
    public FlowVolume {
        hours = List.copyOf(hours);
        rows = List.copyOf(rows);
    }

    /**
     * Returns {@code flowVolume}.
     *
     * @return the panel's key
     */
    @Override
    public String key() {
        return "flowVolume";
    }

    /**
     * Returns the hours of the scope only, without the context around it.
     *
     * @return the hourly entries inside the scope
     */
    public List<HourlyTraffic> inScope() {
        return hours.stream().filter(h -> scope.contains(h.hour())).toList();
    }

    /**
     * Returns sparklines of bytes in and out, the totals against the baseline, and the largest rows.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder out = PanelText.title("VPC flow volume", scope);
        if (!hours.isEmpty()) {
            out.append("\n  in  ").append(PanelText.sparkline(hours, HourlyTraffic::bytesIn))
                    .append("\n  out ").append(PanelText.sparkline(hours, HourlyTraffic::bytesOut))
                    .append("\n  ").append(PanelText.axis(hours, hours.get(0).hour(), scope));
        }
        out.append(String.format(Locale.ROOT,
                "%nscope: %,d bytes in, %,d bytes out in %,d active hours; baseline %s in / %s out per active hour"
                        + " over %,d active hours; change %s in, %s out",
                bytesIn, bytesOut, activeHours, PanelText.number(baseline.averageBytesIn()),
                PanelText.number(baseline.averageBytesOut()), baseline.activeHours(),
                PanelText.percent(percentChangeIn), PanelText.percent(percentChangeOut)));
        TextTable t = TextTable.of("peer", "local port", "remote port", "protocol", "bytes in", "bytes out",
                "accepted", "rejected");
        for (FlowRow r : rows.subList(0, Math.min(rows.size(), PanelText.MAX_ROWS))) {
            t.row(r.peer() == null ? "(other)" : r.peer().id(), String.valueOf(r.localPort()),
                    String.valueOf(r.remotePort()), String.valueOf(r.protocol()),
                    r.bytesIn(), r.bytesOut(), r.accepted(), r.rejected());
        }
        PanelText.table(out, "", t, rows.size());
        return out.toString();
    }
}
