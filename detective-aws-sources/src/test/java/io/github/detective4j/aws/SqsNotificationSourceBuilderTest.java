package io.github.detective4j.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SQS takes its wait time and visibility timeout in whole seconds: a fraction is refused, not dropped. */
class SqsNotificationSourceBuilderTest {
    @Test
    void durationsAreWholeSeconds() {
        try (SqsClient sqs = SqsClient.builder().region(Region.US_EAST_1).build();
                S3Client s3 = S3Client.builder().region(Region.US_EAST_1).build()) {
            SqsNotificationSource.Builder builder = SqsNotificationSource.builder(sqs, s3,
                    "https://sqs.us-east-1.amazonaws.com/111122223333/trail");
            assertEquals("retryDelay must be whole seconds, from 0 to 12 hours, was PT0.5S", assertThrows(
                    IllegalArgumentException.class, () -> builder.retryDelay(Duration.ofMillis(500))).getMessage());
            assertEquals("waitTime must be whole seconds, from 0 to 20, was PT1.5S", assertThrows(
                    IllegalArgumentException.class, () -> builder.waitTime(Duration.ofMillis(1500))).getMessage());
            for (Duration refused : List.of(Duration.ofMillis(1500), Duration.ofHours(12).plusSeconds(1),
                    Duration.ofSeconds(-1))) {
                assertEquals("visibilityTimeout must be whole seconds, from 0 to 12 hours, was " + refused,
                        assertThrows(IllegalArgumentException.class, () -> builder.visibilityTimeout(refused))
                                .getMessage());
            }
            builder.visibilityTimeout(Duration.ZERO).visibilityTimeout(Duration.ofHours(12));
            builder.retryDelay(Duration.ofSeconds(1)).waitTime(Duration.ZERO).build();
        }
    }
}
