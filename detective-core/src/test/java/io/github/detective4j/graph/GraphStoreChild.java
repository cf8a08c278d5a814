package io.github.detective4j.graph;

import io.github.detective4j.model.SecurityEvent;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link GraphStoreKillTest}: opens a store, continues the workload from where the store's
 * graph ends, and reports a line after each commit and snapshot returns, until it is killed: on its output, which
 * the parent follows, and in a progress file, which the parent reads after the kill (the page cache keeps what a
 * killed process wrote, where the tail of a pipe has been seen lost).
 */
public final class GraphStoreChild {
    private GraphStoreChild() {}

    /**
     * Runs until killed.
     *
     * @param args the directory, the events per commit, the commits per snapshot, the progress file
     * @throws Exception on any failure, which the parent sees as an exit
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int batch = Integer.parseInt(args[1]);
        int commitsPerSnapshot = Integer.parseInt(args[2]);
        PrintStream progress = new PrintStream(new FileOutputStream(args[3], true), true, StandardCharsets.UTF_8);
        List<SecurityEvent> events = GraphStoreKillTest.events();
        try (GraphStore store = GraphStoreTest.store(dir).open()) {
            int n = (int) GraphStoreKillTest.eventsIn(store.graph());
            report(progress, "open " + n);
            for (int commits = 1; n < events.size(); commits++) {
                int end = Math.min(events.size(), n + batch);
                store.acceptAll(events.subList(n, end));
                store.commit();
                n = end;
                report(progress, "committed " + n);
                if (commits % commitsPerSnapshot == 0) {
                    report(progress, "snapshotting " + n);
                    store.snapshot();
                    report(progress, "snapshot " + n);
                }
            }
            report(progress, "done " + n);
            Thread.sleep(60_000);
        }
    }

    private static void report(PrintStream progress, String line) {
        progress.println(line);
        System.out.println(line);
    }

    static Random random() {
        return new Random(20261201L);
    }
}
