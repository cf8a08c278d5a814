package io.github.detective4j.aws;

import io.github.detective4j.model.EventSink;
import io.github.detective4j.model.SecurityEvent;

/**
 * In front of a sink while one object is read again after a read of it stopped midway: drops as many events as the
 * sink took the first time (an object's bytes parse to the same events in the same order) and counts what the sink
 * takes, so that the next stop knows where it was. One object, one thread.
 */
final class ResumingSink implements EventSink {
    private final EventSink sink;
    private final long alreadyTaken;
    private long toDrop;
    private long taken;

    ResumingSink(EventSink sink, long alreadyTaken) {
        this.sink = sink;
        this.alreadyTaken = alreadyTaken;
        this.toDrop = alreadyTaken;
        this.taken = alreadyTaken;
    }

    /**
     * The read's report with the events this sink passed over counted as skipped, not produced: the sink did not
     * get them this time ({@link IngestReport#ALREADY_DELIVERED}).
     */
    IngestReport delivered(IngestReport report) {
        return report.alreadyDelivered(alreadyTaken - toDrop);
    }

    @Override
    public void accept(SecurityEvent event) {
        if (toDrop > 0) {
            toDrop--;
            return;
        }
        sink.accept(event);
        taken++; // only once the sink returned: an event it threw on was not taken
    }

    /** Of the events the stopped reads took, those not yet passed over again. */
    long stillToDrop() {
        return toDrop;
    }

    /** The object's events the sink took, in this read and the stopped ones before it. */
    long taken() {
        return taken;
    }
}
