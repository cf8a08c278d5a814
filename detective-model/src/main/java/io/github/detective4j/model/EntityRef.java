package io.github.detective4j.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A reference to one entity of a behavior graph: its {@linkplain EntityType type} and its id.
 *
 * <p>The text form is {@code <namespace>/<id>}, as in Detective's profile links, and {@link #parse} reads back what
 * {@link #toString} writes. The id is checked against its type's shape and normalized (IP addresses to their
 * canonical text), so two references to one entity are always {@linkplain #equals equal}. Ids may themselves hold
 * slashes (user agents do): the namespace ends at the first one.
 *
 * <pre>{@code
 * EntityRef ip = EntityRef.parse("IpAddress/104.16.1.42");
 * EntityRef session = EntityRef.roleSession("AROAJ45Q7YFFAREXAMPLE", "alice");
 * session.toString();                       // "AwsRoleSession/AROAJ45Q7YFFAREXAMPLE:alice"
 * EntityRef.ipAddress("2001:DB8::0:1").id(); // "2001:db8::1"
 * }</pre>
 *
 * @param type the entity type
 * @param id the entity id, normalized for its type
 */
public record EntityRef(EntityType type, String id) implements Comparable<EntityRef> {
    static final int MAX_ID_LENGTH = 1024;
    /**
     * The longest user agent id, in chars: a longer user agent is shortened to its first 4,079 chars (4,078 when the
     * last would be half a surrogate pair), an ellipsis and 16 hexadecimal digits of the SHA-256 of the whole
     * (UTF-8), so that an attacker who pads an agent past it still gets an entity of its own, and a bounded one.
     */
    public static final int MAX_USER_AGENT_LENGTH = 4096;
    private static final int USER_AGENT_HASH_DIGITS = 16;
    private static final int MAX_BUCKET_LENGTH = 255;

    /**
     * Creates a reference, checking and normalizing the id for its type.
     *
     * @param type the entity type
     * @param id the entity id
     * @throws IllegalArgumentException if the id does not fit the type's shape; the message says how
     */
    public EntityRef {
        Require.nonNull(type, "entity type");
        Require.nonNull(id, type.idName());
        id = normalizeId(type, id);
    }

    /**
     * Creates a reference; the same as the canonical constructor, for symmetry with the typed factories.
     *
     * @param type the entity type
     * @param id the entity id
     * @return the reference
     * @throws IllegalArgumentException if the id does not fit the type's shape
     */
    public static EntityRef of(EntityType type, String id) {
        return new EntityRef(type, id);
    }

    /**
     * Reads the text form {@code <namespace>/<id>}.
     *
     * @param text for example {@code IpAddress/104.16.1.42} or {@code UserAgent/aws-cli/1.16.300}
     * @return the reference
     * @throws IllegalArgumentException if there is no slash, the namespace is unknown or the id does not fit
     */
    public static EntityRef parse(CharSequence text) {
        String s = Require.nonNull(text, "entity reference").toString();
        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("entity reference '" + IpAddresses.abbreviate(s)
                    + "' must have the form <namespace>/<id>, for example IpAddress/104.16.1.42");
        }
        return new EntityRef(EntityType.fromNamespace(s.substring(0, slash)), s.substring(slash + 1));
    }

    /**
     * References an AWS account.
     *
     * @param accountId the 12-digit account id
     * @return the reference
     */
    public static EntityRef account(String accountId) {
        return new EntityRef(EntityType.AWS_ACCOUNT, accountId);
    }

    /**
     * References an IAM user (or the root user, whose principal id is the account id).
     *
     * @param principalId the user's principal id, such as {@code AIDACKCEVSQ6C2EXAMPLE}
     * @return the reference
     */
    public static EntityRef user(String principalId) {
        return new EntityRef(EntityType.AWS_USER, principalId);
    }

    /**
     * References an IAM role.
     *
     * @param principalId the role's principal id, such as {@code AROAJ45Q7YFFAREXAMPLE}
     * @return the reference
     */
    public static EntityRef role(String principalId) {
        return new EntityRef(EntityType.AWS_ROLE, principalId);
    }

    /**
     * References one session of an assumed role.
     *
     * @param rolePrincipalId the role's principal id
     * @param sessionName the role session name
     * @return the reference, with id {@code <rolePrincipalId>:<sessionName>}
     */
    public static EntityRef roleSession(String rolePrincipalId, String sessionName) {
        Require.nonBlank(rolePrincipalId, "role principal id");
        Require.nonBlank(sessionName, "role session name");
        return new EntityRef(EntityType.AWS_ROLE_SESSION, rolePrincipalId + ":" + sessionName);
    }

    /**
     * References a federated user.
     *
     * @param id {@code <identityProvider or account>:<user>}, as {@link Principal#entity()} builds it
     * @return the reference
     */
    public static EntityRef federatedUser(String id) {
        return new EntityRef(EntityType.FEDERATED_USER, id);
    }

    /**
     * References an EC2 instance.
     *
     * @param instanceId such as {@code i-08a8e40be65425909}
     * @return the reference
     */
    public static EntityRef ec2Instance(String instanceId) {
        return new EntityRef(EntityType.EC2_INSTANCE, instanceId);
    }

    /**
     * References an IP address; the literal is normalized ({@link IpAddresses#normalize}).
     *
     * @param address an IPv4 or IPv6 literal
     * @return the reference
     */
    public static EntityRef ipAddress(String address) {
        return new EntityRef(EntityType.IP_ADDRESS, address);
    }

    /**
     * References a user agent. One longer than {@link #MAX_USER_AGENT_LENGTH} is shortened as that constant says,
     * the same way every time, so the reference made from the string as logged finds the graph's entity.
     *
     * <pre>{@code
     * EntityRef.userAgent("aws-cli/2.13.5").id();           // "aws-cli/2.13.5"
     * EntityRef.userAgent("x".repeat(10_000)).id();         // 4,079 x, then "…e4ee97ec252749d2"
     * }</pre>
     *
     * @param userAgent the user agent string as logged
     * @return the reference
     * @throws IllegalArgumentException if the string is empty
     */
    public static EntityRef userAgent(String userAgent) {
        return new EntityRef(EntityType.USER_AGENT, userAgent);
    }

    /**
     * References an S3 bucket.
     *
     * @param bucketName the bucket name
     * @return the reference
     */
    public static EntityRef s3Bucket(String bucketName) {
        return new EntityRef(EntityType.S3_BUCKET, bucketName);
    }

    /**
     * References a finding.
     *
     * @param findingId the GuardDuty finding id or ASFF {@code Id}
     * @return the reference
     */
    public static EntityRef finding(String findingId) {
        return new EntityRef(EntityType.FINDING, findingId);
    }

    /**
     * References a finding group.
     *
     * @param groupId the group id
     * @return the reference
     */
    public static EntityRef findingGroup(String groupId) {
        return new EntityRef(EntityType.FINDING_GROUP, groupId);
    }

    /**
     * Returns the text form {@code <namespace>/<id>}, which {@link #parse} reads back.
     *
     * @return for example {@code Ec2Instance/i-08a8e40be65425909}
     */
    @Override
    public String toString() {
        return type.namespace() + "/" + id;
    }

    /**
     * Returns the role a role session is a session of: the role whose principal id begins the session's id
     * ({@code AROAJ45Q7YFFAREXAMPLE} for {@code AwsRoleSession/AROAJ45Q7YFFAREXAMPLE:deploy}), known without any call
     * of the session's having been read.
     *
     * @return the role, or empty when this is not a role session
     */
    public Optional<EntityRef> issuingRole() {
        return type == EntityType.AWS_ROLE_SESSION ? Optional.of(role(id.substring(0, id.indexOf(':'))))
                : Optional.empty();
    }

    /**
     * Orders by type, then by id.
     *
     * @param other another reference
     * @return the comparison
     */
    @Override
    public int compareTo(EntityRef other) {
        int byType = type.compareTo(other.type);
        return byType != 0 ? byType : id.compareTo(other.id);
    }

    /**
     * Returns the id the entity of a user agent has, without making the reference: the agent as logged, or one longer
     * than {@link #MAX_USER_AGENT_LENGTH} shortened as that constant says. For a graph or a hunt that looks an agent
     * up by its id on every call; it checks nothing else ({@link #userAgent} refuses an empty agent).
     *
     * @param userAgent the user agent string as logged, or null
     * @return its entity's id, or null for null
     */
    public static String userAgentId(String userAgent) {
        return userAgent == null || userAgent.length() <= MAX_USER_AGENT_LENGTH ? userAgent
                : shortenedUserAgent(userAgent);
    }

    /** A user agent too long for an id: a prefix, an ellipsis and part of the whole's hash; 4,096 chars, or 4,095. */
    private static String shortenedUserAgent(String userAgent) {
        int keep = MAX_USER_AGENT_LENGTH - 1 - USER_AGENT_HASH_DIGITS;
        if (Character.isHighSurrogate(userAgent.charAt(keep - 1))) {
            keep--; // never half a character; the id is then one char shorter
        }
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(userAgent.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        return userAgent.substring(0, keep) + '\u2026'
                + HexFormat.of().formatHex(hash, 0, USER_AGENT_HASH_DIGITS / 2);
    }

    private static String normalizeId(EntityType type, String id) {
        String what = type.idName();
        switch (type) {
            case AWS_ACCOUNT:
                return Require.accountId(id, what);
            case IP_ADDRESS:
                String canonical = IpAddresses.canonicalOrNull(id);
                if (canonical == null) {
                    throw new IllegalArgumentException(what + " '" + IpAddresses.abbreviate(id)
                            + "' is not an IPv4 or IPv6 address literal");
                }
                return canonical;
            case EC2_INSTANCE:
                if (!isInstanceId(id)) {
                    throw new IllegalArgumentException(what + " '" + IpAddresses.abbreviate(id)
                            + "' must be 'i-' followed by 8 or 17 lower-case hexadecimal digits");
                }
                return id;
            case USER_AGENT:
                if (id.isEmpty()) {
                    throw new IllegalArgumentException(what + " must not be empty");
                }
                return userAgentId(id);
            case S3_BUCKET:
                if (id.isEmpty() || id.length() > MAX_BUCKET_LENGTH || !isBucketName(id)) {
                    throw new IllegalArgumentException(what + " '" + IpAddresses.abbreviate(id)
                            + "' must have 1 to 255 letters, digits, dots, hyphens or underscores");
                }
                return id;
            case AWS_ROLE_SESSION:
                checkGeneric(id, what);
                int colon = id.indexOf(':');
                if (colon <= 0 || colon == id.length() - 1) {
                    throw new IllegalArgumentException(what + " '" + IpAddresses.abbreviate(id)
                            + "' must have the form <rolePrincipalId>:<sessionName>");
                }
                return id;
            default:
                return checkGeneric(id, what);
        }
    }

    private static String checkGeneric(String id, String what) {
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(what + " must have 1 to " + MAX_ID_LENGTH
                    + " characters, had " + id.length());
        }
        if (Character.isWhitespace(id.charAt(0)) || Character.isWhitespace(id.charAt(id.length() - 1))) {
            throw new IllegalArgumentException(what + " '" + IpAddresses.abbreviate(id)
                    + "' must not start or end with white space");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(what + " must not hold control characters (one at index " + i
                        + ")");
            }
            if (Character.isSurrogate(c)) {
                // Half a pair is no character: JSON can escape one ("\ud800"), but no UTF-8 output or URL can
                // carry it, so such an id is refused like one with a control character.
                if (!Character.isHighSurrogate(c) || i + 1 == id.length()
                        || !Character.isLowSurrogate(id.charAt(i + 1))) {
                    throw new IllegalArgumentException(what + " must be well-formed UTF-16 (an unpaired surrogate at"
                            + " index " + i + ")");
                }
                i++;
            }
        }
        return id;
    }

    private static boolean isInstanceId(String id) {
        int hexDigits = id.length() - 2;
        if (!id.startsWith("i-") || (hexDigits != 8 && hexDigits != 17)) {
            return false;
        }
        for (int i = 2; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBucketName(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
