package io.github.detective4j.aws.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.LogFormat;
import io.github.detective4j.aws.LogReader;
import io.github.detective4j.aws.ParseError;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EventSink;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.SeverityLabel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsffFormatTest {
    private static final String ACCOUNT = "123456789012";
    private static final String BITCOIN_ID = "arn:aws:guardduty:us-east-1:123456789012:detector/"
            + "12abc34d567e8fa901bc2d34e56789f0/finding/c2b98b95c5440025c05b405065ed3bb9";
    private static final String STEALTH_ID = "arn:aws:guardduty:us-east-1:123456789012:detector/"
            + "12abc34d567e8fa901bc2d34e56789f0/finding/7ab7a6d5f1d4c9e8b0a2c3d4e5f6a7b8";
    private static final String INSPECTOR_ID =
            "arn:aws:inspector2:us-east-1:123456789012:finding/3e8d2c1b0a9f8e7d6c5b4a3f2e1d0c9b";

    private final AsffFormat format = new AsffFormat();
    private final LogReader reader = AwsLogs.emptyReader().register(format).build();
    private final LogReader detective = AwsLogs.emptyReader().register(AsffFormat.detectiveFilter()).build();

    @Test
    void readsTheBatchImportFindingsShape() throws Exception {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = read(reader, "batch-import-findings.json", findings);

        assertEquals(4, report.recordsRead());
        assertEquals(4, report.eventsProduced());
        assertEquals(0, report.errors(), () -> report.firstErrors().toString());

        Finding config = findings.get(0);
        assertEquals("arn:aws:config:us-east-1:123456789012:config-rule/config-rule-a1b2c3/finding/"
                + "0f4c6b1e8d2a4f3b9c7e5d1a2b3c4d5e6f7a8b9c", config.id());
        assertEquals("arn:aws:securityhub:us-east-1::product/aws/config/" + config.id(), config.arn());
        assertEquals("Config", config.sourceProduct());
        assertEquals("Software and Configuration Checks", config.type());
        assertEquals("s3-bucket-level-public-access-prohibited", config.title());
        assertEquals(SeverityLabel.MEDIUM, config.severity().label());
        assertEquals(4.0, config.severity().score());
        // no FirstObservedAt/LastObservedAt: CreatedAt and UpdatedAt stand in
        assertEquals(Instant.parse("2026-11-19T08:00:37.181Z"), config.firstObserved());
        assertEquals(Instant.parse("2026-11-21T21:20:15.056Z"), config.lastObserved());
        assertEquals(1, config.count());
        assertEquals(ACCOUNT, config.accountId());
        assertEquals("us-east-1", config.region());
        assertFalse(config.archived());
        assertEquals(List.of(new AwsResource(AwsResource.S3_BUCKET, "demo-finance-reports",
                "arn:aws:s3:::demo-finance-reports", AwsResource.Action.TOUCHED)), config.resources());
        assertEquals(List.of(EntityRef.s3Bucket("demo-finance-reports"), EntityRef.account(ACCOUNT)),
                config.entities());

        Finding inspector = findings.get(1);
        assertEquals(INSPECTOR_ID, inspector.id());
        assertEquals("Inspector", inspector.sourceProduct());
        assertEquals("Software and Configuration Checks/Vulnerabilities/CVE", inspector.type());
        assertEquals(SeverityLabel.HIGH, inspector.severity().label());
        assertEquals(Instant.parse("2026-11-20T05:00:00Z"), inspector.firstObserved());
        assertEquals(Instant.parse("2026-11-26T05:00:00Z"), inspector.lastObserved());
        assertEquals(List.of(new AwsResource(AwsResource.EC2_INSTANCE, "i-0b22a22eec53b9321",
                "arn:aws:ec2:us-east-1:123456789012:instance/i-0b22a22eec53b9321", AwsResource.Action.TOUCHED)),
                inspector.resources());
        assertEquals(List.of(EntityRef.ec2Instance("i-0b22a22eec53b9321"), EntityRef.ipAddress("172.31.80.21"),
                EntityRef.ipAddress("2001:db8::21"), EntityRef.account(ACCOUNT)), inspector.entities());

        Finding custom = findings.get(2);
        assertEquals("honeypot-ssh-2026-11-24-0001", custom.id());
        assertNull(custom.arn());
        assertEquals("Default", custom.sourceProduct());
        assertEquals("TTPs/Discovery/Network Service Scanning", custom.type());
        assertEquals(SeverityLabel.LOW, custom.severity().label());
        assertEquals(Instant.parse("2026-11-24T09:58:00.123456789Z"), custom.firstObserved());
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), custom.lastObserved());
        assertEquals(Instant.parse("2026-11-24T10:05:00Z"), custom.updatedAt());
        assertTrue(custom.archived(), "Workflow.Status SUPPRESSED");
        assertEquals(List.of(new AwsResource("Other", "honeypot-ssh-01", null, AwsResource.Action.TOUCHED)),
                custom.resources());
        assertEquals(List.of(EntityRef.ipAddress("203.0.113.50"), EntityRef.ipAddress("2001:db8::2:1"),
                EntityRef.ipAddress("172.31.7.9"), EntityRef.ipAddress("203.0.113.51"), EntityRef.account(ACCOUNT)),
                custom.entities());

        Finding analyzer = findings.get(3);
        assertEquals("IAM Access Analyzer", analyzer.sourceProduct());
        assertEquals(SeverityLabel.LOW, analyzer.severity().label());
        assertEquals(0.1, analyzer.severity().score());
        assertTrue(analyzer.archived(), "RecordState ARCHIVED");
        assertEquals(Instant.parse("2026-11-18T12:00:00Z"), analyzer.firstObserved());
    }

    @Test
    void readsASingleFindingWithPrincipals() throws Exception {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = read(reader, "finding-single.json", findings);

        assertEquals(1, report.eventsProduced());
        Finding decoy = findings.get(0);
        assertEquals("DecoyDetector", decoy.sourceProduct());
        assertEquals("arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default/"
                + "decoy-role-assumed-2026-11-25-0007", decoy.arn());
        // Normalized alone: the label Security Hub gives it
        assertEquals(SeverityLabel.MEDIUM, decoy.severity().label());
        assertEquals(4.5, decoy.severity().score());
        assertTrue(decoy.archived(), "Workflow.Status RESOLVED");
        assertEquals(Instant.parse("2026-11-25T13:17:15Z"), decoy.firstObserved());
        assertEquals(Instant.parse("2026-11-25T13:17:21Z"), decoy.lastObserved());
        assertEquals(List.of(
                new AwsResource(AwsResource.IAM_ROLE, "DecoyRole", "arn:aws:iam::123456789012:role/decoys/DecoyRole",
                        AwsResource.Action.TOUCHED),
                new AwsResource(AwsResource.IAM_ACCESS_KEY, "ASIAJEXAMPLEKEYID123", null, AwsResource.Action.TOUCHED),
                new AwsResource(AwsResource.IAM_USER, "DetectiveDemo-AdminUser",
                        "arn:aws:iam::123456789012:user/ops/DetectiveDemo-AdminUser", AwsResource.Action.TOUCHED)),
                decoy.resources());
        assertEquals(List.of(
                EntityRef.role("AROADECOYROLEEXAMPLE1"),
                EntityRef.roleSession("AROAJ45Q7YFFAREXAMPLE", "alice"),
                EntityRef.user("AIDACKCEVSQ6C2EXAMPLE"),
                EntityRef.ipAddress("198.51.100.7"),
                EntityRef.account(ACCOUNT)),
                decoy.entities());
    }

    @Test
    void readsABareArrayWithSeveritiesFromOriginalAndFromTheProvidersFields() throws Exception {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = read(reader, "findings-array.json", findings);

        assertEquals(2, report.eventsProduced(), () -> report.firstErrors().toString());
        assertEquals(SeverityLabel.LOW, findings.get(0).severity().label(), "Original 'low' names a label");
        Finding providerOnly = findings.get(1);
        assertEquals(SeverityLabel.CRITICAL, providerOnly.severity().label());
        assertEquals(9.0, providerOnly.severity().score());
        assertEquals("Software and Configuration Checks/Vulnerabilities/CVE", providerOnly.type());
    }

    @Test
    void streamsTheFindingsOfAnEventBridgeEvent() throws Exception {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = read(reader, "eventbridge-imported.json", findings);

        assertEquals(2, report.recordsRead());
        assertEquals(2, report.eventsProduced());
        assertEquals(List.of(BITCOIN_ID, INSPECTOR_ID), findings.stream().map(Finding::id).toList());
    }

    @Test
    void anEventWithoutFindingsIsSkipped() throws Exception {
        List<Finding> findings = new ArrayList<>();
        LogReader forced = AwsLogs.emptyReader().register(format).format("securityhub").build();
        IngestReport report = forced.read(fixture("eventbridge-insight-results.json"), sink(findings));

        assertEquals(1, report.recordsRead());
        assertEquals(1, report.skipped("securityhub.other-event"));
        assertTrue(findings.isEmpty());
        // and it is not detected as findings in the first place
        assertEquals(0, reader.read(fixture("eventbridge-insight-results.json"), sink(findings)).recordsRead());
    }

    /** The attack sequence of GuardDutyFormatTest as Security Hub holds it: its actors are in Detection.Sequence. */
    @Test
    void readsTheActorsAndEndpointsOfAnAttackSequence() throws Exception {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = read(reader, "attack-sequence-in-asff.json", findings);

        assertEquals(0, report.errors(), () -> report.firstErrors().toString());
        Finding sequence = findings.get(0);
        assertEquals(SeverityLabel.CRITICAL, sequence.severity().label());
        assertEquals(List.of(
                new AwsResource(AwsResource.S3_BUCKET, "amzn-s3-demo-bucket", "arn:aws:s3:::amzn-s3-demo-bucket",
                        AwsResource.Action.TOUCHED),
                new AwsResource(AwsResource.IAM_ACCESS_KEY, "AKIAI44QH8DHBEXAMPLE", null, AwsResource.Action.TOUCHED),
                new AwsResource(AwsResource.IAM_USER, "john_doe", null, AwsResource.Action.TOUCHED)),
                sequence.resources());
        assertEquals(List.of(
                EntityRef.s3Bucket("amzn-s3-demo-bucket"),
                EntityRef.user("AIDA3UBBJ2K3TVEXAMPLE"),
                EntityRef.account("111122223333"),
                EntityRef.ipAddress("10.0.0.1"),
                EntityRef.account(ACCOUNT)),
                sequence.entities());
    }

    @Test
    void readsGuardDutyFindingsAsSecurityHubHoldsThem() throws Exception {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = read(reader, "guardduty-in-asff.json", findings);
        assertEquals(0, report.errors(), () -> report.firstErrors().toString());

        Finding bitcoin = findings.get(0);
        assertEquals(BITCOIN_ID, bitcoin.id());
        assertEquals("arn:aws:securityhub:us-east-1::product/aws/guardduty/" + BITCOIN_ID, bitcoin.arn());
        assertEquals("GuardDuty", bitcoin.sourceProduct());
        assertEquals("TTPs/Command and Control/CryptoCurrency:EC2-BitcoinTool.B", bitcoin.type());
        assertEquals(SeverityLabel.HIGH, bitcoin.severity().label());
        assertEquals(8.0, bitcoin.severity().score());
        assertEquals(168, bitcoin.count(), "from ProductFields aws/guardduty/service/count");
        assertEquals(Instant.parse("2026-11-20T04:00:00Z"), bitcoin.firstObserved());
        assertEquals(Instant.parse("2026-11-27T22:10:00Z"), bitcoin.lastObserved());
        assertEquals(List.of(
                EntityRef.ec2Instance("i-08a8e40be65425909"),
                EntityRef.ipAddress("54.87.12.34"),
                EntityRef.ipAddress("172.31.30.140"),
                EntityRef.ipAddress("104.16.1.42"),
                EntityRef.account(ACCOUNT)),
                bitcoin.entities());
        assertEquals(List.of(new AwsResource(AwsResource.EC2_INSTANCE, "i-08a8e40be65425909",
                "arn:aws:ec2:us-east-1:123456789012:instance/i-08a8e40be65425909", AwsResource.Action.TOUCHED),
                new AwsResource(AwsResource.EC2_NETWORK_INTERFACE, "eni-0ac7e5a1c2cf3fd1b", null,
                        AwsResource.Action.TOUCHED)),
                bitcoin.resources(), "the instance and its interface, for flow records that name only the latter");

        Finding stealth = findings.get(1);
        assertEquals(STEALTH_ID, stealth.id());
        assertEquals("TTPs/Defense Evasion/Stealth:IAMUser-CloudTrailLoggingDisabled", stealth.type());
        assertEquals(SeverityLabel.LOW, stealth.severity().label());
        assertEquals(List.of(new AwsResource(AwsResource.IAM_ACCESS_KEY, "AKIAIOSFODNN7EXAMPLE", null,
                AwsResource.Action.TOUCHED)), stealth.resources());
        assertEquals(List.of(
                EntityRef.user("AIDACKCEVSQ6C2EXAMPLE"),
                EntityRef.ipAddress("198.51.100.7"),
                EntityRef.userAgent("aws-cli/1.16.300 Python/3.6.0 Linux/4.14.133-113.105.amzn2.x86_64 "
                        + "botocore/1.13.36"),
                EntityRef.account(ACCOUNT)),
                stealth.entities());
    }

    @Test
    void theDetectiveFilterKeepsOnlyAwsServicesOtherThanGuardDuty() throws Exception {
        List<Finding> kept = new ArrayList<>();
        IngestReport batch = read(detective, "batch-import-findings.json", kept);
        assertEquals(4, batch.recordsRead());
        assertEquals(3, batch.eventsProduced());
        assertEquals(1, batch.skipped(DetectiveFilter.NOT_AN_AWS_SERVICE));
        assertEquals(List.of("Config", "Inspector", "IAM Access Analyzer"),
                kept.stream().map(Finding::sourceProduct).toList());
        assertTrue(kept.get(2).archived(), "archived findings are kept, flagged");

        List<Finding> event = new ArrayList<>();
        IngestReport imported = read(detective, "eventbridge-imported.json", event);
        assertEquals(2, imported.recordsRead());
        assertEquals(1, imported.skipped(DetectiveFilter.GUARDDUTY));
        assertEquals(List.of(INSPECTOR_ID), event.stream().map(Finding::id).toList());

        IngestReport guardDuty = read(detective, "guardduty-in-asff.json", new ArrayList<>());
        assertEquals(2, guardDuty.skipped("securityhub.guardduty"));
        assertEquals(0, guardDuty.eventsProduced());

        IngestReport single = read(detective, "finding-single.json", new ArrayList<>());
        assertEquals(1, single.skipped("securityhub.filtered"), "a custom product is no AWS service");
    }

    @Test
    void invalidFindingsBetweenGoodOnesAreErrorsOfTheirLine() throws Exception {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = read(reader, "findings-with-errors.jsonl", findings);

        assertEquals(9, report.recordsRead());
        assertEquals(3, report.eventsProduced());
        assertEquals(6, report.errors());
        assertEquals(report.recordsRead(), report.eventsProduced() + report.skippedTotal() + report.errors());
        assertEquals(List.of("Config", "Inspector", "GuardDuty"),
                findings.stream().map(Finding::sourceProduct).toList());

        // the ids are long ARNs: ParseContext.quote shortens them to 80 characters
        List<ParseError> errors = report.firstErrors();
        assertErrorEnds(errors.get(0), 2, "arn:aws:inspector2:us-east-1:123456789012:finding/", "': 'Severity.Label' "
                + "must be INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL, was 'SEVERE'");
        assertErrorEnds(errors.get(1), 4, "arn:aws:config:us-east-1:123456789012:config-rule/", "...': "
                + "'Severity.Normalized' must be a whole number from 0 to 100, was '101'");
        assertError(errors.get(2), 5, "ASFF finding without an Id: has no 'Id'");
        assertEquals(6, errors.get(3).line());
        assertTrue(errors.get(3).reason().startsWith("line 6 is not valid JSON: '"), errors.get(3).reason());
        assertErrorEnds(errors.get(4), 7, "arn:aws:access-analyzer:us-east-1:123456789012:analyzer/", "...': "
                + "'UpdatedAt' is not an ISO-8601 timestamp: 'yesterday'");
        assertErrorEnds(errors.get(5), 8, "arn:aws:config:us-east-1:123456789012:config-rule/", "...': "
                + "'Types' must be an array, was 'Software and Configuration Checks'");
    }

    @Test
    void anInvalidFindingOfAPrettyPrintedEventIsReportedAtItsLine() throws Exception {
        String json = "{\n"
                + "  \"detail-type\": \"Security Hub Findings - Imported\",\n"
                + "  \"detail\": {\n"
                + "    \"findings\": [\n"
                + "      {\"SchemaVersion\":\"2018-10-08\",\"Id\":\"a\",\"ProductArn\":\"p\",\"Types\":[\"T\"],\n"
                + "       \"Severity\": {\"Label\": \"LOW\"}, \"CreatedAt\": \"2026-11-20T00:00:00Z\",\n"
                + "       \"UpdatedAt\": \"2026-11-20T00:00:00Z\"},\n"
                + "      {\"SchemaVersion\":\"2018-10-08\",\"Id\":\"b\",\"ProductArn\":\"p\",\"Types\":[\"T\"],\n"
                + " \"Severity\":{\"Label\":\"LOW\",\"Normalized\":40.5},\"CreatedAt\":\"2026-11-20T00:00:00Z\"}\n"
                + "    ]\n"
                + "  }\n"
                + "}\n";
        List<Finding> findings = new ArrayList<>();
        IngestReport report = reader.read(stream(json), "event.json", sink(findings));

        assertEquals(2, report.recordsRead());
        assertEquals(List.of("a"), findings.stream().map(Finding::id).toList());
        ParseError error = report.firstErrors().get(0);
        assertEquals(8, error.line());
        assertEquals(2, error.record());
        assertEquals("ASFF finding 'b': 'Severity.Normalized' must be a whole number from 0 to 100, was '40.5'",
                error.reason());
    }

    @Test
    void badSeveritiesAndMissingFieldsNameTheField() throws Exception {
        String base = "\"Id\":\"x\",\"ProductArn\":\"arn:aws:securityhub:us-east-1::product/aws/inspector\","
                + "\"Types\":[\"T\"],\"CreatedAt\":\"2026-11-20T00:00:00Z\",";
        assertEquals("ASFF finding 'x': has no 'Severity'", onlyError("{" + base + "\"Title\":\"t\"}"));
        assertEquals("ASFF finding 'x': 'Severity' has no Label, no Normalized and no Original naming a label",
                onlyError("{" + base + "\"Severity\":{\"Product\":7.5}}"));
        assertEquals("ASFF finding 'x': 'Severity.Normalized' must be a number, was 'NaN'",
                onlyError("{" + base + "\"Severity\":{\"Normalized\":\"NaN\"}}"));
        assertEquals("ASFF finding 'x': 'Severity.Normalized' must be a whole number from 0 to 100, was '-5'",
                onlyError("{" + base + "\"Severity\":{\"Normalized\":-5}}"));
        assertEquals("ASFF finding 'x': has no 'Types'",
                onlyError("{\"Id\":\"x\",\"Severity\":{\"Label\":\"LOW\"},\"CreatedAt\":\"2026-11-20T00:00:00Z\"}"));
        assertEquals("ASFF finding 'x': has neither 'FirstObservedAt' nor 'CreatedAt'",
                onlyError("{\"Id\":\"x\",\"Types\":[\"T\"],\"Severity\":{\"Label\":\"LOW\"}}"));
        assertEquals("ASFF finding 'x': has no 'Resources[0].Id'",
                onlyError("{" + base + "\"Severity\":{\"Label\":\"LOW\"},\"Resources\":[{\"Type\":\"AwsS3Bucket\"}]}"));
        assertEquals("ASFF finding 'x': 'ProductFields.aws/guardduty/service/count' must be a whole number of at "
                        + "least 1, was 'many'",
                onlyError("{\"Id\":\"x\",\"ProductArn\":\"arn:aws:securityhub:us-east-1::product/aws/guardduty\","
                        + "\"Types\":[\"T\"],\"CreatedAt\":\"2026-11-20T00:00:00Z\",\"Severity\":{\"Label\":\"LOW\"},"
                        + "\"ProductFields\":{\"aws/guardduty/service/count\":\"many\"}}"));
        // GuardDuty's Product is on GuardDuty's own scale; out of it, it is an error
        assertEquals("ASFF finding 'x': 'Severity.Product' must be a GuardDuty severity from 0.0 to 10.0, was "
                        + "'80.0'",
                onlyError("{\"Id\":\"x\",\"ProductArn\":\"arn:aws:securityhub:us-east-1::product/aws/guardduty\","
                        + "\"Types\":[\"T\"],\"CreatedAt\":\"2026-11-20T00:00:00Z\",\"Severity\":{\"Product\":80}}"));
    }

    @Test
    void guardDutyProductSeverityAloneIsReadOnGuardDutysScale() throws Exception {
        List<Finding> findings = new ArrayList<>();
        forced().read(stream("{\"Id\":\"x\",\"ProductArn\":\"arn:aws:securityhub:us-east-1::product/aws/guardduty\","
                + "\"Types\":[\"T\"],\"CreatedAt\":\"2026-11-20T00:00:00Z\",\"Severity\":{\"Product\":8}}"),
                "inline.json", sink(findings));
        assertEquals(SeverityLabel.HIGH, findings.get(0).severity().label());
        assertEquals(8.0, findings.get(0).severity().score());
    }

    @Test
    void detectsAsffAndSecurityHubEventsAndNothingElse() {
        assertEquals(95, format.detect(sample("{\"Findings\":[{\"SchemaVersion\":\"2018-10-08\",\"Id\":\"x\","
                + "\"ProductArn\":\"arn:aws:securityhub:us-east-1::product/aws/guardduty\"}]}")));
        assertEquals(95, format.detect(sample("{\"version\":\"0\",\"detail-type\":\"Security Hub Findings - "
                + "Imported\",\"source\":\"aws.securityhub\"}")));
        assertEquals(95, format.detect(sample("{\"detail-type\": \"Security Hub Findings - Custom Action\"}")));
        // event patterns, insight results, GuardDuty's own shape, CloudTrail
        assertEquals(0, format.detect(sample("{\"source\":[\"aws.securityhub\"],\"detail-type\":"
                + "[\"Security Hub Findings - Imported\"],\"detail\":{\"findings\":{\"ProductArn\":[\"x\"]}}}")));
        assertEquals(0, format.detect(sample("{\"detail-type\":\"Security Hub Insight Results\"}")));
        assertEquals(0, format.detect(sample("{\"schemaVersion\":\"2.0\",\"service\":{},\"resource\":{}}")));
        assertEquals(0, format.detect(sample("{\"Records\":[{\"eventVersion\":\"1.08\",\"eventSource\":"
                + "\"securityhub.amazonaws.com\",\"eventName\":\"BatchImportFindings\"}]}")));
        assertEquals(0, format.detect(sample("2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 "
                + "20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK")));
    }

    private IngestReport read(LogReader with, String fixture, List<Finding> findings)
            throws IOException, URISyntaxException {
        return with.read(fixture(fixture), sink(findings));
    }

    private LogReader forced() {
        return AwsLogs.emptyReader().register(format).format("securityhub").build();
    }

    /** One observation alone is both ends: the creation, which comes after it, must not be the first one. */
    @Test
    void oneObservationAloneIsBothEnds() throws IOException {
        String json = "{\"Id\":\"lastonly\",\"ProductArn\":\"arn:aws:securityhub:us-east-1::product/aws/inspector\","
                + "\"Types\":[\"T\"],\"Severity\":{\"Label\":\"LOW\"},\"LastObservedAt\":\"2024-01-02T00:00:00Z\","
                + "\"CreatedAt\":\"2024-01-03T00:00:00Z\",\"UpdatedAt\":\"2024-01-03T00:00:00Z\"}";
        List<Finding> findings = new ArrayList<>();
        IngestReport report = forced().read(stream(json), "inline.json", sink(findings));
        assertEquals(0, report.errors(), report::toString);
        Instant seen = Instant.parse("2024-01-02T00:00:00Z");
        assertEquals(List.of(seen, seen), List.of(findings.get(0).firstObserved(), findings.get(0).lastObserved()));
    }

    /** Security Hub flattens a list into {@code ProductFields} as {@code .0_}, {@code .1_}: a Kubernetes call's sources. */
    @Test
    void aKubernetesCallsListedSourceAddressesAreInvolved() throws IOException {
        String json = "{\"Id\":\"arn:aws:guardduty:us-east-1:" + ACCOUNT + ":detector/d/finding/k8s\","
                + "\"ProductArn\":\"arn:aws:securityhub:us-east-1::product/aws/guardduty\","
                + "\"AwsAccountId\":\"" + ACCOUNT + "\",\"Types\":[\"TTPs/Discovery/Discovery:Kubernetes-"
                + "SuccessfulAnonymousAccess\"],\"Severity\":{\"Label\":\"MEDIUM\"},"
                + "\"CreatedAt\":\"2024-01-03T00:00:00Z\",\"UpdatedAt\":\"2024-01-03T00:00:00Z\","
                + "\"ProductFields\":{"
                + "\"aws/guardduty/service/action/kubernetesApiCallAction/sourceIPs.0_\":\"203.0.113.50\","
                + "\"aws/guardduty/service/action/kubernetesApiCallAction/sourceIPs.1_\":\"2001:db8::7\","
                + "\"aws/guardduty/service/action/kubernetesApiCallAction/userAgent\":\"kubectl/v1.28.2\","
                + "\"aws/guardduty/service/evidence/threatIntelligenceDetails.0_/threatNames.0_\":\"Tor\"}}";
        List<Finding> findings = new ArrayList<>();
        IngestReport report = forced().read(stream(json), "inline.json", sink(findings));
        assertEquals(0, report.errors(), report::toString);
        List<EntityRef> involved = findings.get(0).entities();
        assertTrue(involved.contains(EntityRef.ipAddress("203.0.113.50")), involved::toString);
        assertTrue(involved.contains(EntityRef.ipAddress("2001:db8::7")), involved::toString);
        assertTrue(involved.contains(EntityRef.userAgent("kubectl/v1.28.2")), involved::toString);
    }

    private String onlyError(String json) throws IOException {
        List<Finding> findings = new ArrayList<>();
        IngestReport report = forced().read(stream(json), "inline.json", sink(findings));
        assertEquals(1, report.recordsRead());
        assertEquals(1, report.errors(), () -> "expected an error, got " + findings);
        return report.firstErrors().get(0).reason();
    }

    private static EventSink sink(List<Finding> findings) {
        return event -> findings.add((Finding) event);
    }

    private static void assertError(ParseError error, long line, String reason) {
        assertEquals(reason, error.reason());
        assertEquals(line, error.line(), error::toString);
    }

    private static void assertErrorEnds(ParseError error, long line, String idStart, String end) {
        assertTrue(error.reason().startsWith("ASFF finding '" + idStart), error.reason());
        assertTrue(error.reason().endsWith(end), error.reason());
        assertEquals(line, error.line(), error::toString);
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(AsffFormatTest.class.getResource("/securityhub/" + name).toURI());
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static LogFormat.Sample sample(String head) {
        return new LogFormat.Sample("sample", head);
    }
}
