package io.github.detective4j.examples.incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The standard incident, written once per test JVM into a temporary folder that is deleted when the JVM exits: the
 * tests that read it share one copy instead of each paying seconds to write 3,000 files. Public for the tests of
 * other packages (the command line's, the JShell scripts', the SIEM feed's).
 */
public final class IncidentFiles {
    private static Path dir;
    private static Written written;

    private IncidentFiles() {}

    /**
     * Returns the folder, writing the incident into it on the first call.
     *
     * @return the folder that holds {@code AWSLogs/}
     */
    public static synchronized Path dir() {
        if (dir == null) {
            try {
                Path folder = Files.createTempDirectory("reference-incident");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
                written = ReferenceIncident.standard().write(folder);
                dir = folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /**
     * Returns what was written into {@link #dir()}.
     *
     * @return the counts of files and records
     */
    public static synchronized Written written() {
        dir();
        return written;
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans up what is left
        }
    }
}
