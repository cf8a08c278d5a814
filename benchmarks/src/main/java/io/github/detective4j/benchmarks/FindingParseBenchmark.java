package io.github.detective4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.LogReader;
import java.io.IOException;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * GuardDuty finding parsing throughput, in findings per second, over one {@code GetFindings} output of
 * {@value #FINDINGS} instance findings ({@link ScaleCorpus#findingsFile}), read from memory:
 * <ul>
 *   <li>{@code readTree}: Jackson's tree of the whole file, where a user's own code would start;
 *   <li>{@code detective4j}: {@code LogReader} with format detection, mapping every finding to a {@code Finding}
 *       with its involved entities.
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar FindingParseBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FindingParseBenchmark {
    static final int FINDINGS = 5_000;

    private InMemoryFile file;
    private final ObjectMapper mapper = new ObjectMapper();
    private LogReader reader;

    /** Generates the file and the reader. */
    @Setup
    public void setUp() {
        file = new InMemoryFile("findings.json", ScaleCorpus.findingsFile(FINDINGS, 42), FINDINGS);
        reader = AwsLogs.reader().strict().build();
    }

    /**
     * Jackson's tree of the whole file.
     *
     * @return the tree
     * @throws IOException never, the bytes are in memory
     */
    @Benchmark
    @OperationsPerInvocation(FINDINGS)
    public JsonNode readTree() throws IOException {
        return mapper.readTree(file.bytes());
    }

    /**
     * detective4j: bytes to {@code Finding} events.
     *
     * @param blackhole consumes the events
     * @return the report
     * @throws IOException never, the bytes are in memory
     */
    @Benchmark
    @OperationsPerInvocation(FINDINGS)
    public IngestReport detective4j(Blackhole blackhole) throws IOException {
        return file.read(reader, blackhole);
    }
}
