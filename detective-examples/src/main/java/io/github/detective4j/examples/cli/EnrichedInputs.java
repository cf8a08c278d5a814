package io.github.detective4j.examples.cli;

import io.github.detective4j.enrich.AsnResolver;
import io.github.detective4j.enrich.GeoLocator;
import io.github.detective4j.enrich.GeoTable;
import io.github.detective4j.enrich.MaxMindGeo;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.intel.ThreatIntelList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The logs, and the options that feed the graph's enrichment seams: where addresses are ({@code --geoip}), which
 * autonomous system they belong to ({@code --asn}) and which are flagged ({@code --threat-intel}). Without them new
 * geolocations, ASOs, impossible travel and flagged addresses have nothing to go on, and the answers say nothing of
 * them.
 */
final class EnrichedInputs extends Inputs {
    @Option(names = "--geoip", paramLabel = "FILE", description = "Where addresses are: a MaxMind GeoLite2 or GeoIP2"
            + " City .mmdb, or a CSV table in GeoTable's form (the demo's is demo-geo.csv in its --out folder).")
    Path geoip;

    @Option(names = "--asn", paramLabel = "FILE", description = "Which autonomous system addresses belong to: a"
            + " GeoLite2 ASN .mmdb or a GeoTable CSV. Default: the --geoip file's, when it has them.")
    Path asn;

    @Option(names = "--threat-intel", paramLabel = "FILE", description = "Flagged addresses: a list of IPs and CIDRs,"
            + " one a line with an optional reason (blocklists, Tor exits, Spamhaus DROP). Repeatable.")
    List<Path> threatIntel = new ArrayList<>();

    /**
     * Returns a graph builder with the seams the options name.
     *
     * @return the builder
     * @throws IOException if a file cannot be read or is not of its kind
     */
    @Override
    BehaviorGraph.Builder builder() throws IOException {
        BehaviorGraph.Builder graph = BehaviorGraph.builder();
        if (geoip != null) {
            Source places = open(geoip);
            graph.geoLocator(places.locator()).asnResolver(places.resolver());
        }
        if (asn != null) {
            graph.asnResolver(open(asn).resolver());
        }
        if (!threatIntel.isEmpty()) {
            graph.threatIntel(ThreatIntelList.load(threatIntel.toArray(Path[]::new)));
        }
        return graph;
    }

    /** A MaxMind database by its extension, as MaxMind names them; anything else is read as a GeoTable CSV. */
    private static Source open(Path file) throws IOException {
        if (Files.isDirectory(file)) { // readers of files say only "Is a directory", without the name
            throw new CommandFailure(file + " is a directory; --geoip and --asn take a .mmdb or .csv file");
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mmdb")) {
            MaxMindGeo maxmind = MaxMindGeo.open(file); // open until the process ends, as lookups need it
            return new Source(maxmind, maxmind);
        }
        GeoTable table = GeoTable.load(file);
        return new Source(table, table);
    }

    /** One file's answers to both questions; a City database answers no ASNs and an ASN one no places. */
    private record Source(GeoLocator locator, AsnResolver resolver) {}
}
