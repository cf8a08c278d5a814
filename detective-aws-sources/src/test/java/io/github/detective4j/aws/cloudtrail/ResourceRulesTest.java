package io.github.detective4j.aws.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResourceRulesTest {
    @Test
    void idsFromArns() {
        assertEquals("JohnRole2", ResourceRules.idFromArn("arn:aws:iam::111111111111:role/JohnRole2"));
        assertEquals("Name", ResourceRules.idFromArn("arn:aws:iam::111111111111:role/division/team/Name"));
        assertEquals("7944f0ec-EXAMPLE", ResourceRules.idFromArn("arn:aws:kms:us-east-2:123456789012:key/7944f0ec-EXAMPLE"));
        assertEquals("i-0abc", ResourceRules.idFromArn("arn:aws:ec2:us-east-1:123456789012:instance/i-0abc"));
        assertEquals("bucket", ResourceRules.idFromArn("arn:aws:s3:::bucket"));
        assertEquals("bucket/dir/key.csv", ResourceRules.idFromArn("arn:aws:s3:::bucket/dir/key.csv"));
        assertEquals("report", ResourceRules.idFromArn("arn:aws:lambda:us-east-1:111122223333:function:report"));
        assertEquals("credentials/stratus/credentials-1",
                ResourceRules.idFromArn("arn:aws:ssm:us-east-1:933175858973:parameter/credentials/stratus/credentials-1"));
        assertEquals("arn:aws:iam:sample1", ResourceRules.idFromArn("arn:aws:iam:sample1"), "not a whole ARN");
        assertEquals("plain-name", ResourceRules.idFromArn("plain-name"));
    }

    @Test
    void readsParametersOnlyForTheCallsInTheTable() {
        assertTrue(ResourceRules.rule("ec2.amazonaws.com", "RunInstances").needsResponse());
        assertFalse(ResourceRules.rule("ec2.amazonaws.com", "RunInstances").needsRequest());
        assertTrue(ResourceRules.rule("s3.amazonaws.com", "GetBucketPolicy").needsRequest(), "every S3 call");
        assertFalse(ResourceRules.rule("s3.amazonaws.com", "GetBucketPolicy").needsResponse());
        assertNull(ResourceRules.rule("ec2.amazonaws.com", "DescribeInstances"));
        assertTrue(ResourceRules.rule("cloudtrail.amazonaws.com", "StopLogging").needsRequest());
        assertTrue(ResourceRules.rule("ec2.amazonaws.com", "AttachNetworkInterface").needsRequest());
        assertFalse(ResourceRules.rule("ec2.amazonaws.com", "AttachNetworkInterface").needsResponse());
    }

    /** A rule is of its service: Transfer Family's and ElastiCache's users are no IAM users. */
    @Test
    void aCallOfTheSameNameToAnotherServiceHasNoRule() {
        assertTrue(ResourceRules.rule("iam.amazonaws.com", "CreateUser").needsRequest());
        assertNull(ResourceRules.rule("transfer.amazonaws.com", "CreateUser"));
        assertNull(ResourceRules.rule("elasticache.amazonaws.com", "CreateUser"));
        assertNull(ResourceRules.rule("transfer.amazonaws.com", "DeleteUser"));
        assertNull(ResourceRules.rule("ec2.amazonaws.com", "SendSSHPublicKey"));
        assertTrue(ResourceRules.rule("ec2-instance-connect.amazonaws.com", "SendSSHPublicKey").needsRequest());
        assertTrue(ResourceRules.rule("ssm.amazonaws.com", "StartSession").needsRequest());
        assertTrue(ResourceRules.rule("s3.amazonaws.com", "CreateUser").needsRequest(), "an S3 call names its bucket");
    }
}
