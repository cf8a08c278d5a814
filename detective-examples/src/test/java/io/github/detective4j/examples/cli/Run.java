package io.github.detective4j.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line in this JVM, as {@code java -jar detective.jar} would run it, with what it printed.
 *
 * @param exit the exit code
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
record Run(int exit, String out, String err) {

    static Run detective(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Detective.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The line of the output that holds a text, for checks of a table row. */
    String line(String holding) {
        return out.lines().filter(l -> l.contains(holding)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with '" + holding + "' in\n" + out));
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
