package io.github.detective4j.graph;

import static io.github.detective4j.graph.Events.ALICE_ID;
import static io.github.detective4j.graph.Events.alice;
import static io.github.detective4j.graph.Events.call;
import static io.github.detective4j.graph.Events.hours;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.behavior.NewBehavior;
import io.github.detective4j.behavior.VolumeIncrease;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.ScopeTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * The increased-volume test over seeds and rates: a method called at a Poisson rate for 45 days and then at ten times
 * that rate for a day is flagged; the same rate kept for the day, ordinary noise, is not; nor is another method that
 * kept its rate while the first one jumped.
 */
class VolumeIncreasePropertyTest {
    static final ScopeTime SCOPE = ScopeTime.of(hours(45 * 24), hours(46 * 24));

    @Property(tries = 60)
    void aTenfoldJumpIsFlaggedAndNoiseIsNot(@ForAll long seed, @ForAll @DoubleRange(min = 0.2, max = 40) double rate) {
        BehaviorGraph jump = graph(seed, rate, 10);
        NewBehavior flagged = jump.newBehavior(EntityRef.user(ALICE_ID), SCOPE);
        List<String> methods = flagged.increasedVolume().stream().map(VolumeIncrease::eventName).toList();
        assertEquals(List.of("ListUsers"), methods, flagged.toString());
        VolumeIncrease v = flagged.increasedVolume().get(0);
        assertEquals(24, v.scopeHours());
        assertEquals(flagged.baseline().hoursOfData(), v.baselineHours(), "from the first event on");
        assertTrue(v.baselineHours() > 44 * 24);
        assertEquals((double) v.baselineCalls() / v.baselineHours() * 24, v.expectedCalls(), 1e-9);
        assertTrue(v.ratio() >= 3 && v.pValue() <= 1e-6, v.toString());

        NewBehavior quiet = graph(seed, rate, 1).newBehavior(EntityRef.user(ALICE_ID), SCOPE);
        assertTrue(quiet.increasedVolume().isEmpty(), quiet.toString());
    }

    /** ListUsers at {@code rate} an hour, then {@code factor} times it in the scope; GetUser at the rate throughout. */
    private static BehaviorGraph graph(long seed, double rate, int factor) {
        PoissonDistribution base = new PoissonDistribution(new Well19937c(seed), rate,
                PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        PoissonDistribution scope = new PoissonDistribution(new Well19937c(seed + 1), rate * factor,
                PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        BehaviorGraph graph = BehaviorGraph.create();
        List<io.github.detective4j.model.SecurityEvent> events = new ArrayList<>();
        for (int h = 0; h < 46 * 24; h++) {
            int listUsers = (h < 45 * 24 ? base : scope).sample();
            for (int i = 0; i < listUsers; i++) {
                events.add(call(alice(), hours(h).plusSeconds(i % 3600), "ListUsers", "13.112.1.10"));
            }
            for (int i = base.sample(); i > 0; i--) {
                events.add(call(alice(), hours(h).plusSeconds(i % 3600), "GetUser", "13.112.1.10"));
            }
        }
        graph.ingestAll(events);
        return graph;
    }
}
