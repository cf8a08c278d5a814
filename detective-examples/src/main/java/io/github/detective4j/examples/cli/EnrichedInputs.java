package io.github.detective4j.examples.cli;

import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.intel.ThreatIntelList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The logs, where their addresses are ({@link LocatedInputs}), and which addresses are flagged
 * ({@code --threat-intel}): for the commands whose answers use every enrichment seam (investigations and reports).
 * Without a list, flagged addresses have nothing to go on, and the answers say nothing of them.
 */
final class EnrichedInputs extends LocatedInputs {
    @Option(names = "--threat-intel", paramLabel = "FILE", description = "Flagged addresses: a list of IPs and CIDRs,"
            + " one a line with an optional reason (blocklists, Tor exits, Spamhaus DROP). Repeatable.")
    List<Path> threatIntel = new ArrayList<>();

    /**
     * Returns a graph builder with the places and the flagged addresses the options name.
     *
     * @return the builder
     * @throws IOException if a file cannot be read or is not of its kind
     */
    @Override
    BehaviorGraph.Builder builder() throws IOException {
        BehaviorGraph.Builder graph = super.builder();
        if (!threatIntel.isEmpty()) {
            graph.threatIntel(ThreatIntelList.load(threatIntel.toArray(Path[]::new)));
        }
        return graph;
    }
}
