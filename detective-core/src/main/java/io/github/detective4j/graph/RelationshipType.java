package io.github.detective4j.graph;

import io.github.detective4j.model.EntityType;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of relationship a behavior graph keeps between entities, each directed from a {@linkplain #sourceTypes()
 * source} to a {@linkplain #targetTypes() target}. Every relationship remembers when it was first and last seen;
 * those evidenced by API calls or flows also keep hourly counts ({@link #hasHourlyCounts()}).
 *
 * <table>
 *   <caption>Relationships</caption>
 *   <tr><th>type</th><th>from</th><th>to</th><th>evidence</th><th>hourly counts</th></tr>
 *   <tr><td>{@link #CALLED_FROM}</td><td>principal</td><td>IP address</td><td>an API call from that address</td>
 *       <td>successful and failed calls</td></tr>
 *   <tr><td>{@link #USED_USER_AGENT}</td><td>principal</td><td>user agent</td><td>an API call with that user agent</td>
 *       <td>calls</td></tr>
 *   <tr><td>{@link #USED_FROM}</td><td>user agent</td><td>IP address</td><td>an API call with both</td>
 *       <td>calls</td></tr>
 *   <tr><td>{@link #ACCESSED_BUCKET}</td><td>principal</td><td>S3 bucket</td><td>an S3 call naming the bucket</td>
 *       <td>calls</td></tr>
 *   <tr><td>{@link #ASSUMED_ROLE}</td><td>role session</td><td>role</td><td>a call by the session, or the
 *       {@code AssumeRole} that started it</td><td>calls</td></tr>
 *   <tr><td>{@link #STARTED_SESSION}</td><td>principal</td><td>role session or federated user</td>
 *       <td>a successful {@code AssumeRole*} or {@code GetFederationToken}</td><td>calls</td></tr>
 *   <tr><td>{@link #CREATED_INSTANCE}</td><td>principal</td><td>EC2 instance</td><td>a successful
 *       {@code RunInstances}</td><td>calls</td></tr>
 *   <tr><td>{@link #MEMBER_OF}</td><td>principal</td><td>account</td><td>a call by the principal</td>
 *       <td>none</td></tr>
 *   <tr><td>{@link #COMMUNICATED_WITH}</td><td>EC2 instance</td><td>IP address</td><td>a VPC flow record</td>
 *       <td>bytes, packets and records, seen from the instance</td></tr>
 *   <tr><td>{@link #INVOLVES}</td><td>finding</td><td>any entity</td><td>the finding names it</td><td>none</td></tr>
 * </table>
 */
public enum RelationshipType {
    /** A principal called AWS from an IP address. */
    CALLED_FROM(Kinds.PRINCIPALS, EnumSet.of(EntityType.IP_ADDRESS), true),
    /** A principal called AWS with a user agent. */
    USED_USER_AGENT(Kinds.PRINCIPALS, EnumSet.of(EntityType.USER_AGENT), true),
    /** A user agent was seen calling from an IP address. */
    USED_FROM(EnumSet.of(EntityType.USER_AGENT), EnumSet.of(EntityType.IP_ADDRESS), true),
    /** A principal called S3 on a bucket. */
    ACCESSED_BUCKET(Kinds.PRINCIPALS, EnumSet.of(EntityType.S3_BUCKET), true),
    /** A role session belongs to the role it assumed. */
    ASSUMED_ROLE(EnumSet.of(EntityType.AWS_ROLE_SESSION), EnumSet.of(EntityType.AWS_ROLE), true),
    /** A principal started a role session or a federated user session. */
    STARTED_SESSION(Kinds.PRINCIPALS, EnumSet.of(EntityType.AWS_ROLE_SESSION, EntityType.FEDERATED_USER), true),
    /** A principal created an EC2 instance. */
    CREATED_INSTANCE(Kinds.PRINCIPALS, EnumSet.of(EntityType.EC2_INSTANCE), true),
    /** A principal belongs to an account. */
    MEMBER_OF(Kinds.PRINCIPALS, EnumSet.of(EntityType.AWS_ACCOUNT), false),
    /** An EC2 instance exchanged traffic with an IP address. */
    COMMUNICATED_WITH(EnumSet.of(EntityType.EC2_INSTANCE), EnumSet.of(EntityType.IP_ADDRESS), true),
    /** A finding involves an entity. */
    INVOLVES(EnumSet.of(EntityType.FINDING), EnumSet.allOf(EntityType.class), false);

    private final Set<EntityType> sourceTypes;
    private final Set<EntityType> targetTypes;
    private final boolean hourlyCounts;

    RelationshipType(Set<EntityType> sourceTypes, Set<EntityType> targetTypes, boolean hourlyCounts) {
        this.sourceTypes = Set.copyOf(sourceTypes);
        this.targetTypes = Set.copyOf(targetTypes);
        this.hourlyCounts = hourlyCounts;
    }

    /**
     * Returns the entity types a relationship of this type starts from.
     *
     * @return an immutable set
     */
    public Set<EntityType> sourceTypes() {
        return sourceTypes;
    }

    /**
     * Returns the entity types a relationship of this type leads to.
     *
     * @return an immutable set
     */
    public Set<EntityType> targetTypes() {
        return targetTypes;
    }

    /**
     * Tells whether relationships of this type keep hourly counts, besides first and last seen.
     *
     * @return true for relationships evidenced by API calls or flows
     */
    public boolean hasHourlyCounts() {
        return hourlyCounts;
    }

    /**
     * Tells whether an entity's count of relationships of this type is capped: evidence of activity (addresses, user
     * agents, peers, buckets, findings) can fan out without bound, while membership, sessions and launches are one
     * per entity that already exists, and a role or account must not lose the newest of them.
     */
    boolean isCapped() {
        return this != ASSUMED_ROLE && this != MEMBER_OF && this != STARTED_SESSION && this != CREATED_INSTANCE;
    }

    /** Tells whether this type carries traffic counters rather than API call counters. */
    boolean isTraffic() {
        return this == COMMUNICATED_WITH;
    }

    private static final class Kinds {
        static final Set<EntityType> PRINCIPALS = EnumSet.of(EntityType.AWS_ACCOUNT, EntityType.AWS_USER,
                EntityType.AWS_ROLE, EntityType.AWS_ROLE_SESSION, EntityType.FEDERATED_USER);
    }
}
