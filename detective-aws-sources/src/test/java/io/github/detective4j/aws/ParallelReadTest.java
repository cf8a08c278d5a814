package io.github.detective4j.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.LogReaderTest.CallsFormat;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.EventSink;
import io.github.detective4j.model.SecurityEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LogReader.Builder#threads(int)}: the files of a directory read on several threads. */
class ParallelReadTest {
    private static final int FILES = 40;
    private static final int LINES = 3_000; // about three batches a file

    /** Writes 40 files of 3,000 addresses each; file 17 has a bad line at 1,500 and a skipped one. */
    private static void writeFiles(Path dir) throws IOException {
        for (int f = 0; f < FILES; f++) {
            StringBuilder text = new StringBuilder("#calls\n");
            for (int n = 0; n < LINES; n++) {
                text.append(f == 17 && n == 1_500 ? "bad" : f == 17 && n == 10 ? "skip" : address(f, n)).append('\n');
            }
            Files.writeString(dir.resolve(String.format("part-%02d.log", f)), text);
        }
    }

    private static String address(int file, int line) {
        return "10." + file + "." + (line / 250) + "." + (line % 250);
    }

    private static LogReader reader(int threads, ErrorHandler handler) {
        return reader(threads, handler, new ArrayList<>());
    }

    private static LogReader reader(int threads, ErrorHandler handler, List<IngestReport> heard) {
        return AwsLogs.emptyReader().register(new CallsFormat()).errorHandler(handler).threads(threads)
                .afterEachInput(heard::add).build();
    }

    @Test
    void readsWhatASerialReadReadsWithTheSameReport(@TempDir Path dir) throws IOException {
        writeFiles(dir);
        List<SecurityEvent> serialEvents = new ArrayList<>();
        List<ParseError> serialErrors = new ArrayList<>();
        List<IngestReport> serialHeard = new ArrayList<>();
        IngestReport serial = reader(1, serialErrors::add, serialHeard).read(dir, serialEvents::add);

        Map<String, List<String>> byThread = new ConcurrentHashMap<>();
        List<ParseError> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger batches = new AtomicInteger();
        EventSink sink = new EventSink() {
            @Override
            public void accept(SecurityEvent event) {
                throw new AssertionError("a parallel read delivers batches");
            }

            @Override
            public void acceptAll(List<? extends SecurityEvent> events) {
                batches.incrementAndGet();
                List<String> seen = byThread.computeIfAbsent(Thread.currentThread().getName(),
                        name -> Collections.synchronizedList(new ArrayList<>()));
                events.forEach(e -> seen.add(((ApiCall) e).sourceIpAddress()));
            }
        };
        List<IngestReport> heard = new ArrayList<>();
        IngestReport parallel = reader(4, errors::add, heard).read(dir, sink);

        assertEquals(serial, parallel, "the same counts, rules and first errors, in path order");
        assertEquals(FILES * LINES - 2, parallel.eventsProduced());
        assertEquals(1, parallel.errors());
        assertEquals(1, parallel.skipped("calls.skip"));
        assertEquals(serialErrors, errors);
        assertEquals(serialHeard, heard, "each file's report, on the calling thread, in path order");
        List<String> all = new ArrayList<>();
        byThread.values().forEach(all::addAll);
        Collections.sort(all);
        List<String> expected = new ArrayList<>(serialEvents.stream().map(e -> ((ApiCall) e).sourceIpAddress()).toList());
        Collections.sort(expected);
        assertEquals(expected, all, "every event once");
        assertTrue(byThread.size() > 1, "read on several threads: " + byThread.keySet());
        assertTrue(byThread.keySet().stream().allMatch(name -> name.startsWith("detective4j-reader-")));
        assertTrue(batches.get() >= FILES * 3, "batches of at most 1,024 events: " + batches.get());
        for (List<String> seen : byThread.values()) { // each thread's files arrive whole and in order
            List<String> own = new ArrayList<>(seen);
            for (int i = 1; i < own.size(); i++) {
                String[] a = own.get(i - 1).split("\\.");
                String[] b = own.get(i).split("\\.");
                if (a[1].equals(b[1])) {
                    int before = Integer.parseInt(a[2]) * 250 + Integer.parseInt(a[3]);
                    int after = Integer.parseInt(b[2]) * 250 + Integer.parseInt(b[3]);
                    assertTrue(before < after, "file order kept within a file: " + own.get(i - 1) + ", " + own.get(i));
                }
            }
        }
    }

    @Test
    void aStrictReadThrowsTheFirstErrorAndDeliversNothingAfterwards(@TempDir Path dir) throws IOException {
        writeFiles(dir);
        AtomicInteger delivered = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        EventSink sink = new EventSink() {
            @Override
            public void accept(SecurityEvent event) {
                delivered.incrementAndGet();
            }

            @Override
            public void acceptAll(List<? extends SecurityEvent> events) {
                threads.add(Thread.currentThread().getName());
                delivered.addAndGet(events.size());
            }
        };

        InvalidRecordException stop = assertThrows(InvalidRecordException.class,
                () -> reader(3, ErrorHandler.strict()).read(dir, sink));

        assertEquals("part-17.log", Path.of(stop.error().source()).getFileName().toString());
        assertEquals(1_502, stop.error().line());
        int atReturn = delivered.get();
        assertTrue(atReturn >= 17 * LINES + 1_499, "the files before it and its records before the bad line");
        Thread.yield();
        assertEquals(atReturn, delivered.get(), "nothing reaches the sink once read has thrown");
    }

    @Test
    void aFailingSinkStopsTheRead(@TempDir Path dir) throws IOException {
        writeFiles(dir);
        IllegalStateException boom = new IllegalStateException("graph closed");
        EventSink failing = event -> {
            throw boom;
        };

        assertSame(boom, assertThrows(IllegalStateException.class, () -> reader(2, e -> { }).read(dir, failing)));
    }

    @Test
    void threadsAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> AwsLogs.reader().threads(0));
        assertThrows(IllegalArgumentException.class, () -> AwsLogs.reader().threads(257));
    }
}
