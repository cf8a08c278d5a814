package io.github.detective4j.examples.stratus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.detective4j.attack.ApiMethod;
import io.github.detective4j.attack.ApiTechniques;
import io.github.detective4j.attack.Tactic;
import io.github.detective4j.attack.TechniqueMatch;
import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.SharedData;
import io.github.detective4j.model.ApiCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Stratus Red Team's 35 real detonations against the built-in mapping of API methods to ATT&amp;CK techniques: each
 * technique's key API calls must map to a technique whose tactic is the one the file name names
 * ({@code aws.defense-evasion.cloudtrail-stop.json}: Defense Evasion), save where ATT&amp;CK itself files the
 * technique under another tactic; those few are listed below with the reason, and their tactic is asserted too.
 *
 * <p>Stratus's own documentation ({@code docs/attack-techniques/AWS/*.md}, the techniques' {@code MitreAttackTactics})
 * names tactics only, no technique ids; its tactics are the file names' here, plus Privilege Escalation for a few
 * persistence techniques and for {@code execution.ec2-user-data}.
 */
class StratusTechniquesTest {
    /**
     * The key calls of each detonation, {@code service:Method}, and, where ATT&amp;CK files the technique under
     * another tactic than Stratus, that tactic and why.
     */
    record Key(List<String> calls, Tactic attackTactic, String why) {
        static Key of(String... calls) {
            return new Key(List.of(calls), null, null);
        }

        Key elsewhere(Tactic tactic, String reason) {
            return new Key(calls, tactic, reason);
        }
    }

    static final Map<String, Key> KEYS = Map.ofEntries(
            Map.entry("credential-access.ec2-get-password-data", Key.of("ec2:GetPasswordData")),
            Map.entry("credential-access.ec2-steal-instance-credentials", Key.of("ssm:SendCommand")
                    .elsewhere(Tactic.EXECUTION, "CloudTrail shows the command sent (T1651 Cloud Administration"
                            + " Command); the theft from the metadata service happens inside the instance")),
            Map.entry("credential-access.secretsmanager-batch-retrieve-secrets",
                    Key.of("secretsmanager:BatchGetSecretValue")),
            Map.entry("credential-access.secretsmanager-retrieve-secrets", Key.of("secretsmanager:GetSecretValue")),
            Map.entry("credential-access.ssm-retrieve-securestring-parameters", Key.of("ssm:GetParameters")),
            Map.entry("defense-evasion.cloudtrail-delete", Key.of("cloudtrail:DeleteTrail")),
            Map.entry("defense-evasion.cloudtrail-event-selectors", Key.of("cloudtrail:PutEventSelectors")),
            Map.entry("defense-evasion.cloudtrail-stop", Key.of("cloudtrail:StopLogging")),
            Map.entry("defense-evasion.dns-delete-logs", Key.of("route53resolver:DeleteResolverQueryLogConfig")),
            Map.entry("defense-evasion.organizations-leave", Key.of("organizations:LeaveOrganization")),
            Map.entry("defense-evasion.vpc-remove-flow-logs", Key.of("ec2:DeleteFlowLogs")),
            Map.entry("discovery.ec2-download-user-data", Key.of("ec2:DescribeInstanceAttribute")),
            Map.entry("execution.ec2-launch-unusual-instances", Key.of("ec2:RunInstances")
                    .elsewhere(Tactic.DEFENSE_EVASION, "ATT&CK has no Execution technique for launching instances;"
                            + " T1578.002 Create Cloud Instance, or T1496.001 Compute Hijacking (Impact) once the"
                            + " model carries the instance type")),
            Map.entry("execution.ec2-user-data", Key.of("ec2:ModifyInstanceAttribute")),
            Map.entry("execution.ssm-send-command", Key.of("ssm:SendCommand")),
            Map.entry("execution.ssm-start-session", Key.of("ssm:StartSession")),
            Map.entry("exfiltration.ec2-security-group-open-port-22-ingress",
                    Key.of("ec2:AuthorizeSecurityGroupIngress").elsewhere(Tactic.DEFENSE_EVASION,
                            "ATT&CK files opening a cloud firewall as T1562.007 Impair Defenses, which may enable"
                                    + " exfiltration")),
            Map.entry("exfiltration.ec2-share-ami", Key.of("ec2:ModifyImageAttribute")),
            Map.entry("exfiltration.ec2-share-ebs-snapshot", Key.of("ec2:ModifySnapshotAttribute")),
            Map.entry("exfiltration.rds-share-snapshot", Key.of("rds:ModifyDBSnapshotAttribute")),
            Map.entry("impact.bedrock-invoke-model", Key.of("bedrock:InvokeModel")),
            Map.entry("initial-access.console-login-without-mfa", Key.of("signin:ConsoleLogin")),
            Map.entry("lateral-movement.ec2-instance-connect", Key.of("ec2-instance-connect:SendSSHPublicKey")),
            Map.entry("lateral-movement.ec2-serial-console-send-ssh-public-key",
                    Key.of("ec2-instance-connect:SendSerialConsoleSSHPublicKey")),
            Map.entry("persistence.iam-backdoor-role", Key.of("iam:UpdateAssumeRolePolicy")),
            Map.entry("persistence.iam-backdoor-user", Key.of("iam:CreateAccessKey")),
            Map.entry("persistence.iam-create-admin-user",
                    Key.of("iam:CreateUser", "iam:AttachUserPolicy", "iam:CreateAccessKey")),
            Map.entry("persistence.iam-create-backdoor-role", Key.of("iam:AttachRolePolicy")),
            Map.entry("persistence.iam-create-user-login-profile", Key.of("iam:CreateLoginProfile")),
            Map.entry("persistence.lambda-backdoor-function", Key.of("lambda:AddPermission")),
            Map.entry("persistence.lambda-layer-extension", Key.of("lambda:UpdateFunctionConfiguration")),
            Map.entry("persistence.lambda-overwrite-code", Key.of("lambda:UpdateFunctionCode")),
            Map.entry("persistence.rolesanywhere-create-trust-anchor", Key.of("rolesanywhere:CreateTrustAnchor")),
            Map.entry("persistence.sts-federation-token", Key.of("sts:GetFederationToken")),
            Map.entry("privilege-escalation.iam-update-user-login-profile", Key.of("iam:UpdateLoginProfile")));

