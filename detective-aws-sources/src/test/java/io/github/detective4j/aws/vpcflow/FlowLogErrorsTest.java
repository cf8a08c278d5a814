package io.github.detective4j.aws.vpcflow;

import static io.github.detective4j.aws.vpcflow.FlowLogs.assertSides;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.InvalidRecordException;
import io.github.detective4j.aws.ParseError;
import io.github.detective4j.model.FlowDirection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowLogErrorsTest {
    private static final String GOOD = "2 123456789010 eni-0a1b2c3d4e5f60718 10.0.1.25 198.51.100.7 44312 443 6 12 3120"
            + " 1700000000 1700000060 ACCEPT OK";

    private final FlowLogFormat format = new FlowLogFormat();

    /**
     * An id met before, in an address column, is not taken for an address: the table of tokens met lately gives an
     * address column only what was checked as an address. On a record of traffic and on a NODATA one alike.
     */
    @Test
    void anIdMetBeforeInAnAddressColumnIsAnError() throws IOException {
        String text = "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010"
                + " 1418530070 ACCEPT OK\n"
                + "2 123456789010 eni-1235b8ca123456789 eni-1235b8ca123456789 172.31.16.21 20641 22 6 20 4249"
                + " 1418530010 1418530070 ACCEPT OK\n"
                + "2 123456789010 eni-1235b8ca123456789 172.31.16.139 123456789010 20641 22 6 20 4249 1418530010"
                + " 1418530070 ACCEPT NODATA\n"
                + "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010"
                + " 1418530070 ACCEPT OK\n";
        FlowLogs.Result result = FlowLogs.text(format, text).assertCounts(4, 2, 2);
        assertError(result.errors().get(0), 2, 2, "srcaddr is not an IP address", "eni-1235b8ca123456789");
        assertError(result.errors().get(1), 3, 3, "dstaddr is not an IP address", "123456789010");
    }

    private static void assertError(ParseError error, long line, long record, String... fragments) {
        assertEquals(line, error.line(), () -> "line of " + error);
        assertEquals(record, error.record(), () -> "record of " + error);
        for (String fragment : fragments) {
            assertTrue(error.reason().contains(fragment), () -> "'" + fragment + "' in " + error);
        }
    }

    /**
     * Records between two private addresses wait for their interface's address to be learned; a gzip cut short must
     * not take them with it: they are whole records, and the README promises every whole record before the cut.
     */
    @Test
    void aGzipCutShortKeepsTheRecordsHeldForTheirDirection() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            text.append("2 123456789010 eni-0aaaaaaaaaaaaaaaa 10.0.0.5 10.0.0.6 4000").append(i)
                    .append(" 5432 6 10 1000 1700000000 1700000060 ACCEPT OK\n");
        }
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = zipped.toByteArray();
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 4); // the size trailer lost
        FlowLogs.Result result = FlowLogs.read(format, new ByteArrayInputStream(cut), "cut.log.gz");
        assertEquals(5, result.flows().size(), () -> result.report() + " " + result.errors());
        assertEquals(1, result.report().errors(), result.errors()::toString);
        assertTrue(result.errors().get(0).reason().endsWith("after 5 records: the input ends before the gzip member"
                + " does"), result.errors()::toString);
        assertSides(result.flow(0), FlowDirection.UNKNOWN, "10.0.0.5", 40001, "10.0.0.6", 5432);
    }

    /** A count is a 64-bit one: 19 digits read up to {@link Long#MAX_VALUE}, and past it is an error. */
    @Test
    void countsReadUpToTheLargestLong() throws IOException {
        String text = GOOD.replace(" 3120 ", " 9223372036854775807 ") + "\n"
                + GOOD.replace(" 3120 ", " 9223372036854775808 ") + "\n"
                + GOOD.replace(" 3120 ", " 10000000000000000000 ") + "\n"
                + GOOD.replace(" 12 3120 ", " 1000000000000000000 3120 ") + "\n";
        FlowLogs.Result result = FlowLogs.text(format, text).assertCounts(4, 2, 2);
        assertEquals(Long.MAX_VALUE, result.flow(0).bytes());
        assertEquals(1_000_000_000_000_000_000L, result.flow(1).packets());
        assertError(result.errors().get(0), 2, 2, "bytes is not a count", "'9223372036854775808'");
        assertError(result.errors().get(1), 3, 3, "bytes is not a count", "'10000000000000000000'");
    }

    /** Files joined end to end, the second with a byte-order mark before its header: the header is still one. */
    @Test
    void aByteOrderMarkBeforeAHeaderFurtherDownIsPassedOver() throws IOException {
        String header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes"
                + " start end action log-status";
        String v5 = "version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action"
                + " log-status flow-direction";
        String text = header + "\n" + GOOD + "\n\uFEFF" + v5 + "\n"
                + "5 eni-0a1b2c3d4e5f60718 198.51.100.7 10.0.1.25 443 44312 6 12 3120 1700000000 1700000060 ACCEPT OK"
                + " ingress\n";
        FlowLogs.Result result = FlowLogs.text(format, text).assertCounts(2, 2, 0);
        assertSides(result.flow(1), FlowDirection.INBOUND, "10.0.1.25", 44312, "198.51.100.7", 443);
    }

    /**
     * A format without {@code log-status} cannot say NODATA: a window without traffic is a record of '-' for its
     * addresses and action, which is skipped and counted, while a record of traffic missing one address stays an error.
     */
    @Test
    void aWindowWithoutTrafficInAFormatWithoutStatusIsSkipped() throws IOException {
        String text = "version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action\n"
                + "3 eni-0a1b2c3d4e5f60718 - - - - - - - 1431280876 1431280934 -\n"
                + "3 eni-0a1b2c3d4e5f60718 10.0.1.25 198.51.100.7 44312 443 6 12 3120 1700000000 1700000060 ACCEPT\n"
                + "3 eni-0a1b2c3d4e5f60718 - 198.51.100.7 44313 443 6 12 3120 1700000000 1700000060 ACCEPT\n";
        FlowLogs.Result result = FlowLogs.text(format, text).assertCounts(3, 1, 1);
        assertEquals(1, result.report().skipped("vpcflow.no-traffic"));
        assertError(result.errors().get(0), 4, 3, "srcaddr is '-'");
    }

    /** A header wider than a record may be is an error of its line; the records below read by the layout before. */
    @Test
    void aHeaderOfMoreColumnsThanARecordMayHaveIsAnErrorOfItsLine() throws IOException {
        String wide = String.join(" ", java.util.Collections.nCopies(256, "srcaddr")) + " dstaddr";
        String wideRecord = String.join(" ", java.util.Collections.nCopies(256, "10.0.0.1")) + " 203.0.113.9";
        FlowLogs.Result result = FlowLogs.text(format, GOOD + "\n" + wide + "\n" + wideRecord + "\n" + GOOD + "\n")
                .assertCounts(4, 2, 2);
        assertError(result.errors().get(0), 2, 2, "unreadable header", "257 columns", "at most 256");
        assertError(result.errors().get(1), 3, 3, "the record has 257 fields");
    }

    @Test
    void badLinesAreErrorsOfTheirLineAndTheirNeighboursSurvive() throws IOException {
        FlowLogs.Result result = FlowLogs.resource(format, "s3-bad-lines.log").assertCounts(13, 3, 10);
        List<ParseError> errors = result.errors();
        assertError(errors.get(0), 3, 2, "13 fields", "the header on line 1 has 14");
        assertError(errors.get(1), 4, 3, "srcport is not a port number", "'443x'");
        assertError(errors.get(2), 5, 4, "srcaddr is not an IP address", "'10.0.1.256'");
        assertError(errors.get(3), 6, 5, "action is not ACCEPT or REJECT", "'ALLOW'");
        assertError(errors.get(4), 7, 6, "end '1700000000' is before start '1700000060'");
        assertError(errors.get(5), 8, 7, "bytes is not a count", "'12kb'");
        assertError(errors.get(6), 10, 9, "account-id is not a 12-digit account id", "'12345'");
        assertError(errors.get(7), 11, 10, "log-status is not OK, NODATA or SKIPDATA", "'FINE'");
        assertError(errors.get(8), 12, 11, "srcport is not a port number", "'70000'");
        assertError(errors.get(9), 13, 12, "srcaddr is '-'");
        assertEquals("s3-bad-lines.log", errors.get(0).source());

        assertSides(result.flow(0), FlowDirection.OUTBOUND, "10.0.1.25", 44312, "198.51.100.7", 443);
        assertSides(result.flow(1), FlowDirection.INBOUND, "10.0.1.25", 44312, "198.51.100.7", 443);
        assertEquals(9812, result.flow(1).bytes());
        assertSides(result.flow(2), FlowDirection.OUTBOUND, "10.0.1.25", 44324, "198.51.100.7", 443);
    }

    @Test
    void headerlessRecordsWithTheWrongFieldCountNameTheDefaultFormat() throws IOException {
        FlowLogs.Result result = FlowLogs.text(format, GOOD + "\n" + GOOD + " extra\n" + GOOD + "\n")
                .assertCounts(3, 2, 1);
        assertError(result.errors().get(0), 2, 2, "15 fields where the default format has 14");
    }

    @Test
    void attackerTextInErrorsIsQuotedAndEscaped() throws IOException {
        String evil = GOOD.replace("ACCEPT", "ACCEPT\u001b[31m\u0007");
        FlowLogs.Result result = FlowLogs.text(format, GOOD + "\n" + evil + "\n").assertCounts(2, 1, 1);
        String reason = result.errors().get(0).reason();
        assertTrue(reason.contains("\\u001b[31m\\u0007"), reason);
        assertTrue(reason.chars().noneMatch(c -> c < 0x20), reason);
    }

    @Test
    void anOverlongLineIsAnErrorAndTheNextLineIsRead() throws IOException {
        String huge = "2 123456789010 eni-0a1b2c3d4e5f60718 " + "x".repeat(FlowLogReading.MAX_LINE_LENGTH + 10);
        FlowLogs.Result result = FlowLogs.text(format, GOOD + "\n" + huge + "\n" + GOOD + "\n").assertCounts(3, 2, 1);
        assertError(result.errors().get(0), 2, 2, "longer than");
    }

    @Test
    void brokenJsonLinesAreErrorsOfTheirLine() throws IOException {
        String text = "{\"message\":\"" + GOOD + "\"}\n"
                + "{\"message\":\"" + GOOD.replace("44312", "44313") + "\n"            // 2: string not closed
                + "{\"message\":\"" + GOOD.replace("44312", "44314") + "\"}\n"
                + "{\"message\":\"" + GOOD.replace("44312", "44315") + "\"\n"          // 4: object not closed
                + "{\"message\":\"" + GOOD.replace("44312", "44316") + "\"}\n"
                + "{\"message\": 2}\n"                                                  // 6: not a string
                + "{\"msg\":\"" + GOOD + "\"}\n"                                        // 7: no message
                + "{\"message\":\"" + GOOD.replace("443 6", "443 6000") + "\"}\n"     // 8: bad protocol
                + "[1, 2]\n"                                                            // 9: not an object
                + "{\"message\":\"" + GOOD.replace("44312", "44317") + "\"}\n";
        FlowLogs.Result result = FlowLogs.text(format, text).assertCounts(10, 4, 6);
        List<ParseError> errors = result.errors();
        assertError(errors.get(0), 2, 2, "malformed");
        assertError(errors.get(1), 4, 4, "not closed before line 5");
        assertError(errors.get(2), 6, 6, "message is not a string");
        assertError(errors.get(3), 7, 7, "neither a \"message\" field nor a \"logEvents\" array");
        assertError(errors.get(4), 8, 8, "protocol is not an IANA protocol number", "'6000'");
        assertError(errors.get(5), 9, 9, "expected a JSON object");
        assertEquals(List.of(44312, 44314, 44316, 44317),
                result.flows().stream().map(flow -> flow.localPort()).toList());
    }

    /**
     * The same broken lines, three hundred times over (about 190 KB): lines cross the end of the first, small buffer
     * and of the full ones after it, and each error still names its own line, each good line still gives its flow.
     */
    @Test
    void brokenJsonLinesAcrossBufferEndsAreErrorsOfTheirLine() throws IOException {
        StringBuilder text = new StringBuilder();
        List<Integer> ports = new ArrayList<>();
        for (int block = 0; block < 300; block++) {
            int port = 10_000 + 4 * block;
            String padding = " ".repeat(block % 13); // moves the lines against the buffer ends from block to block
            text.append("{\"message\":\"").append(GOOD.replace("44312", String.valueOf(port))).append("\"}")
                    .append(padding).append('\n')
                    .append("{\"message\":\"").append(GOOD).append('\n')                     // string not closed
                    .append("{\"message\":\"").append(GOOD.replace("44312", String.valueOf(port + 1)))
                    .append("\"}\n")
                    .append("{\"message\":\"").append(GOOD).append("\"").append(padding).append('\n') // not closed
                    .append("{\"message\":\"").append(GOOD.replace("44312", String.valueOf(port + 2)))
                    .append("\"}\n");
            ports.addAll(List.of(port, port + 1, port + 2));
        }
        FlowLogs.Result result = FlowLogs.text(format, text.toString()).assertCounts(1500, 900, 600);
        assertTrue(text.length() > 2 * 64 * 1024, "long enough: " + text.length());
        List<ParseError> errors = result.errors();
        for (int block = 0; block < 300; block++) {
            assertError(errors.get(2 * block), 5L * block + 2, 5L * block + 2, "malformed");
            assertError(errors.get(2 * block + 1), 5L * block + 4, 5L * block + 4, "not closed before line");
        }
        assertEquals(ports, result.flows().stream().map(flow -> flow.localPort()).toList());
    }

    /**
     * A message past the string limit in a subscription payload, as Firehose writes them: back to back on one line.
     * Jackson's limit exception has no location, yet the error names the line, and says that the rest of the line is
     * lost with it; the next line is read.
     */
    @Test
    void aStringPastTheLimitInAPayloadNamesItsLineAndWhatItCosts() throws IOException {
        String payload = "{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[{\"message\":\"%s\"}]}";
        String text = String.format(payload, GOOD) + String.format(payload, "Z".repeat(5_000))
                + String.format(payload, GOOD) + "\n" + String.format(payload, GOOD) + "\n";
        List<ParseError> errors = new ArrayList<>();
        List<Object> flows = new ArrayList<>();
        io.github.detective4j.aws.IngestReport report = AwsLogs.emptyReader().register(format)
                .maxStringLength(1_024).errorHandler(errors::add).build()
                .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "firehose", flows::add);
        assertEquals(2, flows.size(), () -> report + " " + errors);
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(1, errors.get(0).line(), errors::toString);
        String reason = errors.get(0).reason();
        assertTrue(reason.contains("String value length"), reason);
        java.util.regex.Matcher lost = java.util.regex.Pattern.compile("the rest of line 1 is not read \\((\\d+)"
                + " characters\\)").matcher(reason);
        assertTrue(lost.find(), reason);
        int third = String.format(payload, GOOD).length();
        assertTrue(Integer.parseInt(lost.group(1)) >= third && Integer.parseInt(lost.group(1)) < third + 5_000,
                reason); // the third payload, and what the parser had not read of the second
    }

    /**
     * Layouts of header lines are kept across inputs: a header read again is the layout built before, yet an error
     * still names the header it came from, on its own line, and a bad header is an error every time.
     */
    @Test
    void aHeaderMetBeforeStillNamesItsOwnLine() throws IOException {
        String header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes"
                + " start end action log-status tcp-flags";
        String shortRecord = GOOD; // one field fewer than the header names
        for (int round = 0; round < 2; round++) {
            FlowLogs.Result first = FlowLogs.text(format, header + "\n" + shortRecord + " 2\n" + shortRecord + "\n")
                    .assertCounts(2, 1, 1);
            assertError(first.errors().get(0), 3, 2, "14 fields", "the header on line 1 has 15");
            FlowLogs.Result later = FlowLogs.text(format, shortRecord + "\n" + header + "\n" + shortRecord + "\n")
                    .assertCounts(2, 1, 1);
            assertError(later.errors().get(0), 3, 2, "14 fields", "the header on line 2 has 15");
        }
        assertSame(FlowLayout.header(header, "the header on line 1"),
                FlowLayout.header(new String(header), "the header on line 1"));
        for (int round = 0; round < 2; round++) {
            assertThrows(IllegalArgumentException.class, () -> FlowLayout.header("version Srcaddr", "a header"));
        }
    }

    @Test
    void errorsInsideASubscriptionPayloadNameTheLineOfTheMessage() throws IOException {
        String text = "{\n"
                + "  \"messageType\": \"DATA_MESSAGE\",\n"
                + "  \"logEvents\": [\n"
                + "    {\"id\": \"1\", \"message\": \"" + GOOD + "\"},\n"
                + "    {\"id\": \"2\", \"message\": \"" + GOOD.replace("10.0.1.25", "10.0.1.x") + "\"},\n"
                + "    {\"id\": \"3\", \"timestamp\": 1700000060000},\n"
                + "    {\"id\": \"4\", \"message\": \"" + GOOD.replace("44312", "44399") + "\"}\n"
                + "  ]\n"
                + "}\n";
        FlowLogs.Result result = FlowLogs.text(format, text).assertCounts(4, 2, 2);
        assertError(result.errors().get(0), 5, 2, "srcaddr is not an IP address", "'10.0.1.x'");
        assertError(result.errors().get(1), 6, 3, "the log event has no \"message\" field");
        assertEquals(44399, result.flow(1).localPort());
    }

    @Test
    void strictModeStopsAtTheFirstBadRecord() {
        InvalidRecordException stop = assertThrows(InvalidRecordException.class, () -> AwsLogs.emptyReader()
                .register(format).strict().build()
                .read(new ByteArrayInputStream((GOOD + "\n" + GOOD.replace("ACCEPT", "DENY") + "\n" + GOOD)
                        .getBytes(StandardCharsets.UTF_8)), "strict-input", event -> { }));
        assertEquals(2, stop.error().line());
        assertTrue(stop.error().reason().contains("'DENY'"));
    }
}
