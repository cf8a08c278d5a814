package io.github.detective4j.profile;

import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.text.TextTable;
import java.util.List;

/**
 * A finding's VPC traffic panel: for each EC2 instance the finding involves and each IP address it involves that the
 * instance exchanged traffic with (its remote IP, such as a mining pool or a command-and-control server), the hourly
 * traffic between them over the scope and its average per active hour. A steady beacon shows as the same volume
 * every hour.
 *
 * @param scope the scope time
 * @param pairs one entry per (instance, remote IP) pair with traffic in the scope
 */
public record RemoteIpTraffic(ScopeTime scope, List<PairTraffic> pairs) implements Panel {
    /**
     * Creates the panel.
     *
     * @param scope the scope time
     * @param pairs the pairs
     */
    public RemoteIpTraffic {
        pairs = List.copyOf(pairs);
    }

    /**
     * Returns {@code flowsWithRemoteIp}.
     *
     * @return the panel's key
     */
    @Override
    public String key() {
        return "flowsWithRemoteIp";
    }

    /**
     * Returns one sparkline pair and the averages per (instance, remote IP).
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder out = PanelText.title("VPC flows with the remote IP", scope);
        if (pairs.isEmpty()) {
            return out.append("\nnone").toString();
        }
        TextTable t = TextTable.of("instance", "remote IP", "active hours", "bytes in", "bytes out", "in per hour",
                "out per hour", "beacon");
        for (PairTraffic p : pairs) {
            t.row(p.instance().id(), p.remoteIp().id(), p.activeHours(), p.bytesIn(), p.bytesOut(),
                    p.averageBytesInPerHour(), p.averageBytesOutPerHour(), p.beacon().label());
        }
        out.append('\n').append(t);
        for (PairTraffic p : pairs) {
            out.append("\n  ").append(p.instance().id()).append(" in  ")
                    .append(PanelText.sparkline(p.hours(), HourlyTraffic::bytesIn))
                    .append("\n  ").append(p.instance().id()).append(" out ")
                    .append(PanelText.sparkline(p.hours(), HourlyTraffic::bytesOut));
        }
        return out.toString();
    }
}
