package io.github.detective4j.examples.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.CheckpointStore;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.LogGroupSource;
import io.github.detective4j.aws.LogReader;
import io.github.detective4j.aws.MissingPermissionException;
import io.github.detective4j.aws.vpcflow.FlowLogFormat;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.ApiCall;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * {@link LogGroupSource} through the SDK's real CloudWatch Logs client against {@link LoopbackLogs}, a loopback HTTP
 * endpoint that speaks FilterLogEvents' documented JSON 1.1 protocol (no local CloudWatch Logs server exists), holding
 * the reference incident's CloudTrail events and flow log lines as CloudTrail and VPC Flow Logs deliver them to log
 * groups: the graph equals the one read from the incident's CloudTrail and flow log files, also when the read dies
 * in the middle of a page and restarts from its checkpoint.
 */
class LogGroupSourceTest {
    private static final String TRAIL_GROUP = "aws-cloudtrail-logs-111122223333-5e6f7a8b";
    private static final String FLOW_GROUP = "/aws/vpc/flow-logs/vpc-078e5be8d2f9274e6";
    private static LoopbackLogs server;
    private static CloudWatchLogsClient logs;
    private static String flowFormat;
    private static BehaviorGraph expected;

    @TempDir
    Path state;

    @BeforeAll
    static void start() throws IOException {
        server = new LoopbackLogs();
        List<LoopbackLogs.LogEvent> trail = new ArrayList<>();
        List<LoopbackLogs.LogEvent> flows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(SmallIncident.dir())) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String key = LoopbackS3.key(SmallIncident.dir(), file);
                if (key.contains("/CloudTrail/")) {
                    for (JsonNode record : json.readTree(new GZIPInputStream(Files.newInputStream(file)))
                            .get("Records")) {
                        trail.add(new LoopbackLogs.LogEvent("111122223333_CloudTrail_" + record.get("awsRegion")
                                .asText(), Instant.parse(record.get("eventTime").asText()).toEpochMilli(),
                                json.writeValueAsString(record), id(trail.size())));
                    }
                } else if (key.contains("/vpcflowlogs/")) {
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                            new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
                        flowFormat = lines.readLine(); // the header: CloudWatch Logs gets the lines below it
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            long start = Long.parseLong(line.split(" ")[10]);
                            flows.add(new LoopbackLogs.LogEvent(line.split(" ")[2] + "-all", start * 1000, line,
                                    id(1_000_000 + flows.size())));
                        }
                    }
                }
            }
        }
        server.put(TRAIL_GROUP, trail);
        server.put(FLOW_GROUP, flows);
        logs = server.access().logs();
        expected = BehaviorGraph.create();
        AwsLogs.reader().glob("AWSLogs/*/{CloudTrail,vpcflowlogs}/**").build().read(SmallIncident.dir(), expected);
    }

    @AfterAll
    static void stop() {
        logs.close();
        server.close();
    }

    private static String id(int n) {
        return String.format("%056d", n); // CloudWatch Logs' event ids are 56 digits
    }

    private static LogGroupSource.Builder trail() {
        return LogGroupSource.builder(logs, TRAIL_GROUP).reader(AwsLogs.reader().format("cloudtrail").build())
                .between(SmallIncident.facts().start(), SmallIncident.facts().end());
    }

    private static LogGroupSource.Builder flows() {
        String format = Arrays.stream(flowFormat.split(" ")).map(f -> "${" + f + "}").collect(Collectors.joining(" "));
        LogReader reader = AwsLogs.reader().register(FlowLogFormat.withLogFormat(format)).format("vpcflow").build();
        return LogGroupSource.builder(logs, FLOW_GROUP).reader(reader)
                .between(SmallIncident.facts().start(), SmallIncident.facts().end());
    }

    @Test
    void theGraphReadFromTheLogGroupsEqualsTheGraphReadFromTheFilesAndAReadAgainReadsNothing() throws IOException {
        BehaviorGraph graph = BehaviorGraph.create();
        CheckpointStore checkpoints = CheckpointStore.inMemory();
        int before = server.calls.get();
        IngestReport trailReport = trail().checkpoints(checkpoints).build().read(graph);
        IngestReport flowReport = flows().checkpoints(checkpoints).build().read(graph);

        assertEquals(0, trailReport.errors() + flowReport.errors());
        long pages = (SmallIncident.written().apiCalls() + LoopbackLogs.MAX_PAGE - 1) / LoopbackLogs.MAX_PAGE;
        assertTrue(server.calls.get() - before >= pages, "every page was asked for with its nextToken");
        assertEquals(SmallIncident.written().apiCalls(), graph.stats().apiCalls());
        assertEquals(SmallIncident.fingerprint(expected), SmallIncident.fingerprint(graph));

        assertEquals(0, trail().checkpoints(checkpoints).build().read(graph).eventsProduced());
        assertEquals(0, flows().checkpoints(checkpoints).build().read(graph).eventsProduced());
    }

    /** A checkpoint from a read of earlier days does not bring their events into a range that starts later. */
    @Test
    void aLaterRangeStartsAtItsStartWhateverTheCheckpointSays() throws IOException {
        CheckpointStore checkpoints = CheckpointStore.inMemory();
        Instant start = SmallIncident.facts().start();
        Instant end = SmallIncident.facts().end();
        Instant third = start.plus(Duration.between(start, end).dividedBy(3));
        Instant twoThirds = start.plus(Duration.between(start, end).multipliedBy(2).dividedBy(3));
        assertTrue(trail().between(start, third).checkpoints(checkpoints).build().read(event -> { })
                .eventsProduced() > 0);
        List<ApiCall> later = new ArrayList<>();
        trail().between(twoThirds, end).checkpoints(checkpoints).build().read(event -> later.add((ApiCall) event));
        assertFalse(later.isEmpty());
        assertEquals(0, later.stream().filter(call -> call.eventTime().isBefore(twoThirds)).count(),
                "events before the range's start");
    }

    @Test
    void aReadThatDiesInsideAPageResumesFromItsCheckpointWithNothingLostOrCountedTwice() throws IOException {
        Path file = state.resolve("logs-checkpoints.json");
        BehaviorGraph graph = BehaviorGraph.create();
        long killAt = SmallIncident.written().apiCalls() / 3 + 17; // inside a page: pages are 700 events
        assertThrows(IllegalStateException.class, () -> trail().checkpoints(CheckpointStore.inFile(file)).build()
                .read(Crashes.sinkDyingAfter(killAt, graph)));
        assertEquals(killAt, graph.stats().apiCalls());
        assertThrows(IllegalStateException.class, () -> flows().checkpoints(CheckpointStore.inFile(file)).build()
                .read(Crashes.sinkDyingAfter(5_000, graph)));

        trail().checkpoints(CheckpointStore.inFile(file)).build().read(graph);
        flows().checkpoints(CheckpointStore.inFile(file)).build().read(graph);

        assertEquals(SmallIncident.written().apiCalls(), graph.stats().apiCalls());
        assertEquals(SmallIncident.fingerprint(expected), SmallIncident.fingerprint(graph));
    }

    /**
     * A read stops inside a page; before the restart, an event arrives late with a time among those already taken.
     * The restart goes on after the last log event taken, by its id: nothing is delivered twice (a count of events
     * taken, as before, landed one event early and delivered it again).
     */
    @Test
    void aLateEventBeforeTheStopDoesNotShiftTheRestart() throws IOException {
        String group = "late-arrivals";
        Instant t0 = SmallIncident.facts().start().plusSeconds(3600);
        List<LoopbackLogs.LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(new LoopbackLogs.LogEvent("111122223333_CloudTrail_us-east-1", t0.plusSeconds(60L * i)
                    .toEpochMilli(), record(i, t0.plusSeconds(60L * i)), id(2_000_000 + i)));
        }
        server.put(group, events);
        CheckpointStore checkpoints = CheckpointStore.inMemory();
        LogGroupSource source = LogGroupSource.builder(logs, group).reader(AwsLogs.reader().format("cloudtrail")
                .build()).between(SmallIncident.facts().start(), SmallIncident.facts().end()).checkpoints(checkpoints)
                .build();
        List<String> delivered = new ArrayList<>();
        assertThrows(IllegalStateException.class,
                () -> source.read(Crashes.sinkDyingAfter(5, e -> delivered.add(((ApiCall) e).eventId()))));
        List<LoopbackLogs.LogEvent> later = new ArrayList<>(events);
        later.add(new LoopbackLogs.LogEvent("111122223333_CloudTrail_us-east-1", t0.plusSeconds(90).toEpochMilli(),
                record(99, t0.plusSeconds(90)), id(2_000_099)));
        server.put(group, later);

        source.read(e -> delivered.add(((ApiCall) e).eventId()));
        assertEquals(10, delivered.size(), delivered.toString());
        assertEquals(10, delivered.stream().distinct().count(), "none twice: " + delivered);
    }

    /** A CloudTrail event as CloudTrail writes it to a log group, one JSON object. */
    private static String record(int n, Instant time) {
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":"
                + "\"AIDAEXAMPLEUSER1\",\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"accountId\":"
                + "\"111122223333\",\"userName\":\"alice\"},\"eventTime\":\"" + time + "\",\"eventSource\":"
                + "\"iam.amazonaws.com\",\"eventName\":\"ListUsers\",\"awsRegion\":\"us-east-1\","
                + "\"sourceIPAddress\":\"203.0.113.7\",\"userAgent\":\"aws-cli/2.15.0\",\"eventID\":"
                + "\"11111111-2222-3333-4444-" + String.format("%012d", n) + "\",\"eventType\":\"AwsApiCall\","
                + "\"recipientAccountId\":\"111122223333\"}";
    }

    @Test
    void aMissingGroupAndAccessDeniedAreNamed() {
        IOException missing = assertThrows(IOException.class,
                () -> LogGroupSource.builder(logs, "/aws/vpc/no-such-group").build().read(event -> {}));
        assertTrue(missing.getMessage().contains("no log group named '/aws/vpc/no-such-group'"),
                missing.getMessage());
        MissingPermissionException denied = assertThrows(MissingPermissionException.class,
                () -> LogGroupSource.builder(logs, LoopbackLogs.FORBIDDEN).build().read(event -> {}));
        assertEquals("logs:FilterLogEvents", denied.action());
        assertEquals("arn:aws:logs:us-east-1:*:log-group:" + LoopbackLogs.FORBIDDEN + ":*", denied.resource());
    }
}
