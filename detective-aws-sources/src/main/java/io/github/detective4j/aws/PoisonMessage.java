package io.github.detective4j.aws;

/**
 * An SQS message that {@link SqsNotificationSource} gave up on and deleted, so that the queue keeps flowing: its body
 * is not a notification it knows, or an object it announces could not be read (missing, refused by S3, corrupt,
 * unreadable) in {@code receiveCount} attempts. Immutable. The body is the sender's text: escape it before printing it
 * anywhere a control character could forge output ({@link #toString()} does).
 *
 * <pre>{@code
 * for (PoisonMessage poison : source.poll(graph).poisoned()) {
 *     alerts.send(poison.toString());
 * }
 * }</pre>
 *
 * @param messageId SQS's message id
 * @param receiveCount how many times SQS delivered it ({@code ApproximateReceiveCount})
 * @param reason why it could not be ingested
 * @param body the message body, cut at {@value #MAX_BODY} characters
 */
public record PoisonMessage(String messageId, int receiveCount, String reason, String body) {
    /** How much of a body is kept. */
    public static final int MAX_BODY = 4096;

    /**
     * Creates a report of a poison message, cutting the body.
     *
     * @param messageId the message id
     * @param receiveCount deliveries
     * @param reason why
     * @param body the body
     */
    public PoisonMessage {
        body = body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
    }

    @Override
    public String toString() {
        return "PoisonMessage{messageId=" + Escaping.forLog(messageId) + ", receiveCount=" + receiveCount
                + ", reason=" + Escaping.forLog(reason) + ", body=" + Escaping.quote(body) + "}";
    }
}
