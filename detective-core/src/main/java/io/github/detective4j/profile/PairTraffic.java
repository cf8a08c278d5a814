package io.github.detective4j.profile;

import io.github.detective4j.beacon.BeaconScore;
import io.github.detective4j.model.EntityRef;
import java.util.List;

/**
 * The traffic between one EC2 instance and one remote IP address over a scope, seen from the instance: bytes in are
 * bytes the instance received from the address.
 *
 * @param instance the instance
 * @param remoteIp the remote address
 * @param hours one entry per hour of the scope, idle hours included
 * @param activeHours hours with traffic between them
 * @param bytesIn bytes the instance received from the address in the scope
 * @param bytesOut bytes the instance sent to the address in the scope
 * @param averageBytesInPerHour {@code bytesIn / activeHours}, 0 without traffic
 * @param averageBytesOutPerHour {@code bytesOut / activeHours}, 0 without traffic
 * @param beacon how periodic their traffic in the scope is: a steady beacon to a mining pool or a command-and-control
 *     server scores near 1 ({@code BeaconScorer}; a scope shorter than a day is judged over the 24 hours ending
 *     with it)
 */
public record PairTraffic(EntityRef instance, EntityRef remoteIp, List<HourlyTraffic> hours, long activeHours,
        long bytesIn, long bytesOut, double averageBytesInPerHour, double averageBytesOutPerHour,
        BeaconScore beacon) {
    /**
     * Creates the traffic summary.
     *
     * @param instance the instance
     * @param remoteIp the remote address
     * @param hours the hourly series
     * @param activeHours hours with traffic
     * @param bytesIn bytes received
     * @param bytesOut bytes sent
     * @param averageBytesInPerHour bytes received per active hour
     * @param averageBytesOutPerHour bytes sent per active hour
     * @param beacon the periodicity score
     */
    public PairTraffic {
        hours = List.copyOf(hours);
    }
}
