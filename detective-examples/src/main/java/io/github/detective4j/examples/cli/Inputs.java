package io.github.detective4j.examples.cli;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.ErrorHandler;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.LogReader;
import io.github.detective4j.aws.ParseError;
import io.github.detective4j.aws.vpcflow.NetworkInterfaces;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.EventSink;
import io.github.detective4j.text.TextTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The logs a command reads, and how: the paths, progress on stderr, and whether unreadable records stop the
 * command. Reading goes through {@link AwsLogs}, which detects gzip and the format of every file from its content.
 *
 * <p>By default a command answers only from input it could read whole: a record or file that could not be read makes
 * it fail with the first error, {@code file:line: record N: reason}, since an answer from part of the logs can miss
 * the very event that matters, and so do events the graph refused for their times. {@code --lenient} answers anyway;
 * {@code detective ingest} lists the errors.
 */
class Inputs {
    @Parameters(paramLabel = "LOGS", arity = "1..*", description = "Files, directories or S3-layout trees"
            + " (AWSLogs/...) of CloudTrail, VPC Flow Logs, GuardDuty or Security Hub findings; gzip or not; the"
            + " format of each file is detected from its content.")
    List<Path> logs = new ArrayList<>();

    @Option(names = "--progress", negatable = true, description = "Show files read and events per second on stderr."
            + " Default: when run in a terminal.")
    Boolean progress;

    @Option(names = "--lenient", description = "Answer even when some records or files could not be read.")
    boolean lenient;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that read the files: N - 1 of them"
            + " parse the next files while one builds the graph from them, in file order either way, so the answers"
            + " are the same. Default: the processors available, at most " + MAX_DEFAULT_THREADS + ".")
    Integer threads;

    @Option(names = "--interfaces", paramLabel = "FILE", description = "Which instance each network interface"
            + " belongs to, for flow records that name only their interface (the default format has no instance-id):"
            + " the JSON output of aws ec2 describe-network-interfaces or describe-instances.")
    Path interfaces;

    /**
     * The default's cap: on one thread, parsing the {@code compare} corpus takes about as long as building its graph,
     * so past two parse threads the graph's one thread bounds the read (inferred from the two halves' times on 2
     * cores; benchmarks/README.md).
     */
    static final int MAX_DEFAULT_THREADS = 3;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /**
     * Reads every path into a new graph, and fails if nothing could be read or, unless lenient, anything could not
     * be read or placed in the graph.
     *
     * @return the graph
     * @throws IOException if a path is missing, a directory cannot be listed or a file the options name is unreadable
     * @throws CommandFailure if the input was not readable as the options require
     */
    final BehaviorGraph graph() throws IOException {
        int readers = threads();
        BehaviorGraph graph = builder().build();
        check(read(logs, graph, spec, progress, readers));
        long refused = graph.stats().refusedEvents();
        if (refused > 0 && !lenient) { // read, but not in the graph: as much a gap in the answer as an error
            throw new CommandFailure(String.format(Locale.ROOT, "%,d events were read but refused by the graph, as"
                    + " their times lie outside the years 1970 to 9999 (detective ingest counts them; --lenient"
                    + " answers anyway)", refused));
        }
        return graph;
    }

    /**
     * Returns the threads to read with: {@code --threads}, or the processors available up to
     * {@link #MAX_DEFAULT_THREADS}.
     *
     * @return from 1 to 256
     * @throws ParameterException if {@code --threads} is outside that range
     */
    final int threads() {
        if (threads == null) {
            return defaultThreads();
        }
        if (threads < 1 || threads > 256) {
            throw new ParameterException(spec.commandLine(), "--threads must be from 1 to 256, not " + threads);
        }
        return threads;
    }

    /**
     * The processors available, at most {@link #MAX_DEFAULT_THREADS}.
     *
     * @return at least 1
     */
    static int defaultThreads() {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), MAX_DEFAULT_THREADS));
    }

    /**
     * Returns the builder of the graph to read into: the defaults here, the seams of options in subclasses.
     *
     * @return a builder
     * @throws IOException if a file the options name cannot be read
     */
    BehaviorGraph.Builder builder() throws IOException {
        BehaviorGraph.Builder graph = BehaviorGraph.builder();
        if (interfaces != null) {
            if (Files.isDirectory(interfaces)) {
                throw new CommandFailure(interfaces + " is a directory; --interfaces takes a JSON file");
            }
            graph.networkInterfaces(NetworkInterfaces.read(interfaces,
                    lenient ? ErrorHandler.logAndContinue() : ErrorHandler.strict()));
        }
        return graph;
    }

    /**
     * Reads paths into a sink, with progress when asked for or in a terminal, without judging the result.
     *
     * @param paths files or directories
     * @param sink where the events go
     * @param spec the command reading, whose stderr takes progress and, with {@code --verbose}, each error
     * @param progress whether to show progress, or null for when run in a terminal
     * @param threads threads to read the files with ({@link LogReader.Builder#threads})
     * @return what was read
     * @throws IOException if a path is missing or a directory cannot be listed
     */
    static IngestReport read(List<Path> paths, EventSink sink, CommandSpec spec, Boolean progress, int threads)
            throws IOException {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(path.toString());
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean verbose = OneLineErrors.verbose(spec.root().commandLine().getParseResult());
        LogReader.Builder reader = AwsLogs.reader().threads(threads).errorHandler(error -> {
            if (verbose) {
                err.println("unreadable: " + TextTable.escape(error.toString()));
            }
        });
        boolean show = progress == null ? System.console() != null : progress;
        Progress shown = show ? new Progress(sink, err) : null;
        if (shown != null) {
            reader.afterEachInput(shown::inputDone);
        }
        IngestReport report = reader.build().read(paths, shown == null ? sink : shown);
        if (shown != null) {
            shown.finish();
        }
        return report;
    }

    /**
     * Fails if a report holds no events, or errors while not lenient.
     *
     * @param report what was read
     * @throws CommandFailure naming the first error, or the paths that held nothing
     */
    void check(IngestReport report) {
        if (report.errors() > 0 && !lenient) {
            ParseError first = report.firstErrors().get(0);
            throw new CommandFailure(String.format(Locale.ROOT, "%,d records or files could not be read; the first: %s"
                    + " (detective ingest lists them; --lenient answers anyway)", report.errors(), first));
        }
        if (report.eventsProduced() == 0) {
            throw new CommandFailure("no events in " + logs + ": no CloudTrail, VPC Flow Logs, GuardDuty or Security"
                    + " Hub records were found in " + report.inputs() + " files");
        }
    }
}
