package io.github.detective4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.model.SecurityEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM ingests, commits and snapshots into a store and is killed at random points (seeded), every fourth
 * round aimed at a snapshot in progress; after each kill the store restores exactly the events of the commits that
 * completed (the last one the child reported, or the one after it if the kill came between its fsync and the
 * report), never part of one, and the restored graph equals a graph given exactly those events.
 */
class GraphStoreKillTest {
    static final int ROUNDS = 20;
    static final int BATCH = 100;
    static final int COMMITS_PER_SNAPSHOT = 4;

    @TempDir
    Path dir;

    /** The workload, the same in parent and child: calls, flows, findings in a seeded mix. */
    static List<SecurityEvent> events() {
        List<SecurityEvent> events = ConcurrentIngestTest.workload(GraphStoreChild.random());
        Collections.shuffle(events, GraphStoreChild.random());
        return events;
    }

    static long eventsIn(BehaviorGraph graph) {
        GraphStats s = graph.stats();
        return s.apiCalls() + s.flows() + s.flowsWithoutTraffic() + s.findingUpdates() + s.refusedEvents();
    }

    @Test
    void killedAtRandomPointsTheStoreRestoresExactlyTheCompletedCommits() throws Exception {
        List<SecurityEvent> events = events();
        Random random = new Random(42);
        BehaviorGraph expected = BehaviorGraph.create();
        long restored = 0;
        int killedMidway = 0;
        int killedInSnapshot = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path log = dir.resolve("child-" + round + ".err");
            Path progress = dir.resolve("child-" + round + ".progress");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    GraphStoreChild.class.getName(), dir.resolve("store").toString(), String.valueOf(BATCH),
                    String.valueOf(COMMITS_PER_SNAPSHOT), progress.toString())
                    .redirectError(log.toFile()).start();
            AtomicLong committed = new AtomicLong(-1);
            AtomicLong opened = new AtomicLong(-1);
            AtomicLong snapshotsBegun = new AtomicLong();
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        lines.add(line);
                        String[] words = line.split(" ");
                        long n = Long.parseLong(words[1]);
                        switch (words[0]) {
                            case "open" -> opened.set(n);
                            case "committed", "done" -> committed.set(n);
                            case "snapshotting" -> snapshotsBegun.incrementAndGet();
                            default -> {
                                // "snapshot": the pacing needs no more
                            }
                        }
                    }
                } catch (IOException e) {
                    // the pipe closes when the child is killed
                }
            });
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (opened.get() < 0 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(opened.get() >= 0, "round " + round + ": the child opened the store; " + Files.readString(log));
            assertEquals(restored, opened.get(), "round " + round + ": the child restored what the parent did");
            // A random point tied to progress, so that it falls inside the workload however fast the machine is:
            // after 0 to 5 more commits, or every fourth round after a snapshot begins; then 0 to 15 ms later.
            boolean inSnapshot = round % 4 == 3;
            long commits = random.nextInt(6);
            long pause = random.nextInt(inSnapshot ? 3_000 : 15_000);
            while (child.isAlive() && System.nanoTime() < deadline
                    && (inSnapshot ? snapshotsBegun.get() == 0 : committed.get() < opened.get() + commits * BATCH)) {
                Thread.sleep(1);
            }
            TimeUnit.MICROSECONDS.sleep(pause);
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            reader.join(30_000);
            assertTrue(!reader.isAlive(), "round " + round + ": the child's output did not end after the kill");
            // What the child reported is what its progress file holds; the output only paced the kill.
            List<String> reports = Files.readAllLines(progress);
            long reported = opened.get();
            boolean inSnapshotWhenKilled = false;
            for (String line : reports) {
                String[] words = line.split(" ");
                if (words.length == 2 && (words[0].equals("committed") || words[0].equals("done"))) {
                    reported = Math.max(reported, Long.parseLong(words[1]));
                }
                inSnapshotWhenKilled = line.startsWith("snapshotting ");
            }
            if (inSnapshotWhenKilled) {
                killedInSnapshot++;
            }

            try (GraphStore store = GraphStoreTest.store(dir.resolve("store")).open()) {
                long n = eventsIn(store.graph());
                assertTrue(n == reported || n == Math.min(events.size(), reported + BATCH),
                        "round " + round + ": restored " + n + " events, the child reported " + reported
                                + "; its progress file: " + reports + "; its output: " + lines + "; its log: " + Files.readString(log));
                expected.ingestAll(events.subList((int) restored, (int) n));
                if (n < events.size()) {
                    killedMidway++;
                }
                if (round % 5 == 4 || n == events.size()) {
                    SameGraph.assertSame(expected, store.graph(), ConcurrentIngestTest.SCOPE, false);
                } else {
                    assertEquals(expected.stats(), store.graph().stats(), "round " + round);
                    assertEquals(expected.findings(), store.graph().findings(), "round " + round);
                }
                restored = n;
            }
        }
        assertEquals(ROUNDS, killedMidway, "every kill came before the workload was done");
        assertTrue(restored > 0, "commits happened");
        System.out.printf("GraphStoreKillTest: %d rounds, %d killed before the end, %d of them in a snapshot;"
                + " %d events restored%n", ROUNDS, killedMidway, killedInSnapshot, restored);
    }
}
