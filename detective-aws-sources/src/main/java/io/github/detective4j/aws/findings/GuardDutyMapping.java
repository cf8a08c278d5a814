package io.github.detective4j.aws.findings;

import io.github.detective4j.aws.ParseContext;
import io.github.detective4j.aws.findings.FindingNode.InvalidFieldException;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.Severity;
import java.time.Instant;

/**
 * Turns one GuardDuty finding, as {@code GetFindings}, EventBridge and the S3 export write it, into a
 * {@link Finding}. See {@link GuardDutyFormat} for the field-by-field rules.
 */
final class GuardDutyMapping {
    /** A container of a Runtime Monitoring finding: CloudFormation has no such type, so it is GuardDuty's name. */
    static final String CONTAINER = "GuardDuty::Container";
    /** An instance's IAM instance profile. */
    static final String INSTANCE_PROFILE = "AWS::IAM::InstanceProfile";
    /** An EKS cluster. */
    static final String EKS_CLUSTER = "AWS::EKS::Cluster";
    /** An ECS cluster. */
    static final String ECS_CLUSTER = "AWS::ECS::Cluster";
    /** A Lambda function. */
    static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";
    /** An RDS database instance. */
    static final String RDS_INSTANCE = "AWS::RDS::DBInstance";
    /** An Aurora Limitless database's shard group. */
    static final String RDS_SHARD_GROUP = "AWS::RDS::DBShardGroup";
    /** An EBS volume. */
    static final String EBS_VOLUME = "AWS::EC2::Volume";
    /** An EBS snapshot: CloudFormation-like, CloudFormation itself has no snapshot type. */
    static final String EBS_SNAPSHOT = "AWS::EC2::Snapshot";
    /** An AMI: CloudFormation-like, CloudFormation itself has no image type. */
    static final String EC2_IMAGE = "AWS::EC2::Image";

    private GuardDutyMapping() {}

    /**
     * Maps a finding.
     *
     * @param finding the finding's object
     * @return the finding
     * @throws InvalidFieldException if a field is missing, of the wrong type or out of range
     * @throws IllegalArgumentException if the model refuses a value (inverted observations, a bad account id...)
     */
    static Finding map(FindingNode finding) {
        String id = finding.requiredText("id");
        FindingNode service = finding.object("service");
        Instant createdAt = finding.instant("createdAt");
        Instant updatedAt = finding.instant("updatedAt");
        Instant firstSeen = service == null ? null : service.instant("eventFirstSeen");
        Instant lastSeen = service == null ? null : service.instant("eventLastSeen");
        Observation observed = Observation.of(firstSeen, lastSeen, createdAt, updatedAt,
                "has neither 'service.eventFirstSeen' nor 'createdAt'");
        Long count = service == null ? null : service.whole("count");
        if (count != null && count < 1) {
            throw new InvalidFieldException("'service.count' must be at least 1, was '" + count + "'");
        }
        Boolean archived = service == null ? null : service.bool("archived");
        String accountId = finding.text("accountId");

        InvolvedEntities involved = new InvolvedEntities();
        FindingNode resource = finding.object("resource");
        if (resource != null) {
            resource(resource, involved);
        }
        FindingNode action = service == null ? null : service.object("action");
        if (action != null) {
            action(action, involved);
        }
        FindingNode detection = service == null ? null : service.object("detection");
        if (detection != null) {
            AttackSequence.read(detection.object("sequence"), involved);
        }
        if (accountId != null) {
            involved.entity(() -> EntityRef.account(accountId));
        }
        return Finding.builder()
                .id(id)
                .arn(finding.text("arn"))
                .sourceProduct("GuardDuty")
                .type(finding.requiredText("type"))
                .title(finding.text("title"))
                .description(finding.text("description"))
                .severity(severity(finding))
                .observed(observed.first(), observed.last())
                .createdAt(createdAt)
                .updatedAt(updatedAt)
                .count(count == null ? 1 : count)
                .accountId(accountId)
                .region(finding.text("region"))
                .resources(involved.resources())
                .entities(involved.entities())
                .archived(archived != null && archived)
                .build();
    }

    private static Severity severity(FindingNode finding) {
        Double score = finding.number("severity");
        if (score == null) {
            throw new InvalidFieldException("has no 'severity'");
        }
        if (score < 0.0 || score > 10.0) {
            throw new InvalidFieldException("'severity' must be a number from 0.0 to 10.0, was "
                    + ParseContext.quote(finding.raw("severity").toString()));
        }
        return Severity.ofGuardDuty(score);
    }

