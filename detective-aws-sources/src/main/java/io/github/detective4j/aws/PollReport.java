package io.github.detective4j.aws;

import java.util.List;

/**
 * What one {@link SqsNotificationSource#poll} did. Every message received is deleted (ingested, or poisoned) or left
 * on the queue for another attempt. Immutable.
 *
 * <pre>{@code
 * PollReport report = source.poll(graph);
 * if (report.messages() == 0) { ... }   // the queue is empty for now
 * }</pre>
 *
 * @param messages messages received
 * @param deleted messages deleted: their objects (or the events they carry themselves, an EventBridge rule's) were
 *     ingested, or they were poisoned
 * @param objectsRead objects read from S3
 * @param objectsAlreadyRead objects announced again (a re-delivered message, a duplicate notification) within the
 *     deduplication window after they were read whole, and not read again
 * @param eventMessagesRead messages that were themselves EventBridge events of CloudTrail, GuardDuty or Security Hub
 *     (with {@link SqsNotificationSource.Builder#eventsInMessages}), read whole from the message
 * @param duplicateEvents events dropped because an event with the same id (CloudTrail's {@code eventID}, a finding's
 *     id and {@code updatedAt}) was delivered within the window
 * @param ingest what reading the objects, and the events messages carry themselves, did, as {@link LogReader} reports
 *     it
 * @param poisoned the messages given up on in this poll
 */
public record PollReport(int messages, int deleted, int objectsRead, int objectsAlreadyRead, int eventMessagesRead,
        long duplicateEvents, IngestReport ingest, List<PoisonMessage> poisoned) {
    /**
     * Creates a report.
     *
     * @param messages received
     * @param deleted deleted
     * @param objectsRead objects read
     * @param objectsAlreadyRead objects not read again
     * @param eventMessagesRead messages read as events themselves
     * @param duplicateEvents events dropped
     * @param ingest the reports of the objects and of the messages' own events, added up
     * @param poisoned messages given up on
     */
    public PollReport {
        poisoned = List.copyOf(poisoned);
    }
}
