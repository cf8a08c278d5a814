package io.github.detective4j.examples.incident;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trail's delivery: events are collected by hour and written as one {@code {"Records":[...]}} file per hour
 * and region, in time order, as soon as no activity can add to that hour any more.
 */
final class CloudTrailLog {
    private static final long HOUR = 3600;

    private final Path root;
    private final Instant start;
    private final Instant end;
    private final Dice dice;
    private final Tally tally;
    private final ObjectMapper mapper;
    private final TreeMap<Long, List<ApiEvent>> byHour = new TreeMap<>();

    CloudTrailLog(Path root, Instant start, Instant end, Dice dice, Tally tally, ObjectMapper mapper) {
        this.root = root;
        this.start = start;
        this.end = end;
        this.dice = dice;
        this.tally = tally;
        this.mapper = mapper;
    }

    /** Takes an event; one outside the data's period is not recorded (the trail was not there yet, or any more). */
    void add(ApiEvent event) {
        if (event.time.isBefore(start) || !event.time.isBefore(end)) {
            return;
        }
        byHour.computeIfAbsent(event.time.getEpochSecond() / HOUR, hour -> new ArrayList<>()).add(event);
    }

    /** Writes every hour that ends at or before {@code limit}. */
    void writeBefore(Instant limit) throws IOException {
        writeHoursBefore(limit.getEpochSecond() / HOUR);
    }

    void writeAll() throws IOException {
        writeHoursBefore(Long.MAX_VALUE);
    }

    private void writeHoursBefore(long hourLimit) throws IOException {
        while (!byHour.isEmpty() && byHour.firstKey() < hourLimit) {
            Map.Entry<Long, List<ApiEvent>> hour = byHour.pollFirstEntry();
            writeHour(hour.getKey(), hour.getValue());
        }
    }

    private void writeHour(long hour, List<ApiEvent> events) throws IOException {
        events.sort(Comparator.comparing(event -> event.time)); // stable: ties keep the order they were made in
        TreeMap<String, List<ApiEvent>> byRegion = new TreeMap<>();
        for (ApiEvent event : events) {
            byRegion.computeIfAbsent(event.region, region -> new ArrayList<>()).add(event);
        }
        // CloudTrail delivers about every five minutes; one file an hour, named for its last delivery, is enough here
        Instant delivered = Instant.ofEpochSecond(hour * HOUR + 55 * 60);
        for (Map.Entry<String, List<ApiEvent>> region : byRegion.entrySet()) {
            Path file = LogKeys.cloudTrail(root, region.getKey(), delivered, dice.alnum(16));
            List<ApiEvent> records = region.getValue();
            tally.bytes += CompressedFile.write(file, out -> {
                try (JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                    g.writeStartObject();
                    g.writeArrayFieldStart("Records");
                    for (ApiEvent event : records) {
                        event.write(g);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
            });
            tally.cloudTrailFiles++;
            tally.apiCalls += records.size();
        }
    }
}
