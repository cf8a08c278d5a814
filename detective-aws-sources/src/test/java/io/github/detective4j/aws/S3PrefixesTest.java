package io.github.detective4j.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/** The prefixes S3LogSource lists: AWS's key layouts, one per account, kind, region and UTC day the range touches. */
class S3PrefixesTest {
    @Test
    void anOrganizationTrailWithAKeyPrefixListsOnlyTheDaysOfTheRange() {
        try (S3Client s3 = AwsAccess.builder().region("eu-west-1").endpoint(URI.create("http://127.0.0.1:1"))
                .credentials(AnonymousCredentialsProvider.create()).build().s3()) {
            S3LogSource source = S3LogSource.builder(s3, "org-trail").prefix("security")
                    .organization("o-a1b2c3d4e5").accounts("444455556666").regions("eu-west-1")
                    .logTypes(S3LogSource.LogType.CLOUDTRAIL, S3LogSource.LogType.GUARDDUTY)
                    .between(Instant.parse("2026-11-30T23:00:00Z"), Instant.parse("2026-12-02T00:00:00Z"))
                    .build();
            assertEquals(List.of(
                    "security/AWSLogs/o-a1b2c3d4e5/444455556666/CloudTrail/eu-west-1/2026/11/30/",
                    "security/AWSLogs/o-a1b2c3d4e5/444455556666/CloudTrail/eu-west-1/2026/12/01/",
                    // the range's last events, delivered after midnight, are filed under the next day
                    "security/AWSLogs/o-a1b2c3d4e5/444455556666/CloudTrail/eu-west-1/2026/12/02/",
                    // a delegated administrator's findings export is per account, as in the Landing Zone
                    // Accelerator's central log bucket (.../AWSLogs/<account>/GuardDuty/<region>/...)
                    "security/AWSLogs/444455556666/GuardDuty/eu-west-1/2026/11/30/",
                    "security/AWSLogs/444455556666/GuardDuty/eu-west-1/2026/12/01/",
                    "security/AWSLogs/444455556666/GuardDuty/eu-west-1/2026/12/02/"),
                    source.prefixes());
            assertThrows(IllegalArgumentException.class, () -> S3LogSource.builder(s3, "b").accounts("4444"));
            assertThrows(IllegalArgumentException.class, () -> S3LogSource.builder(s3, "b").organization("org-1"));
            // the partitions' region names: GovCloud's, China's, the European Sovereign Cloud's
            S3LogSource.builder(s3, "b").regions("us-gov-west-1", "cn-northwest-1", "eusc-de-east-1");
            assertThrows(IllegalArgumentException.class, () -> S3LogSource.builder(s3, "b").regions("us-east"));
            assertThrows(IllegalArgumentException.class, () -> S3LogSource.builder(s3, "b").regions("../x-1"));
            assertThrows(IllegalStateException.class, () -> S3LogSource.builder(s3, "b").accounts("444455556666")
                    .regions("eu-west-1").build());
        }
    }

    @Test
    void flowLogsHaveNoOrganizationFolderAndMayHaveHiveCompatiblePrefixes() {
        // the VPC User Guide's "Flow log files": AWSLogs/account_id/vpcflowlogs/region/year/month/day/, or with
        // Hive-compatible S3 prefixes AWSLogs/aws-account-id=.../aws-service=vpcflowlogs/aws-region=.../year=.../...
        try (S3Client s3 = AwsAccess.builder().region("eu-west-1").endpoint(URI.create("http://127.0.0.1:1"))
                .credentials(AnonymousCredentialsProvider.create()).build().s3()) {
            S3LogSource.Builder builder = S3LogSource.builder(s3, "logs").organization("o-a1b2c3d4e5")
                    .accounts("444455556666").regions("eu-west-1")
                    .logTypes(S3LogSource.LogType.CLOUDTRAIL, S3LogSource.LogType.VPC_FLOW_LOGS)
                    .between(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T20:00:00Z"));
            assertEquals(List.of("AWSLogs/o-a1b2c3d4e5/444455556666/CloudTrail/eu-west-1/2026/12/01/",
                    "AWSLogs/444455556666/vpcflowlogs/eu-west-1/2026/12/01/"), builder.build().prefixes(),
                    "a range ending hours before midnight has its deliveries in its own day's prefix");
            assertEquals(List.of("AWSLogs/o-a1b2c3d4e5/444455556666/CloudTrail/eu-west-1/2026/12/01/",
                    "AWSLogs/aws-account-id=444455556666/aws-service=vpcflowlogs/aws-region=eu-west-1/year=2026/"
                            + "month=12/day=01/"), builder.hiveCompatiblePartitions(true).build().prefixes());
        }
    }

    @Test
    void theNextDayIsListedWhenTheSettleTimeReachesIntoIt() {
        try (S3Client s3 = AwsAccess.builder().region("eu-west-1").endpoint(URI.create("http://127.0.0.1:1"))
                .credentials(AnonymousCredentialsProvider.create()).build().s3()) {
            S3LogSource.Builder builder = S3LogSource.builder(s3, "trail").accounts("444455556666")
                    .regions("eu-west-1").logTypes(S3LogSource.LogType.CLOUDTRAIL)
                    .between(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T23:30:00Z"));
            assertEquals(2, builder.build().prefixes().size(), "23:30 and an hour's settling reach past midnight");
            assertEquals(1, builder.settle(Duration.ofMinutes(30)).build().prefixes().size(), "ends at midnight");
            assertEquals(2, builder.settle(Duration.ofMinutes(31)).build().prefixes().size());
        }
    }

    @Test
    void aRefusalNamesTheActionAndTheResourceWithItsControlCharactersEscaped() {
        MissingPermissionException e = new MissingPermissionException("s3:GetObject",
                "arn:aws:s3:::logs/AWSLogs/x\nFORGED LOG LINE", "AccessDenied", null);
        assertEquals("access denied (AccessDenied): the reader needs s3:GetObject on "
                + "arn:aws:s3:::logs/AWSLogs/x\\u000aFORGED LOG LINE", e.getMessage());
        assertEquals("arn:aws:s3:::logs/AWSLogs/x\nFORGED LOG LINE", e.resource());
    }
}
