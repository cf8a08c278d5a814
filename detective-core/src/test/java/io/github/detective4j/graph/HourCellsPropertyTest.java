package io.github.detective4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * {@link CallCells} and {@link TrafficCells} against a sorted map of hour to counters, whatever the order the hours
 * arrive in: the sorted region or arrays, with their in-place inserts, must hold exactly what the map holds.
 */
class HourCellsPropertyTest {

    @Provide
    Arbitrary<List<Tuple.Tuple3<Integer, Boolean, Integer>>> updates() {
        Arbitrary<Integer> hours = Arbitraries.oneOf(
                Arbitraries.integers().between(490_000, 490_050),        // dense, many repeats
                Arbitraries.integers().between(0, 1_000_000));           // sparse, mostly new
        return Combinators.combine(hours, Arbitraries.of(true, false), Arbitraries.integers().between(0, 5))
                .as(Tuple::of).list().ofMaxSize(400);
    }

    @Property(tries = 300)
    void holdsWhatASortedMapHolds(@ForAll("updates") List<Tuple.Tuple3<Integer, Boolean, Integer>> updates) {
        assertTrafficHolds(updates);
    }

    /** Flow records arrive mostly in time order: runs in the latest hour, then a later one, with a few late ones. */
    @Property(tries = 300)
    void trafficInTimeOrderHoldsWhatASortedMapHolds(
            @ForAll("updates") List<Tuple.Tuple3<Integer, Boolean, Integer>> updates) {
        assertTrafficHolds(inTimeOrderMostly(updates));
    }

    private static void assertTrafficHolds(List<Tuple.Tuple3<Integer, Boolean, Integer>> updates) {
        TrafficCells cells = HourCells.traffic();
        TreeMap<Integer, long[]> model = new TreeMap<>();
        for (Tuple.Tuple3<Integer, Boolean, Integer> u : updates) {
            int hour = u.get1();
            long bytes = u.get3() * 100L;
            cells.addTraffic(hour, u.get2(), bytes, u.get3(), u.get3() % 2 == 0);
            long[] m = model.computeIfAbsent(hour, h -> new long[HourCells.TRAFFIC_STRIDE]);
            m[u.get2() ? HourCells.BYTES_IN : HourCells.BYTES_OUT] += bytes;
            m[u.get2() ? HourCells.PACKETS_IN : HourCells.PACKETS_OUT] += u.get3();
            m[u.get3() % 2 == 0 ? HourCells.ACCEPTED : HourCells.REJECTED]++;
        }
        assertEquals(model.size(), cells.size());
        int slot = 0;
        long[] all = new long[HourCells.TRAFFIC_STRIDE];
        for (Map.Entry<Integer, long[]> e : model.entrySet()) {
            assertEquals(e.getKey(), cells.hour(slot));
            assertEquals(slot, cells.lowerBound(e.getKey()));
            int previous = slot == 0 ? Integer.MIN_VALUE : cells.hour(slot - 1);
            assertEquals(slot, cells.lowerBound(previous + 1), "the first hour after the cell before");
            for (int c = 0; c < HourCells.TRAFFIC_STRIDE; c++) {
                assertEquals(e.getValue()[c], cells.value(slot, c), "hour " + e.getKey() + " channel " + c);
                all[c] += e.getValue()[c];
            }
            slot++;
        }
        if (!model.isEmpty()) {
            assertEquals(model.size(), cells.lowerBound(model.lastKey() + 1));
            long[] sums = new long[HourCells.TRAFFIC_STRIDE];
            assertEquals(model.size(), cells.sum(model.firstKey(), model.lastKey() + 1, sums));
            assertArrayEquals(all, sums);
        }
    }

    /**
     * A full hour stops counting and says so, whether it is the latest hour (in fields) or an earlier one (in the
     * region): edges' totals rely on it.
     */
    @Test
    void callCountsSaturateAndSaySo() {
        int max = Integer.MAX_VALUE;
        CellSlab slab = new CellSlab();
        CallCells cells = CallCells.holding(100, max, max - 1);
        assertFalse(cells.addCall(slab, 100, true));
        assertTrue(cells.addCall(slab, 100, false));
        assertFalse(cells.addCall(slab, 100, false));
        assertEquals(max, cells.value(0, HourCells.SUCCESS));
        assertEquals(max, cells.value(0, HourCells.FAILURE));
        assertTrue(cells.addCall(slab, 99, true)); // an earlier hour: into the region, the full hour still the latest
        assertEquals(2, cells.size());
        assertEquals(100, cells.hour(1));
        assertFalse(cells.addCall(slab, 100, true));
        assertTrue(cells.addCall(slab, 101, true)); // a later hour: the full hour moves into the region
        assertEquals(3, cells.size());
        assertEquals(100, cells.hour(1));
        assertFalse(cells.addCall(slab, 100, true));
        assertFalse(cells.addCall(slab, 100, false));
        assertEquals(max, cells.value(1, HourCells.SUCCESS));
        assertEquals(max, cells.value(1, HourCells.FAILURE));
        assertEquals(1, cells.value(0, HourCells.SUCCESS));
        assertTrue(cells.addCall(slab, 99, true));
        assertEquals(2, cells.value(0, HourCells.SUCCESS));
        assertEquals(1, cells.value(2, HourCells.SUCCESS));
        assertEquals(0, cells.value(2, HourCells.FAILURE));
    }

