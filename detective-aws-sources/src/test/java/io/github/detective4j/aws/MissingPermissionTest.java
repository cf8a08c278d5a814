package io.github.detective4j.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.LoopbackAws.Answer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A refusal names what to grant: STS refusing a role is {@code sts:AssumeRole} on that role, not the call that needed
 * its credentials, and AWS's own message follows, which names what was refused when it was not the call's action (a
 * KMS key's {@code kms:Decrypt} behind an S3 object).
 */
class MissingPermissionTest {
    private static final String ROLE = "arn:aws:iam::444455556666:role/DetectiveReader";
    private LoopbackAws aws;
    private AwsAccess admin;

    @BeforeEach
    void start() throws IOException {
        aws = new LoopbackAws();
        admin = AwsAccess.builder().endpoint(aws.endpoint()).stsEndpoint(aws.endpoint()).region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret"))).build();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private static S3LogSource trail(S3Client s3, String account) {
        return S3LogSource.builder(s3, "trail-bucket").accounts(account).regions("us-east-1")
                .between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T01:00:00Z"))
                .settle(Duration.ZERO).build();
    }

    @Test
    void aRoleStsRefusesIsNamedWhicheverSourceNeededIt() throws IOException {
        AwsAccess member = admin.assumingRole(ROLE, "detective4j");
        try (S3Client s3 = member.s3(); SqsClient sqs = member.sqs()) {
            MissingPermissionException fromS3 = assertThrows(MissingPermissionException.class,
                    () -> trail(s3, "444455556666").read(event -> { }));
            MissingPermissionException fromSqs = assertThrows(MissingPermissionException.class,
                    () -> SqsNotificationSource.builder(sqs, s3, aws.queueUrl()).waitTime(Duration.ZERO).build()
                            .poll(event -> { }));
            for (MissingPermissionException e : new MissingPermissionException[] {fromS3, fromSqs}) {
                assertEquals("sts:AssumeRole", e.action());
                assertEquals(ROLE, e.resource());
                assertEquals("access denied (AccessDenied): the reader needs sts:AssumeRole on " + ROLE
                        + "; AWS said: User: arn:aws:iam::111122223333:user/admin is not authorized to perform:"
                        + " sts:AssumeRole on resource: " + ROLE, e.getMessage());
            }
        }
    }

    @Test
    void awsOwnMessageSaysWhatElseWasRefused() {
        String kms = "User: arn:aws:sts::111122223333:assumed-role/DetectiveReader/detective4j is not authorized to"
                + " perform: kms:Decrypt on the resource associated with this ciphertext because the resource does"
                + " not exist in this Region, no resource-based policies allow access, or a resource-based policy"
                + " explicitly denies access";
        String key = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/01/01/111122223333_CloudTrail_us-east-1_"
                + "20260101T0005Z_EXAMPLE.json.gz";
        aws.answer("trail-bucket", key, Answer.error(403, "AccessDenied", kms));
        try (S3Client s3 = admin.s3()) {
            MissingPermissionException e = assertThrows(MissingPermissionException.class,
                    () -> trail(s3, "111122223333").read(event -> { }));
            assertEquals("s3:GetObject", e.action());
            assertTrue(e.getMessage().endsWith(": the reader needs s3:GetObject on arn:aws:s3:::trail-bucket/" + key
                    + "; AWS said: " + kms), e::getMessage);
        }
    }
}
