package io.github.detective4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detective ingest} shows what the graph's caps held back, so that a flood in the logs is seen. */
class IngestCapsTest {
    /** Past the account's budget of 100,000 entities (half addresses, half user agents): 1,000 sign-ins more. */
    private static final int SIGN_INS = 51_000;

    @Test
    void aFloodOfSignInsShowsPastTheCaps(@TempDir Path dir) throws IOException {
        Path logs = dir.resolve("signins.ndjson");
        try (BufferedWriter out = Files.newBufferedWriter(logs)) {
            for (int i = 0; i < SIGN_INS; i++) {
                // a failed console sign-in with a user name CloudTrail hides: no principal entity, the account owns it
                out.write(String.format(Locale.ROOT, "{\"eventVersion\":\"1.08\","
                        + "\"userIdentity\":{\"type\":\"IAMUser\",\"accountId\":\"111122223333\",\"accessKeyId\":\"\","
                        + "\"userName\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"},\"eventTime\":\"2026-11-01T%02d:%02d:00Z\","
                        + "\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\","
                        + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"2001:db8::%x:%x\","
                        + "\"userAgent\":\"Mozilla/5.0 Firefox/%d.0\","
                        + "\"errorMessage\":\"No username found in supplied account\",\"requestParameters\":null,"
                        + "\"responseElements\":{\"ConsoleLogin\":\"Failure\"},\"eventType\":\"AwsConsoleSignIn\","
                        + "\"recipientAccountId\":\"111122223333\"}%n", i / 60 % 24, i % 60, i >>> 16, i & 0xffff, i));
            }
        }
        Run run = Run.detective("ingest", logs.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.line("API calls").endsWith(String.format(Locale.ROOT, "%,d", SIGN_INS)), run.out());
        assertTrue(run.line("  IpAddress").endsWith("50,000"), run.out());
        assertTrue(run.line("  UserAgent").endsWith("50,000"), run.out());
        assertTrue(run.out().contains("past the caps"), run.out());
        assertTrue(run.line("entities not kept").endsWith("2,000"), run.out());
    }

    @Test
    void logsTheCapsDidNotTouchShowNoSuchSection(@TempDir Path dir) throws IOException {
        Path logs = dir.resolve("one.ndjson");
        Files.writeString(logs, "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\","
                + "\"principalId\":\"AIDAEXAMPLEUSER00001\",\"arn\":\"arn:aws:iam::111122223333:user/alice\","
                + "\"accountId\":\"111122223333\",\"userName\":\"alice\"},\"eventTime\":\"2026-11-01T10:00:00Z\","
                + "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"ListUsers\",\"awsRegion\":\"us-east-1\","
                + "\"sourceIPAddress\":\"198.51.100.7\",\"userAgent\":\"aws-cli/2.13.5\","
                + "\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\"}\n");
        Run run = Run.detective("ingest", logs.toString());
        assertEquals(0, run.exit(), run.toString());
        assertFalse(run.out().contains("past the caps"), run.out());
    }
}
