package io.github.detective4j.aws.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.LogReader;
import io.github.detective4j.aws.SharedData;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.SeverityLabel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** ASFF findings written by others, in {@code ../shared/data}. */
class AsffSharedDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogReader reader = AwsLogs.emptyReader()
            .register(new GuardDutyFormat())
            .register(new AsffFormat())
            .build();

    /**
     * The Security Hub User Guide's examples, extracted (README: five control findings and an AWS Config finding are
     * whole findings; the rest are attribute snippets, event patterns and an insight-results event, none a finding;
     * the two examples that are invalid JSON in the docs were not extracted). The reader takes the six findings and
     * leaves every other file as unrecognized.
     */
    @Test
    void readsTheUserGuidesFindings() throws IOException {
        Path extracted = SharedData.require("securityhub-asff-aws-docs-examples").resolve("extracted");
        Map<String, Finding> byFile = new TreeMap<>();
        List<Finding> all = new ArrayList<>();
        IngestReport report = reader.read(extracted, event -> all.add((Finding) event));
        System.out.println("ASFF docs examples: " + report);

        assertEquals(0, report.errors(), () -> report.firstErrors().toString());
        assertEquals(6, report.recordsRead());
        assertEquals(6, report.eventsProduced());
        long files = countFiles(extracted);
        assertEquals(files - 6, report.skipped("input.unrecognized"));
        assertEquals(report.recordsRead(),
                report.eventsProduced() + report.skippedTotal() - report.skipped("input.unrecognized")
                        + report.errors());

        for (Finding finding : all) {
            byFile.put(finding.id(), finding);
        }
        Finding fsbp = byFile.get("arn:aws:securityhub:us-east-2:123456789012:subscription/"
                + "aws-foundational-security-best-practices/v/1.0.0/CloudTrail.2/finding/"
                + "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111");
        assertEquals("Security Hub", fsbp.sourceProduct());
        assertEquals("Software and Configuration Checks/Industry and Regulatory Standards/"
                + "AWS-Foundational-Security-Best-Practices", fsbp.type());
        assertEquals(SeverityLabel.MEDIUM, fsbp.severity().label());
        assertEquals(4.0, fsbp.severity().score());
        assertEquals(Instant.parse("2020-08-06T02:18:23.076Z"), fsbp.firstObserved());
        assertEquals(Instant.parse("2021-09-28T16:10:06.956Z"), fsbp.lastObserved());
        assertTrue(fsbp.arn().startsWith("arn:aws:securityhub:us-east-2::product/aws/securityhub/"));
        assertEquals(List.of(new AwsResource(AwsResource.CLOUDTRAIL_TRAIL, "AWSMacieTrail-DO-NOT-EDIT",
                "arn:aws:cloudtrail:us-east-2:123456789012:trail/AWSMacieTrail-DO-NOT-EDIT",
                AwsResource.Action.TOUCHED)), fsbp.resources());

        Finding config = all.stream().filter(f -> "Config".equals(f.sourceProduct())).findFirst().orElseThrow();
        assertEquals(List.of(EntityRef.s3Bucket("config-integration-demo-bucket"), EntityRef.account("123456789012")),
                config.entities());
        assertEquals(Instant.parse("2022-04-15T05:00:37.181Z"), config.firstObserved());

        Finding controlTower = all.stream().filter(f -> f.id().contains("service-managed-aws-control-tower"))
                .findFirst().orElseThrow();
        assertEquals(List.of(new AwsResource("AwsAccount", "123456789012", null, AwsResource.Action.TOUCHED)),
                controlTower.resources());
        assertTrue(controlTower.entities().contains(EntityRef.account("123456789012")));
        assertTrue(all.stream().noneMatch(Finding::archived));
    }

    /**
     * The User Guide's per-attribute snippets, put together on the FSBP sample finding: every documented attribute
     * at once must read, and the ones that name entities must give them.
     */
    @Test
    void readsTheUserGuidesAttributeSnippetsTogether() throws IOException {
        Path extracted = SharedData.require("securityhub-asff-aws-docs-examples").resolve("extracted");
        ObjectNode finding = (ObjectNode) JSON.readTree(extracted.resolve("sample-control-findings__01.json").toFile());
        List<Path> snippets;
        try (Stream<Path> files = Files.list(extracted)) {
            snippets = files.filter(f -> f.getFileName().toString().startsWith("asff-"))
                    .sorted(Comparator.naturalOrder()).toList();
        }
        assertEquals(36, snippets.size());
        for (Path snippet : snippets) {
            JsonNode attribute = JSON.readTree(snippet.toFile());
            attribute.fields().forEachRemaining(field -> finding.set(field.getKey(), field.getValue()));
        }

        List<Finding> findings = new ArrayList<>();
        IngestReport report = reader.read(new ByteArrayInputStream(JSON.writeValueAsBytes(finding)),
                "all-attributes.json", event -> findings.add((Finding) event));
        assertEquals(0, report.errors(), () -> report.firstErrors().toString());
        Finding merged = findings.get(0);
        assertEquals("111111111111", merged.accountId());
        assertEquals("Software and Configuration Checks/Vulnerabilities/CVE", merged.type());
        assertEquals(SeverityLabel.CRITICAL, merged.severity().label());
        assertEquals(9.0, merged.severity().score());
        assertEquals(Instant.parse("2017-03-22T13:22:13.933Z"), merged.firstObserved());
        assertEquals(Instant.parse("2017-03-23T13:22:13.933Z"), merged.lastObserved());
        assertEquals("us-west-2", merged.region());
        assertFalse(merged.archived());
        // the guide's Resources snippet nests its instance fields one level too high, so its "Type": "i3.xlarge"
        // (the instance type) overrides "Type": "AwsEc2Instance": read as written, it is a resource of type
        // i3.xlarge, and no Ec2Instance entity
        assertTrue(merged.resources().contains(new AwsResource("i3.xlarge", "i-1234567890abcdef0",
                "arn:aws:ec2:us-west-2:111122223333:instance/i-1234567890abcdef0", AwsResource.Action.TOUCHED)),
                merged.resources().toString());
        assertTrue(merged.entities().containsAll(List.of(
                EntityRef.ipAddress("1.2.3.4"),
                EntityRef.ipAddress("2.3.4.5"),
                EntityRef.ipAddress("fe80:cd00:0:cde:1257:0:211e:729c"),
                EntityRef.ipAddress("192.0.2.0"))), merged.entities().toString());
    }

    /**
     * Panther's ASFF rule-test findings (README: use {@code derived/}): findings of a custom decoy product, with
     * Panther's {@code 2024-05-24 22:53:24.000000000} times. The Detective filter skips all of them: a custom
     * integration is no AWS service.
     */
    @Test
    void readsPanthersAsffFindings() throws IOException {
        Path file = SharedData.require("panther-analysis-test-events").resolve("derived/panther_asff_findings.ndjson");
        List<Finding> findings = new ArrayList<>();
        IngestReport report = reader.read(file, event -> findings.add((Finding) event));
        System.out.println("panther ASFF: " + report);

        assertEquals(0, report.errors(), () -> report.firstErrors().toString());
        assertEquals(10, report.recordsRead());
        assertEquals(10, report.eventsProduced());
        Finding dynamo = findings.get(0);
        assertEquals("DecoyDetector", dynamo.sourceProduct());
        assertEquals("Unusual Behaviors", dynamo.type());
        assertEquals(SeverityLabel.HIGH, dynamo.severity().label());
        assertEquals(Instant.parse("2024-05-24T22:53:24Z"), dynamo.firstObserved());
        assertEquals("arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default/"
                + "1abc2de3-69ea-4e15-91c6-27eb4a07bd21", dynamo.arn());
        assertTrue(dynamo.entities().containsAll(List.of(
                EntityRef.roleSession("ABC9ONWNS3155VIEJC8U", "john.doe"),
                EntityRef.ipAddress("11.111.11.111"))), dynamo.entities().toString());
        assertTrue(dynamo.resources().contains(new AwsResource("AWS::DynamoDB::Table", "<id>", null,
                AwsResource.Action.TOUCHED)));
        Finding bucket = findings.get(4);
        assertTrue(bucket.entities().contains(EntityRef.s3Bucket("panther-databucket")));
        assertTrue(bucket.resources().contains(new AwsResource("AwsS3Object", "panther-databucket/object",
                "arn:aws:s3:::panther-databucket/object", AwsResource.Action.TOUCHED)));

        LogReader detective = AwsLogs.emptyReader().register(AsffFormat.detectiveFilter()).build();
        IngestReport filtered = detective.read(file, event -> { });
        assertEquals(10, filtered.skipped("securityhub.filtered"));
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
