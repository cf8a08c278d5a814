package io.github.detective4j.aws.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Tells how sure {@link CloudTrailFormat} is of an input, from the first JSON value of its head.
 *
 * <p>The head is read with a streaming parser, top-level keys only, stepping into the first 16 elements of a
 * {@code Records} (or {@code Events}, {@code logEvents}, {@code events}) array up to the first CloudTrail event among
 * them, into an EventBridge {@code detail}, and into the JSON
 * text of a CloudWatch Logs {@code message} or a LookupEvents {@code CloudTrailEvent}. The head may end in the middle
 * of a record (it is at most 64 KiB): what was seen before the cut is the evidence.
 *
 * <table>
 *   <caption>Scores</caption>
 *   <tr><th>evidence</th><th>score</th></tr>
 *   <tr><td>EventBridge {@code detail-type} ending in "via CloudTrail"</td><td>100</td></tr>
 *   <tr><td>{@code Records} with a CloudTrail event among its first 16 elements (one broken record does not
 *       hide the file), and none before it with an {@code eventSource} such as {@code aws:s3}; the elements after
 *       the first such event are not read (they would cost a small file's detection more than its parse)</td>
 *       <td>100</td></tr>
 *   <tr><td>an event with {@code eventTime}, {@code eventName}, {@code eventSource} and {@code eventVersion}</td>
 *       <td>95</td></tr>
 *   <tr><td>a CloudWatch Logs or LookupEvents wrapper whose embedded JSON is such an event</td><td>95</td></tr>
 *   <tr><td>a digest file ({@code digestStartTime}, {@code digestS3Object}, ...)</td><td>90</td></tr>
 *   <tr><td>an Insights event ({@code eventType} AwsCloudTrailInsight or {@code insightDetails}, with
 *       {@code eventVersion})</td><td>90</td></tr>
 *   <tr><td>the three event keys with some other CloudTrail key ({@code userIdentity}, {@code awsRegion}, ...)</td>
 *       <td>85</td></tr>
 *   <tr><td>two of the three event keys with {@code eventVersion}, or with an {@code eventSource} ending in
 *       {@code .amazonaws.com}: a partial event</td><td>60</td></tr>
 *   <tr><td>{@code Records} whose first records show only {@code eventVersion} and a {@code userIdentity}
 *       object before the head or the JSON breaks</td><td>50</td></tr>
 *   <tr><td>{@code {"Records":[]}}</td><td>40</td></tr>
 *   <tr><td>anything else: an {@code eventSource} such as {@code aws:s3} (S3, SQS and SNS notifications also use
 *       {@code Records}), GuardDuty findings ({@code schemaVersion} and {@code service}), Security Hub ASFF
 *       ({@code SchemaVersion} and {@code ProductArn}), other EventBridge events, text such as VPC flow logs</td>
 *       <td>0</td></tr>
 * </table>
 * A bare array of any of these scores as its first element, capped at 95.
 */
final class CloudTrailDetector {
    /** Detection reads at most 64 KiB of already-decoded text: the default constraints are enough. */
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final int MAX_VALUES = 8;
    /** A container's first records that are scanned: one broken record must not hide that the rest are CloudTrail. */
    private static final int MAX_ELEMENTS = 16;
    /** The least score of a container's element that makes the container CloudTrail's. */
    private static final int EVENT = 60;

    private CloudTrailDetector() {}

    /** What one object showed before the head ended. */
    private static final class Evidence {
        boolean eventVersion;
        boolean eventTime;
        boolean eventName;
        boolean userIdentity;
        String eventSource;
        boolean eventSourceSeen;
        int support;
        String eventType;
        boolean insightDetails;
        int digestKeys;
        String detailType;
        Evidence detail;
        Evidence embedded;
        boolean container;
        boolean emptyContainer;
        /** The first elements of the container, scanned. */
        final java.util.List<Evidence> elements = new java.util.ArrayList<>(2);
        boolean guardDuty1;
        boolean guardDuty2;
        boolean asff1;
        boolean asff2;
        /** A CloudWatch Logs control message: says nothing about what the log group holds. */
        boolean controlMessage;
    }

    /**
     * Scores a head.
     *
     * @param head the input's head without leading white space or byte-order mark
     * @return 0 to 100
     */
    static int score(String head) {
        if (head.isEmpty() || (head.charAt(0) != '{' && head.charAt(0) != '[')) {
            return 0;
        }
        boolean array = head.charAt(0) == '[';
        int score = 0;
        try (JsonParser parser = FACTORY.createParser(head)) {
            if (array) {
                parser.nextToken();
            }
            // Firehose may start a file with CloudWatch Logs control messages: look past a few of them.
            for (int value = 0; value < MAX_VALUES; value++) {
                JsonToken token = parser.nextToken();
                if (token != JsonToken.START_OBJECT) {
                    break;
                }
                Evidence evidence = new Evidence();
                try {
                    scan(parser, evidence, 0);
                } finally {
                    score = scoreObject(evidence); // also when the head ends inside this value
                }
                if (!isControlOnly(evidence)) {
                    break;
                }
            }
        } catch (IOException cutOrBroken) {
            // the head ends inside a record, or is not JSON past some point: what was seen is the evidence
        }
        return array ? Math.min(score, 95) : score;
    }

    private static void scan(JsonParser parser, Evidence ev, int depth) throws IOException {
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "eventVersion":
                    ev.eventVersion = true;
                    break;
                case "eventTime":
                    ev.eventTime = true;
                    break;
                case "eventName":
                    ev.eventName = true;
                    break;
                case "eventSource":
                    ev.eventSourceSeen = true;
                    ev.eventSource = token == JsonToken.VALUE_STRING ? parser.getText() : null;
                    break;
                case "eventType":
                    ev.eventType = token == JsonToken.VALUE_STRING ? parser.getText() : null;
                    break;
                case "userIdentity":
                    ev.userIdentity = token == JsonToken.START_OBJECT;
                    ev.support++;
                    break;
                case "awsRegion":
                case "recipientAccountId":
                case "sourceIPAddress":
                case "userAgent":
                case "eventID":
                case "requestParameters":
                case "responseElements":
                    ev.support++;
                    break;
                case "insightDetails":
                    ev.insightDetails = true;
                    break;
                case "digestStartTime":
                case "digestEndTime":
                case "digestS3Bucket":
                case "digestS3Object":
                case "digestSignatureAlgorithm":
                case "previousDigestSignature":
                case "logFiles":
                    ev.digestKeys++;
                    break;
                case "detail-type":
                    ev.detailType = token == JsonToken.VALUE_STRING ? parser.getText() : "";
                    break;
                case "detail":
                    if (depth == 0 && token == JsonToken.START_OBJECT) {
                        ev.detail = new Evidence();
                        scan(parser, ev.detail, depth + 1);
                        continue;
                    }
                    break;
                case "message":
                case "CloudTrailEvent":
                    if (depth <= 1 && token == JsonToken.VALUE_STRING) {
                        ev.embedded = scanText(parser.getText());
                    }
                    break;
                case "Records":
                case "Events":
                case "logEvents":
                case "events":
                    if (depth == 0 && token == JsonToken.START_ARRAY) {
                        ev.container = true;
                        ev.emptyContainer = true;
                        JsonToken element;
                        int seen = 0;
                        while ((element = parser.nextToken()) != JsonToken.END_ARRAY && element != null) {
                            ev.emptyContainer = false;
                            if (element == JsonToken.START_OBJECT && seen++ < MAX_ELEMENTS) {
                                Evidence record = new Evidence();
                                ev.elements.add(record); // before scanning: a cut head still leaves what was seen
                                scan(parser, record, depth + 1);
                                if (scoreObject(record) >= EVENT) {
                                    return; // a CloudTrail event, no notification before it: the rest need not be read
                                }
                            } else {
                                parser.skipChildren();
                            }
                        }
                        continue;
                    }
                    break;
                case "schemaVersion":
                    ev.guardDuty1 = true;
                    break;
                case "service":
                    ev.guardDuty2 = true;
                    break;
                case "SchemaVersion":
                    ev.asff1 = true;
                    break;
                case "ProductArn":
                    ev.asff2 = true;
                    break;
                default:
                    break;
            }
            parser.skipChildren();
        }
    }

    private static Evidence scanText(String json) {
        Evidence ev = new Evidence();
        if (json.startsWith("CWL CONTROL MESSAGE")) {
            ev.controlMessage = true;
            return ev;
        }
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                scan(parser, ev, 2);
            }
        } catch (IOException notJson) {
            // CloudWatch Logs control messages and plain-text log lines are not events
        }
        return ev;
    }

    private static boolean isControlOnly(Evidence ev) {
        if (!ev.container || ev.elements.isEmpty()) {
            return false;
        }
        for (Evidence element : ev.elements) {
            if (element.embedded == null || !element.embedded.controlMessage) {
                return false;
            }
        }
        return true;
    }

    private static int scoreObject(Evidence ev) {
        if ((ev.guardDuty1 && ev.guardDuty2) || (ev.asff1 && ev.asff2)) {
            return 0;
        }
        if (ev.detailType != null) {
            return ev.detailType.endsWith("via CloudTrail") ? 100 : 0;
        }
        if (ev.container) {
            if (ev.elements.isEmpty()) {
                return ev.emptyContainer ? 40 : 0;
            }
            int best = 0;
            for (Evidence element : ev.elements) {
                if (element.eventSource != null && element.eventSource.startsWith("aws:")) {
                    return 0; // S3, SQS, SNS notifications: "Records" too, but not CloudTrail's
                }
                best = Math.max(best, scoreObject(element));
                if (element.eventVersion && element.userIdentity) {
                    best = Math.max(best, 50); // a log file whose first record is too broken to show more
                }
            }
            return best >= EVENT ? 100 : best;
        }
        if (ev.embedded != null) {
            int inner = scoreEvent(ev.embedded);
            return inner >= 60 ? 95 : 0;
        }
        if (ev.detail != null) {
            return 0; // an envelope without a CloudTrail detail-type
        }
        if (ev.digestKeys >= 2) {
            return 90;
        }
        return scoreEvent(ev);
    }

    private static int scoreEvent(Evidence ev) {
        if (ev.eventSource != null && ev.eventSource.startsWith("aws:")) {
            return 0; // S3, SQS, SNS, DynamoDB and Kinesis notifications: "aws:s3", not "s3.amazonaws.com"
        }
        if (ev.eventVersion && ("AwsCloudTrailInsight".equals(ev.eventType) || ev.insightDetails)) {
            return 90;
        }
        int core = (ev.eventTime ? 1 : 0) + (ev.eventName ? 1 : 0) + (ev.eventSourceSeen ? 1 : 0);
        boolean awsSource = ev.eventSource != null
                && (ev.eventSource.endsWith(".amazonaws.com") || ev.eventSource.endsWith(".amazonaws.com.cn"));
        if (core == 3 && ev.eventVersion) {
            return 95;
        }
        if (core == 3 && (ev.support > 0 || awsSource)) {
            return 85;
        }
        if (core >= 2 && (ev.eventVersion || awsSource)) {
            return 60;
        }
        return 0;
    }
}
