package io.github.detective4j.benchmarks;

import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.hunt.IpHunt;
import io.github.detective4j.hunt.UserAgentHunt;
import io.github.detective4j.profile.EntityActivity;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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
 * Latency of hunts across all the data of a graph of {@value GraphIngestBenchmark#EVENTS} API calls of 10,000
 * principals over 60 days ({@link ApiCallCorpus}), sampled per call for percentiles:
 * <ul>
 *   <li>{@code ipAddress}: everything that touched one address of a busy principal;
 *   <li>{@code network}: a /24 of 250 addresses;
 *   <li>{@code userAgent}: one user agent that a sixth of all principals use;
 *   <li>{@code principalsUsing}: the principals of that agent alone ({@code Hunt.principalsUsing});
 *   <li>{@code userAgentPattern}: a pattern that matches two of the six user agents.
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar HuntBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class HuntBenchmark {
    private BehaviorGraph graph;
    private String address;
    private String agent;

    /** Builds the graph. */
    @Setup(Level.Trial)
    public void setUp() {
        graph = BehaviorGraph.create();
        var calls = ApiCallCorpus.generate(GraphIngestBenchmark.EVENTS, 10_000, ProfileQueryBenchmark.DAYS, 42);
        address = calls.get(0).sourceIpAddress();
        agent = calls.get(0).userAgent();
        graph.ingestAll(calls);
        UserAgentHunt hunt = graph.hunt().userAgent(agent);
        System.out.printf("%nuser agent %s: %d principals, %d call rows; address %s: %d principals%n", agent,
                hunt.principals().size(), hunt.apiCalls().size(), address,
                graph.hunt().ip(address).principals().size());
    }

    /**
     * One address.
     *
     * @return the hunt
     */
    @Benchmark
    public IpHunt ipAddress() {
        return graph.hunt().ip(address);
    }

    /**
     * A network of 250 addresses.
     *
     * @return the hunt
     */
    @Benchmark
    public IpHunt network() {
        return graph.hunt().ip("198.51.0.0/24");
    }

    /**
     * One user agent, exactly.
     *
     * @return the hunt
     */
    @Benchmark
    public UserAgentHunt userAgent() {
        return graph.hunt().userAgent(agent);
    }

    /**
     * The principals of one user agent, without the full hunt's addresses and call rows.
     *
     * @return the principals
     */
    @Benchmark
    public List<EntityActivity> principalsUsing() {
        return graph.hunt().principalsUsing(agent);
    }

    /**
     * A pattern over every user agent of the graph.
     *
     * @return the hunt
     */
    @Benchmark
    public UserAgentHunt userAgentPattern() {
        return graph.hunt().userAgents(Pattern.compile("^(Boto3|Terraform)/"));
    }
}
