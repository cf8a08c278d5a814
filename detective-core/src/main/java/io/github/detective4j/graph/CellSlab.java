package io.github.detective4j.graph;

import com.carrotsearch.hppc.IntObjectHashMap;
import com.google.common.annotations.VisibleForTesting;
import java.util.Arrays;

/**
 * Where a graph's API-call series ({@link CallCells}) keep their earlier cells: regions of a few large {@code int}
 * chunks, one region per series, instead of an array per series.
 *
 * <p>Why: a series stores a cell each time it moves to a new hour, two calls in five while loading the {@code compare}
 * corpus, and a store into a series' own array first reads that array's length for the bounds check: the array was
 * last touched an hour of log time ago, so nearly every such store waited on memory, a fifth of ingest's time. A
 * region's stores are checked against its chunk's length, which every series of the chunk shares and which stays in
 * cache, and a store that misses the cache does not stall the thread the way a load does. The chunks hold no
 * references, so the collector never scans them, and the larger ones are allocated outside the young generation, so
 * it does not copy them either.
 *
 * <p>A region that a series outgrows is kept in a list of free regions of its length and handed to the next series
 * that grows to that length (regions come in the few lengths {@link HourCells#grow} gives). Series that grow in step
 * leave regions behind that no other series comes to need: when the free regions hold more than the regions in use
 * (and more than {@value #MIN_WASTE} ints), the slab says so ({@link #wasteful}) and the graph moves every series to a
 * new slab ({@code GraphData}), so that past that minimum the slab holds little more than twice what the series hold.
 * Chunks start at 16 KiB and double up to 16 MiB, so that a small graph stays small; each is a power of two bytes, header included, so that a chunk the collector stores apart from the rest (G1's
 * humongous objects) fills the regions it takes. A region longer than the largest chunk gets a chunk of its own. Not
 * thread-safe: the graph's lock guards it, as it guards every series.
 */
final class CellSlab {
    /** The ints of an array's header: 16 bytes. */
    private static final int HEADER = 4;
    /** Ints of the first chunk: 16 KiB with the header. */
    static final int FIRST_CHUNK = (1 << 12) - HEADER;
    /** Ints of the largest chunk shared by several regions: 16 MiB with the header. */
    static final int MAX_CHUNK = (1 << 22) - HEADER;
    /** Ints of free regions below which the slab is never {@link #wasteful}: 4 MiB. */
    static final int MIN_WASTE = 1 << 20;

    private final int firstChunk;
    private final int maxChunk;
    private final long minWaste;
    private int nextChunk;
    private int[][] chunks = new int[4][];
    private int chunkCount;
    /** The chunk regions are cut from, its index, and its first int not yet cut. */
    private int[] current;
    private int currentIndex;
    private int top;
    /** Free regions by length. */
    private final IntObjectHashMap<Free> free = new IntObjectHashMap<>();
    /** Ints handed out in regions and not given back, in free regions, and in all chunks. */
    private long used;
    private long freed;
    private long allocated;

    /** Free regions of one length, as a stack. */
    private static final class Free {
        long[] regions = new long[4];
        int count;
    }

    CellSlab() {
        this(FIRST_CHUNK, MAX_CHUNK, MIN_WASTE);
    }

    /**
     * A slab whose chunks grow from {@code firstChunk} to {@code maxChunk} ints, {@link #wasteful} past
     * {@code minWaste} ints of free regions: small ones for tests.
     */
    CellSlab(int firstChunk, int maxChunk, long minWaste) {
        if (firstChunk < 1 || maxChunk < firstChunk) {
            throw new IllegalArgumentException("chunks of " + firstChunk + " to " + maxChunk + " ints");
        }
        this.firstChunk = firstChunk;
        this.nextChunk = firstChunk;
        this.maxChunk = maxChunk;
        this.minWaste = minWaste;
    }

    /** An empty slab with this one's settings, for the series to move to when this one is {@link #wasteful}. */
    CellSlab fresh() {
        return new CellSlab(firstChunk, maxChunk, minWaste);
    }

    /** Tells whether the free regions hold more than the regions in use, and more than the minimum. */
    boolean wasteful() {
        return freed > minWaste && freed > used;
    }

    /**
     * Cuts a region of {@code length} ints, its content undefined: a free one of that length when there is one, else
     * from the chunk being cut, else from a new chunk (the old one's uncut end then stays unused); a region of at
     * least the largest chunk's length gets a chunk of its own.
     *
     * @return the region: its chunk ({@link #chunkOf}) and its offset there ({@link #offsetOf})
     */
    long allocate(int length) {
        used += length;
        Free regions = free.get(length);
        if (regions != null && regions.count > 0) {
            freed -= length;
            return regions.regions[--regions.count];
        }
        if (length >= maxChunk) {
            return (long) addChunk(length + 1) << 32 | 1; // a chunk of its own: the one being cut stays so
        }
        if (current == null || current.length - top < length) {
            currentIndex = addChunk((int) Math.max(nextChunk, length + 1L));
            current = chunks[currentIndex];
            top = 1;
            nextChunk = (int) Math.min(maxChunk, 2L * nextChunk + HEADER); // twice the bytes, header included
        }
        long region = (long) currentIndex << 32 | top;
        top += length;
        return region;
    }

    /** Adds a chunk of {@code size} ints, its first int its index; returns the index. */
    private int addChunk(int size) {
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        int[] chunk = new int[size];
        chunk[0] = chunkCount;
        chunks[chunkCount] = chunk;
        allocated += size;
        return chunkCount++;
    }

    /**
     * Gives back a region of {@code length} ints at {@code offset} of {@code chunk} that no series uses any more, for
     * the next one of that length; a region of another slab's chunk is ignored.
     */
    void free(int[] chunk, int offset, int length) {
        int index = chunk[0]; // a chunk's first int is its index: regions start after it
        if (index >= chunkCount || chunks[index] != chunk) {
            return; // another slab's, as a series left behind would give: dropping it is safe, reusing it is not
        }
        long region = (long) index << 32 | offset;
        used -= length;
        freed += length;
        Free regions = free.get(length);
        if (regions == null) {
            regions = new Free();
            free.put(length, regions);
        }
        if (regions.count == regions.regions.length) {
            regions.regions = Arrays.copyOf(regions.regions, regions.count * 2);
        }
        regions.regions[regions.count++] = region;
    }

    /** The chunk a region lies in. */
    int[] chunkOf(long region) {
        return chunks[(int) (region >>> 32)];
    }

    /** The offset of a region in its chunk. */
    static int offsetOf(long region) {
        return (int) region;
    }

    /**
     * Bytes of the slab that no region in use holds: free regions, the chunks' uncut ends, the chunks' headers and the
     * table of chunks. The regions in use are counted by their series ({@link CallCells#retainedBytes}); the graph's
     * statistics leave this out ({@link GraphStats#seriesBytes}), as it depends on how the series' events interleaved.
     */
    @VisibleForTesting
    long slackBytes() {
        return (allocated - used) * Integer.BYTES + 16L * chunkCount + 16 + 4L * chunks.length;
    }
}
