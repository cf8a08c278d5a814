package io.github.detective4j.benchmarks;

import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.profile.Profile;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of a full principal profile (details, findings, API call volume with its 45-day baseline and every
 * drill-down) in a graph of {@value GraphIngestBenchmark#EVENTS} API calls of 10,000 principals over 60 days,
 * sampled per call so that JMH reports percentiles (p50, p99):
 * <ul>
 *   <li>{@code busiestPrincipal}: the Zipf head, about one call in ten of the whole graph;
 *   <li>{@code typicalPrincipal}: the 1,000 busiest principals in turn.
 * </ul>
 * The scope is the last day; the baseline the 45 days before it.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ProfileQueryBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class ProfileQueryBenchmark {
    static final int DAYS = 60;

    private BehaviorGraph graph;
    private ScopeTime scope;
    private EntityRef[] principals;
    private int next;

    /** Builds the graph. */
    @Setup(Level.Trial)
    public void setUp() {
        graph = BehaviorGraph.create();
        graph.ingestAll(ApiCallCorpus.generate(GraphIngestBenchmark.EVENTS, 10_000, DAYS, 42));
        var start = ApiCallCorpus.START.plus(Duration.ofDays(DAYS - 1));
        scope = ScopeTime.of(start, start.plus(Duration.ofDays(1)));
        principals = new EntityRef[1_000];
        for (int i = 0; i < principals.length; i++) {
            principals[i] = ApiCallCorpus.principal(i);
        }
        Profile busiest = graph.profile(principals[0], scope);
        System.out.printf("%nbusiest principal: %d calls in scope, %d baseline hours, %d sources%n",
                busiest.apiCallVolume().orElseThrow().total(),
                busiest.apiCallVolume().orElseThrow().baseline().activeHours(),
                busiest.apiCallVolume().orElseThrow().byIpAddress().size());
    }

    /**
     * The busiest principal's profile.
     *
     * @return the profile
     */
    @Benchmark
    public Profile busiestPrincipal() {
        return graph.profile(principals[0], scope);
    }

    /**
     * One of the 1,000 busiest principals' profile, in turn.
     *
     * @return the profile
     */
    @Benchmark
    public Profile typicalPrincipal() {
        EntityRef principal = principals[next];
        next = (next + 1) % principals.length;
        return graph.profile(principal, scope);
    }
}
