package io.github.detective4j.benchmarks;

import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.graph.GraphStore;
import io.github.detective4j.json.DetectiveJson;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.ScopeTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Restore time of a {@link GraphStore} holding {@value #EVENTS} API calls ({@link ApiCallCorpus}, as
 * {@link GraphIngestBenchmark} ingests them), from its snapshot: open the directory, replay, and have the graph.
 * Each invocation restores into a new graph. The setup writes the store and prints the snapshot's size on disk; the
 * teardown checks that the last restored graph's statistics and every principal's profile (as JSON) equal the
 * original's, and fails the run if one differs.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar GraphRestoreBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class GraphRestoreBenchmark {
    static final int EVENTS = 1_000_000;
    static final int PRINCIPALS = 10_000;
    /** Well after the corpus's 60 days, so that the default retention keeps them all. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);

    private Path directory;
    private BehaviorGraph original;
    private BehaviorGraph restored;
    private ScopeTime scope;

    /**
     * Ingests the corpus through a store, takes a snapshot and closes it.
     *
     * @throws IOException if the store cannot be written
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<ApiCall> calls = ApiCallCorpus.generate(EVENTS, PRINCIPALS, 60, 42);
        directory = Files.createTempDirectory("detective4j-restore");
        try (GraphStore store = store().open()) {
            store.acceptAll(calls);
            store.snapshot();
            original = store.graph();
        }
        Instant end = original.stats().lastEvent();
        Instant last = end.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1));
        scope = ScopeTime.of(last.minus(Duration.ofDays(1)), last);
        long bytes;
        try (Stream<Path> files = Files.list(directory)) {
            bytes = files.mapToLong(GraphRestoreBenchmark::size).sum();
        }
        System.out.printf("%nstore of %,d events: %,d bytes on disk (%.1f bytes an event), snapshot %,d bytes%n",
                EVENTS, bytes, bytes / (double) EVENTS, size(directory.resolve("snapshot.d4j")));
    }

    /**
     * Opens the store: reads the snapshot and rebuilds the graph.
     *
     * @return the restored graph
     * @throws IOException if the store cannot be read
     */
    @Benchmark
    public BehaviorGraph restore() throws IOException {
        try (GraphStore store = store().open()) {
            restored = store.graph();
            return restored;
        }
    }

    /**
     * Checks the last restored graph against the original and deletes the store.
     *
     * @throws IOException if the store cannot be deleted
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try {
            if (!original.stats().equals(restored.stats())) {
                throw new IllegalStateException("restored " + restored.stats() + ", original " + original.stats());
            }
            for (int i = 0; i < PRINCIPALS; i++) {
                EntityRef principal = ApiCallCorpus.principal(i);
                String a = DetectiveJson.write(original.profile(principal, scope));
                String b = DetectiveJson.write(restored.profile(principal, scope));
                if (!a.equals(b)) {
                    throw new IllegalStateException("profile of " + principal + " differs after restore");
                }
            }
            System.out.printf("%nrestored graph equals the original: statistics and %,d principals' profiles%n",
                    PRINCIPALS);
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private GraphStore.Builder store() {
        return GraphStore.builder(directory).clock(CLOCK);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
