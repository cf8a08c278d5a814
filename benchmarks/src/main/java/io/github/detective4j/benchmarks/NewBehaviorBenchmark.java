package io.github.detective4j.benchmarks;

import io.github.detective4j.behavior.NewBehavior;
import io.github.detective4j.behavior.NewBehaviorRanking;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.ScopeTime;
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
 * New behavior in a graph of {@value GraphIngestBenchmark#EVENTS} API calls of 10,000 principals over 60 days
 * ({@link ApiCallCorpus}), the scope the last day and the baseline the 45 before it, with a geolocator and an ASN
 * resolver that place the corpus's 5,000 addresses in 250 cities and 50 networks:
 * <ul>
 *   <li>{@code busiestPrincipal}, {@code typicalPrincipal}: one principal's {@code newBehavior}, sampled per call
 *       for percentiles (the Zipf head; the 1,000 busiest in turn);
 *   <li>{@code ranking}: {@code newBehavior(scope)} over every principal, the account-wide ranking.
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar NewBehaviorBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class NewBehaviorBenchmark {
    private BehaviorGraph graph;
    private ScopeTime scope;
    private EntityRef[] principals;
    private int next;

    /** Builds the graph. */
    @Setup(Level.Trial)
    public void setUp() {
        graph = ApiCallCorpus.enrichedGraph().build();
        graph.ingestAll(ApiCallCorpus.generate(GraphIngestBenchmark.EVENTS, 10_000, ProfileQueryBenchmark.DAYS, 42));
        var start = ApiCallCorpus.START.plus(Duration.ofDays(ProfileQueryBenchmark.DAYS - 1));
        scope = ScopeTime.of(start, start.plus(Duration.ofDays(1)));
        principals = new EntityRef[1_000];
        for (int i = 0; i < principals.length; i++) {
            principals[i] = ApiCallCorpus.principal(i);
        }
        NewBehaviorRanking ranking = graph.newBehavior(scope);
        System.out.printf("%nranking: %d principals with new behavior; the busiest principal: %s%n",
                ranking.principals().size(), graph.newBehavior(principals[0], scope).count());
    }

    /**
     * The busiest principal's new behavior.
     *
     * @return the answer
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 3)
    @Measurement(iterations = 5, time = 3)
    public NewBehavior busiestPrincipal() {
        return graph.newBehavior(principals[0], scope);
    }

    /**
     * One of the 1,000 busiest principals' new behavior, in turn.
     *
     * @return the answer
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 3)
    @Measurement(iterations = 5, time = 3)
    public NewBehavior typicalPrincipal() {
        EntityRef principal = principals[next];
        next = (next + 1) % principals.length;
        return graph.newBehavior(principal, scope);
    }

    /**
     * The account-wide ranking.
     *
     * @return the ranking
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 5, time = 5)
    public NewBehaviorRanking ranking() {
        return graph.newBehavior(scope);
    }
}
