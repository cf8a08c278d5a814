package io.github.detective4j.model;

import java.util.Optional;

/**
 * Who made an API call: CloudTrail's {@code userIdentity}, reduced to what investigations use.
 *
 * <p>{@link #entity()} says which behavior-graph entity acts for this principal:
 * <table>
 *   <caption>Principal to entity</caption>
 *   <tr><th>type</th><th>entity</th></tr>
 *   <tr><td>{@code Root}</td><td>{@code AwsUser/<principalId>} (the account id)</td></tr>
 *   <tr><td>{@code IAMUser}</td><td>{@code AwsUser/<principalId>}</td></tr>
 *   <tr><td>{@code AssumedRole}</td><td>{@code AwsRoleSession/<rolePrincipalId>:<sessionName>}, which is
 *       CloudTrail's {@code principalId} for role sessions</td></tr>
 *   <tr><td>{@code Role}</td><td>{@code AwsRole/<principalId>}</td></tr>
 *   <tr><td>{@code FederatedUser}</td><td>{@code FederatedUser/<principalId>} ({@code <account>:<name>})</td></tr>
 *   <tr><td>{@code WebIdentityUser}, {@code SAMLUser}</td>
 *       <td>{@code FederatedUser/<identityProvider>:<userName>}</td></tr>
 *   <tr><td>{@code IdentityCenterUser}</td><td>{@code FederatedUser/<principalId>}</td></tr>
 *   <tr><td>{@code AWSAccount}</td><td>{@code AwsAccount/<accountId>}</td></tr>
 *   <tr><td>{@code AWSService}, {@code Directory}, {@code Unknown}</td><td>none</td></tr>
 * </table>
 *
 * @param type the identity type ({@code userIdentity.type})
 * @param principalId the principal id ({@code userIdentity.principalId}), or null
 * @param arn the principal's ARN ({@code userIdentity.arn}), or null
 * @param accountId the account that owns the principal ({@code userIdentity.accountId}), or null
 * @param userName the friendly name ({@code userIdentity.userName}), or null
 * @param accessKeyId the access key used ({@code userIdentity.accessKeyId}), or null
 * @param sessionIssuer who issued the role session ({@code userIdentity.sessionContext.sessionIssuer}), or null
 * @param identityProvider the external identity provider of a web identity or SAML user
 *     ({@code userIdentity.identityProvider}), or null
 * @param invokedBy the AWS service that made the call on the principal's behalf ({@code userIdentity.invokedBy}),
 *     or null
 * @param mfaAuthenticated whether the session was MFA-authenticated
 *     ({@code userIdentity.sessionContext.attributes.mfaAuthenticated}), or null when CloudTrail does not say
 */
