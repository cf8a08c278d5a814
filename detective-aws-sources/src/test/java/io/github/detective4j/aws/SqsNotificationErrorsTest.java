package io.github.detective4j.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.LoopbackAws.Answer;
import io.github.detective4j.model.EventSink;
import io.github.detective4j.model.SecurityEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How {@link SqsNotificationSource} takes S3's and SQS's errors, against {@link LoopbackAws} (the answers ElasticMQ and
 * s3proxy never give): what is wrong with one object fails its message, which is retried and then poisoned, and the
 * messages behind it flow; what is wrong with S3 (busy) or with the reader (its credentials, its region, SQS refusing
 * it) deletes nothing unread.
 */
class SqsNotificationErrorsTest extends LoopbackAwsTest {
    /** One CloudTrail event in a log file, as CloudTrail writes them. */
    private static final String LOG_FILE = "{\"Records\":[{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":"
            + "\"IAMUser\",\"principalId\":\"AIDAEXAMPLELOOPBACK\",\"arn\":\"arn:aws:iam::111122223333:user/ops\","
            + "\"accountId\":\"111122223333\",\"userName\":\"ops\"},\"eventTime\":\"2026-11-27T23:04:58Z\","
            + "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateAccessKey\",\"awsRegion\":\"us-east-1\","
            + "\"sourceIPAddress\":\"198.51.100.23\",\"userAgent\":\"aws-cli/2.15.0\","
            + "\"eventID\":\"0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d\",\"eventType\":\"AwsApiCall\","
            + "\"managementEvent\":true,\"recipientAccountId\":\"111122223333\"}]}";
    private static final String KMS_DENIED = "User: arn:aws:sts::111122223333:assumed-role/DetectiveReader/detective4j"
            + " is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because the"
            + " resource does not exist in this Region, no resource-based policies allow access, or a resource-based"
            + " policy explicitly denies access";
    private SqsNotificationSource source(Duration retryDelay) {
        return SqsNotificationSource.builder(sqs, s3, aws.queueUrl()).buckets(BUCKET).maxAttempts(3)
                .retryDelay(retryDelay).waitTime(Duration.ZERO).build();
    }

