package io.github.detective4j.examples.cli;

import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.ParseError;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.graph.GraphStats;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.text.TextTable;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code detective ingest}: reads logs into a behavior graph and tells what was read, what was skipped and why, what
 * could not be read and where, and what the graph holds: the first thing to run on logs of one's own.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read logs and print what was read: inputs, records, events, records skipped by rule, errors"
                + " with file:line, and the entities and time span of the data.")
final class IngestCommand implements Callable<Integer> {
    @Mixin
    Inputs inputs;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        int threads = inputs.threads();
        BehaviorGraph graph = inputs.builder().build();
        IngestReport report = Inputs.read(inputs.logs, graph, inputs.spec, inputs.progress, threads);
        GraphStats stats = graph.stats();
        output.print(new Ingested(report, stats), text(report, stats));
        inputs.check(report);
        return 0;
    }

    private static String text(IngestReport report, GraphStats stats) {
        TextTable read = TextTable.of("read", "")
                .row("inputs", report.inputs())
                .row("bytes (decompressed)", report.bytesRead())
                .row("records", report.recordsRead())
                .row("events", report.eventsProduced())
                .row("skipped", report.skippedTotal());
        report.skipped().forEach((rule, n) -> read.row("  " + rule, n));
        read.row("errors", report.errors());
        StringBuilder out = new StringBuilder(read.toString());
        if (!report.firstErrors().isEmpty()) {
            out.append("\n\nerrors").append(report.errors() > report.firstErrors().size()
                    ? " (the first " + report.firstErrors().size() + ")" : "");
            for (ParseError error : report.firstErrors()) {
                out.append('\n').append(TextTable.escape(error.toString()));
            }
        }
        TextTable graph = TextTable.of("graph", "")
                .row("first event", stats.firstEvent())
                .row("last event", stats.lastEvent());
        if (stats.refusedEvents() > 0) { // an event the graph takes no time of would vanish without a word
            graph.row("events refused (times outside 1970 to 9999)", stats.refusedEvents());
        }
        graph
                .row("API calls", stats.apiCalls())
                .row("flow records", stats.flows())
                .row("findings", stats.findings())
                .row("relationships", stats.relationships());
        for (EntityType type : EntityType.values()) { // in the model's order, whatever the map's
            int n = stats.entities().getOrDefault(type, 0);
            if (n > 0) {
                graph.row("  " + type.namespace(), n);
            }
        }
        // what the caps held back, shown only when they did: a flood in the logs should be visible here
        if (stats.droppedRelationships() > 0 || stats.droppedEntities() > 0 || stats.overflowedDrillDowns() > 0) {
            graph.row("past the caps", "")
                    .row("  relationships not kept", stats.droppedRelationships())
                    .row("  entities not kept", stats.droppedEntities())
                    .row("  events in (other) rows", stats.overflowedDrillDowns());
        }
        return out.append("\n\n").append(graph).toString();
    }

    /**
     * The JSON of {@code ingest}: the reader's report and the graph's statistics.
     *
     * @param report what was read
     * @param graph what the graph holds
     */
    record Ingested(IngestReport report, GraphStats graph) {}
}
