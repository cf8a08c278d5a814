package io.github.detective4j.aws.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.LogReader;
import io.github.detective4j.aws.SharedData;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.SeverityLabel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** GuardDuty findings written by others, in {@code ../shared/data}. */
class GuardDutySharedDataTest {
    private final LogReader reader = AwsLogs.emptyReader()
            .register(new GuardDutyFormat())
            .register(new AsffFormat())
            .build();

    /**
     * Panther's GuardDuty rule-test findings (its README: use {@code derived/}, the bare finding objects). Panther
     * rewrites some times to its own {@code 2025-02-25 20:40:06.721} form; those read as UTC.
     */
    @Test
    void readsPanthersGuardDutyFindings() throws IOException {
        Path file = SharedData.require("panther-analysis-test-events")
                .resolve("derived/panther_guardduty_findings.ndjson");
        List<Finding> findings = new ArrayList<>();
        IngestReport report = reader.read(file, event -> findings.add((Finding) event));
        System.out.println("panther GuardDuty: " + report);

        assertEquals(0, report.errors(), () -> report.firstErrors().toString());
        assertEquals(8, report.recordsRead());
        assertEquals(report.recordsRead(), report.eventsProduced() + report.skippedTotal() + report.errors());
        assertTrue(findings.stream().allMatch(f -> "GuardDuty".equals(f.sourceProduct())), "read as GuardDuty");

        Finding sequence = findings.get(0);
        assertEquals("8c258d654378414b9bc26f61a93eb816", sequence.id());
        assertEquals("AttackSequence:IAM/CompromisedCredentials", sequence.type());
        assertEquals(SeverityLabel.CRITICAL, sequence.severity().label());
        assertEquals(Instant.parse("2025-02-25T20:40:06.721Z"), sequence.createdAt());
        assertEquals(Instant.parse("2025-02-25T20:40:06Z"), sequence.firstObserved());
        assertEquals(List.of(EntityRef.account("123456789012")), sequence.entities());

        Finding escalation = findings.get(2);
        assertEquals("PrivilegeEscalation:IAMUser/AdministrativePermissions", escalation.type());
        assertEquals(SeverityLabel.HIGH, escalation.severity().label());
        assertEquals(Instant.parse("2020-02-14T17:59:17Z"), escalation.firstObserved());
        assertEquals(Instant.parse("2020-02-14T18:12:22.316Z"), escalation.createdAt());
        assertEquals(List.of(SeverityLabel.CRITICAL, SeverityLabel.CRITICAL, SeverityLabel.HIGH, SeverityLabel.HIGH,
                SeverityLabel.LOW, SeverityLabel.LOW, SeverityLabel.MEDIUM, SeverityLabel.MEDIUM),
                findings.stream().map(f -> f.severity().label()).toList());
    }

    /**
     * The GuardDuty docs folder holds the finding-type reference as markdown, no finding JSON (its README says so):
     * nothing to parse. It still checks the fixtures: the incident's two types exist with the default severity our
     * fixtures give them, and no markdown page is ever taken for findings.
     */
    @Test
    void theFindingTypeReferenceAgreesWithTheFixturesAndIsNeverTakenForFindings() throws Exception {
        Path docs = SharedData.require("guardduty-aws-docs-examples");
        String active = Files.readString(docs.resolve("guardduty_finding-types-active.md"));
        assertEquals("High", defaultSeverity(active, "CryptoCurrency:EC2/BitcoinTool\\\\.B"));
        assertEquals("Low", defaultSeverity(active, "Stealth:IAMUser/CloudTrailLoggingDisabled"));

        List<Finding> incident = new ArrayList<>();
        reader.read(Path.of(getClass().getResource("/guardduty/get-findings.json").toURI()),
                event -> incident.add((Finding) event));
        assertEquals(SeverityLabel.HIGH, incident.get(0).severity().label());
        assertEquals(SeverityLabel.LOW, incident.get(1).severity().label());

        IngestReport report = reader.read(docs, event -> { });
        long files;
        try (Stream<Path> walk = Files.walk(docs)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .count();
        }
        assertEquals(0, report.recordsRead());
        assertEquals(files, report.skipped("input.unrecognized"));
    }

    /** CloudTrail logs, VPC flow logs, GeoIP sources: neither finding format claims any of them. */
    @Test
    void claimsNothingThatIsNotAFinding() throws IOException {
        for (String folder : List.of("cloudtrail-aws-docs-examples", "vpcflow-aws-docs-examples",
                "stratus-red-team-detonation-logs", "aws-cloudtrail-processing-library-fixtures", "maxmind-test-db")) {
            Path dir = SharedData.require(folder);
            IngestReport report = reader.read(dir, event -> { });
            assertEquals(0, report.recordsRead(), folder + ": " + report);
            assertEquals(0, report.errors(), folder + ": " + report.firstErrors());
        }
        Path panther = SharedData.require("panther-analysis-test-events");
        for (String cloudTrail : List.of("derived/panther_cloudtrail_records.json",
                "derived/panther_cloudtrail_events.ndjson", "panther_tests_cloudtrail.jsonl",
                "panther_tests_vpcflow.jsonl")) {
            IngestReport report = reader.read(panther.resolve(cloudTrail), event -> { });
            assertEquals(0, report.recordsRead(), cloudTrail);
        }
    }

    private static String defaultSeverity(String table, String typeRegex) {
        Matcher row = Pattern.compile("\\*\\*\\[" + typeRegex + "\\]\\([^)]*\\)\\*\\* \\|[^|]*\\|[^|]*\\| (\\w+) \\|")
                .matcher(table);
        assertTrue(row.find(), "no row for " + typeRegex);
        return row.group(1);
    }
}
