package io.github.detective4j.aws.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.ParseError;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.SecurityEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A {@code userIdentity} met again is taken from {@link RecentIdentities}, and the end of a record met again from
 * {@link RecordEndings}, rather than read again: what comes out must be what reading them again gives, whatever the
 * record around them.
 */
class RepeatedPartsTest {
    private static final String USER = "{\"type\":\"IAMUser\",\"principalId\":\"AIDAJ45Q7YFFAREXAMPLE\","
            + "\"arn\":\"arn:aws:iam::123456789012:user/Alice\",\"accountId\":\"123456789012\","
            + "\"accessKeyId\":\"AKIAIOSFODNN7EXAMPLE\",\"userName\":\"Alice\"}";
    private static final String ROLE_SESSION = "{\"type\":\"AssumedRole\","
            + "\"principalId\":\"AROAIDPPEZS35WEXAMPLE:AssumedRoleSessionName\","
            + "\"arn\":\"arn:aws:sts::123456789012:assumed-role/RoleToBeAssumed/AssumedRoleSessionName\","
            + "\"accountId\":\"123456789012\",\"accessKeyId\":\"ASIAIOSFODNN7EXAMPLE\",\"sessionContext\":{"
            + "\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAIDPPEZS35WEXAMPLE\","
            + "\"arn\":\"arn:aws:iam::123456789012:role/RoleToBeAssumed\",\"accountId\":\"123456789012\","
            + "\"userName\":\"RoleToBeAssumed\"},\"attributes\":{\"creationDate\":\"2026-11-01T00:00:00Z\","
            + "\"mfaAuthenticated\":\"false\"}}}";
    /** The same session with a second key: one byte apart in the middle. */
    private static final String ROLE_SESSION_OTHER_KEY = ROLE_SESSION.replace("ASIAIOSFODNN7EXAMPLE",
            "ASIAIOSFODNN8EXAMPLE");
    private static final String ROOT = "{\"type\":\"Root\",\"principalId\":\"123456789012\","
            + "\"arn\":\"arn:aws:iam::123456789012:root\",\"accountId\":\"123456789012\","
            + "\"accessKeyId\":\"\",\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\"true\"}}}";
    /** Too short to be kept: read every time. */
    private static final String SERVICE = "{\"type\":\"AWSService\",\"invokedBy\":\"ec2.amazonaws.com\"}";
    /** A user without the session's MFA flag: a console sign-in takes it from {@code additionalEventData}. */
    private static final String CONSOLE_USER = "{\"type\":\"IAMUser\",\"principalId\":\"AIDACKCEVSQ6C2EXAMPLE\","
            + "\"arn\":\"arn:aws:iam::123456789012:user/Bob\",\"accountId\":\"123456789012\",\"userName\":\"Bob\"}";
    private static final String[] IDENTITIES = {USER, ROLE_SESSION, ROLE_SESSION_OTHER_KEY, ROOT, SERVICE,
        CONSOLE_USER};
    private static final String TLS = ",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\","
            + "\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"clientProvidedHostHeader\":\"s3.amazonaws.com\"}";
    /** What follows a record's eventID: kept ones, and ones that differ from them only late or only in a value. */
    private static final String[] ENDINGS = {
        ",\"readOnly\":true,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
            + "\"recipientAccountId\":\"123456789012\"}",
        ",\"readOnly\":true,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
            + "\"recipientAccountId\":\"123456789012\",\"eventCategory\":\"Management\"" + TLS + "}",
        ",\"readOnly\":false,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
            + "\"recipientAccountId\":\"123456789012\",\"eventCategory\":\"Management\"" + TLS + "}",
        ",\"readOnly\":true,\"errorCode\":\"AccessDenied\",\"errorMessage\":\"not allowed\","
            + "\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"123456789012\"}",
        // a number at the end, and one that goes on: the closing brace tells them apart
        ",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":123456789012}",
        ",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":1234567890123}",
        // a resource list after the eventID: not kept
        ",\"readOnly\":false,\"resources\":[{\"ARN\":\"arn:aws:s3:::amzn-s3-demo-bucket\","
            + "\"type\":\"AWS::S3::Bucket\"}],\"eventType\":\"AwsApiCall\"}",
        // white space and a second eventID
        " , \"readOnly\" : true , \"eventID\":\"again\",\"eventType\":\"AwsApiCall\" }",
        "}",
    };

    @Test
    void aRepeatedIdentityReadsAsItDidAlone() {
        Random random = new Random(7);
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String identity = IDENTITIES[random.nextInt(IDENTITIES.length)];
            String record = random.nextInt(4) == 0 ? consoleLogin(identity, i, random.nextBoolean() ? "Yes" : "No")
                    : call(identity, i, ENDINGS[random.nextInt(ENDINGS.length)]);
            records.add(random.nextInt(5) == 0 ? eventBridge(record) : record);
        }

        CloudTrailTesting.Result together = CloudTrailTesting.readText(String.join("\n", records));

        List<ApiCall> alone = new ArrayList<>();
        for (String record : records) {
            alone.add(CloudTrailTesting.readText(record).only());
        }
        assertEquals(alone, together.events());
        assertTrue(together.errors().isEmpty(), () -> together.errors().toString());
    }

    /**
     * Damage of every kind but a newline, in one record of five: a broken or changed record, read after records whose
     * parts it shares, reads as it does alone (the same event, or the same error on its line), and so do its
     * neighbours.
     */
    @Test
    void aDamagedRecordReadsAsItDoesAlone() throws IOException {
        Random random = new Random(23);
        byte[] damage = "\"{}[],:\\0123456789 tfnu-.xAZ\u00e9".getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 20; round++) {
            List<String> records = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String identity = IDENTITIES[random.nextInt(IDENTITIES.length)];
                String record = call(identity, i, ENDINGS[random.nextInt(ENDINGS.length)]);
                if (random.nextInt(3) == 0) {
                    record = eventBridge(record);
                }
                if (random.nextInt(5) == 0) {
                    byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
                    int at = random.nextInt(bytes.length);
                    byte with = damage[random.nextInt(damage.length)];
                    record = random.nextBoolean()
                            ? new String(bytes, 0, at, StandardCharsets.UTF_8) + (char) (with & 0xff)
                                    + new String(bytes, at + 1, bytes.length - at - 1, StandardCharsets.UTF_8)
                            : record.substring(0, Math.min(at, record.length())) + (char) (with & 0xff)
                                    + record.substring(Math.min(at, record.length()));
                }
                records.add(record);
            }

            // after a record that shares nothing with them, so that the first one's damage cannot make the file one
            // document rather than one record a line
            String first = call(SERVICE, 0, "}").replace("s3.amazonaws.com", "ec2.amazonaws.com");
            CloudTrailTesting.Result together = CloudTrailTesting.readText(first + "\n" + String.join("\n", records));

            List<ApiCall> alone = new ArrayList<>();
            java.util.Map<Long, List<String>> reasons = new java.util.HashMap<>();
            together.errors().forEach(e -> reasons.computeIfAbsent(e.line(), line -> new ArrayList<>())
                    .add(asInFile(e.reason())));
            for (int i = 0; i < records.size(); i++) {
                // alone, after the same first record: one record a line too, whatever the damage
                String input = first + "\n" + records.get(i);
                List<ParseError> errors = new ArrayList<>();
                List<SecurityEvent> events = new ArrayList<>();
                AwsLogs.emptyReader().register(new CloudTrailFormat()).errorHandler(errors::add).build()
                        .read(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), "one.json",
                                events::add);
                events.subList(1, events.size()).forEach(event -> alone.add((ApiCall) event));
                // the record's errors are on its line, 2 here (one elsewhere would show with its line and differ)
                List<String> own = errors.stream()
                        .map(e -> e.line() == 2 ? asInFile(e.reason()) : "line " + e.line() + ": " + e.reason())
                        .toList();
                assertEquals(own, reasons.getOrDefault(i + 2L, List.of()), "round " + round + ", line " + (i + 2));
            }
            assertEquals(alone, together.events().subList(1, together.events().size()), "round " + round);
        }
    }

    /** An error's reason as in a file: alone, a record cut short ends the input; in the file, its line ends. */
    private static String asInFile(String reason) {
        return reason.replace("input ends", "line ends").replace("the end of the input", "the end of the line");
    }

    @Test
    void recordsThatRepeatAnIdentityShareItsPrincipal() {
        CloudTrailTesting.Result read = CloudTrailTesting.readText(String.join("\n", call(ROLE_SESSION, 1),
                call(USER, 2), call(ROLE_SESSION, 3), eventBridge(call(ROLE_SESSION, 4)),
                call(ROLE_SESSION_OTHER_KEY, 5), call(SERVICE, 6), call(SERVICE, 7)));

        List<ApiCall> events = read.events();
        assertSame(events.get(0).principal(), events.get(2).principal());
        assertNotSame(events.get(0).principal(), events.get(3).principal(), "a record one level deeper");
        assertEquals(events.get(0).principal(), events.get(3).principal());
        assertEquals("ASIAIOSFODNN8EXAMPLE", events.get(4).principal().accessKeyId());
        assertNotSame(events.get(5).principal(), events.get(6).principal(), "too short to be kept");
    }

    @Test
    void aConsoleSignInTakesItsMfaFromItsOwnEvent() {
        CloudTrailTesting.Result read = CloudTrailTesting.readText(String.join("\n",
                consoleLogin(CONSOLE_USER, 1, "Yes"), call(CONSOLE_USER, 2), consoleLogin(CONSOLE_USER, 3, "No"),
                call(CONSOLE_USER, 4)));

        List<ApiCall> events = read.events();
        assertEquals(Boolean.TRUE, events.get(0).principal().mfaAuthenticated());
        assertNull(events.get(1).principal().mfaAuthenticated());
        assertEquals(Boolean.FALSE, events.get(2).principal().mfaAuthenticated());
        assertNull(events.get(3).principal().mfaAuthenticated());
        assertSame(events.get(1).principal(), events.get(3).principal());
    }

    @Test
    void anIdentityWithAProblemIsReadAgainEveryTime() {
        String broken = USER.replace("\"type\":\"IAMUser\"", "\"type\":{\"name\":\"IAMUser\"}");
        CloudTrailTesting.Result read = CloudTrailTesting.readText(String.join("\n", call(broken, 1),
                call(broken, 2), call(USER, 3)));

        assertEquals(2, read.errors().size(), () -> read.errors().toString());
        assertTrue(read.errors().get(1).reason().contains("type must be a string"), read.errors()::toString);
        assertEquals(1, read.events().size());
    }

    @Test
    void anIdentityKeptAtOneDepthIsCheckedAgainDeeper() throws IOException {
        // 16 levels in a record (record, userIdentity, 14 nested objects); 17 in an EventBridge envelope's detail
        String deep = ROLE_SESSION.substring(0, ROLE_SESSION.length() - 1) + ",\"extra\":"
                + "{\"a\":".repeat(14) + "1" + "}".repeat(14) + "}";
        assertOnlyTheTopOneReads(call(deep, 1), eventBridge(call(deep, 2)));
    }

    @Test
    void anEndingKeptAtOneDepthIsCheckedAgainDeeper() throws IOException {
        // 16 levels in a record (the record, 15 nested objects in a field passed over); 17 in a detail
        String deep = ",\"extra\":" + "{\"a\":".repeat(15) + "1" + "}".repeat(15) + "}";
        assertOnlyTheTopOneReads(call(USER, 1, deep), eventBridge(call(USER, 2, deep)));
    }

    /** Read in either order, the record at the top reads and the one in an envelope nests too deep. */
    private static void assertOnlyTheTopOneReads(String top, String inDetail) throws IOException {
        for (List<String> lines : List.of(List.of(top, inDetail), List.of(inDetail, top))) {
            List<ParseError> errors = new ArrayList<>();
            List<SecurityEvent> events = new ArrayList<>();
            IngestReport report = AwsLogs.emptyReader().register(new CloudTrailFormat()).maxNestingDepth(16)
                    .errorHandler(errors::add).build()
                    .read(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
                            "depth.json", events::add);

            assertEquals(1, events.size(), report::toString);
            assertEquals("2026-11-01T00:00:01Z", ((ApiCall) events.get(0)).eventTime().toString());
            assertEquals(1, errors.size(), errors::toString);
            assertTrue(errors.get(0).reason().contains("deeper than 16"), errors::toString);
        }
    }

    @Test
    void aPrettyPrintedFileCountsItsLinesAsBefore() {
        String pretty = "{\"Records\": [\n" + String.join(",\n", call(ROLE_SESSION.replace(",", ",\n  "), 1),
                call(ROLE_SESSION.replace(",", ",\n  "), 2), "{\"eventVersion\": 7}") + "\n]}";

        CloudTrailTesting.Result read = CloudTrailTesting.readText(pretty);

        assertEquals(2, read.events().size());
        assertEquals(1, read.errors().size(), read.errors()::toString);
        assertEquals(pretty.split("\n").length - 1, read.errors().get(0).line(), read.errors()::toString);
    }

    /**
     * A pretty-printed file, as Stratus Red Team exports are: identities and record endings met again span lines of
     * white space, are taken as kept ones all the same, and every error still names the line its record starts on.
     */
    @Test
    void aPrettyPrintedIdentityMetAgainIsTakenWithItsLines() throws IOException {
        Random random = new Random(31);
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> records = new ArrayList<>();
        com.fasterxml.jackson.databind.node.ArrayNode array = mapper.createArrayNode();
        for (int i = 0; i < 300; i++) {
            String record = call(IDENTITIES[random.nextInt(IDENTITIES.length)], i,
                    ENDINGS[random.nextInt(ENDINGS.length - 2)]);
            if (random.nextInt(10) == 0) {
                record = record.replaceFirst("\"eventTime\":\"[^\"]*\"", "\"eventTime\":\"yesterday-" + i + "\"");
            }
            records.add(record);
            array.add(mapper.readTree(record));
        }
        String pretty = mapper.writerWithDefaultPrettyPrinter()
                .writeValueAsString(mapper.createObjectNode().set("Records", array));

        CloudTrailTesting.Result read = CloudTrailTesting.readText(pretty);

        List<ApiCall> oneALine = new ArrayList<>();
        for (String record : records) {
            oneALine.addAll(CloudTrailTesting.readText(record).events());
        }
        assertEquals(oneALine, read.events());
        // an error names the line its record starts on: the line before its first field's
        List<String> lines = List.of(pretty.split("\n", -1));
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"eventVersion\"")) {
                starts.add((long) i);
            }
        }
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).contains("yesterday-")) {
                expected.add(starts.get(i));
            }
        }
        assertEquals(expected, read.errors().stream().map(ParseError::line).toList(), read.errors()::toString);
        // kept across its lines: the records that repeat an identity share the principal read the first time
        ApiCall first = read.events().stream().filter(e -> "AIDAJ45Q7YFFAREXAMPLE".equals(e.principal()
                .principalId())).findFirst().orElseThrow();
        assertTrue(read.events().stream().filter(e -> e != first && e.principal().equals(first.principal()))
                .anyMatch(e -> e.principal() == first.principal()), "no record took the kept identity");
    }

    @Test
    void aRecordEndingMetBeforeGivesItsFields() {
        CloudTrailTesting.Result read = CloudTrailTesting.readText(String.join("\n", call(USER, 1, ENDINGS[1]),
                call(USER, 2, ENDINGS[2]), call(USER, 3, ENDINGS[1]), call(USER, 4, ENDINGS[3]),
                call(USER, 5, ENDINGS[3])));

        List<ApiCall> events = read.events();
        assertEquals(List.of(true, false, true, true, true), events.stream().map(ApiCall::readOnly).toList());
        assertEquals("AccessDenied", events.get(4).errorCode());
        assertEquals("not allowed", events.get(4).errorMessage());
        assertNull(events.get(2).errorCode());
        assertEquals("123456789012", events.get(2).accountId());
    }

    @Test
    void aNumberThatGoesOnIsNotTakenForOneMetBefore() {
        CloudTrailTesting.Result read = CloudTrailTesting.readText(String.join("\n", call(USER, 1, ENDINGS[4]),
                call(USER, 2, ENDINGS[5]), call(USER, 3, ENDINGS[4])));

        assertTrue(read.errors().isEmpty(), () -> read.errors().toString());
        List<ApiCall> events = read.events();
        assertEquals("123456789012", events.get(0).accountId());
        assertNull(events.get(1).accountId(), "13 digits are no account id");
        assertEquals("123456789012", events.get(2).accountId());
    }

    @Test
    void anEndingWithAProblemIsReadAgainEveryTime() {
        String broken = ",\"readOnly\":true,\"eventType\":{\"not\":\"a string\"}}";
        CloudTrailTesting.Result read = CloudTrailTesting.readText(String.join("\n", call(USER, 1, broken),
                call(USER, 2, broken), call(USER, 3, ENDINGS[0])));

        assertEquals(2, read.errors().size(), () -> read.errors().toString());
        assertEquals(1, read.events().size());
    }

    private static String call(String identity, int second) {
        return call(identity, second, ENDINGS[0]);
    }

    /** A call whose record goes on after its {@code eventID} with {@code ending}, closing brace included. */
    private static String call(String identity, int second, String ending) {
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":" + identity + ",\"eventTime\":\"2026-11-01T00:00:"
                + String.format("%02d", second % 60) + "Z\",\"eventSource\":\"s3.amazonaws.com\","
                + "\"eventName\":\"ListBuckets\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.7\","
                + "\"userAgent\":\"aws-cli/2.13.0\",\"eventID\":\"e-" + second + "\"" + ending;
    }

    private static String consoleLogin(String identity, int second, String mfaUsed) {
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":" + identity + ",\"eventTime\":\"2026-11-01T00:01:"
                + String.format("%02d", second % 60) + "Z\",\"eventSource\":\"signin.amazonaws.com\","
                + "\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.8\","
                + "\"userAgent\":\"Mozilla/5.0\",\"responseElements\":{\"ConsoleLogin\":\"Success\"},"
                + "\"additionalEventData\":{\"MFAUsed\":\"" + mfaUsed + "\"},\"eventID\":\"c-" + second + "\","
                + "\"eventType\":\"AwsConsoleSignIn\",\"recipientAccountId\":\"123456789012\"}";
    }

    private static String eventBridge(String record) {
        return "{\"version\":\"0\",\"id\":\"6f87d04b-9f74-4f04-a780-7acf4b0a9b38\",\"detail-type\":"
                + "\"AWS API Call via CloudTrail\",\"source\":\"aws.s3\",\"account\":\"123456789012\","
                + "\"time\":\"2026-11-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":" + record
                + "}";
    }
}
