package io.github.detective4j.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.detective4j.model.EventSink;
import io.github.detective4j.model.SecurityEvent;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <p>A reader is immutable and thread-safe. Each call to {@code read} reads its inputs one after the other and delivers
 * to the sink from the calling thread; with {@link Builder#threads(int)} the files of a read (a directory's, or those of
 * {@link #read(List, EventSink)}) are parsed ahead on background threads, and still delivered in order from the calling
 * thread. Build one with {@link AwsLogs#reader()}.
 *
 * <p>Memory: beyond each input's buffers, the CloudTrail format shares one string per repeated value (principal ids,
 * source addresses, user agents, API names, accounts) through a bounded, lock-free table common to every reader of
 * the process: at most about 10 MiB, kept for the life of the process. The large buffers an input is read through are
 * lent from a pool of at most 16 sets shared the same way (256 KiB each, and the CloudTrail format's own of up to about
 * 300 KiB each), so that a small file costs little more than its records.
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
    /** The score of a format certain of an input ({@link LogFormat#detect}): detection asks no further format. */
    private static final int CERTAIN = 100;
    /** Bytes of decompressed input the format detection looks at. */
    static final int SAMPLE_BYTES = 64 * 1024;
    static final int BUFFER_BYTES = 64 * 1024;
    private static final int MAX_STRING_LENGTH_CAP = 512 * 1024 * 1024;
    /** The first bytes of an Apache Parquet file. */
    private static final String PARQUET_MAGIC = "PAR1";
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
     * {@code input.unrecognized} (Apache Parquet files, such as flow logs delivered in the parquet file format, under
     * {@code input.parquet}: they are not read); a single file of no known format is an error.
     *
     * @param path a file or a directory
     * @param sink where the events go
     * @return what was read
     * @throws IOException if {@code path} cannot be listed, or the error handler stops reading
     */
    public IngestReport read(Path path, EventSink sink) throws IOException {
        Objects.requireNonNull(path, "path");
        return read(List.of(path), sink);
    }

    /**
     * Reads files and directories as one read: each path in the order given, and each directory's files in path
     * order, as {@link #read(Path, EventSink)} reads one of them. Every directory is listed before anything is read.
     * With {@link Builder#threads(int)}, all the files of all the paths are parsed ahead together, so several files
     * named one by one (a shell's {@code *.json.gz}, say) are read in parallel as a directory's are; the sink still
     * sees them in the order of a serial read.
     *
     * <pre>{@code
     * IngestReport report = reader.read(List.of(Path.of("trail-1.json.gz"), Path.of("flowlogs/")), graph);
     * }</pre>
     *
     * @param paths files or directories; a file named twice, or found under two of the paths (a directory and one of
     *     its subdirectories, say), is read once, where it first comes: read twice, its events would count twice
     * @param sink where the events go
     * @return what was read, all paths together
     * @throws IOException if a directory cannot be listed (before anything is read), or the error handler stops
     *     reading
     * @throws InterruptedIOException if the calling thread is interrupted: between two files, or while it waits for
     *     a parse thread; its interrupt status stays set, and the files before are in the sink
     */
    public IngestReport read(List<Path> paths, EventSink sink) throws IOException {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(sink, "sink");
        List<Input> inputs = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path path : paths) {
            Objects.requireNonNull(path, "a path");
            if (Files.isDirectory(path)) {
                for (Path file : list(path)) {
                    if (seen.add(identity(file))) {
                        inputs.add(new Input(file, true));
                    }
                }
            } else if (seen.add(identity(path))) {
                inputs.add(new Input(path, false));
            }
        }
        if (threads > 1 && inputs.size() > 1) {
            return readInParallel(inputs, sink);
        }
        IngestReport total = IngestReport.EMPTY;
        for (Input input : inputs) {
            if (Thread.currentThread().isInterrupted()) { // between files, as a parallel read stops
                throw new InterruptedIOException("interrupted while reading, before " + input.file());
            }
            total = total.plus(done(readFile(input.file(), sink, input.inDirectory())));
        }
        return total;
    }

    /** What tells one file from another however it is named: its real path, or for a file not there, its own. */
    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException notThere) {
            return file.toAbsolutePath().normalize(); // it fails when read, and once is enough
        }
    }

    /** A file to read, and whether it was found in a directory (where a file of no known format is skipped). */
    private record Input(Path file, boolean inDirectory) {}

    /**
     * The regular files below a directory that the glob matches, hidden ones excepted, in path order. A directory
     * given as a symbolic link is walked where it leads, its files named through the link as given; links below it
     * are not followed (a loop would end the walk).
     */
    private List<Path> list(Path directory) throws IOException {
        PathMatcher matcher = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        Path start = Files.isSymbolicLink(directory) ? directory.toRealPath() : directory;
        try (Stream<Path> walk = Files.walk(start)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> directory.resolve(start.relativize(file)))
                    .filter(file -> !isHidden(directory.relativize(file)))
                    .filter(file -> matcher == null || matcher.matches(directory.relativize(file)))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Tells the listener, if any, that an input is done, and hands its report on. */
    private IngestReport done(IngestReport input) {
        if (afterEachInput != null) {
            afterEachInput.accept(input);
        }
        return input;
    }

    /**
     * Reads files with {@link #threads} threads in all: {@code threads - 1} background threads parse files ahead, in
     * path order, into bounded queues of batches, while the calling thread hands each file's batches, errors and
     * report to the sink, the error handler and the listener, file after file. So the sink sees exactly what a serial
     * read delivers, in the same order and on the same thread, and only the parsing runs in parallel.
     */
    private IngestReport readInParallel(List<Input> files, EventSink sink) throws IOException {
        List<Parsed> parsed = new ArrayList<>(files.size());
        for (int k = 0; k < files.size(); k++) {
            parsed.add(new Parsed());
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        int parsers = Math.min(threads - 1, files.size());
        ExecutorService pool = ReaderThreads.pool("detective4j-reader", parsers);
        try {
            for (int w = 0; w < parsers; w++) {
                pool.execute(() -> {
                    for (int k; !stopped.get() && (k = next.getAndIncrement()) < files.size(); ) {
                        if (!parse(files.get(k), parsed.get(k))) {
                            return; // stopped while waiting for room
                        }
                    }
                });
            }
            IngestReport total = IngestReport.EMPTY;
            for (Parsed file : parsed) {
                total = total.plus(done(file.deliver(sink, errorHandler)));
            }
            return total;
        } finally {
            stopped.set(true);
            pool.shutdownNow(); // wakes parsers waiting for room in a queue nobody will read
            ReaderThreads.awaitQuietly(pool); // no event reaches the sink after read returns or throws
        }
    }

    /** Parses one file into its queue; false when interrupted because the read is over. */
    private boolean parse(Input file, Parsed into) {
        try {
            ErrorHandler later = into::error; // the caller's handler runs on the calling thread, in order
            IngestReport report = readFile(file.file(), into, file.inDirectory(), later);
            into.end(report);
        } catch (Parsed.Stopped stop) {
            return false;
        } catch (IOException | RuntimeException | Error failure) {
            try {
                into.fail(failure);
            } catch (Parsed.Stopped stop) {
                return false;
            }
        }
        return true;
    }

    /**
     * One file parsed ahead: its events in batches of up to {@value #BATCH}, its errors and its report, in the order
     * the parser produced them, in a queue of a few batches that the parser waits on when it is full (so at most a
     * few thousand events per file in flight).
     */
    private static final class Parsed implements EventSink {
        private static final int BATCH = 1024;
        private static final Object END = new Object();
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
        private List<SecurityEvent> batch; // made on the first event: a directory may hold many thousands of files
        private IngestReport report;
        private Throwable failure;

        /** Thrown in a parser thread when the read is over and nobody will take what it parses. */
        static final class Stopped extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Stopped() {
                super("the read is over", null, false, false);
            }
        }

        @Override
        public void accept(SecurityEvent event) {
            if (batch == null) {
                batch = new ArrayList<>(BATCH);
            }
            batch.add(event);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void error(ParseError error) {
            flush(); // the events before the error come first, as in a serial read
            put(error);
        }

        void end(IngestReport done) {
            flush();
            report = done;
            put(END);
        }

        void fail(Throwable thrown) {
            flush();
            failure = thrown;
            put(END);
        }

        private void flush() {
            if (batch != null) {
                put(batch);
                batch = null;
            }
        }

        private void put(Object item) {
            try {
                queue.put(item);
            } catch (InterruptedException e) {
                throw new Stopped();
            }
        }

        /** On the calling thread: hands the file's batches and errors on in order, then returns its report. */
        @SuppressWarnings("unchecked")
        IngestReport deliver(EventSink sink, ErrorHandler handler) throws IOException {
            while (true) {
                Object item;
                try {
                    item = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading");
                }
                if (item == END) {
                    ReaderThreads.rethrow(failure);
                    return report;
                }
                if (item instanceof ParseError error) {
                    handler.onError(error);
                } else {
                    sink.acceptAll((List<SecurityEvent>) item);
                }
            }
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
     * Counts the events a stream parses to, handing them and its errors to nobody: what a source that stopped inside
     * an input needs to tell how far its sink got (one line of a log group's page, say).
     *
     * @param in the input; this method closes it
     * @param source the input's name
     * @return the events it parses to, up to where it could be read
     */
    long eventsIn(InputStream in, String source) {
        long[] events = {0};
        try {
            readStream(in, source, event -> events[0]++, false, error -> { });
        } catch (IOException | RuntimeException e) {
            // what could be read is counted: the same input read for the sink failed the same way there
        }
        return events[0];
    }

    /**
     * Detects the format of a stream's content without parsing it.
     *
     * @param head up to the first 64 KiB of decompressed input
     * @param source the input's name
     * @return the format that claims it most surely (of those that tie, the one registered first; a format certain of
     *     it, scoring 100, ends the search), or empty when none does
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
                if (score >= CERTAIN) {
                    break; // nothing later can outdo it (a tie goes to the earlier format): not worth their parse
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private IngestReport readFile(Path file, EventSink sink, boolean inDirectory) throws IOException {
        return readFile(file, sink, inDirectory, errorHandler);
    }

    private IngestReport readFile(Path file, EventSink sink, boolean inDirectory, ErrorHandler handler)
            throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            return failedInput(file.toString(), sink, "cannot open: " + e, handler);
        }
        return readStream(in, file.toString(), sink, inDirectory, handler);
    }

    private IngestReport readStream(InputStream raw, String source, EventSink sink, boolean inDirectory)
            throws IOException {
        return readStream(raw, source, sink, inDirectory, errorHandler);
    }

    private IngestReport readStream(InputStream raw, String source, EventSink sink, boolean inDirectory,
            ErrorHandler handler) throws IOException {
        ParseContext context = new ParseContext(source, sink, handler, objectMapper);
        BoundedInputStream counted = null;
        InputBuffers buffers = InputBuffers.borrow();
        try (raw) {
            BufferedInputStream buffered = buffers.raw(raw);
            InputStream plain = buffered;
            if (isGzip(buffered)) {
                plain = buffers.gzip(buffered);
            }
            counted = new BoundedInputStream(plain, maxDecompressedBytes, source);
            BufferedInputStream content = buffers.content(counted);
            Head sampled = sample(content, buffers.head);
            String head = sampled.text();
            LogFormat format = head.isBlank() ? null : forced != null ? forced : detect(head, source).orElse(null);
            if (format == null && sampled.cut() != null) {
                throw sampled.cut(); // cut before anything could be recognized: the cut is what to report
            }
            if (head.isBlank()) {
                return context.report(counted.count()); // an empty input holds no records
            }
            if (format == null && head.startsWith(PARQUET_MAGIC)) {
                // VPC Flow Logs' parquet file format: say so, where "not a format this reader knows" leaves it a riddle
                if (inDirectory) {
                    context.skip("input.parquet");
                } else {
                    context.error(0, 0, "an Apache Parquet file (a flow log delivered in the parquet file format?),"
                            + " which this reader does not read: deliver flow logs as plain text");
                }
                return context.report(counted.count());
            }
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
            if (sampled.cut() != null) {
                // The gzip stream failed inside the head: the format read the records before the failure, and then
                // saw a clean end, since the bytes that failed were already spent. The failure is still the input's.
                // (A size cap inside the head fails the parse itself, on its first read past the head.)
                throw sampled.cut();
            }
        } catch (InvalidRecordException stop) {
            throw stop;
        } catch (ParseContext.SinkFailure failure) {
            throw failure.getCause(); // the sink's own exception, not a problem of the input
        } catch (EOFException | ZipException e) {
            context.error(0, context.recordsRead() + 1, "truncated or corrupt gzip stream after "
                    + context.recordsRead() + " records: " + (e.getMessage() != null ? e.getMessage()
                            : "the input ends before the gzip member does")); // GZIPInputStream's EOFException
        } catch (BoundedInputStream.Exceeded e) {
            // the records before the cap were read; the rest is past it
            context.error(0, context.recordsRead() + 1, "input ended after " + context.recordsRead() + " records: "
                    + e.getMessage());
        } catch (JsonProcessingException e) {
            // Jackson's own (a finding's string past the limit, say): its words and where, not its class name
            JsonLocation at = e.getLocation();
            long line = at == null || at.getLineNr() < 1 ? 0 : at.getLineNr();
            context.error(line, context.recordsRead() + 1, "input ended after " + context.recordsRead()
                    + " records: " + e.getOriginalMessage()
                    + (line > 0 ? " at line " + line + ", column " + at.getColumnNr() : ""));
        } catch (IOException e) {
            // A format catches per-record problems itself; what reaches here ended the whole input.
            context.error(0, context.recordsRead() + 1, "input ended after " + context.recordsRead()
                    + " records: " + e);
        } catch (Parsed.Stopped stop) {
            throw stop; // a parser thread of a read that is over, not a problem of the input
        } catch (RuntimeException e) {
            // A format that throws unchecked on input has a bug: the input is lost, so say so loudly, with the trace.
            // Its message may quote the input, so it is logged escaped, on a copy that keeps the trace.
            String bug = Escaping.forLog(e.toString());
            RuntimeException logged = new RuntimeException(bug);
            logged.setStackTrace(e.getStackTrace());
            LOG.error("format bug: an unchecked exception ended {}", Escaping.forLog(source), logged);
            context.error(0, context.recordsRead() + 1, "input ended after " + context.recordsRead()
                    + " records by a parser bug: " + bug);
        } finally {
            buffers.giveBack(); // the streams over them are closed or dropped: nothing reads them after this
        }
        return context.report(counted == null ? 0 : counted.count());
    }

    /**
     * Reports an input that could not be opened at all (an object listed and then deleted, say) as an error of that
     * input, through the error handler and the after-each-input listener, as a file that cannot be opened is.
     */
    IngestReport unreadable(String source, String reason) throws IOException {
        return done(failedInput(source, event -> {}, reason, errorHandler));
    }

    private IngestReport failedInput(String source, EventSink sink, String reason, ErrorHandler handler)
            throws IOException {
        ParseContext context = new ParseContext(source, sink, handler, objectMapper);
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

    /**
     * The input's head, for detection. A gzip stream cut short inside the head still gives the bytes before the cut:
     * the format reads the records they hold, and the failure is reported after them (it does not come again: the
     * bytes that failed are spent).
     */
    private static Head sample(BufferedInputStream in, byte[] bytes) throws IOException {
        in.mark(SAMPLE_BYTES);
        int length = 0;
        IOException cut = null;
        try {
            for (int n; length < SAMPLE_BYTES && (n = in.read(bytes, length, SAMPLE_BYTES - length)) > 0; ) {
                length += n;
            }
        } catch (EOFException | ZipException | BoundedInputStream.Exceeded e) {
            cut = e; // what came before the cut (a gzip stream's failure, the size cap) is the head
        }
        in.reset();
        // invalid bytes and a character cut at the end become U+FFFD, as the String constructor always does
        return new Head(new String(bytes, 0, length, StandardCharsets.UTF_8), cut);
    }

    /** An input's head, and the failure of a gzip stream cut inside it, or null. */
    private record Head(String text, IOException cut) {}

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
         * Caps the length of one JSON string value; a longer one is an error of its record. Default 8,388,608
         * characters (8 Mi).
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
         * Reads the files of a directory, or of a list of paths, with this many threads in all; default 1, the
         * calling thread alone. With more, {@code threads - 1} background threads parse the next files ahead while
         * the calling thread hands their events to the sink, their errors to the error handler and their reports to
         * the listener, file after file in path order: the sink sees exactly the events, in exactly the order, of a
         * serial read, on the calling thread, in batches ({@link EventSink#acceptAll}) of up to 1,024 events. Neither
         * the sink nor the handler needs to be thread-safe. Memory: each background thread holds at most a few
         * batches of the file it parses. A single file or stream is always read on the calling thread alone.
         *
         * <p>How many: as many as the machine has cores when the sink costs about as much as parsing, as a
         * {@code BehaviorGraph} does. A sink that costs much less (a count, a filter, a queue) leaves the calling
         * thread mostly waiting, and one thread more than the cores keeps them all parsing: on the project's two-core
         * machine, 1M events of CloudTrail, flow logs and findings parsed into a counting sink in 0.70 s with
         * {@code threads(3)} against 1.09 s with {@code threads(2)}, while a graph loaded them in 1.69 s against
         * 1.38 s ({@code benchmarks/README.md}).
         *
         * @param threads from 1 to 256; more than the machine's cores rarely helps a sink as costly as parsing
         * @return this builder
         */
        public Builder threads(int threads) {
            this.threads = Bounds.require("threads", threads, 1, 256);
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
