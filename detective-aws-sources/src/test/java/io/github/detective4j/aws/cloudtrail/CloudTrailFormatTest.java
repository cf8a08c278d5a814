package io.github.detective4j.aws.cloudtrail;

import static io.github.detective4j.aws.cloudtrail.CloudTrailTesting.fixture;
import static io.github.detective4j.aws.cloudtrail.CloudTrailTesting.fixtureBytes;
import static io.github.detective4j.aws.cloudtrail.CloudTrailTesting.read;
import static io.github.detective4j.aws.cloudtrail.CloudTrailTesting.readText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.ParseError;
import io.github.detective4j.aws.cloudtrail.CloudTrailTesting.Result;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.AwsResource.Action;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudTrailFormatTest {

    // ---- shapes ----

    /** The three events of records-pretty.json, whatever shape carries them. */
    private static void assertThreeDocsEvents(Result result) {
        assertEquals(List.of(), result.errors());
        assertEquals(3, result.report().recordsRead());
        result.assertBalanced();
        ApiCall start = result.event("StartInstances");
        assertEquals(Instant.parse("2023-07-19T21:17:28Z"), start.eventTime());
        assertEquals("e755e09c-42f9-4c5c-9064-EXAMPLE228c7", start.eventId());
        assertEquals("111122223333", start.accountId());
        assertEquals("us-east-1", start.region());
        assertEquals("ec2.amazonaws.com", start.eventSource());
        assertEquals("ec2", start.service());
        assertEquals("192.0.2.0", start.sourceIpAddress());
        assertNull(start.sourceService());
        assertTrue(start.userAgent().startsWith("aws-cli/2.13.5 Python/3.11.4"));
        assertEquals("AwsApiCall", start.eventType());
        assertEquals(Boolean.FALSE, start.readOnly());
        assertTrue(start.isSuccess());
        Principal mateo = start.principal();
        assertEquals(PrincipalType.IAM_USER, mateo.type());
        assertEquals("AIDACKCEVSQ6C2EXAMPLE", mateo.principalId());
        assertEquals("arn:aws:iam::111122223333:user/Mateo", mateo.arn());
        assertEquals("Mateo", mateo.userName());
        assertEquals("AKIAIOSFODNN7EXAMPLE", mateo.accessKeyId());
        assertEquals(Optional.of(EntityRef.user("AIDACKCEVSQ6C2EXAMPLE")), mateo.entity());
        assertEquals(List.of(new AwsResource(AwsResource.EC2_INSTANCE, "i-EXAMPLE56f5a5a2b7", null, Action.TOUCHED)),
                start.resources());

        assertEquals("2001:db8::1", result.event("StopInstances").sourceIpAddress(), "IPv6 in canonical form");

        ApiCall list = result.event("ListUsers");
        assertNull(list.sourceIpAddress());
        assertEquals("ec2.amazonaws.com", list.sourceService());
        assertEquals(Boolean.TRUE, list.readOnly());
        Principal role = list.principal();
        assertEquals(PrincipalType.ASSUMED_ROLE, role.type());
        assertEquals(Boolean.TRUE, role.mfaAuthenticated());
        assertEquals("ASIAIOSFODNN7EXAMPLE", role.accessKeyId());
        assertEquals(new Principal.SessionIssuer("Role", "AROAIDPPEZS35WEXAMPLE",
                "arn:aws:iam::111122223333:role/RoleToBeAssumed", "111122223333", "RoleToBeAssumed"),
                role.sessionIssuer());
        assertEquals(Optional.of(EntityRef.roleSession("AROAIDPPEZS35WEXAMPLE", "AssumedRoleSessionName")),
                role.entity());
        assertEquals(Optional.of(EntityRef.role("AROAIDPPEZS35WEXAMPLE")), role.role());
    }

    @Test
    void readsRecordsFilePrettyPrinted() {
        Result result = fixture("records-pretty.json");
        assertThreeDocsEvents(result);
        assertEquals(List.of("StartInstances", "StopInstances", "ListUsers"),
                result.events().stream().map(ApiCall::eventName).toList(), "in file order");
    }

    @Test
    void readsRecordsFileCompact() {
        assertThreeDocsEvents(fixture("records-compact.json"));
    }

    @Test
    void readsBareArray() {
        assertThreeDocsEvents(fixture("bare-array.json"));
    }

    @Test
    void readsOneEventPerLine() {
        assertThreeDocsEvents(fixture("events.ndjson"));
    }

    @Test
    void readsOneEventPerLineWithCrLfAndBlankLinesAndByteOrderMark() {
        String lines = new String(fixtureBytes("events.ndjson"), StandardCharsets.UTF_8).replace("\n", "\r\n\r\n");
        assertThreeDocsEvents(readText("\uFEFF" + lines));
    }

    @Test
    void readsGzipThroughTheReader() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(fixtureBytes("records-compact.json"));
        }
        Result result = read(new ByteArrayInputStream(zipped.toByteArray()),
                "111122223333_CloudTrail_us-east-1_20230719T2130Z_Mu0KsOhtH1ar15ZZ.json.gz");
        assertThreeDocsEvents(result);
        assertEquals(fixtureBytes("records-compact.json").length, result.report().bytesRead(),
                "the reader counts decompressed bytes");
    }

    @Test
    void readsADirectoryTreeAsCloudTrailDeliversIt(@TempDir Path dir) throws IOException {
        Path day = Files.createDirectories(dir.resolve("AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20"));
        Path digests = Files.createDirectories(dir.resolve("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/20"));
        try (GZIPOutputStream gzip = new GZIPOutputStream(
                Files.newOutputStream(day.resolve("111122223333_CloudTrail_us-east-1_20261120T0315Z_a.json.gz")))) {
            gzip.write(fixtureBytes("records-compact.json"));
        }
        Files.write(day.resolve("111122223333_CloudTrail_us-east-1_20261120T0320Z_b.json"),
                fixtureBytes("stop-logging.json"));
        Files.write(digests.resolve("111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20261120T0401Z.json"),
                fixtureBytes("digest.json"));
        Result result = read(dir);
        assertEquals(3, result.report().inputs());
        assertEquals(5, result.report().recordsRead());
        assertEquals(4, result.events().size());
        assertEquals(1, result.report().skipped(CloudTrailFormat.SKIP_DIGEST));
        assertEquals(List.of(), result.errors());
        result.assertBalanced();
    }

    @Test
    void readsEventBridgeApiCall() {
        Result result = fixture("eventbridge-api-call.json");
        assertEquals(List.of(), result.errors());
        ApiCall stop = result.only();
        assertEquals("StopLogging", stop.eventName());
        assertEquals(Instant.parse("2026-11-20T03:12:45Z"), stop.eventTime());
        assertEquals("111122223333", stop.accountId(), "the envelope's account stands in for recipientAccountId");
        assertEquals("198.51.100.7", stop.sourceIpAddress());
        assertEquals("aws-cli/1.16.300 Python/3.6.0 Windows/10 botocore/1.13.36", stop.userAgent());
        assertEquals(List.of(new AwsResource(AwsResource.CLOUDTRAIL_TRAIL, "management-events",
                "arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events", Action.DELETED)),
                stop.resources());
    }

    @Test
    void readsEventBridgeConsoleSignIn() {
        ApiCall login = fixture("eventbridge-console-signin.json").only();
        assertEquals("ConsoleLogin", login.eventName());
        assertEquals("AwsConsoleSignIn", login.eventType());
        assertEquals(PrincipalType.ROOT, login.principal().type());
        assertEquals(Optional.of(EntityRef.user("111122223333")), login.principal().entity());
        assertNull(login.principal().accessKeyId(), "CloudTrail's empty accessKeyId is no key");
        assertEquals(Boolean.TRUE, login.principal().mfaAuthenticated(), "from additionalEventData.MFAUsed");
        assertTrue(login.isSuccess());
        assertEquals("203.0.113.12", login.sourceIpAddress());
    }

    @Test
    void readsEventBridgeEnvelopesInAnArrayAndOnePerLineAndSkipsOtherDetailTypes() {
        for (String name : List.of("eventbridge-array.json", "eventbridge.ndjson")) {
            Result result = fixture(name);
            assertEquals(List.of(), result.errors(), name);
            assertEquals(List.of("StopLogging", "ConsoleLogin"),
                    result.events().stream().map(ApiCall::eventName).toList(), name);
            assertEquals(1, result.report().skipped(CloudTrailFormat.SKIP_OTHER_EVENTBRIDGE),
                    name + ": the GuardDuty finding is not CloudTrail's");
            result.assertBalanced();
        }
    }

    @Test
    void readsCloudWatchLogsSubscriptionPayloadsWrittenBackToBack() {
        Result result = fixture("cloudwatch-firehose.json");
        assertEquals(List.of(), result.errors());
        assertEquals(List.of("StartInstances", "StopInstances"),
                result.events().stream().map(ApiCall::eventName).toList());
        assertEquals(1, result.report().skipped(CloudTrailFormat.SKIP_CWL_CONTROL));
        assertEquals("AIDACKCEVSQ6C2EXAMPLE", result.event("StartInstances").principal().principalId());
        result.assertBalanced();
    }

    @Test
    void readsCloudWatchLogsFilterLogEventsOutput() {
        ApiCall call = fixture("filter-log-events.json").only();
        assertEquals("ListUsers", call.eventName());
        assertEquals("ec2.amazonaws.com", call.sourceService());
    }

    @Test
    void readsMessageWrappedEventsOnePerLine() {
        String line1 = "{\"message\":" + quoteJson(new String(fixtureBytes("console-login-success.json"),
                StandardCharsets.UTF_8).replace("\n", "")) + "}";
        String line2 = "{\"message\":\"{\\\"eventVersion\\\": broken\"}";
        Result result = readText(line1 + "\n" + line2 + "\n");
        assertEquals("ConsoleLogin", result.only().eventName());
        assertEquals(1, result.errors().size());
        ParseError error = result.errors().get(0);
        assertEquals(2, error.line());
        assertEquals(2, error.record());
        assertTrue(error.reason().startsWith("message does not hold valid JSON"), error.reason());
    }

    @Test
    void readsLookupEventsOutput() {
        ApiCall created = fixture("lookup-events.json").only();
        assertEquals("CreateUser", created.eventName());
        assertEquals(List.of(new AwsResource(AwsResource.IAM_USER, "backdoor-admin",
                "arn:aws:iam::111122223333:user/backdoor-admin", Action.CREATED)), created.resources());
    }

    // ---- records that are not API calls ----

    @Test
    void skipsDigestFiles() {
        Result result = fixture("digest.json");
        assertEquals(1, result.report().recordsRead());
        assertEquals(1, result.report().skipped(CloudTrailFormat.SKIP_DIGEST));
        assertEquals(List.of(), result.events());
        assertEquals(List.of(), result.errors());
    }

    @Test
    void skipsInsightsEvents() {
        Result result = fixture("insight.json");
        assertEquals(2, result.report().recordsRead());
        assertEquals(2, result.report().skipped(CloudTrailFormat.SKIP_INSIGHT));
        assertEquals(List.of(), result.errors());
    }

    @Test
    void skipsDataAndNetworkActivityEvents() {
        Result result = fixture("data-events.json");
        assertEquals(3, result.report().recordsRead());
        assertEquals(2, result.report().skipped(CloudTrailFormat.SKIP_DATA_EVENT),
                "eventCategory Data, and managementEvent false without a category");
        assertEquals(1, result.report().skipped(CloudTrailFormat.SKIP_NETWORK_ACTIVITY));
        assertEquals(List.of(), result.events());
        assertEquals(List.of(), result.errors());
    }

    /** A bad escape in a field the reader reads costs its record only, in a document of records as on a line. */
    @Test
    void aBadEscapeCostsOnlyItsRecord() {
        String record = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":"
                + "\"AIDAEXAMPLEUSER1\",\"accountId\":\"111122223333\",\"userName\":\"alice\"},\"eventTime\":"
                + "\"2026-11-20T03:00:00Z\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"%s\",\"awsRegion\":"
                + "\"us-east-1\",\"sourceIPAddress\":\"203.0.113.7\",\"userAgent\":\"%s\",\"eventID\":\"%s\","
                + "\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\"}";
        String good1 = String.format(record, "ListUsers", "aws-cli/2.0", "e1");
        String bad = String.format(record, "GetUser", "aws-cli/2.0 \\q", "e2");
        String good2 = String.format(record, "ListRoles", "aws-cli/2.0", "e3");
        for (String text : List.of("{\"Records\":[" + good1 + ",\n" + bad + ",\n" + good2 + "]}",
                good1 + "\n" + bad + "\n" + good2 + "\n")) {
            Result result = readText(text);
            assertEquals(List.of("ListUsers", "ListRoles"), result.events().stream().map(ApiCall::eventName).toList(),
                    result.errors()::toString);
            assertEquals(1, result.errors().size(), result.errors()::toString);
            assertEquals(2, result.errors().get(0).line());
            assertTrue(result.errors().get(0).reason().contains("a backslash before 'q' in a string"),
                    result.errors()::toString);
        }
    }

    /** The {@code Role} identity type of the CloudTrail User Guide: the role's own entity acts, not nobody. */
    @Test
    void aRoleIdentityActsAsItsRole() {
        Result result = readText("{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"Role\",\"principalId\":"
                + "\"AROAIDPPEZS35WEXAMPLE\",\"arn\":\"arn:aws:iam::123456789012:role/Admin\",\"accountId\":"
                + "\"123456789012\"},\"eventTime\":\"2024-03-01T10:00:00Z\",\"eventSource\":\"iam.amazonaws.com\","
                + "\"eventName\":\"CreateUser\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.5\","
                + "\"userAgent\":\"aws-cli/2.15.0\",\"requestParameters\":{\"userName\":\"bob\"},"
                + "\"eventID\":\"5a4c7e6f-EXAMPLE\",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"123456789012\"}");
        ApiCall call = result.only();
        assertEquals(PrincipalType.ROLE, call.principal().type());
        assertEquals(java.util.Optional.of(io.github.detective4j.model.EntityRef.role("AROAIDPPEZS35WEXAMPLE")),
                call.principal().entity());
    }

    @Test
    void keepsServiceEvents() {
        String json = "{\"eventVersion\":\"1.05\",\"userIdentity\":{\"accountId\":\"123456789012\","
                + "\"invokedBy\":\"AWS Internal\"},\"eventTime\":\"2019-06-02T00:06:08Z\",\"eventSource\":"
                + "\"kms.amazonaws.com\",\"eventName\":\"RotateKey\",\"awsRegion\":\"us-east-2\",\"sourceIPAddress\":"
                + "\"AWS Internal\",\"userAgent\":\"AWS Internal\",\"requestParameters\":null,\"responseElements\":null,"
                + "\"eventID\":\"234f004b-EXAMPLE\",\"readOnly\":false,\"resources\":[{\"ARN\":"
                + "\"arn:aws:kms:us-east-2:123456789012:key/7944f0ec-EXAMPLE\",\"accountId\":\"123456789012\",\"type\":"
                + "\"AWS::KMS::Key\"}],\"eventType\":\"AwsServiceEvent\",\"recipientAccountId\":\"123456789012\"}";
        Result result = readText(json);
        ApiCall rotate = result.only();
        assertEquals("AwsServiceEvent", rotate.eventType());
        assertEquals(PrincipalType.UNKNOWN, rotate.principal().type(), "CloudTrail gave no type");
        assertEquals("AWS Internal", rotate.principal().invokedBy());
        assertEquals("AWS Internal", rotate.sourceService());
        // "For events originated by AWS, this field is usually AWS Internal/#, where # is a number used for internal
        // purposes": the same source
        ApiCall numbered = readText(json.replace("\"sourceIPAddress\":\"AWS Internal\"",
                "\"sourceIPAddress\":\"AWS Internal/3\"")).only();
        assertEquals("AWS Internal", numbered.sourceService());
        assertNull(numbered.sourceIpAddress());
        assertEquals(List.of(new AwsResource("AWS::KMS::Key", "7944f0ec-EXAMPLE",
                "arn:aws:kms:us-east-2:123456789012:key/7944f0ec-EXAMPLE", Action.TOUCHED)), rotate.resources());
    }

    // ---- userIdentity ----

    @Test
    void mapsEveryUserIdentityType() {
        Result result = fixture("user-identities.json");
        assertEquals(List.of(), result.errors());
        List<ApiCall> events = result.events();
        assertEquals(List.of(PrincipalType.ROOT, PrincipalType.IAM_USER, PrincipalType.ASSUMED_ROLE,
                PrincipalType.FEDERATED_USER, PrincipalType.WEB_IDENTITY_USER, PrincipalType.SAML_USER,
                PrincipalType.AWS_SERVICE, PrincipalType.AWS_ACCOUNT, PrincipalType.IDENTITY_CENTER_USER,
                PrincipalType.UNKNOWN), events.stream().map(e -> e.principal().type()).toList());

        Principal root = events.get(0).principal();
        assertEquals("my-account-alias", root.userName());
        assertEquals(Optional.of(EntityRef.user("111122223333")), root.entity());

        Principal alice = events.get(1).principal();
        assertEquals("signin.amazonaws.com", alice.invokedBy());
        assertEquals(Boolean.TRUE, alice.mfaAuthenticated());
        assertNull(alice.accessKeyId());
        assertEquals("signin.amazonaws.com", events.get(1).sourceService());

        Principal session = events.get(2).principal();
        assertEquals(Boolean.FALSE, session.mfaAuthenticated());
        assertEquals("cloudformation.amazonaws.com", session.invokedBy());
        assertEquals("RoleToBeAssumed", session.sessionIssuer().userName());

        Principal bob = events.get(3).principal();
        assertEquals(Optional.of(EntityRef.federatedUser("111122223333:Bob")), bob.entity());
        assertEquals("IAMUser", bob.sessionIssuer().type());
        assertEquals("arn:aws:iam::111122223333:user/Alice", bob.sessionIssuer().arn());

        Principal web = events.get(4).principal();
        assertEquals("accounts.google.com", web.identityProvider());
        assertEquals("user-id", web.userName());
        assertEquals(Optional.of(EntityRef.federatedUser("accounts.google.com:user-id")), web.entity());

        Principal saml = events.get(5).principal();
        assertEquals("bdGOnTesti4+ExamplexL/jEvs=", saml.identityProvider());
        assertEquals(Optional.of(EntityRef.federatedUser("bdGOnTesti4+ExamplexL/jEvs=:SamlExample")), saml.entity());

        Principal service = events.get(6).principal();
        assertEquals("cloudtrail.amazonaws.com", service.invokedBy());
        assertEquals(Optional.empty(), service.entity());

        Principal account = events.get(7).principal();
        assertEquals("777788889999", account.accountId());
        assertEquals(Optional.of(EntityRef.account("777788889999")), account.entity());

        Principal center = events.get(8).principal();
        assertEquals("544894e8-80c1-707f-60e3-3ba6510dfac1", center.principalId(), "named by onBehalfOf.userId");
        assertEquals(Optional.of(EntityRef.federatedUser("544894e8-80c1-707f-60e3-3ba6510dfac1")), center.entity());

        Principal unknown = events.get(9).principal();
        assertEquals("alice@example.com", unknown.userName());
        assertEquals(Optional.empty(), unknown.entity());
    }

    @Test
    void eventWithoutUserIdentityHasAnUnknownPrincipal() {
        ApiCall call = readText("{\"eventTime\":\"2026-11-20T03:00:00Z\",\"eventSource\":\"ec2.amazonaws.com\","
                + "\"eventName\":\"DescribeInstances\",\"sourceIPAddress\":\"1.2.3.4\"}").only();
        assertEquals(PrincipalType.UNKNOWN, call.principal().type());
        assertNull(call.principal().principalId());
    }

    // ---- sourceIPAddress, account ids, times ----

    @Test
    void keepsEventsWhoseAddressOrAccountIsNotOne() {
        Result result = readText(String.join("\n",
                event("\"sourceIPAddress\":\"035.249.253.232\",\"recipientAccountId\":\"xxx\""),
                event("\"sourceIPAddress\":\"1.2.3.999\",\"recipientAccountId\":\"123456789012\""),
                event("\"sourceIPAddress\":\"<Victim source IP>\""),
                event("\"sourceIPAddress\":\"AWS Internal\""),
                event("\"sourceIPAddress\":\"::ffff:104.16.1.42\"")));
        assertEquals(List.of(), result.errors());
        List<ApiCall> events = result.events();
        assertEquals(5, events.size());
        assertNull(events.get(0).sourceIpAddress());
        assertNull(events.get(0).sourceService());
        assertNull(events.get(0).accountId());
        assertNull(events.get(1).sourceIpAddress());
        assertNull(events.get(1).sourceService());
        assertEquals("123456789012", events.get(1).accountId());
        assertNull(events.get(2).sourceIpAddress());
        assertNull(events.get(2).sourceService());
        assertEquals("AWS Internal", events.get(3).sourceService());
        assertEquals("104.16.1.42", events.get(4).sourceIpAddress(), "IPv4-mapped IPv6 is the IPv4 address");
    }

    @Test
    void readsTimesInOtherForms() {
        Result result = readText(String.join("\n",
                event("\"eventTime\":\"2024-06-03T15:23:22.123Z\""),
                event("\"eventTime\":\"2024-06-03T17:23:22+02:00\""),
                event("\"eventTime\":\"2024-06-03 15:23:22\""),
                event("\"eventTime\":\"2024-06-03 15:23:22.000000000\""),
                event("\"eventTime\":\"2024-02-29T23:59:59Z\"")));
        assertEquals(List.of(), result.errors());
        assertEquals(List.of(Instant.parse("2024-06-03T15:23:22.123Z"), Instant.parse("2024-06-03T15:23:22Z"),
                Instant.parse("2024-06-03T15:23:22Z"), Instant.parse("2024-06-03T15:23:22Z"),
                Instant.parse("2024-02-29T23:59:59Z")), result.events().stream().map(ApiCall::eventTime).toList());
    }

    // ---- resources ----

    @Test
    void runInstancesCreatesInstances() {
        ApiCall run = fixture("run-instances.json").only();
        assertEquals(List.of(
                new AwsResource(AwsResource.EC2_INSTANCE, "i-08a8e40be65425909", null, Action.CREATED),
                new AwsResource(AwsResource.EC2_INSTANCE, "i-0b5e9d0c6a3f21e47", null, Action.CREATED)),
                run.resources());
        assertEquals(Optional.of(EntityRef.ec2Instance("i-08a8e40be65425909")), run.resources().get(0).entity());
        assertEquals("DetectiveDemo-AdminUser", run.principal().userName());
    }

    /** A launch of two: each item names its instance and its interface, which the reader lists in that order. */
    @Test
    void runInstancesOfTwoNamesEachInstanceAndItsInterfaceInOrder() {
        String item = "{\"instanceId\":\"ID\",\"imageId\":\"ami-08e2d37b6a0129927\",\"instanceState\":{\"code\":0,"
                + "\"name\":\"pending\"},\"networkInterfaceSet\":{\"items\":[{\"networkInterfaceId\":\"ENI\","
                + "\"attachment\":{\"deviceIndex\":0,\"status\":\"attaching\"},\"privateIpAddress\":\"10.1.0.14\"}]}}";
        ApiCall run = readText(event("\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"RunInstances\","
                + "\"responseElements\":{\"reservationId\":\"r-0a1b2c3d4e5f67890\",\"instancesSet\":{\"items\":["
                + item.replace("ID", "i-08a8e40be65425909").replace("ENI", "eni-0a1b2c3d4e5f60001") + ","
                + item.replace("ID", "i-0b5e9d0c6a3f21e47").replace("ENI", "eni-0a1b2c3d4e5f60002") + "]}}")).only();
        assertEquals(List.of(
                new AwsResource(AwsResource.EC2_INSTANCE, "i-08a8e40be65425909", null, Action.CREATED),
                new AwsResource(AwsResource.EC2_INSTANCE, "i-0b5e9d0c6a3f21e47", null, Action.CREATED),
                new AwsResource(AwsResource.EC2_NETWORK_INTERFACE, "eni-0a1b2c3d4e5f60001", null, Action.TOUCHED),
                new AwsResource(AwsResource.EC2_NETWORK_INTERFACE, "eni-0a1b2c3d4e5f60002", null, Action.TOUCHED)),
                run.resources());
    }

    /** CloudTrail writes the EC2 query API's parameters: the interface and the instance it goes to. */
    @Test
    void attachNetworkInterfaceNamesTheInstanceAndTheInterface() {
        ApiCall attach = readText(event("\"eventName\":\"AttachNetworkInterface\",\"requestParameters\":"
                + "{\"networkInterfaceId\":\"eni-0a1b2c3d4e5f67890\",\"instanceId\":\"i-08a8e40be65425909\","
                + "\"deviceIndex\":1},\"responseElements\":{\"requestId\":\"5bd3c4a2-0a4e-4a4b-9c1e-7e1f0f2b0a1c\","
                + "\"attachmentId\":\"eni-attach-0f1e2d3c4b5a69788\"}")).only();
        assertEquals(List.of(new AwsResource(AwsResource.EC2_INSTANCE, "i-08a8e40be65425909", null, Action.TOUCHED),
                new AwsResource(AwsResource.EC2_NETWORK_INTERFACE, "eni-0a1b2c3d4e5f67890", null, Action.TOUCHED)),
                attach.resources());
    }

    @Test
    void terminateInstancesDeletesThem() {
        assertEquals(List.of(new AwsResource(AwsResource.EC2_INSTANCE, "i-0b5e9d0c6a3f21e47", null, Action.DELETED)),
                fixture("terminate-instances.json").only().resources());
    }

    @Test
    void assumeRoleTouchesTheRoleAndStartsASession() {
        ApiCall assume = fixture("assume-role.json").only();
        assertEquals(List.of(
                new AwsResource(AwsResource.IAM_ROLE, "JohnRole2", "arn:aws:iam::111111111111:role/JohnRole2",
                        Action.TOUCHED),
                new AwsResource(ResourceRules.ASSUMED_ROLE_SESSION, "AROAIFR7WHDTSOYQYHFUE:Role2WithTags",
                        "arn:aws:sts::111111111111:assumed-role/test-role/Role2WithTags", Action.CREATED)),
                assume.resources(), "the event's own resources entry and the rule's merge into one role");
        assertEquals(PrincipalType.ASSUMED_ROLE, assume.principal().type());
        assertEquals("123.145.67.89", assume.sourceIpAddress());
        assertEquals("111111111111", assume.accountId());
    }

    @Test
    void createUserCreatesTheUser() {
        assertEquals(List.of(new AwsResource(AwsResource.IAM_USER, "backdoor-admin",
                "arn:aws:iam::111122223333:user/backdoor-admin", Action.CREATED)),
                fixture("create-user.json").only().resources());
    }

    @Test
    void createAccessKeyCreatesTheKeyOfItsUser() {
        assertEquals(List.of(
                new AwsResource(AwsResource.IAM_ACCESS_KEY, "AKIAI44QH8DHBEXAMPLE", null, Action.CREATED),
                new AwsResource(AwsResource.IAM_USER, "backdoor-admin", null, Action.TOUCHED)),
                fixture("create-access-key.json").only().resources());
    }

    @Test
    void deleteAccessKeyDeletesTheKey() {
        assertEquals(List.of(
                new AwsResource(AwsResource.IAM_ACCESS_KEY, "AKIAJ45Q7YFFAREXAMPL3", null, Action.DELETED),
                new AwsResource(AwsResource.IAM_USER, "Alice", null, Action.TOUCHED)),
                fixture("delete-access-key.json").only().resources());
    }

    @Test
    void stopLoggingAndDeleteTrailDeleteTheTrailByNameOrArn() {
        assertEquals(List.of(new AwsResource(AwsResource.CLOUDTRAIL_TRAIL, "management-events", null,
                Action.DELETED)), fixture("stop-logging.json").only().resources());
        assertEquals(List.of(new AwsResource(AwsResource.CLOUDTRAIL_TRAIL, "management-events",
                "arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events", Action.DELETED)),
                fixture("delete-trail.json").only().resources());
    }

    @Test
    void createBucketCreatesTheBucket() {
        ApiCall create = fixture("create-bucket.json").only();
        assertEquals(List.of(new AwsResource(AwsResource.S3_BUCKET, "exfil-drop-2026", "arn:aws:s3:::exfil-drop-2026",
                Action.CREATED)), create.resources());
        assertEquals(Optional.of(EntityRef.s3Bucket("exfil-drop-2026")), create.resources().get(0).entity());
    }

    @Test
    void aFailedCallCreatesAndDeletesNothing() {
        ApiCall denied = fixture("delete-user-denied.json").only();
        assertFalse(denied.isSuccess());
        assertEquals("AccessDenied", denied.errorCode());
        assertEquals(List.of(new AwsResource(AwsResource.IAM_USER, "Alice", null, Action.TOUCHED)),
                denied.resources());
    }

    // ---- ConsoleLogin ----

    @Test
    void consoleLoginSuccess() {
        ApiCall login = fixture("console-login-success.json").only();
        assertTrue(login.isSuccess());
        assertEquals("signin.amazonaws.com", login.eventSource());
        assertEquals("JohnDoe", login.principal().userName());
        assertEquals(Boolean.FALSE, login.principal().mfaAuthenticated(), "MFAUsed: No");
        assertNull(login.accountId(), "this documented event has no recipientAccountId");
        assertEquals(List.of(), login.resources());
    }

    @Test
    void consoleLoginFailures() {
        Result result = fixture("console-login-failure.json");
        assertEquals(List.of(), result.errors());
        List<ApiCall> logins = result.events();
        assertEquals(3, logins.size());
        assertTrue(logins.stream().noneMatch(ApiCall::isSuccess));
        assertEquals("Failed authentication", logins.get(0).errorMessage());
        assertEquals("HIDDEN_DUE_TO_SECURITY_REASONS", logins.get(1).principal().userName());
        assertEquals("No username found in supplied account", logins.get(1).errorMessage());
        assertEquals("Failure", logins.get(2).errorMessage(),
                "responseElements.ConsoleLogin Failure without error fields is still a failure");
        assertEquals(Boolean.TRUE, logins.get(2).principal().mfaAuthenticated());
    }

    // ---- broken input ----

    @Test
    void aRecordWithoutEventTimeCostsOnlyItself() {
        Result result = fixture("broken-missing-time.json");
        assertEquals(List.of("StartInstances", "ListUsers"), result.events().stream().map(ApiCall::eventName).toList());
        assertEquals(1, result.errors().size());
        ParseError error = result.errors().get(0);
        assertEquals("broken-missing-time.json", error.source());
        assertEquals(60, error.line(), "the line where the record's '{' is");
        assertEquals(2, error.record());
        assertEquals("record has no eventTime", error.reason());
        result.assertBalanced();
    }

    @Test
    void wrongJsonTypesAreErrorsOfTheirRecords() {
        Result result = fixture("wrong-types.json");
        assertEquals(List.of("StartInstances", "ListUsers"), result.events().stream().map(ApiCall::eventName).toList());
        assertEquals(2, result.errors().size());
        assertEquals(2, result.errors().get(0).record());
        assertEquals("eventTime must be a string, not a number ('1689801260')", result.errors().get(0).reason());
        assertEquals(3, result.errors().get(1).record());
        assertEquals("userIdentity must be an object, not a string ('arn:aws:iam::111122223333:user/Mateo')",
                result.errors().get(1).reason());
        result.assertBalanced();
    }

    @Test
    void aTruncatedFileEndsTheInputButKeepsWhatWasRead() {
        Result result = fixture("truncated.json");
        assertEquals(List.of("StartInstances", "StopInstances"),
                result.events().stream().map(ApiCall::eventName).toList());
        assertEquals(1, result.report().errors());
        ParseError error = result.errors().get(0);
        assertEquals(3, error.record(), "the record being read when the input ended");
        assertTrue(error.reason().startsWith("the input ends inside record 3, cut short after 2 records: "),
                error.reason());
        assertTrue(error.reason().endsWith("expected a field name in double quotes, found the end of the input"
                + " at line 120, column 13"), error.reason());
    }

    @Test
    void aBrokenLineCostsOnlyItself() {
        Result result = fixture("broken.ndjson");
        assertEquals(List.of("StartInstances", "ListUsers", "StopInstances"),
                result.events().stream().map(ApiCall::eventName).toList());
        assertEquals(3, result.errors().size());
        assertEquals(2, result.errors().get(0).line());
        assertEquals(2, result.errors().get(0).record());
        assertEquals("line is not valid JSON: expected a value, found 'o' at column 77",
                result.errors().get(0).reason());
        assertEquals(4, result.errors().get(1).line());
        assertEquals("record has no eventName", result.errors().get(1).reason());
        assertEquals(7, result.errors().get(2).line(), "the blank line 5 is no record");
        assertEquals(6, result.errors().get(2).record());
        assertEquals("line is not valid JSON: line ends inside a field name at column 151", result.errors().get(2).reason());
        result.assertBalanced();
    }

    @Test
    void aLineLongerThanTheBufferIsReadWhole() {
        String longAgent = "x".repeat(200_000);
        String lines = event("\"userAgent\":\"" + longAgent + "\"") + "\n{broken\n" + event("\"eventName\":\"Last\"");
        Result result = readText(event("\"eventName\":\"First\"") + "\n" + lines + "\n");
        assertEquals(List.of("First", "DescribeInstances", "Last"),
                result.events().stream().map(ApiCall::eventName).toList());
        assertEquals(200_000, result.events().get(1).userAgent().length());
        assertEquals(1, result.errors().size());
        assertEquals(3, result.errors().get(0).line());
    }

    @Test
    void recordsThatAreNotObjectsAreErrors() {
        Result result = readText("{\"Records\":[" + event("") + ",42,\"text\",[1]," + event("") + "]}");
        assertEquals(2, result.events().size());
        assertEquals(List.of("a CloudTrail record must be a JSON object, not a number ('42')",
                "a CloudTrail record must be a JSON object, not a string ('text')",
                "a CloudTrail record must be a JSON object, not an array"),
                result.errors().stream().map(ParseError::reason).toList());
        assertEquals(List.of(2L, 3L, 4L), result.errors().stream().map(ParseError::record).toList());
        result.assertBalanced();
    }

    @Test
    void unreadableTimeIsAnErrorNamingTheValue() {
        Result result = readText(event("\"eventTime\":\"ThisIsAWrongEventTime\""));
        assertEquals(List.of(), result.events());
        assertEquals("eventTime 'ThisIsAWrongEventTime' is not an ISO-8601 time such as '2026-11-20T03:12:45Z'",
                result.errors().get(0).reason());
    }

    @Test
    void controlCharactersInErrorsAreEscaped() {
        Result result = readText(event("\"eventTime\":\"2026-11-20\\nFAKE LOG LINE\""));
        String reason = result.errors().get(0).reason();
        assertFalse(reason.contains("\n"), reason);
        assertTrue(reason.contains("\\u000a"), reason);
    }

    @Test
    void aSessionNameWithHalfASurrogatePairKeepsTheCallAndDropsOnlyTheSessionEntity() {
        Result result = readText(event("\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":"
                + "\"AROAIDPPEZS35WEXAMPLE:ci\\ud800x\",\"accountId\":\"111122223333\",\"sessionContext\":"
                + "{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAIDPPEZS35WEXAMPLE\",\"arn\":"
                + "\"arn:aws:iam::111122223333:role/ci\",\"accountId\":\"111122223333\",\"userName\":\"ci\"}}}"));
        assertEquals(List.of(), result.errors());
        Principal principal = result.event("DescribeInstances").principal();
        assertEquals("AROAIDPPEZS35WEXAMPLE:ci\ud800x", principal.principalId(), "kept as logged");
        assertEquals(Optional.empty(), principal.entity());
        assertEquals(Optional.of(EntityRef.role("AROAIDPPEZS35WEXAMPLE")), principal.role());
    }

    @Test
    void oneFormatInstanceReadsManyInputsAtOnce() throws Exception {
        CloudTrailFormat format = new CloudTrailFormat();
        byte[] pretty = fixtureBytes("records-pretty.json");
        byte[] lines = fixtureBytes("broken.ndjson");
        List<java.util.concurrent.Callable<IngestReport>> jobs = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            byte[] bytes = i % 2 == 0 ? pretty : lines;
            jobs.add(() -> io.github.detective4j.aws.AwsLogs.emptyReader().register(format)
                    .errorHandler(e -> { }).build()
                    .read(new ByteArrayInputStream(bytes), "x", e -> { }));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (java.util.concurrent.Future<IngestReport> done : pool.invokeAll(jobs)) {
                IngestReport report = done.get();
                assertTrue(report.eventsProduced() == 3 && (report.errors() == 0 || report.errors() == 3), report::toString);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void fieldsMayComeInAnyOrder() {
        String run = "{\"responseElements\":{\"instancesSet\":{\"items\":[{\"instanceId\":\"i-0abcdef1234567890\"}]}},"
                + "\"requestParameters\":{\"instanceType\":\"t2.micro\"},\"userIdentity\":{\"type\":\"Root\","
                + "\"principalId\":\"111122223333\"},\"eventName\":\"RunInstances\",\"eventTime\":\"2026-11-20T03:00:00Z\","
                + "\"eventSource\":\"ec2.amazonaws.com\"}";
        String login = "{\"additionalEventData\":{\"MFAUsed\":\"Yes\"},\"responseElements\":{\"ConsoleLogin\":\"Failure\"},"
                + "\"eventTime\":\"2026-11-20T03:00:01Z\",\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\","
                + "\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\"}}";
        Result result = readText(run + "\n" + login + "\n");
        assertEquals(List.of(), result.errors());
        assertEquals(List.of(new AwsResource(AwsResource.EC2_INSTANCE, "i-0abcdef1234567890", null, Action.CREATED)),
                result.event("RunInstances").resources(), "responseElements came before eventName said it matters");
        ApiCall failed = result.event("ConsoleLogin");
        assertFalse(failed.isSuccess());
        assertEquals(Boolean.TRUE, failed.principal().mfaAuthenticated());
    }

    /**
     * Console sign-in events other than ConsoleLogin say their failure the same way, in
     * {@code responseElements.<eventName>}, with no error fields: a refused role switch is no success. Before and
     * after eventName both.
     */
    @Test
    void signInEventsThatSayFailureInTheirResponseAreFailures() {
        String switched = "{\"eventTime\":\"2026-11-20T03:00:01Z\",\"eventSource\":\"signin.amazonaws.com\","
                + "\"eventName\":\"SwitchRole\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":"
                + "\"AIDAEXAMPLE\"},\"responseElements\":{\"SwitchRole\":\"Failure\"}}";
        String mfa = "{\"responseElements\":{\"CheckMfa\":\"Failure\"},\"eventTime\":\"2026-11-20T03:00:02Z\","
                + "\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"CheckMfa\",\"userIdentity\":"
                + "{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\"}}";
        String renewed = "{\"eventTime\":\"2026-11-20T03:00:03Z\",\"eventSource\":\"signin.amazonaws.com\","
                + "\"eventName\":\"RenewRole\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":"
                + "\"AIDAEXAMPLE\"},\"responseElements\":{\"RenewRole\":\"Success\"}}";
        Result result = readText(switched + "\n" + mfa + "\n" + renewed + "\n");
        assertEquals(List.of(), result.errors());
        assertFalse(result.event("SwitchRole").isSuccess());
        assertEquals("Failure", result.event("SwitchRole").errorMessage());
        assertFalse(result.event("CheckMfa").isSuccess(), "the result before eventName");
        assertTrue(result.event("RenewRole").isSuccess());
    }

    @Test
    void aStringLongerThanTheLimitIsAnErrorOfItsRecord() throws IOException {
        String text = String.join("\n", event(""), event("\"userAgent\":\"" + "A".repeat(5000) + "\""),
                event("\"eventName\":\"Last\""));
        List<ParseError> errors = new java.util.ArrayList<>();
        List<io.github.detective4j.model.SecurityEvent> events = new java.util.ArrayList<>();
        io.github.detective4j.aws.AwsLogs.emptyReader().register(new CloudTrailFormat()).maxStringLength(1024)
                .errorHandler(errors::add).build()
                .read(new ByteArrayInputStream(("{\"Records\":[" + text.replace("\n", ",") + "]}")
                        .getBytes(StandardCharsets.UTF_8)), "long.json", events::add);
        assertEquals(2, events.size());
        assertEquals(1, errors.size());
        assertEquals("userAgent is longer than 1024 characters", errors.get(0).reason());
        assertEquals(2, errors.get(0).record());
    }

    @Test
    void nestingDeeperThanTheLimitIsAnErrorOfItsRecord() throws IOException {
        String deep = "\"requestParameters\":" + "{\"a\":".repeat(30) + "1" + "}".repeat(30);
        String json = "{\"Records\":[" + event("") + "," + event(deep) + "," + event("") + "]}";
        List<ParseError> errors = new java.util.ArrayList<>();
        List<io.github.detective4j.model.SecurityEvent> events = new java.util.ArrayList<>();
        io.github.detective4j.aws.AwsLogs.emptyReader().register(new CloudTrailFormat()).maxNestingDepth(16)
                .errorHandler(errors::add).build()
                .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "deep.json", events::add);
        assertEquals(2, events.size());
        assertEquals(List.of("a value nests deeper than 16 levels"),
                errors.stream().map(ParseError::reason).toList());
    }

    /** A DescribeInstances event, one line, with some fields replaced. */
    static String event(String overrides) {
        String base = "\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":"
                + "\"AIDACKCEVSQ6C2EXAMPLE\",\"accountId\":\"111122223333\",\"userName\":\"Mateo\"},"
                + "\"eventTime\":\"2026-11-20T03:00:00Z\",\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":"
                + "\"DescribeInstances\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.7\","
                + "\"userAgent\":\"aws-cli/2.15.30\",\"recipientAccountId\":\"111122223333\"";
        // later keys win in this parser as in most: overrides go last
        return "{" + base + (overrides.isEmpty() ? "" : "," + overrides) + "}";
    }

    private static String quoteJson(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
