package io.github.detective4j.examples.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.PoisonMessage;
import io.github.detective4j.aws.PollReport;
import io.github.detective4j.aws.SqsNotificationSource;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.EventSink;
import io.github.detective4j.model.SecurityEvent;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * {@link SqsNotificationSource} against real servers in this JVM, on loopback: ElasticMQ for SQS, s3proxy for S3,
 * through the SDK's real clients. The notifications are in the shapes AWS sends (S3 event notifications raw and in
 * an SNS envelope, CloudTrail's SNS notification); the graph they lead to equals the one read from the files, even
 * with duplicate notifications and a reader that dies in the middle of an object.
 */
class SqsNotificationSourceTest {
    private static final String BUCKET = "org-logs-111122223333";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LoopbackS3 s3Server;
    private static LoopbackSqs sqsServer;
    private static S3Client s3;
    private static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        s3Server = new LoopbackS3();
        s3Server.upload(SmallIncident.dir(), BUCKET);
        s3 = s3Server.access().s3();
        sqsServer = new LoopbackSqs();
        sqs = sqsServer.access().sqs();
    }

    @AfterAll
    static void stop() throws Exception {
        sqs.close();
        s3.close();
        sqsServer.close();
        s3Server.close();
    }

    @Test
    void everyAnnouncedObjectIsIngestedOnceThoughNotificationsRepeatAndTheReaderDies() throws IOException {
        String queue = sqs.createQueue(r -> r.queueName("log-delivered")).queueUrl();
        List<String> bodies = new ArrayList<>();
        int sequencer = 0;
        int repeated = 0;
        for (String key : keys()) {
            // every shape a queue gets: CloudTrail's through SNS, S3's raw, through SNS and through EventBridge
            String body = key.contains("/CloudTrail/") ? sns(cloudTrailNotification(key))
                    : key.contains("/vpcflowlogs/") ? (++sequencer % 2 == 0 ? s3Event(key, sequencer)
                            : eventBridge(key, sequencer))
                    : sns(s3Event(key, ++sequencer));
            bodies.add(body);
            if (bodies.size() % 10 == 0) {
                bodies.add(body); // S3 and SNS deliver at least once: some notifications come twice
                repeated++;
            }
        }
        send(queue, bodies);
        SqsNotificationSource source = SqsNotificationSource.builder(sqs, s3, queue)
                .waitTime(Duration.ZERO).build();
        BehaviorGraph graph = BehaviorGraph.create();

        long total = SmallIncident.written().apiCalls() + SmallIncident.written().flowRecords();
        EventSink dying = Crashes.sinkDyingAfter(total / 2, graph);
        assertThrows(IllegalStateException.class, () -> {
            while (true) {
                source.poll(dying);
            }
        });
        List<PollReport> reports = drain(source, queue, graph);

        assertEquals(0, messagesLeft(queue));
        assertTrue(reports.stream().allMatch(r -> r.poisoned().isEmpty()));
        assertTrue(repeated > 50);
        assertTrue(reports.stream().mapToInt(PollReport::objectsAlreadyRead).sum() > 0,
                "repeated notifications after the restart found their objects read, and were not read again");
        assertEquals(SmallIncident.written().apiCalls(), graph.stats().apiCalls());
        assertEquals(SmallIncident.fingerprint(SmallIncident.localGraph()), SmallIncident.fingerprint(graph));
    }

    /**
     * A key with a '%' escape S3 never writes (S3 sends '%' as {@code %25}) comes only from whoever else can send to
     * the queue: that message is poisoned at once, before any bucket is asked, and the messages behind it are read.
     */
    @Test
    void aKeyWithABadEscapeIsPoisonedAtOnceAndDoesNotJamTheQueue() throws IOException {
        String queue = sqs.createQueue(r -> r.queueName("bad-escape")).queueUrl();
        String goodKey = keys().stream().filter(k -> k.contains("/vpcflowlogs/")).findFirst().orElseThrow();
        String forged = s3Event(goodKey, 1).replace(URLEncoder.encode(goodKey, StandardCharsets.UTF_8),
                "logs/100%.json");
        send(queue, List.of(forged, s3Event(goodKey, 2)));

        SqsNotificationSource source = SqsNotificationSource.builder(sqs, s3, queue).buckets(BUCKET)
                .waitTime(Duration.ZERO).retryDelay(Duration.ZERO).maxAttempts(3).build();
        List<SecurityEvent> events = new ArrayList<>();
        List<PoisonMessage> poisoned = drain(source, queue, events::add).stream()
                .flatMap(r -> r.poisoned().stream()).toList();

        assertEquals(0, messagesLeft(queue));
        assertEquals(1, poisoned.size(), poisoned::toString);
        assertEquals(1, poisoned.get(0).receiveCount(), "a body that cannot change is not retried");
        assertTrue(poisoned.get(0).reason().contains("not URL-encoded"), poisoned.get(0).reason());
        List<SecurityEvent> expected = new ArrayList<>();
        AwsLogs.read(SmallIncident.dir().resolve(goodKey)).into(expected::add);
        assertEquals(expected.size(), events.size());
    }

    @Test
    void messagesWhoseObjectsCannotBeReadAreRetriedThenReportedAndTheQueueKeepsFlowing() throws IOException {
        String queue = sqs.createQueue(r -> r.queueName("poison")).queueUrl();
        String goodKey = keys().stream().filter(k -> k.contains("/vpcflowlogs/")).findFirst().orElseThrow();
        String cloudTrailKey = keys().stream().filter(k -> k.contains("/CloudTrail/")).findFirst().orElseThrow();
        byte[] whole = Files.readAllBytes(SmallIncident.dir().resolve(cloudTrailKey));
        String corruptKey = cloudTrailKey.replace(".json.gz", "-truncated.json.gz");
        s3.putObject(r -> r.bucket(BUCKET).key(corruptKey), RequestBody.fromBytes(Arrays.copyOf(whole,
                whole.length / 2)));
        String missingKey = cloudTrailKey.replace(".json.gz", "-never-written.json.gz");
        String foreign = json(Map.of("s3Bucket", "someone-elses-bucket", "s3ObjectKey", List.of(goodKey)));
        send(queue, List.of(sns(cloudTrailNotification(missingKey)), s3Event(corruptKey, 1),
                "<html>not a notification</html>", s3Event(goodKey, 2), foreign));

        SqsNotificationSource source = SqsNotificationSource.builder(sqs, s3, queue).buckets(BUCKET)
                .waitTime(Duration.ZERO).retryDelay(Duration.ZERO).maxAttempts(3).build();
        List<SecurityEvent> events = new ArrayList<>();
        List<PoisonMessage> poisoned = drain(source, queue, events::add).stream()
                .flatMap(r -> r.poisoned().stream()).toList();

        List<SecurityEvent> expected = new ArrayList<>();
        AwsLogs.read(SmallIncident.dir().resolve(goodKey)).into(expected::add);
        List<SecurityEvent> fromCorrupt = new ArrayList<>();
        AwsLogs.read(SmallIncident.dir().resolve(cloudTrailKey)).into(fromCorrupt::add);
        assertEquals(0, messagesLeft(queue));
        assertEquals(4, poisoned.size(), poisoned::toString);
        Map<String, PoisonMessage> byReason = new java.util.HashMap<>();
        for (PoisonMessage poison : poisoned) {
            byReason.put(poison.reason().contains("no such object") ? "missing"
                    : poison.reason().startsWith("not a notification") ? "garbage"
                    : poison.reason().startsWith("not an allowed bucket") ? "foreign" : "corrupt", poison);
        }
        assertEquals(1, byReason.get("foreign").receiveCount(), "a bucket not read is not retried");
        assertEquals(3, byReason.get("missing").receiveCount());
        assertEquals(3, byReason.get("corrupt").receiveCount());
        assertTrue(byReason.get("corrupt").reason().contains(corruptKey), byReason.get("corrupt").reason());
        assertEquals(1, byReason.get("garbage").receiveCount(), "a body that is no notification is not retried");
        // the good object is in, and the corrupt one's readable records came once, however often it was retried
        assertTrue(events.containsAll(expected));
        long fromTruncated = events.stream().filter(e -> !expected.contains(e)).count();
        assertEquals(fromTruncated, events.stream().filter(fromCorrupt::contains).distinct().count());
        assertEquals(expected.size() + fromTruncated, events.size());
    }

    /**
     * An EventBridge rule may send CloudTrail's events and GuardDuty's findings to the queue themselves: when asked to,
     * they are read from the message, deduplicated by id when they come again, and another service's event is
     * poisoned at once.
     */
    @Test
    void eventsThatEventBridgeSendsToTheQueueAreReadFromTheMessage() throws IOException {
        String queue = sqs.createQueue(r -> r.queueName("eventbridge")).queueUrl();
        String apiCall = json(Map.of("version", "0", "id", "6f87d04b-9f74-4f04-a780-7acf4b0a9b38",
                "detail-type", "AWS API Call via CloudTrail", "source", "aws.iam", "account", "111122223333",
                "time", "2026-11-27T23:04:59Z", "region", "us-east-1", "resources", List.of(),
                "detail", Map.ofEntries(Map.entry("eventVersion", "1.09"), Map.entry("userIdentity", Map.of(
                                "type", "IAMUser", "principalId", "AIDAEXAMPLEEVENTBRIDGE",
                                "arn", "arn:aws:iam::111122223333:user/ops", "accountId", "111122223333",
                                "userName", "ops")),
                        Map.entry("eventTime", "2026-11-27T23:04:58Z"), Map.entry("eventSource", "iam.amazonaws.com"),
                        Map.entry("eventName", "CreateAccessKey"), Map.entry("awsRegion", "us-east-1"),
                        Map.entry("sourceIPAddress", "198.51.100.23"), Map.entry("userAgent", "aws-cli/2.15.0"),
                        Map.entry("eventID", "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"),
                        Map.entry("eventType", "AwsApiCall"), Map.entry("managementEvent", true),
                        Map.entry("recipientAccountId", "111122223333"))));
        String finding = json(Map.of("version", "0", "id", "cd2d702e-ab31-411b-9344-793ce56b1bc7",
                "detail-type", "GuardDuty Finding", "source", "aws.guardduty", "account", "111122223333",
                "time", "2026-11-28T04:22:10Z", "region", "us-east-1", "resources", List.of(),
                "detail", Map.ofEntries(Map.entry("schemaVersion", "2.0"), Map.entry("accountId", "111122223333"),
                        Map.entry("region", "us-east-1"), Map.entry("partition", "aws"),
                        Map.entry("id", "c2b98b95c5440025c05b405065ed3bb9"),
                        Map.entry("arn", "arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0"
                                + "/finding/c2b98b95c5440025c05b405065ed3bb9"),
                        Map.entry("type", "CryptoCurrency:EC2/BitcoinTool.B!DNS"),
                        Map.entry("resource", Map.of("resourceType", "Instance",
                                "instanceDetails", Map.of("instanceId", "i-08a8e40be65425909"))),
                        Map.entry("service", Map.of("serviceName", "guardduty", "count", 3,
                                "eventFirstSeen", "2026-11-20T04:10:02.000Z", "eventLastSeen", "2026-11-28T04:15:40.000Z",
                                "archived", false)),
                        Map.entry("severity", 8), Map.entry("createdAt", "2026-11-20T04:12:31.457Z"),
                        Map.entry("updatedAt", "2026-11-28T04:20:11.000Z"),
                        Map.entry("title", "Bitcoin-related domain name queried by EC2 instance i-08a8e40be65425909."),
                        Map.entry("description", "EC2 instance i-08a8e40be65425909 is querying a domain name"
                                + " associated with Bitcoin-related activity."))));
        String stateChange = json(Map.of("version", "0", "id", "7bf73129-1428-4cd3-a780-95db273d1602",
                "detail-type", "EC2 Instance State-change Notification", "source", "aws.ec2",
                "account", "111122223333", "time", "2026-11-28T04:22:10Z", "region", "us-east-1",
                "resources", List.of("arn:aws:ec2:us-east-1:111122223333:instance/i-08a8e40be65425909"),
                "detail", Map.of("instance-id", "i-08a8e40be65425909", "state", "running")));
        send(queue, List.of(apiCall, sns(finding), apiCall, stateChange));

        // off by default: whoever may send to the queue would choose the events
        SqsNotificationSource off = SqsNotificationSource.builder(sqs, s3, queue).waitTime(Duration.ZERO).build();
        List<SecurityEvent> none = new ArrayList<>();
        List<PollReport> refusals = drain(off, queue, none::add);
        List<PoisonMessage> refused = refusals.stream().flatMap(r -> r.poisoned().stream()).toList();
        assertEquals(0, refusals.stream().mapToInt(PollReport::eventMessagesRead).sum(), refusals::toString);
        assertEquals(List.of(), none);
        assertEquals(4, refused.size(), refused::toString);
        assertTrue(refused.get(0).reason().contains("eventsInMessages"), refused.get(0)::toString);

        send(queue, List.of(apiCall, sns(finding), apiCall, stateChange));
        SqsNotificationSource source = SqsNotificationSource.builder(sqs, s3, queue).waitTime(Duration.ZERO)
                .eventsInMessages(true).build();
        List<SecurityEvent> events = new ArrayList<>();
        List<PollReport> reports = drain(source, queue, events::add);

        assertEquals(0, messagesLeft(queue));
        assertEquals(2, events.size(), events::toString);
        assertTrue(events.get(0) instanceof io.github.detective4j.model.ApiCall, events::toString);
        assertEquals("CreateAccessKey", ((io.github.detective4j.model.ApiCall) events.get(0)).eventName());
        assertEquals("c2b98b95c5440025c05b405065ed3bb9",
                ((io.github.detective4j.model.Finding) events.get(1)).id());
        assertEquals(1, reports.stream().mapToLong(PollReport::duplicateEvents).sum(), "the API call came twice");
        assertEquals(3, reports.stream().mapToInt(PollReport::eventMessagesRead).sum(), reports::toString);
        assertEquals(0, reports.stream().mapToInt(PollReport::objectsRead).sum(), reports::toString);
        List<PoisonMessage> poisoned = reports.stream().flatMap(r -> r.poisoned().stream()).toList();
        assertEquals(1, poisoned.size(), poisoned::toString);
        assertEquals(1, poisoned.get(0).receiveCount());
        assertTrue(poisoned.get(0).reason().startsWith("not a notification: ")
                && poisoned.get(0).body().contains("EC2 Instance State-change"), poisoned::toString);
    }

    /**
     * The batch's visibility ran out while the poll was still reading it, and another consumer received and deleted
     * its messages: changing the visibility of one of them then fails (its receipt handle is no longer valid), which
     * must neither stop the poll nor lose what it read.
     */
    @Test
    void aMessageAnotherConsumerDeletedMidPollDoesNotStopThePoll() throws Exception {
        String queue = sqs.createQueue(r -> r.queueName("taken-over")).queueUrl();
        String goodKey = keys().stream().filter(k -> k.contains("/vpcflowlogs/")).findFirst().orElseThrow();
        String missingKey = goodKey.replace(".log.gz", "-never-written.log.gz");
        send(queue, List.of(s3Event(goodKey, 1), s3Event(missingKey, 2)));
        SqsNotificationSource source = SqsNotificationSource.builder(sqs, s3, queue).buckets(BUCKET)
                .waitTime(Duration.ZERO).visibilityTimeout(Duration.ofSeconds(1)).retryDelay(Duration.ofSeconds(30))
                .maxAttempts(3).build();
        java.util.concurrent.atomic.AtomicBoolean takenOver = new java.util.concurrent.atomic.AtomicBoolean();
        List<SecurityEvent> events = new ArrayList<>();
        PollReport report = source.poll(event -> {
            events.add(event);
            if (takenOver.compareAndSet(false, true)) {
                try {
                    Thread.sleep(1_500); // past the visibility timeout, in one read: nothing extends it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages().forEach(m ->
                        sqs.deleteMessage(d -> d.queueUrl(queue).receiptHandle(m.receiptHandle())));
            }
        });
        assertEquals(2, report.messages(), report::toString);
        assertEquals(1, report.objectsRead(), report::toString);
        List<SecurityEvent> expected = new ArrayList<>();
        AwsLogs.read(SmallIncident.dir().resolve(goodKey)).into(expected::add);
        assertEquals(expected.size(), events.size());
        assertEquals(0, messagesLeft(queue));
    }

    /** Polls until the queue has nothing visible, making sure the loop ends if the source leaves messages behind. */
    private static List<PollReport> drain(SqsNotificationSource source, String queue, EventSink sink)
            throws IOException {
        List<PollReport> reports = new ArrayList<>();
        for (int polls = 0; polls < 1000; polls++) {
            PollReport report = source.poll(sink);
            if (report.messages() == 0 && messagesLeft(queue) == 0) {
                return reports;
            }
            reports.add(report);
        }
        throw new AssertionError("the queue never emptied");
    }

    private static int messagesLeft(String queue) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(queue).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static void send(String queue, List<String> bodies) {
        for (int i = 0; i < bodies.size(); i += 10) {
            List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
            for (int j = i; j < Math.min(i + 10, bodies.size()); j++) {
                batch.add(SendMessageBatchRequestEntry.builder().id("m" + j).messageBody(bodies.get(j)).build());
            }
            sqs.sendMessageBatch(r -> r.queueUrl(queue).entries(batch));
        }
    }

    private static List<String> keys() throws IOException {
        try (Stream<Path> files = Files.walk(SmallIncident.dir())) {
            return files.filter(Files::isRegularFile).map(f -> LoopbackS3.key(SmallIncident.dir(), f)).sorted()
                    .toList();
        }
    }

    /** An S3 event notification of a put, as S3 sends it (version 2.1; the key URL-encoded). */
    private static String s3Event(String key, int sequencer) {
        return json(Map.of("Records", List.of(Map.of(
                "eventVersion", "2.1", "eventSource", "aws:s3", "awsRegion", "us-east-1",
                "eventTime", "2026-11-27T23:05:01.123Z", "eventName", "ObjectCreated:Put",
                "userIdentity", Map.of("principalId", "AWS:AROAEXAMPLEDELIVERY:regional-delivery"),
                "s3", Map.of("s3SchemaVersion", "1.0", "configurationId", "detective4j-logs",
                        "bucket", Map.of("name", BUCKET, "arn", "arn:aws:s3:::" + BUCKET),
                        "object", Map.of("key", URLEncoder.encode(key, StandardCharsets.UTF_8), "size", 1024,
                                "eTag", "0123456789abcdef0123456789abcdef",
                                "sequencer", String.format("00%014X", sequencer)))))));
    }

    /** S3's event of a put as EventBridge delivers it to a queue (the key as it is). */
    private static String eventBridge(String key, int sequencer) {
        return json(Map.of("version", "0", "id", "17793124-05d4-b198-2fde-7ededc63b103",
                "detail-type", "Object Created", "source", "aws.s3", "account", "111122223333",
                "time", "2026-11-27T23:05:01Z", "region", "us-east-1", "resources", List.of("arn:aws:s3:::" + BUCKET),
                "detail", Map.of("version", "0", "bucket", Map.of("name", BUCKET),
                        "object", Map.of("key", key, "size", 1024, "etag", "0123456789abcdef0123456789abcdef",
                                "sequencer", String.format("%016x", sequencer)),
                        "request-id", "N4N7GDK58NMKJ12R", "requester", "111122223333",
                        "source-ip-address", "1.2.3.4", "reason", "PutObject")));
    }

    /** CloudTrail's notification of a delivered log file. */
    private static String cloudTrailNotification(String key) {
        return json(Map.of("s3Bucket", BUCKET, "s3ObjectKey", List.of(key)));
    }

    /** A message as SNS delivers it to SQS without raw message delivery. */
    private static String sns(String message) {
        return json(Map.of("Type", "Notification", "MessageId", "5f2d4e1c-6b1a-5b7e-9d7f-2b1f0e8a1c3d",
                "TopicArn", "arn:aws:sns:us-east-1:111122223333:log-delivered", "Message", message,
                "Timestamp", "2026-11-27T23:05:02.456Z", "SignatureVersion", "1"));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
