package io.github.detective4j.examples.cli;

import io.github.detective4j.enrich.AsnResolver;
import io.github.detective4j.enrich.GeoLocator;
import io.github.detective4j.enrich.GeoTable;
import io.github.detective4j.enrich.MaxMindGeo;
import io.github.detective4j.graph.BehaviorGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The logs, and the options that say where addresses are ({@code --geoip}) and which autonomous system they belong
 * to ({@code --asn}): without them new geolocations, new ASOs and impossible travel have nothing to go on, and the
 * answers say nothing of them. For the commands whose answers use places (new behavior); {@link EnrichedInputs}
 * adds threat intelligence for those that also flag addresses.
 */
class LocatedInputs extends Inputs {
    @Option(names = "--geoip", paramLabel = "FILE", description = "Where addresses are: a MaxMind GeoLite2 or GeoIP2"
            + " City .mmdb, or a CSV table in GeoTable's form (the demo's is demo-geo.csv in its --out folder).")
    Path geoip;

    @Option(names = "--asn", paramLabel = "FILE", description = "Which autonomous system addresses belong to: a"
            + " GeoLite2 ASN .mmdb or a GeoTable CSV. Default: the --geoip file's, when it has them.")
    Path asn;

    /**
     * Returns a graph builder with the places the options name.
     *
     * @return the builder
     * @throws IOException if a file cannot be read or is not of its kind
     */
    @Override
    BehaviorGraph.Builder builder() throws IOException {
        BehaviorGraph.Builder graph = super.builder();
        if (geoip != null) {
            Source places = open(geoip);
            graph.geoLocator(places.locator()).asnResolver(places.resolver());
        }
        if (asn != null) {
            graph.asnResolver(open(asn).resolver());
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
