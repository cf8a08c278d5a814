package io.github.detective4j.aws.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.LogFormat;
import io.github.detective4j.aws.LogReader;
import io.github.detective4j.aws.ParseContext;
import io.github.detective4j.aws.ParseError;
import io.github.detective4j.model.ApiCall;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feeds mutated CloudTrail fixtures to the real reader: whatever an attacker writes into a log, the parser must
 * return, in bounded memory, with every record counted once as an event, a skip or an error, and with no unchecked
 * exception of its own (the reader would mask one as an input error, so a guard around the format keeps them).
 *
 * <p>Deterministic: fixed seeds, a fixed number of mutants per fixture. A failure names the fixture, the seed and
 * the mutations, and the mutant is written to {@code target/fuzz-failures/} to be replayed.
 */
class CloudTrailFuzzTest {
    private static final int MUTANTS_PER_FIXTURE = 250;
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(10);
    /** Fixtures truncated at every byte, not at a few random ones: a record per line, a compact and a pretty file. */
    private static final List<String> TRUNCATED_EVERYWHERE =
            List.of("events.ndjson", "records-compact.json", "console-login-success.json");
    private static final byte[][] TOKENS = tokens("\"", "[", "]", "{", "}", "\\", ",", ":", "\n", "\r\n", "\r",
            "\0", "\\u", "\\uD800", "\\uDC00\\uD800", "\\u12", "\\x", "\\\"", "\"\"", "{}", "[]", "null", "nul",
            "true", "fals", "-", "--1", "1e999", "0.", " ", "\t", "\u2028", "\"eventName\":", "\"Records\":[",
            "\"requestParameters\":{\"name\":", "\"message\":\"{\\\"eventTime\\\":", "\"detail\":{",
            "\"resources\":[{\"ARN\":\"arn:aws:s3::: \",\"type\":\"x\"}],", "\"CloudTrailEvent\":\"[[[[\"",
            "CWL CONTROL MESSAGE");
    private static final byte[][] BAD_UTF8 = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0x80}, {0, 0, 0}};

    private static Map<String, byte[]> fixtures;

    @BeforeAll
    static void loadFixtures() throws IOException, URISyntaxException {
        Path folder = Path.of(CloudTrailFuzzTest.class.getResource("/cloudtrail").toURI());
        fixtures = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                fixtures.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        assertTrue(fixtures.size() >= 20, "the fixtures are there: " + fixtures.keySet());
    }

    @Test
    void survivesRandomMutationsOfEveryFixture() {
        Harness detecting = new Harness(AwsLogs.emptyReader(), false);
        Harness forcedSmall = new Harness(AwsLogs.emptyReader().format(CloudTrailFormat.NAME)
                .maxStringLength(1024).maxNestingDepth(16), true);
        List<byte[]> all = new ArrayList<>(fixtures.values());
        long seed = 20_261_120;
        for (Map.Entry<String, byte[]> fixture : fixtures.entrySet()) {
            long fixtureSeed = seed++;
            assertTimeoutPreemptively(BATCH_TIMEOUT, () -> {
                SplittableRandom random = new SplittableRandom(fixtureSeed);
                for (int i = 0; i < MUTANTS_PER_FIXTURE; i++) {
                    StringBuilder how = new StringBuilder();
                    byte[] mutant = mutate(fixture.getValue(), all, random, how);
                    String name = fixture.getKey() + " seed " + fixtureSeed + " #" + i + how;
                    detecting.check(mutant, name);
                    forcedSmall.check(mutant, name);
                }
            }, () -> "a mutant of " + fixture.getKey() + " (seed " + fixtureSeed + ") did not finish in time");
        }
        detecting.assertClean();
        forcedSmall.assertClean();
    }

    @Test
    void survivesTruncationAtEveryByte() {
        Harness forced = new Harness(AwsLogs.emptyReader().format(CloudTrailFormat.NAME), true);
        Harness detecting = new Harness(AwsLogs.emptyReader(), false);
        for (String name : TRUNCATED_EVERYWHERE) {
            byte[] whole = fixtures.get(name);
            assertNotNull(whole, name);
            assertTimeoutPreemptively(BATCH_TIMEOUT, () -> {
                for (int cut = 0; cut <= whole.length; cut++) {
                    byte[] mutant = Arrays.copyOf(whole, cut);
                    forced.check(mutant, name + " cut at " + cut);
                    if (cut % 7 == 0) {
                        detecting.check(mutant, name + " cut at " + cut);
                    }
                }
            }, () -> "a truncation of " + name + " did not finish in time");
        }
        forced.assertClean();
        detecting.assertClean();
    }

    @Test
    void survivesGzipThatIsCutOrCorrupt() {
        Harness detecting = new Harness(AwsLogs.emptyReader(), false);
        SplittableRandom random = new SplittableRandom(7);
        assertTimeoutPreemptively(BATCH_TIMEOUT, () -> {
            for (Map.Entry<String, byte[]> fixture : fixtures.entrySet()) {
                byte[] gzip = gzip(fixture.getValue());
                for (int i = 0; i < 10; i++) {
                    byte[] mutant = random.nextBoolean() ? Arrays.copyOf(gzip, random.nextInt(gzip.length))
                            : flip(gzip, 10 + random.nextInt(gzip.length - 10), random);
                    detecting.check(mutant, fixture.getKey() + " gzip #" + i);
                }
            }
        });
        detecting.assertClean();
    }

    // ---- inputs past every limit ----

    @Test
    void aMegabyteOfOpeningBracketsIsAnErrorNotAStackOverflow() {
        assertTimeoutPreemptively(BATCH_TIMEOUT, () -> {
            for (String opener : List.of("[", "{\"a\":", "{\"Records\":[", "[{\"detail\":")) {
                byte[] bytes = opener.repeat((1 << 20) / opener.length()).getBytes(StandardCharsets.US_ASCII);
                Harness harness = new Harness(AwsLogs.emptyReader().format(CloudTrailFormat.NAME), false);
                Outcome outcome = harness.check(bytes, "1 MiB of " + opener);
                harness.assertClean();
                assertEquals(0, outcome.events.size());
                assertTrue(outcome.report.errors() >= 1, () -> opener + ": " + outcome.report);
            }
        });
    }

    @Test
    void aDeepLineCostsOnlyItsLine() {
        String deep = "{\"eventTime\":" + "[".repeat(1 << 20) + "\n";
        Outcome outcome = readLimited(AwsLogs.emptyReader(), event("eventName", "ListBuckets") + "\n" + deep
                + event("eventName", "ListUsers") + "\n");
        assertEquals(List.of("ListBuckets", "ListUsers"), outcome.eventNames(), outcome.errors::toString);
        assertEquals(1, outcome.report.errors(), outcome.errors::toString);
        assertEquals(2, outcome.errors.get(0).line());
    }

    @Test
    void aDeepValueIsNotBlamedOnTheNextRecord() {
        String deep = "[".repeat(200) + "]".repeat(200);
        for (String json : List.of("[" + deep + "," + event("eventName", "ListUsers") + "]",
                "{\"Records\":[" + deep + "," + event("eventName", "ListUsers") + "]}",
                "{\"x\":" + deep + ",\"Records\":[" + event("eventName", "ListUsers") + "]}")) {
            Outcome outcome = readLimited(AwsLogs.emptyReader().format(CloudTrailFormat.NAME), json);
            assertEquals(List.of("ListUsers"), outcome.eventNames(), () -> json + ": " + outcome.errors);
        }
    }

    @Test
    void aFiftyMegabyteStringIsAnErrorOfItsRecord() {
        String record = event("eventName", "ListBuckets");
        int cut = record.indexOf("\"cli\"") + 1; // the huge userAgent goes where "cli" was
        byte[] before = ("{\"Records\":[" + record + "," + record.substring(0, cut)).getBytes(StandardCharsets.UTF_8);
        byte[] after = (record.substring(cut + 3) + "," + event("eventName", "ListUsers") + "]}")
                .getBytes(StandardCharsets.UTF_8);
        int length = 50 << 20;
        Outcome outcome = assertTimeoutPreemptively(BATCH_TIMEOUT, () -> {
            Harness harness = new Harness(AwsLogs.emptyReader(), false);
            Outcome read = harness.check(new Repeated(before, (byte) 'A', length, after), "50 MiB userAgent");
            harness.assertClean();
            return read;
        });
        assertEquals(List.of("ListBuckets", "ListUsers"), outcome.eventNames());
        assertEquals(1, outcome.errors.size(), outcome.errors::toString);
        assertTrue(outcome.errors.get(0).reason().contains("userAgent is longer than"), outcome.errors::toString);
    }

    @Test
    void theCursorKeepsNoMoreThanTheStringLimitOfAFiftyMegabyteString() throws IOException {
        com.fasterxml.jackson.core.StreamReadConstraints limits = com.fasterxml.jackson.core.StreamReadConstraints
                .builder().maxStringLength(100_000).build();
        for (String kind : List.of("value", "name", "white space", "number")) {
            byte[] before;
            byte filler;
            byte[] after;
            switch (kind) {
                case "value" -> {
                    before = "{\"k\":\"".getBytes(StandardCharsets.US_ASCII);
                    filler = 'x';
                    after = "\",\"next\":1}".getBytes(StandardCharsets.US_ASCII);
                }
                case "name" -> {
                    before = "{\"".getBytes(StandardCharsets.US_ASCII);
                    filler = 'n';
                    after = "\":1}".getBytes(StandardCharsets.US_ASCII);
                }
                case "white space" -> {
                    before = "{\"k\"".getBytes(StandardCharsets.US_ASCII);
                    filler = ' ';
                    after = ":1}".getBytes(StandardCharsets.US_ASCII);
                }
                default -> {
                    before = "{\"k\":".getBytes(StandardCharsets.US_ASCII);
                    filler = '7';
                    after = "}".getBytes(StandardCharsets.US_ASCII);
                }
            }
            JsonCursor cursor = JsonCursorTest.cursor(new Repeated(before, filler, 50 << 20, after), limits);
            try {
                cursor.peek();
                cursor.enterObject();
                cursor.firstField();
                cursor.readScalarText();
                cursor.nextField();
            } catch (MalformedJsonException expected) {
                // a name past its limit breaks the stream (a number is read as null); what matters is the memory kept
            }
            assertTrue(cursor.buffer().length <= 4 * 100_000 + 128 * 1024,
                    () -> kind + ": the buffer grew to " + cursor.buffer().length);
        }
    }

    @Test
    void theReaderLimitsAreTheCursorLimits() {
        LogReader.Builder small = AwsLogs.emptyReader().maxStringLength(1024).maxNestingDepth(16);
        // strings: 1,024 characters are fine, 1,025 are not
        Outcome strings = readLimited(small, event("userAgent", "u".repeat(1024)) + "\n"
                + event("userAgent", "u".repeat(1025)) + "\n");
        assertEquals(1, strings.events.size(), strings.errors::toString);
        assertEquals("record 2: userAgent is longer than 1024 characters", "record " + strings.errors.get(0).record()
                + ": " + strings.errors.get(0).reason());
        // nesting: the record is depth 1, so 15 more levels are fine and 16 are not, whether read or passed over
        String fine = "[".repeat(14) + "]".repeat(14);
        String deep = "[".repeat(16) + "]".repeat(16);
        Outcome nesting = readLimited(small, withRaw("requestParameters", "{\"x\":" + fine + "}") + "\n"
                + withRaw("requestParameters", "{\"x\":" + deep + "}") + "\n"
                + withRaw("serviceEventDetails", deep) + "\n"
                + withRaw("userIdentity", "{\"sessionContext\":{\"attributes\":{\"a\":" + deep + "}}}") + "\n");
        assertEquals(1, nesting.events.size(), nesting.errors::toString);
        assertEquals(3, nesting.errors.size(), nesting.errors::toString);
        nesting.errors.forEach(e -> assertTrue(e.reason().contains("deeper than 16 levels"), e::toString));
        // and the same for an event embedded as JSON text, which has a cursor of its own
        String embedded = withRaw("serviceEventDetails", deep);
        Outcome message = readLimited(small, "{\"message\":" + quoteJson(embedded) + "}\n");
        assertEquals(0, message.events.size());
        assertEquals(1, message.errors.size(), message.errors::toString);
        assertTrue(message.errors.get(0).reason().contains("deeper than 16 levels"), message.errors::toString);
    }

    @Test
    void whiteSpaceBeforeAColonDoesNotLoseTheFieldName() {
        // the name is needed after the colon (a resource rule's path); the white space runs past the buffer
        String spaces = " ".repeat(200_000);
        String stop = event("eventName", "StopLogging").replace("\"eventSource\":\"s3.amazonaws.com\"",
                "\"eventSource\":\"cloudtrail.amazonaws.com\"");
        String json = "{\"Records\":[" + stop.replace("}", ",\"requestParameters\":{\"name\"" + spaces
                + ":\"my-trail\"}}") + "]}";
        Harness harness = new Harness(AwsLogs.emptyReader(), true);
        Outcome outcome = harness.check(json.getBytes(StandardCharsets.US_ASCII), "white space before a colon");
        harness.assertClean();
        ApiCall call = outcome.events.get(0);
        assertEquals("my-trail", call.resources().get(0).id());
    }

    @Test
    void aResourceWhoseArnNamesNothingIsDroppedNotFatal() {
        String json = "{\"Records\":[" + withRaw("resources", "[{\"ARN\":\"arn:aws:s3::: \",\"type\":\"AWS::S3::Bucket\"},"
                + "{\"ARN\":\"arn:aws:ec2:us-east-1:111122223333:instance/i-0abc\",\"type\":\"AWS::EC2::Instance\"}]")
                + "," + event("eventName", "ListUsers") + "]}";
        Harness harness = new Harness(AwsLogs.emptyReader(), false);
        Outcome outcome = harness.check(json.getBytes(StandardCharsets.US_ASCII), "blank resource id");
        harness.assertClean();
        assertEquals(List.of("ListBuckets", "ListUsers"), outcome.eventNames(), outcome.errors::toString);
        assertEquals(List.of("i-0abc"), outcome.events.get(0).resources().stream().map(r -> r.id()).toList());
    }

    @Test
    void nulBytesAfterTheFirstBraceCostOnlyTheirLine() {
        // the head decides between one record per line and one pass; NULs must not make it guess an encoding
        String json = "{\u0000\u0000\u0000\n" + event("eventName", "ListUsers") + "\n";
        Outcome outcome = readLimited(AwsLogs.emptyReader().format(CloudTrailFormat.NAME), json);
        assertEquals(List.of("ListUsers"), outcome.eventNames(), outcome.errors::toString);
        assertEquals(1, outcome.errors.size(), outcome.errors::toString);
        assertEquals(1, outcome.errors.get(0).line());
    }

    @Test
    void aBackslashBeforeTheNewlineDoesNotJoinTheNextLine() {
        // in a value, in a field name, and in a value passed over: each costs its line only
        for (String cut : List.of("{\"eventTime\":\"2026\\", "{\"eventTi\\", "{\"x\":\"ab\\")) {
            Outcome outcome = readLimited(AwsLogs.emptyReader().format(CloudTrailFormat.NAME),
                    event("eventName", "ListBuckets") + "\n" + cut + "\n" + event("eventName", "ListUsers") + "\n");
            assertEquals(List.of("ListBuckets", "ListUsers"), outcome.eventNames(), () -> cut + ": " + outcome.errors);
            assertEquals(1, outcome.errors.size(), () -> cut + ": " + outcome.errors);
            assertEquals(2, outcome.errors.get(0).line());
        }
    }

    @Test
    void aWholeFirstLineKeepsOneRecordPerLineWhateverTheSecondIs() {
        // the head's second line, broken in ways Jackson stops at, used to make the reader take the file as one JSON
        for (String broken : List.of("\u00c3{\"eventName\":", "{\"ev\u0001", "{\"a\":tru")) {
            Outcome outcome = readLimited(AwsLogs.emptyReader().format(CloudTrailFormat.NAME),
                    event("eventName", "ListBuckets") + "\n" + broken + "\n" + event("eventName", "ListUsers") + "\n");
            assertEquals(List.of("ListBuckets", "ListUsers"), outcome.eventNames(),
                    () -> broken + ": " + outcome.errors);
            assertEquals(1, outcome.errors.size(), () -> broken + ": " + outcome.errors);
        }
    }

    @Test
    void aNumberOrANamePastTheLimitCostsOnlyItsRecord() {
        // The stream is whole past such a number or name (a limit, not broken JSON), so a Records file goes on after
        // it: in a field read, in the identity (met again by the next record, which must not take it as clean), in
        // an embedded event, a field name; a number passed over is not read, so it costs nothing.
        String number = "1".repeat(101);
        String identity = "{\"type\":\"IAMUser\",\"principalId\":" + number + ",\"accountId\":\"111122223333\"}";
        String json = "{\"Records\":[" + event("eventName", "ListBuckets") + ","
                + withRaw("recipientAccountId", number) + ","
                + withRaw("userIdentity", identity) + "," + withRaw("userIdentity", identity) + ","
                + "{\"message\":" + quoteJson(withRaw("recipientAccountId", number)) + "},"
                + withRaw("x".repeat(4097), "\"y\"") + ","
                + withRaw("requestParameters", "{\"maxItems\":" + number + "}") + ","
                + event("eventName", "ListUsers") + "]}";
        Outcome outcome = readLimited(AwsLogs.emptyReader().format(CloudTrailFormat.NAME), json);
        assertEquals(List.of("ListBuckets", "ListBuckets", "ListUsers"), outcome.eventNames(),
                outcome.errors::toString);
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), outcome.errors.stream().map(ParseError::record).toList(),
                outcome.errors::toString);
        assertEquals("record holds a number longer than 100 characters", outcome.errors.get(0).reason());
        assertTrue(outcome.errors.get(3).reason().endsWith("holds a number longer than 100 characters"),
                outcome.errors::toString);
        assertEquals("record holds a field name longer than 4096 bytes", outcome.errors.get(4).reason());
    }

    @Test
    void aLongNumberOnTheFirstLineKeepsOneRecordPerLine() {
        // the head's parser read it under the input's limits, took the input for one document, and then one broken
        // line ended it
        String first = withRaw("requestParameters", "{\"maxItems\":" + "9".repeat(150) + "}");
        Outcome outcome = readLimited(AwsLogs.emptyReader().format(CloudTrailFormat.NAME),
                first + "\n{\"a\":tru\n" + event("eventName", "ListUsers") + "\n");
        assertEquals(List.of("ListBuckets", "ListUsers"), outcome.eventNames(), outcome.errors::toString);
        assertEquals(1, outcome.errors.size(), outcome.errors::toString);
        assertEquals(2, outcome.errors.get(0).line());
    }

    // ---- the harness ----

    /** One read's results. */
    private record Outcome(IngestReport report, List<ApiCall> events, List<ParseError> errors) {
        List<String> eventNames() {
            return events.stream().map(ApiCall::eventName).toList();
        }
    }

    /** A reader around a guarded CloudTrail format, which checks every read it makes and keeps what went wrong. */
    private static final class Harness {
        private final Guarded format;
        private final LogReader reader;
        private final List<ParseError> errors = new ArrayList<>();
        /** Problems by kind (exception class and where it was thrown), with the first input that showed each. */
        private final Map<String, String> problems = new LinkedHashMap<>();
        private int checked;

        Harness(LogReader.Builder builder, boolean trickle) {
            this.format = new Guarded(trickle);
            this.reader = builder.register(format).errorHandler(errors::add).build();
        }

        Outcome check(byte[] bytes, String name) {
            return check(new ByteArrayInputStream(bytes), name, bytes);
        }

        Outcome check(InputStream in, String name) {
            return check(in, name, null);
        }

        private Outcome check(InputStream in, String name, byte[] bytes) {
            errors.clear();
            format.escaped.clear();
            format.seed = checked++;
            List<ApiCall> events = new ArrayList<>();
            IngestReport report = null;
            try {
                report = reader.read(in, "fuzz", event -> events.add((ApiCall) event));
            } catch (IOException | RuntimeException e) {
                problem("read() threw " + signature(e), name, bytes, e);
            }
            for (Throwable escaped : format.escaped) {
                problem("parse()/detect() threw " + signature(escaped), name, bytes, escaped);
            }
            if (report != null) {
                long wholeInput = errors.stream().filter(e -> e.line() == 0).count();
                long accounted = report.eventsProduced() + report.skippedTotal() + report.errors() - wholeInput;
                if (report.recordsRead() != accounted || report.eventsProduced() != events.size()) {
                    problem("records != events + skipped + errors", name, bytes,
                            new AssertionError(report + " / " + errors));
                }
            }
            return new Outcome(report, events, List.copyOf(errors));
        }

        private void problem(String kind, String name, byte[] bytes, Throwable cause) {
            if (problems.containsKey(kind)) {
                return;
            }
            String saved = "";
            if (bytes != null) {
                try {
                    Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
                    Path file = dir.resolve("mutant-" + problems.size() + ".bin");
                    Files.write(file, bytes);
                    saved = ", saved as " + file;
                } catch (IOException ignored) {
                    // the report still names the seed
                }
            }
            problems.put(kind, name + saved + ": " + cause);
        }

        void assertClean() {
            if (!problems.isEmpty()) {
                StringBuilder message = new StringBuilder(problems.size() + " kinds of failure:");
                problems.forEach((kind, example) -> message.append("\n- ").append(kind).append("\n    first: ")
                        .append(example));
                fail(message.toString());
            }
        }

        private static String signature(Throwable e) {
            StackTraceElement[] trace = e.getStackTrace();
            return e.getClass().getSimpleName() + (trace.length == 0 ? "" : " at " + trace[0]);
        }
    }

    /**
     * CloudTrailFormat behind a guard that keeps the unchecked exceptions and errors it throws, which the reader
     * would turn into an input error, and that hands the parser its input a few bytes per read, so that every
     * token meets a buffer boundary somewhere.
     */
    private static final class Guarded implements LogFormat {
        private final CloudTrailFormat format = new CloudTrailFormat();
        private final boolean trickle;
        final List<Throwable> escaped = new ArrayList<>();
        long seed;

        Guarded(boolean trickle) {
            this.trickle = trickle;
        }

        @Override
        public String name() {
            return format.name();
        }

        @Override
        public int detect(Sample sample) {
            try {
                return format.detect(sample);
            } catch (RuntimeException | Error e) {
                escaped.add(e);
                throw e;
            }
        }

        @Override
        public void parse(InputStream in, ParseContext context) throws IOException {
            try {
                format.parse(trickle ? trickle(in, seed) : in, context);
            } catch (RuntimeException | Error e) {
                escaped.add(e);
                throw e;
            }
        }
    }

    private static InputStream trickle(InputStream in, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new java.io.FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                // mostly a few bytes, sometimes a large read: both refill paths of the cursor
                int most = random.nextInt(8) == 0 ? len : 1 + random.nextInt(7);
                return super.read(b, off, Math.min(len, most));
            }
        };
    }

    /** {@code before}, then {@code count} copies of one byte, then {@code after}, made as it is read. */
    private static final class Repeated extends InputStream {
        private final byte[] before;
        private final byte filler;
        private final long count;
        private final byte[] after;
        private long at;

        Repeated(byte[] before, byte filler, long count, byte[] after) {
            this.before = before;
            this.filler = filler;
            this.count = count;
            this.after = after;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long total = before.length + count + after.length;
            if (at >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - at);
            for (int i = 0; i < n; i++) {
                long k = at + i;
                b[off + i] = k < before.length ? before[(int) k]
                        : k < before.length + count ? filler : after[(int) (k - before.length - count)];
            }
            at += n;
            return n;
        }
    }

    // ---- mutations ----

    private static byte[] mutate(byte[] original, List<byte[]> all, SplittableRandom random, StringBuilder how) {
        byte[] bytes = original;
        int rounds = 1 + random.nextInt(3);
        for (int round = 0; round < rounds; round++) {
            int at = position(bytes, random);
            int op = random.nextInt(16);
            how.append(" | op ").append(op).append(" at ").append(at);
            switch (op) {
                case 0 -> bytes = Arrays.copyOf(bytes, at);
                case 1 -> bytes = Arrays.copyOf(bytes, Math.min(bytes.length, at + 1));
                case 2 -> bytes = flip(bytes, at, random);
                case 3, 4 -> bytes = insert(bytes, at, TOKENS[random.nextInt(TOKENS.length)]);
                case 5 -> bytes = insert(bytes, at, BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
                case 6 -> bytes = delete(bytes, at, 1);
                case 7 -> bytes = delete(bytes, at, random.nextInt(1 + Math.min(200, bytes.length - at)));
                case 8 -> {
                    // a huge string, as a value or inside one
                    int length = (int) Math.pow(10, 2 + random.nextDouble() * 3.3);
                    byte[] text = repeat((byte) "aZ \u00e9".charAt(random.nextInt(3)), length);
                    bytes = insert(bytes, at, random.nextBoolean() ? text : concat(new byte[] {'"'}, text,
                            new byte[] {'"'}));
                    how.append(" string ").append(length);
                }
                case 9 -> {
                    // deep nesting, closed or not
                    int depth = 10 + random.nextInt(random.nextBoolean() ? 30 : 5000);
                    String opener = random.nextBoolean() ? "[" : "{\"a\":";
                    String value = opener.repeat(depth) + (random.nextBoolean()
                            ? "1" + (opener.equals("[") ? "]" : "}").repeat(depth) : "");
                    bytes = insert(bytes, at, value.getBytes(StandardCharsets.US_ASCII));
                    how.append(" nesting ").append(depth);
                }
                case 10 -> {
                    int digits = 20 + random.nextInt(random.nextBoolean() ? 200 : 5000);
                    bytes = insert(bytes, at, repeat((byte) ('0' + random.nextInt(10)), digits));
                }
                case 11 -> {
                    int length = (int) Math.pow(10, 1 + random.nextDouble() * 4.5);
                    bytes = insert(bytes, at, repeat(random.nextInt(4) == 0 ? (byte) '\n' : (byte) ' ', length));
                    how.append(" white space ").append(length);
                }
                case 12 -> {
                    int length = random.nextInt(1 + Math.min(500, bytes.length - at));
                    bytes = insert(bytes, position(bytes, random), Arrays.copyOfRange(bytes, at, at + length));
                }
                case 13 -> {
                    byte[] other = all.get(random.nextInt(all.size()));
                    bytes = concat(Arrays.copyOf(bytes, at),
                            Arrays.copyOfRange(other, random.nextInt(other.length + 1), other.length));
                }
                case 14 -> bytes = insert(bytes, at, new byte[] {0});
                default -> {
                    // a line break inside whatever is there
                    bytes = insert(bytes, at, new byte[] {'\n'});
                }
            }
        }
        return bytes;
    }

    /** A position next to a structural byte half of the time, anywhere otherwise; 0 to length. */
    private static int position(byte[] bytes, SplittableRandom random) {
        if (bytes.length == 0) {
            return 0;
        }
        int at = random.nextInt(bytes.length + 1);
        if (random.nextBoolean()) {
            for (int i = at; i < bytes.length; i++) {
                if ("{}[]\":,\\\n".indexOf(bytes[i]) >= 0) {
                    return random.nextBoolean() ? i : i + 1;
                }
            }
        }
        return at;
    }

    private static byte[] flip(byte[] bytes, int at, SplittableRandom random) {
        if (at >= bytes.length) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        copy[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (copy[at] ^ (1 << random.nextInt(8)));
        return copy;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] what) {
        return concat(Arrays.copyOf(bytes, at), what, Arrays.copyOfRange(bytes, at, bytes.length));
    }

    private static byte[] delete(byte[] bytes, int at, int length) {
        int end = Math.min(bytes.length, at + length);
        return concat(Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes, end, bytes.length));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] repeat(byte b, int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, b);
        return bytes;
    }

    private static byte[][] tokens(String... texts) {
        return Arrays.stream(texts).map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- events ----

    /** A small valid S3 event, one line, with one field set to {@code value}. */
    private static String event(String field, String value) {
        String json = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-11-20T03:12:45Z\","
                + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"ListBuckets\",\"userAgent\":\"cli\"}";
        return json.replace("\"" + field + "\":\"" + (field.equals("eventName") ? "ListBuckets"
                : field.equals("userAgent") ? "cli" : "") + "\"", "\"" + field + "\":" + quoteJson(value));
    }

    /** The small event with one more field, written as raw JSON. */
    private static String withRaw(String field, String rawJson) {
        String json = event("eventName", "ListBuckets");
        return json.substring(0, json.length() - 1) + ",\"" + field + "\":" + rawJson + "}";
    }

    private static String quoteJson(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static Outcome readLimited(LogReader.Builder builder, String json) {
        Harness harness = new Harness(builder, false);
        Outcome outcome = harness.check(json.getBytes(StandardCharsets.UTF_8), "inline");
        harness.assertClean();
        return outcome;
    }
}
