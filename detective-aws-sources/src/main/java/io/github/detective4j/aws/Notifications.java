package io.github.detective4j.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects an SQS message announces, in the shapes AWS sends: an S3 event notification
 * ({@code {"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":...},
 * "object":{"key":...,"sequencer":...}}}]}}, keys URL-encoded), CloudTrail's SNS notification
 * ({@code {"s3Bucket":"...","s3ObjectKey":["AWSLogs/..."]}}), either of them raw or as the {@code Message} string of
 * an SNS envelope ({@code {"Type":"Notification","Message":"..."}}), S3's event as Amazon EventBridge delivers it to a
 * queue ({@code {"source":"aws.s3","detail-type":"Object Created","detail":{"bucket":{"name":...},"object":{"key":...,
 * "sequencer":...}}}}, the key as it is: EventBridge does not encode it), and S3's {@code s3:TestEvent}, which
 * announces nothing.
 */
final class Notifications {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An announced object.
     *
     * @param bucket the bucket
     * @param key the key, decoded
     * @param version what tells two writes of the key apart (S3's sequencer), or empty when the shape has none
     */
    record S3Location(String bucket, String key, String version) {
        String identity() {
            return bucket + "/" + key + "#" + version;
        }

        String source() {
            return "s3://" + bucket + "/" + key;
        }
    }

    private Notifications() {}

    /** The objects a message body announces; an {@link IOException} says why a body is none of the shapes. */
    static List<S3Location> objects(String body) throws IOException {
        JsonNode message = payload(body);
        List<S3Location> out = new ArrayList<>();
        if (message.has("s3Bucket") && message.path("s3ObjectKey").isArray()) {
            for (JsonNode key : message.get("s3ObjectKey")) {
                out.add(new S3Location(message.get("s3Bucket").asText(), key.asText(), ""));
            }
            return out;
        }
        if (message.path("Records").isArray()) {
            for (JsonNode record : message.get("Records")) {
                if (!"aws:s3".equals(record.path("eventSource").asText())
                        || !record.path("eventName").asText().startsWith("ObjectCreated:")) {
                    continue; // deletions, restores, replication: nothing new to read
                }
                JsonNode s3 = record.path("s3");
                String bucket = s3.path("bucket").path("name").asText(null);
                String key = s3.path("object").path("key").asText(null);
                if (bucket == null || key == null) {
                    throw new IOException("an S3 event record without s3.bucket.name or s3.object.key");
                }
                out.add(new S3Location(bucket, decodedKey(key), s3.path("object").path("sequencer").asText("")));
            }
            return out;
        }
        if ("aws.s3".equals(message.path("source").asText()) && message.path("detail").isObject()) {
            if (!"Object Created".equals(message.path("detail-type").asText())) {
                return out; // deletions, restores, tagging, storage class changes: nothing new to read
            }
            JsonNode detail = message.get("detail");
            String bucket = detail.path("bucket").path("name").asText(null);
            String key = detail.path("object").path("key").asText(null);
            if (bucket == null || key == null) {
                throw new IOException("an S3 EventBridge event without detail.bucket.name or detail.object.key");
            }
            out.add(new S3Location(bucket, key, detail.path("object").path("sequencer").asText("")));
            return out;
        }
        if ("s3:TestEvent".equals(message.path("Event").asText())) {
            return out;
        }
        throw new IOException("neither an S3 event notification (direct or through EventBridge) nor a CloudTrail"
                + " notification");
    }

    /**
     * The EventBridge event a body is, as an EventBridge rule sends it to a queue (directly or through SNS), when it
     * is not S3's: CloudTrail's {@code AWS API Call via CloudTrail}, a {@code GuardDuty Finding}, Security Hub's
     * {@code Security Hub Findings - Imported}, whose telemetry the message carries itself. Null for anything else.
     *
     * @param body the message body
     * @return the event's JSON text, or null
     */
    static String eventBridgeEvent(String body) {
        JsonNode message;
        try {
            message = payload(body);
        } catch (IOException notJson) {
            return null;
        }
        boolean event = message.path("detail-type").isTextual() && message.path("source").isTextual()
                && message.path("detail").isObject() && !"aws.s3".equals(message.path("source").asText());
        return event ? message.toString() : null;
    }

    /** The JSON object a body holds, unwrapped from SNS's envelope when SNS delivered it without raw delivery. */
    private static JsonNode payload(String body) throws IOException {
        JsonNode message = JSON.readTree(body);
        if (message == null || !message.isObject()) {
            throw new IOException("not a JSON object");
        }
        if ("Notification".equals(message.path("Type").asText()) && message.path("Message").isTextual()) {
            message = JSON.readTree(message.get("Message").asText()); // SNS without raw message delivery
            if (message == null || !message.isObject()) {
                throw new IOException("the SNS Message is not a JSON object");
            }
        }
        return message;
    }

    /**
     * A notification's key as S3 wrote it, decoded: S3 encodes keys as an HTML form does (a space is '+', a '%' is
     * {@code %25}), so a bad escape is a message S3 did not write, and an error of the message rather than of the poll.
     */
    private static String decodedKey(String key) throws IOException {
        try {
            return URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw new IOException("an S3 event record whose s3.object.key " + Escaping.quote(key)
                    + " is not URL-encoded as S3 writes keys: " + badEscape.getMessage());
        }
    }
}
