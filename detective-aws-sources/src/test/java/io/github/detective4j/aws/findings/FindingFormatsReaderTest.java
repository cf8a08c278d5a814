package io.github.detective4j.aws.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.LogFormat;
import io.github.detective4j.aws.LogReader;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.SecurityEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both finding formats behind the real reader: gzip, detection by content, and what they leave alone. */
class FindingFormatsReaderTest {
    private final LogReader reader = AwsLogs.emptyReader()
            .register(new GuardDutyFormat())
            .register(new AsffFormat())
            .build();

    /** A CloudTrail file of GuardDuty's own API calls: findings' words, but no finding. */
    private static final String CLOUDTRAIL = "{\"Records\":[{\"eventVersion\":\"1.08\",\"userIdentity\":"
            + "{\"type\":\"IAMUser\",\"principalId\":\"AIDACKCEVSQ6C2EXAMPLE\"},\"eventTime\":\"2026-11-20T03:47:02Z\","
            + "\"eventSource\":\"guardduty.amazonaws.com\",\"eventName\":\"GetFindings\",\"awsRegion\":\"us-east-1\","
            + "\"sourceIPAddress\":\"198.51.100.7\",\"requestParameters\":{\"detectorId\":"
            + "\"12abc34d567e8fa901bc2d34e56789f0\",\"findingIds\":[\"c2b98b95c5440025c05b405065ed3bb9\"]},"
            + "\"responseElements\":null,\"resources\":[],\"eventType\":\"AwsApiCall\"}]}";

    @TempDir
    Path dir;

    @Test
    void readsGzippedFindingsAndDetectsEachFormatByContent() throws Exception {
        gzip(fixture("guardduty", "export.jsonl"), dir.resolve("AWSLogs/GuardDuty/us-east-1/2026/11/28/a1.jsonl.gz"));
        gzip(fixture("securityhub", "guardduty-in-asff.json"), dir.resolve("securityhub/export.gz"));
        // a GuardDuty GetFindings dump with a misleading name: content decides
        Files.copy(fixture("guardduty", "get-findings.json"), dir.resolve("findings.txt"));
        Files.copy(fixture("securityhub", "eventbridge-imported.json"), dir.resolve("events.json"));
        gzip(CLOUDTRAIL.getBytes(StandardCharsets.UTF_8), dir.resolve("AWSLogs/CloudTrail/trail.json.gz"));

        assertEquals("guardduty", detected("AWSLogs/GuardDuty/us-east-1/2026/11/28/a1.jsonl.gz"));
        assertEquals("securityhub", detected("securityhub/export.gz"));
        assertEquals("guardduty", detected("findings.txt"));
        assertEquals("securityhub", detected("events.json"));
        assertEquals("none", detected("AWSLogs/CloudTrail/trail.json.gz"));

        List<Finding> findings = new ArrayList<>();
        IngestReport report = reader.read(dir, (SecurityEvent event) -> findings.add((Finding) event));

        assertEquals(5, report.inputs());
        // export.jsonl: 8 records (3 findings, 5 errors on purpose); ASFF: 2; get-findings: 2; event: 2
        assertEquals(14, report.recordsRead());
        assertEquals(9, report.eventsProduced());
        assertEquals(5, report.errors());
        assertEquals(1, report.skipped("input.unrecognized"));
        assertTrue(report.firstErrors().get(0).source().endsWith("a1.jsonl.gz"));
        assertEquals(2, report.firstErrors().get(0).line());

        // the GuardDuty format read the export and the dump: GuardDuty's own type names
        assertEquals(2, findings.stream().filter(f -> f.type().equals("CryptoCurrency:EC2/BitcoinTool.B")).count());
        // the ASFF format read the GuardDuty findings Security Hub holds: ASFF type names, same product
        List<Finding> asffBitcoin = findings.stream()
                .filter(f -> f.type().equals("TTPs/Command and Control/CryptoCurrency:EC2-BitcoinTool.B")).toList();
        assertEquals(2, asffBitcoin.size());
        assertTrue(asffBitcoin.stream().allMatch(f -> "GuardDuty".equals(f.sourceProduct())));
        assertEquals(1, findings.stream().filter(f -> "Inspector".equals(f.sourceProduct())).count());
    }

    private String detected(String relative) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve(relative));
        if (bytes.length > 1 && bytes[0] == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            }
        }
        return reader.detect(new String(bytes, StandardCharsets.UTF_8), relative)
                .map(LogFormat::name).orElse("none");
    }

    private static void gzip(Path from, Path to) throws IOException {
        gzip(Files.readAllBytes(from), to);
    }

    private static void gzip(byte[] content, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            out.write(content);
        }
    }

    private static Path fixture(String folder, String name) throws URISyntaxException {
        return Path.of(FindingFormatsReaderTest.class.getResource("/" + folder + "/" + name).toURI());
    }
}
