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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The time to read one small CloudTrail file, in microseconds: what a trail delivers to S3 every few minutes for a
 * quiet account or region, where what an input costs before its first record (format detection, the head, buffers)
 * weighs as much as its records.
 * <ul>
 *   <li>{@code detective4j}: {@code AwsLogs.reader()} as a user builds it, detecting the format, mapping every record
 *       to an {@code ApiCall};
 *   <li>{@code readTree}: Jackson's {@code ObjectMapper.readTree} of the same bytes.
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CloudTrailSmallFileBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CloudTrailSmallFileBenchmark {
    /** Records in the file. */
    @Param({"20", "200"})
    public int records;

    private InMemoryFile file;
    private final ObjectMapper mapper = new ObjectMapper();
    private LogReader reader;

    /** Generates the file and the reader. */
    @Setup
    public void setUp() {
        file = new InMemoryFile("small.json", CloudTrailCorpus.recordsFile(records, 42), records);
        reader = AwsLogs.reader().strict().build();
    }

    /**
     * detective4j: one file's bytes to {@code ApiCall} events, its format detected.
     *
     * @param blackhole consumes the events
     * @return the report
     * @throws IOException never, the bytes are in memory
     */
    @Benchmark
    public IngestReport detective4j(Blackhole blackhole) throws IOException {
        return file.read(reader, blackhole);
    }

    /**
     * Jackson's tree of the same file.
     *
     * @return the tree
     * @throws IOException never, the bytes are in memory
     */
    @Benchmark
    public JsonNode readTree() throws IOException {
        return mapper.readTree(file.bytes());
    }
}
