package io.github.detective4j.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A service that does not answer (nothing listens on its loopback port, the SDK does not retry): the sources say so
 * as the {@link IOException} their Javadoc promises, naming the call and the resource, not as the SDK's unchecked
 * {@link SdkClientException}, which a loop that catches {@code IOException} would not survive.
 */
class UnreachableServiceTest {
    private static URI nowhere;

    @BeforeAll
    static void freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            nowhere = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B offline(B b) {
        return b.endpointOverride(nowhere).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }

    private static void assertUnreachable(IOException e, String call) {
        assertTrue(e.getMessage().startsWith(call + " failed: "), e::getMessage);
        assertInstanceOf(SdkClientException.class, e.getCause());
    }

    @Test
    void s3() {
        try (S3Client s3 = offline(S3Client.builder()).forcePathStyle(true).build()) {
            S3LogSource source = S3LogSource.builder(s3, "trail-bucket").accounts("111122223333").regions("us-east-1")
                    .between(Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")).build();
            assertUnreachable(assertThrows(IOException.class, () -> source.read(event -> { })),
                    "s3:ListBucket on arn:aws:s3:::trail-bucket");
        }
    }

    @Test
    void sqs() {
        try (SqsClient sqs = offline(SqsClient.builder()).build();
                S3Client s3 = offline(S3Client.builder()).build()) {
            SqsNotificationSource source = SqsNotificationSource.builder(sqs, s3,
                    "https://sqs.us-east-1.amazonaws.com/111122223333/trail").waitTime(Duration.ZERO).build();
            assertUnreachable(assertThrows(IOException.class, () -> source.poll(event -> { })),
                    "sqs:ReceiveMessage on arn:aws:sqs:us-east-1:111122223333:trail");
        }
    }

    @Test
    void cloudWatchLogs() {
        try (CloudWatchLogsClient logs = offline(CloudWatchLogsClient.builder()).build()) {
            LogGroupSource source = LogGroupSource.builder(logs, "aws-cloudtrail-logs").build();
            IOException e = assertThrows(IOException.class, () -> source.read(event -> { }));
            assertUnreachable(e, "logs:FilterLogEvents on arn:aws:logs:us-east-1:*:log-group:aws-cloudtrail-logs:*");
            assertEquals(IOException.class, e.getClass());
        }
    }
}
