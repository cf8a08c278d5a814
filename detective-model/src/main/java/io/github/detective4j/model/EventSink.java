package io.github.detective4j.model;

import java.util.List;

/**
 * Where a source delivers the events it reads: a behavior graph, a collection in a test, a filter in front of either.
 *
 * <p>A source calls {@link #accept} (or {@link #acceptAll} with a batch) from the thread that reads; an
 * implementation that is shared by several sources must be thread-safe, and says so.
 *
 * <pre>{@code
 * List<SecurityEvent> events = new ArrayList<>();
 * EventSink sink = events::add;
 * }</pre>
 */
@FunctionalInterface
public interface EventSink {
    /**
     * Takes one event.
     *
     * @param event the event, never null
     */
    void accept(SecurityEvent event);

    /**
     * Takes a batch of events, in order. The default calls {@link #accept} for each; a sink that can take a batch
     * more cheaply (a behavior graph locks once per batch) overrides it.
     *
     * @param events the events, none null; the sink must not keep the list, which the caller may reuse
     */
    default void acceptAll(List<? extends SecurityEvent> events) {
        for (SecurityEvent event : events) {
            accept(event);
        }
    }
}
