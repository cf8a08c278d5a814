package io.github.detective4j.aws;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A test against {@link LoopbackAws}, started before each test and stopped after it, with its SQS and S3 clients and
 * the bucket CloudTrail delivers to.
 */
abstract class LoopbackAwsTest {
    static final String BUCKET = "org-logs-111122223333";
    LoopbackAws aws;
    SqsClient sqs;
    S3Client s3;

    @BeforeEach
    void startLoopback() throws IOException {
        aws = new LoopbackAws();
        sqs = aws.sqs();
        s3 = aws.s3();
    }

    @AfterEach
    void stopLoopback() {
        s3.close();
        sqs.close();
        aws.close();
    }

    /** CloudTrail's SNS notification of a delivered log file in {@link #BUCKET}. */
    static String cloudTrailNotification(String key) {
        return "{\"s3Bucket\":\"" + BUCKET + "\",\"s3ObjectKey\":[\"" + key + "\"]}";
    }
}