    /**
     * S3 answers 403 for a key a bucket policy or KMS key denies, and for a deleted key to a reader without
     * s3:ListBucket: that message is retried, poisoned after its attempts with what AWS said, and does not stop the
     * messages behind it.
     */
    @Test
    void anObjectS3RefusesIsRetriedThenPoisonedWithWhatAwsSaidAndTheQueueKeepsFlowing() throws IOException {
        aws.answer(BUCKET, "denied.json", Answer.error(403, "AccessDenied", "Access Denied"));
        aws.answer(BUCKET, "encrypted.json", Answer.error(403, "AccessDenied", KMS_DENIED));
        aws.answer(BUCKET, "good.json", Answer.object(LOG_FILE));
        for (String key : List.of("denied.json", "encrypted.json", "missing.json", "good.json")) {
            aws.send(cloudTrailNotification(key)); // missing.json: S3 answers 404 NoSuchKey
        }

        List<SecurityEvent> events = new ArrayList<>();
        List<PoisonMessage> poisoned = drain(source(Duration.ZERO), events::add);

        assertEquals(0, aws.messagesLeft());
        assertEquals(1, events.size(), "the message behind the refused ones was read, once");
        Map<String, PoisonMessage> byKey = poisoned.stream().collect(Collectors.toMap(
                p -> p.body().replaceAll(".*\\[\"([^\"]+)\"].*", "$1"), Function.identity()));
        assertEquals(Map.of("denied.json", 3, "encrypted.json", 3, "missing.json", 3), byKey.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().receiveCount())));
        assertTrue(byKey.get("denied.json").reason().contains("Access Denied (Service: S3, Status Code: 403"),
                byKey.get("denied.json")::reason);
        assertTrue(byKey.get("encrypted.json").reason().contains("not authorized to perform: kms:Decrypt"),
                byKey.get("encrypted.json")::reason);
        assertTrue(byKey.get("missing.json").reason().endsWith("no such object"), byKey.get("missing.json")::reason);
        assertEquals(3, Collections.frequency(aws.gets, BUCKET + "/denied.json"));
    }

    /**
     * S3 failing (5xx, throttling) past the SDK's retries says nothing of the object: the message comes again after
     * the retry delay as often as it takes, and is not poisoned for it.
     */
    @ParameterizedTest
    @CsvSource({"503, SlowDown, Please reduce your request rate.",
            "500, InternalError, We encountered an internal error. Please try again.",
            "503, ServiceUnavailable, Service is unable to handle request."})
    void aBusyS3NeitherPoisonsNorDeletesTheMessage(int status, String code, String message) throws IOException {
        Answer busy = Answer.error(status, code, message);
        aws.answer(BUCKET, "good.json", busy, busy, busy, busy, busy, Answer.object(LOG_FILE));
        aws.send(cloudTrailNotification("good.json"));

        List<SecurityEvent> events = new ArrayList<>();
        List<PoisonMessage> poisoned = drain(source(Duration.ofSeconds(7)), events::add);

        assertEquals(List.of(), poisoned);
        assertEquals(0, aws.messagesLeft());
        assertEquals(1, events.size(), "read at the sixth delivery, past maxAttempts(3)");
        assertEquals(List.of(7, 7, 7, 7, 7), aws.visibilityTimeouts, "each retried after the retry delay");
    }

    /** A busy S3 and then a refusal: only the refused deliveries count toward the attempts. */
    @Test
    void onlyTheDeliveriesThatFoundTheObjectAtFaultCount() throws IOException {
        Answer busy = Answer.error(503, "SlowDown", "Please reduce your request rate.");
        Answer denied = Answer.error(403, "AccessDenied", "Access Denied");
        aws.answer(BUCKET, "denied.json", busy, busy, busy, denied);
        aws.send(cloudTrailNotification("denied.json"));

        List<PoisonMessage> poisoned = drain(source(Duration.ZERO), event -> { });

        assertEquals(1, poisoned.size());
        assertEquals(6, poisoned.get(0).receiveCount(), "three busy deliveries, then three refused");
    }

    /** S3 refusing the reader's credentials refuses every object: the poll fails, as when SQS refuses the reader. */
    @Test
    void credentialsS3RefusesFailThePollAndPoisonNothing() {
        aws.answer(BUCKET, "good.json", Answer.error(403, "InvalidAccessKeyId",
                "The AWS Access Key Id you provided does not exist in our records."));
        aws.send(cloudTrailNotification("good.json"));
        SqsNotificationSource source = source(Duration.ZERO);

        for (int poll = 0; poll < 4; poll++) {
            MissingPermissionException e = assertThrows(MissingPermissionException.class,
                    () -> source.poll(event -> { }));
            assertEquals("s3:GetObject", e.action());
            assertTrue(e.getMessage().contains("does not exist in our records"), e::getMessage);
        }
        assertEquals(1, aws.messagesLeft());
    }

    @Test
    void sqsRefusingTheReaderFailsThePoll() {
        aws.sqsRefusal = "User: arn:aws:iam::111122223333:user/ops is not authorized to perform: sqs:receivemessage"
                + " on resource: arn:aws:sqs:us-east-1:111122223333:notifications";
        MissingPermissionException e = assertThrows(MissingPermissionException.class,
                () -> source(Duration.ZERO).poll(event -> { }));
        assertEquals("sqs:ReceiveMessage", e.action());
        assertTrue(e.getMessage().contains("; AWS said: " + aws.sqsRefusal), e::getMessage);
    }

    /**
     * A client of another region than the bucket's gets 301 for every object of it: the poll fails naming the
     * bucket's region, the messages are left for a mended reader, none is poisoned.
     */
    @Test
    void aBucketInAnotherRegionFailsThePollNamingTheRegion() {
        aws.answer(BUCKET, "good.json", Answer.error(301, "PermanentRedirect", "The bucket you are attempting to"
                + " access must be addressed using the specified endpoint. Please send all future requests to this"
                + " endpoint.").withHeader("x-amz-bucket-region", "eu-west-1"));
        aws.send(cloudTrailNotification("good.json"));
        SqsNotificationSource source = source(Duration.ZERO);

        for (int poll = 0; poll < 4; poll++) {
            IOException e = assertThrows(IOException.class, () -> source.poll(event -> { }));
            assertEquals(IOException.class, e.getClass());
            assertTrue(e.getMessage().contains("the bucket '" + BUCKET + "' is in region 'eu-west-1', not in the S3"
                    + " client's us-east-1"), e::getMessage);
            assertInstanceOf(software.amazon.awssdk.services.s3.model.S3Exception.class, e.getCause());
        }
        assertEquals(1, aws.messagesLeft());
        assertEquals(List.of(0, 0, 0, 0), aws.visibilityTimeouts, "released for the next poll at once");
    }

    /**
     * A reader never granted s3:GetObject (or kms:Decrypt on the bucket's key) is refused every object: three
     * different ones in a row, none read, fail the poll as a missing permission, and nothing is poisoned; once the
     * permission is granted every message is read.
     */
    @Test
    void aPermissionNotGrantedFailsThePollRatherThanPoisonEveryMessage() throws IOException {
        Answer denied = Answer.error(403, "AccessDenied", KMS_DENIED);
        List<String> keys = List.of("a.json", "b.json", "c.json", "d.json");
        for (String key : keys) {
            aws.answer(BUCKET, key, denied);
            aws.send(cloudTrailNotification(key));
        }
        SqsNotificationSource source = source(Duration.ZERO);
        for (int poll = 0; poll < 5; poll++) {
            MissingPermissionException e = assertThrows(MissingPermissionException.class,
                    () -> source.poll(event -> { }));
            assertEquals("s3:GetObject", e.action());
            assertTrue(e.getMessage().contains("kms:Decrypt"), e::getMessage);
            aws.timeoutsPass();
        }
        assertEquals(4, aws.messagesLeft(), "none poisoned, none deleted");
        keys.forEach(key -> aws.answer(BUCKET, key, Answer.object(LOG_FILE))); // the permission granted
        List<SecurityEvent> events = new ArrayList<>();
        List<PoisonMessage> poisoned = drain(source, events::add);
        assertEquals(List.of(), poisoned);
        assertEquals(1, events.size(), "the four files hold the same event, counted once");
        assertEquals(0, aws.messagesLeft());
    }

    /**
     * The decision is the poll's, not a count kept across polls: a restarted source, whose messages were delivered
     * past their attempts before, deletes none of them; and refused objects at the head of the queue do not keep the
     * good one behind them from being read, after which they are poisoned as any other.
     */
    @Test
    void aRestartDeletesNothingAndRefusalsBeforeAGoodObjectAreTheMessages() throws IOException {
        Answer denied = Answer.error(403, "AccessDenied", "Access Denied");
        for (String key : List.of("a.json", "b.json", "c.json")) {
            aws.answer(BUCKET, key, denied);
            aws.send(cloudTrailNotification(key));
        }
        for (int poll = 0; poll < 3; poll++) {
            assertThrows(MissingPermissionException.class, () -> source(Duration.ZERO).poll(event -> { }));
            aws.timeoutsPass();
        }
        assertThrows(MissingPermissionException.class, () -> source(Duration.ZERO).poll(event -> { }),
                "a new source, past every message's attempts: still the reader's refusal");
        assertEquals(3, aws.messagesLeft(), "none deleted unread");

        aws.answer(BUCKET, "good.json", Answer.object(LOG_FILE));
        aws.send(cloudTrailNotification("good.json"));
        aws.timeoutsPass();
        List<SecurityEvent> events = new ArrayList<>();
        List<PoisonMessage> poisoned = drain(source(Duration.ZERO), events::add);
        assertEquals(1, events.size(), "the good object behind the refused ones was read");
        assertEquals(3, poisoned.size(), "and then the refused ones are the messages' own faults");
        assertEquals(0, aws.messagesLeft());
    }

    /** S3's other answers for another region's bucket, and a request that timed out, delete nothing unread. */
    @Test
    void anAuthorizationHeaderForAnotherRegionFailsThePollAndATimeoutIsRetried() throws IOException {
        aws.answer(BUCKET, "good.json", Answer.error(400, "AuthorizationHeaderMalformed", "The authorization header"
                + " is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'"));
        aws.send(cloudTrailNotification("good.json"));
        IOException e = assertThrows(IOException.class, () -> source(Duration.ZERO).poll(event -> { }));
        assertTrue(e.getMessage().contains("is in another region"), e::getMessage);
        assertEquals(1, aws.messagesLeft());

        Answer timedOut = Answer.error(400, "RequestTimeout", "Your socket connection to the server was not read"
                + " from or written to within the timeout period.");
        aws.answer(BUCKET, "good.json", timedOut, timedOut, timedOut, timedOut, Answer.object(LOG_FILE));
        aws.timeoutsPass();
        List<SecurityEvent> events = new ArrayList<>();
        assertEquals(List.of(), drain(source(Duration.ZERO), events::add), "not the object's fault");
        assertEquals(1, events.size());
    }

    /** Polls until the queue is empty, each message's visibility timeout passing between polls; the poisoned. */
    private List<PoisonMessage> drain(SqsNotificationSource source, EventSink sink) throws IOException {
        List<PoisonMessage> poisoned = new ArrayList<>();
        for (int polls = 0; polls < 50; polls++) {
            if (aws.messagesLeft() == 0) {
                return poisoned;
            }
            poisoned.addAll(source.poll(sink).poisoned());
            aws.timeoutsPass();
        }
        throw new AssertionError("the queue never emptied");
    }
}
