package io.github.detective4j.aws.cloudtrail;

import static io.github.detective4j.aws.cloudtrail.CloudTrailTesting.fixtureBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.LogFormat;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CloudTrailDetectorTest {
    private final CloudTrailFormat format = new CloudTrailFormat();

    private int score(String head) {
        return format.detect(new LogFormat.Sample("x", head));
    }

    private int fixtureScore(String name) {
        return score(new String(fixtureBytes(name), StandardCharsets.UTF_8));
    }

    @Test
    void isSureOfCloudTrailShapes() {
        assertEquals(100, fixtureScore("records-pretty.json"));
        assertEquals(100, fixtureScore("records-compact.json"));
        assertEquals(95, fixtureScore("bare-array.json"));
        assertEquals(95, fixtureScore("events.ndjson"));
        assertEquals(95, fixtureScore("console-login-success.json"));
        assertEquals(100, fixtureScore("eventbridge-api-call.json"));
        assertEquals(100, fixtureScore("eventbridge-console-signin.json"));
        assertEquals(95, fixtureScore("eventbridge-array.json"));
        assertEquals(100, fixtureScore("eventbridge.ndjson"));
        assertEquals(90, fixtureScore("digest.json"));
        assertEquals(100, fixtureScore("insight.json"));
        assertEquals(100, fixtureScore("cloudwatch-firehose.json"), "past the leading control message");
        assertEquals(100, fixtureScore("filter-log-events.json"));
        assertEquals(100, fixtureScore("lookup-events.json"));
        assertEquals(40, score("{\"Records\":[]}"));
    }

    @Test
    void judgesAHeadCutInsideARecord() {
        String file = new String(fixtureBytes("records-pretty.json"), StandardCharsets.UTF_8);
        assertEquals(100, score(file.substring(0, file.indexOf("\"awsRegion\""))));
        assertEquals(50, score(file.substring(0, file.indexOf("\"eventTime\""))),
                "a log file that shows nothing but a userIdentity yet: probably CloudTrail");
        assertEquals(0, score("{\"userIdentity\":{\"type\":\"IAMUser\"},\"eventVersion\":\"1.08\"}"),
                "the same alone is a snippet, not an event");
    }

    @Test
    void givesPartialEventsLessCertainty() {
        assertEquals(60, score("{\"eventVersion\":\"1.08\",\"eventName\":\"ListUsers\",\"eventSource\":"
                + "\"iam.amazonaws.com\"}"));
        assertEquals(85, score("{\"eventTime\":\"2026-11-20T03:00:00Z\",\"eventName\":\"ListUsers\",\"eventSource\":"
                + "\"iam.amazonaws.com\"}"));
    }

    @Test
    void readsAContainerUpToItsFirstCloudTrailEvent() {
        String event = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-11-20T03:00:00Z\",\"eventName\":\"ListUsers\","
                + "\"eventSource\":\"iam.amazonaws.com\"}";
        String notification = "{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"eventTime\":"
                + "\"2026-11-20T03:00:00.000Z\",\"eventName\":\"ObjectCreated:Put\"}";
        // what follows the first event is not read: not even JSON that breaks
        assertEquals(100, score("{\"Records\":[" + event + ",{\"eventVersion\":\"1.08\",\"userIdentity\":{]]]"));
        assertEquals(100, score("{\"Records\":[{\"broken\":1}," + event + "," + notification + "]}"));
        // a notification before it still says what the file is
        assertEquals(0, score("{\"Records\":[" + notification + "," + event + "]}"));
    }

    @Test
    void refusesWhatIsNotCloudTrail() {
        // GuardDuty finding (schemaVersion + service)
        assertEquals(0, score("{\"schemaVersion\":\"2.0\",\"accountId\":\"111122223333\",\"region\":\"us-east-1\","
                + "\"id\":\"c2b98b95c5440025c05b405065ed3bb9\",\"type\":\"CryptoCurrency:EC2/BitcoinTool.B\","
                + "\"service\":{\"serviceName\":\"guardduty\",\"action\":{\"actionType\":\"AWS_API_CALL\","
                + "\"awsApiCallAction\":{\"api\":\"StopLogging\",\"serviceName\":\"cloudtrail.amazonaws.com\"}}},"
                + "\"severity\":8,\"createdAt\":\"2026-11-20T04:00:00Z\",\"updatedAt\":\"2026-11-20T04:00:00Z\"}"));
        // GuardDuty by EventBridge
        assertEquals(0, score("{\"version\":\"0\",\"detail-type\":\"GuardDuty Finding\",\"source\":\"aws.guardduty\","
                + "\"detail\":{\"schemaVersion\":\"2.0\",\"service\":{}}}"));
        // Security Hub ASFF, bare and wrapped
        String asff = "{\"SchemaVersion\":\"2018-10-08\",\"Id\":\"arn:aws:securityhub:us-east-1:111122223333:finding/1\","
                + "\"ProductArn\":\"arn:aws:securityhub:us-east-1::product/aws/guardduty\",\"AwsAccountId\":"
                + "\"111122223333\",\"Types\":[],\"CreatedAt\":\"2026-11-20T04:00:00Z\"}";
        assertEquals(0, score(asff));
        assertEquals(0, score("{\"Findings\":[" + asff + "]}"));
        assertEquals(0, score("[" + asff + "]"));
        // VPC flow logs
        assertEquals(0, score("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes"
                + " start end action log-status\n2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21"
                + " 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK\n"));
        // S3 event notification: Records, eventTime, eventName, eventSource - but "aws:s3"
        assertEquals(0, score("{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":"
                + "\"us-east-1\",\"eventTime\":\"2026-11-20T03:00:00.000Z\",\"eventName\":\"ObjectCreated:Put\","
                + "\"userIdentity\":{\"principalId\":\"AWS:AIDAEXAMPLE\"},\"s3\":{}}]}"));
        // the SNS-in-SQS CloudTrail delivery notification names log files, it holds no events
        assertEquals(0, score("{\"Type\":\"Notification\",\"MessageId\":\"6a18da96\",\"Message\":"
                + "\"{\\\"s3Bucket\\\":\\\"my-test-bucket\\\",\\\"s3ObjectKey\\\":[\\\"AWSLogs/x.json.gz\\\"]}\"}"));
        // a rule test case that wraps an event is not an event
        assertEquals(0, score("{\"rule_id\":\"AWS.CloudTrail.Stopped\",\"test_name\":\"x\",\"log\":{\"eventVersion\":"
                + "\"1.05\",\"eventTime\":\"2019-01-01T00:00:00Z\",\"eventName\":\"StopLogging\",\"eventSource\":"
                + "\"cloudtrail.amazonaws.com\"}}"));
        // a bare userIdentity fragment
        assertEquals(0, score("{\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\"}}"));
        assertEquals(0, score(""));
        assertEquals(0, score("not json at all"));
        assertEquals(0, score("{\"messageType\":\"CONTROL_MESSAGE\",\"logEvents\":[{\"message\":"
                + "\"CWL CONTROL MESSAGE: Checking health of destination Firehose.\"}]}"));
    }

    @Test
    void neverThrowsOnBrokenHeads() {
        for (String head : new String[] {"{", "[", "{\"Records\":[", "{\"Records\":[{\"eventName\":",
                "{\"detail-type\":", "[[[[[[", "{\"message\":\"{\\\"eventVersion", "{]"}) {
            int score = score(head);
            assertTrue(score >= 0 && score <= 100, head);
        }
    }
}
