package io.github.detective4j.profile;

import io.github.detective4j.beacon.BeaconScore;
import io.github.detective4j.model.EntityRef;
import java.time.Instant;

/**
 * One EC2 instance that exchanged traffic with an IP address, as a row of the IP address's profile.
 *
 * @param instance the instance
 * @param firstObserved the first flow between them, UTC (in any time, not only the scope)
 * @param lastObserved the last flow between them, UTC
 * @param bytesToInstance bytes the IP address sent to the instance in the scope
 * @param bytesFromInstance bytes the instance sent to the IP address in the scope
 * @param activeHours hours of the scope with traffic between them
 * @param beacon how periodic their traffic in the scope is ({@code BeaconScorer}; a scope shorter than a day is
 *     judged over the 24 hours ending with it)
 */
public record InstanceTraffic(EntityRef instance, Instant firstObserved, Instant lastObserved, long bytesToInstance,
        long bytesFromInstance, long activeHours, BeaconScore beacon) {
}
