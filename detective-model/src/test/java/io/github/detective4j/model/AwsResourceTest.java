package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AwsResourceTest {

    @Test
    void typeNamesAreCloudFormations() {
        assertEquals("AWS::EC2::Instance", AwsResource.EC2_INSTANCE);
        assertEquals("AWS::S3::Bucket", AwsResource.S3_BUCKET);
        assertEquals("AWS::IAM::User", AwsResource.IAM_USER);
        assertEquals("AWS::IAM::Role", AwsResource.IAM_ROLE);
        assertEquals("AWS::IAM::AccessKey", AwsResource.IAM_ACCESS_KEY);
        assertEquals("AWS::CloudTrail::Trail", AwsResource.CLOUDTRAIL_TRAIL);
        assertArrayEquals(new AwsResource.Action[] {AwsResource.Action.CREATED, AwsResource.Action.DELETED,
            AwsResource.Action.TOUCHED}, AwsResource.Action.values());
    }

    @Test
    void fieldsAreKept() {
        AwsResource resource = new AwsResource(AwsResource.EC2_INSTANCE, "i-08a8e40be65425909",
                "arn:aws:ec2:us-east-1:111122223333:instance/i-08a8e40be65425909", AwsResource.Action.CREATED);
        assertEquals("AWS::EC2::Instance", resource.type());
        assertEquals("i-08a8e40be65425909", resource.id());
        assertEquals("arn:aws:ec2:us-east-1:111122223333:instance/i-08a8e40be65425909", resource.arn());
        assertEquals(AwsResource.Action.CREATED, resource.action());
    }

    @Test
    void instanceIsAnEc2InstanceEntity() {
        AwsResource instance = new AwsResource(AwsResource.EC2_INSTANCE, "i-08a8e40be65425909", null,
                AwsResource.Action.CREATED);
        assertEquals(Optional.of(EntityRef.ec2Instance("i-08a8e40be65425909")), instance.entity());
        assertEquals("Ec2Instance/i-08a8e40be65425909", instance.entity().orElseThrow().toString());
    }

    @Test
    void bucketIsAnS3BucketEntity() {
        AwsResource bucket = new AwsResource(AwsResource.S3_BUCKET, "trail-logs", "arn:aws:s3:::trail-logs",
                AwsResource.Action.TOUCHED);
        assertEquals(Optional.of(EntityRef.s3Bucket("trail-logs")), bucket.entity());
        assertEquals("S3Bucket/trail-logs", bucket.entity().orElseThrow().toString());
    }

    @ParameterizedTest
    @CsvSource({
        "AWS::IAM::User, Alice",
        "AWS::IAM::Role, Admin",
        "AWS::IAM::AccessKey, AKIAIOSFODNN7EXAMPLE",
        "AWS::CloudTrail::Trail, management-events",
        "AWS::KMS::Key, 1234abcd-12ab-34cd-56ef-1234567890ab",
        "aws::ec2::instance, i-08a8e40be65425909",
        "AWS::EC2::Volume, vol-049df61146c4d7901",
    })
    void otherTypesAreNoEntities(String type, String id) {
        assertEquals(Optional.empty(), new AwsResource(type, id, null, AwsResource.Action.TOUCHED).entity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"i-XYZ", "i-08A8E40BE65425909", "arn:aws:ec2:us-east-1:111122223333:instance/i-1234abcd",
        "vol-049df61146c4d7901"})
    void instanceIdThatDoesNotFitIsNoEntity(String id) {
        assertEquals(Optional.empty(),
                new AwsResource(AwsResource.EC2_INSTANCE, id, null, AwsResource.Action.TOUCHED).entity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"my bucket", "arn:aws:s3:::trail-logs", "bucket/key", "b\u00fccket"})
    void bucketNameThatDoesNotFitIsNoEntity(String id) {
        assertEquals(Optional.empty(),
                new AwsResource(AwsResource.S3_BUCKET, id, null, AwsResource.Action.TOUCHED).entity());
    }

    @Test
    void bucketNameLongerThan255IsNoEntity() {
        assertEquals(Optional.empty(), new AwsResource(AwsResource.S3_BUCKET, "b".repeat(256), null,
                AwsResource.Action.TOUCHED).entity());
    }

    @Test
    void typeIdAndActionAreRequired() {
        Expect.nullPointer(() -> new AwsResource(null, "x", null, AwsResource.Action.TOUCHED),
                "resource type must not be null");
        Expect.illegalArgument(() -> new AwsResource(" ", "x", null, AwsResource.Action.TOUCHED),
                "resource type must not be blank");
        Expect.nullPointer(() -> new AwsResource(AwsResource.IAM_USER, null, null, AwsResource.Action.TOUCHED),
                "resource id must not be null");
        Expect.illegalArgument(() -> new AwsResource(AwsResource.IAM_USER, "", null, AwsResource.Action.TOUCHED),
                "resource id must not be blank");
        Expect.nullPointer(() -> new AwsResource(AwsResource.IAM_USER, "Alice", null, null),
                "resource action must not be null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void blankArnBecomesNull(String blank) {
        AwsResource resource = new AwsResource(AwsResource.IAM_USER, "Alice", blank, AwsResource.Action.TOUCHED);
        assertNull(resource.arn());
        assertEquals(new AwsResource(AwsResource.IAM_USER, "Alice", null, AwsResource.Action.TOUCHED), resource);
    }
}
