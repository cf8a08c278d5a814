package io.github.detective4j.examples.cli;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code detective} command: Amazon Detective's questions about AWS logs on disk, answered by detective4j.
 *
 * <pre>
 * java -jar detective-examples/target/detective.jar demo
 * java -jar detective.jar investigate --entity AwsUser/AIDAW3PB6VQKD7ZJ4NMXE --scope 'last 9d' AWSLogs/
 * </pre>
 *
 * <p>Exit codes: 0 for an answer, 2 for a usage error (an unknown option, a scope or entity that does not parse),
 * 1 for anything else that stops a command (a missing path, unreadable or malformed input, an entity the logs do not
 * hold). A failure prints one line on stderr, {@code detective: <reason>}; {@code --verbose} adds the stack trace.
 */
@Command(name = "detective", mixinStandardHelpOptions = true, versionProvider = Detective.Version.class,
        description = "Amazon Detective's questions about AWS logs on disk: CloudTrail, VPC Flow Logs, GuardDuty and"
                + " Security Hub findings, as files, directories or S3-layout trees (AWSLogs/...).",
        subcommands = {DemoCommand.class, IngestCommand.class, SearchCommand.class, ProfileCommand.class,
            NewBehaviorCommand.class, InvestigateCommand.class, HuntCommand.class, GroupsCommand.class,
            ReportCommand.class},
        footer = {"", "Exit codes: 0 answered, 1 failed (missing or unreadable input), 2 usage error."})
public final class Detective implements Callable<Integer> {
    /** The option that turns one-line errors into stack traces, known to every subcommand. */
    static final String VERBOSE = "--verbose";

    // Declared once here for every subcommand; read from the parse result, which knows where it was given.
    @Option(names = VERBOSE, scope = ScopeType.INHERIT,
            description = "Show stack traces of failures and every unreadable record as it is read.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Detective() {}

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments, such as {@code demo}
     */
    public static void main(String[] args) {
        // The library's warnings, short, and nothing chattier, unless the user asks with -D or --verbose.
        Map<String, String> logging = Map.of(
                "org.slf4j.simpleLogger.defaultLogLevel", Arrays.asList(args).contains(VERBOSE) ? "debug" : "warn",
                "org.slf4j.simpleLogger.showThreadName", "false",
                "org.slf4j.simpleLogger.showShortLogName", "true");
        logging.forEach((key, value) -> System.setProperty(key, System.getProperty(key, value)));
        System.exit(commandLine().execute(args));
    }

    /**
     * Returns the command line, configured as {@link #main} runs it: converters of entity references and scopes,
     * one-line errors, exit codes. Set its output and error writers to capture what it prints.
     *
     * <pre>{@code
     * StringWriter out = new StringWriter();
     * int exit = Detective.commandLine().setOut(new PrintWriter(out)).execute("groups", "AWSLogs/");
     * }</pre>
     *
     * @return a new command line, ready to {@link CommandLine#execute}
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Detective()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(EntityRef.class, text -> converted(() -> EntityRef.parse(text)));
        cli.registerConverter(EntityType.class, text -> converted(() -> EntityType.fromNamespace(text)));
        cli.registerConverter(Scope.class, text -> converted(() -> Scope.parse(text)));
        cli.registerConverter(Pattern.class, text -> {
            try {
                return Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw new TypeConversionException("'" + text + "' is not a regular expression: " + e.getDescription());
            }
        });
        OneLineErrors errors = new OneLineErrors();
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionExceptionHandler(errors);
        return cli;
    }

    /** Without a command there is nothing to answer: the usage, on stderr, and the exit code of a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    /** Library messages say what is wrong; picocli shows them as they are when they come as conversion errors. */
    private static <T> T converted(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** The version from the jar's manifest, when run from the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Detective.class.getPackage().getImplementationVersion();
            return new String[] {"detective4j " + (version == null ? "(development build)" : version)};
        }
    }
}
