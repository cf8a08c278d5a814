package io.github.detective4j.benchmarks;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.LogReader;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * VPC Flow Log parsing throughput, in records per second, over one S3-style file of {@value #RECORDS} records in a
 * custom format of 25 fields named by its header line ({@link ScaleCorpus#flowLogFile}), read from memory:
 * <ul>
 *   <li>{@code splitLines}: what a user's own code would do, {@code readLine} and {@code split(" ")}, nothing else;
 *   <li>{@code detective4j}: {@code LogReader} with format detection, mapping every record to a {@code NetworkFlow}
 *       (addresses checked, direction and sides decided, times and counts parsed);
 *   <li>{@code smallFile}: the same reader over one small file of the same format ({@link SmallFile#records} records),
 *       in microseconds a file: what an interface with little traffic delivers to S3 every few minutes, where what an
 *       input costs before its first record (detection, the header, buffers) weighs as much as its records.
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar FlowLogParseBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FlowLogParseBenchmark {
    static final int RECORDS = 50_000;

    private InMemoryFile file;
    private LogReader reader;

    /** Generates the file and the reader. */
    @Setup
    public void setUp() {
        file = new InMemoryFile("flows.log", ScaleCorpus.flowLogFile(RECORDS, 42), RECORDS);
        reader = AwsLogs.reader().strict().build();
    }

    /**
     * Lines split on spaces, as a baseline.
     *
     * @return the field count
     * @throws IOException never, the bytes are in memory
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long splitLines() throws IOException {
        long fields = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(file.bytes()),
                StandardCharsets.US_ASCII))) {
            for (String line; (line = lines.readLine()) != null; ) {
                fields += line.split(" ").length;
            }
        }
        return fields;
    }

    /**
     * detective4j: bytes to {@code NetworkFlow} events.
     *
     * @param blackhole consumes the events
     * @return the report
     * @throws IOException never, the bytes are in memory
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public IngestReport detective4j(Blackhole blackhole) throws IOException {
        return file.read(reader, blackhole);
    }

    /**
     * detective4j: one small file's bytes to {@code NetworkFlow} events, its format detected.
     *
     * @param small the file
     * @param blackhole consumes the events
     * @return the report
     * @throws IOException never, the bytes are in memory
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public IngestReport smallFile(SmallFile small, Blackhole blackhole) throws IOException {
        return small.file.read(reader, blackhole);
    }

    /** One small flow log file, with its header line. */
    @State(Scope.Benchmark)
    public static class SmallFile {
        /** Records in the file. */
        @Param({"1", "20"})
        public int records;

        InMemoryFile file;

        /** Generates the file. */
        @Setup
        public void setUp() {
            file = new InMemoryFile("small-flows.log", ScaleCorpus.flowLogFile(records, 42), records);
        }
    }
}
