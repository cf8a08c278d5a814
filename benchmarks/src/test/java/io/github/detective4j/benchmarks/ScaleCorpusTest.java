package io.github.detective4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.EntityRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison's corpus is real AWS formats: the library's own readers take every record of it. */
class ScaleCorpusTest {
    @Test
    void everyFileReadsWithoutErrorsAndBothCloudTrailFormsHoldTheSameEvents(@TempDir Path dir) throws IOException {
        ScaleCorpus.Written written = ScaleCorpus.write(dir, 20_000, 50, 7, true);

        BehaviorGraph graph = BehaviorGraph.create();
        IngestReport report = AwsLogs.reader().strict().glob("{cloudtrail,vpcflow,guardduty}/*").build()
                .read(dir, graph);
        assertEquals(0, report.errors());
        assertEquals(written.events(), report.eventsProduced());
        assertEquals(written.apiCalls(), graph.stats().apiCalls());
        assertEquals(written.flows(), graph.stats().flows());
        assertEquals(4, graph.findings().size());
        assertTrue(written.cloudTrailBytes() / written.apiCalls() > 900, "about 1 KB an event, as CloudTrail's");

        List<Path> hourly;
        try (var files = Files.walk(dir.resolve("AWSLogs"))) {
            hourly = files.filter(f -> f.toString().endsWith(".json.gz")).toList();
        }
        assertEquals(50 * 24, hourly.size(), "a Records file an hour, in CloudTrail's S3 layout");
        BehaviorGraph fromRecords = BehaviorGraph.create();
        IngestReport records = AwsLogs.reader().strict().build().read(dir.resolve("AWSLogs"), fromRecords);
        assertEquals(written.apiCalls(), records.eventsProduced());

        ScaleCorpus.Incident incident = written.incident();
        EntityRef victim = EntityRef.user(incident.userId());
        List<String> newCalls = graph.newBehavior(victim, incident.scope()).apiCalls().stream()
                .map(call -> call.eventName()).toList();
        assertTrue(newCalls.containsAll(List.of("StopLogging", "CreateUser")), "the intrusion is new: " + newCalls);
        assertEquals(3, graph.hunt().ip(ScaleCorpus.BEACON_IP).instances().size());
        assertEquals(newCalls, fromRecords.newBehavior(victim, incident.scope()).apiCalls().stream()
                .map(call -> call.eventName()).toList());
    }

    @Test
    void theSameArgumentsWriteTheSameBytes(@TempDir Path dir) throws IOException {
        ScaleCorpus.write(dir.resolve("a"), 10_000, 46, 3, false);
        ScaleCorpus.write(dir.resolve("b"), 10_000, 46, 3, false);
        try (var files = Files.list(dir.resolve("a").resolve("cloudtrail"))) {
            for (Path a : files.toList()) {
                Path b = dir.resolve("b").resolve("cloudtrail").resolve(a.getFileName());
                assertEquals(-1, Files.mismatch(a, b), a.getFileName().toString());
            }
        }
    }
}
