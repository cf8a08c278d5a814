package io.github.detective4j.graph;

import static io.github.detective4j.graph.Events.flow;
import static io.github.detective4j.graph.Events.hours;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.beacon.BeaconRule;
import io.github.detective4j.beacon.BeaconScore;
import io.github.detective4j.beacon.BeaconScorer;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.ScopeTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A finding's scope is often an hour or two. RITA judges a pair's day; in an hour's window one hourly bin has no
 * spread and a quarter of an hour is a full run, so any four connections would make a beacon. A short scope is
 * judged over the 24 hours ending with it.
 */
class ShortScopeBeaconTest {
    private static final String MINER = "i-0123456789abcdef0";
    private static final String CHAT = "i-08a8e40be65425909";
    private static final ScopeTime HOUR = ScopeTime.of(hours(24), hours(25));

    private static BehaviorGraph graph() {
        return BehaviorGraph.builder()
                .beacons(BeaconScorer.of(BeaconRule.DEFAULT.withAggregationInterval(Duration.ofSeconds(60))))
                .build();
    }

    @Test
    void fourBurstsInAnHourAreNoBeacon() {
        BehaviorGraph graph = graph();
        long[] offsets = {100, 700, 2_000, 3_300};
        long[] bytes = {100, 90_000, 5_000, 77};
        for (int i = 0; i < offsets.length; i++) {
            graph.accept(flow(CHAT, hours(24).plusSeconds(offsets[i]), "10.0.0.9", 40_000 + i, "198.51.100.20", 443,
                    FlowDirection.OUTBOUND, bytes[i]));
        }
        BeaconScore score = graph.beacon(EntityRef.ec2Instance(CHAT), EntityRef.ipAddress("198.51.100.20"), HOUR);
        assertFalse(score.beacon(), score::toString);
    }

    /** A miner's beacon every ten minutes from hour 1 to {@code untilHour}. */
    private static BehaviorGraph beaconUntil(int untilHour) {
        BehaviorGraph graph = graph();
        for (long second = 3_600; second < untilHour * 3_600L; second += 600) {
            graph.accept(flow(MINER, hours(0).plusSeconds(second), "10.0.0.5", 40_000, "104.16.1.42", 8333,
                    FlowDirection.OUTBOUND, 5_000));
        }
        return graph;
    }

    @Test
    void aDaysBeaconIsStillOneInItsLastHour() {
        BehaviorGraph graph = beaconUntil(25);
        BeaconScore score = graph.beacon(EntityRef.ec2Instance(MINER), EntityRef.ipAddress("104.16.1.42"), HOUR);
        assertTrue(score.beacon(), score::toString);
    }

    @Test
    void aPairSilentInTheScopeIsNotScoredOnTheDayBefore() {
        BehaviorGraph graph = beaconUntil(24);
        BeaconScore score = graph.beacon(EntityRef.ec2Instance(MINER), EntityRef.ipAddress("104.16.1.42"), HOUR);
        assertFalse(score.beacon(), score::toString);
    }
}
