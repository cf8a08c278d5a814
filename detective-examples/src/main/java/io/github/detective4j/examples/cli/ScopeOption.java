package io.github.detective4j.examples.cli;

import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.ScopeTime;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --scope} option of the commands that answer about a scope time. */
final class ScopeOption {
    @Option(names = "--scope", paramLabel = "SCOPE", description = Scope.HELP
            + " Default: last 24h; for the profile of a finding, its first to last observation.")
    Scope scope;

    /**
     * Returns the scope given, if one was.
     *
     * @param graph the graph it is about
     * @return the scope time, or empty when {@code --scope} was not given
     */
    Optional<ScopeTime> given(BehaviorGraph graph) {
        return Optional.ofNullable(scope).map(s -> s.in(graph));
    }

    /**
     * Returns the scope given, or the last 24 hours of the data.
     *
     * @param graph the graph it is about
     * @return the scope time
     */
    ScopeTime in(BehaviorGraph graph) {
        return (scope == null ? Scope.LAST_DAY : scope).in(graph);
    }
}
