package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrincipalTest {
    private static final String ACCOUNT = "111122223333";

    /** For every principal type, a principal as CloudTrail logs it and the entity that acts for it. */
    static Stream<Arguments> principalsAndTheirEntities() {
        return Stream.of(
                Arguments.of(Principal.builder(PrincipalType.ROOT).principalId(ACCOUNT).accountId(ACCOUNT)
                        .arn("arn:aws:iam::111122223333:root").build(), "AwsUser/111122223333"),
                Arguments.of(Principal.builder(PrincipalType.IAM_USER).principalId("AIDACKCEVSQ6C2EXAMPLE")
                        .accountId(ACCOUNT).userName("Alice").accessKeyId("AKIAIOSFODNN7EXAMPLE").build(),
                        "AwsUser/AIDACKCEVSQ6C2EXAMPLE"),
                Arguments.of(Principal.builder(PrincipalType.ASSUMED_ROLE).principalId("AROAXXX:session")
                        .accountId(ACCOUNT).build(), "AwsRoleSession/AROAXXX:session"),
                Arguments.of(Principal.builder(PrincipalType.ROLE).principalId("AROAIDPPEZS35WEXAMPLE")
                        .arn("arn:aws:iam::111122223333:role/Admin").accountId(ACCOUNT).build(),
                        "AwsRole/AROAIDPPEZS35WEXAMPLE"),
                Arguments.of(Principal.builder(PrincipalType.FEDERATED_USER).principalId("111122223333:bob")
                        .accountId(ACCOUNT).build(), "FederatedUser/111122223333:bob"),
                Arguments.of(Principal.builder(PrincipalType.WEB_IDENTITY_USER)
                        .identityProvider("accounts.google.com").userName("1234567890")
                        .principalId("accounts.google.com:app-id:1234567890").build(),
                        "FederatedUser/accounts.google.com:1234567890"),
                Arguments.of(Principal.builder(PrincipalType.SAML_USER)
                        .identityProvider("bdGOnTesti4+XmMZ8dH6CmS+Ahk=").userName("SamlExample")
                        .principalId("SAMLUser:SamlExample").build(),
                        "FederatedUser/bdGOnTesti4+XmMZ8dH6CmS+Ahk=:SamlExample"),
                Arguments.of(Principal.builder(PrincipalType.IDENTITY_CENTER_USER)
                        .principalId("d-9067642ac7.8a4b3f2e-1234-5678-9abc-def012345678").accountId(ACCOUNT)
                        .build(), "FederatedUser/d-9067642ac7.8a4b3f2e-1234-5678-9abc-def012345678"),
                Arguments.of(Principal.builder(PrincipalType.AWS_ACCOUNT).accountId("444455556666")
                        .principalId("AIDAEXAMPLEOTHERACCOUNT").build(), "AwsAccount/444455556666"),
                Arguments.of(Principal.builder(PrincipalType.AWS_SERVICE).invokedBy("ec2.amazonaws.com").build(),
                        null),
                Arguments.of(Principal.builder(PrincipalType.DIRECTORY).principalId("d-906713b5a0").build(), null),
                Arguments.of(Principal.builder(PrincipalType.UNKNOWN).principalId("AIDACKCEVSQ6C2EXAMPLE")
                        .accountId(ACCOUNT).build(), null));
    }

    @Test
    void examplesCoverEveryPrincipalType() {
        Set<PrincipalType> covered = EnumSet.noneOf(PrincipalType.class);
        principalsAndTheirEntities().forEach(a -> covered.add(((Principal) a.get()[0]).type()));
        assertEquals(EnumSet.allOf(PrincipalType.class), covered);
    }

    @ParameterizedTest
    @MethodSource("principalsAndTheirEntities")
    void entityFollowsTheTable(Principal principal, String entity) {
        assertEquals(Optional.ofNullable(entity).map(EntityRef::parse), principal.entity());
    }

    // ---- entity() edge cases, by type -----------------------------------------------------------------------

    @Test
    void rootWithoutPrincipalIdIsItsAccountsRootUser() {
        Principal root = Principal.builder(PrincipalType.ROOT).accountId(ACCOUNT).build();
        assertEquals(Optional.of(EntityRef.user(ACCOUNT)), root.entity());
        assertEquals(Optional.empty(), Principal.builder(PrincipalType.ROOT).build().entity());
    }

    @Test
    void iamUserWithoutPrincipalIdHasNoEntity() {
        assertEquals(Optional.empty(),
                Principal.builder(PrincipalType.IAM_USER).accountId(ACCOUNT).userName("Alice").build().entity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AROAXXX", ":session", "AROAXXX:", ":", " "})
    void assumedRoleWhosePrincipalIdIsNoSessionHasNoEntity(String principalId) {
        Principal principal = Principal.builder(PrincipalType.ASSUMED_ROLE).principalId(principalId).build();
        assertEquals(Optional.empty(), principal.entity());
    }

    @Test
    void assumedRoleWhoseSessionNameIsIllFormedHasNoSessionButKeepsItsRole() {
        // CloudTrail's JSON can escape half a surrogate pair into the session name the caller chose
        Principal principal = Principal.builder(PrincipalType.ASSUMED_ROLE).principalId("AROAXXX:ci\ud800x")
                .accountId(ACCOUNT).sessionIssuer(new Principal.SessionIssuer("Role", "AROAXXX",
                        "arn:aws:iam::111122223333:role/ci", ACCOUNT, "ci")).build();
        assertEquals(Optional.empty(), principal.entity());
        assertEquals(Optional.of(EntityRef.role("AROAXXX")), principal.role());
    }

    @Test
    void assumedRoleWithoutPrincipalIdHasNoEntity() {
        assertEquals(Optional.empty(), Principal.builder(PrincipalType.ASSUMED_ROLE).accountId(ACCOUNT).build()
                .entity());
    }

    @Test
    void webIdentityAndSamlFallBackToThePrincipalId() {
        for (PrincipalType type : EnumSet.of(PrincipalType.WEB_IDENTITY_USER, PrincipalType.SAML_USER)) {
            Principal onlyProvider = Principal.builder(type).identityProvider("idp.example.com")
                    .principalId("idp.example.com:carol").build();
            assertEquals(Optional.of(EntityRef.federatedUser("idp.example.com:carol")), onlyProvider.entity());
            Principal onlyUser = Principal.builder(type).userName("carol").build();
            assertEquals(Optional.empty(), onlyUser.entity());
            Principal blankUser = Principal.builder(type).identityProvider("idp.example.com").userName("  ")
                    .build();
            assertEquals(Optional.empty(), blankUser.entity());
        }
    }

    @Test
    void federatedAndIdentityCenterUsersWithoutPrincipalIdHaveNoEntity() {
        assertEquals(Optional.empty(), Principal.builder(PrincipalType.FEDERATED_USER).accountId(ACCOUNT).build()
                .entity());
        assertEquals(Optional.empty(), Principal.builder(PrincipalType.IDENTITY_CENTER_USER).build().entity());
    }

    @Test
    void otherAccountWithoutAccountIdHasNoEntity() {
        assertEquals(Optional.empty(), Principal.builder(PrincipalType.AWS_ACCOUNT).principalId("AIDAX").build()
                .entity());
    }

    @Test
    void awsServiceHasNoEntityEvenWithIds() {
        Principal service = Principal.builder(PrincipalType.AWS_SERVICE).principalId("AIDAX").accountId(ACCOUNT)
                .invokedBy("cloudtrail.amazonaws.com").build();
        assertEquals(Optional.empty(), service.entity());
        assertEquals(Optional.of(EntityRef.account(ACCOUNT)), service.account());
    }

    static Stream<Arguments> principalsWhoseIdsFitNoEntity() {
        return Stream.of(
                Arguments.of(Principal.builder(PrincipalType.IAM_USER).principalId("AIDA\u0000X").build()),
                Arguments.of(Principal.builder(PrincipalType.IAM_USER).principalId(" AIDACKCEVSQ6C2EXAMPLE").build()),
                Arguments.of(Principal.builder(PrincipalType.ROOT).principalId("x".repeat(1025)).build()),
                Arguments.of(Principal.builder(PrincipalType.ASSUMED_ROLE).principalId("AROAXXX:session\n").build()),
                Arguments.of(Principal.builder(PrincipalType.FEDERATED_USER).principalId("111122223333:bob ").build()),
                Arguments.of(Principal.builder(PrincipalType.SAML_USER).identityProvider("idp")
                        .userName("bob\t").build()),
                Arguments.of(Principal.builder(PrincipalType.WEB_IDENTITY_USER).identityProvider(" idp")
                        .userName("bob").build()));
    }

    @ParameterizedTest
    @MethodSource("principalsWhoseIdsFitNoEntity")
    void principalWhoseIdsFitNoEntityHasNoEntityRatherThanFailing(Principal principal) {
        assertEquals(Optional.empty(), principal.entity());
    }

    // ---- role() and account() -------------------------------------------------------------------------------

    @Test
    void roleIsTheSessionIssuersRole() {
        Principal session = Principal.builder(PrincipalType.ASSUMED_ROLE)
                .principalId("AROAXXX:session")
                .accountId(ACCOUNT)
                .sessionIssuer(new Principal.SessionIssuer("Role", "AROAXXX",
                        "arn:aws:iam::111122223333:role/Admin", ACCOUNT, "Admin"))
                .build();
        assertEquals(Optional.of(EntityRef.role("AROAXXX")), session.role());
        assertEquals(Optional.of(EntityRef.parse("AwsRole/AROAXXX")), session.role());
    }

    @Test
    void roleIsEmptyWithoutSessionIssuerId() {
        Principal noIssuer = Principal.builder(PrincipalType.ASSUMED_ROLE).principalId("AROAXXX:s").build();
        assertEquals(Optional.empty(), noIssuer.role());
        Principal issuerWithoutId = Principal.builder(PrincipalType.ASSUMED_ROLE).principalId("AROAXXX:s")
                .sessionIssuer(new Principal.SessionIssuer("Role", " ", null, null, "Admin")).build();
        assertEquals(Optional.empty(), issuerWithoutId.role());
    }

    @ParameterizedTest
    @EnumSource(value = PrincipalType.class, names = "ASSUMED_ROLE", mode = EnumSource.Mode.EXCLUDE)
    void roleIsEmptyForAnythingButAnAssumedRole(PrincipalType type) {
        Principal principal = Principal.builder(type).principalId("AIDAX:x")
                .sessionIssuer(new Principal.SessionIssuer("IAMUser", "AIDAX", null, ACCOUNT, "Alice")).build();
        assertEquals(Optional.empty(), principal.role());
    }

    /** CloudTrail's {@code Role} type: the persistent role itself acting, the issuer of its sessions. */
    @Test
    void aRoleActingItselfIsItsRoleEntity() {
        Principal role = Principal.builder(PrincipalType.ROLE).principalId("AROAIDPPEZS35WEXAMPLE")
                .arn("arn:aws:iam::123456789012:role/Admin").accountId(ACCOUNT).build();
        assertEquals(Optional.of(EntityRef.role("AROAIDPPEZS35WEXAMPLE")), role.entity());
        assertEquals(Optional.empty(), Principal.builder(PrincipalType.DIRECTORY).principalId("x").build().entity());
    }

    @Test
    void roleWhoseIssuerIdFitsNoRoleIsEmpty() {
        Principal principal = Principal.builder(PrincipalType.ASSUMED_ROLE).principalId("AROAXXX:s")
                .sessionIssuer(new Principal.SessionIssuer("Role", "AROA\u0007XXX", null, null, null)).build();
        assertEquals(Optional.empty(), principal.role());
    }

    @ParameterizedTest
    @EnumSource(PrincipalType.class)
    void accountIsTheOwningAccountForEveryType(PrincipalType type) {
        assertEquals(Optional.of(EntityRef.account(ACCOUNT)),
                Principal.builder(type).accountId(ACCOUNT).build().account());
        assertEquals(Optional.empty(), Principal.builder(type).principalId("AIDAX").build().account());
    }

    // ---- construction ---------------------------------------------------------------------------------------

    @Test
    void builderSetsEveryField() {
        Principal.SessionIssuer issuer = new Principal.SessionIssuer("Role", "AROAXXX",
                "arn:aws:iam::111122223333:role/Admin", ACCOUNT, "Admin");
        Principal principal = Principal.builder(PrincipalType.ASSUMED_ROLE)
                .principalId("AROAXXX:alice")
                .arn("arn:aws:sts::111122223333:assumed-role/Admin/alice")
                .accountId(ACCOUNT)
                .userName("alice")
                .accessKeyId("ASIAEXAMPLE")
                .sessionIssuer(issuer)
                .identityProvider("idp.example.com")
                .invokedBy("athena.amazonaws.com")
                .mfaAuthenticated(Boolean.TRUE)
                .build();
        assertEquals(new Principal(PrincipalType.ASSUMED_ROLE, "AROAXXX:alice",
                "arn:aws:sts::111122223333:assumed-role/Admin/alice", ACCOUNT, "alice", "ASIAEXAMPLE", issuer,
                "idp.example.com", "athena.amazonaws.com", Boolean.TRUE), principal);
        assertEquals(PrincipalType.ASSUMED_ROLE, principal.type());
        assertEquals("AROAXXX:alice", principal.principalId());
        assertEquals("arn:aws:sts::111122223333:assumed-role/Admin/alice", principal.arn());
        assertEquals(ACCOUNT, principal.accountId());
        assertEquals("alice", principal.userName());
        assertEquals("ASIAEXAMPLE", principal.accessKeyId());
        assertEquals(issuer, principal.sessionIssuer());
        assertEquals("idp.example.com", principal.identityProvider());
        assertEquals("athena.amazonaws.com", principal.invokedBy());
        assertEquals(Boolean.TRUE, principal.mfaAuthenticated());
        assertEquals("Role", issuer.type());
        assertEquals("AROAXXX", issuer.principalId());
        assertEquals("arn:aws:iam::111122223333:role/Admin", issuer.arn());
        assertEquals(ACCOUNT, issuer.accountId());
        assertEquals("Admin", issuer.userName());
    }

    @Test
    void unsetFieldsAreNull() {
        Principal principal = Principal.builder(PrincipalType.UNKNOWN).build();
        assertNull(principal.principalId());
        assertNull(principal.arn());
        assertNull(principal.accountId());
        assertNull(principal.userName());
        assertNull(principal.accessKeyId());
        assertNull(principal.sessionIssuer());
        assertNull(principal.identityProvider());
        assertNull(principal.invokedBy());
        assertNull(principal.mfaAuthenticated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "\n  "})
    void blankStringsBecomeNull(String blank) {
        Principal principal = new Principal(PrincipalType.IAM_USER, blank, blank, blank, blank, blank, null, blank,
                blank, Boolean.FALSE);
        assertEquals(new Principal(PrincipalType.IAM_USER, null, null, null, null, null, null, null, null,
                Boolean.FALSE), principal);
        assertNull(principal.principalId());
        assertNull(principal.arn());
        assertNull(principal.accountId());
        assertNull(principal.userName());
        assertNull(principal.accessKeyId());
        assertNull(principal.identityProvider());
        assertNull(principal.invokedBy());
        assertEquals(Boolean.FALSE, principal.mfaAuthenticated());

        Principal.SessionIssuer issuer = new Principal.SessionIssuer(blank, blank, blank, blank, blank);
        assertEquals(new Principal.SessionIssuer(null, null, null, null, null), issuer);
        assertNull(issuer.type());
        assertNull(issuer.principalId());
        assertNull(issuer.arn());
        assertNull(issuer.accountId());
        assertNull(issuer.userName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234", "11112222333a", "1111222233334", "arn:aws:iam::111122223333:root",
        " 111122223333"})
    void invalidAccountIdIsRejected(String accountId) {
        Expect.illegalArgument(() -> Principal.builder(PrincipalType.IAM_USER).accountId(accountId).build(),
                "principal account id must be a 12-digit AWS account id, was '" + accountId + "'");
        Expect.illegalArgument(() -> new Principal.SessionIssuer("Role", "AROAX", null, accountId, null),
                "session issuer account id must be a 12-digit AWS account id, was '" + accountId + "'");
    }

    @Test
    void typeIsRequired() {
        Expect.nullPointer(() -> Principal.builder(null), "principal type must not be null");
        Expect.nullPointer(() -> new Principal(null, "AIDAX", null, null, null, null, null, null, null, null),
                "principal type must not be null");
    }

    @Test
    void entityOfEveryTypeNeverThrowsForAbsentIds() {
        for (PrincipalType type : PrincipalType.values()) {
            Principal empty = Principal.builder(type).build();
            assertEquals(Optional.empty(), empty.entity(), type.name());
            assertEquals(Optional.empty(), empty.role(), type.name());
            assertEquals(Optional.empty(), empty.account(), type.name());
        }
    }

    @Test
    void entityTypesArePrincipalTypes() {
        Function<Principal, EntityType> typeOf = p -> p.entity().orElseThrow().type();
        principalsAndTheirEntities()
                .map(a -> (Principal) a.get()[0])
                .filter(p -> p.entity().isPresent())
                .forEach(p -> assertTrue(typeOf.apply(p).isPrincipal(), p.toString()));
    }
}
