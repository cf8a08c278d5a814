package io.github.detective4j.aws;

import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.EventSink;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.SecurityEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Reads the log objects that SQS messages announce, as S3 event notifications (raw, wrapped by SNS, or S3's
 * {@code Object Created} events as an Amazon EventBridge rule delivers them) or as CloudTrail's SNS notifications
 * ({@code {"s3Bucket":...,"s3ObjectKey":[...]}}), and delivers their events.
 *
 * <h2>At least once, counted once</h2>
 * A message is deleted only after every object it announces was read whole into the sink, and before the next object
 * is read, so a crash delivers again only the message being read and those received with it and not started; if the
 * sink or a read throws, the messages not yet deleted are made visible again and the exception propagates, so a
 * later poll delivers them again. A poll receives its messages invisible for {@link Builder#visibilityTimeout}
 * (default 5 minutes), and before an object's read, once half of it has passed, makes those not done invisible that
 * long again: while one object's read takes less than half of it, no other consumer receives a message this source is
 * reading. What a re-delivery would count twice is dropped, within the deduplication window (default 24 hours, by
 * wall-clock time, at most {@value #MAX_REMEMBERED} ids; the memory of one source, not kept across restarts):
 * <ul>
 *   <li>an object read whole (by bucket, key and S3's sequencer, or bucket and key in CloudTrail's notification) is
 *       not read again;</li>
 *   <li>an object whose read stopped midway is read again from its start, dropping as many events as the sink took
 *       the first time;</li>
 *   <li>a CloudTrail event whose {@code eventID} was delivered, and a finding version (id and {@code updatedAt})
 *       that was delivered, are dropped wherever they come from, which also covers two trails delivering the same
 *       event. Flow records have no id: they are deduplicated by object only, as above.</li>
 * </ul>
 * Counted once holds for one source alone on its queue, between restarts. After a crash or a restart the objects of the
 * messages not deleted are read again once SQS delivers them again, and their events delivered again: flow records,
 * which have no id, count twice. A message is deleted once the sink took its events, not once the sink made them
 * durable: commit a sink that keeps events on disk (a {@code GraphStore}) after each poll, and a crash within a poll
 * can lose that poll's messages; commit within its {@code accept} to lose none. Several sources on one queue (threads,
 * processes, hosts) each get some of the messages, but remember only their own: when an object is announced twice (S3
 * and SNS notify at least once, and a standard queue may deliver a message twice) or a read outlasts half the
 * visibility timeout, two sources may both read it. To share the work, give each source its own queue (one per bucket
 * or prefix, say), not one queue several sources.
 *
 * <h2>Events in the message</h2>
 * With {@link Builder#eventsInMessages}, a message that announces no object but is itself an EventBridge event of
 * CloudTrail ({@code AWS API Call via CloudTrail}), GuardDuty ({@code GuardDuty Finding}) or Security Hub (an
 * EventBridge rule with the queue as its target, directly or through SNS: the usual way to take findings as they
 * come) is read through the reader, and its events are deduplicated by id as an object's are. Another service's
 * event, which the reader cannot read, is poisoned at once, as a body that is no notification is. It is off by
 * default: such events come from whoever may send to the queue, not from a bucket AWS writes to.
 *
 * <h2>Poison messages</h2>
 * A message that announces an object that cannot be read (missing, refused by S3, corrupt: any error in its {@link
 * IngestReport}) is left on the queue, visible again after {@link Builder#retryDelay}; once SQS has delivered it {@link
 * Builder#maxAttempts} times ({@code ApproximateReceiveCount}) it is deleted and returned as a {@link PoisonMessage},
 * so the queue keeps flowing. S3 refuses a key the reader may not read (a bucket policy, a KMS key) and, to a reader
 * without {@code s3:ListBucket}, a deleted one, both with 403: the message is retried and poisoned as any other, the
 * reason saying what AWS said. But three different objects refused in one poll that read none are the reader's own
 * missing permission ({@code s3:GetObject} on the bucket, {@code kms:Decrypt} on its key): the poll reads the rest of
 * its batch, then fails with a {@link MissingPermissionException}, and nothing is poisoned, so that a permission not
 * granted does not delete every notification unread. (Grant {@code s3:ListBucket} too, and deleted objects answer 404,
 * which is poisoned alone; a queue holding only refused objects otherwise waits for the permission, or for its redrive
 * policy.) A body that is no notification at all, or one naming a bucket outside {@link Builder#buckets}, is poisoned
 * at once. When S3 fails without the object being at fault (5xx, throttling: its answers the SDK's retries did not get
 * past), the message is retried after the retry delay too, and that delivery does not count toward the attempts (as
 * this source remembers, not across restarts): nothing is deleted unread because S3 was busy.
 *
 * <pre>{@code
 * AwsAccess aws = AwsAccess.builder().build();
 * SqsNotificationSource source = SqsNotificationSource.builder(aws.sqs(), aws.s3(),
 *         "https://sqs.us-east-1.amazonaws.com/111122223333/cloudtrail-delivered").maxAttempts(5).build();
 * while (running) {
 *     PollReport report = source.poll(graph);       // long-polls up to 20 s
 *     report.poisoned().forEach(p -> log.warn("{}", p));
 * }
 * }</pre>
 *
 * <p>Thread-safe: polls are serialised. Access denied to the reader itself is a {@link MissingPermissionException}
 * naming the action ({@code sqs:ReceiveMessage}, {@code sqs:DeleteMessage}, {@code sqs:ChangeMessageVisibility}, {@code
 * sts:AssumeRole} for a role's credentials, {@code s3:GetObject} when S3 refuses the credentials themselves or three
 * objects of a poll that read none) and the ARN. A bucket in another region than the S3 client's (S3 answers 301 or
 * 307, or {@code AuthorizationHeaderMalformed}) fails the poll with an {@link IOException} naming the bucket's region,
 * as configuration to mend, not a message to poison.
 */
public final class SqsNotificationSource {
    /** The most ids (events and objects, each) the deduplication window holds; the oldest are forgotten first. */
    public static final int MAX_REMEMBERED = 2_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(SqsNotificationSource.class);
    /** How a failure that no retry can mend starts: the body is no notification. */
    private static final String UNREADABLE = "not a notification: ";
    /** How the other failure that no retry can mend starts: the object is in a bucket the source does not read. */
    private static final String FOREIGN = "not an allowed bucket: ";
    /** How a failure that is no attempt starts: S3 was busy or failed (5xx, throttling), not the object. */
    private static final String BUSY = "S3 did not serve the object: ";
    /** The most messages whose busy deliveries are remembered; the oldest are forgotten first. */
    private static final int MAX_BUSY_MESSAGES = 100_000;
    /** S3's error codes for a bucket of another region than the client's (as the SDK's own redirect test has them). */
    private static final Set<String> OTHER_REGION = Set.of("PermanentRedirect", "TemporaryRedirect",
            "AuthorizationHeaderMalformed", "IllegalLocationConstraintException");
    /** Different objects refused in one poll that read none, which mean the reader itself lacks a permission. */
    private static final int REFUSALS_OF_THE_READER = 3;
    /** How a failure of an object S3 refused (403) starts: the message's, or the reader's when many are refused. */
    private static final String REFUSED = "refused: ";
    /**
     * S3's error codes that refuse the reader's credentials, not one object (with 403 or 400): the poll fails, as
     * for SQS's refusals, rather than every message being poisoned in turn.
     */
    private static final Set<String> CREDENTIALS_REFUSED = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "ExpiredToken", "InvalidToken", "TokenRefreshRequired", "RequestTimeTooSkewed", "AccountProblem");

    private final SqsClient sqs;
    private final S3Client s3;
    private final String queueUrl;
    private final String queueArn;
    private final int maxAttempts;
    private final Duration retryDelay;
    private final Duration waitTime;
    private final Duration visibilityTimeout;
    private final int maxMessages;
    private final LogReader reader;
    private final Set<String> buckets;
    private final boolean eventsInMessages;
    private final RecentIds objectsRead;
    private final RecentIds eventIds;
    private final Clock clock;
    /** Objects whose read stopped midway, with how many of their events the sink took. */
    private final Map<String, Long> partial = new HashMap<>();
    /** Per message id, its deliveries that found S3 busy: SQS counts them, {@code maxAttempts} does not. */
    private final Map<String, Integer> busyDeliveries = new LinkedHashMap<>();

    private SqsNotificationSource(Builder b) {
        this.sqs = b.sqs;
        this.s3 = b.s3;
        this.queueUrl = b.queueUrl;
        this.queueArn = arnOf(b.queueUrl);
        this.maxAttempts = b.maxAttempts;
        this.retryDelay = b.retryDelay;
        this.waitTime = b.waitTime;
        this.visibilityTimeout = b.visibilityTimeout;
        this.maxMessages = b.maxMessages;
        this.reader = b.reader;
        this.buckets = Set.copyOf(b.buckets);
        this.eventsInMessages = b.eventsInMessages;
        this.objectsRead = new RecentIds(b.dedupWindow, MAX_REMEMBERED, b.clock);
        this.eventIds = new RecentIds(b.dedupWindow, MAX_REMEMBERED, b.clock);
        this.clock = b.clock;
    }

    /**
     * Returns a builder of a source that receives from a queue and reads objects with an S3 client.
     *
     * @param sqs the SQS client; the caller closes it
     * @param s3 the S3 client for the announced objects; the caller closes it
     * @param queueUrl the queue's URL
     * @return a new builder
     */
    public static Builder builder(SqsClient sqs, S3Client s3, String queueUrl) {
        return new Builder(sqs, s3, queueUrl);
    }

    /**
     * Receives one batch of messages (long-polling up to the wait time), ingests the objects they announce, deletes
     * the messages done with, and says what happened.
     *
     * @param sink where the events go
     * @return what this poll did; {@code messages() == 0} when the queue had nothing within the wait time
     * @throws MissingPermissionException if SQS refused a call, STS the role's credentials, or S3 the credentials
     * @throws IOException if a call failed otherwise, or a bucket is in another region than the S3 client's; the
     *     batch's undeleted messages are visible again
     */
    public synchronized PollReport poll(EventSink sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        List<Message> messages;
        try {
            messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(maxMessages)
                    .waitTimeSeconds((int) waitTime.toSeconds()).visibilityTimeout((int) visibilityTimeout.toSeconds())
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
        } catch (SdkException e) {
            throw MissingPermissionException.of(e, "sqs:ReceiveMessage", queueArn);
        }
        Tally tally = new Tally(sink);
        Batch batch = new Batch(messages, clock.millis());
        List<Message> done = batch.done;
        List<PoisonMessage> poisoned = new ArrayList<>();
        Map<Message, PoisonMessage> refusedOut = new LinkedHashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            batch.current = i;
            int attempts = Integer.parseInt(message.attributes()
                    .getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
            String failure;
            try {
                failure = ingest(message, tally, batch);
            } catch (IOException | RuntimeException | Error e) {
                try {
                    batch.deleteDone();
                    release(messages.subList(i, messages.size()), Duration.ZERO); // for whoever polls next
                    release(List.copyOf(refusedOut.keySet()), retryDelay); // undecided: neither poisoned nor read
                } catch (IOException | RuntimeException cleanup) {
                    e.addSuppressed(cleanup); // the failure that stopped the poll is the one to see
                }
                throw e;
            }
            if (failure == null) {
                busyDeliveries.remove(message.messageId());
                done.add(message);
            } else if (failure.startsWith(BUSY)) {
                busy(message.messageId());
                LOG.info("retrying a message of {} in {}: {}", Escaping.forLog(queueUrl), retryDelay,
                        Escaping.forLog(failure));
                release(List.of(message), retryDelay);
            } else if (failure.startsWith(UNREADABLE) || failure.startsWith(FOREIGN)
                    || attempts - busyDeliveries.getOrDefault(message.messageId(), 0) >= maxAttempts) {
                PoisonMessage poison = new PoisonMessage(message.messageId(), attempts,
                        failure.startsWith(REFUSED) ? failure.substring(REFUSED.length()) : failure, message.body());
                if (failure.startsWith(REFUSED)) {
                    refusedOut.put(message, poison); // decided once the whole batch says whose the refusals are
                } else {
                    giveUp(message, poison, poisoned, done);
                }
            } else {
                release(List.of(message), retryDelay);
            }
        }
        if (tally.refusedObjects.size() >= REFUSALS_OF_THE_READER && tally.objectsRead == 0) {
            // Many objects refused and none read: the reader lacks s3:GetObject or kms:Decrypt, no message is at
            // fault, and poisoning them would delete every notification unread.
            IOException refused = MissingPermissionException.of(tally.refusal, "s3:GetObject", tally.refusedArn);
            try {
                batch.deleteDone();
                release(List.copyOf(refusedOut.keySet()), retryDelay);
            } catch (IOException | RuntimeException cleanup) {
                refused.addSuppressed(cleanup);
            }
            throw refused;
        }
        refusedOut.forEach((message, poison) -> giveUp(message, poison, poisoned, done));
        batch.deleteDone();
        return new PollReport(messages.size(), done.size(), tally.objectsRead, tally.objectsAlreadyRead,
                tally.eventMessagesRead, tally.duplicateEvents, tally.ingest, poisoned);
    }

    /** Poisons a message: logged, returned, deleted with the messages done. */
    private void giveUp(Message message, PoisonMessage poison, List<PoisonMessage> poisoned, List<Message> done) {
        LOG.warn("giving up on a message of {}: {}", Escaping.forLog(queueUrl), poison);
        busyDeliveries.remove(message.messageId());
        poisoned.add(poison);
        done.add(message);
    }

    /** Counts a delivery of a message that S3 could not serve, forgetting the oldest message past the bound. */
    private void busy(String messageId) {
        busyDeliveries.merge(messageId, 1, Integer::sum);
        if (busyDeliveries.size() > MAX_BUSY_MESSAGES) {
            Iterator<String> oldest = busyDeliveries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /**
     * Reads a message's objects into the sink; returns why the message cannot be deleted yet, or null. When S3 was
     * busy for one object that is the answer, whatever else failed: that object may still be read whole.
     */
    private String ingest(Message message, Tally tally, Batch batch) throws IOException {
        List<Notifications.S3Location> objects;
        try {
            objects = Notifications.objects(message.body());
        } catch (IOException e) {
            String event = Notifications.eventBridgeEvent(message.body());
            if (event == null) {
                return UNREADABLE + e.getMessage();
            }
            return eventsInMessages ? events(message, event, tally) : UNREADABLE + "an EventBridge event, whose"
                    + " events are read from the message only with Builder.eventsInMessages(true)";
        }
        for (Notifications.S3Location object : objects) {
            if (!buckets.isEmpty() && !buckets.contains(object.bucket())) {
                return FOREIGN + Escaping.quote(object.bucket()); // whoever can send to the queue names the bucket
            }
        }
        String failure = null;
        String busy = null;
        for (Notifications.S3Location object : objects) {
            if (objectsRead.contains(object.identity())) {
                tally.objectsAlreadyRead++;
                continue;
            }
            ResumingSink counted = new ResumingSink(tally, partial.getOrDefault(object.identity(), 0L));
            batch.beforeRead();
            IngestReport report;
            try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(object.bucket())
                    .key(object.key()))) {
                report = counted.delivered(reader.read(in, object.source(), counted));
            } catch (NoSuchKeyException e) {
                failure = object.source() + ": no such object";
                continue;
            } catch (S3Exception e) {
                String arn = s3Arn(object);
                if (CREDENTIALS_REFUSED.contains(errorCode(e))) { // the reader's problem, whatever the message
                    throw MissingPermissionException.of(e, "s3:GetObject", arn);
                }
                if (e.statusCode() == 301 || e.statusCode() == 307 || OTHER_REGION.contains(errorCode(e))) {
                    throw otherRegion(object, arn, e); // every object of the bucket would fail alike, until mended
                }
                if (e.statusCode() >= 500 || e.isThrottlingException() || e.retryable()
                        || "RequestTimeout".equals(errorCode(e))) {
                    busy = BUSY + object.source() + ": " + e.getMessage();
                } else if (e.statusCode() == 403) { // a key denied by a policy or KMS, or gone (ListBucket not granted)
                    tally.refused(object, e, arn);
                    failure = REFUSED + object.source() + ": access denied to s3:GetObject, or no such object (S3"
                            + " says 403 for a missing key to a reader without s3:ListBucket): " + e.getMessage();
                } else {
                    failure = object.source() + ": " + e.getMessage();
                }
                continue;
            } catch (SdkException e) { // no answer from S3 (the network, the SDK's retries spent): the poll fails
                partial.put(object.identity(), counted.taken());
                throw MissingPermissionException.of(e, "s3:GetObject", s3Arn(object));
            } catch (IOException | RuntimeException | Error e) {
                partial.put(object.identity(), counted.taken());
                throw e;
            }
            tally.objectsRead++;
            tally.ingest = tally.ingest.plus(report);
            if (report.errors() > 0) {
                partial.put(object.identity(), counted.taken());
                failure = report.firstErrors().isEmpty() ? object.source() + ": unreadable"
                        : report.firstErrors().get(0).toString();
            } else {
                partial.remove(object.identity());
                objectsRead.firstTime(object.identity());
            }
        }
        return busy != null ? busy : failure;
    }

    /** S3's error code, or "" when its answer had none (a set of {@code Set.of} refuses to look for null). */
    private static String errorCode(S3Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null ? "" : code;
    }

    /** S3's 301 for a bucket of another region than the client's, as the failure to mend, naming S3's region. */
    private IOException otherRegion(Notifications.S3Location object, String arn, S3Exception e) {
        String region = e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null ? null
                : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region").orElse(null);
        String clientRegion = s3.serviceClientConfiguration().region() == null ? "none"
                : s3.serviceClientConfiguration().region().id();
        return new IOException("s3:GetObject on " + Escaping.forLog(arn) + " failed: the bucket "
                + Escaping.quote(object.bucket()) + " is in " + (region == null ? "another region"
                        : "region " + Escaping.quote(region)) + ", not in the S3 client's " + clientRegion
                + ": read it with a client of that region or with crossRegionAccessEnabled(true) (as AwsAccess.s3()"
                + " builds without an endpoint); " + Escaping.forLog(e.getMessage()), e);
    }

    /**
     * Reads the events a message carries itself (an EventBridge rule's CloudTrail event or finding) into the sink;
     * returns why the message cannot be read, or null. Its body never changes, so what cannot be read is poisoned at
     * once; a re-delivered event is dropped by its id, as an object's are.
     */
    private String events(Message message, String event, Tally tally) throws IOException {
        String source = queueUrl + "#" + message.messageId();
        IngestReport report = reader.read(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), source,
                tally);
        tally.ingest = tally.ingest.plus(report);
        if (report.errors() == 0) {
            tally.eventMessagesRead++;
            return null;
        }
        return UNREADABLE + (report.firstErrors().isEmpty() ? source + ": unreadable"
                : report.firstErrors().get(0).toString());
    }

    /** The id that tells a re-delivered event from a new one, or null for events that have none. */
    private static String idOf(SecurityEvent event) {
        if (event instanceof ApiCall call) {
            return call.eventId() == null ? null : "cloudtrail:" + call.eventId();
        }
        if (event instanceof Finding finding) {
            return "finding:" + finding.id() + "@" + finding.updatedAt();
        }
        return null; // a NetworkFlow: flow records carry no id
    }

    private void delete(List<Message> messages) throws IOException {
        if (messages.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(messages.get(i).receiptHandle()).build());
        }
        List<BatchResultErrorEntry> failed;
        try {
            failed = sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries)).failed();
        } catch (SdkException e) {
            throw MissingPermissionException.of(e, "sqs:DeleteMessage", queueArn);
        }
        for (BatchResultErrorEntry failure : failed) {
            // the message comes again after its visibility timeout, and finds its objects read
            LOG.warn("could not delete a message of {}: {} {}", Escaping.forLog(queueUrl), failure.code(),
                    Escaping.forLog(String.valueOf(failure.message())));
        }
    }

    /** Makes messages invisible for the visibility timeout from now: they are still being read. */
    private void keepInvisible(List<Message> messages) throws IOException {
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(messages.get(i).receiptHandle())
                    .visibilityTimeout((int) visibilityTimeout.toSeconds()).build());
        }
        List<String> failures = new ArrayList<>();
        try {
            sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl).entries(entries)).failed()
                    .forEach(f -> failures.add(f.code() + " " + f.message()));
        } catch (SdkException e) {
            IOException failure = MissingPermissionException.of(e, "sqs:ChangeMessageVisibility", queueArn);
            if (failure instanceof MissingPermissionException) {
                throw failure;
            }
            failures.add(e.toString());
        }
        for (String failure : failures) {
            // no reason to stop reading (its timeout passed already, or 12 hours from its receipt): at worst another
            // consumer reads the message too, as SQS's at-least-once delivery allows
            LOG.warn("could not keep a message of {} invisible, another consumer may read it too: {}",
                    Escaping.forLog(queueUrl), Escaping.forLog(failure));
        }
    }

    private void release(List<Message> messages, Duration delay) throws IOException {
        for (Message message : messages) {
            try {
                sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
                        .visibilityTimeout((int) delay.toSeconds()));
            } catch (SdkException e) {
                IOException failure = MissingPermissionException.of(e, "sqs:ChangeMessageVisibility", queueArn);
                if (failure instanceof MissingPermissionException) {
                    throw failure;
                }
                // The visibility timeout makes the message visible again anyway: this only hastens or delays it. SQS
                // refuses the change for a message no longer in flight (its timeout passed, another consumer took
                // or deleted it) and past 12 hours from its receipt; neither may stop the poll.
                LOG.debug("could not change the visibility of a message of {}: {}", Escaping.forLog(queueUrl),
                        Escaping.forLog(e.toString()));
            }
        }
    }

    /**
     * {@code https://sqs.<region>.amazonaws.com/<account>/<name>} as
     * {@code arn:<partition>:sqs:<region>:<account>:<name>} ({@code aws-cn} for {@code .amazonaws.com.cn}, the
     * region's partition otherwise).
     */
    static String arnOf(String queueUrl) {
        URI uri = URI.create(queueUrl);
        String[] path = uri.getPath().replaceFirst("^/", "").split("/");
        String host = uri.getHost() == null ? "" : uri.getHost();
        String region = host.matches("sqs\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?") ? host.split("\\.")[1] : "*";
        String partition = host.endsWith(".amazonaws.com.cn") ? "aws-cn" : Partitions.of(region);
        return path.length == 2 ? "arn:" + partition + ":sqs:" + region + ":" + path[0] + ":" + path[1] : queueUrl;
    }

    /** An announced object's ARN in the partition of the S3 client's region. */
    private String s3Arn(Notifications.S3Location object) {
        return "arn:" + Partitions.of(s3.serviceClientConfiguration().region()) + ":s3:::" + object.bucket() + "/"
                + object.key();
    }

    /**
     * One poll's messages: those done with (read whole, or poisoned) and how many of them were deleted, and since when
     * those in flight (the one being read, and those after it) are invisible.
     */
    private final class Batch {
        final List<Message> done = new ArrayList<>();
        private final List<Message> messages;
        private int deleted;
        int current;
        private long invisibleSince;

        Batch(List<Message> messages, long receivedAt) {
            this.messages = messages;
            this.invisibleSince = receivedAt;
        }

        /**
         * Deletes the messages done so far before an object is read from S3, the step that may take long: a crash
         * during the read then delivers none of them again. One DeleteMessageBatch per object read at most, not one
         * per message: a message found read or poisoned without a read waits for the next read, or the poll's end.
         * Once half the visibility timeout has passed, the messages in flight are made invisible for all of it again,
         * so that none goes to another consumer during the read, as long as one read takes less than that half.
         */
        void beforeRead() throws IOException {
            deleteDone();
            long now = clock.millis();
            if (!visibilityTimeout.isZero() && now - invisibleSince >= visibilityTimeout.toMillis() / 2) {
                keepInvisible(messages.subList(current, messages.size()));
                invisibleSince = now;
            }
        }

        /** Deletes the messages done and not deleted yet. */
        void deleteDone() throws IOException {
            delete(done.subList(deleted, done.size()));
            deleted = done.size();
        }
    }

    /** The sink in front of the caller's for one poll: drops events already delivered, and counts. */
    private final class Tally implements EventSink {
        private final EventSink sink;
        /** The objects S3 refused (403) in this poll, and the last refusal, for the reader's own. */
        final Set<String> refusedObjects = new LinkedHashSet<>();
        S3Exception refusal;
        String refusedArn;
        int objectsRead;
        int objectsAlreadyRead;
        int eventMessagesRead;
        long duplicateEvents;
        IngestReport ingest = IngestReport.EMPTY;

        Tally(EventSink sink) {
            this.sink = sink;
        }

        void refused(Notifications.S3Location object, S3Exception e, String arn) {
            refusedObjects.add(object.identity());
            refusal = e;
            refusedArn = arn;
        }

        @Override
        public void accept(SecurityEvent event) {
            String id = idOf(event);
            if (id != null && eventIds.contains(id)) {
                duplicateEvents++;
                return;
            }
            sink.accept(event);
            if (id != null) {
                eventIds.firstTime(id); // only once the sink took it: an event it threw on must come again
            }
        }
    }

    /** Configures an {@link SqsNotificationSource}. Not thread-safe. */
    public static final class Builder {
        private final SqsClient sqs;
        private final S3Client s3;
        private final String queueUrl;
        private int maxAttempts = 5;
        private Duration retryDelay = Duration.ofSeconds(30);
        private Duration waitTime = Duration.ofSeconds(20);
        private Duration visibilityTimeout = Duration.ofMinutes(5);
        private int maxMessages = 10;
        private Duration dedupWindow = Duration.ofHours(24);
        private LogReader reader = AwsLogs.reader().build();
        private final Set<String> buckets = new HashSet<>();
        private boolean eventsInMessages;
        private Clock clock = Clock.systemUTC();

        private Builder(SqsClient sqs, S3Client s3, String queueUrl) {
            this.sqs = Objects.requireNonNull(sqs, "sqs");
            this.s3 = Objects.requireNonNull(s3, "s3");
            this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        }

        /**
         * Sets after how many deliveries a message whose objects cannot be read is given up on; default 5.
         *
         * @param attempts from 1 to 1000
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = Bounds.require("maxAttempts", attempts, 1, 1000);
            return this;
        }

        /**
         * Sets how long a message that failed stays invisible before its next attempt; default 30 seconds.
         *
         * @param delay from 0 to 12 hours, whole seconds (SQS's visibility timeout is in seconds)
         * @return this builder
         * @throws IllegalArgumentException if out of range or not whole seconds
         */
        public Builder retryDelay(Duration delay) {
            if (delay.isNegative() || delay.compareTo(Duration.ofHours(12)) > 0 || delay.getNano() != 0) {
                throw new IllegalArgumentException("retryDelay must be whole seconds, from 0 to 12 hours, was "
                        + delay);
            }
            this.retryDelay = delay;
            return this;
        }

        /**
         * Sets how long a poll waits for messages when the queue is empty (SQS long polling); default 20 seconds.
         *
         * @param wait from 0 to 20 seconds, whole seconds (SQS's wait time is in seconds)
         * @return this builder
         * @throws IllegalArgumentException if out of range or not whole seconds
         */
        public Builder waitTime(Duration wait) {
            if (wait.isNegative() || wait.compareTo(Duration.ofSeconds(20)) > 0 || wait.getNano() != 0) {
                throw new IllegalArgumentException("waitTime must be whole seconds, from 0 to 20, was " + wait);
            }
            this.waitTime = wait;
            return this;
        }

        /**
         * Sets how long the messages of a poll stay invisible to other consumers, asked for with each ReceiveMessage
         * (the queue's own visibility timeout is not used); default 5 minutes. While the poll reads, the messages not
         * done yet are made invisible for this long again before an object's read once half of it has passed: make it
         * more than twice the longest read of one object. A crash makes the messages not done visible after it.
         *
         * @param timeout from 0 to 12 hours, whole seconds (SQS's visibility timeout is in seconds); 0 leaves the
         *     messages visible at once, to any other consumer
         * @return this builder
         * @throws IllegalArgumentException if out of range or not whole seconds
         */
        public Builder visibilityTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.compareTo(Duration.ofHours(12)) > 0 || timeout.getNano() != 0) {
                throw new IllegalArgumentException("visibilityTimeout must be whole seconds, from 0 to 12 hours, was "
                        + timeout);
            }
            this.visibilityTimeout = timeout;
            return this;
        }

        /**
         * Sets how many messages one poll receives at most; default 10, SQS's maximum.
         *
         * @param messages from 1 to 10
         * @return this builder
         */
        public Builder maxMessages(int messages) {
            this.maxMessages = Bounds.require("maxMessages", messages, 1, 10);
            return this;
        }

        /**
         * Sets how long objects read and event ids delivered are remembered against re-delivery; default 24 hours.
         * SQS keeps a message for at most 14 days, and re-delivers it after its visibility timeout.
         *
         * @param window a positive duration
         * @return this builder
         */
        public Builder dedupWindow(Duration window) {
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("dedupWindow must be positive, was " + window);
            }
            this.dedupWindow = window;
            return this;
        }

        /**
         * Parses objects with this reader; by default {@code AwsLogs.reader()}'s.
         *
         * @param reader the reader
         * @return this builder
         */
        public Builder reader(LogReader reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /**
         * Reads objects only from these buckets; a message that names another is poisoned at once, unread. By default
         * any bucket the S3 client may read: whoever can send to the queue chooses what is read, so name the buckets
         * when others can.
         *
         * @param names bucket names
         * @return this builder
         */
        public Builder buckets(String... names) {
            buckets.addAll(List.of(names));
            return this;
        }

        /**
         * Reads the events a message carries itself, when it is an EventBridge event of CloudTrail, GuardDuty or
         * Security Hub that a rule sent to the queue (directly or through SNS); by default off, and such a message is
         * poisoned as no notification. Turn it on only for a queue that nobody but EventBridge (and the SNS topic it
         * publishes to) may send to: the events are taken from the message as they are, where an announced object is
         * read from a bucket AWS writes to ({@link #buckets}).
         *
         * @param read whether to read events carried in messages
         * @return this builder
         */
        public Builder eventsInMessages(boolean read) {
            this.eventsInMessages = read;
            return this;
        }

        /** The clock of the deduplication window and of the visibility timeout; for tests. */
        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Builds the source.
         *
         * @return the source
         */
        public SqsNotificationSource build() {
            return new SqsNotificationSource(this);
        }
    }
}
