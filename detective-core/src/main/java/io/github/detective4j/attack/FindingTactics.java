package io.github.detective4j.attack;

import static io.github.detective4j.attack.Tactic.COMMAND_AND_CONTROL;
import static io.github.detective4j.attack.Tactic.CREDENTIAL_ACCESS;
import static io.github.detective4j.attack.Tactic.DEFENSE_EVASION;
import static io.github.detective4j.attack.Tactic.DISCOVERY;
import static io.github.detective4j.attack.Tactic.EXECUTION;
import static io.github.detective4j.attack.Tactic.EXFILTRATION;
import static io.github.detective4j.attack.Tactic.IMPACT;
import static io.github.detective4j.attack.Tactic.INITIAL_ACCESS;
import static io.github.detective4j.attack.Tactic.PERSISTENCE;
import static io.github.detective4j.attack.Tactic.PRIVILEGE_ESCALATION;
import static io.github.detective4j.attack.Tactic.RECONNAISSANCE;
import static io.github.detective4j.attack.Techniques.ACTIVE_SCANNING;
import static io.github.detective4j.attack.Techniques.BRUTE_FORCE;
import static io.github.detective4j.attack.Techniques.CLOUD_ACCOUNTS_LOGIN;
import static io.github.detective4j.attack.Techniques.CLOUD_LOGS;
import static io.github.detective4j.attack.Techniques.COMPUTE_HIJACKING;
import static io.github.detective4j.attack.Techniques.DOMAIN_GENERATION;
import static io.github.detective4j.attack.Techniques.INSTANCE_METADATA;
import static io.github.detective4j.attack.Techniques.NETWORK_SERVICE_DISCOVERY;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which ATT&amp;CK tactic, and where the type says it which technique, a GuardDuty finding type or a Security Hub
 * (ASFF) finding type stands for.
 *
 * <pre>{@code
 * FindingTactics tactics = FindingTactics.builtIn();
 * tactics.tactic("Stealth:IAMUser/CloudTrailLoggingDisabled");        // DEFENSE_EVASION
 * tactics.match("CryptoCurrency:EC2/BitcoinTool.B!DNS");              // T1496.001 Resource Hijacking: Compute ...
 * tactics.tactic("TTPs/Defense Evasion/CloudTrailStopped");           // DEFENSE_EVASION, as Security Hub says
 * FindingTactics.namespace("UnauthorizedAccess:IAMUser/TorIPCaller"); // "UnauthorizedAccess"
 * }</pre>
 *
 * <h2>GuardDuty</h2>
 * A GuardDuty type reads {@code ThreatPurpose:ResourceTypeAffected/ThreatFamilyName.DetectionMechanism!Artifact}.
 * The threat purpose decides the tactic unless a row for the resource type or the threat family (detection
 * mechanism and artifact do not count) says otherwise; the most specific row wins: purpose, resource and family;
 * then purpose and family on any resource; then purpose and resource; then the purpose. Purposes match whatever
 * their case, since GuardDuty's documentation and its types spell some differently ({@code Cryptocurrency},
 * {@code CryptoCurrency}). The rows, per threat purpose as GuardDuty documents them:
 * <table>
 *   <caption>GuardDuty threat purposes, tactics and techniques</caption>
 *   <tr><th>threat purpose</th><th>tactic</th><th>more specific rows</th></tr>
 *   <tr><td>{@code Backdoor}</td><td>Command and Control: the resource contacts its command-and-control
 *       server</td><td>{@code Backdoor:*}{@code /DenialOfService}, {@code Backdoor:*}{@code /Spambot}: Impact,
 *       the resource is used against others</td></tr>
 *   <tr><td>{@code Behavior}</td><td>none: a departure from the baseline does not say what for</td><td></td></tr>
 *   <tr><td>{@code CredentialAccess}</td><td>Credential Access</td><td></td></tr>
 *   <tr><td>{@code CryptoCurrency}</td><td>Impact, T1496.001 Resource Hijacking: Compute Hijacking</td>
 *       <td></td></tr>
 *   <tr><td>{@code DefenseEvasion}</td><td>Defense Evasion</td><td></td></tr>
 *   <tr><td>{@code Discovery}</td><td>Discovery</td><td></td></tr>
 *   <tr><td>{@code Execution}</td><td>Execution</td><td></td></tr>
 *   <tr><td>{@code Exfiltration}</td><td>Exfiltration</td><td></td></tr>
 *   <tr><td>{@code Impact}</td><td>Impact</td><td>{@code Impact:*}{@code /BitcoinDomainRequest},
 *       {@code Impact:*}{@code /CryptoMinerExecuted}: T1496.001; {@code Impact:EC2/WinRMBruteForce}: T1110 Brute
 *       Force, Credential Access; {@code Impact:EC2/PortSweep}: T1046 Network Service Discovery, Discovery</td></tr>
 *   <tr><td>{@code InitialAccess}</td><td>Initial Access</td><td></td></tr>
 *   <tr><td>{@code PenTest}</td><td>none: a penetration-testing system made the calls, at no stage in
 *       particular</td><td></td></tr>
 *   <tr><td>{@code Persistence}</td><td>Persistence</td><td></td></tr>
 *   <tr><td>{@code Policy}</td><td>none: a departure from best practice, not an adversary's goal</td><td></td></tr>
 *   <tr><td>{@code PrivilegeEscalation}</td><td>Privilege Escalation</td><td></td></tr>
 *   <tr><td>{@code Recon}</td><td>Reconnaissance</td><td>{@code Recon:EC2/PortProbeUnprotectedPort},
 *       {@code Recon:EC2/PortProbeEMRUnprotectedPort}: T1595 Active Scanning; {@code Recon:EC2/Portscan}: T1046
 *       Network Service Discovery, Discovery (the instance scans others); {@code Recon:IAMUser}: Discovery (API
 *       calls listing the account)</td></tr>
 *   <tr><td>{@code Stealth}</td><td>Defense Evasion</td><td>{@code Stealth:IAMUser/CloudTrailLoggingDisabled},
 *       {@code Stealth:S3/ServerAccessLoggingDisabled}, {@code Stealth:IAMUser/LoggingConfigurationModified}:
 *       T1562.008 Impair Defenses: Disable or Modify Cloud Logs</td></tr>
 *   <tr><td>{@code Trojan}</td><td>Command and Control</td><td>{@code Trojan:*}{@code /DGADomainRequest}:
 *       T1568.002 Dynamic Resolution: Domain Generation Algorithms; {@code Trojan:*}{@code /DNSDataExfiltration},
 *       {@code Trojan:*}{@code /DropPoint}: Exfiltration</td></tr>
 *   <tr><td>{@code UnauthorizedAccess}</td><td>Initial Access</td><td>{@code UnauthorizedAccess:EC2},
 *       {@code UnauthorizedAccess:Lambda}, {@code UnauthorizedAccess:*}{@code /TorClient},
 *       {@code UnauthorizedAccess:*}{@code /TorRelay}: Command and Control (the resource talks to Tor or a listed
 *       address), but {@code UnauthorizedAccess:EC2/TorIPCaller} (retired: reached from Tor) Initial Access;
 *       {@code UnauthorizedAccess:*}{@code /SSHBruteForce},
 *       {@code UnauthorizedAccess:*}{@code /RDPBruteForce}: T1110 Brute Force, Credential Access;
 *       {@code UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration},
 *       {@code UnauthorizedAccess:IAMUser/ResourceCredentialExfiltration},
 *       {@code UnauthorizedAccess:*}{@code /MetadataDNSRebind}: T1552.005 Unsecured Credentials: Cloud Instance
 *       Metadata API, Credential Access; {@code UnauthorizedAccess:IAMUser/ConsoleLoginSuccess}: T1078.004 Valid
 *       Accounts: Cloud Accounts</td></tr>
 *   <tr><td>{@code AttackSequence}</td><td>none: a sequence spans tactics, which the finding lists</td>
 *       <td></td></tr>
 *   <tr><td>{@code Object}</td><td>none: a malicious object was stored, at no stage in particular</td><td></td></tr>
 *   <tr><td>{@code ResourceConsumption}</td><td>Impact (retired purpose)</td><td></td></tr>
 * </table>
 *
 * <h2>Security Hub</h2>
 * An ASFF type reads {@code namespace/category/classifier}. In the {@code TTPs} namespace the category is the
 * ATT&amp;CK tactic; in {@code Effects}, {@code Data Exfiltration} is Exfiltration and {@code Data Destruction},
 * {@code Denial of Service} and {@code Resource Consumption} are Impact, while {@code Data Exposure} has no
 * tactic; {@code Software and Configuration Checks}, {@code Unusual Behaviors} and {@code Sensitive Data
 * Identifications} have none. When the classifier is a GuardDuty type, as GuardDuty writes them into ASFF with
 * {@code -} for {@code /} ({@code TTPs/Defense Evasion/Stealth:IAMUser-CloudTrailLoggingDisabled}, or with no
 * category at all: {@code TTPs/Discovery:S3-AnomalousBehavior}; {@code .} in older findings), the GuardDuty
 * type decides wherever it names a tactic, so that a finding reads the same whichever way it arrived; where it names
 * none ({@code PenTest}, {@code Policy}), the namespace and category do.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FindingTactics {
    private static final FindingTactics BUILT_IN = new FindingTactics();
    private static final String ANY = "*";

    /** GuardDuty rows keyed by {@code purpose:resource/family}, lower case, {@code *} for any. */
    private final Map<String, Row> rows = new HashMap<>();
    /** The threat purposes with a row of their own, as written. */
    private final Set<String> purposes = new LinkedHashSet<>();

    private FindingTactics() {
        purpose("Backdoor", COMMAND_AND_CONTROL, "GuardDuty saw the resource contact a command-and-control server");
        tacticRow("Backdoor", ANY, "DenialOfService", IMPACT,
                "GuardDuty saw the resource take part in a denial of service");
        tacticRow("Backdoor", ANY, "Spambot", IMPACT, "GuardDuty saw the resource send spam");
        purpose("Behavior", null, "GuardDuty saw the resource depart from its baseline");
        purpose("CredentialAccess", CREDENTIAL_ACCESS, "GuardDuty saw patterns of credential theft");
        purposes.add("CryptoCurrency");
        techniqueRow("CryptoCurrency", ANY, ANY, COMPUTE_HIJACKING, "GuardDuty saw the resource mine cryptocurrency");
        purpose("DefenseEvasion", DEFENSE_EVASION, "GuardDuty saw patterns of defense evasion");
        purpose("Discovery", DISCOVERY, "GuardDuty saw patterns of discovery");
        purpose("Execution", EXECUTION, "GuardDuty saw suspicious execution");
        purpose("Exfiltration", EXFILTRATION, "GuardDuty saw patterns of exfiltration");
        purpose("Impact", IMPACT, "GuardDuty saw patterns of impact");
        techniqueRow("Impact", ANY, "BitcoinDomainRequest", COMPUTE_HIJACKING,
                "GuardDuty saw the resource query a cryptocurrency domain");
        techniqueRow("Impact", ANY, "CryptoMinerExecuted", COMPUTE_HIJACKING,
                "GuardDuty saw a cryptocurrency miner run");
        techniqueRow("Impact", "EC2", "WinRMBruteForce", BRUTE_FORCE, "GuardDuty saw WinRM brute force");
        techniqueRow("Impact", "EC2", "PortSweep", NETWORK_SERVICE_DISCOVERY, "GuardDuty saw a port sweep");
        purpose("InitialAccess", INITIAL_ACCESS, "GuardDuty saw patterns of initial access");
        purpose("PenTest", null, "GuardDuty saw calls from a penetration-testing system");
        purpose("Persistence", PERSISTENCE, "GuardDuty saw patterns of persistence");
        purpose("Policy", null, "GuardDuty saw a departure from best practice");
        purpose("PrivilegeEscalation", PRIVILEGE_ESCALATION, "GuardDuty saw patterns of privilege escalation");
        purpose("Recon", RECONNAISSANCE, "GuardDuty saw reconnaissance");
        techniqueRow("Recon", "EC2", "PortProbeUnprotectedPort", ACTIVE_SCANNING,
                "GuardDuty saw an unprotected port probed");
        techniqueRow("Recon", "EC2", "PortProbeEMRUnprotectedPort", ACTIVE_SCANNING,
                "GuardDuty saw an unprotected EMR port probed");
        techniqueRow("Recon", "EC2", "Portscan", NETWORK_SERVICE_DISCOVERY, "GuardDuty saw the instance scan ports");
        tacticRow("Recon", "IAMUser", ANY, DISCOVERY, "GuardDuty saw API calls that list the account");
        purpose("Stealth", DEFENSE_EVASION, "GuardDuty saw an attempt to hide activity");
        techniqueRow("Stealth", "IAMUser", "CloudTrailLoggingDisabled", CLOUD_LOGS,
                "GuardDuty saw CloudTrail logging disabled");
        techniqueRow("Stealth", "S3", "ServerAccessLoggingDisabled", CLOUD_LOGS,
                "GuardDuty saw S3 server access logging disabled");
        techniqueRow("Stealth", "IAMUser", "LoggingConfigurationModified", CLOUD_LOGS,
                "GuardDuty saw logging configuration changed");
        purpose("Trojan", COMMAND_AND_CONTROL, "GuardDuty saw the resource talk to trojan infrastructure");
        techniqueRow("Trojan", ANY, "DGADomainRequest", DOMAIN_GENERATION,
                "GuardDuty saw queries of algorithmically generated domains");
        tacticRow("Trojan", ANY, "DNSDataExfiltration", EXFILTRATION, "GuardDuty saw data exfiltrated over DNS");
        tacticRow("Trojan", ANY, "DropPoint", EXFILTRATION, "GuardDuty saw the resource talk to a drop point");
        purpose("UnauthorizedAccess", INITIAL_ACCESS, "GuardDuty saw unauthorized access");
        tacticRow("UnauthorizedAccess", "EC2", ANY, COMMAND_AND_CONTROL,
                "GuardDuty saw the instance talk to Tor or a listed address");
        tacticRow("UnauthorizedAccess", "Lambda", ANY, COMMAND_AND_CONTROL,
                "GuardDuty saw the function talk to Tor or a listed address");
        // retired, but in old exports: inbound connections from a Tor exit node, an entry, not a channel out
        tacticRow("UnauthorizedAccess", "EC2", "TorIPCaller", INITIAL_ACCESS,
                "GuardDuty saw the instance reached from Tor exit nodes");
        tacticRow("UnauthorizedAccess", ANY, "TorClient", COMMAND_AND_CONTROL,
                "GuardDuty saw the resource talk to Tor");
        tacticRow("UnauthorizedAccess", ANY, "TorRelay", COMMAND_AND_CONTROL, "GuardDuty saw the resource relay Tor");
        techniqueRow("UnauthorizedAccess", ANY, "SSHBruteForce", BRUTE_FORCE, "GuardDuty saw SSH brute force");
        techniqueRow("UnauthorizedAccess", ANY, "RDPBruteForce", BRUTE_FORCE, "GuardDuty saw RDP brute force");
        techniqueRow("UnauthorizedAccess", "IAMUser", "InstanceCredentialExfiltration", INSTANCE_METADATA,
                "GuardDuty saw an instance's credentials used elsewhere");
        techniqueRow("UnauthorizedAccess", "IAMUser", "ResourceCredentialExfiltration", INSTANCE_METADATA,
                "GuardDuty saw a resource's credentials used elsewhere");
        techniqueRow("UnauthorizedAccess", ANY, "MetadataDNSRebind", INSTANCE_METADATA,
                "GuardDuty saw the metadata service reached through DNS rebinding");
        techniqueRow("UnauthorizedAccess", "IAMUser", "ConsoleLoginSuccess", CLOUD_ACCOUNTS_LOGIN,
                "GuardDuty saw console logins from around the world");
        purpose("AttackSequence", null, "GuardDuty saw an attack sequence");
        purpose("Object", null, "GuardDuty saw a malicious object");
        purpose("ResourceConsumption", IMPACT, "GuardDuty saw unusual resource consumption");
    }

    /**
     * Returns the built-in mapping described above.
     *
     * @return the mapping
     */
    public static FindingTactics builtIn() {
        return BUILT_IN;
    }

    /**
     * Returns the namespace of a finding type: a GuardDuty type's threat purpose, an ASFF type's namespace.
     *
     * @param findingType a finding type
     * @return for example {@code Stealth} for {@code Stealth:IAMUser/CloudTrailLoggingDisabled}, {@code TTPs} for
     *     {@code TTPs/Defense Evasion/CloudTrailStopped}; the whole type when it has neither separator
     * @throws NullPointerException if the type is null
     */
    public static String namespace(String findingType) {
        Objects.requireNonNull(findingType, "finding type");
        int end = isGuardDuty(findingType) ? findingType.indexOf(':') : findingType.indexOf('/');
        return (end < 0 ? findingType : findingType.substring(0, end)).trim();
    }

    /**
     * Returns the technique a finding type names, where it names one.
     *
     * @param findingType a GuardDuty or ASFF finding type
     * @return the technique and the procedure in words, or empty when the type names only a tactic or none
     * @throws NullPointerException if the type is null
     */
    public Optional<TechniqueMatch> match(String findingType) {
        Row row = guardDutyRow(findingType);
        return row == null || row.technique() == null ? Optional.empty()
                : Optional.of(new TechniqueMatch(row.technique(), row.procedure() + " (" + guardDutyType(findingType)
                        + ")"));
    }

    /**
     * Returns the tactic a finding type stands for.
     *
     * @param findingType a GuardDuty or ASFF finding type
     * @return the tactic, or empty when the type stands for none (see the tables above) or is not of either shape
     * @throws NullPointerException if the type is null
     */
    public Optional<Tactic> tactic(String findingType) {
        Row row = guardDutyRow(findingType);
        if (row != null && row.tactic() != null) {
            return Optional.of(row.tactic());
        }
        if (isGuardDuty(findingType)) {
            return Optional.empty();
        }
        String[] parts = findingType.split("/", 3);
        String category = parts.length > 1 ? parts[1].trim() : "";
        switch (parts[0].trim()) {
            case "TTPs":
                return Tactic.find(category);
            case "Effects":
                switch (category) {
                    case "Data Exfiltration":
                        return Optional.of(EXFILTRATION);
                    case "Data Destruction":
                    case "Denial of Service":
                    case "Resource Consumption":
                        return Optional.of(IMPACT);
                    default:
                        return Optional.empty();
                }
            default:
                return Optional.empty();
        }
    }

    /** The threat purposes with a row of their own: the test holds them against the Javadoc table. */
    Set<String> purposes() {
        return purposes;
    }

    /** Tells whether a row covers the type's threat purpose: the test's check that no purpose was forgotten. */
    boolean knows(String findingType) {
        return guardDutyRow(findingType) != null;
    }

    /** The row for a GuardDuty type, or for the GuardDuty type an ASFF type carries; null when there is none. */
    private Row guardDutyRow(String findingType) {
        String type = guardDutyType(findingType);
        if (type == null) {
            return null;
        }
        int colon = type.indexOf(':');
        int slash = type.indexOf('/', colon);
        String purpose = type.substring(0, colon).trim();
        String resource = slash < 0 ? ANY : type.substring(colon + 1, slash);
        String family = slash < 0 ? ANY : familyOnly(type.substring(slash + 1));
        for (String key : new String[] {key(purpose, resource, family), key(purpose, ANY, family),
                key(purpose, resource, ANY), key(purpose, ANY, ANY)}) {
            Row row = rows.get(key);
            if (row != null) {
                return row;
            }
        }
        return null;
    }

    /**
     * The GuardDuty type a finding type is or carries: the type itself, or the GuardDuty type after an ASFF
     * namespace and category ({@code TTPs/Defense Evasion/Stealth:IAMUser-CloudTrailLoggingDisabled}) or after the
     * namespace alone ({@code TTPs/Discovery:S3-AnomalousBehavior}, as GuardDuty writes many types into Security
     * Hub), its resource type's separator ({@code -}, or {@code .} in older findings) turned back into {@code /};
     * null for neither.
     */
    private static String guardDutyType(String findingType) {
        Objects.requireNonNull(findingType, "finding type");
        if (isGuardDuty(findingType)) {
            return findingType;
        }
        int namespaceEnd = findingType.indexOf('/');
        if (namespaceEnd < 0) {
            return null;
        }
        String classifier = findingType.substring(namespaceEnd + 1);
        if (!isGuardDuty(classifier)) {
            int categoryEnd = classifier.indexOf('/');
            if (categoryEnd < 0 || !isGuardDuty(classifier.substring(categoryEnd + 1))) {
                return null;
            }
            classifier = classifier.substring(categoryEnd + 1);
        }
        if (classifier.indexOf('/') >= 0) {
            return classifier;
        }
        int colon = classifier.indexOf(':');
        int separator = classifier.indexOf('-', colon);
        if (separator < 0) {
            separator = classifier.indexOf('.', colon); // resource types hold no dot: Backdoor:EC2.C&CActivity.B
        }
        return separator < 0 ? classifier
                : classifier.substring(0, separator) + "/" + classifier.substring(separator + 1);
    }

    /**
     * Tells whether a finding type is in GuardDuty's form ({@code ThreatPurpose:ResourceTypeAffected/...}: the
     * purpose before a colon that comes before any slash) rather than ASFF's ({@code namespace/category/...}).
     *
     * @param type a finding type
     * @return true for {@code Backdoor:EC2/C&CActivity.B}, false for {@code TTPs/Command and Control/...}
     * @throws NullPointerException if the type is null
     */
    public static boolean isGuardDutyType(String type) {
        return isGuardDuty(type);
    }

    /** GuardDuty's types put the purpose before a colon that comes before any slash. */
    private static boolean isGuardDuty(String type) {
        int colon = type.indexOf(':');
        int slash = type.indexOf('/');
        return colon > 0 && (slash < 0 || colon < slash);
    }

    /** {@code InstanceCredentialExfiltration.OutsideAWS} and {@code C&CActivity.B!DNS}: the family alone. */
    private static String familyOnly(String familyAndMore) {
        int end = familyAndMore.length();
        for (int i = 0; i < familyAndMore.length(); i++) {
            char c = familyAndMore.charAt(i);
            if (c == '.' || c == '!') {
                end = i;
                break;
            }
        }
        return familyAndMore.substring(0, end);
    }

    private static String key(String purpose, String resource, String family) {
        return (purpose + ":" + resource + "/" + family).toLowerCase(Locale.ROOT);
    }

    private void purpose(String purpose, Tactic tactic, String procedure) {
        purposes.add(purpose);
        tacticRow(purpose, ANY, ANY, tactic, procedure);
    }

    private void tacticRow(String purpose, String resource, String family, Tactic tactic, String procedure) {
        rows.put(key(purpose, resource, family), new Row(tactic, null, procedure));
    }

    private void techniqueRow(String purpose, String resource, String family, Technique technique,
            String procedure) {
        rows.put(key(purpose, resource, family), new Row(technique.tactic(), technique, procedure));
    }

    /** A row: the tactic (null for none), the technique (null for none), what GuardDuty saw. */
    private record Row(Tactic tactic, Technique technique, String procedure) {}
}
