package io.github.detective4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.model.SafeText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad arguments, missing paths and malformed input stop a command with one line on stderr and an exit code, 2 for
 * usage errors and 1 for the rest, and no stack trace unless {@code --verbose}.
 */
class CommandErrorsTest {
    /** A CloudTrail file of two records, the second with a time that is not one. */
    static final String CLOUDTRAIL = """
            {"Records":[
            {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLEUSER1","arn":\
            "arn:aws:iam::111122223333:user/alice","accountId":"111122223333","userName":"alice"},\
            "eventTime":"2026-11-20T03:00:00Z","eventSource":"iam.amazonaws.com","eventName":"ListUsers",\
            "awsRegion":"us-east-1","sourceIPAddress":"203.0.113.7","userAgent":"aws-cli/2.15.0",\
            "eventID":"11111111-2222-3333-4444-555555555555","eventType":"AwsApiCall",\
            "recipientAccountId":"111122223333"},
            {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLEUSER1","arn":\
            "arn:aws:iam::111122223333:user/alice","accountId":"111122223333","userName":"alice"},\
            "eventTime":"yesterday\\u001b[2J","eventSource":"iam.amazonaws.com","eventName":"ListUsers",\
            "awsRegion":"us-east-1","sourceIPAddress":"203.0.113.7","userAgent":"aws-cli/2.15.0",\
            "eventID":"11111111-2222-3333-4444-666666666666","eventType":"AwsApiCall",\
            "recipientAccountId":"111122223333"}
            ]}
            """;

    static void assertOneLine(Run run, int exit, String holding) {
        assertEquals(exit, run.exit(), run.toString());
        assertEquals(1, run.err().lines().count(), run.toString());
        assertTrue(run.err().contains(holding), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
        assertFalse(run.err().contains("\u001b"), "no escape sequence of the input reaches the terminal: " + run);
    }

    @Test
    void aMalformedRecordFailsTheCommandNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("trail.json"), CLOUDTRAIL);

        Run profile = Run.detective("profile", "--entity", "AwsUser/AIDAEXAMPLEUSER1", dir.toString());
        assertOneLine(profile, 1, file + ":3: record 2: ");
        assertTrue(profile.err().startsWith("detective: 1 records or files could not be read"), profile.err());

