package io.github.detective4j.aws.cloudtrail;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * What reading one CloudTrail input needs that costs more to make than to keep: the cursor's buffer, the table of
 * learned field names and the cache of canonical source addresses. Lent from a small pool that every reader of the
 * process shares, and given back when the input is done.
 *
 * <p>Why: a trail delivers a file every few minutes per account and region, and a quiet one holds a few records.
 * Lending them, with {@code LogReader}'s own buffers, took a one-record file from about 12 to 7 µs (a scratch loop
 * over one file in memory; resetting the names table cost nothing measurable there). The names table is reset for
 * each input, as a new one would start; the address cache is kept, since what it maps (a string to its canonical
 * address) holds for every input; the buffer is only read where the cursor has written, so what an earlier input
 * left in it is never seen.
 *
 * <p>Memory: at most {@value #POOLED} sets of about 300 KiB are kept for the life of the process; a read that finds
 * the pool empty makes a set of its own, which the pool keeps afterwards if it has room. Thread-safe: a set serves
 * one read at a time, and the pool's queue hands it from one thread to the next safely.
 */
final class Scratch {
    /** Enough for the readers of a busy process; more concurrent reads make sets of their own. */
    private static final int POOLED = 16;
    private static final ArrayBlockingQueue<Scratch> POOL = new ArrayBlockingQueue<>(POOLED);

    private final byte[] buffer = new byte[JsonCursor.BUFFER_BYTES];
    final FieldNames.Learned names = new FieldNames.Learned();
    final AddressCache addresses = new AddressCache();

    private Scratch() {
    }

    /**
     * Borrows a set, from the pool when it has one.
     *
     * @return the set, its names table as a new input starts with it; {@link #giveBack} it when the input is done
     */
    static Scratch borrow() {
        Scratch pooled = POOL.poll();
        if (pooled == null) {
            return new Scratch();
        }
        pooled.names.reset();
        return pooled;
    }

    /** The cursor's buffer to start with. */
    byte[] buffer() {
        return buffer;
    }

    /**
     * Gives the set back; nothing may use it, or its buffer, afterwards. A cursor that grew its buffer past the full
     * size (for a long string) drops the grown one: the set keeps the buffer it lent.
     */
    void giveBack() {
        POOL.offer(this);
    }
}
