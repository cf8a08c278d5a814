package io.github.detective4j.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.detective4j.aws.LoopbackAws.Answer;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/** The clients {@link AwsAccess} builds are configured as its Javadoc says, whatever the SDK's defaults. */
class AwsAccessTest {
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
