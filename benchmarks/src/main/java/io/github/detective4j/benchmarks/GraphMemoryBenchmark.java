package io.github.detective4j.benchmarks;

import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.graph.GraphStats;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.SecurityEvent;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Retained heap of a behavior graph holding {@value GraphIngestBenchmark#EVENTS} API calls of 10,000 principals over
 * 60 days ({@link ApiCallCorpus}): the heap in use after a full GC with the graph alive, less the heap in use after a
 * full GC before it was built (the events themselves stay alive in both, so they do not count). Reported as the
 * secondary result {@code retainedMiB}, with the graph's own count of hourly cells ({@code hourlyCells}).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar GraphMemoryBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1) // JMH sums event counters over iterations: one iteration reports one graph
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class GraphMemoryBenchmark {
    private List<ApiCall> calls;

    /** What one measurement found. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Retained {
        /** Retained heap of the graph, in MiB. */
        public long retainedMiB;
        /** Hourly cells the graph holds. */
        public long hourlyCells;
    }

    /** Generates the events. */
    @Setup(Level.Trial)
    public void setUp() {
        calls = ApiCallCorpus.generate(GraphIngestBenchmark.EVENTS, 10_000, 60, 42);
    }

    /**
     * Builds the graph and measures what it retains.
     *
     * @param retained where the figures go
     * @return the graph, kept alive until measured
     */
    @Benchmark
    public BehaviorGraph retainedHeap(Retained retained) {
        return retainedHeap(retained, calls, "API calls");
    }

    /**
     * Builds a graph of {@code events}, puts what it retains into {@code retained}, and prints it.
     *
     * @param retained where the figures go
     * @param events what the graph ingests
     * @param what what the events are, for the printed line
     * @return the graph, kept alive until measured
     */
    static BehaviorGraph retainedHeap(Retained retained, List<? extends SecurityEvent> events, String what) {
        long before = usedAfterGc();
        BehaviorGraph graph = BehaviorGraph.create();
        graph.ingestAll(events);
        long after = usedAfterGc();
        GraphStats stats = graph.stats();
        retained.retainedMiB = (after - before) >> 20;
        retained.hourlyCells = stats.hourlyCells();
        System.out.printf("%nretained %,d MiB for %,d %s, %,d entities, %,d relationships, %,d hourly cells"
                + " (%,d MiB of series)%n", retained.retainedMiB, events.size(), what, stats.entityCount(),
                stats.relationships(), stats.hourlyCells(), stats.seriesBytes() >> 20);
        return graph;
    }

    /** The heap in use after full collections, in bytes: what the live objects hold. */
    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
