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
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LogReader.Builder#threads(int)}: a directory's files, or a list's, parsed ahead, delivered as a serial read
 * delivers.
 */
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

    private static LogReader reader(int threads, ErrorHandler handler, List<IngestReport> heard) {
        return AwsLogs.emptyReader().register(new CallsFormat()).errorHandler(handler).threads(threads)
                .afterEachInput(heard::add).build();
    }

    /** A sink that is not thread-safe on purpose, and records where and how it was called. */
    private static class Recording implements EventSink {
        final List<String> addresses = new ArrayList<>();
        final List<String> order = new ArrayList<>(); // events and errors, interleaved as delivered
        final List<String> threads = new ArrayList<>();
        int largestBatch;

        @Override
        public void accept(SecurityEvent event) {
            threads.add(Thread.currentThread().getName());
            addresses.add(((ApiCall) event).sourceIpAddress());
            order.add("event");
        }

        @Override
        public void acceptAll(List<? extends SecurityEvent> events) {
            largestBatch = Math.max(largestBatch, events.size());
            EventSink.super.acceptAll(events);
        }
    }

    @Test
    void deliversWhatASerialReadDeliversInTheSameOrderOnTheCallingThread(@TempDir Path dir) throws IOException {
        writeFiles(dir);
        Recording serial = new Recording();
        List<IngestReport> serialHeard = new ArrayList<>();
        IngestReport serialReport = reader(1, e -> serial.order.add("error " + e), serialHeard).read(dir, serial);

        for (int threads : new int[] {2, 4}) {
            Recording parallel = new Recording();
            List<IngestReport> heard = new ArrayList<>();
            IngestReport report = reader(threads, e -> parallel.order.add("error " + e), heard).read(dir, parallel);

            assertEquals(serialReport, report, "the same counts, rules and first errors");
            assertEquals(FILES * LINES - 2, report.eventsProduced());
            assertEquals(1, report.errors());
            assertEquals(1, report.skipped("calls.skip"));
            assertEquals(serial.addresses, parallel.addresses, "every event once, in path and file order");
            assertEquals(serial.order, parallel.order, "the error where a serial read reports it");
            assertEquals(serialHeard, heard, "each file's report, in path order");
            String caller = Thread.currentThread().getName();
            assertTrue(parallel.threads.stream().allMatch(caller::equals), "delivered on the calling thread");
            assertTrue(parallel.largestBatch > 1 && parallel.largestBatch <= 1024,
                    "batches of at most 1,024: " + parallel.largestBatch);
        }
    }

    /** Interrupted by the sink itself after the third file, either read stops before the next file, saying so. */
    @Test
    void anInterruptedReadStopsBetweenFilesSerialOrParallel(@TempDir Path dir) throws IOException {
        writeFiles(dir);
        for (int threads : new int[] {1, 2}) {
            Recording partial = new Recording() {
                @Override
                public void accept(SecurityEvent event) {
                    super.accept(event);
                    if (addresses.size() == 3 * LINES) {
                        Thread.currentThread().interrupt(); // as a caller's cancel would
                    }
                }
            };
            try {
                assertThrows(java.io.InterruptedIOException.class,
                        () -> reader(threads, e -> { }, new ArrayList<>()).read(dir, partial));
                assertTrue(Thread.currentThread().isInterrupted(), "the status stays set for the caller");
            } finally {
                Thread.interrupted();
            }
            assertTrue(partial.addresses.size() < 5 * LINES, threads + " threads: " + partial.addresses.size());
        }
    }

    @Test
    void filesNamedOneByOneAreParsedAheadAsADirectorysAre(@TempDir Path dir) throws IOException {
        writeFiles(dir);
        Files.writeString(dir.resolve("notes.txt"), "not a log\n");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Files.writeString(sub.resolve("a.log"), "#calls\n10.99.0.1\n");
        Files.writeString(sub.resolve("b.txt"), "not a log either\n");
        List<Path> paths = new ArrayList<>();
        for (int f = FILES - 1; f >= 0; f--) { // not path order: the order given is the order read
            paths.add(dir.resolve(String.format("part-%02d.log", f)));
        }
        paths.add(sub);
        paths.add(dir.resolve("notes.txt"));
        Recording serial = new Recording();
        List<IngestReport> serialHeard = new ArrayList<>();
        IngestReport serialReport = reader(1, e -> serial.order.add("error " + e), serialHeard).read(paths, serial);
        List<String> parsedOn = new ArrayList<>();
        CallsFormat noting = new CallsFormat() {
            @Override
            public void parse(InputStream in, ParseContext context) throws IOException {
                synchronized (parsedOn) {
                    parsedOn.add(Thread.currentThread().getName());
                }
                super.parse(in, context);
            }
        };
        Recording parallel = new Recording();
        List<IngestReport> heard = new ArrayList<>();

        IngestReport report = AwsLogs.emptyReader().register(noting).threads(2)
                .errorHandler(e -> parallel.order.add("error " + e)).afterEachInput(heard::add).build()
                .read(paths, parallel);

        assertEquals(serialReport, report);
        assertEquals(FILES * LINES - 2 + 1, report.eventsProduced());
        assertEquals(2, report.errors(), "file 17's bad line, and notes.txt, named yet of no known format");
        assertEquals(1, report.skipped("input.unrecognized"), "sub/b.txt, found in a directory");
        assertEquals(FILES + 3, report.inputs());
        assertEquals(serial.addresses, parallel.addresses, "in the order given, each directory in path order");
        assertEquals(address(FILES - 1, 0), parallel.addresses.get(0));
        assertEquals("10.99.0.1", parallel.addresses.get(parallel.addresses.size() - 1));
        assertEquals(serial.order, parallel.order);
        assertEquals(serialHeard, heard);
        String caller = Thread.currentThread().getName();
        assertTrue(parallel.threads.stream().allMatch(caller::equals), "delivered on the calling thread");
        assertEquals(FILES + 1, parsedOn.size());
        assertTrue(parsedOn.stream().noneMatch(caller::equals), "parsed ahead, not on the calling thread: " + parsedOn);
    }

    @Test
    void aListOfPathsChecksItsArguments(@TempDir Path dir) {
        LogReader reader = reader(2, e -> { }, new ArrayList<>());
        List<Path> withNull = new ArrayList<>();
        withNull.add(dir);
        withNull.add(null);

        assertThrows(NullPointerException.class, () -> reader.read((List<Path>) null, event -> { }));
        assertThrows(NullPointerException.class, () -> reader.read(withNull, event -> { }));
        assertThrows(NullPointerException.class, () -> reader.read(List.of(dir), null));
    }

    @Test
    void aStrictReadStopsWhereASerialReadStops(@TempDir Path dir) throws IOException {
        writeFiles(dir);
        AtomicInteger serial = new AtomicInteger();
        InvalidRecordException serialStop = assertThrows(InvalidRecordException.class,
                () -> reader(1, ErrorHandler.strict(), new ArrayList<>()).read(dir, e -> serial.incrementAndGet()));
        AtomicInteger delivered = new AtomicInteger();

        InvalidRecordException stop = assertThrows(InvalidRecordException.class,
                () -> reader(3, ErrorHandler.strict(), new ArrayList<>()).read(dir, e -> delivered.incrementAndGet()));

        assertEquals(serialStop.error(), stop.error());
        assertEquals("part-17.log", Path.of(stop.error().source()).getFileName().toString());
        assertEquals(1_502, stop.error().line());
        assertEquals(17 * LINES + 1_499, delivered.get(), "the files before it and its records before the bad line");
        assertEquals(serial.get(), delivered.get());
        Thread.yield();
        assertEquals(17 * LINES + 1_499, delivered.get(), "nothing reaches the sink once read has thrown");
    }

    @Test
    void aFailingSinkStopsTheRead(@TempDir Path dir) throws IOException {
        writeFiles(dir);
        IllegalStateException boom = new IllegalStateException("graph closed");
        EventSink failing = event -> {
            throw boom;
        };

        assertSame(boom, assertThrows(IllegalStateException.class,
                () -> reader(2, e -> { }, new ArrayList<>()).read(dir, failing)));
    }

    @Test
    void threadsAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> AwsLogs.reader().threads(0));
        assertThrows(IllegalArgumentException.class, () -> AwsLogs.reader().threads(257));
    }
}
