package io.github.detective4j.model;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kinds of entity in a behavior graph, each with the profile namespace Amazon Detective uses for it in its
 * console links ({@code #entities/AwsUser/AIDA...}); findings use {@code findings}, as Detective's links do.
 *
 * <p>Each type knows the shape of its ids, which {@link EntityRef} checks and normalizes:
 * <table>
 *   <caption>Entity id shapes</caption>
 *   <tr><th>type</th><th>id</th><th>example</th></tr>
 *   <tr><td>{@link #AWS_ACCOUNT}</td><td>12-digit account id</td><td>{@code 111122223333}</td></tr>
 *   <tr><td>{@link #AWS_USER}</td><td>principal id of an IAM user, or the account id for the root user</td>
 *       <td>{@code AIDACKCEVSQ6C2EXAMPLE}</td></tr>
 *   <tr><td>{@link #AWS_ROLE}</td><td>principal id of the role</td><td>{@code AROAJ45Q7YFFAREXAMPLE}</td></tr>
 *   <tr><td>{@link #AWS_ROLE_SESSION}</td><td>{@code <rolePrincipalId>:<sessionName>}</td>
 *       <td>{@code AROAJ45Q7YFFAREXAMPLE:alice}</td></tr>
 *   <tr><td>{@link #FEDERATED_USER}</td><td>{@code <identityProvider or account>:<user>}</td>
 *       <td>{@code 111122223333:bob}</td></tr>
 *   <tr><td>{@link #EC2_INSTANCE}</td><td>{@code i-} and 8 or 17 lower-case hex digits</td>
 *       <td>{@code i-08a8e40be65425909}</td></tr>
 *   <tr><td>{@link #IP_ADDRESS}</td><td>canonical IPv4 or IPv6 text ({@link IpAddresses})</td>
 *       <td>{@code 104.16.1.42}</td></tr>
 *   <tr><td>{@link #USER_AGENT}</td><td>the user agent string as logged, one longer than 4,096 chars shortened
 *       ({@link EntityRef#MAX_USER_AGENT_LENGTH})</td>
 *       <td>{@code aws-cli/1.16.300 Python/3.8.0}</td></tr>
 *   <tr><td>{@link #S3_BUCKET}</td><td>bucket name: letters, digits, dots, hyphens, underscores (legacy), up to 255</td>
 *       <td>{@code my-bucket}</td></tr>
 *   <tr><td>{@link #FINDING}</td><td>finding id (GuardDuty id or ASFF {@code Id})</td>
 *       <td>{@code c2b98b95c5440025c05b405065ed3bb9}</td></tr>
 *   <tr><td>{@link #FINDING_GROUP}</td><td>group id</td><td>{@code 7b1f...}</td></tr>
 * </table>
 * Ids without a fixed shape must be non-empty, at most 1,024 characters, well-formed UTF-16 (no unpaired
 * surrogate), free of control characters and of leading or trailing white space.
 */
public enum EntityType {
    /** An AWS account. Namespace {@code AwsAccount}. */
    AWS_ACCOUNT("AwsAccount", true),
    /** An IAM user or the account's root user. Namespace {@code AwsUser}. */
    AWS_USER("AwsUser", true),
    /** An IAM role. Namespace {@code AwsRole}. */
    AWS_ROLE("AwsRole", true),
    /** One session of an assumed role. Namespace {@code AwsRoleSession}. */
    AWS_ROLE_SESSION("AwsRoleSession", true),
    /** A federated identity: STS federation token, SAML, web identity or IAM Identity Center user. */
    FEDERATED_USER("FederatedUser", true),
    /** An EC2 instance. Namespace {@code Ec2Instance}. */
    EC2_INSTANCE("Ec2Instance", false),
    /** An IPv4 or IPv6 address. Namespace {@code IpAddress}. */
    IP_ADDRESS("IpAddress", false),
    /** A user agent string. Namespace {@code UserAgent}. */
    USER_AGENT("UserAgent", false),
    /** An S3 bucket. Namespace {@code S3Bucket}. */
    S3_BUCKET("S3Bucket", false),
    /** A GuardDuty or Security Hub finding. Namespace {@code findings}. */
    FINDING("findings", false),
    /** A group of related findings. Namespace {@code FindingGroup}. */
    FINDING_GROUP("FindingGroup", false);

    private static final Map<String, EntityType> BY_NAMESPACE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EntityType::namespace, Function.identity()));

    private final String namespace;
    private final boolean principal;
    /** "AwsUser id": what an {@link EntityRef}'s errors call the id, built once rather than per reference. */
    private final String idName;

    EntityType(String namespace, boolean principal) {
        this.namespace = namespace;
        this.principal = principal;
        this.idName = namespace + " id";
    }

    String idName() {
        return idName;
    }

    /**
     * Returns Detective's profile namespace for this type, as it stands in an {@link EntityRef}'s text.
     *
     * @return the namespace, for example {@code AwsRoleSession}
     */
    public String namespace() {
        return namespace;
    }

    /**
     * Tells whether entities of this type make API calls: accounts, users, roles, role sessions, federated users.
     *
     * @return true for principal types
     */
    public boolean isPrincipal() {
        return principal;
    }

    /**
     * Tells whether an investigation can be started for entities of this type: IAM users and roles, as in Detective
     * (a role session is investigated through its role).
     *
     * @return true for {@link #AWS_USER} and {@link #AWS_ROLE}
     */
    public boolean isInvestigable() {
        return this == AWS_USER || this == AWS_ROLE;
    }

    /**
     * Returns the type with the given namespace; the match is exact and case-sensitive, as in Detective's links.
     *
     * @param namespace a namespace such as {@code IpAddress}
     * @return the type
     * @throws IllegalArgumentException if no type has that namespace; the message lists the valid ones
     */
    public static EntityType fromNamespace(String namespace) {
        EntityType type = BY_NAMESPACE.get(Require.nonNull(namespace, "namespace"));
        if (type == null) {
            throw new IllegalArgumentException("unknown entity namespace '" + IpAddresses.abbreviate(namespace)
                    + "'; expected one of " + Arrays.stream(values()).map(EntityType::namespace).toList());
        }
        return type;
    }
}
