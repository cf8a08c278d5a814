package io.github.detective4j.aws;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.detective4j.model.EventSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Reads a CloudWatch Logs log group that CloudTrail or VPC Flow Logs deliver to, through {@code FilterLogEvents},
 * every page ({@code nextToken}), into a sink. Each log event's message is one record: a CloudTrail event as JSON, or
 * one flow log line in the flow log's format (without the header line S3 files have, so give the reader the
 * format: {@code AwsLogs.reader().register(FlowLogFormat.withLogFormat("${version} ${account-id} ...")).format(
 * "vpcflow")}). A page's messages are parsed together, one record a line.
 *
 * <p>With a {@link CheckpointStore}, the group's position is saved after every page: the timestamp of the latest
 * event read and the ids of the events read at that timestamp (later events may share it); when a read stopped
 * inside a page, the position is past the log events whose records the sink took whole, with how many events it
 * took of the next (a record of several events). A later {@link #read} asks from that timestamp,
 * skips those ids and drops those events, so a stopped and restarted read delivers each event once and a repeated
 * read only what arrived since. Events that CloudWatch Logs accepts later with a timestamp before the saved one are
 * not read (it accepts events up to 14 days old; read a group after its events settle if that matters).
 *
 * <pre>{@code
 * LogGroupSource trail = LogGroupSource.builder(AwsAccess.builder().build().logs(), "aws-cloudtrail-logs-111122223333")
 *     .reader(AwsLogs.reader().format("cloudtrail").build())
 *     .between(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-28T00:00:00Z"))
 *     .checkpoints(CheckpointStore.inFile(Path.of("state/logs.json")))
 *     .build();
 * trail.read(graph);
 * }</pre>
 *
 * <p>Immutable and thread-safe; reads with the same checkpoint store must not run at once. Calls use the SDK's
 * retries with backoff, throttling included. Access denied is a {@link MissingPermissionException} naming
 * {@code logs:FilterLogEvents} and the group's ARN.
 */
public final class LogGroupSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The checkpoint's JSON form. */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    record Position(long timestamp, Set<String> ids, long taken) {}

    private final CloudWatchLogsClient logs;
    private final String group;
    private final TimeRange range;
    private final String filterPattern;
    private final int pageSize;
    private final CheckpointStore checkpoints;
    private final LogReader reader;

    private LogGroupSource(Builder b) {
        this.logs = b.logs;
        this.group = b.group;
        this.range = b.range;
        this.filterPattern = b.filterPattern;
        this.pageSize = b.pageSize;
        this.checkpoints = b.checkpoints;
        this.reader = b.reader;
    }

    /**
     * Returns a builder of a source that reads one log group.
     *
     * @param logs the client; the caller closes it
     * @param logGroupName the group's name, such as {@code /aws/vpc/flow-logs}
     * @return a new builder
     */
    public static Builder builder(CloudWatchLogsClient logs, String logGroupName) {
        return new Builder(logs, logGroupName);
    }

    /**
     * Reads every event of the range after the checkpoint's position, page by page.
     *
     * @param sink where the events go
     * @return what was read in this call
     * @throws MissingPermissionException if CloudWatch Logs refused {@code FilterLogEvents}
     * @throws IOException if the group does not exist, a call failed otherwise, or the checkpoint store failed
     */
    public IngestReport read(EventSink sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        String checkpointKey = "logs:" + group + (filterPattern == null ? "" : "?filter=" + filterPattern);
        Optional<String> saved = checkpoints.load(checkpointKey);
        Position position = saved.isPresent() ? JSON.readValue(saved.get(), Position.class) : null;
        if (position == null || position.timestamp() < range.from().toEpochMilli()) {
            // a checkpoint before this range's start (a read of earlier days) must not bring their events in
            position = new Position(range.from().toEpochMilli(), Set.of(), 0);
        }
        IngestReport total = IngestReport.EMPTY;
        long queryStart = position.timestamp(); // a nextToken belongs to the query that returned it
        String token = null;
        int page = 0;
        do {
            FilterLogEventsResponse response = filter(queryStart, token);
            token = response.nextToken();
            page++;
            List<FilteredLogEvent> fresh = new ArrayList<>();
            for (FilteredLogEvent event : response.events()) {
                if (event.timestamp() < position.timestamp() || (event.timestamp() == position.timestamp()
                        && position.ids() != null && position.ids().contains(event.eventId()))) {
                    continue; // read before the checkpoint
                }
                fresh.add(event);
            }
            if (fresh.isEmpty()) {
                continue;
            }
            ResumingSink counted = new ResumingSink(sink, position.taken());
            try {
                total = total.plus(counted.delivered(reader.read(new ByteArrayInputStream(messages(fresh)),
                        "logs:" + group + " page " + page, counted)));
            } catch (IOException | RuntimeException | Error e) {
                save(checkpointKey, stoppedAt(position, fresh, counted.taken()));
                throw e;
            }
            position = advance(position, fresh, counted.stillToDrop()); // the stopped read may have gone further
            save(checkpointKey, position);
        } while (token != null);
        return total;
    }

    private FilterLogEventsResponse filter(long start, String token) throws IOException {
        try {
            return logs.filterLogEvents(r -> r.logGroupName(group).startTime(start)
                    .endTime(range.until().equals(Instant.MAX) ? null : range.until().toEpochMilli() - 1) // inclusive
                    .filterPattern(filterPattern).limit(pageSize).nextToken(token));
        } catch (ResourceNotFoundException e) {
            throw new IOException("no log group named " + Escaping.quote(group) + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            Region client = logs.serviceClientConfiguration().region();
            String region = client == null ? "*" : client.id();
            throw MissingPermissionException.of(e, "logs:FilterLogEvents",
                    "arn:" + Partitions.of(client) + ":logs:" + region + ":*:log-group:" + group + ":*");
        }
    }

    /** A page's messages, one a line, as the line-oriented formats read them. */
    private static byte[] messages(List<FilteredLogEvent> events) {
        StringBuilder text = new StringBuilder();
        for (FilteredLogEvent event : events) {
            text.append(event.message().replace('\n', ' ')).append('\n'); // one record stays one line
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The position of a read that stopped inside a page after the sink took {@code taken} events of it: past the
     * messages whose events the sink took whole (a page is in timestamp order, so they are a prefix of it), with the
     * events it took of the next. So a restart resumes at the first message not taken by its id, whatever arrived
     * since; a count of events alone would land on another message when a late event sorts into the page. Each
     * message is parsed once more to count its events, on this path only.
     */
    private Position stoppedAt(Position before, List<FilteredLogEvent> page, long taken) {
        long passed = 0;
        int whole = 0;
        while (whole < page.size()) {
            long events = reader.eventsIn(new ByteArrayInputStream(messages(page.subList(whole, whole + 1))),
                    "logs:" + group);
            if (passed + events > taken) {
                break;
            }
            passed += events;
            whole++;
        }
        return whole == 0 ? new Position(before.timestamp(), before.ids(), taken)
                : advance(before, page.subList(0, whole), taken - passed);
    }

    /** The position after a page: its latest timestamp, every id read at that timestamp, and events taken past it. */
    private static Position advance(Position before, List<FilteredLogEvent> page, long takenPast) {
        long latest = before.timestamp();
        Set<String> ids = new TreeSet<>(before.ids() == null ? Set.of() : before.ids());
        for (FilteredLogEvent event : page) {
            if (event.timestamp() > latest) {
                latest = event.timestamp();
                ids.clear();
            }
            if (event.timestamp() == latest) {
                ids.add(event.eventId());
            }
        }
        return new Position(latest, ids, takenPast);
    }

    private void save(String key, Position position) throws IOException {
        checkpoints.save(Map.of(key, JSON.writeValueAsString(position)));
    }

    /** Configures a {@link LogGroupSource}. Not thread-safe. */
    public static final class Builder {
        private final CloudWatchLogsClient logs;
        private final String group;
        private TimeRange range = TimeRange.SINCE_EPOCH;
        private String filterPattern;
        private int pageSize = 10_000;
        private CheckpointStore checkpoints = CheckpointStore.inMemory();
        private LogReader reader = AwsLogs.reader().build();

        private Builder(CloudWatchLogsClient logs, String group) {
            this.logs = Objects.requireNonNull(logs, "logs");
            this.group = Objects.requireNonNull(group, "logGroupName");
        }

        /**
         * Reads only events with timestamps in [from, until); by default every event, from the epoch on.
         *
         * @param from the start, inclusive
         * @param until the end, exclusive, after {@code from}
         * @return this builder
         */
        public Builder between(Instant from, Instant until) {
            this.range = new TimeRange(from, until);
            return this;
        }

        /**
         * Reads only the events matching a CloudWatch Logs filter pattern, such as {@code { $.eventSource =
         * "iam.amazonaws.com" }}; by default all. The checkpoint is kept per pattern.
         *
         * @param pattern the pattern
         * @return this builder
         */
        public Builder filterPattern(String pattern) {
            this.filterPattern = Objects.requireNonNull(pattern, "pattern");
            return this;
        }

        /**
         * Sets how many events one call asks for; default 10,000, the most FilterLogEvents returns.
         *
         * @param events from 1 to 10,000
         * @return this builder
         */
        public Builder pageSize(int events) {
            this.pageSize = Bounds.require("pageSize", events, 1, 10_000);
            return this;
        }

        /**
         * Keeps the group's position in this store; by default in memory.
         *
         * @param checkpoints the store
         * @return this builder
         */
        public Builder checkpoints(CheckpointStore checkpoints) {
            this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
            return this;
        }

        /**
         * Parses messages with this reader; give it the group's format ({@code format("cloudtrail")}, or a
         * registered {@code FlowLogFormat.withLogFormat(...)} and {@code format("vpcflow")}).
         *
         * @param reader the reader
         * @return this builder
         */
        public Builder reader(LogReader reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /**
         * Builds the source.
         *
         * @return the source
         */
        public LogGroupSource build() {
            return new LogGroupSource(this);
        }
    }
}
