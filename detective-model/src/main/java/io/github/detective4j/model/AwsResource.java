package io.github.detective4j.model;

import java.util.Optional;

/**
 * An AWS resource that an event touched or created, or that a finding involves.
 *
 * <p>Types are CloudFormation resource type names ({@code AWS::EC2::Instance}, {@code AWS::S3::Bucket},
 * {@code AWS::IAM::User}, {@code AWS::IAM::AccessKey}, {@code AWS::CloudTrail::Trail}, ...), the names CloudTrail
 * uses in its {@code resources} list.
 *
 * @param type the CloudFormation resource type name
 * @param id the resource's own id or name (instance id, bucket name, user name, access key id, trail name)
 * @param arn the resource's ARN, or null when the source gave none
 * @param action what the event did to the resource
 */
public record AwsResource(String type, String id, String arn, Action action) {
    /**
     * Returns the fields, every string {@linkplain SafeText#describe escaped}: they come from logs.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return SafeText.describe(this);
    }

    /** The type name of EC2 instances. */
    public static final String EC2_INSTANCE = "AWS::EC2::Instance";
    /**
     * The type name of EC2 network interfaces, which {@code RunInstances} and {@code AttachNetworkInterface} name; a
     * behavior graph learns from them which instance a flow record that names only its interface belongs to. An event
     * that names several instances lists their interfaces in the instances' order, one each, when it says whose.
     */
    public static final String EC2_NETWORK_INTERFACE = "AWS::EC2::NetworkInterface";
    /** The type name of S3 buckets. */
    public static final String S3_BUCKET = "AWS::S3::Bucket";
    /** The type name of IAM users. */
    public static final String IAM_USER = "AWS::IAM::User";
    /** The type name of IAM roles. */
    public static final String IAM_ROLE = "AWS::IAM::Role";
    /** The type name of IAM access keys. */
    public static final String IAM_ACCESS_KEY = "AWS::IAM::AccessKey";
    /** The type name of CloudTrail trails. */
    public static final String CLOUDTRAIL_TRAIL = "AWS::CloudTrail::Trail";

    /** What an event did to a resource. */
    public enum Action {
        /** The event created the resource ({@code RunInstances}, {@code CreateUser}, ...). */
        CREATED,
        /** The event deleted the resource or stopped it working ({@code DeleteTrail}, {@code StopLogging}, ...). */
        DELETED,
        /** The event read, used or changed the resource, or a finding names it. */
        TOUCHED
    }

    /**
     * Creates a resource reference.
     *
     * @param type the CloudFormation resource type name
     * @param id the resource's own id or name (instance id, bucket name, user name, access key id, trail name)
     * @param arn the resource's ARN, or null when the source gave none
     * @param action what the event did to the resource
     * @throws IllegalArgumentException if the type or id is blank
     */
    public AwsResource {
        Require.nonBlank(type, "resource type");
        Require.nonBlank(id, "resource id");
        arn = Require.blankToNull(arn);
        Require.nonNull(action, "resource action");
    }

    /**
     * Returns the behavior-graph entity of this resource, for the types that are entities.
     *
     * @return {@code Ec2Instance/<id>} or {@code S3Bucket/<id>}, or empty for other types and for ids that do not fit
     */
    public Optional<EntityRef> entity() {
        try {
            switch (type) {
                case EC2_INSTANCE:
                    return Optional.of(EntityRef.ec2Instance(id));
                case S3_BUCKET:
                    return Optional.of(EntityRef.s3Bucket(id));
                default:
                    return Optional.empty();
            }
        } catch (IllegalArgumentException notAnEntityId) {
            return Optional.empty();
        }
    }
}
