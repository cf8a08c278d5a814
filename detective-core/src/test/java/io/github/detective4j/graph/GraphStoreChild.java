package io.github.detective4j.graph;

import io.github.detective4j.model.SecurityEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link GraphStoreKillTest}: opens a store, continues the workload from where the store's
 * graph ends, and prints a line after each commit and snapshot returns, until it is killed.
 */
public final class GraphStoreChild {
    private GraphStoreChild() {}

    /**
     * Runs until killed.
     *
     * @param args the directory, the events per commit, the commits per snapshot
     * @throws Exception on any failure, which the parent sees as an exit
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int batch = Integer.parseInt(args[1]);
        int commitsPerSnapshot = Integer.parseInt(args[2]);
        List<SecurityEvent> events = GraphStoreKillTest.events();
        try (GraphStore store = GraphStoreTest.store(dir).open()) {
            int n = (int) GraphStoreKillTest.eventsIn(store.graph());
            System.out.println("open " + n);
            for (int commits = 1; n < events.size(); commits++) {
                int end = Math.min(events.size(), n + batch);
                store.acceptAll(events.subList(n, end));
                store.commit();
                n = end;
                System.out.println("committed " + n);
                if (commits % commitsPerSnapshot == 0) {
                    System.out.println("snapshotting " + n);
                    store.snapshot();
                    System.out.println("snapshot " + n);
                }
            }
            System.out.println("done " + n);
            Thread.sleep(60_000);
        }
    }

    static Random random() {
        return new Random(20261201L);
    }
}
