package io.github.detective4j.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.detective4j.aws.LoopbackAws.Answer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The clients {@link AwsAccess} builds are configured as its Javadoc says, whatever the SDK's defaults. */
class AwsAccessTest {
    @Test
    void everyClientRetriesWithTheStandardStrategyAndKeepsTheProfile() {
        AwsAccess access = AwsAccess.builder().region("us-east-1").profile("detective4j-test").build();
        try (S3Client s3 = access.s3(); SqsClient sqs = access.sqs(); CloudWatchLogsClient logs = access.logs()) {
            for (SdkClient client : List.<SdkClient>of(s3, sqs, logs)) {
                ClientOverrideConfiguration config = client.serviceClientConfiguration().overrideConfiguration();
                assertInstanceOf(StandardRetryStrategy.class, config.retryStrategy().orElseThrow(),
                        client.serviceName());
                assertEquals(Optional.of("detective4j-test"), config.defaultProfileName(), client.serviceName());
            }
        }
    }

    /**
     * A bucket of another region answers 301 to a client of this one; AWS's S3 client follows it to the bucket's
     * region. (The endpoint is the SDK's own setting, so that the access sees none of its own and talks to AWS.)
     */
    @Test
    void theS3ClientReachesABucketInAnotherRegion() throws IOException {
        try (LoopbackAws aws = new LoopbackAws()) {
            aws.answer("eu-logs", "log.json", Answer.error(301, "PermanentRedirect", "The bucket you are attempting"
                    + " to access must be addressed using the specified endpoint.")
                    .withHeader("x-amz-bucket-region", "eu-west-1"), Answer.object("{\"Records\":[]}"));
            AwsAccess access = AwsAccess.builder().region("us-east-1")
                    .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                    .build();
            withSystemProperties(Map.of("aws.endpointUrlS3", aws.endpoint().toString()), () -> {
                try (S3Client s3 = access.s3()) {
                    assertEquals("{\"Records\":[]}",
                            s3.getObjectAsBytes(r -> r.bucket("eu-logs").key("log.json")).asUtf8String());
                }
            });
        }
    }

    @Test
    void assumingARoleWithoutAnyRegionSaysSo(@TempDir Path home) {
        assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null
                && System.getenv("AWS_CONFIG_FILE") == null, "the environment names a region");
        AwsAccess access = AwsAccess.builder()
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret"))).build();
        withSystemProperties(Map.of("aws.configFile", home.resolve("config").toString(),
                "aws.disableEc2Metadata", "true"), () -> {
                    IllegalStateException e = assertThrows(IllegalStateException.class,
                            () -> access.assumingRole("arn:aws:iam::444455556666:role/DetectiveReader", "detective4j"));
                    assertTrue(e.getMessage().startsWith("no region to assume"), e::getMessage);
                });
    }

    private static void withSystemProperties(Map<String, String> properties, Runnable body) {
        Map<String, String> before = new java.util.HashMap<>();
        properties.forEach((name, value) -> before.put(name, System.setProperty(name, value)));
        try {
            body.run();
        } finally {
            before.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }
}
