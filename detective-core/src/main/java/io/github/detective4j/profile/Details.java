package io.github.detective4j.profile;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.text.TextTable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the graph knows about an entity itself: when it was first and last observed (in any activity or finding, not
 * only in the scope) and its attributes. Fields that do not apply to the entity's type, or that no event told, are
 * null or empty.
 *
 * @param entity the entity
 * @param firstObserved the first instant of activity, UTC, or null when the graph never observed the entity
 * @param lastObserved the last instant of activity, UTC, or null
 * @param accountId the account the entity belongs to, or null
 * @param arn the entity's ARN as the logs gave it, or null
 * @param name the user name, role name, role session name or federated user name, or null
 * @param principalType CloudTrail's {@code userIdentity.type} of a principal ({@code IAMUser}, {@code AssumedRole},
 *     ...; {@code Role} for roles), or null
 * @param role the role of a role session, or null
 * @param createdBy the principal that created an EC2 instance ({@code RunInstances}), or null
 * @param createdAt when it did, UTC, or null
 * @param region the region of an instance, or null
 * @param vpcId the VPC of an instance, or null
 * @param subnetId the subnet of an instance, or null
 * @param networkInterfaces the network interfaces seen in an instance's flow records, sorted (at most 16)
 * @param privateIpAddresses the instance's own addresses seen in its flow records, sorted (at most 16)
 */
public record Details(
        EntityRef entity,
        Instant firstObserved,
        Instant lastObserved,
        String accountId,
        String arn,
        String name,
        String principalType,
        EntityRef role,
        EntityRef createdBy,
        Instant createdAt,
        String region,
        String vpcId,
        String subnetId,
        List<String> networkInterfaces,
        List<String> privateIpAddresses) implements Panel {
    /**
     * Creates the panel.
     *
     * @param entity the entity
     * @param firstObserved the first instant of activity, or null
     * @param lastObserved the last instant of activity, or null
     * @param accountId the account, or null
     * @param arn the ARN, or null
     * @param name the name, or null
     * @param principalType the principal type, or null
     * @param role the role of a role session, or null
     * @param createdBy the creating principal of an instance, or null
     * @param createdAt the creation time, or null
     * @param region the region, or null
     * @param vpcId the VPC, or null
     * @param subnetId the subnet, or null
     * @param networkInterfaces the network interfaces
     * @param privateIpAddresses the instance's own addresses
     */
    public Details {
        networkInterfaces = List.copyOf(networkInterfaces);
        privateIpAddresses = List.copyOf(privateIpAddresses);
    }

    /**
     * Returns {@code details}.
     *
     * @return the panel's key
     */
    @Override
    public String key() {
        return "details";
    }

    /**
     * Tells whether the graph observed the entity at all.
     *
     * @return true when {@link #firstObserved()} is known
     */
    public boolean observed() {
        return firstObserved != null;
    }

    /**
     * Returns the principal that created this EC2 instance, the question an investigator asks of a suspicious
     * instance.
     *
     * @return the creating principal, or empty when no {@code RunInstances} for it was ingested
     */
    public Optional<EntityRef> creator() {
        return Optional.ofNullable(createdBy);
    }

    /**
     * Returns a two-column table of the known fields.
     *
     * @return the text
     */
    @Override
    public String toString() {
        TextTable t = TextTable.of("Details", entity.toString());
        field(t, "first observed", firstObserved);
        field(t, "last observed", lastObserved);
        field(t, "account", accountId);
        field(t, "ARN", arn);
        field(t, "name", name);
        field(t, "principal type", principalType);
        field(t, "role", role);
        field(t, "created by", createdBy);
        field(t, "created at", createdAt);
        field(t, "region", region);
        field(t, "VPC", vpcId);
        field(t, "subnet", subnetId);
        field(t, "network interfaces", networkInterfaces.isEmpty() ? null : String.join(", ", networkInterfaces));
        field(t, "private IPs", privateIpAddresses.isEmpty() ? null : String.join(", ", privateIpAddresses));
        if (!observed()) {
            t.row("observed", "never");
        }
        return t.toString();
    }

    private static void field(TextTable t, String name, Object value) {
        if (value != null) {
            t.row(name, value.toString());
        }
    }
}
