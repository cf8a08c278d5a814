package io.github.detective4j.aws.findings;

import io.github.detective4j.aws.ParseContext;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the resources a finding names and the behavior-graph entities it involves, each once, in the order met.
 *
 * <p>An id that does not fit its entity type (an IP field holding a host name, an instance id of the wrong shape) is
 * left out, and the finding keeps everything else: the finding itself is still true, and one odd field must not
 * cost an investigator the whole of it. Such drops are logged at DEBUG.
 */
final class InvolvedEntities {
    private static final Logger LOG = LoggerFactory.getLogger(InvolvedEntities.class);

    private final Set<EntityRef> entities = new LinkedHashSet<>();
    private final Map<String, AwsResource> resources = new LinkedHashMap<>();

    /**
     * Adds an IP address entity, normalized; text that is not an IP literal is left out.
     *
     * @param literal the address as the finding wrote it, or null
     */
    void ip(String literal) {
        if (literal != null && !literal.isBlank()) {
            entity(() -> EntityRef.ipAddress(literal.strip()));
        }
    }

    /**
     * Adds an entity; one whose id does not fit its type is left out.
     *
     * @param entity builds the reference; it may throw {@link IllegalArgumentException}
     */
    void entity(Supplier<EntityRef> entity) {
        try {
            EntityRef ref = entity.get();
            if (ref != null) {
                entities.add(ref);
            }
        } catch (IllegalArgumentException | NullPointerException notAnEntity) {
            LOG.debug("left out an entity: {}", ParseContext.escape(notAnEntity.getMessage())); // it quotes the id
        }
    }

    /**
     * Adds a resource the finding names, and its entity when it is an EC2 instance or an S3 bucket.
     *
     * @param type the CloudFormation resource type name
     * @param id the resource's own id or name, or null to add nothing
     * @param arn the resource's ARN, or null
     */
    void resource(String type, String id, String arn) {
        if (id == null || id.isBlank()) {
            return;
        }
        String key = type + '\n' + id;
        if (resources.containsKey(key)) {
            return;
        }
        AwsResource resource = new AwsResource(type, id, arn, AwsResource.Action.TOUCHED);
        resources.put(key, resource);
        resource.entity().ifPresent(entities::add);
    }

    /**
     * Adds an access key, the IAM user it belongs to when its user is an {@code IAMUser}, and the entity that acts
     * for its principal (by {@link #principal}).
     *
     * @param keyId the access key, or null
     * @param userType the principal type ({@code IAMUser}, {@code AssumedRole}, ...), or null
     * @param principalId the principal id, or null
     * @param userName the user or role name, or null
     */
    void accessKey(String keyId, String userType, String principalId, String userName) {
        resource(AwsResource.IAM_ACCESS_KEY, keyId, null);
        if ("IAMUser".equals(userType)) {
            resource(AwsResource.IAM_USER, userName, null);
        }
        principal(userType, principalId, userName, keyId, null);
    }

    /**
     * Adds the entity that acts for a principal, by {@link Principal#entity()}: {@code IAMUser} and {@code Root} are
     * users, {@code AssumedRole} a role session ({@code <rolePrincipalId>:<sessionName>}), {@code FederatedUser} a
     * federated user.
     *
     * @param type the principal type as GuardDuty and ASFF write it ({@code IAMUser}, {@code AssumedRole}, ...)
     * @param principalId the principal id, or null
     * @param userName the user or role name, or null
     * @param accessKeyId the access key, or null
     * @param accountId the principal's account, or null
     */
    void principal(String type, String principalId, String userName, String accessKeyId, String accountId) {
        entity(() -> Principal.builder(PrincipalType.fromCloudTrail(type))
                .principalId(principalId)
                .userName(userName)
                .accessKeyId(accessKeyId)
                .accountId(accountId)
                .build()
                .entity()
                .orElse(null));
    }

    /**
     * Returns the entities, in the order met.
     *
     * @return a new list
     */
    List<EntityRef> entities() {
        return new ArrayList<>(entities);
    }

    /**
     * Returns the resources, in the order met.
     *
     * @return a new list
     */
    List<AwsResource> resources() {
        return new ArrayList<>(resources.values());
    }

    /**
     * Returns a resource's own id from a field that holds its ARN or its id: the ARN's own id
     * (by {@link #resourceId}), else the text as the finding wrote it (an id, or an "arn:" that is no whole ARN).
     *
     * @param arnOrId an ARN or an id
     * @return the id
     */
    static String ownId(String arnOrId) {
        String id = resourceId(arnOrId);
        return id != null ? id : arnOrId;
    }

    /**
     * Returns a resource's own id from its ARN: the resource part without its type prefix
     * ({@code arn:aws:ec2:us-east-1:111122223333:volume/vol-0a1b2c3d} gives {@code vol-0a1b2c3d},
     * {@code arn:aws:lambda:...:function:my-function} gives {@code my-function}); S3 ARNs have no type prefix
     * ({@code arn:aws:s3:::my-bucket} gives {@code my-bucket}).
     *
     * @param arn an ARN, or null
     * @return the id, or null when {@code arn} is not an ARN
     */
    static String resourceId(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        int colons = 0;
        int at = -1;
        for (int i = 0; i < arn.length(); i++) {
            if (arn.charAt(i) == ':' && ++colons == 5) {
                at = i + 1;
                break;
            }
        }
        if (at < 0 || at >= arn.length()) {
            return null;
        }
        String resource = arn.substring(at);
        String service = arn.split(":", 4)[2];
        if ("s3".equals(service)) {
            return resource;
        }
        int slash = resource.indexOf('/');
        int colon = resource.indexOf(':');
        int cut = slash < 0 ? colon : colon < 0 ? slash : Math.min(slash, colon);
        return cut < 0 || cut == resource.length() - 1 ? resource : resource.substring(cut + 1);
    }
}
