package io.github.detective4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** {@link FlowSamples} keeps the latest {@code capacity} window starts, merged, whatever the arrival order. */
class FlowSamplesPropertyTest {

    @Property(tries = 200)
    void keepsTheLatestStartsMergedInAnyOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 64) int capacity,
            @ForAll @IntRange(min = 0, max = 400) int records) {
        Random random = new Random(seed);
        List<long[]> all = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            all.add(new long[] {1_700_000_000L + 600L * random.nextInt(100), random.nextInt(10_000)});
        }
        TreeMap<Long, Long> model = new TreeMap<>();
        for (long[] r : all) {
            model.merge(r[0], r[1], Long::sum);
        }
        while (model.size() > capacity) {
            model.pollFirstEntry();
        }
        List<long[]> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, random);
        for (List<long[]> order : List.of(all, shuffled)) {
            FlowSamples samples = new FlowSamples(capacity);
            order.forEach(r -> samples.add(r[0], r[1]));
            long[][] kept = samples.between(Long.MIN_VALUE, Long.MAX_VALUE);
            assertArrayEquals(model.keySet().stream().mapToLong(Long::longValue).toArray(), kept[0]);
            assertArrayEquals(model.values().stream().mapToLong(Long::longValue).toArray(), kept[1]);
            assertEquals(model.size(), samples.size());
        }
    }

    @Property(tries = 100)
    void betweenIsAHalfOpenRange(@ForAll @IntRange(min = 0, max = 120) int from, @ForAll @IntRange(min = 0, max = 120)
            int length) {
        FlowSamples samples = new FlowSamples(1_000);
        for (int i = 0; i < 100; i++) {
            samples.add(600L * i, i);
        }
        long[][] range = samples.between(600L * from, 600L * (from + length));
        Map<Long, Long> expected = new TreeMap<>();
        for (int i = from; i < Math.min(100, from + length); i++) {
            expected.put(600L * i, (long) i);
        }
        assertArrayEquals(expected.keySet().stream().mapToLong(Long::longValue).toArray(), range[0]);
    }
}
