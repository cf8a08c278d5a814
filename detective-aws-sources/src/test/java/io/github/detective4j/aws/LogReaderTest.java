package io.github.detective4j.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import io.github.detective4j.model.SecurityEvent;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReaderTest {
    /** A line format for testing the reader: a "#calls" header, then one source IP per line. */
    static class CallsFormat implements LogFormat {
        @Override
        public String name() {
            return "calls";
        }

        @Override
        public int detect(Sample sample) {
            return sample.trimmedHead().startsWith("#calls") ? 50 : 0;
        }

        @Override
        public void parse(InputStream in, ParseContext context) throws IOException {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            long number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                long record = context.recordRead();
                if (line.equals("skip")) {
                    context.skip("calls.skip");
                    continue;
                }
                try {
                    context.emit(ApiCall.builder()
                            .eventTime(Instant.parse("2026-11-20T03:00:00Z"))
                            .principal(Principal.builder(PrincipalType.IAM_USER).principalId("AIDAEXAMPLE").build())
                            .eventSource("iam.amazonaws.com").eventName("ListUsers")
                            .sourceIpAddress(line)
                            .build());
                } catch (IllegalArgumentException e) {
                    context.error(number, record, "sourceIPAddress " + ParseContext.quote(line) + " is not an IP");
                }
            }
        }
    }

    private final List<SecurityEvent> events = new ArrayList<>();
    private final List<ParseError> errors = new ArrayList<>();

    private LogReader reader() {
        return AwsLogs.emptyReader().register(new CallsFormat()).errorHandler(errors::add).build();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static InputStream bytes(byte[] data) {
        return new ByteArrayInputStream(data);
    }

    @Test
    void badRecordIsReportedWithItsPositionAndNeighboursSurvive() throws IOException {
        String input = "#calls\n198.51.100.7\nnot-an-ip\n\n2001:DB8::1\nskip\n";
        IngestReport report = reader().read(bytes(input.getBytes(StandardCharsets.UTF_8)), "mem.log", events::add);

        assertEquals(List.of("198.51.100.7", "2001:db8::1"),
                events.stream().map(e -> ((ApiCall) e).sourceIpAddress()).toList());
        assertEquals(4, report.recordsRead());
        assertEquals(2, report.eventsProduced());
        assertEquals(1, report.skipped("calls.skip"));
        assertEquals(1, report.errors());
        assertEquals(List.of(new ParseError("mem.log", 3, 2, "sourceIPAddress 'not-an-ip' is not an IP")), errors);
        assertEquals(errors, report.firstErrors());
        assertEquals("mem.log:3: record 2: sourceIPAddress 'not-an-ip' is not an IP", errors.get(0).toString());
    }

    @Test
    void gzipIsDetectedByMagicBytesWhateverTheName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plain-looking.txt");
        Files.write(file, gzip("#calls\n203.0.113.9\n"));

        IngestReport report = reader().read(file, events::add);

        assertEquals(1, report.eventsProduced());
        assertEquals("203.0.113.9", ((ApiCall) events.get(0)).sourceIpAddress());
        assertEquals("#calls\n203.0.113.9\n".length(), report.bytesRead());
    }

    /**
     * A gzip file may hold many members one after another (RFC 1952). Read from a network stream, which says that
     * nothing is available, a member that began at the end of a read was dropped without a word, and so was a damaged
     * one, or any bytes after a member.
     */
    @Test
    void everyMemberOfAConcatenatedGzipIsReadAndWhatIsNoMemberIsAnError() throws IOException {
        byte[] first = gzip("#calls\n10.0.0.1\n10.0.0.2\n");
        byte[] second = gzip("10.0.0.3\n");
        byte[] third = gzip("10.0.0.4\n10.0.0.5\n");
        byte[] all = concat(first, second, third);
        // in one read; in reads that end where each member ends; a byte at a time
        List<int[]> deliveries = List.of(new int[] {all.length}, new int[] {first.length, second.length, third.length},
                new int[] {1});
        for (int[] reads : deliveries) {
            errors.clear();
            events.clear();
            IngestReport report = reader().read(network(all, reads), "members.log.gz", events::add);
            assertEquals(5, report.eventsProduced(), () -> Arrays.toString(reads) + ": " + errors);
            assertEquals(0, report.errors(), errors::toString);
        }
        byte[] damaged = second.clone();
        damaged[0] = 0;
        for (byte[] after : List.of("garbage".getBytes(StandardCharsets.US_ASCII), damaged,
                "x".repeat(40).getBytes(StandardCharsets.US_ASCII))) {
            byte[] input = concat(first, after);
            for (int[] reads : List.of(new int[] {input.length}, new int[] {first.length, after.length})) {
                errors.clear();
                events.clear();
                IngestReport report = reader().read(network(input, reads), "members.log.gz", events::add);
                assertEquals(2, report.eventsProduced(), "the first member's records are kept");
                assertEquals(1, report.errors(), errors::toString);
                String reason = errors.get(0).reason();
                assertTrue(reason.startsWith("truncated or corrupt gzip stream after 2 records: ")
                        && reason.contains("not a gzip member"), reason);
            }
        }
    }

    /**
     * A member followed by the first bytes of another (an upload cut just after a member ended) or by a stray line
     * break: within the reader's head too, where the bytes that fail are spent by detection, the input is an error.
     */
    @Test
    void aMemberFollowedByTheStartOfAnotherOrAStrayByteIsAnError() throws IOException {
        byte[] first = gzip("#calls\n10.0.0.1\n10.0.0.2\n");
        byte[] second = gzip("10.0.0.3\n");
        List<byte[]> tails = new ArrayList<>();
        for (int cut = 1; cut < 10; cut++) {
            tails.add(Arrays.copyOf(second, cut));
        }
        tails.add("\n".getBytes(StandardCharsets.US_ASCII));
        tails.add("\r\n".getBytes(StandardCharsets.US_ASCII));
        for (byte[] tail : tails) {
            errors.clear();
            events.clear();
            IngestReport report = reader().read(bytes(concat(first, tail)), "cut.log.gz", events::add);
            assertEquals(2, report.eventsProduced(), "the first member's records are kept");
            assertEquals(1, report.errors(), () -> tail.length + " bytes after the member: " + errors);
            assertTrue(errors.get(0).reason().startsWith("truncated or corrupt gzip stream after 2 records"),
                    errors.get(0).reason());
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A stream that gives {@code data} in reads of the given sizes (the last one repeated) and says none is ready. */
    private static InputStream network(byte[] data, int[] reads) {
        return new InputStream() {
            private int at;
            private int read;

            @Override
            public int read() {
                return at < data.length ? data[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at == data.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, reads[Math.min(read, reads.length - 1)]), data.length - at);
                read++;
                System.arraycopy(data, at, b, off, n);
                at += n;
                return n;
            }

            @Override
            public int available() {
                return 0;
            }
        };
    }

    @Test
    void aParquetFileIsSaidToBeOneNotCalledUnknown(@TempDir Path dir) throws IOException {
        // VPC Flow Logs may be delivered as Apache Parquet, which is not read: say so, in a directory and alone
        byte[] parquet = concat("PAR1".getBytes(StandardCharsets.US_ASCII), new byte[] {0x15, 0x04, 0x15, 0x1c, 0},
                "PAR1".getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve("111122223333_vpcflowlogs_us-east-1_fl-0123_20261127T2300Z_740b4cc6.log.parquet"),
                parquet);
        Files.writeString(dir.resolve("calls.log"), "#calls\n203.0.113.9\n");

        IngestReport inDirectory = reader().read(dir, events::add);
        assertEquals(1, inDirectory.skipped("input.parquet"), inDirectory::toString);
        assertEquals(1, inDirectory.eventsProduced());
        assertEquals(0, inDirectory.errors());

        IngestReport alone = reader().read(bytes(parquet), "flow.log.parquet", events::add);
        assertEquals(1, alone.errors());
        assertTrue(errors.get(0).reason().startsWith("an Apache Parquet file"), errors.get(0).reason());
    }

    @Test
    void truncatedGzipKeepsTheRecordsBeforeTheCutAndNamesTheInput() throws IOException {
        StringBuilder text = new StringBuilder("#calls\n");
        for (int i = 0; i < 50_000; i++) {
            text.append("10.0.").append(i / 250 % 250).append('.').append(i % 250).append('\n');
        }
        byte[] whole = gzip(text.toString());
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);

        IngestReport report = reader().read(bytes(cut), "cut.log.gz", events::add);

        assertTrue(report.eventsProduced() > 1000, "records before the cut come through: " + report);
        assertEquals(report.eventsProduced(), events.size());
        assertEquals(1, report.errors());
        ParseError error = errors.get(0);
        assertEquals("cut.log.gz", error.source());
        assertTrue(error.reason().startsWith("truncated or corrupt gzip stream after "), error.reason());
    }

    @Test
    void aCutGzipCloudTrailFileGivesEveryWholeRecordBeforeTheCut() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            text.append(String.format(java.util.Locale.ROOT, "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":"
                    + "\"IAMUser\",\"principalId\":\"AIDA%016d\",\"accountId\":\"111122223333\"},\"eventTime\":"
                    + "\"2026-11-20T03:%02d:%02dZ\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"ListUsers\","
                    + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.%d\",\"eventID\":\"e-%d\","
                    + "\"recipientAccountId\":\"111122223333\"}%n", i, i / 60 % 60, i % 60, i % 250, i));
        }
        byte[] whole = gzip(text.toString());
        // within the reader's 64 KiB head, and well past it
        for (int cutAt : new int[] {whole.length / 40, whole.length / 2}) {
            byte[] cut = Arrays.copyOf(whole, cutAt);
            errors.clear();
            events.clear();

            IngestReport report = AwsLogs.reader().errorHandler(errors::add).build()
                    .read(bytes(cut), "cut.json.gz", events::add);

            long wholeLines = decompressedPrefix(cut).chars().filter(c -> c == '\n').count();
            assertTrue(wholeLines > 10, "the cut leaves records: " + wholeLines);
            assertEquals(wholeLines, report.eventsProduced(), "every record before the cut, at " + cutAt);
            assertEquals(1, report.errors(), errors::toString);
            assertTrue(errors.get(0).reason().startsWith("truncated or corrupt gzip stream after " + wholeLines
                    + " records"), errors.get(0).reason());
        }
    }

    @Test
    void aGzipFileCutBeforeItsFirstByteIsAnErrorNotAnEmptyFile() throws IOException {
        byte[] whole = gzip("{\"eventVersion\":\"1.09\"}\n".repeat(1_000));
        for (int cutAt : new int[] {12, 20}) { // inside the gzip header, and just past it
            errors.clear();
            IngestReport report = AwsLogs.reader().errorHandler(errors::add).build()
                    .read(bytes(Arrays.copyOf(whole, cutAt)), "cut.json.gz", events::add);
            assertEquals(0, report.eventsProduced());
            assertEquals(1, report.errors(), "cut at " + cutAt + ": " + errors);
            assertTrue(errors.get(0).reason().startsWith("truncated or corrupt gzip stream after 0 records"),
                    errors.get(0).reason());
        }
    }

    /** The text a cut gzip stream gives before it fails, read one inflation at a time so that none is lost. */
    private static String decompressedPrefix(byte[] cut) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new java.util.zip.GZIPInputStream(bytes(cut))) {
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) > 0; ) {
                out.write(chunk, 0, n);
            }
        } catch (java.io.EOFException expected) {
            // the cut
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void decompressionIsCapped() throws IOException {
        String big = "#calls\n" + "10.0.0.1\n".repeat(200_000); // 1.8 MB, compresses to a few KB
        LogReader capped = AwsLogs.emptyReader().register(new CallsFormat()).errorHandler(errors::add)
                .maxDecompressedBytes(100_000).build();

        IngestReport report = capped.read(bytes(gzip(big)), "bomb.gz", events::add);

        assertEquals(1, report.errors());
        assertTrue(errors.get(0).reason().contains("decompresses to more than 100000 bytes"), errors.get(0).reason());
        assertTrue(report.eventsProduced() < 200_000);
    }

    /**
     * A cap reached inside the detection head (a small cap, or records of a few KB) keeps the records before it: they
     * were read, and the error comes after them; an input of exactly the cap is read whole.
     */
    @Test
    void aCapInsideTheHeadKeepsTheRecordsBeforeIt() throws IOException {
        String text = "#calls\n" + "10.0.0.1\n".repeat(1_000); // 9,007 bytes
        LogReader capped = AwsLogs.emptyReader().register(new CallsFormat()).errorHandler(errors::add)
                .maxDecompressedBytes(4_507).build(); // the header and 500 lines
        IngestReport report = capped.read(bytes(text.getBytes(StandardCharsets.UTF_8)), "calls.log", events::add);
        assertEquals(500, report.eventsProduced(), report.toString());
        assertEquals(1, report.errors());
        assertTrue(errors.get(0).reason().contains("input ended after 500 records: calls.log: decompresses to more"
                + " than 4507 bytes"), errors.get(0).reason());

        LogReader exact = AwsLogs.emptyReader().register(new CallsFormat()).maxDecompressedBytes(9_007).build();
        assertEquals(0, exact.read(bytes(text.getBytes(StandardCharsets.UTF_8)), "calls.log", event -> {}).errors(),
                "exactly the cap is no more");
    }

    @Test
    void theCappedStreamSkipsAsAStreamMust() throws IOException {
        BoundedInputStream exact = new BoundedInputStream(new java.io.ByteArrayInputStream(new byte[10]), 10, "x");
        assertEquals(10, exact.skip(10));
        assertEquals(0, exact.skip(5), "at the end, nothing skipped: never -1");
        assertEquals(-1, exact.read());
        BoundedInputStream over = new BoundedInputStream(new java.io.ByteArrayInputStream(new byte[11]), 10, "x");
        assertEquals(10, over.skip(20));
        assertThrows(BoundedInputStream.Exceeded.class, () -> over.skip(1));
    }

    @Test
    void directoriesAreWalkedInPathOrderSkippingHiddenAndUnrecognizedFiles(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("b/.git"));
        Files.writeString(dir.resolve("b/2.log"), "#calls\n10.0.0.2\n");
        Files.writeString(dir.resolve("a.log"), "#calls\n10.0.0.1\n");
        Files.writeString(dir.resolve("b/.git/hidden.log"), "#calls\n10.0.0.3\n");
        Files.writeString(dir.resolve("README.md"), "# notes\n");
        Files.writeString(dir.resolve("empty.log"), "");

        IngestReport report = reader().read(dir, events::add);

        assertEquals(List.of("10.0.0.1", "10.0.0.2"),
                events.stream().map(e -> ((ApiCall) e).sourceIpAddress()).toList());
        assertEquals(4, report.inputs());
        assertEquals(1, report.skipped("input.unrecognized"));
        assertEquals(0, report.errors());
    }

    /** A parser bug whose message quotes the input cannot forge a line in the error or the log. */
    @Test
    void aParserBugsMessageIsEscaped() throws IOException {
        LogFormat buggy = new CallsFormat() {
            @Override
            public void parse(InputStream in, ParseContext context) {
                context.recordRead();
                throw new IllegalStateException("bad line\n[main] ERROR forged \u001b[31mred");
            }
        };
        IngestReport report = AwsLogs.emptyReader().register(buggy).errorHandler(errors::add).build()
                .read(bytes("#calls\n10.0.0.1\n".getBytes(StandardCharsets.UTF_8)), "bug.log", events::add);
        assertEquals(1, report.errors());
        String reason = errors.get(0).reason();
        assertTrue(reason.contains("by a parser bug: java.lang.IllegalStateException: bad line\\u000a[main]"), reason);
        assertFalse(reason.contains("\n") || reason.contains("\u001b"), reason);
    }

    /** A file named twice, or found under two of the paths given, is read once: twice, its events would count twice. */
    @Test
    void aFileUnderTwoOfThePathsIsReadOnce(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("logs/2026"));
        Path file = Files.writeString(dir.resolve("logs/2026/a.log"), "#calls\n10.0.0.1\n");
        IngestReport report = reader().read(List.of(dir.resolve("logs"), dir.resolve("logs/2026"), file,
                dir.resolve("logs/2026/../2026/a.log")), events::add);
        assertEquals(1, report.inputs(), report::toString);
        assertEquals(1, events.size());
    }

    /** A directory given as a symbolic link is read where it leads, its files named through the link. */
    @Test
    void aDirectoryGivenThroughALinkIsWalked(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("logs/2026/11"));
        Files.writeString(dir.resolve("logs/2026/11/a.log"), "#calls\n10.0.0.1\n");
        Path link = Files.createSymbolicLink(dir.resolve("current"), dir.resolve("logs"));
        IngestReport report = reader().read(link, events::add);
        assertEquals(1, report.inputs(), report::toString);
        assertEquals("10.0.0.1", ((ApiCall) events.get(0)).sourceIpAddress());
    }

    @Test
    void globSelectsFilesByPathRelativeToTheDirectory(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("x"));
        Files.writeString(dir.resolve("x/keep.log"), "#calls\n10.0.0.1\n");
        Files.writeString(dir.resolve("x/drop.txt"), "#calls\n10.0.0.2\n");
        Files.writeString(dir.resolve("top.log"), "#calls\n10.0.0.3\n");
        LogReader anyDepth = AwsLogs.emptyReader().register(new CallsFormat()).glob("**.log").build();
        LogReader topOnly = AwsLogs.emptyReader().register(new CallsFormat()).glob("*.log").build();

        IngestReport report = anyDepth.read(dir, events::add);
        assertEquals(2, report.inputs());
        assertEquals(List.of("10.0.0.3", "10.0.0.1"),
                events.stream().map(e -> ((ApiCall) e).sourceIpAddress()).toList());

        events.clear();
        assertEquals(1, topOnly.read(dir, events::add).inputs());
        assertEquals("10.0.0.3", ((ApiCall) events.get(0)).sourceIpAddress());
    }

    @Test
    void theListenerHearsOfEachInputAsItIsDone(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.log"), "#calls\n10.0.0.1\n10.0.0.2\n");
        Files.writeString(dir.resolve("b.log"), "#calls\nnot-an-ip\n");
        List<String> heard = new ArrayList<>();
        LogReader listened = AwsLogs.emptyReader().register(new CallsFormat()).errorHandler(errors::add)
                .afterEachInput(input -> heard.add(input.inputs() + " " + input.eventsProduced() + " "
                        + input.errors() + " after " + events.size() + " events"))
                .build();

        IngestReport report = listened.read(dir, events::add);

        assertEquals(List.of("1 2 0 after 2 events", "1 0 1 after 2 events"), heard);
        assertEquals(2, report.inputs());
        heard.clear();
        listened.read(dir.resolve("a.log"), events::add);
        listened.read(bytes("#calls\n10.0.0.3\n".getBytes(StandardCharsets.UTF_8)), "stdin", events::add);
        assertEquals(List.of("1 2 0 after 4 events", "1 1 0 after 5 events"), heard);
    }

    @Test
    void aSingleFileOfNoKnownFormatIsAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello\r\nforged log line");

        IngestReport report = reader().read(file, events::add);

        assertEquals(1, report.errors());
        assertEquals("not a format this reader knows (calls); it starts with 'hello\\u000d\\u000aforged log line'",
                errors.get(0).reason());
    }

    @Test
    void strictModeStopsAtTheFirstError() {
        LogReader strict = AwsLogs.emptyReader().register(new CallsFormat()).strict().build();
        byte[] input = "#calls\n10.0.0.1\nbad\n10.0.0.2\n".getBytes(StandardCharsets.UTF_8);

        InvalidRecordException e = assertThrows(InvalidRecordException.class,
                () -> strict.read(bytes(input), "strict.log", events::add));

        assertEquals(new ParseError("strict.log", 3, 2, "sourceIPAddress 'bad' is not an IP"), e.error());
        assertEquals(1, events.size());
    }

    @Test
    void aFailingSinkPropagatesItsOwnException() {
        IllegalStateException boom = new IllegalStateException("graph closed");
        byte[] input = "#calls\n10.0.0.1\n".getBytes(StandardCharsets.UTF_8);

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> reader().read(bytes(input), "s.log", event -> {
                    throw boom;
                }));

        assertSame(boom, thrown);
    }

    @Test
    void aForcedFormatSkipsDetectionAndMustExist() throws IOException {
        LogReader forced = AwsLogs.emptyReader().register(new CallsFormat()).format("calls").build();
        IngestReport report = forced.read(bytes("10.0.0.1\n".getBytes(StandardCharsets.UTF_8)), "f", events::add);
        assertEquals(1, report.eventsProduced());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AwsLogs.emptyReader().format("nope").build());
        assertEquals("no format named 'nope'; known: []", e.getMessage());
    }

    @Test
    void detectionPicksTheSurestFormat() {
        LogFormat greedy = new CallsFormat() {
            @Override
            public String name() {
                return "greedy";
            }

            @Override
            public int detect(Sample sample) {
                return 10;
            }
        };
        LogReader both = AwsLogs.emptyReader().register(greedy).register(new CallsFormat()).build();

        assertEquals("calls", both.detect("#calls\n", "x").orElseThrow().name());
        assertEquals("greedy", both.detect("anything", "x").orElseThrow().name());
        assertFalse(AwsLogs.emptyReader().build().detect("#calls", "x").isPresent());
    }

    @Test
    void aTieGoesToTheFormatRegisteredFirstAndCertaintyEndsTheSearch() {
        List<String> asked = new ArrayList<>();
        LogReader reader = AwsLogs.emptyReader().register(scoring("first", 90, asked))
                .register(scoring("certain", 100, asked)).register(scoring("also-certain", 100, asked))
                .register(scoring("late", 100, asked)).build();

        assertEquals("certain", reader.detect("anything", "x").orElseThrow().name());
        assertEquals(List.of("first", "certain"), asked);

        asked.clear();
        LogReader tied = AwsLogs.emptyReader().register(scoring("a", 60, asked)).register(scoring("b", 60, asked))
                .build();
        assertEquals("a", tied.detect("anything", "x").orElseThrow().name());
        assertEquals(List.of("a", "b"), asked);
    }

    /** A format that answers {@code score} for anything, and notes that it was asked. */
    private static LogFormat scoring(String name, int score, List<String> asked) {
        return new CallsFormat() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int detect(Sample sample) {
                asked.add(name);
                return score;
            }
        };
    }

    @Test
    void reportsAdd() {
        IngestReport a = new IngestReport(1, 10, 3, 2, java.util.Map.of("r", 1L), 0, List.of());
        ParseError error = new ParseError("b", 1, 1, "bad");
        IngestReport b = new IngestReport(2, 5, 4, 1, java.util.Map.of("r", 2L, "s", 1L), 1, List.of(error));

        IngestReport sum = a.plus(b);

        assertEquals(new IngestReport(3, 15, 7, 3, java.util.Map.of("r", 3L, "s", 1L), 1, List.of(error)), sum);
        assertEquals(4, sum.skippedTotal());
        assertEquals("IngestReport{inputs=3, bytesRead=15, recordsRead=7, eventsProduced=3, skipped={r=3, s=1},"
                + " errors=1}", sum.toString());
    }

    @Test
    void theDefaultLogLineOfAHostileFindingIdCannotForgeAnEntry() throws IOException {
        // A Security Hub finding imported by whoever may call BatchImportFindings: NEL then a fake log entry, CSI
        // (the one-char ESC [) clearing the screen, a right-to-left override, a zero-width space, half a pair.
        String json = "{\"Findings\":[{\"SchemaVersion\":\"2018-10-08\",\"Id\":\"x\\u0085[main] ERROR "
                + "io.github.detective4j.aws.LogReader - FORGED \\u009b2J\\u202eevil\\u200b\\ud800\","
                + "\"ProductArn\":\"arn:aws:securityhub:us-east-1:111122223333:product/111122223333/default\","
                + "\"GeneratorId\":\"g\",\"AwsAccountId\":\"111122223333\",\"Types\":[\"TTPs/Discovery\"],"
                + "\"CreatedAt\":\"2026-10-22T12:00:00Z\",\"UpdatedAt\":\"2026-10-22T13:00:00Z\","
                + "\"Severity\":{\"Label\":\"HIGH\"},\"Title\":\"t\",\"Description\":\"d\","
                + "\"Resources\":[{\"Type\":\"Other\",\"Id\":\"r\"}]}]}";
        List<ParseError> errors = new ArrayList<>();
        AwsLogs.reader().errorHandler(errors::add).build()
                .read(bytes(json.getBytes(StandardCharsets.UTF_8)), "asff.json", e -> { });
        assertEquals(1, errors.size());
        String quoted = "'x\\u0085[main] ERROR io.github.detective4j.aws.LogReader - FORGED \\u009b2J\\u202eevil"
                + "\\u200b\\ud800'";
        assertTrue(errors.get(0).reason().startsWith("ASFF finding " + quoted + ": "), errors.get(0).reason());
        // what logAndContinue() writes after "skipped unreadable input: "
        String logged = Escaping.forLog(errors.get(0).toString());
        assertTrue(logged.codePoints().noneMatch(io.github.detective4j.model.SafeText::isUnsafe), logged);
        assertTrue(logged.contains("'x\\\\u0085[main] ERROR"), logged);
    }

    @Test
    void quotesAndLongLinesAreCutBetweenCodePoints() {
        String emoji = "\ud83d\ude00";
        String quoted = Escaping.quote("a".repeat(76) + emoji + "tail");
        assertEquals("'" + "a".repeat(76) + "...'", quoted, "the pair across the cut is left out whole");
        String logged = Escaping.forLog("b".repeat(499) + emoji + "c");
        assertEquals("b".repeat(499) + "...(3 more chars)", logged);
        assertEquals("b".repeat(498) + emoji + "...(2 more chars)", Escaping.forLog("b".repeat(498) + emoji + "cc"));
    }

    @Test
    void logLinesEscapeControlCharacters() {
        assertEquals("a\\u000d\\u000aINFO forged \\\\ end", Escaping.forLog("a\r\nINFO forged \\ end"));
        assertEquals("'x'", Escaping.quote("x"));
        assertTrue(Escaping.forLog("y".repeat(600)).endsWith("...(100 more chars)"));
    }
}
