package io.github.detective4j.aws.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.InvalidRecordException;
import io.github.detective4j.aws.LogFormat;
import io.github.detective4j.aws.LogReader;
import io.github.detective4j.aws.ParseError;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.SecurityEvent;
import io.github.detective4j.model.SeverityLabel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GuardDutyFormatTest {
    private static final String BITCOIN = "c2b98b95c5440025c05b405065ed3bb9";
    private static final String STEALTH = "7ab7a6d5f1d4c9e8b0a2c3d4e5f6a7b8";
    private static final String USER_AGENT =
            "aws-cli/1.16.300 Python/3.6.0 Linux/4.14.133-113.105.amzn2.x86_64 botocore/1.13.36";

    private final GuardDutyFormat format = new GuardDutyFormat();
    private final LogReader reader = AwsLogs.emptyReader().register(format).build();
    /** For inline findings too small to detect: only the fields a test is about. */
    private final LogReader forced = AwsLogs.emptyReader().register(format).format("guardduty").build();

    @Test
    void readsGetFindingsOutputIntoTheIncidentFindings() throws Exception {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = read("get-findings.json", findings);

        assertEquals(2, report.recordsRead());
        assertEquals(2, report.eventsProduced());
        assertEquals(0, report.errors(), () -> report.firstErrors().toString());

        Finding bitcoin = findings.get(0);
        assertEquals(BITCOIN, bitcoin.id());
        assertEquals("arn:aws:guardduty:us-east-1:123456789012:detector/12abc34d567e8fa901bc2d34e56789f0/finding/"
                + BITCOIN, bitcoin.arn());
        assertEquals("GuardDuty", bitcoin.sourceProduct());
        assertEquals("CryptoCurrency:EC2/BitcoinTool.B", bitcoin.type());
        assertEquals("EC2 instance i-08a8e40be65425909 is communicating with a Bitcoin-related IP address.",
                bitcoin.title());
        assertTrue(bitcoin.description().startsWith("EC2 instance i-08a8e40be65425909 is communicating"));
        assertEquals(SeverityLabel.HIGH, bitcoin.severity().label());
        assertEquals(8.0, bitcoin.severity().score());
        assertEquals(Instant.parse("2026-11-20T04:00:00Z"), bitcoin.firstObserved());
        assertEquals(Instant.parse("2026-11-27T22:10:00Z"), bitcoin.lastObserved());
        assertEquals(Instant.parse("2026-11-20T04:12:31.457Z"), bitcoin.createdAt());
        assertEquals(Instant.parse("2026-11-27T22:27:48.662Z"), bitcoin.updatedAt());
        assertEquals(168, bitcoin.count());
        assertEquals("123456789012", bitcoin.accountId());
        assertEquals("us-east-1", bitcoin.region());
        assertFalse(bitcoin.archived());
        assertEquals(List.of(
                new AwsResource(AwsResource.EC2_INSTANCE, "i-08a8e40be65425909", null, AwsResource.Action.TOUCHED),
                new AwsResource("AWS::IAM::InstanceProfile", "DetectiveDemo-InstanceProfile",
                        "arn:aws:iam::123456789012:instance-profile/DetectiveDemo-InstanceProfile",
                        AwsResource.Action.TOUCHED),
                new AwsResource(AwsResource.EC2_NETWORK_INTERFACE, "eni-0ac7e5a1c2cf3fd1b", null,
                        AwsResource.Action.TOUCHED)),
                bitcoin.resources());
        assertEquals(List.of(
                EntityRef.ec2Instance("i-08a8e40be65425909"),
                EntityRef.ipAddress("172.31.30.140"),
                EntityRef.ipAddress("54.87.12.34"),
                EntityRef.ipAddress("104.16.1.42"),
                EntityRef.account("123456789012")),
                bitcoin.entities());

        Finding stealth = findings.get(1);
        assertEquals(STEALTH, stealth.id());
        assertEquals("Stealth:IAMUser/CloudTrailLoggingDisabled", stealth.type());
        assertEquals(SeverityLabel.LOW, stealth.severity().label());
        assertEquals(2.0, stealth.severity().score());
        assertEquals(Instant.parse("2026-11-20T03:47:02Z"), stealth.firstObserved());
        assertEquals(stealth.firstObserved(), stealth.lastObserved());
        assertEquals(1, stealth.count());
        assertEquals(List.of(
                new AwsResource(AwsResource.IAM_ACCESS_KEY, "AKIAIOSFODNN7EXAMPLE", null, AwsResource.Action.TOUCHED),
                new AwsResource(AwsResource.IAM_USER, "DetectiveDemo-AdminUser", null, AwsResource.Action.TOUCHED)),
                stealth.resources());
        assertEquals(List.of(
                EntityRef.user("AIDACKCEVSQ6C2EXAMPLE"),
                EntityRef.ipAddress("198.51.100.7"),
                EntityRef.userAgent(USER_AGENT),
                EntityRef.account("123456789012")),
                stealth.entities());
    }

    /**
     * Panther's attack-sequence finding with the {@code service.detection.sequence} that GuardDuty writes (Panther's
     * copy drops it): the sequence holds everything the finding involves, its {@code resource} only
     * {@code resourceType: AttackSequence}.
     */
    @Test
    void readsTheActorsEndpointsAndResourcesOfAnAttackSequence() throws Exception {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = read("attack-sequence.json", findings);

        assertEquals(0, report.errors(), () -> report.firstErrors().toString());
        Finding sequence = findings.get(0);
        assertEquals("AttackSequence:S3/CompromisedData", sequence.type());
        assertEquals(SeverityLabel.CRITICAL, sequence.severity().label());
        assertEquals(List.of(
                new AwsResource(AwsResource.IAM_ACCESS_KEY, "AKIAI44QH8DHBEXAMPLE", null, AwsResource.Action.TOUCHED),
                new AwsResource(AwsResource.IAM_USER, "john_doe", null, AwsResource.Action.TOUCHED),
                new AwsResource(AwsResource.S3_BUCKET, "amzn-s3-demo-bucket", "arn:aws:s3:::amzn-s3-demo-bucket",
                        AwsResource.Action.TOUCHED)),
                sequence.resources());
        assertEquals(List.of(
                EntityRef.user("AIDA3UBBJ2K3TVEXAMPLE"),
                EntityRef.account("111122223333"),
                EntityRef.ipAddress("10.0.0.1"),
                EntityRef.s3Bucket("amzn-s3-demo-bucket"),
                EntityRef.account("123456789012")),
                sequence.entities());
    }

    @Test
    void readsTheCliOutputWithPascalCaseFieldsAsTheApiOutput() throws Exception {
        List<Finding> api = new ArrayList<>();
        List<Finding> cli = new ArrayList<>();
        read("get-findings.json", api);
        IngestReport report = read("cli-get-findings.json", cli);

        assertEquals(0, report.errors(), () -> report.firstErrors().toString());
        assertEquals(2, cli.size());
        assertEquals(api, cli);
    }

    @Test
    void readsASingleFindingWithPortProbesAndSkipsAnAddressThatIsNoIp() throws Exception {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = read("finding-single.json", findings);

        assertEquals(1, report.recordsRead());
        assertEquals(0, report.errors(), () -> report.firstErrors().toString());
        Finding probe = findings.get(0);
        assertEquals("Recon:EC2/PortProbeUnprotectedPort", probe.type());
        assertEquals(SeverityLabel.MEDIUM, probe.severity().label());
        assertEquals(42, probe.count());
        assertTrue(probe.archived());
        assertEquals(List.of(
                EntityRef.ec2Instance("i-0f1e2d3c4b5a69788"),
                EntityRef.ipAddress("172.31.7.9"),
                EntityRef.ipAddress("172.31.7.10"),
                EntityRef.ipAddress("203.0.113.20"),
                EntityRef.ipAddress("2001:db8::1"),
                EntityRef.ipAddress("192.0.2.15"),
                EntityRef.account("123456789012")),
                probe.entities());
    }

    @Test
    void readsABareArrayOfS3AndEksFindings() throws Exception {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = read("findings-array.json", findings);

        assertEquals(2, report.recordsRead());
        assertEquals(0, report.errors(), () -> report.firstErrors().toString());
        Finding s3 = findings.get(0);
        assertEquals("Discovery:S3/MaliciousIPCaller", s3.type());
        assertEquals(List.of(
                new AwsResource(AwsResource.IAM_ACCESS_KEY, "ASIAJEXAMPLEKEYID123", null, AwsResource.Action.TOUCHED),
                new AwsResource(AwsResource.S3_BUCKET, "demo-finance-reports", "arn:aws:s3:::demo-finance-reports",
                        AwsResource.Action.TOUCHED)),
                s3.resources());
        assertEquals(List.of(
                EntityRef.roleSession("AROAJ45Q7YFFAREXAMPLE", "alice"),
                EntityRef.s3Bucket("demo-finance-reports"),
                EntityRef.ipAddress("203.0.113.99"),
                EntityRef.userAgent("[aws-sdk-java/1.12.500 Linux/5.10 OpenJDK_64-Bit_Server_VM/17.0.8+7-LTS]"),
                EntityRef.account("444455556666"),
                EntityRef.account("123456789012")),
                s3.entities());

        Finding eks = findings.get(1);
        assertEquals("Execution:Kubernetes/ExecInKubeSystemPod", eks.type());
        assertEquals(List.of(new AwsResource("AWS::EKS::Cluster", "demo-cluster",
                "arn:aws:eks:us-east-1:123456789012:cluster/demo-cluster", AwsResource.Action.TOUCHED)),
                eks.resources());
        // remoteIpDetails and sourceIps write one address two ways: one entity, in canonical form
        assertEquals(List.of(
                EntityRef.ipAddress("2001:db8:85a3::8a2e:370:7334"),
                EntityRef.userAgent("kubectl/v1.30.0 (linux/amd64) kubernetes/7c48c2b"),
                EntityRef.account("123456789012")),
                eks.entities());
    }

    @Test
    void readsTheFindingOfAnEventBridgeEvent() throws Exception {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = read("eventbridge-event.json", findings);

        assertEquals(1, report.recordsRead());
        Finding update = findings.get(0);
        assertEquals(BITCOIN, update.id());
        assertEquals(192, update.count());
        assertEquals(Instant.parse("2026-11-28T04:10:00Z"), update.lastObserved());
        assertEquals(Instant.parse("2026-11-28T04:22:09.118Z"), update.time());
    }

    @Test
    void readsAnArrayOfEventBridgeEventsAndConcatenatedDocuments() throws Exception {
        String event = java.nio.file.Files.readString(fixture("eventbridge-event.json"));
        String findings = java.nio.file.Files.readString(fixture("get-findings.json"));
        List<Finding> read = new ArrayList<>();
        IngestReport report = reader.read(stream("[\n" + event + ",\n" + event + "\n]\n" + findings),
                "mixed.json", sink(read));

        assertEquals(4, report.recordsRead());
        assertEquals(0, report.errors(), () -> report.firstErrors().toString());
        assertEquals(List.of(BITCOIN, BITCOIN, BITCOIN, STEALTH), read.stream().map(Finding::id).toList());
        assertEquals(List.of(192L, 192L, 168L, 1L), read.stream().map(Finding::count).toList());
    }

    @Test
    void skipsEventBridgeEventsThatAreNoFinding() throws Exception {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = read("eventbridge-events.jsonl", findings);

        assertEquals(3, report.recordsRead());
        assertEquals(2, report.eventsProduced());
        assertEquals(1, report.skipped("guardduty.other-event"));
        assertEquals(List.of(BITCOIN, STEALTH), findings.stream().map(Finding::id).toList());
    }

    @Test
    void aBrokenLineOfTheS3ExportCostsOnlyItself() throws Exception {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = read("export.jsonl", findings);

        // nine lines, one blank: eight records
        assertEquals(8, report.recordsRead());
        assertEquals(3, report.eventsProduced());
        assertEquals(5, report.errors());
        assertEquals(report.recordsRead(), report.eventsProduced() + report.skippedTotal() + report.errors());
        assertEquals(List.of(BITCOIN, STEALTH, "0cb8a6e3f2d44e6a9b3c5d7e9f1a2b3c"),
                findings.stream().map(Finding::id).toList());

        List<ParseError> errors = report.firstErrors();
        assertError(errors.get(0), 2, 2, "GuardDuty finding 'badseverity0000000000000000000001': "
                + "'severity' must be a number from 0.0 to 10.0, was '11'");
        assertEquals(3, errors.get(1).line());
        assertEquals(3, errors.get(1).record());
        assertTrue(errors.get(1).reason().startsWith("line 3 is not valid JSON: "), errors.get(1).reason());
        assertError(errors.get(2), 6, 5, "GuardDuty finding without an id: has no 'id'");
        assertError(errors.get(3), 7, 6, "GuardDuty finding 'badtimestamp000000000000000000001': "
                + "'createdAt' is not an ISO-8601 timestamp: '2026-13-45T99:00:00Z'");
        assertError(errors.get(4), 8, 7, "GuardDuty finding 'badtype000000000000000000000001': "
                + "'resource' must be an object, was 'AccessKey'");
    }

    @Test
    void anInvalidFindingInAPrettyPrintedDocumentIsReportedAtTheLineItStarts() throws Exception {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = read("findings-with-errors.json", findings);

        assertEquals(5, report.recordsRead());
        assertEquals(3, report.eventsProduced());
        assertEquals(List.of(BITCOIN, STEALTH, "0cb8a6e3f2d44e6a9b3c5d7e9f1a2b3c"),
                findings.stream().map(Finding::id).toList());
        List<ParseError> errors = report.firstErrors();
        assertError(errors.get(0), 125, 2, "GuardDuty finding 'severitystring00000000000000000001': "
                + "'severity' must be a number, was 'HIGH'");
        assertEquals(276, errors.get(1).line());
        assertEquals(4, errors.get(1).record());
        assertTrue(errors.get(1).reason().startsWith("GuardDuty finding 'inverted0000000000000000000000001': "
                + "finding inverted0000000000000000000000001 was last observed at 2026-11-01T00:00:00Z, before"),
                errors.get(1).reason());
    }

    @Test
    void aNumberPastTheLimitCostsOnlyItsFinding() throws Exception {
        // a limit, not broken JSON: the finding holding it is an error and the document goes on, in a findings
        // array (pretty-printed or on one line) and in a bare array of findings, at any depth of the finding
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode document = copies(mapper, 4);
        ArrayNode findings = (ArrayNode) document.get("findings");
        BigInteger huge = new BigInteger("9".repeat(150));
        ((ObjectNode) findings.get(1).get("service")).put("count", huge);
        ((ObjectNode) findings.get(2)).putArray("extra").add(1).addObject().put("n", huge);
        for (String json : List.of(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document),
                mapper.writeValueAsString(document), mapper.writeValueAsString(findings))) {
            List<Finding> read = new ArrayList<>();
            IngestReport report = reader.read(stream(json), "limits.json", sink(read));
            assertEquals(List.of("f0", "f3"), read.stream().map(Finding::id).toList(), report::toString);
            assertEquals(List.of(2L, 3L), report.firstErrors().stream().map(ParseError::record).toList());
            assertEquals("record holds a number longer than 100 characters", report.firstErrors().get(0).reason());
        }
    }

    /**
     * GuardDuty's free-form {@code service.additionalInfo} nested past the reader's limit: the finding is named by
     * its id, read before the limit, and the limit in Jackson's words. In JSON Lines the next line is read; in one
     * document nothing past it can be.
     */
    @Test
    void aFindingNestedPastTheLimitIsNamedAndCostsAtMostTheRestOfItsDocument() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode document = copies(mapper, 3);
        ArrayNode findings = (ArrayNode) document.get("findings");
        ObjectNode info = ((ObjectNode) findings.get(1).get("service")).putObject("additionalInfo");
        ArrayNode deep = info.putArray("value");
        for (int i = 0; i < 300; i++) {
            deep = deep.addArray();
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < findings.size(); i++) {
            lines.append(mapper.writeValueAsString(findings.get(i))).append('\n');
        }
        String limit = "GuardDuty finding 'f1': nested too deep: Document nesting depth (";

        List<Finding> exported = new ArrayList<>();
        IngestReport export = forced.read(stream(lines.toString()), "export.jsonl", sink(exported));
        assertEquals(List.of("f0", "f2"), exported.stream().map(Finding::id).toList(), export::toString);
        assertEquals(1, export.errors(), export::toString);
        ParseError line = export.firstErrors().get(0);
        assertEquals(2, line.line());
        assertTrue(line.reason().startsWith(limit) && line.reason().endsWith("; the rest of line 2 is not read"),
                line::reason);

        for (String json : List.of(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document),
                mapper.writeValueAsString(document))) {
            List<Finding> read = new ArrayList<>();
            IngestReport report = forced.read(stream(json), "deep.json", sink(read));
            assertEquals(List.of("f0"), read.stream().map(Finding::id).toList(), report::toString);
            assertEquals(1, report.errors(), report::toString);
            String reason = report.firstErrors().get(0).reason();
            assertTrue(reason.startsWith(limit), reason);
            assertTrue(reason.matches(".*exceeds the maximum allowed \\([0-9]+\\); the rest of (the input|line 1)"
                    + " is not read"), reason);
        }
    }

    /**
     * A finding that names only one of its observations was created after it: the creation must not stand in for the
     * other end, which inverted the two and lost the finding. The one observation is both ends.
     */
    @Test
    void oneObservationAloneIsBothEndsAndNeverMixesWithTheCreation() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode document = copies(mapper, 3);
        ArrayNode findings = (ArrayNode) document.get("findings");
        ObjectNode lastOnly = (ObjectNode) findings.get(0);
        lastOnly.put("createdAt", "2020-02-14T18:12:22.316Z").put("updatedAt", "2020-02-14T18:12:22.316Z");
        ((ObjectNode) lastOnly.get("service")).remove("eventFirstSeen");
        ((ObjectNode) lastOnly.get("service")).put("eventLastSeen", "2020-02-14T17:59:17Z");
        ObjectNode firstOnly = (ObjectNode) findings.get(1);
        firstOnly.put("createdAt", "2020-02-14T18:12:22.316Z").put("updatedAt", "2020-02-14T18:12:22.316Z");
        ((ObjectNode) firstOnly.get("service")).remove("eventLastSeen");
        ((ObjectNode) firstOnly.get("service")).put("eventFirstSeen", "2020-02-15T01:00:00Z");
        List<Finding> read = new ArrayList<>();
        IngestReport report = reader.read(stream(mapper.writeValueAsString(document)), "times.json", sink(read));
        assertEquals(0, report.errors(), report::toString);
        assertEquals(List.of("f0", "f1", "f2"), read.stream().map(Finding::id).toList());
        Instant seen = Instant.parse("2020-02-14T17:59:17Z");
        assertEquals(List.of(seen, seen), List.of(read.get(0).firstObserved(), read.get(0).lastObserved()));
        Instant first = Instant.parse("2020-02-15T01:00:00Z");
        assertEquals(List.of(first, first), List.of(read.get(1).firstObserved(), read.get(1).lastObserved()));
    }

    @Test
    void aStringPastTheLimitEndsTheDocumentAndSaysSoInJacksonsWords() throws Exception {
        // Jackson checks a string's length while it reads the string: what follows inside it is the attacker's text,
        // so the document ends there, after the findings before it, with the limit named and no class name
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode document = copies(mapper, 3);
        ArrayNode findings = (ArrayNode) document.get("findings");
        ((ObjectNode) findings.get(1)).put("description", "x".repeat(40_000));
        List<Finding> read = new ArrayList<>();
        List<ParseError> errors = new ArrayList<>();
        IngestReport report = AwsLogs.emptyReader().register(format).maxStringLength(20_000).errorHandler(errors::add)
                .build().read(stream(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document)),
                        "long.json", sink(read));
        assertEquals(List.of("f0"), read.stream().map(Finding::id).toList(), report::toString);
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).reason().startsWith("input ended after 1 records: String value length")
                && !errors.get(0).reason().contains("Exception"), errors.get(0).reason());
    }

    @Test
    void wrongTypesAndBadValuesNameTheirField() throws Exception {
        assertEquals("GuardDuty finding 'f1': 'service.count' must be a whole number, was '2.5'",
                onlyError("{\"id\":\"f1\",\"type\":\"T:EC2/X\",\"severity\":5,\"createdAt\":\"2026-11-20T00:00:00Z\","
                        + "\"service\":{\"count\":2.5}}"));
        assertEquals("GuardDuty finding 'f2': 'service.count' must be at least 1, was '0'",
                onlyError("{\"id\":\"f2\",\"type\":\"T:EC2/X\",\"severity\":5,\"createdAt\":\"2026-11-20T00:00:00Z\","
                        + "\"service\":{\"count\":0}}"));
        assertEquals("GuardDuty finding 'f3': 'severity' must be a number from 0.0 to 10.0, was '-1'",
                onlyError("{\"id\":\"f3\",\"type\":\"T:EC2/X\",\"severity\":-1,"
                        + "\"createdAt\":\"2026-11-20T00:00:00Z\"}"));
        assertEquals("GuardDuty finding 'f4': 'severity' must be a number, was 'NaN'",
                onlyError("{\"id\":\"f4\",\"type\":\"T:EC2/X\",\"severity\":\"NaN\","
                        + "\"createdAt\":\"2026-11-20T00:00:00Z\"}"));
        assertEquals("GuardDuty finding 'f5': has no 'type'",
                onlyError("{\"id\":\"f5\",\"severity\":5,\"createdAt\":\"2026-11-20T00:00:00Z\"}"));
        assertEquals("GuardDuty finding 'f6': has neither 'service.eventFirstSeen' nor 'createdAt'",
                onlyError("{\"id\":\"f6\",\"type\":\"T:EC2/X\",\"severity\":5}"));
        assertEquals("GuardDuty finding 'f7': 'service.action.awsApiCallAction.remoteIpDetails.ipAddressV4' "
                        + "must be a string, was '{}'",
                onlyError("{\"id\":\"f7\",\"type\":\"T:EC2/X\",\"severity\":5,\"createdAt\":\"2026-11-20T00:00:00Z\","
                        + "\"service\":{\"action\":{\"awsApiCallAction\":"
                        + "{\"remoteIpDetails\":{\"ipAddressV4\":{}}}}}}"));
        assertEquals("GuardDuty finding 'f8': 'resource.instanceDetails.networkInterfaces[0]' must be an object, "
                        + "was '42'",
                onlyError("{\"id\":\"f8\",\"type\":\"T:EC2/X\",\"severity\":5,"
                        + "\"createdAt\":\"2026-11-20T00:00:00Z\",\"resource\":{\"instanceDetails\":"
                        + "{\"networkInterfaces\":[42]}}}"));
        // attacker-controlled text is quoted with its control characters escaped
        assertEquals("GuardDuty finding 'evil\\u000aid': has no 'type'",
                onlyError("{\"id\":\"evil\\nid\",\"severity\":5,\"createdAt\":\"2026-11-20T00:00:00Z\"}"));
        // the model refuses such an id for an entity; the finding is an error, still on one line
        assertEquals("GuardDuty finding 'evil\\u000aid': findings id must not hold control characters (one at index 4)",
                onlyError("{\"id\":\"evil\\nid\",\"type\":\"T:EC2/X\",\"severity\":5,"
                        + "\"createdAt\":\"2026-11-20T00:00:00Z\"}"));
        // and so is an id holding half a surrogate pair, which would fail every link to the finding
        assertEquals("GuardDuty finding 'f\\ud800x': findings id must be well-formed UTF-16 (an unpaired surrogate"
                        + " at index 1)",
                onlyError("{\"id\":\"f\\ud800x\",\"type\":\"T:EC2/X\",\"severity\":5,"
                        + "\"createdAt\":\"2026-11-20T00:00:00Z\"}"));
    }

    @Test
    void eachAccessKeyUserTypeGivesItsPrincipalEntity() throws Exception {
        assertEquals(List.of(EntityRef.user("123456789012")), principalOf("Root", "123456789012"));
        assertEquals(List.of(EntityRef.federatedUser("123456789012:bob")),
                principalOf("FederatedUser", "123456789012:bob"));
        assertEquals(List.of(EntityRef.roleSession("AROAJ45Q7YFFAREXAMPLE", "i-0f1e2d3c4b5a69788")),
                principalOf("AssumedRole", "AROAJ45Q7YFFAREXAMPLE:i-0f1e2d3c4b5a69788"));
        // an assumed role without its session name names no session: no entity, the finding kept
        assertEquals(List.of(), principalOf("AssumedRole", "AROAJ45Q7YFFAREXAMPLE"));
        assertEquals(List.of(), principalOf("AWSService", "cloudtrail.amazonaws.com"));
    }

    private List<EntityRef> principalOf(String userType, String principalId) throws IOException {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = forced.read(stream("{\"id\":\"k\",\"type\":\"T:IAMUser/X\",\"severity\":2,"
                + "\"createdAt\":\"2026-11-20T00:00:00Z\",\"resource\":{\"resourceType\":\"AccessKey\","
                + "\"accessKeyDetails\":{\"accessKeyId\":\"ASIAJEXAMPLEKEYID123\",\"principalId\":\"" + principalId
                + "\",\"userName\":\"someone\",\"userType\":\"" + userType + "\"}}}"), "inline.json", sink(findings));
        assertEquals(0, report.errors(), () -> report.firstErrors().toString());
        return findings.get(0).entities();
    }

    @Test
    void aTopLevelValueThatIsNoObjectIsAnErrorOfItsOwn() throws Exception {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = forced.read(stream("[\n 42,\n {\"id\":\"ok\",\"type\":\"T:EC2/X\",\"severity\":1,"
                + "\"createdAt\":\"2026-11-20T00:00:00Z\"}\n]"), "inline.json", sink(findings));
        assertEquals(2, report.recordsRead());
        assertEquals(1, findings.size());
        assertError(report.firstErrors().get(0), 2, 1,
                "an element of a top-level array is a number, not a finding object");
    }

    @Test
    void timesInTheSpaceSeparatedFormOfSiemExportsAreReadAsUtc() throws Exception {
        List<Finding> findings = new ArrayList<>();
        forced.read(stream("{\"id\":\"p1\",\"type\":\"T:EC2/X\",\"severity\":9,"
                + "\"createdAt\":\"2025-02-25 20:40:06.721\",\"updatedAt\":\"2025-02-25 20:40:06.721\","
                + "\"service\":{\"eventFirstSeen\":\"2025-02-25 20:40:06.000000000\","
                + "\"eventLastSeen\":\"2025-02-25T21:40:06+01:00\"}}"), "inline.json", sink(findings));
        Finding finding = findings.get(0);
        assertEquals(Instant.parse("2025-02-25T20:40:06.721Z"), finding.createdAt());
        assertEquals(Instant.parse("2025-02-25T20:40:06Z"), finding.firstObserved());
        assertEquals(Instant.parse("2025-02-25T20:40:06Z"), finding.lastObserved());
        assertEquals(SeverityLabel.CRITICAL, finding.severity().label());
        assertNull(finding.arn());
    }

    @Test
    void strictModeStopsAtTheFirstInvalidFindingAfterDeliveringTheOnesBefore() throws Exception {
        LogReader strict = AwsLogs.emptyReader().register(format).strict().build();
        List<Finding> findings = new ArrayList<>();
        InvalidRecordException stop = assertThrows(InvalidRecordException.class,
                () -> strict.read(fixture("export.jsonl"), sink(findings)));
        assertEquals(2, stop.error().line());
        assertEquals(1, findings.size());
    }

    /**
     * One format instance reads many inputs on four threads at once, the API's camelCase and the CLI's PascalCase
     * mixed: every lookup of a PascalCase field goes through the shared memo of flipped names, which must never hand
     * one thread another name's flip.
     */
    @Test
    void oneInstanceParsesManyInputsAtOnce() throws Exception {
        List<String> fixtures = List.of("findings-array.json", "cli-get-findings.json", "get-findings.json");
        List<List<Finding>> expected = new ArrayList<>();
        for (String fixture : fixtures) {
            List<Finding> findings = new ArrayList<>();
            read(fixture, findings);
            expected.add(findings);
        }
        assertEquals(expected.get(2), expected.get(1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Finding>>> results = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String fixture = fixtures.get(i % fixtures.size());
                results.add(pool.submit(() -> {
                    List<Finding> findings = new ArrayList<>();
                    IngestReport report = read(fixture, findings);
                    assertEquals(0, report.errors(), () -> report.firstErrors().toString());
                    return findings;
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(expected.get(i % fixtures.size()), results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The AWS CLI sorts a finding's keys, so an instance with many tags puts more than the detection head between
     * {@code Arn} and {@code SchemaVersion}; the file is still GuardDuty's, among every format the reader knows.
     */
    @Test
    void detectsCliOutputWhoseFirstResourceIsLargerThanTheHead() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode document = (ObjectNode) mapper.readTree(fixture("cli-get-findings.json").toFile());
        ObjectNode first = (ObjectNode) document.get("Findings").get(0);
        ArrayNode tags = (ArrayNode) first.get("Resource").get("InstanceDetails").get("Tags");
        for (int i = 0; i < 2_000; i++) {
            tags.addObject().put("Key", "team-" + i).put("Value", "detective-demo-workload-" + i);
        }
        byte[] json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        assertTrue(json.length > 128 * 1024, "the first resource is larger than the head");

        List<Finding> findings = new ArrayList<>();
        IngestReport report = AwsLogs.reader().build()
                .read(new ByteArrayInputStream(json), "get-findings.json", sink(findings));

        assertEquals(0, report.errors(), () -> report.firstErrors().toString());
        assertEquals(0, report.skippedTotal(), report::toString);
        assertEquals(List.of(BITCOIN, STEALTH), findings.stream().map(Finding::id).toList());
    }

    @Test
    void detectsGuardDutyShapesAndNothingElse() {
        assertEquals(90, format.detect(sample("{\"findings\":[{\"accountId\":\"1\",\"schemaVersion\":\"2.0\","
                + "\"service\":{},\"resource\":{}}]}")));
        assertEquals(90, format.detect(sample("{\"schemaVersion\": \"2.0\", \"service\": {}, \"severity\": 2}")));
        assertEquals(95, format.detect(sample("{\"version\":\"0\",\"detail-type\" : \"GuardDuty Finding\","
                + "\"source\":\"aws.guardduty\"}")));
        assertEquals(85, format.detect(sample("{\"Findings\": [{\"SchemaVersion\": \"2.0\", \"Service\": {}, "
                + "\"Resource\": {}}]}")));
        // the AWS CLI's sorted keys, cut inside the first resource: only the finding's ARN is in the head
        assertEquals(80, format.detect(sample("{\"Findings\": [{\"AccountId\": \"111122223333\", \"Arn\": "
                + "\"arn:aws:guardduty:us-east-1:111122223333:detector/d1/finding/f1\", \"Resource\": {\"Inst")));
        assertEquals(80, format.detect(sample("[{\"arn\": \"arn:aws-us-gov:guardduty:us-gov-west-1:111122223333:"
                + "detector/d1/finding/f1\", \"resource\": {")));
        // an ARN of something else, or a finding ARN below the finding's own level, claims nothing
        assertEquals(0, format.detect(sample("{\"arn\": \"arn:aws:guardduty:us-east-1:111122223333:detector/d1\"}")));
        assertEquals(0, format.detect(sample("{\"log\": {\"arn\": \"arn:aws:guardduty:us-east-1:111122223333:"
                + "detector/d1/finding/f1\"}}")));
        assertEquals(0, format.detect(sample("{\"Records\":[{\"eventVersion\":\"1.08\",\"resources\":[{\"ARN\":"
                + "\"arn:aws:guardduty:us-east-1:111122223333:detector/d1/finding/f1\"}]}]}")));
        // GuardDuty findings as Security Hub holds them are ASFF
        assertEquals(0, format.detect(sample("{\"SchemaVersion\":\"2018-10-08\",\"ProductArn\":"
                + "\"arn:aws:securityhub:us-east-1::product/aws/guardduty\",\"ProductName\":\"GuardDuty\"}")));
        assertEquals(0, format.detect(sample("{\"Findings\": [{\"AwsAccountId\": \"111122223333\", \"Id\": "
                + "\"arn:aws:guardduty:us-east-1:111122223333:detector/d1/finding/f1\", \"ProductArn\": "
                + "\"arn:aws:securityhub:us-east-1::product/aws/guardduty\"}]}")));
        // CloudTrail, including GuardDuty's own API calls, and VPC flow logs
        assertEquals(0, format.detect(sample("{\"Records\":[{\"eventVersion\":\"1.08\",\"eventSource\":"
                + "\"guardduty.amazonaws.com\",\"eventName\":\"GetFindings\",\"resources\":[],"
                + "\"requestParameters\":{\"detectorId\":\"12abc\"}}]}")));
        assertEquals(0, format.detect(sample("{\"version\":\"0\",\"detail-type\":\"AWS API Call via CloudTrail\","
                + "\"source\":\"aws.guardduty\",\"detail\":{\"eventName\":\"ArchiveFindings\"}}")));
        assertEquals(0, format.detect(sample("version account-id interface-id srcaddr dstaddr srcport dstport "
                + "protocol packets bytes start end action log-status\n")));
        assertEquals(0, format.detect(sample("# Finding types\n\n| **[CryptoCurrency:EC2/BitcoinTool.B]** |")));
    }

    private IngestReport read(String fixture, List<Finding> findings) throws IOException, URISyntaxException {
        return reader.read(fixture(fixture), sink(findings));
    }

    private String onlyError(String json) throws IOException {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = forced.read(stream(json), "inline.json", sink(findings));
        assertEquals(1, report.recordsRead());
        assertEquals(1, report.errors(), () -> "expected an error, got " + findings);
        return report.firstErrors().get(0).reason();
    }

    /** The {@code GetFindings} fixture with its first finding {@code n} times, as {@code f0}, {@code f1}, ... */
    private static ObjectNode copies(ObjectMapper mapper, int n) throws IOException, URISyntaxException {
        ObjectNode document = (ObjectNode) mapper.readTree(fixture("get-findings.json").toFile());
        ArrayNode findings = (ArrayNode) document.get("findings");
        ObjectNode first = (ObjectNode) findings.get(0);
        findings.removeAll();
        for (int i = 0; i < n; i++) {
            findings.add(first.deepCopy().put("id", "f" + i));
        }
        return document;
    }

    private static io.github.detective4j.model.EventSink sink(List<Finding> findings) {
        return (SecurityEvent event) -> findings.add((Finding) event);
    }

    private static void assertError(ParseError error, long line, long record, String reason) {
        assertEquals(reason, error.reason());
        assertEquals(line, error.line(), error::toString);
        assertEquals(record, error.record(), error::toString);
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(GuardDutyFormatTest.class.getResource("/guardduty/" + name).toURI());
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static LogFormat.Sample sample(String head) {
        return new LogFormat.Sample("sample", head);
    }
}
