package io.github.detective4j.examples.live;

import io.github.detective4j.model.EventSink;
import java.util.concurrent.atomic.AtomicLong;

/** How the tests kill a reader: the sink it delivers to dies, as a process dies, between two events. */
final class Crashes {
    private Crashes() {}

    /** A sink in front of another that passes on this many events and throws on the next, and on every later one. */
    static EventSink sinkDyingAfter(long events, EventSink sink) {
        AtomicLong passed = new AtomicLong();
        return event -> {
            if (passed.getAndIncrement() >= events) {
                throw new IllegalStateException("killed inside an object");
            }
            sink.accept(event);
        };
    }
}
