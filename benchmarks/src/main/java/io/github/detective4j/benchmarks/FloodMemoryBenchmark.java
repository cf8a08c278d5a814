package io.github.detective4j.benchmarks;

import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.FlowAction;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.NetworkFlow;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import io.github.detective4j.model.SecurityEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Retained heap of a behavior graph after a flood of values an attacker chooses, with the default caps, measured as
 * {@link GraphMemoryBenchmark} does ({@code retainedMiB}): past an entity's relationship cap (100,000) a new value
 * must cost nothing, so the figure should be the same for 200,000 events and for 2,000,000.
 * <ul>
 *   <li>{@code userAgents}: one IAM user's calls from one address, each with a user agent of its own;
 *   <li>{@code ipv6}: one IAM user's calls with one user agent, each from an IPv6 address of its own;
 *   <li>{@code spoofedSources}: rejected inbound flow records of one instance, each from a source of its own;
 *   <li>{@code signIns}: failed console sign-ins with a user name CloudTrail hides (no principal entity), each from
 *       an IPv6 address and with a user agent of its own, as anyone on the internet can send them.
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar FloodMemoryBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1) // JMH sums event counters over iterations: one iteration reports one graph
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class FloodMemoryBenchmark {
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final String ACCOUNT = "111122223333";

    /** What floods the graph. */
    @Param({"userAgents", "ipv6", "spoofedSources", "signIns"})
    public String flood;

    /** Events of the flood. */
    @Param({"200000", "2000000"})
    public int events;

    private List<SecurityEvent> floodEvents;

    /** Generates the flood. */
    @Setup(Level.Trial)
    public void setUp() {
        Principal user = Principal.builder(PrincipalType.IAM_USER).principalId("AIDAFLOODEXAMPLE0001")
                .arn("arn:aws:iam::" + ACCOUNT + ":user/ci").accountId(ACCOUNT).userName("ci")
                .accessKeyId("AKIAFLOODEXAMPLE0001").build();
        Principal hidden = Principal.builder(PrincipalType.IAM_USER).accountId(ACCOUNT)
                .userName("HIDDEN_DUE_TO_SECURITY_REASONS").build();
        floodEvents = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            Instant time = START.plusSeconds(i % 86_400);
            floodEvents.add(switch (flood) {
                case "userAgents" -> call(user, time, "198.51.100.7",
                        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/" + i + ".0.0.0 Safari/537.36");
                case "ipv6" -> call(user, time, "2001:db8:0:" + Integer.toHexString(i >>> 16) + "::"
                        + Integer.toHexString(i & 0xffff), "aws-cli/2.13.5");
                case "spoofedSources" -> NetworkFlow.builder().version(2).accountId(ACCOUNT)
                        .interfaceId("eni-0a1b2c3d4e5f60708").instanceId("i-08a8e40be65425909").region("us-east-1")
                        .local("10.0.1.5", 443).remote(((i >>> 24) + 1) + "." + (i >>> 16 & 255) + "."
                                + (i >>> 8 & 255) + "." + (i & 255), 1024 + i % 60_000)
                        .protocol(NetworkFlow.TCP).bytes(40).packets(1).window(time, time.plusSeconds(60))
                        .action(FlowAction.REJECT).direction(FlowDirection.INBOUND).build();
                case "signIns" -> ApiCall.builder().eventTime(time).accountId(ACCOUNT).region("us-east-1")
                        .principal(hidden).eventSource("signin.amazonaws.com").eventName("ConsoleLogin")
                        .sourceIpAddress("2001:db8:1:" + Integer.toHexString(i >>> 16) + "::"
                                + Integer.toHexString(i & 0xffff))
                        .userAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/" + i + ".0")
                        .errorMessage("No username found in supplied account").build();
                default -> throw new IllegalArgumentException("unknown flood " + flood);
            });
        }
    }

    private static ApiCall call(Principal user, Instant time, String address, String userAgent) {
        return ApiCall.builder().eventTime(time).accountId(ACCOUNT).region("us-east-1").principal(user)
                .eventSource("sts.amazonaws.com").eventName("GetCallerIdentity").sourceIpAddress(address)
                .userAgent(userAgent).build();
    }

    /**
     * Builds the graph and measures what it retains.
     *
     * @param retained where the figures go
     * @return the graph, kept alive until measured
     */
    @Benchmark
    public BehaviorGraph retainedHeap(GraphMemoryBenchmark.Retained retained) {
        return GraphMemoryBenchmark.retainedHeap(retained, floodEvents, flood + " events");
    }
}
