package io.github.detective4j.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.behavior.NewApiCall;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.hunt.InstanceContact;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.profile.ApiCallVolume;
import io.github.detective4j.profile.EntityActivity;
import io.github.detective4j.profile.HourlyCalls;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * detective4j side by side with what a user would pick instead, in one process and one run over the same generated
 * files ({@link ScaleCorpus}): Jackson's bare token walk (the floor), detective4j (parse and ingest into a behavior
 * graph, then an investigator's questions) and DuckDB (its JSON and CSV readers load the columns the questions need,
 * then the same questions in SQL). Both engines get the same number of threads; the answers are checked equal.
 *
 * <pre>
 * java -Xms8g -Xmx8g -jar benchmarks/target/benchmarks.jar compare --events 1000000 --threads 2
 * </pre>
 *
 * <p>Options: {@code --events N} (background events, default 1,000,000), {@code --threads T} (default 2),
 * {@code --days D} (default 60), {@code --seed S} (default 42), {@code --dir PATH} (where the corpus is written,
 * default a temporary folder that is deleted afterwards), {@code --repeat R} (runs of each question, the median is
 * reported; default 25: an embedded engine answers many questions in a process, and with 5 runs the JVM's answers
 * were still being compiled), {@code --warmups W} (runs of the whole job by each engine before the timed one, at
 * least 1; default 3: the JIT still compiles for a second of CPU time during a second load of 1M events, and a third
 * load is within the noise of later ones), {@code --runs N} (timed runs after the warm-ups, each engine in turn in
 * each; default 5: the table gives each time's median over them, as one load moves by a fifth with this machine's
 * speed, and a line lists every run's loads). The first warm-up's loads are printed as what a fresh JVM's first
 * load costs. Exits with status 1 when an answer differs.
 */
final class Compare {
    private final int threads;
    private final int repeat;
    private final int warmups;
    private final int runs;
    private final List<String> rows = new ArrayList<>();
    private boolean agree = true;

    private Compare(int threads, int repeat, int warmups, int runs) {
        this.threads = threads;
        this.repeat = repeat;
        this.warmups = warmups;
        this.runs = runs;
    }

    /**
     * Runs the comparison.
     *
     * @param args the options above
     * @throws Exception when a file cannot be written or read, or DuckDB fails
     */
    static void main(String[] args) throws Exception {
        Options options = Options.parse(args, List.of("--events", "--threads", "--days", "--seed", "--repeat",
                "--warmups", "--runs", "--dir"), false);
        long events = options.count("--events", 1_000_000);
        int threads = options.integer("--threads", 2);
        int days = options.integer("--days", 60);
        long seed = options.count("--seed", 42);
        int repeat = options.integer("--repeat", 25);
        int warmups = options.integer("--warmups", 3);
        int runs = options.integer("--runs", 5);
        Path dir = options.path("--dir");
        if (warmups < 1) {
            throw new IllegalArgumentException("--warmups must be at least 1: the first run fills the page cache");
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        boolean temporary = dir == null;
        Path root = temporary ? Files.createTempDirectory("detective4j-compare") : dir;
        try {
            new Compare(threads, repeat, warmups, runs).run(root, events, days, seed);
        } finally {
            if (temporary) {
                delete(root);
            }
        }
    }

    /**
     * Writes a corpus, answers the four questions once with each engine and tells whether every answer agrees,
     * printing the differences: the comparison's correctness without its timing, small enough for a test.
     *
     * @param root where the corpus is written
     * @param events background events
     * @param days days of history
     * @param seed the corpus's seed
     * @param threads threads for each engine
     * @return true when all four answers are equal and the incidents' answers are not empty
     * @throws Exception when a file cannot be written or read, or DuckDB fails
     */
    static boolean answersAgree(Path root, long events, int days, long seed, int threads) throws Exception {
        Compare compare = new Compare(threads, 1, 1, 1);
        ScaleCorpus.Written corpus = ScaleCorpus.write(root, events, days, seed, false);
        compare.answersAgree(compare.ours(corpus), compare.duck(corpus), corpus.incident(), false);
        return compare.agree;
    }

    private void run(Path root, long events, int days, long seed) throws Exception {
        // the collector moves our load by a fifth on two cores (benchmarks/README.md), so a table names it
        System.out.printf(Locale.ROOT, "detective4j vs DuckDB: %,d background events over %d days, seed %d, %d thread(s),"
                + " Java %s, %d cores, %s, max heap %,d MiB%n", events, days, seed, threads, Runtime.version(),
                Runtime.getRuntime().availableProcessors(), collectors(), Runtime.getRuntime().maxMemory() >> 20);
        long t0 = System.nanoTime();
        ScaleCorpus.Written corpus = ScaleCorpus.write(root.resolve("corpus"), events, days, seed, false);
        System.out.printf(Locale.ROOT, "corpus: %,d CloudTrail events (%,d bytes of NDJSON, %.0f bytes each), %,d flow"
                + " records (%,d bytes), %,d findings, written in %.1f s%n", corpus.apiCalls(),
                corpus.cloudTrailBytes(), corpus.cloudTrailBytes() / (double) corpus.apiCalls(), corpus.flows(),
                corpus.flowBytes(), corpus.findings(), seconds(System.nanoTime() - t0));
        // warm-up: each engine runs the whole job a few times over the same files before the timed run, so that the
        // page cache holds the files for both and the JIT has compiled the Java paths; the first run of each is
        // printed too, as what a fresh JVM's first load costs
        double firstOurs = 0;
        double firstDuck = 0;
        for (int w = 0; w < warmups; w++) {
            floor(corpus);
            Ours warmOurs = ours(corpus);
            Duck warmDuck = duck(corpus);
            answersAgree(warmOurs, warmDuck, corpus.incident(), false);
            System.out.printf(Locale.ROOT, "warm-up %d of %d: load %.2f s (detective4j), %.2f s (DuckDB)%n", w + 1,
                    warmups, warmOurs.load().seconds(), warmDuck.load().seconds());
            if (w == 0) {
                firstOurs = warmOurs.load().seconds();
                firstDuck = warmDuck.load().seconds();
            }
        }

        // the timed runs, each engine in turn, medians reported: one run moves by a fifth with the machine
        List<Load> floors = new ArrayList<>();
        List<Ours> oursRuns = new ArrayList<>();
        List<Duck> duckRuns = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            floors.add(floor(corpus));
            oursRuns.add(ours(corpus));
            duckRuns.add(duck(corpus));
            answersAgree(oursRuns.get(r), duckRuns.get(r), corpus.incident(), r == runs - 1);
        }
        print(corpus, Load.median(floors), Ours.median(oursRuns), Duck.median(duckRuns), firstOurs, firstDuck);
        List<Load> ourLoads = oursRuns.stream().map(Ours::load).toList();
        List<Load> duckLoads = duckRuns.stream().map(Duck::load).toList();
        DoubleSummaryStatistics ratios = IntStream.range(0, runs)
                .mapToDouble(r -> duckLoads.get(r).seconds() / ourLoads.get(r).seconds()).summaryStatistics();
        System.out.printf(Locale.ROOT, "loads of the %d timed runs, s: detective4j %s; DuckDB %s; DuckDB / detective4j"
                + " %.2f to %.2f%n", runs, loads(ourLoads), loads(duckLoads), ratios.getMin(), ratios.getMax());
        if (!agree) {
            System.out.println("ANSWERS DIFFER");
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- the floor

    /** Jackson's token walk over every CloudTrail file, and a pass over every flow log byte, on the threads. */
    private Load floor(ScaleCorpus.Written corpus) throws Exception {
        JsonFactory json = new JsonFactory();
        List<Path> files = files(corpus.cloudTrail());
        files.addAll(files(corpus.flowLogs()));
        Load.Start start = Load.start();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (Path file : files) {
                parts.add(pool.submit(() -> {
                    long tokens = 0;
                    if (file.toString().endsWith(".ndjson")) {
                        try (JsonParser parser = json.createParser(file.toFile())) {
                            while (parser.nextToken() != null) {
                                tokens++;
                            }
                        }
                    } else {
                        try (InputStream in = Files.newInputStream(file)) {
                            byte[] buffer = new byte[256 * 1024];
                            for (int n; (n = in.read(buffer)) > 0; ) {
                                for (int i = 0; i < n; i++) {
                                    tokens += buffer[i] == ' ' ? 1 : 0;
                                }
                            }
                        }
                    }
                    return tokens;
                }));
            }
            for (Future<Long> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdown();
        }
        return start.end();
    }

    // ---------------------------------------------------------------- detective4j

    /** detective4j's load and answers. */
    record Ours(Load load, IngestReport report, long retainedBytes, long peakHeapBytes, Timed<List<String>> newCalls,
            Timed<List<String>> hourly, Timed<List<String>> instances, Timed<List<String>> agentPrincipals) {
        /** The runs' medians of every time, with the last run's answers and memory figures. */
        static Ours median(List<Ours> runs) {
            Ours last = runs.get(runs.size() - 1);
            return new Ours(Load.median(runs.stream().map(Ours::load).toList()), last.report, last.retainedBytes,
                    last.peakHeapBytes, Timed.median(runs.stream().map(Ours::newCalls).toList()),
                    Timed.median(runs.stream().map(Ours::hourly).toList()),
                    Timed.median(runs.stream().map(Ours::instances).toList()),
                    Timed.median(runs.stream().map(Ours::agentPrincipals).toList()));
        }
    }

    private Ours ours(ScaleCorpus.Written corpus) throws IOException {
        long before = GraphMemoryBenchmark.usedAfterGc();
        resetPeaks();
        Load.Start start = Load.start();
        BehaviorGraph graph = BehaviorGraph.create();
        IngestReport report = AwsLogs.reader().threads(threads).glob("{cloudtrail,vpcflow,guardduty}/*").build()
                .read(corpus.root(), graph);
        Load load = start.end();
        long peak = peakHeap() - before;
        if (report.errors() > 0) {
            throw new IllegalStateException("the corpus should read without errors: " + report);
        }
        ScaleCorpus.Incident incident = corpus.incident();
        EntityRef user = EntityRef.user(incident.userId());
        ScopeTime scope = incident.scope();
        Timed<List<String>> newCalls = timed(() -> {
            List<String> out = new ArrayList<>();
            for (NewApiCall call : graph.newBehavior(user, scope).apiCalls()) {
                out.add(call.eventSource() + " " + call.eventName() + " " + call.success() + " " + call.failure() + " "
                        + call.firstObserved().getEpochSecond());
            }
            return sorted(out);
        });
        Timed<List<String>> hourly = timed(() -> {
            ApiCallVolume volume = graph.profile(user, scope).apiCallVolume().orElseThrow();
            List<String> out = new ArrayList<>();
            for (HourlyCalls hour : volume.hours()) {
                if (scope.contains(hour.hour()) && hour.success() + hour.failure() > 0) {
                    out.add(hour.hour().getEpochSecond() + " " + hour.success() + " " + hour.failure());
                }
            }
            out.add(String.format(Locale.ROOT, "baseline %d %.9f %.9f", volume.baseline().activeHours(),
                    volume.baseline().averageSuccess(), volume.baseline().averageFailure()));
            return out;
        });
        Timed<List<String>> instances = timed(() -> {
            List<String> out = new ArrayList<>();
            for (InstanceContact contact : graph.hunt().ip(ScaleCorpus.BEACON_IP).instances()) {
                out.add(contact.instance().id() + " " + contact.bytesToInstance() + " " + contact.bytesFromInstance()
                        + " " + contact.activeHours() + " " + contact.firstObserved().getEpochSecond() + " "
                        + contact.lastObserved().getEpochSecond());
            }
            return sorted(out);
        });
        Timed<List<String>> agentPrincipals = timed(() -> {
            List<String> out = new ArrayList<>();
            for (EntityActivity principal : graph.hunt().principalsUsing(incident.commonAgent())) {
                out.add(principal.entity().id() + " " + principal.success() + " " + principal.failure() + " "
                        + principal.firstObserved().getEpochSecond() + " " + principal.lastObserved().getEpochSecond());
            }
            return sorted(out);
        });
        long retained = GraphMemoryBenchmark.usedAfterGc() - before;
        if (graph.stats().apiCalls() == 0) { // keeps the graph reachable up to the measurement above
            throw new IllegalStateException("empty graph");
        }
        return new Ours(load, report, retained, peak, newCalls, hourly, instances, agentPrincipals);
    }

    // ---------------------------------------------------------------- DuckDB

    /** DuckDB's load and answers. */
    record Duck(Load load, long rows, Timed<List<String>> newCalls, Timed<List<String>> hourly,
            Timed<List<String>> instances, Timed<List<String>> agentPrincipals) {
        /** The runs' medians of every time, with the last run's answers. */
        static Duck median(List<Duck> runs) {
            Duck last = runs.get(runs.size() - 1);
            return new Duck(Load.median(runs.stream().map(Duck::load).toList()), last.rows,
                    Timed.median(runs.stream().map(Duck::newCalls).toList()),
                    Timed.median(runs.stream().map(Duck::hourly).toList()),
                    Timed.median(runs.stream().map(Duck::instances).toList()),
                    Timed.median(runs.stream().map(Duck::agentPrincipals).toList()));
        }
    }

    /** DuckDB's load and answers, in a fresh in-memory database closed afterwards. */
    private Duck duck(ScaleCorpus.Written corpus) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            return duck(db, corpus);
        }
    }

    private Duck duck(Connection db, ScaleCorpus.Written corpus) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("SET threads = " + threads);
            sql.execute("SET TimeZone = 'UTC'");
            Load.Start start = Load.start();
            // Only the columns the questions need, and given explicitly: schema detection over CloudTrail fails on
            // requestParameters keys that differ only in case (see benchmarks/README.md).
            sql.execute("CREATE OR REPLACE TABLE ct AS SELECT * FROM read_json(" + quote(corpus.cloudTrail()
                    + "/*.ndjson") + ", format = 'newline_delimited', columns = {eventTime: 'TIMESTAMP',"
                    + " eventSource: 'VARCHAR', eventName: 'VARCHAR', errorCode: 'VARCHAR', errorMessage: 'VARCHAR',"
                    + " userAgent: 'VARCHAR', userIdentity: 'STRUCT(type VARCHAR, principalId VARCHAR)'})");
            sql.execute("CREATE OR REPLACE TABLE flows AS SELECT * FROM read_csv(" + quote(corpus.flowLogs() + "/*.log")
                    + ", delim = ' ', header = true, nullstr = '-', columns = {" + flowColumns() + "})");
            Load load = start.end();
            long rows = count(sql, "SELECT (SELECT count(*) FROM ct) + (SELECT count(*) FROM flows)");

            ScaleCorpus.Incident incident = corpus.incident();
            String user = "userIdentity.principalId = " + quote(incident.userId())
                    + " AND userIdentity.type = 'IAMUser'";
            String inScope = "eventTime >= " + timestamp(incident.scope().start()) + " AND eventTime < "
                    + timestamp(incident.scope().end());
            Instant baseStart = incident.scope().start().minus(Duration.ofDays(45));
            String inBaseline = "eventTime >= " + timestamp(baseStart) + " AND eventTime < "
                    + timestamp(incident.scope().start());
            String ok = "errorCode IS NULL AND errorMessage IS NULL";
            String hour = "(epoch(eventTime)::BIGINT // 3600 * 3600)";
            Timed<List<String>> newCalls = timed(() -> rows(db, "WITH s AS (SELECT eventSource, eventName,"
                    + " count(*) FILTER (WHERE " + ok + ") AS success, count(*) FILTER (WHERE NOT (" + ok + "))"
                    + " AS failure, min(" + hour + ") AS first FROM ct WHERE " + user + " AND " + inScope
                    + " GROUP BY eventSource, eventName), b AS (SELECT DISTINCT eventSource, eventName FROM ct WHERE "
                    + user + " AND " + inBaseline + ") SELECT s.* FROM s ANTI JOIN b USING (eventSource, eventName)"));
            Timed<List<String>> hourly = timed(() -> {
                List<String> out = rows(db, "SELECT " + hour + " AS h, count(*) FILTER (WHERE " + ok + "),"
                        + " count(*) FILTER (WHERE NOT (" + ok + ")) FROM ct WHERE " + user + " AND " + inScope
                        + " GROUP BY h ORDER BY h");
                out = new ArrayList<>(out);
                out.add(rows(db, "SELECT 'baseline', count(DISTINCT " + hour + "), printf('%.9f', count(*) FILTER"
                        + " (WHERE " + ok + ") / count(DISTINCT " + hour + ")), printf('%.9f', count(*) FILTER (WHERE"
                        + " NOT (" + ok + ")) / count(DISTINCT " + hour + ")) FROM ct WHERE " + user + " AND "
                        + inBaseline).get(0));
                return out;
            });
            String ip = quote(ScaleCorpus.BEACON_IP);
            Timed<List<String>> instances = timed(() -> rows(db, "SELECT instance_id,"
                    + " coalesce(sum(bytes) FILTER (WHERE flow_direction = 'ingress'), 0),"
                    + " coalesce(sum(bytes) FILTER (WHERE flow_direction = 'egress'), 0),"
                    + " count(DISTINCT start // 3600), min(start), max(\"end\") FROM flows WHERE log_status = 'OK'"
                    + " AND ((flow_direction = 'ingress' AND srcaddr = " + ip + ") OR (flow_direction = 'egress'"
                    + " AND dstaddr = " + ip + ")) GROUP BY instance_id"));
            Timed<List<String>> agentPrincipals = timed(() -> rows(db, "SELECT userIdentity.principalId,"
                    + " count(*) FILTER (WHERE " + ok + "), count(*) FILTER (WHERE NOT (" + ok + ")),"
                    + " min(epoch(eventTime)::BIGINT), max(epoch(eventTime)::BIGINT) FROM ct WHERE userAgent = "
                    + quote(incident.commonAgent()) + " GROUP BY userIdentity.principalId"));
            return new Duck(load, rows, newCalls, hourly, instances, agentPrincipals);
        }
    }

    private static String flowColumns() {
        List<String> columns = new ArrayList<>();
        for (String field : ScaleCorpus.FLOW_FIELDS.split(" ")) {
            String type = switch (field) {
                case "version", "srcport", "dstport", "protocol", "tcp-flags", "traffic-path" -> "INTEGER";
                case "packets", "bytes", "start", "end" -> "BIGINT";
                default -> "VARCHAR";
            };
            columns.add("'" + field.replace('-', '_') + "': '" + type + "'");
        }
        return String.join(", ", columns);
    }

    private static List<String> rows(Connection db, String query) {
        try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            List<String> out = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(c > 1 ? " " : "").append(rs.getString(c));
                }
                out.add(row.toString());
            }
            return sorted(out);
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String quote(Object text) {
        return "'" + text.toString().replace("'", "''") + "'";
    }

    private static String timestamp(Instant t) {
        return "TIMESTAMP '" + t.toString().replace('T', ' ').replace("Z", "") + "'";
    }

    // ---------------------------------------------------------------- answers and the table

    /** A question's answer and the median time of its runs. */
    record Timed<T>(T answer, double seconds) {
        /** The median of several timings of one question, with the last one's answer. */
        static <T> Timed<T> median(List<Timed<T>> timings) {
            return new Timed<>(timings.get(timings.size() - 1).answer, Compare.median(timings, Timed::seconds));
        }
    }

    /**
     * A load's wall time, and the CPU time every thread of the process spent meanwhile: the readers, the collector,
     * the JIT, and DuckDB's native threads, which are the process's too. On a machine whose cores the load keeps
     * busy, the CPU time says what a load costs however its work is spread; wall time, how well it is spread.
     */
    record Load(double seconds, double cpuSeconds) {
        /** Where a load started, on both clocks. */
        record Start(long nanos, long cpuNanos) {
            Load end() {
                return new Load(Compare.seconds(System.nanoTime() - nanos),
                        Compare.seconds(processCpuNanos() - cpuNanos));
            }
        }

        static Start start() {
            return new Start(System.nanoTime(), processCpuNanos());
        }

        static Load median(List<Load> loads) {
            return new Load(Compare.median(loads, Load::seconds), Compare.median(loads, Load::cpuSeconds));
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    private <T> Timed<T> timed(Supplier<T> question) {
        T answer = null;
        double[] times = new double[repeat];
        for (int r = 0; r < repeat; r++) {
            long start = System.nanoTime();
            answer = question.get();
            times[r] = seconds(System.nanoTime() - start);
        }
        return new Timed<>(answer, median(times));
    }

    private void answersAgree(Ours ours, Duck duck, ScaleCorpus.Incident incident, boolean report) {
        check("new API calls of " + incident.userId(), ours.newCalls().answer(), duck.newCalls().answer(), report);
        check("hourly API volume", ours.hourly().answer(), duck.hourly().answer(), report);
        check("instances that talked to " + ScaleCorpus.BEACON_IP, ours.instances().answer(),
                duck.instances().answer(), report);
        check("principals of a user agent", ours.agentPrincipals().answer(), duck.agentPrincipals().answer(), report);
        if (ours.newCalls().answer().isEmpty() || ours.instances().answer().isEmpty()) {
            agree = false;
            System.out.println("the incidents' answers should not be empty");
        }
    }

    private void check(String question, List<String> ours, List<String> duck, boolean report) {
        if (!ours.equals(duck)) {
            agree = false;
            System.out.println("DIFFERENT: " + question);
            System.out.println("  detective4j: " + ours);
            System.out.println("  DuckDB:      " + duck);
        } else if (report) {
            rows.add(question + ": " + ours.size() + " rows, equal");
        }
    }

    private void print(ScaleCorpus.Written corpus, Load floor, Ours ours, Duck duck, double firstOurs,
            double firstDuck) {
        long events = ours.report().eventsProduced();
        System.out.printf(Locale.ROOT, "%n%,d events read by detective4j, %,d rows loaded by DuckDB%n", events,
                duck.rows());
        rows.forEach(row -> System.out.println("  " + row));
        System.out.printf(Locale.ROOT, "%n| step | floor (Jackson tokens) | detective4j | DuckDB | DuckDB / detective4j |%n");
        System.out.printf(Locale.ROOT, "|---|---|---|---|---|%n");
        System.out.printf(Locale.ROOT, "| load, s | %.2f | %.2f | %.2f | %.2f |%n", floor.seconds(),
                ours.load().seconds(), duck.load().seconds(), duck.load().seconds() / ours.load().seconds());
        System.out.printf(Locale.ROOT, "| load, CPU s (every thread of the process) | %.2f | %.2f | %.2f | %.2f |%n",
                floor.cpuSeconds(), ours.load().cpuSeconds(), duck.load().cpuSeconds(),
                duck.load().cpuSeconds() / ours.load().cpuSeconds());
        System.out.printf(Locale.ROOT, "| load, events/s | %,.0f | %,.0f | %,.0f | |%n", events / floor.seconds(),
                events / ours.load().seconds(), duck.rows() / duck.load().seconds());
        question("new API calls vs 45-day baseline", ours.newCalls(), duck.newCalls());
        question("hourly success/failure with baseline", ours.hourly(), duck.hourly());
        question("instances that talked to an IP", ours.instances(), duck.instances());
        question("principals that used a user agent", ours.agentPrincipals(), duck.agentPrincipals());
        double oursTotal = ours.load().seconds() + ours.newCalls().seconds() + ours.hourly().seconds()
                + ours.instances().seconds() + ours.agentPrincipals().seconds();
        double duckTotal = duck.load().seconds() + duck.newCalls().seconds() + duck.hourly().seconds()
                + duck.instances().seconds() + duck.agentPrincipals().seconds();
        System.out.printf(Locale.ROOT, "| end to end, s | | %.2f | %.2f | %.2f |%n", oursTotal, duckTotal,
                duckTotal / oursTotal);
        System.out.printf(Locale.ROOT, "| first load in this JVM (the JIT compiling), s | | %.2f | %.2f |"
                + " %.2f |%n", firstOurs, firstDuck, firstDuck / firstOurs);
        System.out.printf(Locale.ROOT, "%ndetective4j / floor (load): %.2f; peak heap during load %,d MiB; retained"
                + " graph after GC %,d MiB%n", floor.seconds() / ours.load().seconds(), ours.peakHeapBytes() >> 20,
                ours.retainedBytes() >> 20);
    }

    private static void question(String name, Timed<?> ours, Timed<?> duck) {
        System.out.printf(Locale.ROOT, "| %s, ms | | %.3f | %.3f | %.0f |%n", name, ours.seconds() * 1e3,
                duck.seconds() * 1e3, duck.seconds() / ours.seconds());
    }

    // ---------------------------------------------------------------- plumbing

    private static List<String> sorted(List<String> rows) {
        List<String> out = new ArrayList<>(rows);
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.sorted().toList());
        }
    }

    /** The JVM's garbage collectors, as its management beans name them: "G1 Young Generation + G1 Old Generation". */
    private static String collectors() {
        return String.join(" + ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** The median of a value over runs (the upper one of an even count). */
    static <T> double median(List<T> runs, ToDoubleFunction<T> value) {
        return median(runs.stream().mapToDouble(value).toArray());
    }

    /** The median of some values (the upper one of an even count); sorts them. */
    private static double median(double[] values) {
        Arrays.sort(values);
        return values[values.length / 2];
    }

    /** Each run's load, in run order: "1.31, 1.28, 1.45". */
    private static String loads(List<Load> loads) {
        return String.join(", ", loads.stream().map(l -> String.format(Locale.ROOT, "%.2f", l.seconds())).toList());
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    static void delete(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
