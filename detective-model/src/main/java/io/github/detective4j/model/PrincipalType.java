package io.github.detective4j.model;

/**
 * The kinds of caller CloudTrail records in {@code userIdentity.type}.
 *
 * <p>{@link #fromCloudTrail} reads CloudTrail's spelling; anything it does not know is {@link #UNKNOWN}, so a new
 * identity type that AWS adds does not stop ingestion.
 */
public enum PrincipalType {
    /** The account's root user ({@code Root}). */
    ROOT("Root"),
    /** An IAM user ({@code IAMUser}). */
    IAM_USER("IAMUser"),
    /** Temporary credentials from an assumed role ({@code AssumedRole}). */
    ASSUMED_ROLE("AssumedRole"),
    /**
     * A role acting as the persistent IAM identity itself, the issuer of its sessions ({@code Role}), as CloudTrail
     * records some service-made calls.
     */
    ROLE("Role"),
    /** Temporary credentials from {@code GetFederationToken} ({@code FederatedUser}). */
    FEDERATED_USER("FederatedUser"),
    /** A web identity federation user, before the role is assumed ({@code WebIdentityUser}). */
    WEB_IDENTITY_USER("WebIdentityUser"),
    /** A SAML federation user, before the role is assumed ({@code SAMLUser}). */
    SAML_USER("SAMLUser"),
    /** An AWS service acting itself ({@code AWSService}). */
    AWS_SERVICE("AWSService"),
    /** Another AWS account ({@code AWSAccount}). */
    AWS_ACCOUNT("AWSAccount"),
    /** An IAM Identity Center user ({@code IdentityCenterUser}). */
    IDENTITY_CENTER_USER("IdentityCenterUser"),
    /** A request to a directory service whose caller CloudTrail does not know ({@code Directory}). */
    DIRECTORY("Directory"),
    /** An identity CloudTrail could not name ({@code Unknown}), or a type this library does not know. */
    UNKNOWN("Unknown");

    private static final PrincipalType[] VALUES = values(); // values() clones its array on every call

    private final String cloudTrailName;

    PrincipalType(String cloudTrailName) {
        this.cloudTrailName = cloudTrailName;
    }

    /**
     * Returns the spelling CloudTrail uses in {@code userIdentity.type}.
     *
     * @return for example {@code AssumedRole}
     */
    public String cloudTrailName() {
        return cloudTrailName;
    }

    /**
     * Reads CloudTrail's {@code userIdentity.type}, exactly as CloudTrail spells it.
     *
     * @param type the value, or null
     * @return the type, {@link #UNKNOWN} for null or anything unrecognised
     */
    public static PrincipalType fromCloudTrail(String type) {
        if (type != null) {
            for (PrincipalType value : VALUES) {
                if (value.cloudTrailName.equals(type)) {
                    return value;
                }
            }
        }
        return UNKNOWN;
    }
}
