package io.github.detective4j.attack;

import static io.github.detective4j.attack.Tactic.COMMAND_AND_CONTROL;
import static io.github.detective4j.attack.Tactic.CREDENTIAL_ACCESS;
import static io.github.detective4j.attack.Tactic.DEFENSE_EVASION;
import static io.github.detective4j.attack.Tactic.DISCOVERY;
import static io.github.detective4j.attack.Tactic.EXECUTION;
import static io.github.detective4j.attack.Tactic.EXFILTRATION;
import static io.github.detective4j.attack.Tactic.IMPACT;
import static io.github.detective4j.attack.Tactic.INITIAL_ACCESS;
import static io.github.detective4j.attack.Tactic.LATERAL_MOVEMENT;
import static io.github.detective4j.attack.Tactic.PERSISTENCE;
import static io.github.detective4j.attack.Tactic.PRIVILEGE_ESCALATION;
import static io.github.detective4j.attack.Tactic.RECONNAISSANCE;

/**
 * The techniques the built-in mappings use, with ids and names as ATT&amp;CK Enterprise (v16 to v18) gives them
 * on attack.mitre.org; where ATT&amp;CK lists a technique under several tactics, the constant's name says which
 * one it stands for.
 */
final class Techniques {
    private Techniques() {}

    // Defense Evasion
    static final Technique CLOUD_LOGS =
            new Technique("T1562.008", "Impair Defenses: Disable or Modify Cloud Logs", DEFENSE_EVASION);
    static final Technique SECURITY_TOOLS =
            new Technique("T1562.001", "Impair Defenses: Disable or Modify Tools", DEFENSE_EVASION);
    static final Technique CLOUD_FIREWALL =
            new Technique("T1562.007", "Impair Defenses: Disable or Modify Cloud Firewall", DEFENSE_EVASION);
    static final Technique RESOURCE_HIERARCHY =
            new Technique("T1666", "Modify Cloud Resource Hierarchy", DEFENSE_EVASION);
    static final Technique CREATE_CLOUD_INSTANCE =
            new Technique("T1578.002", "Modify Cloud Compute Infrastructure: Create Cloud Instance", DEFENSE_EVASION);

    // Initial Access, Persistence, Privilege Escalation
    static final Technique CLOUD_ACCOUNTS_LOGIN =
            new Technique("T1078.004", "Valid Accounts: Cloud Accounts", INITIAL_ACCESS);
    static final Technique CREATE_CLOUD_ACCOUNT =
            new Technique("T1136.003", "Create Account: Cloud Account", PERSISTENCE);
    static final Technique CLOUD_CREDENTIALS =
            new Technique("T1098.001", "Account Manipulation: Additional Cloud Credentials", PERSISTENCE);
    static final Technique CLOUD_ROLES =
            new Technique("T1098.003", "Account Manipulation: Additional Cloud Roles", PERSISTENCE);
    static final Technique CLOUD_ROLES_ESCALATION =
            new Technique("T1098.003", "Account Manipulation: Additional Cloud Roles", PRIVILEGE_ESCALATION);
    static final Technique ACCOUNT_MANIPULATION = new Technique("T1098", "Account Manipulation", PERSISTENCE);
    static final Technique ACCOUNT_TAKEOVER = new Technique("T1098", "Account Manipulation", PRIVILEGE_ESCALATION);
    static final Technique EVENT_TRIGGERED = new Technique("T1546", "Event Triggered Execution", PERSISTENCE);

    // Execution
    static final Technique CLOUD_ADMINISTRATION_COMMAND =
            new Technique("T1651", "Cloud Administration Command", EXECUTION);
    static final Technique CLOUD_API =
            new Technique("T1059.009", "Command and Scripting Interpreter: Cloud API", EXECUTION);
    static final Technique SERVERLESS_EXECUTION = new Technique("T1648", "Serverless Execution", EXECUTION);

    // Credential Access
    static final Technique CLOUD_SECRETS = new Technique("T1555.006",
            "Credentials from Password Stores: Cloud Secrets Management Stores", CREDENTIAL_ACCESS);
    static final Technique UNSECURED_CREDENTIALS =
            new Technique("T1552", "Unsecured Credentials", CREDENTIAL_ACCESS);
    static final Technique INSTANCE_METADATA =
            new Technique("T1552.005", "Unsecured Credentials: Cloud Instance Metadata API", CREDENTIAL_ACCESS);
    static final Technique BRUTE_FORCE = new Technique("T1110", "Brute Force", CREDENTIAL_ACCESS);
    static final Technique PASSWORD_GUESSING =
            new Technique("T1110.001", "Brute Force: Password Guessing", CREDENTIAL_ACCESS);
    static final Technique MFA_MODIFICATION = new Technique("T1556.006",
            "Modify Authentication Process: Multi-Factor Authentication", CREDENTIAL_ACCESS);

    // Reconnaissance, Discovery
    static final Technique ACTIVE_SCANNING = new Technique("T1595", "Active Scanning", RECONNAISSANCE);
    static final Technique CLOUD_ACCOUNT_DISCOVERY =
            new Technique("T1087.004", "Account Discovery: Cloud Account", DISCOVERY);
    static final Technique CLOUD_INFRASTRUCTURE_DISCOVERY =
            new Technique("T1580", "Cloud Infrastructure Discovery", DISCOVERY);
    static final Technique CLOUD_SERVICE_DISCOVERY = new Technique("T1526", "Cloud Service Discovery", DISCOVERY);
    static final Technique NETWORK_SERVICE_DISCOVERY =
            new Technique("T1046", "Network Service Discovery", DISCOVERY);

    // Lateral Movement
    static final Technique ACCESS_TOKEN = new Technique("T1550.001",
            "Use Alternate Authentication Material: Application Access Token", LATERAL_MOVEMENT);
    static final Technique CLOUD_VM_CONNECTIONS =
            new Technique("T1021.008", "Remote Services: Direct Cloud VM Connections", LATERAL_MOVEMENT);

    // Command and Control, Exfiltration, Impact
    static final Technique DOMAIN_GENERATION = new Technique("T1568.002",
            "Dynamic Resolution: Domain Generation Algorithms", COMMAND_AND_CONTROL);
    static final Technique TRANSFER_TO_CLOUD_ACCOUNT =
            new Technique("T1537", "Transfer Data to Cloud Account", EXFILTRATION);
    static final Technique COMPUTE_HIJACKING =
            new Technique("T1496.001", "Resource Hijacking: Compute Hijacking", IMPACT);
    static final Technique CLOUD_SERVICE_HIJACKING =
            new Technique("T1496.004", "Resource Hijacking: Cloud Service Hijacking", IMPACT);
    static final Technique DATA_DESTRUCTION = new Technique("T1485", "Data Destruction", IMPACT);
    static final Technique LIFECYCLE_DELETION =
            new Technique("T1485.001", "Data Destruction: Lifecycle-Triggered Deletion", IMPACT);
}
