package io.github.detective4j.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notification shapes SQS carries, and the deduplication window. */
class NotificationsTest {
    @Test
    void anS3EventKeyIsDecodedAsAFormAndOnlyCreationsCount() throws IOException {
        String body = "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"eventName\":"
                + "\"ObjectCreated:CompleteMultipartUpload\",\"s3\":{\"bucket\":{\"name\":\"logs\"},\"object\":"
                + "{\"key\":\"AWSLogs/111122223333/vpcflowlogs/us-east-1/2026/11/27/flow+log%3D1.log.gz\","
                + "\"sequencer\":\"0055AED6DCD90281E5\"}}},{\"eventSource\":\"aws:s3\",\"eventName\":"
                + "\"ObjectRemoved:Delete\",\"s3\":{\"bucket\":{\"name\":\"logs\"},\"object\":{\"key\":\"gone\"}}}]}";
        assertEquals(List.of(new Notifications.S3Location("logs",
                "AWSLogs/111122223333/vpcflowlogs/us-east-1/2026/11/27/flow log=1.log.gz", "0055AED6DCD90281E5")),
                Notifications.objects(body));
    }

    @Test
    void cloudTrailsNotificationInAnSnsEnvelopeNamesEveryKeyAsIs() throws IOException {
        String inner = "{\"s3Bucket\":\"trail\",\"s3ObjectKey\":[\"AWSLogs/111122223333/CloudTrail/us-east-1/2026/"
                + "11/27/a+b.json.gz\",\"AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/27/c.json.gz\"]}";
        String body = "{\"Type\":\"Notification\",\"MessageId\":\"m\",\"TopicArn\":\"arn:aws:sns:us-east-1:"
                + "111122223333:t\",\"Message\":" + new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(inner) + "}";
        List<Notifications.S3Location> objects = Notifications.objects(body);
        assertEquals(2, objects.size());
        assertEquals("AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/27/a+b.json.gz", objects.get(0).key());
    }

    @Test
    void anS3EventThroughEventBridgeNamesItsKeyAsIsAndOnlyCreationsCount() throws IOException {
        // the shape of the S3 User Guide's "EventBridge event message structure"; EventBridge does not encode keys
        String created = "{\"version\":\"0\",\"id\":\"17793124-05d4-b198-2fde-7ededc63b103\",\"detail-type\":"
                + "\"Object Created\",\"source\":\"aws.s3\",\"account\":\"111122223333\",\"time\":"
                + "\"2021-11-12T00:00:00Z\",\"region\":\"ca-central-1\",\"resources\":[\"arn:aws:s3:::logs\"],"
                + "\"detail\":{\"version\":\"0\",\"bucket\":{\"name\":\"logs\"},\"object\":{\"key\":"
                + "\"AWSLogs/111122223333/CloudTrail/ca-central-1/2021/11/12/a+b%3D1.json.gz\",\"size\":5,"
                + "\"etag\":\"b1946ac92492d2347c6235b4d2611184\",\"version-id\":\"IYV3p45BT0ac8hjHg1houSdS1a.Mro8e\","
                + "\"sequencer\":\"617f08299329d189\"},\"request-id\":\"N4N7GDK58NMKJ12R\",\"requester\":"
                + "\"123456789012\",\"source-ip-address\":\"1.2.3.4\",\"reason\":\"PutObject\"}}";
        assertEquals(List.of(new Notifications.S3Location("logs",
                "AWSLogs/111122223333/CloudTrail/ca-central-1/2021/11/12/a+b%3D1.json.gz", "617f08299329d189")),
                Notifications.objects(created));
        assertEquals(List.of(), Notifications.objects(created.replace("Object Created", "Object Deleted")));
        assertThrows(IOException.class, () -> Notifications.objects(created.replace("\"key\"", "\"name2\"")));
    }

    @Test
    void anEventBridgeEventOfAnotherServiceIsTheMessagesOwnTelemetry() throws IOException {
        String finding = "{\"version\":\"0\",\"detail-type\":\"GuardDuty Finding\",\"source\":\"aws.guardduty\","
                + "\"detail\":{\"id\":\"c2b98b95c5440025c05b405065ed3bb9\"}}";
        String throughSns = "{\"Type\":\"Notification\",\"Message\":"
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(finding) + "}";
        assertEquals(finding, Notifications.eventBridgeEvent(finding));
        assertEquals(finding, Notifications.eventBridgeEvent(throughSns));
        assertEquals(null, Notifications.eventBridgeEvent(finding.replace("aws.guardduty", "aws.s3")),
                "S3's events announce objects");
        assertEquals(null, Notifications.eventBridgeEvent("{\"detail-type\":\"x\",\"source\":\"aws.ec2\"}"));
        assertEquals(null, Notifications.eventBridgeEvent("<html>"));
    }

    @Test
    void theTestEventAnnouncesNothingAndOtherJsonIsRefused() throws IOException {
        assertEquals(List.of(), Notifications.objects("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\","
                + "\"Time\":\"2026-11-27T23:00:00.000Z\",\"Bucket\":\"logs\"}"));
        assertThrows(IOException.class, () -> Notifications.objects("{\"detail-type\":\"AWS API Call\"}"));
        assertThrows(IOException.class, () -> Notifications.objects("[1,2]"));
    }

    @Test
    void idsAreForgottenOnceOlderThanTheWindowOrPastTheCap() {
        Instant[] now = {Instant.parse("2026-11-27T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        RecentIds ids = new RecentIds(Duration.ofHours(1), 2, clock);
        assertTrue(ids.firstTime("a"));
        assertFalse(ids.firstTime("a"));
        now[0] = now[0].plusSeconds(1800);
        assertTrue(ids.firstTime("b"));
        now[0] = now[0].plusSeconds(1801);
        assertFalse(ids.contains("a"), "older than the window");
        assertTrue(ids.contains("b"));
        assertTrue(ids.firstTime("c"));
        assertTrue(ids.firstTime("d"));
        assertFalse(ids.contains("b"), "past the cap, the oldest goes first");
        assertTrue(ids.contains("c"));
    }

    @Test
    void aQueueUrlNamesItsArn() {
        assertEquals("arn:aws:sqs:eu-west-1:111122223333:cloudtrail-delivered", SqsNotificationSource.arnOf(
                "https://sqs.eu-west-1.amazonaws.com/111122223333/cloudtrail-delivered"));
        assertEquals("arn:aws:sqs:*:000000000000:q", SqsNotificationSource.arnOf("http://127.0.0.1:9324/000000000000/q"));
        // a policy written from an ARN of the wrong partition grants nothing
        assertEquals("arn:aws-cn:sqs:cn-north-1:111122223333:q", SqsNotificationSource.arnOf(
                "https://sqs.cn-north-1.amazonaws.com.cn/111122223333/q"));
        assertEquals("arn:aws-us-gov:sqs:us-gov-west-1:111122223333:q", SqsNotificationSource.arnOf(
                "https://sqs.us-gov-west-1.amazonaws.com/111122223333/q"));
    }

    @Test
    void aRegionsPartitionIsTheSdks() {
        assertEquals("aws", Partitions.of("eu-west-1"));
        assertEquals("aws-cn", Partitions.of("cn-northwest-1"));
        assertEquals("aws-us-gov", Partitions.of("us-gov-east-1"));
        assertEquals("aws", Partitions.of((String) null));
        assertEquals("aws", Partitions.of("*"));
    }
}
