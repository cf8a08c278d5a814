package io.github.detective4j.benchmarks;

import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.investigation.Indicator;
import io.github.detective4j.investigation.Investigation;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
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
 * Latency of {@code investigate} of one IAM user or role in a graph of {@value GraphIngestBenchmark#EVENTS} API calls
 * of 10,000 principals over 60 days ({@link ApiCallCorpus}), the scope the last day, with a geolocator and an ASN
 * resolver as in {@link NewBehaviorBenchmark}: every indicator is computed (new behavior, techniques of every call,
 * impossible travel, threat intelligence, related findings), sampled per call for percentiles.
 * <ul>
 *   <li>{@code busiestUser}: the Zipf head, whose scope holds an {@linkplain ApiCallCorpus#intrusion intrusion};
 *   <li>{@code typicalUser}: the 1,000 busiest users in turn;
 *   <li>{@code role}: the busiest role, whose investigation sums its sessions.
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar InvestigationBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class InvestigationBenchmark {
    private BehaviorGraph graph;
    private ScopeTime scope;
    private EntityRef[] users;
    private EntityRef role;
    private int next;

    /** Builds the graph. */
    @Setup(Level.Trial)
    public void setUp() {
        graph = ApiCallCorpus.enrichedGraph().build();
        graph.ingestAll(ApiCallCorpus.generate(GraphIngestBenchmark.EVENTS, 10_000, ProfileQueryBenchmark.DAYS, 42));
        var start = ApiCallCorpus.START.plus(Duration.ofDays(ProfileQueryBenchmark.DAYS - 1));
        scope = ScopeTime.of(start, start.plus(Duration.ofDays(1)));
        graph.ingestAll(ApiCallCorpus.intrusion(0, start.plus(Duration.ofHours(20))));
        users = new EntityRef[1_000];
        int n = 0;
        for (int i = 0; n < users.length; i++) {
            EntityRef principal = ApiCallCorpus.principal(i);
            if (principal.type() == EntityType.AWS_USER) {
                users[n++] = principal;
            }
        }
        String session = ApiCallCorpus.principal(2).id();
        role = EntityRef.role(session.substring(0, session.indexOf(':')));
        Investigation busiest = graph.investigate(users[0], scope);
        System.out.printf("%nbusiest user: %s, %d indicators %s; role: %d indicators%n", busiest.severity(),
                busiest.indicators().size(), busiest.indicators().stream().map(Indicator::type).distinct().toList(),
                graph.investigate(role, scope).indicators().size());
    }

    /**
     * The busiest user's investigation.
     *
     * @return the investigation
     */
    @Benchmark
    public Investigation busiestUser() {
        return graph.investigate(users[0], scope);
    }

    /**
     * One of the 1,000 busiest users' investigation, in turn.
     *
     * @return the investigation
     */
    @Benchmark
    public Investigation typicalUser() {
        EntityRef user = users[next];
        next = (next + 1) % users.length;
        return graph.investigate(user, scope);
    }

    /**
     * The busiest role's investigation, over all its sessions.
     *
     * @return the investigation
     */
    @Benchmark
    public Investigation role() {
        return graph.investigate(role, scope);
    }
}
