package io.github.detective4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carrotsearch.hppc.cursors.LongObjectCursor;
import io.github.detective4j.model.SecurityEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CellSlab} under the series that share it: every series must hold exactly what a sorted map of its own holds,
 * however their regions are cut, outgrown, given back and handed to another series.
 */
class CellSlabTest {

    /**
     * Forty series in one slab of tiny chunks (so that regions fill chunks and start new ones, and the regions of 32
     * cells and more get chunks of their own), updated in turn, mostly in time order with late hours among them; every series is checked
     * against its model every 500 updates, so that a region handed to two series at once, or a copy that lost cells,
     * shows.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void seriesSharingASlabHoldWhatTheirModelsHold(long seed) {
        Random random = new Random(seed);
        CellSlab slab = new CellSlab(7, 83, Long.MAX_VALUE);
        List<CallCells> series = new ArrayList<>();
        List<TreeMap<Integer, long[]>> models = new ArrayList<>();
        int[] clocks = new int[40];
        for (int i = 0; i < clocks.length; i++) {
            series.add(HourCells.calls());
            models.add(new TreeMap<>());
            clocks[i] = 1_000 + random.nextInt(50);
        }
        for (int update = 1; update <= 12_000; update++) {
            // a few busy series and many quiet ones, as principals are
            int s = random.nextInt(4) == 0 ? random.nextInt(4) : random.nextInt(clocks.length);
            int hour;
            int dice = random.nextInt(10);
            if (dice < 6) {
                hour = clocks[s];
            } else if (dice < 9) {
                hour = clocks[s] += 1 + random.nextInt(3);
            } else {
                hour = clocks[s] - random.nextInt(40); // late
            }
            boolean success = random.nextInt(5) != 0;
            assertTrue(series.get(s).addCall(slab, hour, success));
            models.get(s).computeIfAbsent(hour, h -> new long[2])[success ? 0 : 1]++;
            if (update % 500 == 0) {
                for (int i = 0; i < clocks.length; i++) {
                    assertHolds(models.get(i), series.get(i), "series " + i + " after " + update + " updates");
                }
            }
        }
    }

    private static void assertHolds(TreeMap<Integer, long[]> model, CallCells cells, String what) {
        assertEquals(model.size(), cells.size(), what);
        int slot = 0;
        for (Map.Entry<Integer, long[]> e : model.entrySet()) {
            assertEquals(e.getKey(), cells.hour(slot), what);
            assertEquals(e.getValue()[0], cells.value(slot, HourCells.SUCCESS), what + ", hour " + e.getKey());
            assertEquals(e.getValue()[1], cells.value(slot, HourCells.FAILURE), what + ", hour " + e.getKey());
            slot++;
        }
    }

    @Test
    void aRegionGivenBackIsHandedOutAgainForItsLengthOnly() {
        CellSlab slab = new CellSlab(100, 1_000, Long.MAX_VALUE);
        long first = slab.allocate(6);
        long second = slab.allocate(12);
        assertNotEquals(first, second);
        slab.free(slab.chunkOf(first), CellSlab.offsetOf(first), 6);
        long other = slab.allocate(12);
        assertNotEquals(first, other, "a free region of another length");
        assertEquals(first, slab.allocate(6), "the free region of that length");
        assertNotEquals(first, slab.allocate(6), "handed out once only");
    }

    @Test
    void regionsStartPastTheChunksIndexAndLongOnesGetAChunkOfTheirOwn() {
        CellSlab slab = new CellSlab(10, 40, Long.MAX_VALUE);
        long a = slab.allocate(5);
        assertEquals(1, CellSlab.offsetOf(a), "a chunk's first int is its index");
        long b = slab.allocate(4);
        assertSame(slab.chunkOf(a), slab.chunkOf(b));
        assertEquals(6, CellSlab.offsetOf(b));
        long c = slab.allocate(5); // no room left: a new chunk, twice the bytes
        assertNotEquals(slab.chunkOf(a), slab.chunkOf(c));
        assertEquals(1, slab.chunkOf(c)[0]);
        assertEquals(24, slab.chunkOf(c).length);
        long own = slab.allocate(40);
        assertEquals(41, slab.chunkOf(own).length);
        assertEquals(2, slab.chunkOf(own)[0]);
        long d = slab.allocate(3); // the chunk being cut is still the second one
        assertSame(slab.chunkOf(c), slab.chunkOf(d));
        assertEquals(6, CellSlab.offsetOf(d));
        slab.free(slab.chunkOf(own), CellSlab.offsetOf(own), 40);
        assertEquals(own, slab.allocate(40));
    }

    /**
     * Principals that all call once an hour outgrow their regions in step, so that the regions they leave are of a
     * length nobody needs any more: the graph then moves its series to a new slab, and every series holds exactly what
     * it holds in a graph whose slab never does.
     */
    @Test
    void aGraphLeavesASlabOfRegionsNobodyNeeds() {
        GraphSettings settings = BehaviorGraph.builder().build().settings();
        GraphData compacting = new GraphData(settings);
        CellSlab first = new CellSlab(64, 4_096, 2_000);
        compacting.slab = first;
        GraphData keeping = new GraphData(settings);
        keeping.slab = new CellSlab(64, 4_096, Long.MAX_VALUE);
        for (int hour = 0; hour < 300; hour++) {
            List<SecurityEvent> batch = new ArrayList<>();
            for (int user = 0; user < 60; user++) {
                batch.add(Events.call(Events.session("user" + user), Events.hours(hour).plusSeconds(user), "GetUser",
                        "198.51.100." + user));
            }
            compacting.ingestBatch(batch.iterator());
            keeping.ingestBatch(batch.iterator());
        }
        assertNotSame(first, compacting.slab, "moved to a new slab");
        List<HourCells> expected = new ArrayList<>();
        keeping.forEachSeries(expected::add);
        long inUse = 0;
        for (HourCells series : expected) {
            inUse += series instanceof CallCells ? series.retainedBytes() - 40 : 0;
        }
        assertTrue(keeping.slab.slackBytes() > inUse, "the regions left behind outweigh those in use");
        assertFalse(compacting.slab.wasteful());
        assertTrue(compacting.slab.slackBytes() < inUse, compacting.slab.slackBytes() + " bytes of slack");
        // series by entity and key: the maps' iteration orders differ from one map to the next
        List<Node> nodes = keeping.entities.all();
        List<Node> others = compacting.entities.all();
        assertEquals(nodes.size(), others.size());
        int compared = 0;
        for (int n = 0; n < nodes.size(); n++) {
            Node node = nodes.get(n);
            Node other = others.get(n);
            assertEquals(node.ref, other.ref);
            compared += assertSameSeries(node.calls, other.calls, node.ref + " calls");
            compared += assertSameSeries(node.traffic, other.traffic, node.ref + " traffic");
            if (node.drillDown != null) {
                for (LongObjectCursor<HourCells> c : node.drillDown) {
                    compared += assertSameSeries(c.value, other.drillDown.get(c.key), node.ref + " key " + c.key);
                }
            }
            if (node.out != null) {
                for (LongObjectCursor<Edge> c : node.out) {
                    compared += assertSameSeries(c.value.cells, other.out.get(c.key).cells, node.ref + " edge " + c.key);
                }
            }
        }
        for (int m = 0; m < keeping.methods.size(); m++) {
            compared += assertSameSeries(keeping.methods.calls(m), compacting.methods.calls(m), "method " + m);
        }
        assertEquals(expected.size(), compared, "every series compared");
    }

