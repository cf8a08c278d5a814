package io.github.detective4j.examples.siem;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.LogReader;
import io.github.detective4j.behavior.NewApiCall;
import io.github.detective4j.behavior.NewAso;
import io.github.detective4j.behavior.NewBehavior;
import io.github.detective4j.behavior.NewGeolocation;
import io.github.detective4j.behavior.NewUserAgent;
import io.github.detective4j.behavior.PrincipalNewBehavior;
import io.github.detective4j.behavior.VolumeIncrease;
import io.github.detective4j.console.DetectiveConsole;
import io.github.detective4j.enrich.GeoTable;
import io.github.detective4j.enrich.MaxMindGeo;
import io.github.detective4j.examples.incident.ReferenceIncident;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.groups.FindingGroup;
import io.github.detective4j.investigation.FlaggedIpAddress;
import io.github.detective4j.investigation.ImpossibleTravel;
import io.github.detective4j.investigation.Indicator;
import io.github.detective4j.investigation.IndicatorDetail;
import io.github.detective4j.investigation.NewAsoDetail;
import io.github.detective4j.investigation.NewGeolocationDetail;
import io.github.detective4j.investigation.NewUserAgentDetail;
import io.github.detective4j.investigation.RelatedFinding;
import io.github.detective4j.investigation.RelatedFindingGroup;
import io.github.detective4j.investigation.TtpObserved;
import io.github.detective4j.json.DetectiveJson;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EventSink;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.SafeText;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.model.SecurityEvent;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedding detective4j in a SIEM: follows a directory that AWS logs arrive in (an {@code aws s3 sync} target, a
 * Firehose or Logstash output), keeps a behavior graph of everything read, and writes one JSON line
 * ({@link FeedEvent}) for each new finding group, investigation indicator and new behavior, with links into the
 * Detective console. Each is written once: what a poll wrote is not written again by later polls, even as its
 * counts grow.
 *
 * <pre>{@code
 * SiemFeed feed = SiemFeed.builder(Path.of("/var/spool/aws-logs"))
 *     .graph(BehaviorGraph.builder().geoLocator(maxmind).asnResolver(maxmind).build())
 *     .region("us-east-1")
 *     .sink(line -> splunk.send(line))
 *     .build();
 * feed.follow(Duration.ofMinutes(1));   // or feed.poll() from a scheduler of your own
 * }</pre>
 *
 * <h2>What a poll does</h2>
 * It reads the files that appeared below the directory since the last poll (in path order; hidden files and
 * folders skipped, as {@link LogReader} does), and takes as its scope the hours of the events they held, at most
 * the last {@linkplain Builder#maxScope seven days} of them. Then it writes:
 * <ul>
 *   <li>every finding group of the graph not written before ({@code FINDING_GROUP});
 *   <li>for each principal with new behavior in the scope ({@code BehaviorGraph.newBehavior(scope)}) and each user
 *       or role a finding updated in the scope names: each entry of its new behavior ({@code NEW_BEHAVIOR}), and,
 *       for users and roles, each indicator of its investigation over the scope ({@code INDICATOR}).
 * </ul>
 * While the baseline of the scope is in training (too little data before it), new behavior and investigations
 * would call everything new, so only finding groups are written. An entry is known by what it is about, not by
 * its counts: a group by its id, written again whenever its severity label changes (up or down), new behavior by
 * entity and value (the city cell, the method, the ASN, the user agent), an indicator by entity, type and subject
 * (the technique and method and address, the place, the finding).
 *
 * <p>Drop whole files into the directory (write elsewhere, then move), as {@code aws s3 sync} does: a file is read
 * once, when a poll first sees it; the sync's own temporary files (the final name and a dot and eight hex digits)
 * are skipped until renamed, and a file that vanishes while the directory is listed is passed over. A line is
 * known as written only once the sink took it: a sink that throws stops the poll, and the next poll writes what
 * was left, over the events of both (at least once). Events more than a day after the clock are read into the
 * graph but widen no scope, so that one bad timestamp cannot move a poll's scope into the future. Every line carries
 * an {@link FeedEvent#id id} of what it is about, the same in every run, for the SIEM to drop repeats. What was
 * written lives in memory, so a restarted feed writes it all again unless it has a {@linkplain Builder#journal
 * journal}. Memory grows with the graph and with the keys written, one string each. Not thread-safe: one thread
 * polls; the graph itself may be queried from others meanwhile.
 */
public final class SiemFeed {
    private static final Logger LOG = LoggerFactory.getLogger(SiemFeed.class);
    /** A log file's name as {@code aws s3 sync} downloads it: the name, a dot and eight hex digits, until renamed. */
    private static final Pattern SYNC_TEMPORARY =
            Pattern.compile(".+\\.(gz|json|jsonl|ndjson|log|txt|csv|parquet)\\.[0-9A-Fa-f]{8}");

    private final Path directory;
    private final BehaviorGraph graph;
    private final LogReader reader;
    private final DetectiveConsole console;
    private final Consumer<String> sink;
    private final Duration maxScope;
    private final Path journalFile;
    /** Opened by the first poll, whose IOException can say the file is unreadable; null without a journal file. */
    private FeedJournal journal;
    private final Set<Path> read = new HashSet<>();
    private final Set<String> written = new HashSet<>();
    /** The severity label each finding group was last written with. */
    private final Map<String, String> groupSeverities = new HashMap<>();
    /** The span of the events read since the last poll that wrote everything, UTC; null when there were none. */
    private Instant first;
    private Instant last;

    private SiemFeed(Builder builder) {
        this.directory = builder.directory;
        this.graph = builder.graph;
        this.reader = builder.reader;
        this.console = new DetectiveConsole(builder.region);
        this.sink = builder.sink;
        this.maxScope = builder.maxScope;
        this.journalFile = builder.journal;
    }

    /**
     * Returns a builder of a feed that follows a directory.
     *
     * @param directory the directory logs arrive in; it need not exist yet
     * @return a builder with a default graph, region {@code us-east-1}, standard output as sink and seven days of
     *     maximal scope
     */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /**
     * Returns the graph the feed keeps, to query it as any other.
     *
     * @return the graph
     */
    public BehaviorGraph graph() {
        return graph;
    }

    /**
     * Reads the files that arrived since the last poll and writes a line for everything new they brought.
     *
     * @return the lines written
     * @throws IOException if the directory cannot be listed, or the journal file read or written
     */
    public int poll() throws IOException {
        if (journalFile != null && journal == null) {
            journal = FeedJournal.open(journalFile, written, groupSeverities);
        }
        Arrivals arrivals = new Arrivals(Instant.now().plus(Duration.ofDays(1)));
        for (Path file : arrivedFiles()) {
            // Marked first: a file that fails halfway (a strict reader) is not read again, which would count the
            // events it gave before failing twice.
            read.add(file);
            reader.read(file, arrivals);
        }
        int lines = findingGroups();
        if (last != null) {
            lines += principals(ScopeTime.coveringLatest(first, last, maxScope));
        }
        first = null; // every line of these events is out: the next poll's scope is its own events'
        last = null;
        return lines;
    }

    /**
     * Polls until the thread is interrupted.
     *
     * @param interval the pause between the end of one poll and the start of the next
     * @throws IOException if the directory cannot be listed
     * @throws InterruptedException when interrupted, which is how to stop it
     */
    public void follow(Duration interval) throws IOException, InterruptedException {
        while (true) {
            try {
                poll();
            } catch (IOException | RuntimeException e) {
                // a SIEM's sink down for a minute, a file that vanished: the next poll writes what is left
                LOG.warn("a poll of {} failed; the next one retries: {}", SafeText.escape(directory.toString()),
                        SafeText.escape(String.valueOf(e)));
            }
            Thread.sleep(interval.toMillis());
        }
    }

    private List<Path> arrivedFiles() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(directory) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !read.contains(file) && !hidden(file) && !syncing(file)) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // renamed or removed while listed: the next poll sees it
                }
                throw e;
            }
        });
        files.sort(null);
        return files;
    }

    /** {@code aws s3 sync} downloads into the final name and a dot and eight hex digits, then renames the file. */
    private static boolean syncing(Path file) {
        return SYNC_TEMPORARY.matcher(file.getFileName().toString()).matches();
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private int findingGroups() throws IOException {
        int lines = 0;
        for (FindingGroup group : graph.findingGroups()) {
            List<String> links = group.findings().stream().map(ref -> graph.finding(ref.id()))
                    .flatMap(Optional::stream).map(console::finding).flatMap(Optional::stream).toList();
            // The title counts the group's findings, so a group is written again when its severity label changes
            // (a CRITICAL finding joins it, its worst is archived), not when it only grows.
            String severity = group.severity().label().name();
            if (severity.equals(groupSeverities.get(group.id()))) {
                continue;
            }
            sink.accept(DetectiveJson.write(new FeedEvent(id(FeedEvent.FINDING_GROUP + " " + group.id() + " "
                    + severity), FeedEvent.FINDING_GROUP, null, group.ref(),
                    ScopeTime.coveringLatest(group.firstObserved(), group.lastObserved(), ScopeTime.MAX_LENGTH),
                    severity, group, links)));
            groupSeverities.put(group.id(), severity); // written once the sink took it
            if (journal != null) {
                journal.group(group.id(), severity);
            }
            lines++;
        }
        return lines;
    }

    private int principals(ScopeTime scope) throws IOException {
        if (graph.baseline(scope).inTraining()) {
            return 0;
        }
        Set<EntityRef> principals = new LinkedHashSet<>();
        for (PrincipalNewBehavior ranked : graph.newBehavior(scope).principals()) {
            principals.add(ranked.principal());
        }
        for (Finding finding : graph.findings()) {
            // updated in the scope, as the poll's scope is taken from findings' update times
            if (scope.contains(finding.lastObserved()) || scope.contains(finding.time())) {
                for (EntityRef e : finding.entities()) {
                    if (e.type().isInvestigable()) {
                        principals.add(e);
                    } else {
                        e.issuingRole().ifPresent(principals::add); // a session's finding is its role's
                    }
                }
            }
        }
        int lines = 0;
        for (EntityRef principal : principals) {
            List<String> links = List.of(console.entity(principal, scope));
            NewBehavior nb = graph.newBehavior(principal, scope);
            for (NewGeolocation g : nb.geolocations()) {
                lines += newBehavior(principal, scope, "NEW_GEOLOCATION", g.cell().toString(), g, links);
            }
            for (NewApiCall c : nb.apiCalls()) {
                lines += newBehavior(principal, scope, "NEW_API_CALL", c.eventSource() + ":" + c.eventName(), c,
                        links);
            }
            for (NewAso a : nb.asos()) {
                lines += newBehavior(principal, scope, "NEW_ASO", String.valueOf(a.asn().number()), a, links);
            }
            for (NewUserAgent u : nb.userAgents()) {
                lines += newBehavior(principal, scope, "NEW_USER_AGENT", u.userAgent().id(), u, links);
            }
            for (VolumeIncrease v : nb.increasedVolume()) {
                lines += newBehavior(principal, scope, "INCREASED_VOLUME", v.eventSource() + ":" + v.eventName(), v,
                        links);
            }
            if (principal.type().isInvestigable()) {
                for (Indicator indicator : graph.investigate(principal, scope).indicators()) {
                    String type = indicator.type().name();
                    lines += write(FeedEvent.INDICATOR, type, principal, scope, indicator.severity().name(),
                            indicator, links, subject(indicator.detail()));
                }
            }
        }
        return lines;
    }

    private int newBehavior(EntityRef principal, ScopeTime scope, String type, String value, Object entry,
            List<String> links) throws IOException {
        return write(FeedEvent.NEW_BEHAVIOR, type, principal, scope, null, entry, links, value);
    }

    /** What an indicator is about, without the counts that grow from one poll to the next. */
    private static String subject(IndicatorDetail detail) {
        if (detail instanceof TtpObserved t) {
            return t.technique() + " " + (t.apiName() == null ? t.procedure() : t.apiName()) + " " + t.ipAddress();
        } else if (detail instanceof ImpossibleTravel t) {
            return t.startingIpAddress() + " " + t.endingIpAddress();
        } else if (detail instanceof FlaggedIpAddress f) {
            return f.ipAddress();
        } else if (detail instanceof NewGeolocationDetail g) {
            return g.location();
        } else if (detail instanceof NewAsoDetail a) {
            return a.aso();
        } else if (detail instanceof NewUserAgentDetail u) {
            return u.userAgent();
        } else if (detail instanceof RelatedFinding f) {
            return f.id();
        } else if (detail instanceof RelatedFindingGroup g) {
            return g.id();
        }
        return ""; // a detail type newer than this feed: one line per entity and type, rather than one per poll
    }

    /**
     * Writes a line unless one of the same kind, type and entity about the same subject was written before; it counts
     * as written once the sink returned.
     */
    private int write(String kind, String type, EntityRef entity, ScopeTime scope, String severity, Object detail,
            List<String> links, String subject) throws IOException {
        String key = kind + " " + type + " " + entity + " " + subject;
        if (written.contains(key)) {
            return 0;
        }
        sink.accept(DetectiveJson.write(new FeedEvent(id(key), kind, type, entity, scope, severity, detail, links)));
        written.add(key);
        if (journal != null) {
            journal.written(key);
        }
        return 1;
    }

    /** A line's id: its key's SHA-256, in 32 hex digits, the same in every run. */
    private static String id(String key) {
        return Hashing.sha256().hashString(key, StandardCharsets.UTF_8).toString().substring(0, 32);
    }

    /** Passes events to the graph and widens the feed's span of their times, up to a bound. */
    private final class Arrivals implements EventSink {
        private final Instant latest;

        Arrivals(Instant latest) {
            this.latest = latest;
        }

        @Override
        public void accept(SecurityEvent event) {
            graph.accept(event);
            span(event);
        }

        @Override
        public void acceptAll(List<? extends SecurityEvent> batch) {
            graph.acceptAll(batch); // a batch stays a batch: a graph takes it under one lock
            batch.forEach(this::span);
        }

        private void span(SecurityEvent event) {
            Instant t = event.time();
            if (t.isAfter(latest)) {
                return;
            }
            first = first == null || t.isBefore(first) ? t : first;
            last = last == null || t.isAfter(last) ? t : last;
        }
    }

    /**
     * Follows a directory and prints the feed's lines on standard output.
     *
     * <pre>
     * java -cp "$(cat detective-examples/target/classpath.txt)" io.github.detective4j.examples.siem.SiemFeed \
     *     DIRECTORY [--region us-east-1] [--every SECONDS] [--scope-days DAYS] [--once] [--journal FILE]
     *     [--demo-places | --geoip CITY.mmdb ASN.mmdb]
     * </pre>
     * {@code --once} polls once and exits; {@code --scope-days} sets {@link Builder#maxScope}; {@code --journal}
     * sets {@link Builder#journal}; {@code --demo-places} locates addresses with the reference incident's table;
     * {@code --geoip} with MaxMind GeoIP2 or GeoLite2 databases.
     *
     * @param args the arguments above
     * @throws Exception if the directory cannot be listed or a database cannot be opened
     */
    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.isEmpty() || rest.get(0).startsWith("-")) {
            System.err.println("usage: SiemFeed DIRECTORY [--region REGION] [--every SECONDS] [--scope-days DAYS]"
                    + " [--once] [--journal FILE] [--demo-places | --geoip CITY.mmdb ASN.mmdb]");
            System.exit(2);
        }
        Builder feed = builder(Path.of(rest.remove(0))).sink(line -> {
            System.out.println(line);
            System.out.flush();
        });
        BehaviorGraph.Builder graph = BehaviorGraph.builder();
        Duration every = Duration.ofSeconds(60);
        boolean once = false;
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            switch (option) {
                case "--region" -> feed.region(value(rest, option));
                case "--every" -> every = Duration.ofSeconds(Math.max(1, Long.parseLong(value(rest, option))));
                case "--scope-days" -> feed.maxScope(Duration.ofDays(Long.parseLong(value(rest, option))));
                case "--once" -> once = true;
                case "--journal" -> feed.journal(Path.of(value(rest, option)));
                case "--demo-places" -> {
                    GeoTable places = ReferenceIncident.standard().facts().geoTable();
                    graph.geoLocator(places).asnResolver(places);
                }
                case "--geoip" -> {
                    MaxMindGeo maxmind = MaxMindGeo.open(Path.of(value(rest, option)), Path.of(value(rest, option)));
                    graph.geoLocator(maxmind).asnResolver(maxmind);
                }
                default -> {
                    System.err.println("unknown option " + option);
                    System.exit(2);
                }
            }
        }
        SiemFeed built = feed.graph(graph.build()).build();
        if (once) {
            built.poll();
        } else {
            built.follow(every);
        }
    }

    /** The next argument, the value of an option; a usage error when there is none. */
    private static String value(List<String> rest, String option) {
        if (rest.isEmpty()) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return rest.remove(0);
    }

    /** Configures a {@link SiemFeed}. Not thread-safe. */
    public static final class Builder {
        private final Path directory;
        private BehaviorGraph graph;
        private LogReader reader = AwsLogs.reader().build();
        private String region = "us-east-1";
        private Consumer<String> sink = System.out::println;
        private Duration maxScope = Duration.ofDays(7);
        private Path journal;

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        /**
         * Sets the graph to keep, configured as wanted (geolocation, threat intelligence, baseline).
         *
         * @param graph the graph; default {@code BehaviorGraph.create()}
         * @return this builder
         */
        public Builder graph(BehaviorGraph graph) {
            this.graph = Objects.requireNonNull(graph, "graph");
            return this;
        }

        /**
         * Sets the reader of the files.
         *
         * @param reader the reader; default {@code AwsLogs.reader().build()}, every built-in format, errors logged
         * @return this builder
         */
        public Builder reader(LogReader reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /**
         * Sets the region of the Detective console links.
         *
         * @param region the region; default {@code us-east-1}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Sets where the JSON lines go, one call per line, without a line end.
         *
         * @param sink the sink; default standard output
         * @return this builder
         */
        public Builder sink(Consumer<String> sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Sets the longest scope of a poll: the hours of newly read events, cut to their latest {@code max}, so that
         * a first poll over months of backlog compares the last week with the weeks before it.
         *
         * @param max whole hours, at least one, at most 366 days; default seven days
         * @return this builder
         * @throws IllegalArgumentException if out of range or not whole hours
         */
        public Builder maxScope(Duration max) {
            if (max.compareTo(ScopeTime.HOUR) < 0 || max.compareTo(ScopeTime.MAX_LENGTH) > 0
                    || max.toSeconds() % 3600 != 0 || max.getNano() != 0) {
                throw new IllegalArgumentException("max scope must be whole hours from 1 hour to 366 days, was "
                        + max);
            }
            this.maxScope = max;
            return this;
        }

        /**
         * Keeps what the feed writes in a file (JSON lines, appended as each line goes out), so that a feed restarted
         * over the same directory, which reads every file again into a new graph, writes none of what it wrote
         * before, and writes a finding group again only when its severity label changed. The first poll reads the
         * file; keep it outside the directory followed (or hidden, a name starting with a dot), or the feed reads it
         * as a log. A crash between a line's delivery and its journal entry writes that line again: at least once,
         * as ever, and with the same {@link FeedEvent#id}.
         *
         * @param file the journal; default none, a restart writing everything again
         * @return this builder
         */
        public Builder journal(Path file) {
            this.journal = Objects.requireNonNull(file, "journal file");
            return this;
        }

        /**
         * Builds the feed; nothing is read until the first poll.
         *
         * @return the feed
         */
        public SiemFeed build() {
            if (graph == null) {
                graph = BehaviorGraph.create();
            }
            return new SiemFeed(this);
        }
    }
}