    @Property(tries = 300)
    void callsHoldWhatASortedMapHolds(@ForAll("updates") List<Tuple.Tuple3<Integer, Boolean, Integer>> updates) {
        assertCallsHold(updates);
    }

    /** Logs arrive mostly in time order: runs in the latest hour, then a later one, with a few late calls. */
    @Property(tries = 300)
    void callsInTimeOrderHoldWhatASortedMapHolds(
            @ForAll("updates") List<Tuple.Tuple3<Integer, Boolean, Integer>> updates) {
        assertCallsHold(inTimeOrderMostly(updates));
    }

    /** The updates sorted by hour, but for a late one now and then. */
    private static List<Tuple.Tuple3<Integer, Boolean, Integer>> inTimeOrderMostly(
            List<Tuple.Tuple3<Integer, Boolean, Integer>> updates) {
        List<Tuple.Tuple3<Integer, Boolean, Integer>> ordered = new ArrayList<>(updates);
        ordered.sort(Comparator.comparing(Tuple.Tuple3::get1));
        for (int i = 0; i + 7 < ordered.size(); i += 11) {
            Collections.swap(ordered, i, i + 7);
        }
        return ordered;
    }

    private static void assertCallsHold(List<Tuple.Tuple3<Integer, Boolean, Integer>> updates) {
        CellSlab slab = new CellSlab();
        CallCells cells = HourCells.calls();
        TreeMap<Integer, long[]> model = new TreeMap<>();
        for (Tuple.Tuple3<Integer, Boolean, Integer> u : updates) {
            assertTrue(cells.addCall(slab, u.get1(), u.get2()));
            model.computeIfAbsent(u.get1(), h -> new long[2])[u.get2() ? 0 : 1]++;
        }
        assertEquals(model.size(), cells.size());
        int slot = 0;
        for (Map.Entry<Integer, long[]> e : model.entrySet()) {
            assertEquals(e.getKey(), cells.hour(slot));
            assertEquals(slot, cells.lowerBound(e.getKey()));
            int previous = slot == 0 ? Integer.MIN_VALUE : cells.hour(slot - 1);
            assertEquals(slot, cells.lowerBound(previous + 1), "the first hour after the cell before");
            assertEquals(e.getValue()[0], cells.value(slot, HourCells.SUCCESS), "hour " + e.getKey());
            assertEquals(e.getValue()[1], cells.value(slot, HourCells.FAILURE), "hour " + e.getKey());
            slot++;
        }
        if (!model.isEmpty()) {
            assertEquals(model.size(), cells.lowerBound(model.lastKey() + 1));
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE) // three parameters' edge cases would crowd out the tries
    void sumsAnyRangeAsTheMapDoes(@ForAll("updates") List<Tuple.Tuple3<Integer, Boolean, Integer>> updates,
            @ForAll @IntRange(min = 489_990, max = 490_060) int from, @ForAll @IntRange(min = 0, max = 40) int length) {
        CellSlab slab = new CellSlab();
        CallCells cells = HourCells.calls();
        TreeMap<Integer, long[]> model = new TreeMap<>();
        for (Tuple.Tuple3<Integer, Boolean, Integer> u : updates) {
            cells.addCall(slab, u.get1(), u.get2());
            model.computeIfAbsent(u.get1(), h -> new long[2])[u.get2() ? 0 : 1]++;
        }
        long[] expected = new long[2];
        Map<Integer, long[]> range = model.subMap(from, from + length);
        range.values().forEach(v -> {
            expected[0] += v[0];
            expected[1] += v[1];
        });
        long[] sums = new long[2];
        assertEquals(range.size(), cells.sum(from, from + length, sums));
        assertEquals(expected[0], sums[0]);
        assertEquals(expected[1], sums[1]);
        assertEquals(!range.isEmpty(), cells.anyIn(from, from + length));

        long[] dense = new long[length * 2];
        cells.addInto(from, from + length, dense);
        for (int i = 0; i < length; i++) {
            long[] m = model.getOrDefault(from + i, new long[2]);
            assertEquals(m[0], dense[2 * i]);
            assertEquals(m[1], dense[2 * i + 1]);
        }
    }

    @Property(tries = 50)
    void countersSaturateInsteadOfWrapping(@ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1) Integer> extra) {
        TrafficCells cells = HourCells.traffic();
        cells.addTraffic(7, true, Long.MAX_VALUE - 1, 1, true);
        for (int e : extra) {
            cells.addTraffic(7, true, e, 1, true);
        }
        assertEquals(Long.MAX_VALUE, cells.value(0, HourCells.BYTES_IN));
        cells.addTraffic(8, true, 1, 1, true); // the full hour moves from the fields into the arrays
        cells.addTraffic(7, true, 1, 1, true);
        assertEquals(Long.MAX_VALUE, cells.value(0, HourCells.BYTES_IN));
        assertEquals(extra.size() + 2, cells.value(0, HourCells.ACCEPTED));
        assertEquals(1, cells.value(1, HourCells.BYTES_IN));
    }
}
