package io.github.detective4j.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.detective4j.aws.LoopbackAws.Answer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What SQS holds while {@link SqsNotificationSource} reads a batch, against {@link LoopbackAws}: the messages done are
 * deleted before the next read, so a crash does not deliver them again, and those not done stay invisible to another
 * consumer however long the batch takes, on a clock the test moves.
 */
class SqsNotificationDeliveryTest extends LoopbackAwsTest {
    /**
     * Each read finds the messages before it deleted: a crash in it would deliver only that message and those after
     * it again. A message whose object was read before needs no read, and is deleted with the next read's.
     */
    @Test
    void theMessagesDoneAreDeletedBeforeTheNextRead() throws IOException {
        for (String key : List.of("a", "b", "c")) {
            aws.answer(BUCKET, key + ".json", Answer.object(logFile(key)));
        }
        for (String key : List.of("a", "a", "b", "c")) { // the second "a": a notification S3 sent twice
            aws.send(cloudTrailNotification(key + ".json"));
        }
        SqsNotificationSource source = SqsNotificationSource.builder(sqs, s3, aws.queueUrl()).buckets(BUCKET)
                .waitTime(Duration.ZERO).build();

        List<Integer> leftDuringReads = new ArrayList<>();
        PollReport report = source.poll(event -> leftDuringReads.add(aws.messagesLeft()));

        assertEquals(4, report.deleted(), report::toString);
        assertEquals(List.of(4, 2, 1), leftDuringReads);
        assertEquals(List.of(List.of("m1", "m2"), List.of("m3"), List.of("m4")), aws.deleteBatches);
    }

    /**
     * Each read takes 40 s of a 100 s visibility timeout: before the read that starts past half of it, the messages
     * not done are made invisible for 100 s again, and another consumer receiving during any read gets nothing.
     */
    @Test
    void theMessagesNotDoneStayInvisibleWhileTheBatchIsRead() throws IOException {
        MovingClock clock = new MovingClock();
        aws.clock = clock::millis;
        for (String key : List.of("a", "b", "c", "d")) {
            aws.answer(BUCKET, key + ".json", Answer.object(logFile(key)));
            aws.send(cloudTrailNotification(key + ".json"));
        }
        SqsNotificationSource source = SqsNotificationSource.builder(sqs, s3, aws.queueUrl()).buckets(BUCKET)
                .waitTime(Duration.ZERO).visibilityTimeout(Duration.ofSeconds(100)).clock(clock).build();

        List<List<String>> takenByAnother = new ArrayList<>();
        PollReport report = source.poll(event -> {
            takenByAnother.add(aws.receiveAsAnotherConsumer());
            clock.advance(Duration.ofSeconds(40));
        });

        assertEquals(4, report.deleted(), report::toString);
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of()), takenByAnother,
                "at 40 s, past the queue's 30 s, and at 120 s, past the 100 s asked for on receipt");
        assertEquals(List.of(new LoopbackAws.VisibilityChange(List.of("m3", "m4"), 100)), aws.visibilityBatches,
                "once, at 80 s, for the messages not done");
    }

    /** A visibility timeout of 0 keeps nothing invisible: there is nothing to extend. */
    @Test
    void noVisibilityTimeoutIsExtendedWhenNoneWasAskedFor() throws IOException {
        for (String key : List.of("a", "b")) {
            aws.answer(BUCKET, key + ".json", Answer.object(logFile(key)));
            aws.send(cloudTrailNotification(key + ".json"));
        }
        SqsNotificationSource source = SqsNotificationSource.builder(sqs, s3, aws.queueUrl()).buckets(BUCKET)
                .waitTime(Duration.ZERO).visibilityTimeout(Duration.ZERO).build();

        assertEquals(2, source.poll(event -> { }).deleted());
        assertEquals(List.of(), aws.visibilityBatches);
    }

    /** A clock that stands still until the test moves it; its copies in other zones move with it. */
    private static final class MovingClock extends Clock {
        private final AtomicLong millis;
        private final ZoneId zone;

        MovingClock() {
            this(new AtomicLong(Instant.parse("2026-11-28T00:00:00Z").toEpochMilli()), ZoneOffset.UTC);
        }

        private MovingClock(AtomicLong millis, ZoneId zone) {
            this.millis = millis;
            this.zone = zone;
        }

        void advance(Duration by) {
            millis.addAndGet(by.toMillis());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MovingClock(millis, other);
        }
    }

    /** A CloudTrail log file of one event, whose id is made of the key. */
    private static String logFile(String key) {
        return "{\"Records\":[{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":"
                + "\"AIDAEXAMPLELOOPBACK\",\"arn\":\"arn:aws:iam::111122223333:user/ops\",\"accountId\":"
                + "\"111122223333\",\"userName\":\"ops\"},\"eventTime\":\"2026-11-27T23:04:58Z\",\"eventSource\":"
                + "\"iam.amazonaws.com\",\"eventName\":\"CreateAccessKey\",\"awsRegion\":\"us-east-1\","
                + "\"sourceIPAddress\":\"198.51.100.23\",\"userAgent\":\"aws-cli/2.15.0\",\"eventID\":\"event-" + key
                + "\",\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"111122223333\"}]}";
    }

}