    private static int assertSameSeries(HourCells expected, HourCells actual, String what) {
        if (expected == null) {
            assertEquals(null, actual, what);
            return 0;
        }
        assertEquals(expected.size(), actual.size(), what);
        for (int slot = 0; slot < expected.size(); slot++) {
            assertEquals(expected.hour(slot), actual.hour(slot), what);
            for (int channel = 0; channel < expected.stride(); channel++) {
                assertEquals(expected.value(slot, channel), actual.value(slot, channel), what + ", slot " + slot);
            }
        }
        return 1;
    }

    /** A series that a graph missed when it moved to a new slab must not corrupt it: what it gives back is dropped. */
    @Test
    void aRegionOfAnotherSlabIsNotTakenBack() {
        CellSlab slab = new CellSlab(10, 40, Long.MAX_VALUE);
        CellSlab other = new CellSlab(10, 40, Long.MAX_VALUE);
        long mine = slab.allocate(6);
        long theirs = other.allocate(6);
        assertEquals(mine, theirs, "the first region of either slab");
        slab.free(other.chunkOf(theirs), CellSlab.offsetOf(theirs), 6);
        assertNotEquals(mine, slab.allocate(6), "a region in use, handed out again");
    }

    @Test
    void slackIsWhatNoRegionInUseHolds() {
        CellSlab slab = new CellSlab(10, 40, Long.MAX_VALUE);
        long a = slab.allocate(6);
        long overhead = 16 + 16 + 4 * 4; // one chunk's header, the table's header and its four slots
        assertEquals((10 - 6) * 4 + overhead, slab.slackBytes());
        slab.free(slab.chunkOf(a), CellSlab.offsetOf(a), 6);
        assertEquals(10 * 4 + overhead, slab.slackBytes());
    }
}
