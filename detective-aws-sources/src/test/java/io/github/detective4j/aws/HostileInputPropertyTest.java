package io.github.detective4j.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.detective4j.aws.cloudtrail.CloudTrailFormat;
import io.github.detective4j.aws.findings.AsffFormat;
import io.github.detective4j.aws.findings.GuardDutyFormat;
import io.github.detective4j.aws.vpcflow.FlowLogFormat;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.NetworkFlow;
import io.github.detective4j.model.SecurityEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Every parser, fed a real record mutated between two good ones (truncated, a value's type swapped, a huge value,
 * invalid UTF-8, structure broken), must not throw past its error handler, must keep both good neighbours, and must
 * report the mutant as exactly what it is when read right after the first neighbour alone: its events, or its errors
 * and skips. Each record read ends up as events, a skip or an error. The records are the real ones of the fixtures
 * in {@code src/test/resources}, one per line, each checked to read cleanly alone first.
 *
 * <p>The oracle is differential: reading {@code good1, mutant, good2} must give what reading {@code good1, mutant}
 * gives followed by what reading {@code good2} gives, so it holds whether a mutant happens to stay valid or not.
 */
class HostileInputPropertyTest {
    static final int TRIES = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STRING_VALUE = Pattern.compile("\"([A-Za-z]+)\":\"([^\"\\\\]*)\"");
    private static final Pattern NUMBER_VALUE = Pattern.compile("\"([A-Za-z]+)\":(-?[0-9][0-9.eE+-]*)");
    private static final String[] SWAPS = {"null", "true", "0", "-1", "1e999", "123456789012345678901234567890",
        "{}", "[]", "{\"a\":[1,{\"b\":null}]}", "[\"x\",1]", "\"\"", "\" \"", "\"\\u0000\"", "\"\\uD800\""};
    private static final byte[][] BAD_UTF8 = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0x80},
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {0}};
    private static final String[] TOKENS = {"\"", "{", "}", "[", "]", ",", ":", "\\", "\\u12", " ", "\t", "-",
        "NODATA", "SKIPDATA", "ACCEPT", "REJECT", "eni-", "4294967296", "-5", "9999999999999", "\r"};

    /** A format's good records, in groups that share a header (a flow log file's first line, or none). */
    record Corpus(String name, Supplier<LogFormat> format, List<Group> groups) {}

    /** Records read after the same header lines. */
    record Group(List<String> header, List<String> records) {}

    private static final Corpus CLOUDTRAIL = jsonCorpus(CloudTrailFormat.NAME, CloudTrailFormat::new, "/cloudtrail");
    private static final Corpus GUARDDUTY = jsonCorpus("guardduty", GuardDutyFormat::new, "/guardduty");
    private static final Corpus ASFF = jsonCorpus("securityhub", AsffFormat::new, "/securityhub");
    private static final Corpus FLOW_LOGS = flowCorpus();

    /** One change to a record. */
    enum Op { TRUNCATE, SWAP_TYPE, HUGE_STRING, HUGE_NUMBER, BAD_UTF8, TOKEN, DELETE, DUPLICATE, FLIP, NEW_LINE }

    record Mutation(Op op, double at, int choice) {}

    @Provide
    Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.of(Op.class), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 1_000_000)).as(Mutation::new);
    }

    @Property(tries = TRIES, seed = "20261201", shrinking = ShrinkingMode.BOUNDED)
    void cloudTrail(@ForAll @IntRange(max = 1_000) int pick, @ForAll @Size(min = 1, max = 3)
            List<@From("mutation") Mutation> mutations) {
        check(CLOUDTRAIL, pick, mutations);
    }

    @Property(tries = TRIES, seed = "20261202", shrinking = ShrinkingMode.BOUNDED)
    void vpcFlowLogs(@ForAll @IntRange(max = 1_000) int pick, @ForAll @Size(min = 1, max = 3)
            List<@From("mutation") Mutation> mutations) {
        check(FLOW_LOGS, pick, mutations);
    }

    @Property(tries = TRIES, seed = "20261203", shrinking = ShrinkingMode.BOUNDED)
    void guardDuty(@ForAll @IntRange(max = 1_000) int pick, @ForAll @Size(min = 1, max = 3)
            List<@From("mutation") Mutation> mutations) {
        check(GUARDDUTY, pick, mutations);
    }

    @Property(tries = TRIES, seed = "20261204", shrinking = ShrinkingMode.BOUNDED)
    void securityHubAsff(@ForAll @IntRange(max = 1_000) int pick, @ForAll @Size(min = 1, max = 3)
            List<@From("mutation") Mutation> mutations) {
        check(ASFF, pick, mutations);
    }

    // ---------------------------------------------------------------- the property

    private static void check(Corpus corpus, int pick, List<Mutation> mutations) {
        Group chosen = corpus.groups().get(pick % corpus.groups().size());
        List<String> group = chosen.records();
        String good1 = group.get(pick % group.size());
        String good2 = group.get((pick / 7 + 1) % group.size());
        byte[] mutant = group.get((pick / 3) % group.size()).getBytes(StandardCharsets.UTF_8);
        for (Mutation m : mutations) {
            mutant = mutate(mutant, m);
        }
        byte[] header = lines(chosen.header());
        byte[] first = concat(header, lines(List.of(good1)), mutant, new byte[] {'\n'});
        Read whole = read(corpus, concat(first, lines(List.of(good2))));
        Read before = read(corpus, first);
        Read after = read(corpus, concat(header, lines(List.of(good2))));
        Read headerAlone = read(corpus, header);
        Read firstAlone = read(corpus, concat(header, lines(List.of(good1))));

        for (Read r : List.of(whole, before, after)) {
            assertEquals(List.of(), r.escaped, "nothing escapes the parser");
            IngestReport report = r.report;
            long inputErrors = r.errors.stream().filter(e -> e.line() == 0).count(); // the input's, not a record's
            assertEquals(report.recordsRead(), report.eventsProduced() + report.skippedTotal() + report.errors()
                    - inputErrors, () -> "every record is an event, a skip or an error: " + report + " " + r.errors);
            assertEquals(0, inputErrors, () -> "no line of plain records ends the input: " + r.errors);
            assertEquals(report.eventsProduced(), r.events.size());
        }
        assertEquals(0, after.report.errors(), "the good record reads alone");
        List<String> beforeEvents = new ArrayList<>(canonical(before.events));
        for (String event : canonical(firstAlone.events)) {
            assertTrue(beforeEvents.remove(event), () -> "the good record before the mutant keeps its event " + event);
        }
        List<SecurityEvent> expected = new ArrayList<>(before.events);
        expected.addAll(after.events);
        assertEquals(canonical(expected), canonical(whole.events), "the good record after the mutant keeps its events");
        assertEquals(before.report.errors(), whole.report.errors(), "the mutant's errors, and only them");
        assertEquals(before.report.skippedTotal() + after.report.skippedTotal(), whole.report.skippedTotal());
        assertEquals(before.report.recordsRead() + after.report.recordsRead() - headerAlone.report.recordsRead(),
                whole.report.recordsRead());
        if (before.events.size() == firstAlone.events.size()) {
            // the mutant gave no event: it must be told of
            assertTrue(before.report.errors() + before.report.skippedTotal() > firstAlone.report.skippedTotal()
                    || holdsNoRecord(mutant), () -> "a mutant that gave nothing is reported: " + before.report);
        }
    }

    /**
     * Events as text, sorted: in any order, since the flow log reader may hold records back until it knows an
     * interface's addresses, and with flow records {@linkplain #oriented oriented}.
     */
    private static List<String> canonical(List<SecurityEvent> events) {
        return events.stream().map(e -> oriented(e).toString()).sorted().toList();
    }

    /**
     * A flow record with its ends in a fixed order and no direction: which end is the interface's is learned from
     * the file's earlier records (a mutant may teach it), and is not what this property is about.
     */
    private static SecurityEvent oriented(SecurityEvent event) {
        if (!(event instanceof NetworkFlow f) || f.localAddress() == null) {
            return event;
        }
        boolean swap = (f.localAddress() + ':' + f.localPort()).compareTo(f.remoteAddress() + ':' + f.remotePort()) > 0;
        return new NetworkFlow(f.version(), f.accountId(), f.interfaceId(), f.instanceId(), f.vpcId(), f.subnetId(),
                f.region(), swap ? f.remoteAddress() : f.localAddress(), swap ? f.remotePort() : f.localPort(),
                swap ? f.localAddress() : f.remoteAddress(), swap ? f.localPort() : f.remotePort(), f.protocol(),
                f.bytes(), f.packets(), f.start(), f.end(), f.action(), f.logStatus(), FlowDirection.UNKNOWN);
    }

    /**
     * Blank, or JSON that is an empty array: no record to tell of. Byte-order marks and NUL bytes count as blank:
     * the findings parsers (Jackson) pass over a line holding only them, a leniency this test leaves alone.
     */
    private static boolean holdsNoRecord(byte[] mutant) {
        String text = new String(mutant, StandardCharsets.UTF_8).replace("\uFEFF", "").replace("\u0000", "");
        if (text.isBlank()) {
            return true;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isArray() && node.isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** One read's outcome: its report, the events, what escaped the parser. */
    record Read(IngestReport report, List<SecurityEvent> events, List<ParseError> errors, List<Throwable> escaped) {}

    private static Read read(Corpus corpus, byte[] bytes) {
        Guarded format = new Guarded(corpus.format().get());
        List<SecurityEvent> events = new ArrayList<>();
        List<ParseError> errors = new ArrayList<>();
        LogReader reader = AwsLogs.emptyReader().register(format).format(format.name()).errorHandler(errors::add)
                .maxStringLength(100_000).maxNestingDepth(64).build();
        try {
            return new Read(reader.read(new ByteArrayInputStream(bytes), "property", events::add), events, errors,
                    format.escaped);
        } catch (IOException e) {
            throw new UncheckedIOException("read() threw past the error handler", e);
        }
    }

    /** A format behind a guard that keeps the unchecked exceptions it throws, which the reader would mask. */
    private static final class Guarded implements LogFormat {
        private final LogFormat format;
        final List<Throwable> escaped = new ArrayList<>();

        Guarded(LogFormat format) {
            this.format = format;
        }

        @Override
        public String name() {
            return format.name();
        }

        @Override
        public int detect(Sample sample) {
            return format.detect(sample);
        }

        @Override
        public void parse(InputStream in, ParseContext context) throws IOException {
            try {
                format.parse(in, context);
            } catch (RuntimeException | Error e) {
                escaped.add(e);
                throw e;
            }
        }
    }

    // ---------------------------------------------------------------- mutations

    static byte[] mutate(byte[] record, Mutation m) {
        int at = (int) (m.at() * record.length);
        int choice = m.choice();
        return switch (m.op()) {
            case TRUNCATE -> Arrays.copyOf(record, at);
            case SWAP_TYPE -> swap(record, m);
            case HUGE_STRING -> insertIntoValue(record, m, "x\u00e9".repeat(1_000 + choice % 120_000));
            case HUGE_NUMBER -> insertIntoValue(record, m, "9".repeat(20 + choice % 5_000));
            case BAD_UTF8 -> insert(record, at, BAD_UTF8[choice % BAD_UTF8.length]);
            case TOKEN -> insert(record, at, TOKENS[choice % TOKENS.length].getBytes(StandardCharsets.UTF_8));
            case DELETE -> concat(Arrays.copyOf(record, at), Arrays.copyOfRange(record,
                    Math.min(record.length, at + 1 + choice % 40), record.length));
            case DUPLICATE -> insert(record, at, Arrays.copyOfRange(record, at, Math.min(record.length,
                    at + 1 + choice % 200)));
            case FLIP -> {
                byte[] copy = record.clone();
                if (at < copy.length) {
                    copy[at] = (byte) (copy[at] ^ (1 << (choice % 8)));
                }
                yield copy;
            }
            case NEW_LINE -> insert(record, at, new byte[] {'\n'});
        };
    }

    /** Swaps the type of one value: a string for a number, an object, null..., or a number for a string. */
    private static byte[] swap(byte[] record, Mutation m) {
        String text = new String(record, StandardCharsets.UTF_8);
        List<int[]> values = new ArrayList<>();
        for (Pattern p : List.of(STRING_VALUE, NUMBER_VALUE)) {
            Matcher matcher = p.matcher(text);
            while (matcher.find()) {
                values.add(new int[] {matcher.start(2) - (p == STRING_VALUE ? 1 : 0),
                    matcher.end(2) + (p == STRING_VALUE ? 1 : 0)});
            }
        }
        if (values.isEmpty()) {
            // a flow log line: swap one field for another kind of text
            String[] fields = text.split(" ", -1);
            int i = (int) (m.at() * fields.length) % Math.max(1, fields.length);
            fields[i] = SWAPS[m.choice() % SWAPS.length];
            return String.join(" ", fields).getBytes(StandardCharsets.UTF_8);
        }
        int[] value = values.get((int) (m.at() * values.size()) % values.size());
        return (text.substring(0, value[0]) + SWAPS[m.choice() % SWAPS.length] + text.substring(value[1]))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Puts a huge text inside a value (a JSON string's or a flow log field's), or at a position. */
    private static byte[] insertIntoValue(byte[] record, Mutation m, String huge) {
        String text = new String(record, StandardCharsets.UTF_8);
        Matcher matcher = STRING_VALUE.matcher(text);
        List<Integer> starts = new ArrayList<>();
        while (matcher.find()) {
            starts.add(matcher.start(2));
        }
        int at = starts.isEmpty() ? (int) (m.at() * text.length()) : starts.get((int) (m.at() * starts.size())
                % starts.size());
        return (text.substring(0, at) + huge + text.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] bytes, int at, byte[] what) {
        return concat(Arrays.copyOf(bytes, at), what, Arrays.copyOfRange(bytes, at, bytes.length));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] lines(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- the real records

    /**
     * The records of every JSON fixture, one compact line each: the lines of {@code .jsonl}/{@code .ndjson} files,
     * and the elements of a top-level array or of a {@code Records}, {@code Findings} or {@code findings} array, or
     * the document itself; each kept only if it reads alone into events with no error, and is a record rather than
     * a container of several ({@code Records}, {@code Events}, {@code logEvents}, {@code events}): a container is
     * one JSON document, which a break ends, with an error.
     */
    private static Corpus jsonCorpus(String name, Supplier<LogFormat> format, String folder) {
        List<String> candidates = new ArrayList<>();
        for (Path file : fixtures(folder)) {
            String fileName = file.getFileName().toString();
            try {
                if (fileName.endsWith(".jsonl") || fileName.endsWith(".ndjson")) {
                    candidates.addAll(Files.readAllLines(file));
                } else if (fileName.endsWith(".json")) {
                    JsonNode root = JSON.readTree(file.toFile());
                    JsonNode records = root.isArray() ? root : Stream.of("Records", "Findings", "findings")
                            .map(root::path).filter(JsonNode::isArray).findFirst().orElse(null);
                    if (records != null) {
                        records.forEach(r -> candidates.add(r.toString()));
                    } else {
                        candidates.add(root.toString());
                    }
                }
            } catch (IOException e) {
                // a fixture that is broken on purpose: its records are not good ones
            }
        }
        Corpus probe = new Corpus(name, format, List.of());
        List<String> good = candidates.stream().filter(line -> !line.isBlank() && !container(line)).filter(line -> {
            Read r = read(probe, lines(List.of(line)));
            return r.report.errors() == 0 && !r.events.isEmpty() && r.escaped.isEmpty();
        }).distinct().toList();
        assertTrue(good.size() >= 5, name + ": good records found: " + good.size());
        return new Corpus(name, format, List.of(new Group(List.of(), good)));
    }

    private static boolean container(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return Stream.of("Records", "Events", "logEvents", "events").anyMatch(node::has);
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * The flow log files of the fixtures whose lines are records with or without one header line: each file's good
     * records form a group, read after its header.
     */
    private static Corpus flowCorpus() {
        List<Group> groups = new ArrayList<>();
        Corpus probe = new Corpus("vpcflow", FlowLogFormat::new, List.of());
        for (Path file : fixtures("/vpcflow")) {
            if (!file.getFileName().toString().endsWith(".log")) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            boolean hasHeader = !lines.isEmpty() && lines.get(0).startsWith("version");
            List<String> header = hasHeader ? List.of(lines.get(0)) : List.of();
            List<String> good = lines.subList(hasHeader ? 1 : 0, lines.size()).stream().filter(line -> {
                Read r = read(probe, concat(lines(header), lines(List.of(line))));
                return r.report.errors() == 0 && !r.events.isEmpty();
            }).toList();
            if (good.size() >= 2) {
                groups.add(new Group(header, good));
            }
        }
        assertTrue(groups.size() >= 5, "flow log files with good records: " + groups.size());
        return new Corpus("vpcflow", FlowLogFormat::new, groups);
    }

    private static List<Path> fixtures(String folder) {
        try (Stream<Path> files = Files.list(Path.of(HostileInputPropertyTest.class.getResource(folder).toURI()))) {
            return files.sorted().toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
