package io.github.detective4j.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of the benchmarks jar's own commands ({@code compare}, {@code alternate}): {@code --name value} pairs
 * from a known list, and, where a command takes them, other arguments. An unknown option or one without its value is
 * an {@link IllegalArgumentException} naming it, before anything runs.
 */
final class Options {
    private final Map<String, String> values = new HashMap<>();
    private final List<String> rest = new ArrayList<>();

    private Options() {}

    /**
     * Reads the arguments.
     *
     * @param args the command's arguments
     * @param known the option names it takes, each with a value
     * @param restAllowed whether arguments that are not options are taken (and returned by {@link #rest()})
     * @return the options
     */
    static Options parse(String[] args, List<String> known, boolean restAllowed) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                if (!restAllowed) {
                    throw new IllegalArgumentException("unexpected argument " + arg + "; known: "
                            + String.join(" ", known));
                }
                options.rest.add(arg);
                continue;
            }
            if (!known.contains(arg)) {
                throw new IllegalArgumentException("unknown option " + arg + "; known: " + String.join(" ", known));
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            options.values.put(arg, args[++i]);
        }
        return options;
    }

    /** The option's value, or {@code otherwise} when it was not given. */
    String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    /** The option's value as an int, or {@code otherwise}. */
    int integer(String name, int otherwise) {
        String value = values.get(name);
        return value == null ? otherwise : Integer.parseInt(value);
    }

    /** The option's value as a long, with {@code _} and {@code ,} allowed between digits, or {@code otherwise}. */
    long count(String name, long otherwise) {
        String value = values.get(name);
        return value == null ? otherwise : Long.parseLong(value.replace("_", "").replace(",", ""));
    }

    /** The option's value as a path, or null when it was not given. */
    Path path(String name) {
        String value = values.get(name);
        return value == null ? null : Path.of(value);
    }

    /** The arguments that are not options, in order. */
    List<String> rest() {
        return rest;
    }
}
