package io.github.detective4j.profile;

import io.github.detective4j.model.ScopeTime;
import java.util.List;

/**
 * Distinct local and remote ports and distinct inbound and outbound peers per hour of VPC traffic, over the scope and
 * the profile context around it: a port scan or a beacon to many hosts stands out here before it does in bytes.
 *
 * @param scope the scope time
 * @param hours one entry per hour of the window, idle hours included
 * @param approximate true when the entity's drill-down cap was reached, so that the counts are lower bounds
 */
public record DistinctCounts(ScopeTime scope, List<HourlyDistinct> hours, boolean approximate) implements Panel {
    /**
     * Creates the panel.
     *
     * @param scope the scope time
     * @param hours the hourly counts
     * @param approximate whether the counts are lower bounds
     */
    public DistinctCounts {
        hours = List.copyOf(hours);
    }

    /**
     * Returns {@code distinctCounts}.
     *
     * @return the panel's key
     */
    @Override
    public String key() {
        return "distinctCounts";
    }

    /**
     * Returns one sparkline per count, and the maximum of each over the window.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder out = PanelText.title("Distinct ports and peers", scope);
        if (hours.isEmpty()) {
            return out.toString();
        }
        line(out, "local ports   ", PanelText.sparkline(hours, HourlyDistinct::localPorts),
                hours.stream().mapToInt(HourlyDistinct::localPorts).max().orElse(0));
        line(out, "remote ports  ", PanelText.sparkline(hours, HourlyDistinct::remotePorts),
                hours.stream().mapToInt(HourlyDistinct::remotePorts).max().orElse(0));
        line(out, "inbound peers ", PanelText.sparkline(hours, HourlyDistinct::inboundPeers),
                hours.stream().mapToInt(HourlyDistinct::inboundPeers).max().orElse(0));
        line(out, "outbound peers", PanelText.sparkline(hours, HourlyDistinct::outboundPeers),
                hours.stream().mapToInt(HourlyDistinct::outboundPeers).max().orElse(0));
        out.append("\n  ").append(PanelText.axis(hours, hours.get(0).hour(), scope));
        if (approximate) {
            out.append("\n(drill-down capped: counts are lower bounds)");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String name, String sparkline, int max) {
        out.append("\n  ").append(name).append(' ').append(sparkline).append("  max ").append(max);
    }
}
