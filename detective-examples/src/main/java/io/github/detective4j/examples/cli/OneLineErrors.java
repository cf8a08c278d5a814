package io.github.detective4j.examples.cli;

import io.github.detective4j.text.TextTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns whatever stops a command into one line on stderr, {@code detective: <reason>}, and an exit code: 2 for usage
 * errors, 1 for the rest. A stack trace is for {@code --verbose} only: users of a command line need the reason, not
 * the frames. Messages can quote input (a file name, a malformed record), so they are escaped as the library's
 * tables escape cells; so is every line of a stack trace, which prints the messages of the whole cause and
 * suppressed chain.
 */
final class OneLineErrors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println(line(cli.getCommandSpec().qualifiedName() + ": " + e.getMessage()
                + " (see " + cli.getCommandSpec().qualifiedName() + " --help)"));
        if (Arrays.asList(args).contains(Detective.VERBOSE)) {
            printStackTrace(e, err);
        }
        err.flush();
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        PrintWriter err = cli.getErr();
        err.println(line("detective: " + reason(e)));
        if (verbose(parsed)) {
            printStackTrace(e, err);
        }
        err.flush();
        return cli.getCommandSpec().exitCodeOnExecutionException();
    }

    /** The reason a user can act on; exceptions of the JDK name a path and leave the problem to their type. */
    static String reason(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        if (cause instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (cause instanceof FileAlreadyExistsException exists) {
            return "already exists: " + exists.getFile();
        }
        if (cause instanceof NotDirectoryException notDirectory) {
            return "not a directory: " + notDirectory.getFile();
        }
        if (cause instanceof FileSystemException fs) {
            return fs.getFile() + ": " + (fs.getReason() == null ? cause.getClass().getSimpleName() : fs.getReason());
        }
        if (cause instanceof CommandFailure || cause instanceof IllegalArgumentException) {
            return cause.getMessage(); // ours and the library's messages say what is wrong and where
        }
        if (cause instanceof IOException) {
            return cause.getMessage() == null ? cause.toString() : cause.getMessage();
        }
        return "internal error: " + cause + " (run with --verbose for the stack trace)";
    }

    /** Whether {@code --verbose} was given anywhere on the command line, before the subcommand or after it. */
    static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(Detective.VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Prints a stack trace in {@link Throwable#printStackTrace()}'s form (frames in common with the enclosing trace
     * elided, suppressed exceptions indented, cycles named), with each throwable's {@code toString()} and each frame
     * escaped: {@code printStackTrace} itself writes messages raw, and they quote file names and records.
     */
    static void printStackTrace(Throwable e, PrintWriter err) {
        printEnclosed(e, new StackTraceElement[0], "", "", Collections.newSetFromMap(new IdentityHashMap<>()), err);
    }

    private static void printEnclosed(Throwable e, StackTraceElement[] enclosing, String caption, String prefix,
            Set<Throwable> printed, PrintWriter err) {
        if (!printed.add(e)) {
            err.println(prefix + caption + "[CIRCULAR REFERENCE: " + line(e.toString()) + "]");
            return;
        }
        StackTraceElement[] frames = e.getStackTrace();
        int own = frames.length;
        for (int j = enclosing.length; own > 0 && j > 0 && frames[own - 1].equals(enclosing[j - 1]); j--) {
            own--;
        }
        err.println(prefix + caption + line(e.toString()));
        for (int i = 0; i < own; i++) {
            err.println(prefix + "\tat " + line(frames[i].toString()));
        }
        if (own < frames.length) {
            err.println(prefix + "\t... " + (frames.length - own) + " more");
        }
        for (Throwable suppressed : e.getSuppressed()) {
            printEnclosed(suppressed, frames, "Suppressed: ", prefix + "\t", printed, err);
        }
        if (e.getCause() != null) {
            printEnclosed(e.getCause(), frames, "Caused by: ", prefix, printed, err);
        }
    }

    /** One line: no newline or control character of a message reaches the terminal. */
    private static String line(String text) {
        return TextTable.escape(text);
    }
}
