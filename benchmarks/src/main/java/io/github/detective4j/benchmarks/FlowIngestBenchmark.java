package io.github.detective4j.benchmarks;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.NetworkFlow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
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
 * Ingest of VPC flow records into an empty {@link BehaviorGraph}, on one thread: {@value #RECORDS} records of 200
 * instances over one day, parsed once from {@link ScaleCorpus#flowLogFile} (the generator of the {@code compare}
 * corpus's flow logs: stable peers and ports, ephemeral ports on the side that is not the service), each invocation
 * into a new graph.
 *
 * <ul>
 *   <li>{@code ingestAll}: records per second, the whole list under one lock acquisition;
 *   <li>{@code retainedHeap}: one graph's retained heap after a full GC ({@code retainedMiB}), the heap in use with
 *       the graph alive less the heap in use before it was built (the records stay alive in both).
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar FlowIngestBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2) // the first three are still compiling: a new graph per invocation, few invocations
@Measurement(iterations = 8, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FlowIngestBenchmark {
    static final int RECORDS = 250_000;

    private List<NetworkFlow> flows;

    /**
     * Parses the records.
     *
     * @throws IOException never, the bytes are in memory
     */
    @Setup
    public void setUp() throws IOException {
        List<NetworkFlow> read = new ArrayList<>(RECORDS);
        AwsLogs.reader().strict().build().read(new ByteArrayInputStream(ScaleCorpus.flowLogFile(RECORDS, 42)),
                "flows.log", event -> read.add((NetworkFlow) event));
        flows = List.copyOf(read);
    }

    /**
     * All records under one lock acquisition.
     *
     * @return the graph
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public BehaviorGraph ingestAll() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.ingestAll(flows);
        return graph;
    }

    /**
     * Builds one graph and measures what it retains.
     *
     * @param retained where the figures go
     * @return the graph, kept alive until measured
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1) // JMH sums event counters over iterations: one iteration reports one graph
    @Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
    public BehaviorGraph retainedHeap(GraphMemoryBenchmark.Retained retained) {
        return GraphMemoryBenchmark.retainedHeap(retained, flows, "flow records");
    }
}