    @Test
    void everyDetonationsKeyCallsMapToATechniqueOfItsTactic() throws IOException {
        Path dir = SharedData.require("stratus-red-team-detonation-logs");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().startsWith("aws.")).sorted().toList();
        }
        assertEquals(35, files.size(), "the 35 technique files");
        ApiTechniques techniques = ApiTechniques.builtIn();
        int sameTactic = 0;
        List<String> report = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String technique = name.substring("aws.".length(), name.length() - ".json".length());
            Tactic named = Tactic.find(technique.substring(0, technique.indexOf('.'))).orElseThrow();
            Key key = KEYS.get(technique);
            assertNotNull(key, "key calls of " + technique);
            List<ApiCall> calls = new ArrayList<>();
            IngestReport read = AwsLogs.read(file).into(e -> calls.add((ApiCall) e));
            assertEquals(0, read.errors(), name + ": " + read);
            Tactic expected = key.attackTactic() == null ? named : key.attackTactic();
            Set<String> mapped = new LinkedHashSet<>();
            boolean allNamed = true;
            for (String method : key.calls()) {
                List<ApiCall> made = calls.stream().filter(c -> is(c, method)).toList();
                assertFalse(made.isEmpty(), name + " calls " + method);
                for (ApiCall call : made) {
                    List<TechniqueMatch> matches = techniques.match(call);
                    assertEquals(1, matches.size(), name + " " + method + ": " + matches);
                    assertEquals(expected, matches.get(0).tactic(), name + " " + method + ": " + matches);
                    mapped.add(method + " " + matches.get(0).technique());
                    allNamed &= matches.get(0).tactic() == named;
                }
            }
            if (allNamed) {
                sameTactic++;
            }
            Set<String> others = new LinkedHashSet<>();
            for (ApiCall call : calls) {
                if (key.calls().stream().noneMatch(m -> is(call, m))) {
                    techniques.match(call).forEach(m -> others.add(call.service() + ":" + call.eventName() + " "
                            + m.technique().id()));
                }
            }
            report.add(String.format("%-58s %-20s %s%s%s", technique, named.displayName(), String.join("; ", mapped),
                    key.attackTactic() == null ? "" : "  [ATT&CK: " + expected.displayName() + ": " + key.why() + "]",
                    others.isEmpty() ? "" : "  (other calls: " + String.join(", ", others) + ")"));
            assertEquals(List.of(), bursts(techniques, calls), name + ": a detonation this small is no burst");
        }
        System.out.printf("Stratus techniques: key calls of %d/%d detonations map to a technique; %d/%d to the"
                + " tactic their file names, %d to the tactic ATT&CK files the technique under%n", files.size(),
                files.size(), sameTactic, files.size(), files.size() - sameTactic);
        report.forEach(line -> System.out.println("  " + line));
        assertEquals(32, sameTactic, "the three documented exceptions, no more");
    }

    /** Whether a call is of a method written {@code service:Method}, ignoring Lambda's API version suffix. */
    static boolean is(ApiCall call, String method) {
        int colon = method.indexOf(':');
        String name = method.substring(colon + 1);
        return call.service().equals(method.substring(0, colon))
                && (call.eventName().equals(name) || call.eventName().matches(name + "\\d{8}(v\\d+)?"));
    }

    /** The discovery bursts of a detonation, per principal and clock hour, as the behavior graph's hours cut it. */
    static List<TechniqueMatch> bursts(ApiTechniques techniques, List<ApiCall> calls) {
        Map<String, Set<ApiMethod>> windows = new LinkedHashMap<>();
        for (ApiCall call : calls) {
            String window = call.principal().principalId() + "@" + call.eventTime().truncatedTo(ChronoUnit.HOURS);
            windows.computeIfAbsent(window, w -> new LinkedHashSet<>()).add(ApiMethod.of(call));
        }
        List<TechniqueMatch> out = new ArrayList<>();
        windows.values().forEach(methods -> out.addAll(techniques.matchDiscoveryBurst(methods)));
        return out;
    }
}
