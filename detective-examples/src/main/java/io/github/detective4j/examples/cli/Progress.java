package io.github.detective4j.examples.cli;

import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.model.EventSink;
import io.github.detective4j.model.SecurityEvent;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A line on stderr that tells how a long read is going, files done and events per second, rewritten in place at most
 * a few times a second, so that it costs nothing next to parsing.
 */
final class Progress implements EventSink {
    private static final long EVERY_NANOS = 250_000_000L;

    private final EventSink sink;
    private final PrintWriter err;
    private final long started = System.nanoTime();
    private long shown = started;
    private long files;
    private long events;

    Progress(EventSink sink, PrintWriter err) {
        this.sink = sink;
        this.err = err;
    }

    @Override
    public void accept(SecurityEvent event) {
        sink.accept(event);
        events++;
        if ((events & 1023) == 0) {
            show(false);
        }
    }

    @Override
    public void acceptAll(List<? extends SecurityEvent> batch) {
        sink.acceptAll(batch); // a batch stays a batch: a graph takes it under one lock
        long before = events;
        events += batch.size();
        if ((before >>> 10) != (events >>> 10)) {
            show(false);
        }
    }

    /** Counts one input done; the reader calls it after each file. */
    void inputDone(IngestReport input) {
        files += input.inputs();
        show(false);
    }

    /** Shows the last figures and ends the line. */
    void finish() {
        show(true);
        err.println();
        err.flush();
    }

    private void show(boolean last) {
        long now = System.nanoTime();
        if (!last && now - shown < EVERY_NANOS) {
            return;
        }
        shown = now;
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        err.print(String.format(Locale.ROOT, "\rread %,d files, %,d events, %,.0f events/s", files, events,
                events / seconds));
        err.flush();
    }
}