public record Principal(
        PrincipalType type,
        String principalId,
        String arn,
        String accountId,
        String userName,
        String accessKeyId,
        SessionIssuer sessionIssuer,
        String identityProvider,
        String invokedBy,
        Boolean mfaAuthenticated) {
    /**
     * Returns the fields, every string {@linkplain SafeText#describe escaped}: they come from logs.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return SafeText.describe(this);
    }


    /**
     * Creates a principal; blank strings become null.
     *
     * @param type the identity type ({@code userIdentity.type})
     * @param principalId the principal id ({@code userIdentity.principalId}), or null
     * @param arn the principal's ARN ({@code userIdentity.arn}), or null
     * @param accountId the account that owns the principal ({@code userIdentity.accountId}), or null
     * @param userName the friendly name ({@code userIdentity.userName}), or null
     * @param accessKeyId the access key used ({@code userIdentity.accessKeyId}), or null
     * @param sessionIssuer who issued the role session ({@code userIdentity.sessionContext.sessionIssuer}), or null
     * @param identityProvider the external identity provider of a web identity or SAML user
     *     ({@code userIdentity.identityProvider}), or null
     * @param invokedBy the AWS service that made the call on the principal's behalf ({@code userIdentity.invokedBy}),
     *     or null
     * @param mfaAuthenticated whether the session was MFA-authenticated
     *     ({@code userIdentity.sessionContext.attributes.mfaAuthenticated}), or null when CloudTrail does not say
     * @throws IllegalArgumentException if {@code accountId} is present and not 12 digits
     */
    public Principal {
        Require.nonNull(type, "principal type");
        principalId = Require.blankToNull(principalId);
        arn = Require.blankToNull(arn);
        accountId = Require.accountId(Require.blankToNull(accountId), "principal account id");
        userName = Require.blankToNull(userName);
        accessKeyId = Require.blankToNull(accessKeyId);
        identityProvider = Require.blankToNull(identityProvider);
        invokedBy = Require.blankToNull(invokedBy);
    }

    /**
     * The issuer of a role session or federation token: CloudTrail's {@code sessionContext.sessionIssuer}.
     *
     * @param type {@code Role}, {@code IAMUser} or {@code Root}, as CloudTrail writes it, or null
     * @param principalId the issuer's principal id (the role's {@code AROA...} id for role sessions), or null
     * @param arn the issuer's ARN, or null
     * @param accountId the issuer's account, or null
     * @param userName the issuer's friendly name (the role name for role sessions), or null
     */
    public record SessionIssuer(String type, String principalId, String arn, String accountId, String userName) {
        /**
         * Returns the fields, every string {@linkplain SafeText#describe escaped}: they come from logs.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return SafeText.describe(this);
        }

        /**
         * Creates an issuer; blank strings become null.
         *
         * @param type {@code Role}, {@code IAMUser} or {@code Root}, as CloudTrail writes it, or null
         * @param principalId the issuer's principal id (the role's {@code AROA...} id for role sessions), or null
         * @param arn the issuer's ARN, or null
         * @param accountId the issuer's account, or null
         * @param userName the issuer's friendly name (the role name for role sessions), or null
         * @throws IllegalArgumentException if {@code accountId} is present and not 12 digits
         */
        public SessionIssuer {
            type = Require.blankToNull(type);
            principalId = Require.blankToNull(principalId);
            arn = Require.blankToNull(arn);
            accountId = Require.accountId(Require.blankToNull(accountId), "session issuer account id");
            userName = Require.blankToNull(userName);
        }
    }

    /**
     * Returns a builder for a principal of the given type.
     *
     * @param type the identity type
     * @return a new builder
     */
    public static Builder builder(PrincipalType type) {
        return new Builder(type);
    }

    /**
     * Returns the behavior-graph entity that acts for this principal, by the table above.
     *
     * @return the entity, or empty for AWS services, unknown identities, identities missing the ids needed, and
     *     identities whose ids do not fit the entity's id shape ({@link EntityType})
     */
    public Optional<EntityRef> entity() {
        try {
            return entityOrThrow();
        } catch (IllegalArgumentException notAnEntityId) {
            return Optional.empty();
        }
    }

    private Optional<EntityRef> entityOrThrow() {
        switch (type) {
            case ROOT:
                return Optional.ofNullable(principalId != null ? principalId : accountId).map(EntityRef::user);
            case IAM_USER:
                return Optional.ofNullable(principalId).map(EntityRef::user);
            case ASSUMED_ROLE:
                if (principalId != null && principalId.indexOf(':') > 0 && !principalId.endsWith(":")) {
                    return Optional.of(new EntityRef(EntityType.AWS_ROLE_SESSION, principalId));
                }
                return Optional.empty();
            case ROLE:
                return Optional.ofNullable(principalId).map(EntityRef::role);
            case FEDERATED_USER:
            case IDENTITY_CENTER_USER:
                return Optional.ofNullable(principalId).map(EntityRef::federatedUser);
            case WEB_IDENTITY_USER:
            case SAML_USER:
                if (identityProvider != null && userName != null) {
                    return Optional.of(EntityRef.federatedUser(identityProvider + ":" + userName));
                }
                return Optional.ofNullable(principalId).map(EntityRef::federatedUser);
            case AWS_ACCOUNT:
                return Optional.ofNullable(accountId).map(EntityRef::account);
            default:
                return Optional.empty();
        }
    }

    /**
     * Returns the role a role session belongs to: {@code AwsRole/<sessionIssuer.principalId>}.
     *
     * @return the role, or empty when this is not an assumed role, CloudTrail gave no session issuer id, or that id
     *     does not fit the shape of a role id
     */
    public Optional<EntityRef> role() {
        if (type != PrincipalType.ASSUMED_ROLE || sessionIssuer == null || sessionIssuer.principalId() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EntityRef.role(sessionIssuer.principalId()));
        } catch (IllegalArgumentException notAnEntityId) {
            return Optional.empty();
        }
    }

    /**
     * Returns the account that owns this principal.
     *
     * @return {@code AwsAccount/<accountId>}, or empty when CloudTrail gave no account id
     */
    public Optional<EntityRef> account() {
        return Optional.ofNullable(accountId).map(EntityRef::account);
    }

    /**
     * Builds a {@link Principal}; every field but the type is optional. Not thread-safe.
     */
    public static final class Builder {
        private final PrincipalType type;
        private String principalId;
        private String arn;
        private String accountId;
        private String userName;
        private String accessKeyId;
        private SessionIssuer sessionIssuer;
        private String identityProvider;
        private String invokedBy;
        private Boolean mfaAuthenticated;

        private Builder(PrincipalType type) {
            this.type = Require.nonNull(type, "principal type");
        }

        /**
         * Sets the principal id.
         *
         * @param principalId {@code userIdentity.principalId}
         * @return this builder
         */
        public Builder principalId(String principalId) {
            this.principalId = principalId;
            return this;
        }

        /**
         * Sets the ARN.
         *
         * @param arn {@code userIdentity.arn}
         * @return this builder
         */
        public Builder arn(String arn) {
            this.arn = arn;
            return this;
        }

        /**
         * Sets the owning account.
         *
         * @param accountId {@code userIdentity.accountId}
         * @return this builder
         */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /**
         * Sets the friendly name.
         *
         * @param userName {@code userIdentity.userName}
         * @return this builder
         */
        public Builder userName(String userName) {
            this.userName = userName;
            return this;
        }

        /**
         * Sets the access key.
         *
         * @param accessKeyId {@code userIdentity.accessKeyId}
         * @return this builder
         */
        public Builder accessKeyId(String accessKeyId) {
            this.accessKeyId = accessKeyId;
            return this;
        }

        /**
         * Sets the session issuer.
         *
         * @param sessionIssuer {@code userIdentity.sessionContext.sessionIssuer}
         * @return this builder
         */
        public Builder sessionIssuer(SessionIssuer sessionIssuer) {
            this.sessionIssuer = sessionIssuer;
            return this;
        }

        /**
         * Sets the external identity provider.
         *
         * @param identityProvider {@code userIdentity.identityProvider}
         * @return this builder
         */
        public Builder identityProvider(String identityProvider) {
            this.identityProvider = identityProvider;
            return this;
        }

        /**
         * Sets the service that called on the principal's behalf.
         *
         * @param invokedBy {@code userIdentity.invokedBy}
         * @return this builder
         */
        public Builder invokedBy(String invokedBy) {
            this.invokedBy = invokedBy;
            return this;
        }

        /**
         * Sets whether the session was MFA-authenticated.
         *
         * @param mfaAuthenticated {@code sessionContext.attributes.mfaAuthenticated}, or null when unknown
         * @return this builder
         */
        public Builder mfaAuthenticated(Boolean mfaAuthenticated) {
            this.mfaAuthenticated = mfaAuthenticated;
            return this;
        }

        /**
         * Builds the principal.
         *
         * @return the principal
         * @throws IllegalArgumentException if the account id is present and not 12 digits
         */
        public Principal build() {
            return new Principal(type, principalId, arn, accountId, userName, accessKeyId, sessionIssuer,
                    identityProvider, invokedBy, mfaAuthenticated);
        }
    }
}
