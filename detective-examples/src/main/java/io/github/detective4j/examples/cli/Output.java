package io.github.detective4j.examples.cli;

import io.github.detective4j.json.DetectiveJson;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How a command prints its answer: the library's text tables (the answers' {@code toString()}), or with
 * {@code --json} the library's JSON ({@link DetectiveJson}), one document on one line, for machines.
 */
final class Output {
    @Option(names = "--json", description = "Print the answer as JSON (detective4j's stable field names), one line.")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /**
     * Prints an answer as its own text or as JSON.
     *
     * @param answer any answer of the library
     */
    void print(Object answer) {
        print(answer, String.valueOf(answer));
    }

    /**
     * Prints an answer as JSON, or else as the given text.
     *
     * @param answer the answer, for JSON
     * @param text what to print without {@code --json}
     */
    void print(Object answer, String text) {
        spec.commandLine().getOut().println(json ? DetectiveJson.write(answer) : text);
        spec.commandLine().getOut().flush();
    }
}
