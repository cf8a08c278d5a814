package io.github.detective4j.examples.cli;

import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.behavior.NewBehavior;
import io.github.detective4j.enrich.GeoTable;
import io.github.detective4j.examples.incident.Facts;
import io.github.detective4j.examples.incident.ReferenceIncident;
import io.github.detective4j.examples.incident.Written;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.graph.RelationshipSummary;
import io.github.detective4j.graph.RelationshipType;
import io.github.detective4j.investigation.Investigation;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.profile.HourlyTraffic;
import io.github.detective4j.profile.InstanceTraffic;
import io.github.detective4j.profile.PairTraffic;
import io.github.detective4j.profile.Profile;
import io.github.detective4j.report.Report;
import io.github.detective4j.text.TextTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code detective demo}: writes the reference incident as real AWS files, reads them back through the parsers, and
 * walks the investigator's path through the public API, printing each answer: the most severe finding, its instance's
 * traffic with the remote address, the other instance that talked to it, the user who launched the instance, that
 * user's new behavior and the investigation's verdict. Every step starts from the answer of the step before; the
 * incident's facts only write the files. The answers also go into {@code incident.html} ({@link Report}), in the
 * {@code --out} folder or the temporary folder, whose path it prints.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate the reference crypto-mining incident (60 days of CloudTrail, VPC Flow Logs and"
                + " GuardDuty files), read it, and walk the investigator's path from the first finding to the"
                + " compromised admin user; write its pictures to incident.html.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "Write the files into this new or empty folder and"
            + " keep them, with the demo's GeoIP table demo-geo.csv and the report incident.html, to explore with the"
            + " other commands. Default: a temporary folder, deleted at the end; incident.html goes to the system's"
            + " temporary folder.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "The seed of the background activity. Default: 42.")
    long seed = ReferenceIncident.DEFAULT_SEED;

    @Option(names = "--progress", negatable = true, description = "Show files read and events per second on stderr."
            + " Default: when run in a terminal.")
    Boolean progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        PrintWriter text = spec.commandLine().getOut();
        Path dir = folder();
        try {
            ReferenceIncident incident = ReferenceIncident.builder().seed(seed).build();
            Facts facts = incident.facts();
            Written written = incident.write(dir);
            Files.writeString(dir.resolve("demo-geo.csv"), facts.geoTableCsv());
            text.printf(Locale.ROOT, "Wrote the reference incident to %s: %,d files (%,d CloudTrail, %,d VPC Flow"
                    + " Logs, %,d GuardDuty), %,d bytes, in %.1f s%n", dir, written.files(), written.cloudTrailFiles(),
                    written.flowLogFiles(), written.findingFiles(), written.bytes(), seconds(started));

            GeoTable places = facts.geoTable(); // the story's cities; real logs take --geoip GeoLite2-City.mmdb
            BehaviorGraph graph = BehaviorGraph.builder().geoLocator(places).asnResolver(places).build();
            long reading = System.nanoTime();
            IngestReport report = Inputs.read(List.of(dir.resolve("AWSLogs")), graph, spec, progress,
                    Inputs.defaultThreads());
            text.printf(Locale.ROOT, "Read them through the parsers: %,d records, %,d events, %,d errors, in %.1f s%n",
                    report.recordsRead(), report.eventsProduced(), report.errors(), seconds(reading));
            Walk walk = walk(graph, places, text);
            EntityRef creator = walk.creator();
            Path page = (out == null ? Path.of(System.getProperty("java.io.tmpdir")) : dir).resolve("incident.html");
            report().write(page, walk.answers().toArray());
            text.printf(Locale.ROOT, "%nThe investigator's path took %.1f s in all. Its pictures, every answer above"
                    + " with timelines and a map: %s%n", seconds(started), page.toAbsolutePath());
            if (out != null) {
                text.printf(Locale.ROOT, "Ask more of the files, for example: detective investigate --geoip %s"
                        + " --scope 'last 9d' --entity %s %s%n", dir.resolve("demo-geo.csv"), creator, dir.resolve("AWSLogs"));
            } else {
                text.println("To keep the files and ask more of them: detective demo --out <new folder>");
            }
        } finally {
            text.flush();
            if (out == null) {
                delete(dir);
            }
        }
        return 0;
    }

    /**
     * The investigator's path: where it ends, the principal who launched the instance, and every answer on the way,
     * for the report.
     *
     * @param creator the principal who launched the instance
     * @param answers the profiles, new behavior, investigation and finding groups, in the order of the path
     */
    record Walk(EntityRef creator, List<Object> answers) {}

    /** The demo's report: its title, and links into the incident region's Detective console. */
    static Report report() {
        return Report.builder().title("Crypto-mining incident: from the BitcoinTool finding to the admin user")
                .region(ReferenceIncident.standard().facts().region()).build();
    }

    /** Prints the path, and returns where it ends and what it found. */
    static Walk walk(BehaviorGraph graph, GeoTable places, PrintWriter text) {
        List<Object> answers = new ArrayList<>();
        Finding finding = graph.findings().get(0); // most severe first
        ScopeTime scope = ScopeTime.ofFinding(finding);
        Profile ofFinding = graph.profile(finding.ref(), scope);
        answers.add(ofFinding);
        step(text, 1, "The most severe finding, " + finding.type() + ", over its scope " + scope,
                ofFinding.finding().orElseThrow());

        PairTraffic pair = ofFinding.flowsWithRemoteIp().orElseThrow().pairs().get(0);
        LongSummaryStatistics in = active(pair).mapToLong(HourlyTraffic::bytesIn).summaryStatistics();
        LongSummaryStatistics outbound = active(pair).mapToLong(HourlyTraffic::bytesOut).summaryStatistics();
        step(text, 2, String.format(Locale.ROOT, "Its instance %s talks to %s in %,d of the scope's %,d hours,"
                + " steadily: %s bytes in and %s bytes out every hour", pair.instance().id(), pair.remoteIp().id(),
                pair.activeHours(), scope.hours(), range(in), range(outbound)), ofFinding.flowsWithRemoteIp()
                .orElseThrow());

        Profile ofIp = graph.profile(pair.remoteIp(), scope);
        answers.add(ofIp);
        List<InstanceTraffic> instances = ofIp.instances().orElseThrow().instances();
        step(text, 3, "The remote address " + pair.remoteIp().id() + ": every instance that talked to it",
                ofIp.instances().orElseThrow());

        for (InstanceTraffic other : instances) {
            if (other.instance().equals(pair.instance())) {
                continue;
            }
            Profile ofOther = graph.profile(other.instance(), scope);
            answers.add(ofOther);
            step(text, 4, String.format(Locale.ROOT, "The other instance %s: %,d hours with %s since %s, %,.0f bytes"
                    + " in and %,.0f out an hour; observed since %s, with %d findings of its own",
                    other.instance().id(), other.activeHours(), pair.remoteIp().id(), other.firstObserved(),
                    (double) other.bytesToInstance() / other.activeHours(),
                    (double) other.bytesFromInstance() / other.activeHours(), ofOther.details().firstObserved(),
                    ofOther.findings().orElseThrow().findings().size()), ofOther.details());
        }

        Profile ofInstance = graph.profile(pair.instance(), scope);
        answers.add(1, ofInstance); // the pictures show the finding's instance right after the finding
        EntityRef creator = ofInstance.details().createdBy();
        ScopeTime attack = ScopeTime.of(ofInstance.details().createdAt().truncatedTo(ChronoUnit.DAYS), scope.end());
        Profile ofCreator = graph.profile(creator, attack);
        answers.add(ofCreator);
        step(text, 5, "Who launched " + pair.instance().id() + " (RunInstances at " + ofInstance.details().createdAt()
                + "): " + ofCreator.details().name(), ofCreator.details());

        NewBehavior newBehavior = graph.newBehavior(creator, attack);
        answers.add(newBehavior);
        step(text, 6, "Where " + ofCreator.details().name() + " called from, and what is new in " + attack
                + " against the 45 days before", whereFrom(graph, creator, attack, places) + "\n\n" + newBehavior);

        Investigation verdict = graph.investigate(creator, attack);
        answers.add(verdict);
        step(text, 7, "The verdict: investigating " + ofCreator.details().name() + " over " + attack, verdict);
        graph.findingGroups().stream().filter(g -> g.findings().contains(finding.ref())).forEach(answers::add);
        return new Walk(creator, answers);
    }

    /** Every address a principal called from, placed, and whether the baseline knew it. */
    private static String whereFrom(BehaviorGraph graph, EntityRef principal, ScopeTime scope, GeoTable places) {
        TextTable table = TextTable.of("IP address", "place", "first seen", "last seen", "calls", "");
        graph.relationships(principal).stream()
                .filter(r -> r.relationship().type() == RelationshipType.CALLED_FROM)
                .sorted(Comparator.comparing(RelationshipSummary::firstSeen))
                .forEach(r -> {
                    String ip = r.relationship().target().id();
                    table.row(ip, places.locate(ip).map(p -> p.city() + ", " + p.countryCode()).orElse(""),
                            r.firstSeen(), r.lastSeen(), r.success() + r.failure(),
                            r.firstSeen().isBefore(scope.start()) ? "known before the scope" : "new in the scope");
                });
        return table.toString();
    }

    /** "exactly 10,000" for a steady series, "9,800 to 10,200" for one that is not. */
    private static String range(LongSummaryStatistics hourly) {
        return hourly.getMin() == hourly.getMax() ? String.format(Locale.ROOT, "exactly %,d", hourly.getMin())
                : String.format(Locale.ROOT, "%,d to %,d", hourly.getMin(), hourly.getMax());
    }

    private static Stream<HourlyTraffic> active(PairTraffic pair) {
        return pair.hours().stream().filter(h -> h.bytesIn() + h.bytesOut() > 0);
    }

    private static void step(PrintWriter text, int number, String title, Object answer) {
        text.printf(Locale.ROOT, "%n%d. %s%n%n%s%n", number, TextTable.escape(title), answer);
        text.flush();
    }

    private Path folder() throws IOException {
        if (out == null) {
            return Files.createTempDirectory("detective-demo");
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new CommandFailure("--out " + out + " is not empty; give a new or empty folder, since"
                            + " other files there would be read with the incident's");
                }
            }
        } else if (Files.exists(out)) {
            throw new CommandFailure("--out " + out + " is a file; give a new or empty folder");
        }
        return Files.createDirectories(out);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
