package io.github.detective4j.aws.findings;

import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import java.util.Map;

/**
 * Reads what a GuardDuty Extended Threat Detection attack sequence involves: GuardDuty's
 * {@code service.detection.sequence} and Security Hub's {@code Detection.Sequence}, the same structure in two
 * casings (which {@link FindingNode} reads alike). An attack-sequence finding's {@code resource} holds nothing but
 * {@code resourceType: AttackSequence}, so without the sequence it would involve only its account.
 *
 * <p>Field names from the GuardDuty API reference ({@code Sequence}, {@code Actor}, {@code User}, {@code Account},
 * {@code NetworkEndpoint}, {@code ResourceV2}, {@code ResourceData}, {@code AccessKey}) and the Security Hub API
 * reference ({@code Sequence}, {@code Actor}, {@code ActorUser}, {@code UserAccount}, {@code NetworkEndpoint}).
 */
final class AttackSequence {
    /**
     * {@code ResourceV2.resourceType} values and the CloudFormation types they are; the others
     * ({@code S3_OBJECT}, {@code KUBERNETES_WORKLOAD}...) are kept as GuardDuty names them, as a type written
     * CloudFormation's way is.
     */
    private static final Map<String, String> CLOUDFORMATION_TYPES = Map.of(
            "EC2_INSTANCE", AwsResource.EC2_INSTANCE,
            "EC2_NETWORK_INTERFACE", "AWS::EC2::NetworkInterface",
            "S3_BUCKET", AwsResource.S3_BUCKET,
            "ACCESS_KEY", AwsResource.IAM_ACCESS_KEY,
            "EKS_CLUSTER", GuardDutyMapping.EKS_CLUSTER,
            "CONTAINER", GuardDutyMapping.CONTAINER);

    private AttackSequence() {}

    /**
     * Adds the sequence's actors, endpoints and resources. Its {@code signals} name no entity of their own: their
     * {@code actorIds}, {@code endpointIds} and {@code resourceUids} point into those three lists.
     *
     * @param sequence the sequence object, or null to add nothing
     * @param involved where the entities and resources go
     */
    static void read(FindingNode sequence, InvolvedEntities involved) {
        if (sequence == null) {
            return;
        }
        for (FindingNode actor : sequence.objects("actors")) {
            FindingNode user = actor.object("user");
            if (user != null) {
                involved.accessKey(user.text("credentialUid"), user.text("type"), user.text("uid"),
                        user.text("name"));
                // the account the activity took place in, which need not be the one owning the user: an entity,
                // never the principal's account
                FindingNode account = user.object("account");
                String accountId = account == null ? null : account.text("uid");
                if (accountId != null) {
                    involved.entity(() -> EntityRef.account(accountId));
                }
            }
        }
        for (FindingNode endpoint : sequence.objects("endpoints")) {
            involved.ip(endpoint.text("ip"));
        }
        for (FindingNode resource : sequence.objects("resources")) {
            resource(resource, involved);
        }
    }

    private static void resource(FindingNode resource, InvolvedEntities involved) {
        String uid = resource.text("uid");
        if (uid == null) {
            return;
        }
        String type = resource.text("resourceType");
        String arn = uid.startsWith("arn:") ? uid : null;
        String id = InvolvedEntities.ownId(uid);
        FindingNode data = resource.object("data");
        FindingNode accessKey = data == null ? null : data.object("accessKey");
        if (accessKey != null) {
            involved.accessKey(id, accessKey.text("userType"), accessKey.text("principalId"),
                    accessKey.text("userName"));
        } else if (type != null) {
            involved.resource(CLOUDFORMATION_TYPES.getOrDefault(type, type), id, arn);
        }
    }
}
