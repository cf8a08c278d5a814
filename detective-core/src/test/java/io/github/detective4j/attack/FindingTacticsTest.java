package io.github.detective4j.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FindingTacticsTest {
    static final FindingTactics TACTICS = FindingTactics.builtIn();

    /**
     * Real finding types, with the tactic and technique expected ({@code -} for none): every type of the GuardDuty
     * User Guide's finding-type reference ({@code ../shared/data/guardduty-aws-docs-examples}, active and retired),
     * and Runtime Monitoring and attack-sequence types from the current guide.
     */
    static final List<String> GUARDDUTY = List.of(
            "Backdoor:EC2/C&CActivity.B COMMAND_AND_CONTROL -",
            "Backdoor:EC2/C&CActivity.B!DNS COMMAND_AND_CONTROL -",
            "Backdoor:EC2/DenialOfService.Dns IMPACT -",
            "Backdoor:EC2/DenialOfService.Tcp IMPACT -",
            "Backdoor:EC2/DenialOfService.Udp IMPACT -",
            "Backdoor:EC2/DenialOfService.UdpOnTcpPorts IMPACT -",
            "Backdoor:EC2/DenialOfService.UnusualProtocol IMPACT -",
            "Backdoor:EC2/Spambot IMPACT -",
            "Backdoor:EC2/XORDDOS COMMAND_AND_CONTROL -",
            "Backdoor:Runtime/C&CActivity.B COMMAND_AND_CONTROL -",
            "Behavior:EC2/NetworkPortUnusual - -",
            "Behavior:EC2/TrafficVolumeUnusual - -",
            "Behavior:IAMUser/InstanceLaunchUnusual - -",
            "CredentialAccess:IAMUser/AnomalousBehavior CREDENTIAL_ACCESS -",
            "CryptoCurrency:EC2/BitcoinTool.A IMPACT T1496.001",
            "CryptoCurrency:EC2/BitcoinTool.B IMPACT T1496.001",
            "CryptoCurrency:EC2/BitcoinTool.B!DNS IMPACT T1496.001",
            "CryptoCurrency:Runtime/BitcoinTool.B IMPACT T1496.001",
            "DefenseEvasion:IAMUser/AnomalousBehavior DEFENSE_EVASION -",
            "DefenseEvasion:Runtime/ProcessInjection.Ptrace DEFENSE_EVASION -",
            "Discovery:IAMUser/AnomalousBehavior DISCOVERY -",
            "Discovery:S3/MaliciousIPCaller DISCOVERY -",
            "Discovery:S3/MaliciousIPCaller.Custom DISCOVERY -",
            "Discovery:S3/TorIPCaller DISCOVERY -",
            "Discovery:S3/BucketEnumeration.Unusual DISCOVERY -",
            "Execution:Runtime/NewBinaryExecuted EXECUTION -",
            "Execution:Runtime/ReverseShell EXECUTION -",
            "Exfiltration:IAMUser/AnomalousBehavior EXFILTRATION -",
            "Exfiltration:S3/MaliciousIPCaller EXFILTRATION -",
            "Exfiltration:S3/ObjectRead.Unusual EXFILTRATION -",
            "Impact:EC2/AbusedDomainRequest.Reputation IMPACT -",
            "Impact:EC2/BitcoinDomainRequest.Reputation IMPACT T1496.001",
            "Impact:EC2/MaliciousDomainRequest.Reputation IMPACT -",
            "Impact:EC2/PortSweep DISCOVERY T1046",
            "Impact:EC2/SuspiciousDomainRequest.Reputation IMPACT -",
            "Impact:EC2/WinRMBruteForce CREDENTIAL_ACCESS T1110",
            "Impact:IAMUser/AnomalousBehavior IMPACT -",
            "Impact:S3/MaliciousIPCaller IMPACT -",
            "Impact:S3/PermissionsModification.Unusual IMPACT -",
            "Impact:S3/ObjectDelete.Unusual IMPACT -",
            "Impact:Runtime/CryptoMinerExecuted IMPACT T1496.001",
            "InitialAccess:IAMUser/AnomalousBehavior INITIAL_ACCESS -",
            "PenTest:IAMUser/KaliLinux - -",
            "PenTest:IAMUser/ParrotLinux - -",
            "PenTest:IAMUser/PentooLinux - -",
            "PenTest:S3/KaliLinux - -",
            "PenTest:S3/ParrotLinux - -",
            "PenTest:S3/PentooLinux - -",
            "Persistence:IAMUser/AnomalousBehavior PERSISTENCE -",
            "Persistence:IAMUser/NetworkPermissions PERSISTENCE -",
            "Persistence:IAMUser/ResourcePermissions PERSISTENCE -",
            "Persistence:IAMUser/UserPermissions PERSISTENCE -",
            "Policy:IAMUser/RootCredentialUsage - -",
            "Policy:S3/AccountBlockPublicAccessDisabled - -",
            "Policy:S3/BucketAnonymousAccessGranted - -",
            "Policy:S3/BucketBlockPublicAccessDisabled - -",
            "Policy:S3/BucketPublicAccessGranted - -",
            "PrivilegeEscalation:IAMUser/AnomalousBehavior PRIVILEGE_ESCALATION -",
            "PrivilegeEscalation:IAMUser/AdministrativePermissions PRIVILEGE_ESCALATION -",
            "PrivilegeEscalation:Runtime/DockerSocketAccessed PRIVILEGE_ESCALATION -",
            "Recon:EC2/PortProbeEMRUnprotectedPort RECONNAISSANCE T1595",
            "Recon:EC2/PortProbeUnprotectedPort RECONNAISSANCE T1595",
            "Recon:EC2/Portscan DISCOVERY T1046",
            "Recon:IAMUser/MaliciousIPCaller DISCOVERY -",
            "Recon:IAMUser/MaliciousIPCaller.Custom DISCOVERY -",
            "Recon:IAMUser/TorIPCaller DISCOVERY -",
            "Recon:IAMUser/NetworkPermissions DISCOVERY -",
            "Recon:IAMUser/ResourcePermissions DISCOVERY -",
            "Recon:IAMUser/UserPermissions DISCOVERY -",
            "ResourceConsumption:IAMUser/ComputeResources IMPACT -",
            "Stealth:IAMUser/CloudTrailLoggingDisabled DEFENSE_EVASION T1562.008",
            "Stealth:IAMUser/PasswordPolicyChange DEFENSE_EVASION -",
            "Stealth:S3/ServerAccessLoggingDisabled DEFENSE_EVASION T1562.008",
            "Stealth:IAMUser/LoggingConfigurationModified DEFENSE_EVASION T1562.008",
            "Trojan:EC2/BlackholeTraffic COMMAND_AND_CONTROL -",
            "Trojan:EC2/BlackholeTraffic!DNS COMMAND_AND_CONTROL -",
            "Trojan:EC2/DGADomainRequest.B COMMAND_AND_CONTROL T1568.002",
            "Trojan:EC2/DGADomainRequest.C!DNS COMMAND_AND_CONTROL T1568.002",
            "Trojan:EC2/DNSDataExfiltration EXFILTRATION -",
            "Trojan:EC2/DriveBySourceTraffic!DNS COMMAND_AND_CONTROL -",
            "Trojan:EC2/DropPoint EXFILTRATION -",
            "Trojan:EC2/DropPoint!DNS EXFILTRATION -",
            "Trojan:EC2/PhishingDomainRequest!DNS COMMAND_AND_CONTROL -",
            "Trojan:Runtime/DGADomainRequest.C!DNS COMMAND_AND_CONTROL T1568.002",
            "UnauthorizedAccess:EC2/MaliciousIPCaller.Custom COMMAND_AND_CONTROL -",
            "UnauthorizedAccess:EC2/MetadataDNSRebind CREDENTIAL_ACCESS T1552.005",
            "UnauthorizedAccess:EC2/RDPBruteForce CREDENTIAL_ACCESS T1110",
            "UnauthorizedAccess:EC2/SSHBruteForce CREDENTIAL_ACCESS T1110",
            "UnauthorizedAccess:EC2/TorClient COMMAND_AND_CONTROL -",
            "UnauthorizedAccess:EC2/TorRelay COMMAND_AND_CONTROL -",
            "UnauthorizedAccess:EC2/TorIPCaller INITIAL_ACCESS -", // inbound from Tor exit nodes (retired type)
            "UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B INITIAL_ACCESS T1078.004",
            "UnauthorizedAccess:IAMUser/ConsoleLogin INITIAL_ACCESS -",
            "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS CREDENTIAL_ACCESS T1552.005",
            "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.InsideAWS CREDENTIAL_ACCESS T1552.005",
            "UnauthorizedAccess:IAMUser/ResourceCredentialExfiltration.OutsideAWS CREDENTIAL_ACCESS T1552.005",
            "UnauthorizedAccess:Lambda/MaliciousIPCaller.Custom COMMAND_AND_CONTROL -",
            "UnauthorizedAccess:Lambda/TorClient COMMAND_AND_CONTROL -",
            "UnauthorizedAccess:IAMUser/MaliciousIPCaller INITIAL_ACCESS -",
            "UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom INITIAL_ACCESS -",
            "UnauthorizedAccess:IAMUser/TorIPCaller INITIAL_ACCESS -",
            "UnauthorizedAccess:IAMUser/UnusualASNCaller INITIAL_ACCESS -",
            "UnauthorizedAccess:S3/MaliciousIPCaller.Custom INITIAL_ACCESS -",
            "UnauthorizedAccess:S3/TorIPCaller INITIAL_ACCESS -",
            "UnauthorizedAccess:Runtime/MetadataDNSRebind CREDENTIAL_ACCESS T1552.005",
            "UnauthorizedAccess:Runtime/TorClient COMMAND_AND_CONTROL -",
            "AttackSequence:IAM/CompromisedCredentials - -",
            "AttackSequence:S3/CompromisedData - -",
            "Object:S3/MaliciousFile - -");

    static Stream<Arguments> guardDuty() {
        return GUARDDUTY.stream().map(row -> Arguments.of((Object[]) row.split(" ")));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("guardDuty")
    void everyRealGuardDutyTypeHasTheDocumentedTacticAndTechnique(String type, String tactic, String technique) {
        assertTrue(TACTICS.knows(type), "a row covers " + type);
        assertEquals(tactic.equals("-") ? Optional.empty() : Optional.of(Tactic.valueOf(tactic)),
                TACTICS.tactic(type));
        Optional<TechniqueMatch> match = TACTICS.match(type);
        assertEquals(technique, match.map(m -> m.technique().id()).orElse("-"));
        match.ifPresent(m -> {
            assertEquals(m.tactic(), TACTICS.tactic(type).orElseThrow(), "the technique's tactic is the type's");
            assertTrue(m.procedure().endsWith("(" + type + ")"), m.procedure());
        });
    }

    @Test
    void everyThreatPurposeGuardDutyDocumentsHasARow() {
        // The threat purposes of GuardDuty's finding-format page, as they appear in types.
        Set<String> purposes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        purposes.addAll(List.of("Backdoor", "Behavior", "CredentialAccess", "Cryptocurrency", "DefenseEvasion",
                "Discovery", "Execution", "Exfiltration", "Impact", "InitialAccess", "PenTest", "Persistence",
                "Policy", "PrivilegeEscalation", "Recon", "Stealth", "Trojan", "UnauthorizedAccess"));
        for (String purpose : purposes) {
            assertTrue(TACTICS.knows(purpose + ":EC2/Anything"), purpose);
        }
        Set<String> covered = GUARDDUTY.stream().map(row -> FindingTactics.namespace(row.split(" ")[0]))
                .collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)));
        assertTrue(covered.containsAll(purposes), "the table tests a real type of every purpose");
        assertFalse(TACTICS.knows("Mystery:EC2/Thing"));
        assertEquals(Optional.empty(), TACTICS.tactic("Mystery:EC2/Thing"));
    }

    @Test
    void purposesMatchWhateverTheirCaseAsTheDocumentationSpellsThem() {
        assertEquals(Optional.of(Tactic.IMPACT), TACTICS.tactic("Cryptocurrency:EC2/BitcoinTool.B"));
        assertEquals(TACTICS.match("Stealth:IAMUser/CloudTrailLoggingDisabled").map(TechniqueMatch::technique),
                TACTICS.match("stealth:iamuser/cloudtrailloggingdisabled").map(TechniqueMatch::technique));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "TTPs/Defense Evasion/CloudTrailStopped|DEFENSE_EVASION",
        "TTPs/Initial Access|INITIAL_ACCESS",
        "TTPs/Command and Control/Backdoor:EC2-C&CActivity.B!DNS|COMMAND_AND_CONTROL",
        "TTPs/Discovery/Recon:EC2-PortProbeUnprotectedPort|RECONNAISSANCE",
        "TTPs/Exfiltration/Something|EXFILTRATION",
        "Effects/Data Exfiltration/Exfiltration:S3-ObjectRead.Unusual|EXFILTRATION",
        "Effects/Resource Consumption/CryptoCurrency:EC2-BitcoinTool.B|IMPACT",
        "Effects/Data Destruction|IMPACT",
        "Effects/Denial of Service|IMPACT",
        "Effects/Data Exposure/Policy:S3-BucketPublicAccessGranted|-",
        "Effects/Data Exposure|-",
        "TTPs/Initial Access/PenTest:IAMUser-KaliLinux|INITIAL_ACCESS",
        "TTPs/Defense Evasion/Mystery:EC2-Thing|DEFENSE_EVASION",
        // GuardDuty's types in Security Hub often have no category: namespace/GuardDuty type
        "TTPs/UnauthorizedAccess:IAMUser-ConsoleLoginSuccess.B|INITIAL_ACCESS",
        "TTPs/Discovery:S3-AnomalousBehavior|DISCOVERY",
        "Effects/Exfiltration:S3-AnomalousBehavior|EXFILTRATION",
        "Software and Configuration Checks/PrivilegeEscalation:Runtime-SuspiciousCommand|PRIVILEGE_ESCALATION",
        "TTPs/Recon:IAMUser/UserPermissions|DISCOVERY",
        "Software and Configuration Checks/Backdoor:EC2.C&CActivity.B|COMMAND_AND_CONTROL",
        "TTPs/PenTest:IAMUser-KaliLinux|-",
        "UnauthorizedAccess:Lambda/MaliciousIPCaller.Custom|COMMAND_AND_CONTROL",
        "UnauthorizedAccess:EC2/TorIPCaller|INITIAL_ACCESS",
        "UnauthorizedAccess:EC2/TorClient|COMMAND_AND_CONTROL",
        "Software and Configuration Checks/Vulnerabilities/CVE|-",
        "Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark|-",
        "Unusual Behaviors|-",
        "Unusual Behaviors/User/Behavior:EC2-NetworkPortUnusual|-",
        "Sensitive Data Identifications/PII|-",
        "TTPs|-",
        "TTPs/Mystery|-",
        "no separators|-"})
    void securityHubTypesReadTheirCategoryOrTheGuardDutyTypeTheyCarry(String type, String tactic) {
        assertEquals(tactic.equals("-") ? Optional.empty() : Optional.of(Tactic.valueOf(tactic)),
                TACTICS.tactic(type));
    }

    @Test
    void aSecurityHubTypeCarryingAGuardDutyTypeReadsAsTheGuardDutyType() {
        String asff = "TTPs/Defense Evasion/Stealth:IAMUser-CloudTrailLoggingDisabled";
        TechniqueMatch match = TACTICS.match(asff).orElseThrow();
        assertEquals("T1562.008 Impair Defenses: Disable or Modify Cloud Logs", match.technique().toString());
        assertEquals("GuardDuty saw CloudTrail logging disabled (Stealth:IAMUser/CloudTrailLoggingDisabled)",
                match.procedure());
        assertEquals(TACTICS.match("Stealth:IAMUser/CloudTrailLoggingDisabled"), TACTICS.match(asff));
        assertEquals(Optional.empty(), TACTICS.match("TTPs/Defense Evasion/CloudTrailStopped"), "no technique said");
        assertEquals(TACTICS.match("UnauthorizedAccess:EC2/MetadataDNSRebind"),
                TACTICS.match("TTPs/UnauthorizedAccess:EC2-MetadataDNSRebind"));
        assertEquals("T1552.005", TACTICS.match("TTPs/UnauthorizedAccess:EC2-MetadataDNSRebind").orElseThrow()
                .technique().id());
        assertEquals("T1552.005", TACTICS.match(
                "UnauthorizedAccess:IAMUser/ResourceCredentialExfiltration.OutsideAWS").orElseThrow().technique().id());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Stealth:IAMUser/CloudTrailLoggingDisabled|Stealth",
        "CryptoCurrency:EC2/BitcoinTool.B|CryptoCurrency",
        "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS|UnauthorizedAccess",
        "TTPs/Defense Evasion/Stealth:IAMUser-CloudTrailLoggingDisabled|TTPs",
        "Software and Configuration Checks/Vulnerabilities/CVE|Software and Configuration Checks",
        "Effects/Data Exposure|Effects",
        "Unusual Behaviors|Unusual Behaviors"})
    void theNamespaceIsTheThreatPurposeOrTheAsffNamespace(String type, String namespace) {
        assertEquals(namespace, FindingTactics.namespace(type));
    }

    @Test
    void nullIsRefused() {
        assertThrows(NullPointerException.class, () -> FindingTactics.namespace(null));
        assertThrows(NullPointerException.class, () -> TACTICS.tactic(null));
        assertThrows(NullPointerException.class, () -> TACTICS.match(null));
    }

    @Test
    void theJavadocTableHasARowPerPurposeAndNoOther() throws IOException {
        String source = Files.readString(Path.of("src/main/java/io/github/detective4j/attack/FindingTactics.java"));
        Matcher row = Pattern.compile("<tr><td>\\{@code (\\w+)}</td>").matcher(source);
        Set<String> documented = new LinkedHashSet<>();
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertEquals(TACTICS.purposes(), documented);
    }
}
