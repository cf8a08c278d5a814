package io.github.detective4j.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
 * CloudTrail parsing throughput, in events per second, over one generated {@code {"Records":[...]}} file of
 * {@value #EVENTS} realistic management events (about 1.3 KB each; see {@link CloudTrailCorpus}):
 * <ul>
 *   <li>{@code floor}: Jackson's streaming parser touching every token and doing nothing else;
 *   <li>{@code readTree}: Jackson's {@code ObjectMapper.readTree}, the tree a user would start from;
 *   <li>{@code detective4j}: {@code LogReader} with the CloudTrail format named (gzip detection and the head included,
 *       format detection not: see {@link CloudTrailSmallFileBenchmark} for what it costs), mapping every record to an
 *       {@code ApiCall}.
 * </ul>
 * MB/s is events/s times the bytes per event printed at setup.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CloudTrailParseBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CloudTrailParseBenchmark {
    static final int EVENTS = 10_000;

    private InMemoryFile file;
    private final JsonFactory jsonFactory = new JsonFactory();
    private final ObjectMapper mapper = new ObjectMapper();
    private LogReader reader;

    /** Generates the file and the reader. */
    @Setup
    public void setUp() {
        file = new InMemoryFile("bench.json", CloudTrailCorpus.recordsFile(EVENTS, 42), EVENTS);
        reader = AwsLogs.reader().format("cloudtrail").strict().build();
    }

    /**
     * The floor: every token, nothing else.
     *
     * @return the token count
     * @throws IOException never, the bytes are in memory
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long floor() throws IOException {
        long tokens = 0;
        try (JsonParser parser = jsonFactory.createParser(file.bytes())) {
            while (parser.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    /**
     * Jackson's tree of the whole file.
     *
     * @return the tree
     * @throws IOException never, the bytes are in memory
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public JsonNode readTree() throws IOException {
        return mapper.readTree(file.bytes());
    }

    /**
     * detective4j: bytes to {@code ApiCall} events.
     *
     * @param blackhole consumes the events
     * @return the report
     * @throws IOException never, the bytes are in memory
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public IngestReport detective4j(Blackhole blackhole) throws IOException {
        return file.read(reader, blackhole);
    }
}
