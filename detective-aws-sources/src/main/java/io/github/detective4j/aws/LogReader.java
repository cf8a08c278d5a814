package io.github.detective4j.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.detective4j.model.EventSink;
import io.github.detective4j.model.SecurityEvent;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads AWS logs and findings from files, directory trees and streams into an {@link EventSink}.
 *
 * <p>For each input the reader detects gzip by its magic bytes (whatever the file is called), detects the format
 * from the content (unless one is forced), and lets that {@link LogFormat} parse it record by record. One bad record
 * never costs its neighbours: it becomes a {@link ParseError} for the {@link ErrorHandler}, and reading goes on.
 * An input that fails as a whole (unreadable, truncated gzip, unknown format) is an error of that input; the events
 * read from it before the failure stay delivered, and the next input is read.
 *
 * <p>A reader is immutable and thread-safe. By default each call to {@code read} reads its inputs one after the
 * other on the calling thread and delivers to the sink from that thread; with {@link Builder#threads(int)} the files
 * of a directory are read on several threads at once. Build one with {@link AwsLogs#reader()}.
 *
 * <pre>{@code
 * LogReader reader = AwsLogs.reader()
 *     .glob("**.json.gz")
 *     .errorHandler(ErrorHandler.strict())
 *     .build();
 * IngestReport report = reader.read(Path.of("AWSLogs/"), events::add);
 * }</pre>
 */
public final class LogReader {
    /** Bytes of decompressed input the format detection looks at. */
    static final int SAMPLE_BYTES = 64 * 1024;
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int MAX_STRING_LENGTH_CAP = 512 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(LogReader.class);

    private final List<LogFormat> formats;
    private final LogFormat forced;
    private final ErrorHandler errorHandler;
    private final long maxDecompressedBytes;
    private final String glob;
    private final Consumer<IngestReport> afterEachInput;
    private final int threads;
    private final ObjectMapper objectMapper;

    private LogReader(Builder builder) {
        this.formats = List.copyOf(builder.formats.values());
        this.forced = builder.forced == null ? null : builder.formats.get(builder.forced);
        if (builder.forced != null && forced == null) {
            throw new IllegalArgumentException("no format named '" + builder.forced + "'; known: "
                    + builder.formats.keySet());
        }
        this.errorHandler = builder.errorHandler;
        this.maxDecompressedBytes = builder.maxDecompressedBytes;
        this.glob = builder.glob;
        this.afterEachInput = builder.afterEachInput;
        this.threads = builder.threads;
        JsonFactory jsonFactory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(builder.maxStringLength)
                        .maxNestingDepth(builder.maxNestingDepth)
                        .maxNumberLength(100)
                        .maxNameLength(4096)
                        .build())
                .build();
        this.objectMapper = new ObjectMapper(jsonFactory);
    }

    /**
     * Returns the formats this reader knows, in the order they were registered.
     *
     * @return the formats
     */
    public List<LogFormat> formats() {
        return formats;
    }

    /**
     * Reads a file, or every regular file below a directory that matches the reader's glob (hidden files and
     * folders excepted), in path order. In a directory, files of no known format are skipped under the rule
     * {@code input.unrecognized}; a single file of no known format is an error.
     *
     * @param path a file or a directory
     * @param sink where the events go
     * @return what was read
     * @throws IOException if {@code path} cannot be listed, or the error handler stops reading
     */
    public IngestReport read(Path path, EventSink sink) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sink, "sink");
        if (!Files.isDirectory(path)) {
            return done(readFile(path, sink, false));
        }
        PathMatcher matcher = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> !isHidden(path.relativize(file)))
                    .filter(file -> matcher == null || matcher.matches(path.relativize(file)))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (threads > 1 && files.size() > 1) {
            return readInParallel(files, sink);
        }
        IngestReport total = IngestReport.EMPTY;
        for (Path file : files) {
            total = total.plus(done(readFile(file, sink, true)));
        }
        return total;
    }

    /** Tells the listener, if any, that an input is done, and hands its report on. */
    private IngestReport done(IngestReport input) {
        if (afterEachInput != null) {
            afterEachInput.accept(input);
        }
        return input;
    }

    /**
     * Reads files on {@link #threads} threads, each file's events delivered in batches from the thread that read
     * it. The reports are added up in path order, so that the total is the one a serial read gives.
     */
    private IngestReport readInParallel(List<Path> files, EventSink sink) throws IOException {
        AtomicBoolean stopped = new AtomicBoolean();
        ExecutorService pool = ReaderThreads.pool("detective4j-reader", Math.min(threads, files.size()));
        try {
            List<Future<IngestReport>> reports = new ArrayList<>(files.size());
            for (Path file : files) {
                reports.add(pool.submit(() -> readBatched(file, sink, stopped)));
            }
            IngestReport total = IngestReport.EMPTY;
            for (Future<IngestReport> report : reports) {
                total = total.plus(done(outcome(report, stopped)));
            }
            return total;
        } finally {
            pool.shutdownNow();
            ReaderThreads.awaitQuietly(pool); // no event reaches the sink after read returns or throws
        }
    }

    private IngestReport readBatched(Path file, EventSink sink, AtomicBoolean stopped) throws IOException {
        if (stopped.get()) {
            return IngestReport.EMPTY;
        }
        Batches batches = new Batches(sink, stopped);
        IngestReport report;
        try {
            report = readFile(file, batches, true);
        } catch (InvalidRecordException stop) {
            batches.flush(); // the events before the record that stopped the read were read: deliver them
            throw stop;
        }
        batches.flush();
        return report;
    }

    /** The report of one file, or the failure that stops the whole read (the first, in path order). */
    private static IngestReport outcome(Future<IngestReport> report, AtomicBoolean stopped) throws IOException {
        try {
            return report.get();
        } catch (InterruptedException e) {
            stopped.set(true);
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading");
        } catch (ExecutionException e) {
            stopped.set(true);
            ReaderThreads.rethrow(e.getCause());
            throw new IllegalStateException(e); // an ExecutionException always has a cause
        }
    }

    /** Collects one file's events and hands them to the sink {@value #BATCH} at a time. */
    private static final class Batches implements EventSink {
        private static final int BATCH = 1024;
        private final EventSink sink;
        private final AtomicBoolean stopped;
        private final List<SecurityEvent> batch = new ArrayList<>(BATCH);

        Batches(EventSink sink, AtomicBoolean stopped) {
            this.sink = sink;
            this.stopped = stopped;
        }

        @Override
        public void accept(SecurityEvent event) {
            batch.add(event);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            if (stopped.get()) {
                // another file failed and the read is over: what is still in flight is dropped, not delivered late
                throw new java.util.concurrent.CancellationException("the read was stopped");
            }
            sink.acceptAll(batch);
            batch.clear();
        }
    }

    /**
     * Reads one stream, which may be gzip-compressed.
     *
     * @param in the input; this method closes it
     * @param source the input's name, for reports and errors
     * @param sink where the events go
     * @return what was read
     * @throws InvalidRecordException if the error handler stops reading
     */
    public IngestReport read(InputStream in, String source, EventSink sink) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sink, "sink");
        return done(readStream(in, source, sink, false));
    }

    /**
     * Detects the format of a stream's content without parsing it.
     *
     * @param head up to the first 64 KiB of decompressed input
     * @param source the input's name
     * @return the format that claims it most surely, or empty when none does
     */
    public Optional<LogFormat> detect(String head, String source) {
        LogFormat.Sample sample = new LogFormat.Sample(source, head);
        LogFormat best = null;
        int bestScore = 0;
        for (LogFormat format : formats) {
            int score = format.detect(sample);
            if (score > bestScore) {
                best = format;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private IngestReport readFile(Path file, EventSink sink, boolean inDirectory) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            return failedInput(file.toString(), sink, "cannot open: " + e);
        }
        return readStream(in, file.toString(), sink, inDirectory);
    }

    private IngestReport readStream(InputStream raw, String source, EventSink sink, boolean inDirectory)
            throws IOException {
        ParseContext context = new ParseContext(source, sink, errorHandler, objectMapper);
        BoundedInputStream counted = null;
        try (InputStream closeMe = raw) {
            BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_BYTES);
            InputStream plain = buffered;
            if (isGzip(buffered)) {
                plain = new GZIPInputStream(buffered, BUFFER_BYTES);
            }
            counted = new BoundedInputStream(plain, maxDecompressedBytes, source);
            BufferedInputStream content = new BufferedInputStream(counted, BUFFER_BYTES);
            String head = sample(content);
            if (head.isBlank()) {
                return context.report(counted.count()); // an empty input holds no records
            }
            LogFormat format = forced != null ? forced : detect(head, source).orElse(null);
            if (format == null) {
                if (inDirectory) {
                    context.skip("input.unrecognized");
                } else {
                    context.error(0, 0, "not a format this reader knows (" + names() + "); it starts with "
                            + ParseContext.quote(head.substring(0, Math.min(60, head.length()))));
                }
                return context.report(counted.count());
            }
            format.parse(content, context);
        } catch (InvalidRecordException stop) {
            throw stop;
        } catch (ParseContext.SinkFailure failure) {
            throw failure.getCause(); // the sink's own exception, not a problem of the input
        } catch (EOFException | ZipException e) {
            context.error(0, context.recordsRead() + 1, "truncated or corrupt gzip stream after "
                    + context.recordsRead() + " records: " + e.getMessage());
        } catch (IOException e) {
            // A format catches per-record problems itself; what reaches here ended the whole input.
            context.error(0, context.recordsRead() + 1, "input ended after " + context.recordsRead()
                    + " records: " + e);
        } catch (RuntimeException e) {
            // A format that throws unchecked on input has a bug: the input is lost, so say so loudly, with the trace.
            LOG.error("format bug: an unchecked exception ended {}", Escaping.forLog(source), e);
            context.error(0, context.recordsRead() + 1, "input ended after " + context.recordsRead()
                    + " records by a parser bug: " + e);
        }
        return context.report(counted == null ? 0 : counted.count());
    }

    /**
     * Reports an input that could not be opened at all (an object listed and then deleted, say) as an error of that
     * input, through the error handler and the after-each-input listener, as a file that cannot be opened is.
     */
    IngestReport unreadable(String source, String reason) throws IOException {
        return done(failedInput(source, event -> {}, reason));
    }

    private IngestReport failedInput(String source, EventSink sink, String reason) throws IOException {
        ParseContext context = new ParseContext(source, sink, errorHandler, objectMapper);
        context.error(0, 0, reason);
        return context.report(0);
    }

    private String names() {
        return String.join(", ", formats.stream().map(LogFormat::name).toList());
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    private static String sample(BufferedInputStream in) throws IOException {
        in.mark(SAMPLE_BYTES);
        byte[] bytes = in.readNBytes(SAMPLE_BYTES);
        in.reset();
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Configures a {@link LogReader}. Not thread-safe; the reader it builds is.
     */
    public static final class Builder {
        private final Map<String, LogFormat> formats = new LinkedHashMap<>();
        private String forced;
        private ErrorHandler errorHandler = ErrorHandler.logAndContinue();
        private long maxDecompressedBytes = 4L * 1024 * 1024 * 1024;
        private int maxStringLength = 8 * 1024 * 1024;
        private int maxNestingDepth = 128;
        private String glob;
        private Consumer<IngestReport> afterEachInput;
        private int threads = 1;

        Builder(List<LogFormat> builtIns) {
            builtIns.forEach(this::register);
        }

        /**
         * Adds a format next to the ones already known; a format with the same name replaces the earlier one.
         *
         * @param format the format
         * @return this builder
         */
        public Builder register(LogFormat format) {
            Objects.requireNonNull(format, "format");
            formats.put(Objects.requireNonNull(format.name(), "format name"), format);
            return this;
        }

        /**
         * Parses every input with the named format instead of detecting it.
         *
         * @param name a registered format's name, such as {@code vpcflow}
         * @return this builder
         */
        public Builder format(String name) {
            this.forced = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets what happens to records that cannot be read; the default logs them at WARN and goes on.
         *
         * @param errorHandler the handler; {@link ErrorHandler#strict()} stops at the first error
         * @return this builder
         */
        public Builder errorHandler(ErrorHandler errorHandler) {
            this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
            return this;
        }

        /**
         * Stops at the first error, throwing {@link InvalidRecordException}: the same as
         * {@code errorHandler(ErrorHandler.strict())}.
         *
         * @return this builder
         */
        public Builder strict() {
            return errorHandler(ErrorHandler.strict());
        }

        /**
         * Caps the decompressed size of one input; past it the input fails, which stops gzip bombs. Default 4 GiB.
         *
         * @param bytes the cap in bytes, at least 1
         * @return this builder
         */
        public Builder maxDecompressedBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxDecompressedBytes must be positive, was " + bytes);
            }
            this.maxDecompressedBytes = bytes;
            return this;
        }

        /**
         * Caps the length of one JSON string value; a longer one is an error of its record. Default 8 MiB.
         *
         * @param chars the cap in characters, from 1,024 to 512 Mi
         * @return this builder
         */
        public Builder maxStringLength(int chars) {
            if (chars < 1024 || chars > MAX_STRING_LENGTH_CAP) {
                throw new IllegalArgumentException("maxStringLength must be from 1024 to " + MAX_STRING_LENGTH_CAP
                        + ", was " + chars);
            }
            this.maxStringLength = chars;
            return this;
        }

        /**
         * Caps how deeply JSON may nest; deeper input is an error of its record. Default 128.
         *
         * @param depth the cap, at least 16
         * @return this builder
         */
        public Builder maxNestingDepth(int depth) {
            if (depth < 16) {
                throw new IllegalArgumentException("maxNestingDepth must be at least 16, was " + depth);
            }
            this.maxNestingDepth = depth;
            return this;
        }

        /**
         * Reads only the files below a directory whose path relative to it matches a glob; by default every file
         * is read. {@code **.json.gz} takes those files at any depth, {@code *.json.gz} only those directly in the
         * directory, {@code AWSLogs/*}{@code /CloudTrail/**} one subtree.
         *
         * @param glob a {@link java.nio.file.FileSystem#getPathMatcher} glob
         * @return this builder
         */
        public Builder glob(String glob) {
            FileSystems.getDefault().getPathMatcher("glob:" + glob); // fail here, not at read time
            this.glob = glob;
            return this;
        }

        /**
         * Calls a listener after each input (each file of a directory, or the one file or stream) is read, on the
         * thread that called {@code read}, with that input's own report: for progress displays, which otherwise learn
         * nothing until a whole directory is read. With {@link #threads(int)}, files are reported in path order as
         * each one's turn comes. The listener must be quick; what it throws ends the read.
         *
         * @param listener takes each input's report, in reading order
         * @return this builder
         */
        public Builder afterEachInput(Consumer<IngestReport> listener) {
            this.afterEachInput = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Reads the files of a directory on this many threads at once; default 1, the calling thread alone. A single
         * file or stream is always read on the calling thread.
         *
         * <p>With more than one thread, the sink and the error handler are called from several threads at once and
         * must be thread-safe (a {@code BehaviorGraph} is; so are the built-in handlers). Events reach the sink in
         * batches ({@link EventSink#acceptAll}) of up to 1,024 from the thread that read them: the events of one file
         * arrive in file order, those of different files interleave. The {@link IngestReport} is the one a serial
         * read gives. If one file stops the read (a strict handler's {@link InvalidRecordException}, a failing sink),
         * the other threads stop delivering, {@code read} throws the first such failure in path order, and no event
         * reaches the sink after it returns or throws.
         *
         * @param threads from 1 to 256; more than the machine's cores rarely helps
         * @return this builder
         */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("threads must be from 1 to 256, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         * @throws IllegalArgumentException if a forced format is not registered
         */
        public LogReader build() {
            return new LogReader(this);
        }
    }
}
