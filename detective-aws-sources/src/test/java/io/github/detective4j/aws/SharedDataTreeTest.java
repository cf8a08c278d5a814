package io.github.detective4j.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.NetworkFlow;
import io.github.detective4j.model.SecurityEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Reads the whole of {@code ../shared/data} with the default reader, every built-in format competing in detection:
 * no format may claim another's files, and only the records broken on purpose may fail.
 */
class SharedDataTreeTest {
    /** Inputs with records broken on purpose (see the folders' READMEs), and how many errors each must give. */
    private static final Map<String, Long> BROKEN_ON_PURPOSE = Map.of(
            // every field missing, misnamed or null: no eventTime, eventSource, eventName
            "aws-cloudtrail-processing-library-fixtures/SerializerAllFieldsNull.json", 1L,
            "aws-cloudtrail-processing-library-fixtures/SerializerTestFileBadFieldName.json", 1L,
            "aws-cloudtrail-processing-library-fixtures/SerializerTestFileNewFieldName.json", 1L,
            // "ThisIsAWrongEventTime"
            "aws-cloudtrail-processing-library-fixtures/SerializerTestFileMissField.json", 1L,
            // invalid JSON inside its first record: nothing can be recovered
            "aws-cloudtrail-processing-library-fixtures/SerializerTestFileBadJsonFormat.json", 1L,
            // Panther's test events with eventTime "..." and "redacted"
            "panther-analysis-test-events/derived/panther_cloudtrail_events.ndjson", 2L,
            "panther-analysis-test-events/derived/panther_cloudtrail_records.json", 2L);

    @Test
    void everySampleIsDetectedAndOnlyTheBrokenRecordsFail() throws IOException {
        Path root = SharedData.require("");
        List<ParseError> errors = new ArrayList<>();
        List<SecurityEvent> events = new ArrayList<>();
        LogReader reader = AwsLogs.reader().errorHandler(errors::add).build();

        IngestReport report = reader.read(root, events::add);

        Map<String, Long> errorsBySource = new TreeMap<>();
        errors.forEach(e -> errorsBySource.merge(root.relativize(Path.of(e.source())).toString(), 1L, Long::sum));
        assertEquals(new TreeMap<>(BROKEN_ON_PURPOSE), errorsBySource, () -> "errors: " + errors);
        assertEquals(report.errors(), errors.size());
        assertEquals(report.eventsProduced(), events.size());

        // Every record produced events, was skipped by a rule, or is an error; whole-input skips and failures are
        // counted without a record.
        long inputLevel = report.skipped("input.unrecognized") + errors.stream().filter(e -> e.line() == 0).count();
        assertEquals(report.recordsRead(), report.eventsProduced() + report.skippedTotal() + report.errors()
                - inputLevel, report::toString);

        // 310 Stratus events in three shapes, 418 Panther events in two, the docs and fixtures: all CloudTrail
        assertTrue(events.stream().filter(ApiCall.class::isInstance).count() > 1500, report::toString);
        assertEquals(15, events.stream().filter(NetworkFlow.class::isInstance).count());
        assertEquals(6 + 8 + 10, events.stream().filter(Finding.class::isInstance).count());
        assertEquals(2, report.skipped("cloudtrail.digest"));
        assertEquals(5, report.skipped("cloudtrail.insight"));
        assertEquals(1, report.skipped("vpcflow.nodata"));
    }
}