    /** Reads every details object the resource carries, whatever its {@code resourceType} says is primary. */
    private static void resource(FindingNode resource, InvolvedEntities involved) {
        FindingNode instance = resource.object("instanceDetails");
        if (instance != null) {
            instance(instance, involved);
        }
        FindingNode accessKey = resource.object("accessKeyDetails");
        if (accessKey != null) {
            involved.accessKey(accessKey.text("accessKeyId"), accessKey.text("userType"),
                    accessKey.text("principalId"), accessKey.text("userName"));
        }
        for (FindingNode bucket : resource.objects("s3BucketDetails")) {
            String arn = bucket.text("arn");
            String name = bucket.text("name");
            involved.resource(AwsResource.S3_BUCKET, name != null ? name : InvolvedEntities.resourceId(arn), arn);
        }
        named(resource.object("eksClusterDetails"), "name", "arn", EKS_CLUSTER, involved);
        named(resource.object("ecsClusterDetails"), "name", "arn", ECS_CLUSTER, involved);
        named(resource.object("lambdaDetails"), "functionName", "functionArn", LAMBDA_FUNCTION, involved);
        named(resource.object("rdsDbInstanceDetails"), "dbInstanceIdentifier", "dbInstanceArn", RDS_INSTANCE,
                involved);
        named(resource.object("rdsLimitlessDbDetails"), "dbShardGroupIdentifier", "dbShardGroupArn",
                RDS_SHARD_GROUP, involved);
        FindingNode container = resource.object("containerDetails");
        if (container != null) {
            String containerId = container.text("id");
            involved.resource(CONTAINER, containerId != null ? containerId : container.text("name"), null);
        }
        FindingNode volumes = resource.object("ebsVolumeDetails");
        if (volumes != null) {
            for (String list : new String[] {"scannedVolumeDetails", "skippedVolumeDetails"}) {
                for (FindingNode volume : volumes.objects(list)) {
                    String arn = volume.text("volumeArn");
                    involved.resource(EBS_VOLUME, InvolvedEntities.resourceId(arn), arn);
                }
            }
        }
        FindingNode snapshot = resource.object("ebsSnapshotDetails");
        if (snapshot != null) {
            String arn = snapshot.text("snapshotArn");
            involved.resource(EBS_SNAPSHOT, InvolvedEntities.resourceId(arn), arn);
        }
        FindingNode image = resource.object("ec2ImageDetails");
        if (image != null) {
            String arn = image.text("imageArn");
            involved.resource(EC2_IMAGE, InvolvedEntities.resourceId(arn), arn);
        }
    }

    private static void instance(FindingNode instance, InvolvedEntities involved) {
        involved.resource(AwsResource.EC2_INSTANCE, instance.text("instanceId"), null);
        FindingNode profile = instance.object("iamInstanceProfile");
        if (profile != null) {
            String arn = profile.text("arn");
            involved.resource(INSTANCE_PROFILE, InvolvedEntities.resourceId(arn), arn);
        }
        for (FindingNode nic : instance.objects("networkInterfaces")) {
            // the instance's interface: flow records that name only it count for the instance
            involved.resource(AwsResource.EC2_NETWORK_INTERFACE, nic.text("networkInterfaceId"), null);
            involved.ip(nic.text("privateIpAddress"));
            for (FindingNode address : nic.objects("privateIpAddresses")) {
                involved.ip(address.text("privateIpAddress"));
            }
            involved.ip(nic.text("publicIp"));
            for (String v6 : nic.texts("ipv6Addresses")) {
                involved.ip(v6);
            }
        }
    }

    private static void named(FindingNode details, String nameField, String arnField, String type,
            InvolvedEntities involved) {
        if (details != null) {
            String arn = details.text(arnField);
            String name = details.text(nameField);
            involved.resource(type, name != null ? name : InvolvedEntities.resourceId(arn), arn);
        }
    }

    private static void action(FindingNode action, InvolvedEntities involved) {
        FindingNode network = action.object("networkConnectionAction");
        if (network != null) {
            address(network.object("remoteIpDetails"), involved);
            address(network.object("localIpDetails"), involved);
        }
        FindingNode apiCall = action.object("awsApiCallAction");
        if (apiCall != null) {
            address(apiCall.object("remoteIpDetails"), involved);
            userAgent(apiCall.text("userAgent"), involved);
            FindingNode remoteAccount = apiCall.object("remoteAccountDetails");
            if (remoteAccount != null) {
                String remoteAccountId = remoteAccount.text("accountId");
                if (remoteAccountId != null) {
                    involved.entity(() -> EntityRef.account(remoteAccountId));
                }
            }
        }
        FindingNode portProbe = action.object("portProbeAction");
        if (portProbe != null) {
            for (FindingNode probe : portProbe.objects("portProbeDetails")) {
                address(probe.object("remoteIpDetails"), involved);
                address(probe.object("localIpDetails"), involved);
            }
        }
        FindingNode kubernetes = action.object("kubernetesApiCallAction");
        if (kubernetes != null) {
            address(kubernetes.object("remoteIpDetails"), involved);
            // the API reference spells it sourceIps; findings seen in the wild write sourceIPs
            for (String source : kubernetes.raw("sourceIps") != null ? kubernetes.texts("sourceIps")
                    : kubernetes.texts("sourceIPs")) {
                involved.ip(source);
            }
            userAgent(kubernetes.text("userAgent"), involved);
        }
        FindingNode rdsLogin = action.object("rdsLoginAttemptAction");
        if (rdsLogin != null) {
            address(rdsLogin.object("remoteIpDetails"), involved);
        }
        // dnsRequestAction names a domain, which is no entity of the behavior graph
    }

    private static void address(FindingNode details, InvolvedEntities involved) {
        if (details != null) {
            involved.ip(details.text("ipAddressV4"));
            involved.ip(details.text("ipAddressV6"));
        }
    }

    private static void userAgent(String userAgent, InvolvedEntities involved) {
        if (userAgent != null && !userAgent.isBlank()) {
            involved.entity(() -> EntityRef.userAgent(userAgent));
        }
    }
}
