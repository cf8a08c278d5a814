package io.github.detective4j.model;

/**
 * Where a source delivers the events it reads: a behavior graph, a collection in a test, a filter in front of either.
 *
 * <p>A source calls {@link #accept} from the thread that reads; an implementation that is shared by several sources
 * must be thread-safe, and says so.
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
}
