package io.github.detective4j.benchmarks;

import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.ApiCall;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingest throughput of normalized {@code ApiCall} events into an empty {@link BehaviorGraph}, on one thread, in
 * events per second: {@value #EVENTS} events of 10,000 principals over 60 days ({@link ApiCallCorpus}), each
 * invocation into a new graph, so that the figure includes creating every entity, relationship and cell.
 *
 * <ul>
 *   <li>{@code accept}: one {@code accept(event)} per event, one lock acquisition each, as a parser feeds it;
 *   <li>{@code ingestAll}: the whole list under one lock acquisition.
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar GraphIngestBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class GraphIngestBenchmark {
    static final int EVENTS = 1_000_000;

    private List<ApiCall> calls;

    /** Generates the events. */
    @Setup
    public void setUp() {
        calls = ApiCallCorpus.generate(EVENTS, 10_000, 60, 42);
    }

    /**
     * One lock acquisition per event.
     *
     * @return the graph
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public BehaviorGraph accept() {
        BehaviorGraph graph = BehaviorGraph.create();
        for (ApiCall call : calls) {
            graph.accept(call);
        }
        return graph;
    }

    /**
     * One lock acquisition for all events.
     *
     * @return the graph
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public BehaviorGraph ingestAll() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.ingestAll(calls);
        return graph;
    }
}