        Run lenient = Run.detective("profile", "--lenient", "--entity", "AwsUser/AIDAEXAMPLEUSER1", dir.toString());
        assertEquals(0, lenient.exit(), lenient.toString());
        assertTrue(lenient.out().contains("alice"), lenient.out());
    }

    @Test
    void ingestListsTheErrorsAndFails(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("trail.json"), CLOUDTRAIL);

        Run ingest = Run.detective("ingest", dir.toString());
        assertOneLine(ingest, 1, "could not be read");
        assertTrue(ingest.line("records").endsWith(" 2"), ingest.out());
        assertTrue(ingest.line("events").endsWith(" 1"), ingest.out());
        assertTrue(ingest.out().contains(file + ":3: record 2: "), ingest.out());
        assertFalse(ingest.out().contains("\u001b"), ingest.out());
    }

    @Test
    void aTruncatedGzipFileFails(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("trail.json.gz");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            gz.write(CLOUDTRAIL.getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 30));

        assertOneLine(Run.detective("groups", file.toString()), 1, file.toString());
    }

    @Test
    void filesOfNoKnownFormatHoldNothingToAnswerFrom(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello\n");

        assertOneLine(Run.detective("groups", dir.toString()), 1, "no events in [" + dir + "]");
        assertOneLine(Run.detective("groups", dir.resolve("notes.txt").toString()), 1, "not a format");
    }

    /**
     * Every event refused for its time: ingest says so, a question fails as for unreadable records, and a lenient one
     * with a relative scope fails saying why.
     */
    @Test
    void eventsOfNoTimeTheGraphTakesAreCountedAndLeaveNoScope(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("trail.json"), CLOUDTRAIL.replace("yesterday\\u001b[2J", "1969-12-31T23:59:59Z")
                .replace("2026-11-20T03:00:00Z", "1969-12-31T23:00:00Z"));

        Run ingest = Run.detective("ingest", dir.toString());
        assertEquals(0, ingest.exit(), ingest.toString());
        assertTrue(ingest.line("events refused (times outside 1970 to 9999)").endsWith(" 2"), ingest.out());

        assertOneLine(Run.detective("new-behavior", dir.toString()), 1, "2 events were read but refused by the"
                + " graph, as their times lie outside the years 1970 to 9999");
        assertOneLine(Run.detective("new-behavior", "--lenient", dir.toString()), 1, "the graph holds no event to"
                + " place the scope by (it refused 2, whose times lie outside the years 1970 to 9999); give --scope"
                + " START/END");
    }

    /** One event of a good file refused for its time: the answer would miss it, so only a lenient one is given. */
    @Test
    void oneRefusedEventAmongGoodOnesFailsAQuestion(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("trail.json"), CLOUDTRAIL.replace("yesterday\\u001b[2J", "1900-01-01T00:00:00Z"));

        assertOneLine(Run.detective("profile", "--entity", "AwsUser/AIDAEXAMPLEUSER1", dir.toString()), 1,
                "1 events were read but refused by the graph");
        Run lenient = Run.detective("profile", "--lenient", "--entity", "AwsUser/AIDAEXAMPLEUSER1", dir.toString());
        assertEquals(0, lenient.exit(), lenient.toString());
    }

    /** An investigation of a scope the user was quiet in says so: INFORMATIONAL from no data is no all-clear. */
    @Test
    void anInvestigationOfAQuietScopeSaysSo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("trail.json"), CLOUDTRAIL);
        Run quiet = Run.detective("investigate", "--lenient", "--entity", "AwsUser/AIDAEXAMPLEUSER1", "--scope",
                "2026-10-01T00:00:00Z/P1D", dir.toString());
        assertEquals(0, quiet.exit(), quiet.toString());
        assertTrue(quiet.out().contains("note: AwsUser/AIDAEXAMPLEUSER1 made no API calls in the scope"
                + " 2026-10-01T00:00:00Z/2026-10-02T00:00:00Z; its data spans 2026-11-20T03:00:00Z"), quiet.out());
        Run active = Run.detective("investigate", "--lenient", "--entity", "AwsUser/AIDAEXAMPLEUSER1", "--scope",
                "2026-11-20T00:00:00Z/P1D", dir.toString());
        assertFalse(active.out().contains("note:"), active.out());
    }

    @Test
    void aMissingPathFails(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-logs");

        assertOneLine(Run.detective("hunt", "--ip", "104.16.1.42", missing.toString()), 1,
                "detective: no such file or directory: " + missing);
        assertOneLine(Run.detective("new-behavior", "--geoip", missing.toString(), dir.toString()), 1,
                "no such file or directory: " + missing);
    }

    @Test
    void badArgumentsAreUsageErrors(@TempDir Path dir) {
        String logs = dir.toString();
        assertOneLine(Run.detective("--no-such-option"), 2, "Unknown option");
        assertOneLine(Run.detective("profile", logs), 2, "--entity");
        assertOneLine(Run.detective("profile", "--entity", "Ec2Instance/x", logs), 2, "Ec2Instance");
        assertOneLine(Run.detective("investigate", "--entity", "IpAddress/104.16.1.42", logs), 2, "AwsUser or AwsRole");
        assertOneLine(Run.detective("new-behavior", "--entity", "Ec2Instance/i-08a8e40be65425909", logs), 2,
                "a principal");
        assertOneLine(Run.detective("new-behavior", "--scope", "last week", logs), 2, "'last <n>h'");
        assertOneLine(Run.detective("new-behavior", "--scope", "2026-11-19/2026-11-28", logs), 2, "ISO-8601");
        assertOneLine(Run.detective("new-behavior", "--scope", "2026-11-19T10:30:00Z/PT2H", logs), 2,
                "is not on a whole UTC hour; give times on whole UTC hours, such as 2026-11-19T10:00:00Z");
        assertOneLine(Run.detective("hunt", "--user-agent-matching", "(", logs), 2, "not a regular expression");
        assertOneLine(Run.detective("hunt", logs), 2, "--ip");
        assertOneLine(Run.detective("hunt", "--ip", "104.16.1.420", logs), 2, "104.16.1.420");
        assertOneLine(Run.detective("hunt", "--ip", "104.16.1.42", "--days", "0", logs), 2, "at least 1 day");
        assertOneLine(Run.detective("search", "--cidr", "10.0.0.0/33", logs), 2, "prefix length 33");
        assertOneLine(Run.detective("groups", "--threads", "0", logs), 2, "--threads must be from 1 to 256, not 0");
        assertOneLine(Run.detective("ingest", "--threads", "257", logs), 2, "--threads must be from 1 to 256");
        // options a command's answers would not use are refused, not silently ignored
        assertOneLine(Run.detective("profile", "--geoip", logs, "--entity", "AwsUser/AIDAEXAMPLEUSER1", logs), 2,
                "Unknown option: '--geoip'");
        assertOneLine(Run.detective("new-behavior", "--threat-intel", logs, logs), 2,
                "Unknown option: '--threat-intel'");
    }

    @Test
    void noCommandIsAUsageError() {
        Run bare = Run.detective();
        assertEquals(2, bare.exit(), bare.toString());
        assertTrue(bare.err().contains("Usage: detective"), bare.toString());
        assertEquals("", bare.out(), "the usage goes to stderr, as for any usage error");
    }

    @Test
    void aDemoFolderThatIsAFileFails(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("demo"), "notes");
        assertOneLine(Run.detective("demo", "--out", file.toString()), 1, "--out " + file + " is a file");
    }

    @Test
    void verboseShowsTheStackTrace(@TempDir Path dir) {
        Run run = Run.detective("--verbose", "groups", dir.resolve("no-such-logs").toString());

        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().startsWith("detective: no such file or directory: "), run.err());
        assertTrue(run.err().contains("java.nio.file.NoSuchFileException"), run.err());
        assertTrue(run.err().contains("\tat io.github.detective4j.examples.cli."), run.err());
    }

    @Test
    void verboseStackTracesEscapeTheMessagesTheyPrint(@TempDir Path dir) throws IOException {
        // A file name that sets the terminal's title (ESC ] ... BEL), holding a Security Hub finding whose id forges
        // a log line after NEL, clears the screen with CSI and turns the text around with a right-to-left override.
        Files.writeString(dir.resolve("asff\u001b]0;pwned\u0007.json"), """
                {"Findings":[{"SchemaVersion":"2018-10-08","Id":"x\\u0085[main] ERROR LogReader - FORGED \\u009b2J\\u202eevil",\
                "ProductArn":"arn:aws:securityhub:us-east-1:111122223333:product/111122223333/default",\
                "GeneratorId":"g","AwsAccountId":"111122223333","Types":["TTPs/Discovery"],\
                "CreatedAt":"2026-10-22T12:00:00Z","UpdatedAt":"2026-10-22T13:00:00Z","Severity":{"Label":"HIGH"},\
                "Title":"t","Description":"d","Resources":[{"Type":"Other","Id":"r"}]}]}
                """);

        Run run = Run.detective("--verbose", "ingest", dir.toString());

        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("\tat io.github.detective4j.examples.cli."), run.err());
        assertTrue(run.err().contains("CommandFailure: 1 records or files could not be read; the first: "), run.err());
        assertTrue(run.err().contains("asff\\u001b]0;pwned\\u0007.json"), run.err());
        assertTrue(run.err().chars().filter(c -> c != '\n' && c != '\t').noneMatch(SafeText::isUnsafe),
                "only the trace's own line ends and tabs: " + run.err());
    }

    @Test
    void aStackTraceKeepsTheJdksFormWithItsMessagesEscaped() {
        IllegalStateException cause = new IllegalStateException("cause\u202e");
        RuntimeException top = new RuntimeException("top\u0085forged", cause);
        top.addSuppressed(new IllegalArgumentException("suppressed\u001b[2J", top));   // a cycle, back to the top
        java.io.StringWriter ours = new java.io.StringWriter();
        OneLineErrors.printStackTrace(top, new java.io.PrintWriter(ours, true));
        java.io.StringWriter jdks = new java.io.StringWriter();
        top.printStackTrace(new java.io.PrintWriter(jdks, true));

        assertEquals(jdks.toString().replace("\u202e", "\\u202e").replace("\u0085", "\\u0085")
                .replace("\u001b", "\\u001b"), ours.toString());
        assertTrue(ours.toString().contains("\tSuppressed: java.lang.IllegalArgumentException: suppressed\\u001b[2J"));
        assertTrue(ours.toString().contains("[CIRCULAR REFERENCE: java.lang.RuntimeException: top\\u0085forged]"));
    }
}
