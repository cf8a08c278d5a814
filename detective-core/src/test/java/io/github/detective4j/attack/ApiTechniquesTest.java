package io.github.detective4j.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiTechniquesTest {
    static final ApiTechniques BUILT_IN = ApiTechniques.builtIn();

    /** Every built-in row, written out independently of the code: service, method, technique, tactic. */
    static final List<String> METHOD_ROWS = List.of(
            "cloudtrail StopLogging T1562.008 DEFENSE_EVASION",
            "cloudtrail DeleteTrail T1562.008 DEFENSE_EVASION",
            "cloudtrail UpdateTrail T1562.008 DEFENSE_EVASION",
            "cloudtrail PutEventSelectors T1562.008 DEFENSE_EVASION",
            "cloudtrail DeleteEventDataStore T1562.008 DEFENSE_EVASION",
            "cloudtrail StopEventDataStoreIngestion T1562.008 DEFENSE_EVASION",
            "s3 PutBucketLogging T1562.008 DEFENSE_EVASION",
            "logs DeleteLogGroup T1562.008 DEFENSE_EVASION",
            "bedrock DeleteModelInvocationLoggingConfiguration T1562.008 DEFENSE_EVASION",
            "ec2 DeleteFlowLogs T1562.008 DEFENSE_EVASION",
            "route53resolver DeleteResolverQueryLogConfig T1562.008 DEFENSE_EVASION",
            "route53resolver DisassociateResolverQueryLogConfig T1562.008 DEFENSE_EVASION",
            "guardduty DeleteDetector T1562.001 DEFENSE_EVASION",
            "guardduty UpdateDetector T1562.001 DEFENSE_EVASION",
            "guardduty CreateIPSet T1562.001 DEFENSE_EVASION",
            "guardduty UpdateIPSet T1562.001 DEFENSE_EVASION",
            "guardduty CreateFilter T1562.001 DEFENSE_EVASION",
            "guardduty UpdateFilter T1562.001 DEFENSE_EVASION",
            "guardduty DisassociateMembers T1562.001 DEFENSE_EVASION",
            "guardduty DisassociateFromMasterAccount T1562.001 DEFENSE_EVASION",
            "guardduty DisassociateFromAdministratorAccount T1562.001 DEFENSE_EVASION",
            "guardduty DeleteMembers T1562.001 DEFENSE_EVASION",
            "guardduty StopMonitoringMembers T1562.001 DEFENSE_EVASION",
            "securityhub DisableSecurityHub T1562.001 DEFENSE_EVASION",
            "securityhub UpdateStandardsControl T1562.001 DEFENSE_EVASION",
            "securityhub DisableImportFindingsForProduct T1562.001 DEFENSE_EVASION",
            "securityhub BatchDisableStandards T1562.001 DEFENSE_EVASION",
            "securityhub DisassociateFromMasterAccount T1562.001 DEFENSE_EVASION",
            "securityhub DisassociateFromAdministratorAccount T1562.001 DEFENSE_EVASION",
            "config StopConfigurationRecorder T1562.001 DEFENSE_EVASION",
            "config DeleteConfigurationRecorder T1562.001 DEFENSE_EVASION",
            "config DeleteDeliveryChannel T1562.001 DEFENSE_EVASION",
            "ec2 AuthorizeSecurityGroupIngress T1562.007 DEFENSE_EVASION",
            "organizations LeaveOrganization T1666 DEFENSE_EVASION",
            "organizations CreateAccount T1666 DEFENSE_EVASION",
            "ec2 RunInstances T1578.002 DEFENSE_EVASION",
            "iam CreateUser T1136.003 PERSISTENCE",
            "iam CreateAccessKey T1098.001 PERSISTENCE",
            "iam CreateLoginProfile T1098.001 PERSISTENCE",
            "ec2 CreateKeyPair T1098.001 PERSISTENCE",
            "ec2 ImportKeyPair T1098.001 PERSISTENCE",
            "sts GetFederationToken T1098.001 PERSISTENCE",
            "iam AttachUserPolicy T1098.003 PERSISTENCE",
            "iam AttachRolePolicy T1098.003 PERSISTENCE",
            "iam AttachGroupPolicy T1098.003 PERSISTENCE",
            "iam PutUserPolicy T1098.003 PERSISTENCE",
            "iam PutRolePolicy T1098.003 PERSISTENCE",
            "iam PutGroupPolicy T1098.003 PERSISTENCE",
            "iam AddUserToGroup T1098.003 PERSISTENCE",
            "iam CreatePolicyVersion T1098.003 PRIVILEGE_ESCALATION",
            "iam SetDefaultPolicyVersion T1098.003 PRIVILEGE_ESCALATION",
            "iam UpdateLoginProfile T1098 PRIVILEGE_ESCALATION",
            "iam DeactivateMFADevice T1556.006 CREDENTIAL_ACCESS",
            "iam DeleteVirtualMFADevice T1556.006 CREDENTIAL_ACCESS",
            "iam UpdateAssumeRolePolicy T1098 PERSISTENCE",
            "rolesanywhere CreateTrustAnchor T1098 PERSISTENCE",
            "lambda AddPermission T1098 PERSISTENCE",
            "lambda UpdateFunctionCode T1546 PERSISTENCE",
            "lambda UpdateFunctionConfiguration T1546 PERSISTENCE",
            "lambda PublishLayerVersion T1546 PERSISTENCE",
            "lambda CreateFunction T1648 EXECUTION",
            "ssm SendCommand T1651 EXECUTION",
            "ssm StartSession T1651 EXECUTION",
            "ec2 ModifyInstanceAttribute T1059.009 EXECUTION",
            "secretsmanager GetSecretValue T1555.006 CREDENTIAL_ACCESS",
            "secretsmanager BatchGetSecretValue T1555.006 CREDENTIAL_ACCESS",
            "ssm GetParameter T1555.006 CREDENTIAL_ACCESS",
            "ssm GetParameters T1555.006 CREDENTIAL_ACCESS",
            "ssm GetParametersByPath T1555.006 CREDENTIAL_ACCESS",
            "ssm GetParameterHistory T1555.006 CREDENTIAL_ACCESS",
            "ec2 GetPasswordData T1552 CREDENTIAL_ACCESS",
            "ec2 DescribeInstanceAttribute T1580 DISCOVERY",
            "iam GetAccountAuthorizationDetails T1087.004 DISCOVERY",
            "iam GenerateCredentialReport T1087.004 DISCOVERY",
            "ec2-instance-connect SendSSHPublicKey T1021.008 LATERAL_MOVEMENT",
            "ec2-instance-connect SendSerialConsoleSSHPublicKey T1021.008 LATERAL_MOVEMENT",
            "ec2 ModifySnapshotAttribute T1537 EXFILTRATION",
            "ec2 ModifyImageAttribute T1537 EXFILTRATION",
            "rds ModifyDBSnapshotAttribute T1537 EXFILTRATION",
            "rds ModifyDBClusterSnapshotAttribute T1537 EXFILTRATION",
            "s3 PutBucketPolicy T1537 EXFILTRATION",
            "s3 PutBucketAcl T1537 EXFILTRATION",
            "s3 PutBucketReplication T1537 EXFILTRATION",
            "bedrock InvokeModel T1496.004 IMPACT",
            "bedrock InvokeModelWithResponseStream T1496.004 IMPACT",
            "bedrock Converse T1496.004 IMPACT",
            "bedrock ConverseStream T1496.004 IMPACT",
            "kms ScheduleKeyDeletion T1485 IMPACT",
            "kms DisableKey T1485 IMPACT",
            "s3 PutBucketLifecycle T1485.001 IMPACT");

    /** The rows that need the call itself. */
    static final List<String> CALL_ROWS = List.of(
            "signin ConsoleLogin T1078.004 INITIAL_ACCESS",
            "sts AssumeRole T1550.001 LATERAL_MOVEMENT");

    static Stream<Arguments> methodRows() {
        return METHOD_ROWS.stream().map(row -> Arguments.of((Object[]) row.split(" ")));
    }

    static final Instant T = Instant.parse("2026-11-20T03:12:45Z");

    static Principal user(Boolean mfa) {
        return Principal.builder(PrincipalType.IAM_USER).principalId("AIDACKCEVSQ6C2EXAMPLE")
                .accountId("111122223333").userName("alice").mfaAuthenticated(mfa).build();
    }

    static Principal roleSession() {
        return Principal.builder(PrincipalType.ASSUMED_ROLE).principalId("AROAJ45Q7YFFAREXAMPLE:deploy")
                .accountId("111122223333").build();
    }

    static ApiCall call(Principal who, String service, String name, boolean success) {
        return ApiCall.builder().eventTime(T).principal(who).eventSource(service + ".amazonaws.com")
                .eventName(name).sourceIpAddress("198.51.100.7").errorCode(success ? null : "AccessDenied").build();
    }

    @ParameterizedTest(name = "{0}:{1} -> {2}")
    @MethodSource("methodRows")
    void everyMethodRowMatchesOnTheMethodAloneAndOnAnyCallOfIt(String service, String name, String id,
            Tactic tactic) {
        TechniqueMatch byMethod = BUILT_IN.match(service + ".amazonaws.com", name).orElseThrow();
        assertEquals(id, byMethod.technique().id());
        assertEquals(tactic, byMethod.tactic());
        assertTrue(byMethod.procedure().startsWith(name + " "), byMethod.procedure());
        for (ApiCall call : List.of(call(user(true), service, name, true), call(roleSession(), service, name, false))) {
            assertEquals(List.of(byMethod), BUILT_IN.match(call), call.toString());
        }
    }

    @Test
    void consoleLoginIsInitialAccessOnlyWhenItSucceededWithoutMfa() {
        List<TechniqueMatch> matched = BUILT_IN.match(call(user(false), "signin", "ConsoleLogin", true));
        assertEquals(1, matched.size());
        assertEquals("T1078.004 Valid Accounts: Cloud Accounts", matched.get(0).technique().toString());
        assertEquals(Tactic.INITIAL_ACCESS, matched.get(0).tactic());
        assertEquals(List.of(), BUILT_IN.match(call(user(true), "signin", "ConsoleLogin", true)), "with MFA");
        assertEquals(List.of(), BUILT_IN.match(call(user(null), "signin", "ConsoleLogin", true)), "MFA unknown");
        assertEquals(List.of(), BUILT_IN.match(call(user(false), "signin", "ConsoleLogin", false)), "failed login");
        // IAM Identity Center and SAML logins are role sessions: MFA at the identity provider, MFAUsed No in CloudTrail
        Principal sso = Principal.builder(PrincipalType.ASSUMED_ROLE)
                .principalId("AROAJ45Q7YFFAREXAMPLE:alice@example.com").accountId("111122223333")
                .mfaAuthenticated(false).build();
        assertEquals(List.of(), BUILT_IN.match(call(sso, "signin", "ConsoleLogin", true)), "a federated login");
        Principal root = Principal.builder(PrincipalType.ROOT).principalId("111122223333")
                .accountId("111122223333").mfaAuthenticated(false).build();
        assertEquals(matched, BUILT_IN.match(call(root, "signin", "ConsoleLogin", true)), "the root user");
        assertEquals(Optional.empty(), BUILT_IN.match("signin.amazonaws.com", "ConsoleLogin"), "needs the call");
    }

    @Test
    void assumeRoleIsRoleChainingOnlyWhenARoleSessionCallsIt() {
        List<TechniqueMatch> matched = BUILT_IN.match(call(roleSession(), "sts", "AssumeRole", false));
        assertEquals(1, matched.size());
        assertEquals("T1550.001", matched.get(0).technique().id());
        assertEquals(Tactic.LATERAL_MOVEMENT, matched.get(0).tactic());
        assertEquals(List.of(), BUILT_IN.match(call(user(false), "sts", "AssumeRole", true)));
        assertEquals(Optional.empty(), BUILT_IN.match("sts", "AssumeRole"));
    }

    @Test
    void credentialIssuersAreNoDiscoveryAndLookupsAre() {
        for (ApiMethod issuer : List.of(new ApiMethod("sts", "GetSessionToken"), new ApiMethod("signin",
                "GetSigninToken"), new ApiMethod("sso", "GetRoleCredentials"), new ApiMethod("ecr",
                "GetAuthorizationToken"), new ApiMethod("cognito-identity", "GetCredentialsForIdentity"))) {
            assertFalse(BUILT_IN.countsTowardBurst(issuer), issuer.toString());
            assertEquals(Optional.empty(), BUILT_IN.discoveryTechnique(issuer));
        }
        assertTrue(BUILT_IN.countsTowardBurst(new ApiMethod("cloudtrail", "LookupEvents")));
        assertTrue(BUILT_IN.countsTowardBurst(new ApiMethod("resource-groups", "SearchResources")));
        assertFalse(BUILT_IN.countsTowardBurst(new ApiMethod("sagemaker", "Search")), "a verb alone is no method");
        assertEquals("T1087.004", BUILT_IN.discoveryTechnique(new ApiMethod("iam", "ListUsers")).orElseThrow().id());
        assertEquals("T1580", BUILT_IN.discoveryTechnique(new ApiMethod("ec2", "DescribeInstances")).orElseThrow()
                .id());
        assertEquals("T1526", BUILT_IN.discoveryTechnique(new ApiMethod("sns", "ListTopics")).orElseThrow().id());
    }

    @Test
    void aBurstsKindsComeInTheSameOrderWhateverTheOrderOfTheCalls() {
        List<ApiMethod> methods = new ArrayList<>();
        for (String service : List.of("iam", "ec2", "sns", "kms", "sts", "s3")) {
            for (int i = 0; i < 6; i++) {
                methods.add(new ApiMethod(service, "ListThing" + (char) ('A' + i)));
            }
        }
        List<TechniqueMatch> forward = BUILT_IN.matchDiscoveryBurst(methods);
        java.util.Collections.reverse(methods);
        assertEquals(forward, BUILT_IN.matchDiscoveryBurst(methods));
        assertEquals(List.of("T1087.004", "T1526", "T1580"), forward.stream().map(m -> m.technique().id()).toList(),
                "12 methods of each kind: by id");
    }

    @Test
    void cloudFrontsDatedEventNamesMatchTheirMethod() {
        ApiTechniques custom = ApiTechniques.builder().map("cloudfront", "UpdateDistribution",
                new Technique("T1562.001", "Impair Defenses: Disable or Modify Tools", Tactic.DEFENSE_EVASION),
                "UpdateDistribution changes a CloudFront distribution").build();
        assertTrue(custom.match("cloudfront.amazonaws.com", "UpdateDistribution2017_03_25").isPresent());
        assertEquals(Optional.empty(), custom.match("cloudfront.amazonaws.com", "UpdateDistribution2017_03"));
        assertThrows(NullPointerException.class, () -> BUILT_IN.needsFullCall("signin", null));
    }

    @Test
    void theRulesAreExactlyTheWrittenOutRows() {
        Set<String> expected = new LinkedHashSet<>(METHOD_ROWS);
        expected.addAll(CALL_ROWS);
        assertEquals(expected, new LinkedHashSet<>(rows(BUILT_IN)));
    }

    @Test
    void everyMethodOnlyRuleIsReachableThroughTheMethodOverload() {
        int reachable = 0;
        for (Map.Entry<ApiMethod, List<ApiTechniques.Rule>> e : BUILT_IN.rules().entrySet()) {
            for (ApiTechniques.Rule rule : e.getValue()) {
                if (rule.when() == null) {
                    assertEquals(Optional.of(rule.match()),
                            BUILT_IN.match(e.getKey().eventSource(), e.getKey().eventName()), e.getKey().toString());
                    reachable++;
                }
            }
        }
        assertEquals(METHOD_ROWS.size(), reachable);
    }

    @Test
    void theJavadocTableListsEveryRowAndNoOther() throws IOException {
        String source = Files.readString(Path.of("src/main/java/io/github/detective4j/attack/ApiTechniques.java"));
        Matcher row = Pattern.compile("<tr><td>\\{@code ([\\w-]+)}</td><td>\\{@code (\\w+)}</td><td>(T[\\d.]+)</td>"
                + "\\s*\\*?\\s*<td>([\\w ]+)</td>").matcher(source);
        List<String> documented = new ArrayList<>();
        while (row.find()) {
            documented.add(row.group(1) + " " + row.group(2) + " " + row.group(3) + " "
                    + Tactic.find(row.group(4)).orElseThrow().name());
        }
        assertEquals(rows(BUILT_IN), documented, "the table, in the order of the code");
    }

    @Test
    void shortEventSourcesAndLambdaApiVersionsMatchTheSameRow() {
        TechniqueMatch expected = BUILT_IN.match("lambda.amazonaws.com", "UpdateFunctionCode").orElseThrow();
        assertEquals(Optional.of(expected), BUILT_IN.match("lambda", "UpdateFunctionCode"));
        assertEquals(Optional.of(expected), BUILT_IN.match("lambda.amazonaws.com", "UpdateFunctionCode20150331v2"));
        assertEquals(Optional.of(expected), BUILT_IN.match("lambda.amazonaws.com", "UpdateFunctionCode20150331"));
        assertEquals(List.of(expected), BUILT_IN.match(call(user(null), "lambda", "UpdateFunctionCode20150331v2",
                true)));
        assertEquals(Optional.empty(), BUILT_IN.match("lambda.amazonaws.com", "UpdateFunctionCode2015"),
                "only a full date is a version");
        assertEquals(Optional.empty(), BUILT_IN.match("cloudtrail.amazonaws.com", "stoplogging"), "case counts");
        assertEquals(Optional.empty(), BUILT_IN.match("kms.amazonaws.com", "StopLogging"), "the source counts");
    }

    @Test
    void aBuilderStartsEmptyAndOverridesRowByRow() {
        assertEquals(List.of(), ApiTechniques.builder().build().match(call(user(false), "signin", "ConsoleLogin",
                true)));
        Technique destruction = new Technique("T1485", "Data Destruction", Tactic.IMPACT);
        ApiTechniques custom = ApiTechniques.builder().from(BUILT_IN)
                .unmap("ec2.amazonaws.com", "RunInstances")
                .unmap("kms", "NoSuchMethod")
                .map("kms", "ScheduleKeyDeletion", destruction, "ScheduleKeyDeletion deletes a KMS key")
                .map("signin", "ConsoleLogin", destruction, "an odd choice, to show map replaces conditions")
                .build();
        assertEquals(Optional.empty(), custom.match("ec2", "RunInstances"));
        assertEquals(destruction, custom.match("kms.amazonaws.com", "ScheduleKeyDeletion").orElseThrow().technique());
        assertEquals(destruction, custom.match("signin", "ConsoleLogin").orElseThrow().technique());
        assertEquals(List.of(custom.match("signin", "ConsoleLogin").orElseThrow()),
                custom.match(call(user(true), "signin", "ConsoleLogin", true)));
        assertEquals(BUILT_IN.match("cloudtrail", "StopLogging"), custom.match("cloudtrail", "StopLogging"));
        assertTrue(BUILT_IN.match("ec2", "RunInstances").isPresent(), "the built-in mapping is untouched");
    }

    @Test
    void aBuilderRefusesBlankMethodsAndThresholdsBelowOne() {
        Technique t = new Technique("T1485", "Data Destruction", Tactic.IMPACT);
        assertThrows(IllegalArgumentException.class, () -> ApiTechniques.builder().map(" ", "X", t, "x"));
        assertThrows(IllegalArgumentException.class, () -> ApiTechniques.builder().map("kms", "", t, "x"));
        assertThrows(IllegalArgumentException.class, () -> ApiTechniques.builder().map("kms", "X", t, " "));
        assertThrows(NullPointerException.class, () -> ApiTechniques.builder().map("kms", "X", null, "x"));
        assertThrows(IllegalArgumentException.class, () -> ApiTechniques.builder().discoveryBurst(0, 3));
        assertThrows(IllegalArgumentException.class, () -> ApiTechniques.builder().discoveryBurst(20, 0));
    }

    /** Thirty distinct discovery methods on 7 services: 11 on IAM and STS, 15 on EC2 and S3, 4 on others. */
    static List<ApiMethod> burst() {
        List<ApiMethod> methods = new ArrayList<>();
        for (String name : List.of("ListUsers", "ListRoles", "ListGroups", "ListPolicies", "GetAccountSummary",
                "GetAccountAuthorizationDetails", "ListAccessKeys", "ListAttachedUserPolicies", "GetUser",
                "GetRole")) {
            methods.add(new ApiMethod("iam.amazonaws.com", name));
        }
        methods.add(new ApiMethod("sts.amazonaws.com", "GetCallerIdentity"));
        for (String name : List.of("DescribeInstances", "DescribeVpcs", "DescribeSubnets", "DescribeSecurityGroups",
                "DescribeSnapshots", "DescribeVolumes", "DescribeImages", "DescribeInstanceAttribute",
                "DescribeKeyPairs", "DescribeRegions", "DescribeAddresses", "DescribeRouteTables")) {
            methods.add(new ApiMethod("ec2.amazonaws.com", name));
        }
        methods.add(new ApiMethod("s3.amazonaws.com", "ListBuckets"));
        methods.add(new ApiMethod("s3.amazonaws.com", "GetBucketPolicy"));
        methods.add(new ApiMethod("s3.amazonaws.com", "GetBucketAcl"));
        methods.add(new ApiMethod("cloudtrail.amazonaws.com", "DescribeTrails"));
        methods.add(new ApiMethod("cloudtrail.amazonaws.com", "GetTrailStatus"));
        methods.add(new ApiMethod("kms.amazonaws.com", "ListKeys"));
        methods.add(new ApiMethod("guardduty.amazonaws.com", "ListDetectors"));
        return methods;
    }

    @Test
    void thirtyDistinctDiscoveryMethodsOnFiveServicesAreABurstOfEachKindFound() {
        List<TechniqueMatch> matched = BUILT_IN.matchDiscoveryBurst(burst());
        assertEquals(List.of("T1580", "T1087.004", "T1526"), matched.stream().map(m -> m.technique().id()).toList(),
                "most methods first");
        matched.forEach(m -> assertEquals(Tactic.DISCOVERY, m.tactic()));
        assertEquals("a burst of 30 distinct List, Describe and Get methods on 7 services in one window, 15 of them"
                + " on ec2, s3", matched.get(0).procedure());
        assertEquals("a burst of 30 distinct List, Describe and Get methods on 7 services in one window, 11 of them"
                + " on iam, sts", matched.get(1).procedure());
        assertEquals("a burst of 30 distinct List, Describe and Get methods on 7 services in one window, 4 of them"
                + " on cloudtrail, guardduty, kms", matched.get(2).procedure());
    }

    @Test
    void twentyNineMethodsOrFourServicesOrRepeatsAreNoBurst() {
        List<ApiMethod> twentyNine = new ArrayList<>(burst());
        twentyNine.remove(twentyNine.size() - 1);
        assertEquals(List.of(), BUILT_IN.matchDiscoveryBurst(twentyNine));
        List<ApiMethod> repeats = new ArrayList<>(twentyNine);
        repeats.add(twentyNine.get(0));
        repeats.add(new ApiMethod("ec2", "DescribeInstances"));
        assertEquals(List.of(), BUILT_IN.matchDiscoveryBurst(repeats), "repeats count once");
        repeats.add(new ApiMethod("lambda.amazonaws.com", "ListFunctions20150331"));
        repeats.add(new ApiMethod("lambda", "ListFunctions"));
        assertTrue(BUILT_IN.matchDiscoveryBurst(repeats).get(0).procedure().startsWith("a burst of 30 distinct"),
                "one more distinct method, whatever its spelling");
        List<ApiMethod> fourServices = new ArrayList<>();
        for (String service : List.of("ec2", "iam", "s3", "kms")) {
            for (int i = 0; i < 10; i++) {
                fourServices.add(new ApiMethod(service, "DescribeThing" + (char) ('A' + i)));
            }
        }
        assertEquals(List.of(), BUILT_IN.matchDiscoveryBurst(fourServices));
        fourServices.add(new ApiMethod("rds", "DescribeDBInstances"));
        assertEquals(3, BUILT_IN.matchDiscoveryBurst(fourServices).size(), "a fifth service makes it a burst");
    }

    @Test
    void methodsMappedToOtherTacticsAndOtherVerbsAreNoDiscovery() {
        List<ApiMethod> methods = new ArrayList<>(burst().subList(0, 29));
        for (ApiMethod other : List.of(new ApiMethod("secretsmanager.amazonaws.com", "GetSecretValue"),
                new ApiMethod("ec2.amazonaws.com", "GetPasswordData"), new ApiMethod("sts", "GetFederationToken"),
                new ApiMethod("ec2.amazonaws.com", "RunInstances"), new ApiMethod("s3", "Listless"),
                new ApiMethod("s3", "Get"))) {
            methods.add(other);
            assertEquals(List.of(), BUILT_IN.matchDiscoveryBurst(methods), other.toString());
            methods.remove(methods.size() - 1);
        }
        methods.add(new ApiMethod("kms", "ListAliases"));
        assertEquals(3, BUILT_IN.matchDiscoveryBurst(methods).size(), "an unmapped List* counts");
    }

    @Test
    void theThresholdsAreConfigurable() {
        ApiTechniques strict = ApiTechniques.builder().from(BUILT_IN).discoveryBurst(31, 5).build();
        assertEquals(List.of(), strict.matchDiscoveryBurst(burst()));
        ApiTechniques lax = ApiTechniques.builder().from(BUILT_IN).discoveryBurst(3, 1).build();
        List<TechniqueMatch> matched = lax.matchDiscoveryBurst(List.of(new ApiMethod("iam", "ListUsers"),
                new ApiMethod("iam", "ListRoles"), new ApiMethod("sts", "GetCallerIdentity")));
        assertEquals(List.of("T1087.004"), matched.stream().map(m -> m.technique().id()).toList());
        assertEquals("ApiTechniques{methods=" + (METHOD_ROWS.size() + CALL_ROWS.size())
                + ", discoveryBurst=30 methods on 5 services, failedSignIns=10}", BUILT_IN.toString());
    }

    @Test
    void tenRefusedConsoleSignInsArePasswordGuessing() {
        ApiMethod signIn = new ApiMethod("signin.amazonaws.com", "ConsoleLogin");
        assertEquals(Optional.empty(), BUILT_IN.matchFailedSignIns(signIn, 9));
        TechniqueMatch guessing = BUILT_IN.matchFailedSignIns(signIn, 10).orElseThrow();
        assertEquals("T1110.001", guessing.technique().id());
        assertEquals(Tactic.CREDENTIAL_ACCESS, guessing.tactic());
        assertEquals(Optional.empty(), BUILT_IN.matchFailedSignIns(new ApiMethod("sts", "GetCallerIdentity"), 50),
                "only sign-ins guess passwords");
        assertTrue(BUILT_IN.countsTowardGuessing(new ApiMethod("signin", "ConsoleLogin")));
        ApiTechniques lax = ApiTechniques.builder().from(BUILT_IN).failedSignIns(3).build();
        assertTrue(lax.matchFailedSignIns(signIn, 3).isPresent());
        assertTrue(ApiTechniques.builder().from(lax).build().matchFailedSignIns(signIn, 3).isPresent(), "from copies");
        assertThrows(IllegalArgumentException.class, () -> ApiTechniques.builder().failedSignIns(0));
    }

    /** The rules as rows of the written-out tables, in the code's order. */
    static List<String> rows(ApiTechniques techniques) {
        List<String> out = new ArrayList<>();
        techniques.rules().forEach((method, rules) -> {
            for (ApiTechniques.Rule rule : rules) {
                out.add(method.eventSource().replace(".amazonaws.com", "") + " " + method.eventName() + " "
                        + rule.match().technique().id() + " " + rule.match().tactic().name());
            }
        });
        return out;
    }
}
