package io.github.detective4j.aws.cloudtrail;

import static io.github.detective4j.aws.cloudtrail.CloudTrailTesting.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.ParseError;
import io.github.detective4j.aws.SharedData;
import io.github.detective4j.aws.cloudtrail.CloudTrailTesting.Result;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.AwsResource.Action;
import io.github.detective4j.model.PrincipalType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CloudTrail parser over the real samples in {@code ../shared/data}: every file that is CloudTrail parses, with
 * errors only where the samples are broken on purpose, and the counts add up. Skipped when the samples are absent.
 */
class CloudTrailSharedDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Prints what a corpus gave, for the record of a run. */
    private static void report(String corpus, IngestReport report) {
        System.out.println("[cloudtrail] " + corpus + ": " + report);
    }

    private static List<ApiCall> byEventId(List<ApiCall> events) {
        List<ApiCall> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(ApiCall::eventId).thenComparing(ApiCall::eventTime));
        return sorted;
    }

    @Test
    void stratusRedTeamDetonationLogs() throws IOException {
        Path dir = SharedData.require("stratus-red-team-detonation-logs");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(35, files.size());
        List<ApiCall> fromArrays = new ArrayList<>();
        IngestReport total = IngestReport.EMPTY;
        for (Path file : files) {
            Result result = read(file);
            int expected = JSON.readTree(file.toFile()).size(); // a bare array: its length is the record count
            assertEquals(List.of(), result.errors(), file.toString());
            assertEquals(expected, result.report().recordsRead(), file.toString());
            assertEquals(expected, result.events().size(), file + ": every detonation record is a management event");
            result.assertBalanced();
            fromArrays.addAll(result.events());
            total = total.plus(result.report());
        }
        report("stratus bare arrays", total);
        assertEquals(310, fromArrays.size());

        Result records = read(dir.resolve("derived/stratus_all_detonations_records.json"));
        Result lines = read(dir.resolve("derived/stratus_all_detonations.ndjson"));
        report("stratus derived Records", records.report());
        report("stratus derived NDJSON", lines.report());
        assertEquals(List.of(), records.errors());
        assertEquals(List.of(), lines.errors());
        assertEquals(byEventId(fromArrays), byEventId(records.events()), "three shapes, the same events");
        assertEquals(byEventId(fromArrays), byEventId(lines.events()));

        assertEquals(308, fromArrays.stream().filter(e -> e.userAgent().contains("stratus-red-team")).count(),
                "the detonations label themselves in the user agent");
        ApiCall stop = only(fromArrays, "StopLogging");
        assertEquals("cloudtrail.amazonaws.com", stop.eventSource());
        assertEquals("86.245.153.234", stop.sourceIpAddress());
        assertEquals("143434273843", stop.accountId());
        assertEquals(PrincipalType.IAM_USER, stop.principal().type());
        assertEquals("christophe", stop.principal().userName());
        assertEquals(List.of(new AwsResource(AwsResource.CLOUDTRAIL_TRAIL, "stratus-red-team-ct-stop-trail-buykxbqejv",
                null, Action.DELETED)), stop.resources());

        ApiCall created = only(fromArrays, "CreateUser");
        assertEquals(List.of(new AwsResource(AwsResource.IAM_USER, "malicious-iam-user",
                "arn:aws:iam::229654561268:user/malicious-iam-user", Action.CREATED)), created.resources());
        List<AwsResource> keys = fromArrays.stream().filter(e -> e.eventName().equals("CreateAccessKey"))
                .flatMap(e -> e.resources().stream()).toList();
        assertTrue(keys.contains(new AwsResource(AwsResource.IAM_ACCESS_KEY, "AKIAXAFZN8JEPF6L682H", null,
                Action.CREATED)), keys::toString);
        assertTrue(keys.contains(new AwsResource(AwsResource.IAM_USER, "malicious-iam-user", null, Action.TOUCHED)),
                "the backdoored user");
        ApiCall run = only(fromArrays, "RunInstances");
        assertEquals("Client.UnauthorizedOperation", run.errorCode());
        assertFalse(run.isSuccess());

        // the anonymiser wrote addresses that are not addresses: the events stay, without an address
        List<ApiCall> padded = fromArrays.stream().filter(e -> e.sourceIpAddress() == null).toList();
        assertTrue(padded.size() > 50, "zero-padded octets such as 253.252.51.07: " + padded.size());
        assertTrue(padded.stream().allMatch(e -> e.sourceService() == null));
        ApiCall login = only(fromArrays, "ConsoleLogin");
        assertNull(login.sourceIpAddress(), "225.01.00.16 is not a valid literal");
        assertEquals(Boolean.FALSE, login.principal().mfaAuthenticated(), "console-login-without-mfa");
    }

    /** The fields read by the byte-level cursor agree with Jackson's tree of the same lines, event by event. */
    @Test
    void stratusFieldsAgreeWithJackson() throws IOException {
        Path file = SharedData.require("stratus-red-team-detonation-logs").resolve("derived/stratus_all_detonations.ndjson");
        List<ApiCall> events = read(file).events();
        List<String> lines = Files.readAllLines(file);
        assertEquals(lines.size(), events.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode tree = JSON.readTree(lines.get(i));
            ApiCall call = events.get(i);
            JsonNode identity = tree.path("userIdentity");
            assertEquals(java.time.Instant.parse(tree.path("eventTime").asText()), call.eventTime());
            assertEquals(tree.path("eventName").asText(), call.eventName());
            assertEquals(tree.path("eventSource").asText(), call.eventSource());
            assertEquals(tree.path("eventID").asText(), call.eventId());
            assertEquals(tree.path("awsRegion").asText(), call.region());
            assertEquals(tree.path("userAgent").asText(), call.userAgent());
            assertEquals(tree.path("recipientAccountId").asText(), call.accountId());
            assertEquals(tree.path("errorCode").asText(null), call.errorCode());
            assertEquals(tree.path("errorMessage").asText(null), call.errorMessage());
            assertEquals(identity.path("type").asText(), call.principal().type().cloudTrailName());
            assertEquals(identity.path("principalId").asText(null), call.principal().principalId());
            assertEquals(identity.path("arn").asText(null), call.principal().arn());
            assertEquals(identity.path("accessKeyId").asText(null), call.principal().accessKeyId());
            assertEquals(identity.path("sessionContext").path("sessionIssuer").path("arn").asText(null),
                    call.principal().sessionIssuer() == null ? null : call.principal().sessionIssuer().arn());
        }
    }

    @Test
    void pantherDerivedCloudTrailEvents() {
        Path dir = SharedData.require("panther-analysis-test-events");
        Result lines = read(dir.resolve("derived/panther_cloudtrail_events.ndjson"));
        Result records = read(dir.resolve("derived/panther_cloudtrail_records.json"));
        report("panther derived NDJSON", lines.report());
        report("panther derived Records", records.report());
        for (Result result : List.of(lines, records)) {
            assertEquals(418, result.report().recordsRead());
            result.assertBalanced();
            // the README says so: one event has "..." for its time, another "redacted"; nothing else is an error
            assertEquals(Set.of("eventTime '...' is not an ISO-8601 time such as '2026-11-20T03:12:45Z'",
                    "eventTime 'redacted' is not an ISO-8601 time such as '2026-11-20T03:12:45Z'"),
                    result.errors().stream().map(ParseError::reason).collect(Collectors.toSet()));
            assertEquals(2, result.report().errors());
        }
        assertEquals(lines.events(), records.events(), "the same events in the same order, whatever the shape");
        assertEquals(lines.report().skipped(), records.report().skipped());

        List<ApiCall> events = lines.events();
        ApiCall stop = events.stream().filter(e -> e.eventName().equals("StopLogging")).findFirst().orElseThrow();
        assertEquals(AwsResource.CLOUDTRAIL_TRAIL, stop.resources().get(0).type());
        assertEquals(Action.DELETED, stop.resources().get(0).action());
        assertTrue(events.stream().anyMatch(e -> e.eventName().equals("ConsoleLogin") && !e.isSuccess()
                && "Failure".equals(e.errorMessage())), "a failed sign-in without error fields is still a failure");
        assertTrue(events.stream().anyMatch(e -> "AWS Internal".equals(e.sourceService())));
        assertTrue(events.stream().anyMatch(e -> e.eventTime().toString().equals("2022-09-25T16:16:37Z")),
                "Panther's '2022-09-25 16:16:37' read as UTC");
        // a launch names its instance and the interface it was given, for flow records that name only the latter
        ApiCall run = events.stream().filter(e -> "01f39d3b-4a26-4045-bb36-1e57b7d07997".equals(e.eventId()))
                .findFirst().orElseThrow();
        assertEquals(List.of(new AwsResource(AwsResource.EC2_INSTANCE, "i-0690cd354a0c3850c", null, Action.CREATED),
                new AwsResource(AwsResource.EC2_NETWORK_INTERFACE, "eni-0f4e4d2d71627dd38", null, Action.TOUCHED)),
                run.resources());
    }

    @Test
    void pantherRuleTestCasesUnwrapped() throws IOException {
        Path file = SharedData.require("panther-analysis-test-events").resolve("panther_tests_cloudtrail.jsonl");
        Result wrapped = read(file);
        assertEquals(0, wrapped.report().recordsRead(), "a rule test case is not a CloudTrail event");
        assertEquals(1, wrapped.report().errors(), "so the file is of no format the reader knows");

        // feed what the test cases hold: the CloudTrail event in "log", one per line
        List<JsonNode> logs = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            JsonNode log = JSON.readTree(line).get("log");
            logs.add(log);
            lines.append(JSON.writeValueAsString(log)).append('\n');
        }
        Result result = read(new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)), "logs");
        report("panther rule test logs", result.report());
        assertEquals(475, result.report().recordsRead());
        result.assertBalanced();
        // the errors are exactly the logs the README calls partial or odd (no CloudTrail-shaped time, name or
        // source), except those that are not management events and are skipped before anything is required
        Set<Long> expected = new TreeSet<>();
        for (int i = 0; i < logs.size(); i++) {
            JsonNode log = logs.get(i);
            boolean wellFormed = log.path("eventTime").isTextual()
                    && log.path("eventTime").asText().matches("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d.*")
                    && !log.path("eventName").asText("").isBlank() && !log.path("eventSource").asText("").isBlank();
            boolean notManagement = log.path("eventCategory").asText("").equals("Data")
                    || log.path("eventCategory").asText("").equals("NetworkActivity")
                    || log.path("eventType").asText("").equals("AwsVpceEvent")
                    || (log.path("managementEvent").isBoolean() && !log.path("managementEvent").asBoolean()
                            && log.path("eventType").asText("").equals("AwsApiCall"));
            if (!wellFormed && !notManagement) {
                expected.add(i + 1L);
            }
        }
        assertEquals(expected, result.errors().stream().map(ParseError::record).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(30, expected.size());
        for (ParseError error : result.errors()) {
            assertEquals(error.record(), error.line(), "one record per line");
        }
    }

    @Test
    void cloudTrailUserGuideExamples() {
        Path dir = SharedData.require("cloudtrail-aws-docs-examples").resolve("extracted");
        Result all = read(dir);
        report("CloudTrail User Guide examples", all.report());
        assertEquals(List.of(), all.errors());
        all.assertBalanced();
        assertEquals(2, all.report().skipped(CloudTrailFormat.SKIP_DIGEST), "the normal and the empty digest");
        assertEquals(5, all.report().skipped(CloudTrailFormat.SKIP_INSIGHT),
                "a start/end pair in a log file, one event, and a start/end pair in lookup-events output");
        // the extraction's own index, and snippets that are no event (four userIdentity elements, one
        // insightDetails element), are not CloudTrail
        assertEquals(6, all.report().skipped("input.unrecognized"));
        assertEquals(17, all.events().size());

        ApiCall mfaLogin = read(dir.resolve("cloudtrail-event-reference-aws-console-sign-in-events__02.json")).only();
        assertEquals("ConsoleLogin", mfaLogin.eventName());
        assertEquals(Boolean.TRUE, mfaLogin.principal().mfaAuthenticated());
        Result failed = read(dir.resolve("cloudtrail-event-reference-aws-console-sign-in-events__03.json"));
        assertFalse(failed.only().isSuccess());
        assertEquals("Failed authentication", failed.only().errorMessage());
        ApiCall root = read(dir.resolve("cloudtrail-event-reference-aws-console-sign-in-events__06.json")).only();
        assertEquals(PrincipalType.ROOT, root.principal().type());
        ApiCall rotate = read(dir.resolve("non-api-aws-service-events__01.json")).only();
        assertEquals("AwsServiceEvent", rotate.eventType());
        assertEquals("AWS Internal", rotate.sourceService());
        Result createUser = read(dir.resolve("cloudtrail-log-file-examples__04.json"));
        ApiCall user = createUser.event("CreateUser");
        assertEquals(AwsResource.IAM_USER, user.resources().get(0).type());
        assertEquals(Action.CREATED, user.resources().get(0).action());
        ApiCall error = read(dir.resolve("cloudtrail-log-file-examples__06.json")).only();
        assertEquals("TrailNotFoundException", error.errorCode());
        assertEquals(List.of(new AwsResource(AwsResource.CLOUDTRAIL_TRAIL, "myTrail2", null, Action.TOUCHED)),
                error.resources(), "a failed UpdateTrail touched the trail it named");
    }

    @Test
    void cloudTrailProcessingLibraryFixtures() throws IOException {
        Path dir = SharedData.require("aws-cloudtrail-processing-library-fixtures");
        Result pretty = read(dir.resolve("SerializerTestFile.json"));
        Result compact = read(dir.resolve("SerializerTestFileCompact.json"));
        Result gzipped = read(dir.resolve("SerializerTestFileCompact.json.gz"));
        Result spaced = read(dir.resolve("SerializerTestFileLocation.json"));
        for (Result result : List.of(pretty, compact, gzipped, spaced)) {
            assertEquals(List.of(), result.errors());
            assertEquals(6, result.events().size());
        }
        assertEquals(pretty.events(), compact.events());
        assertEquals(pretty.events(), gzipped.events());
        assertEquals(pretty.events(), spaced.events());
        ApiCall first = pretty.events().get(0);
        assertEquals("eventName1", first.eventName());
        assertEquals("eventSource1", first.eventSource());
        assertEquals("userIdentityPrincipalId1", first.principal().principalId());
        assertEquals(PrincipalType.UNKNOWN, first.principal().type(), "'userIdentityType1' is no CloudTrail type");
        assertNull(first.accountId(), "'recipientAccountId1' is a placeholder, not an account id");
        assertNull(first.principal().accountId());
        assertEquals("errorCode1", first.errorCode());

        for (String name : List.of("SerializerTestFileNewFieldsInRoot.json",
                "SerializerTestFileNewFieldsInUserIdentity.json", "SerializerTestFileNewFieldAtRandomPlaces.json")) {
            Result result = read(dir.resolve(name));
            assertEquals(List.of(), result.errors(), name);
            assertEquals(2, result.events().size(), name + ": unknown fields are passed over");
        }
        Result various = read(dir.resolve("SerializerVariousUserIdentityTestFile.json"));
        assertEquals(List.of(), various.errors());
        assertEquals(1, various.events().size());

        // broken on purpose: the good records still come through, the bad ones are reported
        Result missing = read(dir.resolve("SerializerTestFileMissField.json"));
        assertEquals(3, missing.events().size());
        assertEquals(List.of("eventTime 'ThisIsAWrongEventTime' is not an ISO-8601 time such as '2026-11-20T03:12:45Z'"),
                missing.errors().stream().map(ParseError::reason).toList());
        assertEquals(4, missing.errors().get(0).record());
        for (String name : List.of("SerializerTestFileBadFieldName.json", "SerializerTestFileNewFieldName.json",
                "SerializerAllFieldsNull.json")) {
            Result result = read(dir.resolve(name));
            assertEquals(1, result.events().size(), name);
            assertEquals("eventName2", result.events().get(0).eventName(), name);
            assertEquals(1, result.errors().size(), name);
            assertEquals(1, result.errors().get(0).record(), name);
            assertEquals(3, result.errors().get(0).line(), name);
            assertEquals("record has no eventTime, eventSource, eventName", result.errors().get(0).reason(), name);
            result.assertBalanced();
        }
        // invalid JSON inside the first record of a pretty-printed file: records cannot be told apart past it
        Result broken = read(dir.resolve("SerializerTestFileBadJsonFormat.json"));
        assertEquals(List.of(), broken.events());
        assertEquals(1, broken.errors().size());
        assertTrue(broken.errors().get(0).reason().endsWith("expected a field name in double quotes, found '{'"
                + " at line 37, column 9"), broken.errors().get(0).reason());

        // SNS-in-SQS delivery notifications name log files and hold no events; LICENSE, NOTICE, README neither
        Result all = read(dir);
        report("CloudTrail Processing Library fixtures", all.report());
        assertEquals(5, all.report().skipped("input.unrecognized"));
        assertEquals(5, all.report().errors(), "the four records broken on purpose, and the invalid JSON file");
        assertEquals(37, all.events().size());
        all.assertBalanced();
    }

    private static ApiCall only(List<ApiCall> events, String eventName) {
        List<ApiCall> found = events.stream().filter(e -> e.eventName().equals(eventName)).toList();
        assertEquals(1, found.size(), eventName);
        return found.get(0);
    }

}
