package io.github.detective4j.benchmarks;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.SecurityEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One round of {@link Alternate}: defined anew in each build's class loader, so that it runs against that build's
 * classes. It uses the public API alone, as it stood when {@code Alternate} was written, so that builds from before
 * this class can be measured too. Public for reflection; not part of any API.
 */
public final class AlternateRound {
    /** Events parsed once for {@code ingest}, by this build's reader. */
    private static List<SecurityEvent> parsed;

    private AlternateRound() {}

    /**
     * Runs one round.
     *
     * @param mode {@code load} (read into a new graph), {@code parse} (read into a sink that counts) or
     *     {@code ingest} (events parsed once beforehand, into a new graph, 1,024 at a time)
     * @param root the corpus
     * @param glob the files of it to read
     * @param threads the reader's threads
     * @return events, wall time, the calling thread's CPU time and the process's CPU time, in nanoseconds
     * @throws Exception what reading throws
     */
    public static long[] run(String mode, String root, String glob, int threads) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        if (mode.equals("ingest") && parsed == null) {
            List<SecurityEvent> events = new ArrayList<>();
            AwsLogs.reader().glob(glob).build().read(Path.of(root), events::add);
            parsed = events;
        }
        long cpu = mx.getCurrentThreadCpuTime();
        long process = os.getProcessCpuTime();
        long wall = System.nanoTime();
        long events;
        switch (mode) {
            case "load" -> {
                BehaviorGraph graph = BehaviorGraph.builder().build();
                events = AwsLogs.reader().threads(threads).glob(glob).build().read(Path.of(root), graph)
                        .eventsProduced();
            }
            case "parse" -> {
                long[] count = {0};
                AwsLogs.reader().threads(threads).glob(glob).build().read(Path.of(root), event -> count[0]++);
                events = count[0];
            }
            case "ingest" -> {
                BehaviorGraph graph = BehaviorGraph.builder().build();
                for (int i = 0; i < parsed.size(); i += 1024) {
                    graph.acceptAll(parsed.subList(i, Math.min(parsed.size(), i + 1024)));
                }
                events = parsed.size();
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode + "; known: load parse ingest");
        }
        return new long[] {events, System.nanoTime() - wall, mx.getCurrentThreadCpuTime() - cpu,
            os.getProcessCpuTime() - process};
    }
}
