package io.github.detective4j.attack;

import static io.github.detective4j.attack.Techniques.ACCESS_TOKEN;
import static io.github.detective4j.attack.Techniques.ACCOUNT_MANIPULATION;
import static io.github.detective4j.attack.Techniques.ACCOUNT_TAKEOVER;
import static io.github.detective4j.attack.Techniques.CLOUD_ACCOUNTS_LOGIN;
import static io.github.detective4j.attack.Techniques.CLOUD_ACCOUNT_DISCOVERY;
import static io.github.detective4j.attack.Techniques.CLOUD_ADMINISTRATION_COMMAND;
import static io.github.detective4j.attack.Techniques.CLOUD_API;
import static io.github.detective4j.attack.Techniques.CLOUD_CREDENTIALS;
import static io.github.detective4j.attack.Techniques.CLOUD_FIREWALL;
import static io.github.detective4j.attack.Techniques.CLOUD_INFRASTRUCTURE_DISCOVERY;
import static io.github.detective4j.attack.Techniques.CLOUD_LOGS;
import static io.github.detective4j.attack.Techniques.CLOUD_ROLES;
import static io.github.detective4j.attack.Techniques.CLOUD_ROLES_ESCALATION;
import static io.github.detective4j.attack.Techniques.CLOUD_SECRETS;
import static io.github.detective4j.attack.Techniques.CLOUD_SERVICE_DISCOVERY;
import static io.github.detective4j.attack.Techniques.CLOUD_SERVICE_HIJACKING;
import static io.github.detective4j.attack.Techniques.CLOUD_VM_CONNECTIONS;
import static io.github.detective4j.attack.Techniques.CREATE_CLOUD_ACCOUNT;
import static io.github.detective4j.attack.Techniques.CREATE_CLOUD_INSTANCE;
import static io.github.detective4j.attack.Techniques.DATA_DESTRUCTION;
import static io.github.detective4j.attack.Techniques.EVENT_TRIGGERED;
import static io.github.detective4j.attack.Techniques.LIFECYCLE_DELETION;
import static io.github.detective4j.attack.Techniques.MFA_MODIFICATION;
import static io.github.detective4j.attack.Techniques.PASSWORD_GUESSING;
import static io.github.detective4j.attack.Techniques.RESOURCE_HIERARCHY;
import static io.github.detective4j.attack.Techniques.SECURITY_TOOLS;
import static io.github.detective4j.attack.Techniques.SERVERLESS_EXECUTION;
import static io.github.detective4j.attack.Techniques.TRANSFER_TO_CLOUD_ACCOUNT;
import static io.github.detective4j.attack.Techniques.UNSECURED_CREDENTIALS;

import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.PrincipalType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which MITRE ATT&amp;CK technique a CloudTrail API call carries out: a built-in, documented and overridable
 * mapping of API methods ({@code eventSource} and {@code eventName}) to techniques, with a condition where the
 * method alone says too little, and a rule for bursts of discovery calls.
 *
 * <pre>{@code
 * ApiTechniques techniques = ApiTechniques.builder()
 *     .from(ApiTechniques.builtIn())
 *     .unmap("ec2.amazonaws.com", "RunInstances")          // our autoscaling launches instances all day
 *     .map("ec2.amazonaws.com", "DeleteSnapshot",
 *          new Technique("T1485", "Data Destruction", Tactic.IMPACT), "DeleteSnapshot deletes an EBS snapshot")
 *     .build();
 * techniques.match(call);                                     // [T1562.008 ...: StopLogging stops a CloudTrail trail]
 * techniques.match("cloudtrail.amazonaws.com", "StopLogging"); // the same, from an hourly aggregate by method
 * }</pre>
 *
 * <h2>Matching</h2>
 * An event source may be given short ({@code cloudtrail} for {@code cloudtrail.amazonaws.com}); a trailing API
 * version in the event name, as Lambda writes them ({@code UpdateFunctionCode20150331v2}), is ignored. A failed call
 * matches like a successful one, because an attempt is evidence of the technique too (several of Stratus Red
 * Team's detonations are refused calls); callers count successes and failures apart. Most rules match the method
 * alone and are reachable through {@link #match(String, String)}, which is what a caller working from hourly
 * aggregates by method has; two need the call itself, and only {@link #match(ApiCall)} applies them:
 * {@code ConsoleLogin} (whether the login succeeded and used MFA) and {@code AssumeRole} (who assumed the role).
 *
 * <h2>Rules that match the method alone for now</h2>
 * Several rules would be sharper with a request parameter that {@link ApiCall} does not carry; until it does, they
 * match every call of the method, and the table says which parameter would narrow them: the policy attached
 * (AdministratorAccess), the CIDR and port opened ({@code 0.0.0.0/0}, 22), the account a snapshot or image is
 * shared with ({@code all}, or one outside the organization), the principal a bucket policy admits, the instance
 * type launched, {@code WithDecryption} on parameter reads, the attribute modified or read ({@code userData}), the
 * layers set on a function, what event selectors or a trail update leave out, whether a GuardDuty detector is
 * disabled or a filter archives, and whether a bucket's logging is turned off or its objects set to expire.
 *
 * <h2>The built-in table</h2>
 * Technique ids and names were checked against ATT&amp;CK Enterprise on attack.mitre.org and the Center for
 * Threat-Informed Defense's mappings explorer (v16.1 to v18); where the table cites an API method, ATT&amp;CK's own
 * technique text or detection strategy names it, unless the note says whose mapping it follows.
 * <table>
 *   <caption>Built-in API methods and techniques</caption>
 *   <tr><th>service</th><th>method</th><th>technique</th><th>tactic</th><th>condition, note</th></tr>
 *   <tr><td>{@code cloudtrail}</td><td>{@code StopLogging}</td><td>T1562.008</td><td>Defense Evasion</td>
 *       <td></td></tr>
 *   <tr><td>{@code cloudtrail}</td><td>{@code DeleteTrail}</td><td>T1562.008</td><td>Defense Evasion</td>
 *       <td></td></tr>
 *   <tr><td>{@code cloudtrail}</td><td>{@code UpdateTrail}</td><td>T1562.008</td><td>Defense Evasion</td>
 *       <td>method alone for now: which settings the update turns off</td></tr>
 *   <tr><td>{@code cloudtrail}</td><td>{@code PutEventSelectors}</td><td>T1562.008</td><td>Defense Evasion</td>
 *       <td>method alone for now: whether the selectors leave management events out</td></tr>
 *   <tr><td>{@code cloudtrail}</td><td>{@code DeleteEventDataStore}</td><td>T1562.008</td><td>Defense Evasion</td>
 *       <td>CloudTrail Lake</td></tr>
 *   <tr><td>{@code cloudtrail}</td><td>{@code StopEventDataStoreIngestion}</td><td>T1562.008</td>
 *       <td>Defense Evasion</td><td>CloudTrail Lake</td></tr>
 *   <tr><td>{@code s3}</td><td>{@code PutBucketLogging}</td><td>T1562.008</td><td>Defense Evasion</td>
 *       <td>method alone for now: whether the call turns access logging off</td></tr>
 *   <tr><td>{@code logs}</td><td>{@code DeleteLogGroup}</td><td>T1562.008</td><td>Defense Evasion</td>
 *       <td>method alone for now: which group (a trail's or a flow log's, or a build's)</td></tr>
 *   <tr><td>{@code bedrock}</td><td>{@code DeleteModelInvocationLoggingConfiguration}</td><td>T1562.008</td>
 *       <td>Defense Evasion</td><td>as GuardDuty's {@code DefenseEvasion:IAMUser/BedrockLoggingDisabled}</td></tr>
 *   <tr><td>{@code ec2}</td><td>{@code DeleteFlowLogs}</td><td>T1562.008</td><td>Defense Evasion</td><td></td></tr>
 *   <tr><td>{@code route53resolver}</td><td>{@code DeleteResolverQueryLogConfig}</td><td>T1562.008</td>
 *       <td>Defense Evasion</td><td></td></tr>
 *   <tr><td>{@code route53resolver}</td><td>{@code DisassociateResolverQueryLogConfig}</td><td>T1562.008</td>
 *       <td>Defense Evasion</td><td></td></tr>
 *   <tr><td>{@code guardduty}</td><td>{@code DeleteDetector}</td><td>T1562.001</td><td>Defense Evasion</td>
 *       <td></td></tr>
 *   <tr><td>{@code guardduty}</td><td>{@code UpdateDetector}</td><td>T1562.001</td><td>Defense Evasion</td>
 *       <td>method alone for now: whether it sets {@code Enable} false</td></tr>
 *   <tr><td>{@code guardduty}</td><td>{@code CreateIPSet}</td><td>T1562.001</td><td>Defense Evasion</td>
 *       <td>GuardDuty reports no finding for a trusted list's addresses</td></tr>
 *   <tr><td>{@code guardduty}</td><td>{@code UpdateIPSet}</td><td>T1562.001</td><td>Defense Evasion</td>
 *       <td>as {@code CreateIPSet}</td></tr>
 *   <tr><td>{@code guardduty}</td><td>{@code CreateFilter}</td><td>T1562.001</td><td>Defense Evasion</td>
 *       <td>method alone for now: whether its action is {@code ARCHIVE} (suppression)</td></tr>
 *   <tr><td>{@code guardduty}</td><td>{@code UpdateFilter}</td><td>T1562.001</td><td>Defense Evasion</td>
 *       <td>method alone for now: whether its action is {@code ARCHIVE}</td></tr>
 *   <tr><td>{@code guardduty}</td><td>{@code DisassociateMembers}</td><td>T1562.001</td><td>Defense Evasion</td>
 *       <td></td></tr>
 *   <tr><td>{@code guardduty}</td><td>{@code DisassociateFromMasterAccount}</td><td>T1562.001</td>
 *       <td>Defense Evasion</td><td></td></tr>
 *   <tr><td>{@code guardduty}</td><td>{@code DisassociateFromAdministratorAccount}</td><td>T1562.001</td>
 *       <td>Defense Evasion</td><td></td></tr>
 *   <tr><td>{@code guardduty}</td><td>{@code DeleteMembers}</td><td>T1562.001</td><td>Defense Evasion</td>
 *       <td></td></tr>
 *   <tr><td>{@code guardduty}</td><td>{@code StopMonitoringMembers}</td><td>T1562.001</td><td>Defense Evasion</td>
 *       <td></td></tr>
 *   <tr><td>{@code securityhub}</td><td>{@code DisableSecurityHub}</td><td>T1562.001</td><td>Defense Evasion</td>
 *       <td></td></tr>
 *   <tr><td>{@code securityhub}</td><td>{@code UpdateStandardsControl}</td><td>T1562.001</td>
 *       <td>Defense Evasion</td><td>method alone for now: whether it sets {@code ControlStatus} DISABLED</td></tr>
 *   <tr><td>{@code securityhub}</td><td>{@code DisableImportFindingsForProduct}</td><td>T1562.001</td>
 *       <td>Defense Evasion</td><td></td></tr>
 *   <tr><td>{@code securityhub}</td><td>{@code BatchDisableStandards}</td><td>T1562.001</td><td>Defense Evasion</td>
 *       <td></td></tr>
 *   <tr><td>{@code securityhub}</td><td>{@code DisassociateFromMasterAccount}</td><td>T1562.001</td>
 *       <td>Defense Evasion</td><td></td></tr>
 *   <tr><td>{@code securityhub}</td><td>{@code DisassociateFromAdministratorAccount}</td><td>T1562.001</td>
 *       <td>Defense Evasion</td><td></td></tr>
 *   <tr><td>{@code config}</td><td>{@code StopConfigurationRecorder}</td><td>T1562.001</td><td>Defense Evasion</td>
 *       <td></td></tr>
 *   <tr><td>{@code config}</td><td>{@code DeleteConfigurationRecorder}</td><td>T1562.001</td>
 *       <td>Defense Evasion</td><td></td></tr>
 *   <tr><td>{@code config}</td><td>{@code DeleteDeliveryChannel}</td><td>T1562.001</td><td>Defense Evasion</td>
 *       <td></td></tr>
 *   <tr><td>{@code ec2}</td><td>{@code AuthorizeSecurityGroupIngress}</td><td>T1562.007</td><td>Defense Evasion</td>
 *       <td>method alone for now: the CIDR ({@code 0.0.0.0/0}) and port (22) opened</td></tr>
 *   <tr><td>{@code organizations}</td><td>{@code LeaveOrganization}</td><td>T1666</td><td>Defense Evasion</td>
 *       <td></td></tr>
 *   <tr><td>{@code organizations}</td><td>{@code CreateAccount}</td><td>T1666</td><td>Defense Evasion</td>
 *       <td></td></tr>
 *   <tr><td>{@code ec2}</td><td>{@code RunInstances}</td><td>T1578.002</td><td>Defense Evasion</td>
 *       <td>method alone for now: an unusual instance type (GPU, the largest sizes) would make it T1496.001
 *       Compute Hijacking, Impact</td></tr>
 *   <tr><td>{@code signin}</td><td>{@code ConsoleLogin}</td><td>T1078.004</td><td>Initial Access</td>
 *       <td>full call only: the login succeeded, CloudTrail says MFA was not used, and the principal signed in
 *       with credentials of its own (an IAM user, the root user, a federation token's user): a role session's
 *       login through IAM Identity Center or SAML did its MFA at the identity provider, unseen by CloudTrail</td></tr>
 *   <tr><td>{@code iam}</td><td>{@code CreateUser}</td><td>T1136.003</td><td>Persistence</td><td></td></tr>
 *   <tr><td>{@code iam}</td><td>{@code CreateAccessKey}</td><td>T1098.001</td><td>Persistence</td><td></td></tr>
 *   <tr><td>{@code iam}</td><td>{@code CreateLoginProfile}</td><td>T1098.001</td><td>Persistence</td><td></td></tr>
 *   <tr><td>{@code ec2}</td><td>{@code CreateKeyPair}</td><td>T1098.001</td><td>Persistence</td><td></td></tr>
 *   <tr><td>{@code ec2}</td><td>{@code ImportKeyPair}</td><td>T1098.001</td><td>Persistence</td><td></td></tr>
 *   <tr><td>{@code sts}</td><td>{@code GetFederationToken}</td><td>T1098.001</td><td>Persistence</td>
 *       <td>temporary credentials that outlive the deactivation of the user's keys</td></tr>
 *   <tr><td>{@code iam}</td><td>{@code AttachUserPolicy}</td><td>T1098.003</td><td>Persistence</td>
 *       <td>method alone for now: the policy attached (AdministratorAccess)</td></tr>
 *   <tr><td>{@code iam}</td><td>{@code AttachRolePolicy}</td><td>T1098.003</td><td>Persistence</td>
 *       <td>method alone for now: the policy attached</td></tr>
 *   <tr><td>{@code iam}</td><td>{@code AttachGroupPolicy}</td><td>T1098.003</td><td>Persistence</td>
 *       <td>method alone for now: the policy attached</td></tr>
 *   <tr><td>{@code iam}</td><td>{@code PutUserPolicy}</td><td>T1098.003</td><td>Persistence</td>
 *       <td>method alone for now: the permissions granted</td></tr>
 *   <tr><td>{@code iam}</td><td>{@code PutRolePolicy}</td><td>T1098.003</td><td>Persistence</td>
 *       <td>method alone for now: the permissions granted</td></tr>
 *   <tr><td>{@code iam}</td><td>{@code PutGroupPolicy}</td><td>T1098.003</td><td>Persistence</td>
 *       <td>method alone for now: the permissions granted</td></tr>
 *   <tr><td>{@code iam}</td><td>{@code AddUserToGroup}</td><td>T1098.003</td><td>Persistence</td>
 *       <td>method alone for now: the group's permissions</td></tr>
 *   <tr><td>{@code iam}</td><td>{@code CreatePolicyVersion}</td><td>T1098.003</td><td>Privilege Escalation</td>
 *       <td>method alone for now: the permissions granted</td></tr>
 *   <tr><td>{@code iam}</td><td>{@code SetDefaultPolicyVersion}</td><td>T1098.003</td><td>Privilege Escalation</td>
 *       <td>method alone for now: the permissions granted</td></tr>
 *   <tr><td>{@code iam}</td><td>{@code UpdateLoginProfile}</td><td>T1098</td><td>Privilege Escalation</td>
 *       <td>taking over another user by setting their password</td></tr>
 *   <tr><td>{@code iam}</td><td>{@code DeactivateMFADevice}</td><td>T1556.006</td><td>Credential Access</td>
 *       <td>also Defense Evasion and Persistence in ATT&amp;CK</td></tr>
 *   <tr><td>{@code iam}</td><td>{@code DeleteVirtualMFADevice}</td><td>T1556.006</td><td>Credential Access</td>
 *       <td></td></tr>
 *   <tr><td>{@code iam}</td><td>{@code UpdateAssumeRolePolicy}</td><td>T1098</td><td>Persistence</td>
 *       <td>method alone for now: the principal the trust policy admits</td></tr>
 *   <tr><td>{@code rolesanywhere}</td><td>{@code CreateTrustAnchor}</td><td>T1098</td><td>Persistence</td>
 *       <td>follows Datadog's rule for Stratus Red Team's technique</td></tr>
 *   <tr><td>{@code lambda}</td><td>{@code AddPermission}</td><td>T1098</td><td>Persistence</td>
 *       <td>follows Datadog's rule; method alone for now: the principal the function policy admits</td></tr>
 *   <tr><td>{@code lambda}</td><td>{@code UpdateFunctionCode}</td><td>T1546</td><td>Persistence</td>
 *       <td>an existing function, and its triggers, now run new code</td></tr>
 *   <tr><td>{@code lambda}</td><td>{@code UpdateFunctionConfiguration}</td><td>T1546</td><td>Persistence</td>
 *       <td>method alone for now: the layers (extensions) set</td></tr>
 *   <tr><td>{@code lambda}</td><td>{@code PublishLayerVersion}</td><td>T1546</td><td>Persistence</td><td></td></tr>
 *   <tr><td>{@code lambda}</td><td>{@code CreateFunction}</td><td>T1648</td><td>Execution</td><td></td></tr>
 *   <tr><td>{@code ssm}</td><td>{@code SendCommand}</td><td>T1651</td><td>Execution</td><td></td></tr>
 *   <tr><td>{@code ssm}</td><td>{@code StartSession}</td><td>T1651</td><td>Execution</td>
 *       <td>as Stratus Red Team files it; an interactive session is also T1021.008</td></tr>
 *   <tr><td>{@code ec2}</td><td>{@code ModifyInstanceAttribute}</td><td>T1059.009</td><td>Execution</td>
 *       <td>method alone for now: the attribute modified ({@code userData} runs at the next start)</td></tr>
 *   <tr><td>{@code secretsmanager}</td><td>{@code GetSecretValue}</td><td>T1555.006</td><td>Credential Access</td>
 *       <td></td></tr>
 *   <tr><td>{@code secretsmanager}</td><td>{@code BatchGetSecretValue}</td><td>T1555.006</td>
 *       <td>Credential Access</td><td></td></tr>
 *   <tr><td>{@code ssm}</td><td>{@code GetParameter}</td><td>T1555.006</td><td>Credential Access</td>
 *       <td>method alone for now: {@code WithDecryption}</td></tr>
 *   <tr><td>{@code ssm}</td><td>{@code GetParameters}</td><td>T1555.006</td><td>Credential Access</td>
 *       <td>method alone for now: {@code WithDecryption}</td></tr>
 *   <tr><td>{@code ssm}</td><td>{@code GetParametersByPath}</td><td>T1555.006</td><td>Credential Access</td>
 *       <td>method alone for now: {@code WithDecryption}</td></tr>
 *   <tr><td>{@code ssm}</td><td>{@code GetParameterHistory}</td><td>T1555.006</td><td>Credential Access</td>
 *       <td>method alone for now: {@code WithDecryption}</td></tr>
 *   <tr><td>{@code ec2}</td><td>{@code GetPasswordData}</td><td>T1552</td><td>Credential Access</td>
 *       <td>ATT&amp;CK names no sub-technique for it</td></tr>
 *   <tr><td>{@code ec2}</td><td>{@code DescribeInstanceAttribute}</td><td>T1580</td><td>Discovery</td>
 *       <td>method alone for now: the attribute read ({@code userData} may hold secrets); T1552.005 is the
 *       metadata service inside the instance, not this API</td></tr>
 *   <tr><td>{@code iam}</td><td>{@code GetAccountAuthorizationDetails}</td><td>T1087.004</td><td>Discovery</td>
 *       <td></td></tr>
 *   <tr><td>{@code iam}</td><td>{@code GenerateCredentialReport}</td><td>T1087.004</td><td>Discovery</td>
 *       <td></td></tr>
 *   <tr><td>{@code sts}</td><td>{@code AssumeRole}</td><td>T1550.001</td><td>Lateral Movement</td>
 *       <td>full call only: the caller is itself a role session (role chaining)</td></tr>
 *   <tr><td>{@code ec2-instance-connect}</td><td>{@code SendSSHPublicKey}</td><td>T1021.008</td>
 *       <td>Lateral Movement</td><td></td></tr>
 *   <tr><td>{@code ec2-instance-connect}</td><td>{@code SendSerialConsoleSSHPublicKey}</td><td>T1021.008</td>
 *       <td>Lateral Movement</td><td></td></tr>
 *   <tr><td>{@code ec2}</td><td>{@code ModifySnapshotAttribute}</td><td>T1537</td><td>Exfiltration</td>
 *       <td>method alone for now: the account shared with ({@code all}, or outside the organization)</td></tr>
 *   <tr><td>{@code ec2}</td><td>{@code ModifyImageAttribute}</td><td>T1537</td><td>Exfiltration</td>
 *       <td>method alone for now: the account shared with</td></tr>
 *   <tr><td>{@code rds}</td><td>{@code ModifyDBSnapshotAttribute}</td><td>T1537</td><td>Exfiltration</td>
 *       <td>method alone for now: the account shared with</td></tr>
 *   <tr><td>{@code rds}</td><td>{@code ModifyDBClusterSnapshotAttribute}</td><td>T1537</td><td>Exfiltration</td>
 *       <td>method alone for now: the account shared with</td></tr>
 *   <tr><td>{@code s3}</td><td>{@code PutBucketPolicy}</td><td>T1537</td><td>Exfiltration</td>
 *       <td>method alone for now: the principal admitted (public, or another account)</td></tr>
 *   <tr><td>{@code s3}</td><td>{@code PutBucketAcl}</td><td>T1537</td><td>Exfiltration</td>
 *       <td>method alone for now: the grantee (public, or another account)</td></tr>
 *   <tr><td>{@code s3}</td><td>{@code PutBucketReplication}</td><td>T1537</td><td>Exfiltration</td>
 *       <td>method alone for now: the destination bucket's account</td></tr>
 *   <tr><td>{@code bedrock}</td><td>{@code InvokeModel}</td><td>T1496.004</td><td>Impact</td>
 *       <td>LLMjacking</td></tr>
 *   <tr><td>{@code bedrock}</td><td>{@code InvokeModelWithResponseStream}</td><td>T1496.004</td><td>Impact</td>
 *       <td>LLMjacking</td></tr>
 *   <tr><td>{@code bedrock}</td><td>{@code Converse}</td><td>T1496.004</td><td>Impact</td><td>LLMjacking</td></tr>
 *   <tr><td>{@code bedrock}</td><td>{@code ConverseStream}</td><td>T1496.004</td><td>Impact</td>
 *       <td>LLMjacking</td></tr>
 *   <tr><td>{@code kms}</td><td>{@code ScheduleKeyDeletion}</td><td>T1485</td><td>Impact</td>
 *       <td>what the key encrypts is lost with it</td></tr>
 *   <tr><td>{@code kms}</td><td>{@code DisableKey}</td><td>T1485</td><td>Impact</td><td></td></tr>
 *   <tr><td>{@code s3}</td><td>{@code PutBucketLifecycle}</td><td>T1485.001</td><td>Impact</td>
 *       <td>method alone for now: whether the rules expire objects (Stratus Red Team's lifecycle rule)</td></tr>
 * </table>
 *
 * <h2>Discovery bursts</h2>
 * {@link #matchDiscoveryBurst} looks at the distinct methods one principal called within one window (a clock
 * hour, or two adjacent ones, in the behavior graph's aggregates, so that a burst across the top of an hour counts).
 * A discovery method is a {@code List*}, {@code Describe*}, {@code Get*}, {@code Lookup*} or {@code Search*}
 * method (the next letter upper case; {@code GetCallerIdentity} and {@code LookupEvents} are ones) that the table
 * does not map, or maps to a Discovery technique, and that does not hand out credentials or tokens
 * ({@code GetSessionToken}, {@code GetSigninToken}, {@code sso:GetRoleCredentials}, {@code GetAuthorizationToken},
 * {@code GetClusterCredentials}, Cognito's {@code GetId}, {@code GetOpenIdToken} and
 * {@code GetCredentialsForIdentity}). The window is a burst when it holds at least 30 distinct discovery methods on
 * at least 5 services ({@link Builder#discoveryBurst}): enumeration tools such as Pacu or ScoutSuite call dozens
 * to hundreds of distinct methods across many services within minutes, while a person at the CLI calls a handful
 * and one console page (one service) a dozen or two. (In the reference incident's 60 days of benign activity the
 * busiest principal-hour reaches 20 distinct methods; thresholds of 20 methods on 3 services flag 42 of its
 * principal-hours, these none.) The burst yields one match for each kind of discovery found in
 * it: T1087.004 Account Discovery: Cloud Account for methods of {@code iam}, {@code sts}, {@code organizations},
 * {@code identitystore} and {@code sso}; T1580 Cloud Infrastructure Discovery for compute, storage and database
 * services ({@code ec2}, {@code ebs}, {@code s3}, {@code rds}, {@code dynamodb}, {@code lambda}, {@code ecs},
 * {@code eks}, {@code ecr}, {@code elasticloadbalancing}, {@code autoscaling}, {@code elasticfilesystem},
 * {@code redshift}, {@code elasticache}, {@code cloudformation}); T1526 Cloud Service Discovery for every other
 * service. The console makes such calls on its users' behalf, so a busy console hour across services can look like
 * a burst; callers who know the user agent may leave console sessions out.
 *
 * <h2>Password guessing</h2>
 * {@link #matchFailedSignIns} counts one principal's refused console sign-ins ({@code signin:ConsoleLogin} with
 * {@code responseElements.ConsoleLogin} {@code Failure}, which CloudTrail records on the user or root whose password
 * was tried) within one window, an hour or two adjacent ones as for bursts: at least 10 ({@link Builder#failedSignIns})
 * are T1110.001 Brute Force: Password Guessing, with the window's successful sign-ins, a guess that worked, beside
 * them. A person who mistypes a password fails a few times, not ten within the hour; the console locks out no IAM
 * user, so guessing runs on as long as the attacker likes. Sign-ins with a user name that does not exist are the
 * account's ({@code HIDDEN_DUE_TO_SECURITY_REASONS}), no principal's, and count toward none.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ApiTechniques {
    private static final String AMAZONAWS = ".amazonaws.com";
    private static final int DEFAULT_BURST_METHODS = 30;
    private static final int DEFAULT_BURST_SERVICES = 5;
    private static final int DEFAULT_FAILED_SIGN_INS = 10;
    private static final ApiMethod CONSOLE_LOGIN = key("signin", "ConsoleLogin");
    private static final Set<String> ACCOUNT_SERVICES = Set.of("iam", "sts", "organizations", "identitystore", "sso");
    private static final Set<String> INFRASTRUCTURE_SERVICES = Set.of("ec2", "ebs", "s3", "rds", "dynamodb",
            "lambda", "ecs", "eks", "ecr", "elasticloadbalancing", "autoscaling", "elasticfilesystem", "redshift",
            "elasticache", "cloudformation");
    /** {@code Get*} methods that hand out credentials or tokens: calling them uses access, it does not look around. */
    private static final Set<ApiMethod> CREDENTIAL_ISSUERS = Set.of(key("sts", "GetSessionToken"),
            key("signin", "GetSigninToken"), key("sso", "GetRoleCredentials"), key("ecr", "GetAuthorizationToken"),
            key("codeartifact", "GetAuthorizationToken"), key("redshift", "GetClusterCredentials"),
            key("redshift", "GetClusterCredentialsWithIAM"), key("cognito-identity", "GetCredentialsForIdentity"),
            key("cognito-identity", "GetOpenIdToken"), key("cognito-identity", "GetId"));
    private static final ApiTechniques BUILT_IN = builtInRules(builder()).build();

    private final Map<ApiMethod, List<Rule>> rules;
    /** Event names of the methods with a rule on the call itself, for {@link #needsFullCall}'s fast answer. */
    private final Set<String> conditionalNames;
    private final int burstMethods;
    private final int burstServices;
    private final int failedSignIns;

    private ApiTechniques(Builder builder) {
        Map<ApiMethod, List<Rule>> copy = new LinkedHashMap<>();
        Set<String> conditional = new java.util.HashSet<>();
        builder.rules.forEach((method, list) -> {
            copy.put(method, List.copyOf(list));
            if (list.stream().anyMatch(rule -> rule.when() != null)) {
                conditional.add(method.eventName());
            }
        });
        this.rules = copy;
        this.conditionalNames = Set.copyOf(conditional);
        this.burstMethods = builder.burstMethods;
        this.burstServices = builder.burstServices;
        this.failedSignIns = builder.failedSignIns;
    }

    /**
     * Returns the built-in mapping, the table above with the default discovery-burst and password-guessing thresholds.
     *
     * @return the built-in mapping
     */
    public static ApiTechniques builtIn() {
        return BUILT_IN;
    }

    /**
     * Returns a builder holding no rules and the default discovery-burst thresholds; start it {@link Builder#from}
     * the built-in mapping to change a few rows.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the techniques a call carries out: every rule of its method whose condition, if any, the call meets.
     *
     * @param call a CloudTrail API call
     * @return the matches, in the table's order; empty when none applies
     */
    public List<TechniqueMatch> match(ApiCall call) {
        List<Rule> found = rules.get(key(call.eventSource(), call.eventName()));
        if (found == null) {
            return List.of();
        }
        List<TechniqueMatch> out = new ArrayList<>(found.size());
        for (Rule rule : found) {
            if (rule.when() == null || rule.when().test(call)) {
                out.add(rule.match());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Returns the technique a method carries out whatever its parameters and caller: the rule of the method that
     * has no condition. A method whose only rules need the full call ({@code ConsoleLogin}, {@code AssumeRole})
     * has none here; see {@link #match(ApiCall)}.
     *
     * @param eventSource the service endpoint, such as {@code cloudtrail.amazonaws.com} or {@code cloudtrail}
     * @param eventName the method, such as {@code StopLogging}
     * @return the match, or empty
     */
    public Optional<TechniqueMatch> match(String eventSource, String eventName) {
        List<Rule> found = rules.get(key(eventSource, eventName));
        if (found != null) {
            for (Rule rule : found) {
                if (rule.when() == null) {
                    return Optional.of(rule.match());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Tells whether a method has a rule with a condition on the call itself ({@code ConsoleLogin} without MFA, an
     * {@code AssumeRole} by a role session), which only {@link #match(ApiCall)} can apply: callers that keep
     * aggregates rather than calls match those calls in full as they arrive. Cheap for the methods without one.
     *
     * @param eventSource the service endpoint
     * @param eventName the method
     * @return true if some rule of the method needs the call
     */
    public boolean needsFullCall(String eventSource, String eventName) {
        Objects.requireNonNull(eventSource, "eventSource");
        Objects.requireNonNull(eventName, "eventName");
        if (!conditionalNames.contains(eventName) && !conditionalNames.contains(withoutApiVersion(eventName))) {
            return false;
        }
        List<Rule> found = rules.get(key(eventSource, eventName));
        return found != null && found.stream().anyMatch(rule -> rule.when() != null);
    }

    /**
     * Applies the discovery-burst rule (see the class description) to the distinct methods one principal called
     * within one window.
     *
     * @param methods the methods called in the window; repeats and methods that are not discovery do not count
     * @return one match per kind of discovery in the burst, the most methods first; empty when the window is no
     *     burst
     */
    public List<TechniqueMatch> matchDiscoveryBurst(Collection<ApiMethod> methods) {
        Set<ApiMethod> discovery = new LinkedHashSet<>();
        for (ApiMethod method : methods) {
            ApiMethod key = key(method.eventSource(), method.eventName());
            if (isDiscovery(key)) {
                discovery.add(key);
            }
        }
        Set<String> services = new TreeSet<>();
        Map<Technique, Set<String>> servicesByKind = new LinkedHashMap<>();
        Map<Technique, Integer> countByKind = new LinkedHashMap<>();
        for (ApiMethod method : discovery) {
            String service = service(method.eventSource());
            services.add(service);
            Technique kind = kindOf(service);
            servicesByKind.computeIfAbsent(kind, k -> new TreeSet<>()).add(service);
            countByKind.merge(kind, 1, Integer::sum);
        }
        if (discovery.size() < burstMethods || services.size() < burstServices) {
            return List.of();
        }
        List<Technique> kinds = new ArrayList<>(countByKind.keySet());
        // the most methods first; a tie by id, so that the order does not depend on the order of the calls
        kinds.sort(Comparator.comparing((Technique kind) -> -countByKind.get(kind)).thenComparing(Technique::id));
        List<TechniqueMatch> out = new ArrayList<>(kinds.size());
        for (Technique kind : kinds) {
            out.add(new TechniqueMatch(kind, "a burst of " + discovery.size() + " distinct List, Describe and Get"
                    + " methods on " + services.size() + " services in one window, " + countByKind.get(kind)
                    + " of them on " + String.join(", ", servicesByKind.get(kind))));
        }
        return List.copyOf(out);
    }

    /**
     * Applies the password-guessing rule (see the class description) to one principal's refused calls of a method
     * within one window.
     *
     * @param method the method
     * @param failures the principal's refused calls of it in the window
     * @return T1110.001 when the method is a console sign-in refused at least the threshold's times; else empty
     */
    public Optional<TechniqueMatch> matchFailedSignIns(ApiMethod method, long failures) {
        if (failures < failedSignIns || !countsTowardGuessing(method)) {
            return Optional.empty();
        }
        return Optional.of(new TechniqueMatch(PASSWORD_GUESSING, failures + " refused console sign-ins in one"
                + " window (at least " + failedSignIns + " make password guessing)"));
    }

    /**
     * Tells whether a method's refusals count toward password guessing: the console sign-in,
     * {@code signin:ConsoleLogin}.
     *
     * @param method the method
     * @return true for a console sign-in
     */
    public boolean countsTowardGuessing(ApiMethod method) {
        return CONSOLE_LOGIN.equals(key(method.eventSource(), method.eventName()));
    }

    /** The rules, by method in the table's order; the test holds them against the Javadoc table. */
    Map<ApiMethod, List<Rule>> rules() {
        return rules;
    }

    /**
     * Tells whether a method counts toward a discovery burst: a {@code List*}, {@code Describe*} or {@code Get*}
     * method that no rule maps to a tactic other than Discovery.
     *
     * @param method the method
     * @return true if it is discovery
     */
    public boolean countsTowardBurst(ApiMethod method) {
        return isDiscovery(key(method.eventSource(), method.eventName()));
    }

    /**
     * Returns the kind of discovery a method counts toward in a burst: T1087.004, T1580 or T1526 by its service
     * (see the class description).
     *
     * @param method the method
     * @return the technique, or empty when the method does not count toward a burst ({@link #countsTowardBurst})
     */
    public Optional<Technique> discoveryTechnique(ApiMethod method) {
        ApiMethod key = key(method.eventSource(), method.eventName());
        return isDiscovery(key) ? Optional.of(kindOf(service(key.eventSource()))) : Optional.empty();
    }

    private static Technique kindOf(String service) {
        return ACCOUNT_SERVICES.contains(service) ? CLOUD_ACCOUNT_DISCOVERY
                : INFRASTRUCTURE_SERVICES.contains(service) ? CLOUD_INFRASTRUCTURE_DISCOVERY
                : CLOUD_SERVICE_DISCOVERY;
    }

    private boolean isDiscovery(ApiMethod method) {
        String name = method.eventName();
        int verb = name.startsWith("List") ? 4 : name.startsWith("Describe") ? 8 : name.startsWith("Get") ? 3
                : name.startsWith("Lookup") ? 6 : name.startsWith("Search") ? 6 : 0;
        if (verb == 0 || name.length() == verb || !Character.isUpperCase(name.charAt(verb))
                || CREDENTIAL_ISSUERS.contains(method)) {
            return false;
        }
        List<Rule> mapped = rules.get(method);
        if (mapped == null) {
            return true;
        }
        for (Rule rule : mapped) {
            if (rule.match().tactic() != Tactic.DISCOVERY) {
                return false;
            }
        }
        return true;
    }

    /** The method as the table keys it: the full event source, the event name without a trailing API version. */
    static ApiMethod key(String eventSource, String eventName) {
        Objects.requireNonNull(eventSource, "eventSource");
        Objects.requireNonNull(eventName, "eventName");
        String source = eventSource.indexOf('.') < 0 ? eventSource + AMAZONAWS : eventSource;
        return new ApiMethod(source, withoutApiVersion(eventName));
    }

    /**
     * {@code UpdateFunctionCode20150331v2} is {@code UpdateFunctionCode}: Lambda's event names carry a version, and
     * CloudFront's older ones one with underscores ({@code UpdateDistribution2017_03_25}).
     */
    private static String withoutApiVersion(String name) {
        int end = name.length();
        int dated = end - 10;
        if (dated > 0 && digits(name, dated, dated + 4) && name.charAt(dated + 4) == '_'
                && digits(name, dated + 5, dated + 7) && name.charAt(dated + 7) == '_' && digits(name, dated + 8, end)
                && !Character.isDigit(name.charAt(dated - 1))) {
            return name.substring(0, dated);
        }
        int v = name.lastIndexOf('v');
        if (v > 0 && v < end - 1 && digits(name, v + 1, end)) {
            end = v;
        }
        int start = end - 8;
        if (start > 0 && digits(name, start, end) && !Character.isDigit(name.charAt(start - 1))) {
            return name.substring(0, start);
        }
        return name;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String service(String eventSource) {
        return eventSource.endsWith(AMAZONAWS) ? eventSource.substring(0, eventSource.length() - AMAZONAWS.length())
                : eventSource;
    }

    /**
     * Describes the mapping.
     *
     * @return for example {@code ApiTechniques{methods=72, discoveryBurst=30 methods on 5 services,
     *     failedSignIns=10}}
     */
    @Override
    public String toString() {
        return "ApiTechniques{methods=" + rules.size() + ", discoveryBurst=" + burstMethods + " methods on "
                + burstServices + " services, failedSignIns=" + failedSignIns + "}";
    }

    private static Builder builtInRules(Builder b) {
        // A role session's console login (IAM Identity Center, SAML, OIDC) did its MFA at the identity provider,
        // which CloudTrail does not see: it says MFAUsed No for every one of them.
        Set<PrincipalType> ownCredentials = Set.of(PrincipalType.IAM_USER, PrincipalType.ROOT,
                PrincipalType.FEDERATED_USER);
        Predicate<ApiCall> withoutMfa = call -> call.isSuccess()
                && Boolean.FALSE.equals(call.principal().mfaAuthenticated())
                && ownCredentials.contains(call.principal().type());
        Predicate<ApiCall> byRoleSession = call -> call.principal().type() == PrincipalType.ASSUMED_ROLE;
        return b
                .map("cloudtrail", "StopLogging", CLOUD_LOGS, "StopLogging stops a CloudTrail trail")
                .map("cloudtrail", "DeleteTrail", CLOUD_LOGS, "DeleteTrail deletes a CloudTrail trail")
                .map("cloudtrail", "UpdateTrail", CLOUD_LOGS, "UpdateTrail changes what a CloudTrail trail records")
                .map("cloudtrail", "PutEventSelectors", CLOUD_LOGS,
                        "PutEventSelectors changes which events a CloudTrail trail records")
                .map("cloudtrail", "DeleteEventDataStore", CLOUD_LOGS,
                        "DeleteEventDataStore deletes a CloudTrail Lake event data store")
                .map("cloudtrail", "StopEventDataStoreIngestion", CLOUD_LOGS,
                        "StopEventDataStoreIngestion stops a CloudTrail Lake event data store recording")
                .map("s3", "PutBucketLogging", CLOUD_LOGS, "PutBucketLogging changes an S3 bucket's access logging")
                .map("logs", "DeleteLogGroup", CLOUD_LOGS, "DeleteLogGroup deletes a CloudWatch Logs log group")
                .map("bedrock", "DeleteModelInvocationLoggingConfiguration", CLOUD_LOGS,
                        "DeleteModelInvocationLoggingConfiguration stops logging Bedrock model invocations")
                .map("ec2", "DeleteFlowLogs", CLOUD_LOGS, "DeleteFlowLogs deletes VPC flow logs")
                .map("route53resolver", "DeleteResolverQueryLogConfig", CLOUD_LOGS,
                        "DeleteResolverQueryLogConfig deletes a Route 53 Resolver DNS query log")
                .map("route53resolver", "DisassociateResolverQueryLogConfig", CLOUD_LOGS,
                        "DisassociateResolverQueryLogConfig stops DNS query logging for a VPC")
                .map("guardduty", "DeleteDetector", SECURITY_TOOLS, "DeleteDetector turns GuardDuty off")
                .map("guardduty", "UpdateDetector", SECURITY_TOOLS,
                        "UpdateDetector changes GuardDuty's detector, or turns it off")
                .map("guardduty", "CreateIPSet", SECURITY_TOOLS,
                        "CreateIPSet adds a trusted IP list, whose addresses GuardDuty stops reporting")
                .map("guardduty", "UpdateIPSet", SECURITY_TOOLS,
                        "UpdateIPSet changes a trusted IP list, whose addresses GuardDuty stops reporting")
                .map("guardduty", "CreateFilter", SECURITY_TOOLS,
                        "CreateFilter adds a GuardDuty filter, which may archive findings as they arrive")
                .map("guardduty", "UpdateFilter", SECURITY_TOOLS,
                        "UpdateFilter changes a GuardDuty filter, which may archive findings as they arrive")
                .map("guardduty", "DisassociateMembers", SECURITY_TOOLS,
                        "DisassociateMembers takes accounts out of GuardDuty's administration")
                .map("guardduty", "DisassociateFromMasterAccount", SECURITY_TOOLS,
                        "DisassociateFromMasterAccount takes an account out of GuardDuty's administration")
                .map("guardduty", "DisassociateFromAdministratorAccount", SECURITY_TOOLS,
                        "DisassociateFromAdministratorAccount takes an account out of GuardDuty's administration")
                .map("guardduty", "DeleteMembers", SECURITY_TOOLS, "DeleteMembers removes accounts from GuardDuty")
                .map("guardduty", "StopMonitoringMembers", SECURITY_TOOLS,
                        "StopMonitoringMembers stops GuardDuty monitoring accounts")
                .map("securityhub", "DisableSecurityHub", SECURITY_TOOLS, "DisableSecurityHub turns Security Hub off")
                .map("securityhub", "UpdateStandardsControl", SECURITY_TOOLS,
                        "UpdateStandardsControl turns a Security Hub control on or off")
                .map("securityhub", "DisableImportFindingsForProduct", SECURITY_TOOLS,
                        "DisableImportFindingsForProduct stops Security Hub taking a product's findings")
                .map("securityhub", "BatchDisableStandards", SECURITY_TOOLS,
                        "BatchDisableStandards turns Security Hub standards off")
                .map("securityhub", "DisassociateFromMasterAccount", SECURITY_TOOLS,
                        "DisassociateFromMasterAccount takes an account out of Security Hub's administration")
                .map("securityhub", "DisassociateFromAdministratorAccount", SECURITY_TOOLS,
                        "DisassociateFromAdministratorAccount takes an account out of Security Hub's administration")
                .map("config", "StopConfigurationRecorder", SECURITY_TOOLS,
                        "StopConfigurationRecorder stops AWS Config recording")
                .map("config", "DeleteConfigurationRecorder", SECURITY_TOOLS,
                        "DeleteConfigurationRecorder deletes the AWS Config recorder")
                .map("config", "DeleteDeliveryChannel", SECURITY_TOOLS,
                        "DeleteDeliveryChannel stops AWS Config delivering its records")
                .map("ec2", "AuthorizeSecurityGroupIngress", CLOUD_FIREWALL,
                        "AuthorizeSecurityGroupIngress opens a security group to inbound traffic")
                .map("organizations", "LeaveOrganization", RESOURCE_HIERARCHY,
                        "LeaveOrganization takes the account out of its organization and its guardrails")
                .map("organizations", "CreateAccount", RESOURCE_HIERARCHY,
                        "CreateAccount adds an account to the organization")
                .map("ec2", "RunInstances", CREATE_CLOUD_INSTANCE, "RunInstances launches EC2 instances")
                .when("signin", "ConsoleLogin", withoutMfa, CLOUD_ACCOUNTS_LOGIN,
                        "ConsoleLogin signs in to the console without MFA")
                .map("iam", "CreateUser", CREATE_CLOUD_ACCOUNT, "CreateUser creates an IAM user")
                .map("iam", "CreateAccessKey", CLOUD_CREDENTIALS, "CreateAccessKey adds an access key to a user")
                .map("iam", "CreateLoginProfile", CLOUD_CREDENTIALS,
                        "CreateLoginProfile gives a user a console password")
                .map("ec2", "CreateKeyPair", CLOUD_CREDENTIALS, "CreateKeyPair creates an SSH key pair for instances")
                .map("ec2", "ImportKeyPair", CLOUD_CREDENTIALS, "ImportKeyPair adds an SSH public key for instances")
                .map("sts", "GetFederationToken", CLOUD_CREDENTIALS,
                        "GetFederationToken issues temporary credentials that outlive the user's keys")
                .map("iam", "AttachUserPolicy", CLOUD_ROLES, "AttachUserPolicy grants a user a managed policy")
                .map("iam", "AttachRolePolicy", CLOUD_ROLES, "AttachRolePolicy grants a role a managed policy")
                .map("iam", "AttachGroupPolicy", CLOUD_ROLES, "AttachGroupPolicy grants a group a managed policy")
                .map("iam", "PutUserPolicy", CLOUD_ROLES, "PutUserPolicy grants a user an inline policy")
                .map("iam", "PutRolePolicy", CLOUD_ROLES, "PutRolePolicy grants a role an inline policy")
                .map("iam", "PutGroupPolicy", CLOUD_ROLES, "PutGroupPolicy grants a group an inline policy")
                .map("iam", "AddUserToGroup", CLOUD_ROLES, "AddUserToGroup gives a user a group's permissions")
                .map("iam", "CreatePolicyVersion", CLOUD_ROLES_ESCALATION,
                        "CreatePolicyVersion rewrites the permissions of a managed policy")
                .map("iam", "SetDefaultPolicyVersion", CLOUD_ROLES_ESCALATION,
                        "SetDefaultPolicyVersion switches a managed policy to other permissions")
                .map("iam", "UpdateLoginProfile", ACCOUNT_TAKEOVER, "UpdateLoginProfile changes a user's password")
                .map("iam", "DeactivateMFADevice", MFA_MODIFICATION,
                        "DeactivateMFADevice removes a user's MFA device")
                .map("iam", "DeleteVirtualMFADevice", MFA_MODIFICATION,
                        "DeleteVirtualMFADevice deletes a virtual MFA device")
                .map("iam", "UpdateAssumeRolePolicy", ACCOUNT_MANIPULATION,
                        "UpdateAssumeRolePolicy changes who may assume a role")
                .map("rolesanywhere", "CreateTrustAnchor", ACCOUNT_MANIPULATION,
                        "CreateTrustAnchor lets certificates of a new authority assume roles from outside AWS")
                .map("lambda", "AddPermission", ACCOUNT_MANIPULATION,
                        "AddPermission lets another principal invoke a Lambda function")
                .map("lambda", "UpdateFunctionCode", EVENT_TRIGGERED,
                        "UpdateFunctionCode replaces the code an existing Lambda function runs")
                .map("lambda", "UpdateFunctionConfiguration", EVENT_TRIGGERED,
                        "UpdateFunctionConfiguration changes a Lambda function's layers or settings")
                .map("lambda", "PublishLayerVersion", EVENT_TRIGGERED,
                        "PublishLayerVersion publishes code for Lambda functions to load")
                .map("lambda", "CreateFunction", SERVERLESS_EXECUTION, "CreateFunction creates a Lambda function")
                .map("ssm", "SendCommand", CLOUD_ADMINISTRATION_COMMAND,
                        "SendCommand runs commands on instances through Systems Manager")
                .map("ssm", "StartSession", CLOUD_ADMINISTRATION_COMMAND,
                        "StartSession opens a Systems Manager shell session on an instance")
                .map("ec2", "ModifyInstanceAttribute", CLOUD_API,
                        "ModifyInstanceAttribute changes an instance's attributes, such as the user data run at start")
                .map("secretsmanager", "GetSecretValue", CLOUD_SECRETS,
                        "GetSecretValue reads a Secrets Manager secret")
                .map("secretsmanager", "BatchGetSecretValue", CLOUD_SECRETS,
                        "BatchGetSecretValue reads many Secrets Manager secrets at once")
                .map("ssm", "GetParameter", CLOUD_SECRETS, "GetParameter reads a Systems Manager parameter")
                .map("ssm", "GetParameters", CLOUD_SECRETS, "GetParameters reads Systems Manager parameters")
                .map("ssm", "GetParametersByPath", CLOUD_SECRETS,
                        "GetParametersByPath reads a tree of Systems Manager parameters")
                .map("ssm", "GetParameterHistory", CLOUD_SECRETS,
                        "GetParameterHistory reads a Systems Manager parameter's past values")
                .map("ec2", "GetPasswordData", UNSECURED_CREDENTIALS,
                        "GetPasswordData reads the encrypted Windows administrator password of an instance")
                .map("ec2", "DescribeInstanceAttribute", CLOUD_INFRASTRUCTURE_DISCOVERY,
                        "DescribeInstanceAttribute reads an instance's attributes, such as its user data")
                .map("iam", "GetAccountAuthorizationDetails", CLOUD_ACCOUNT_DISCOVERY,
                        "GetAccountAuthorizationDetails lists every user, group, role and policy")
                .map("iam", "GenerateCredentialReport", CLOUD_ACCOUNT_DISCOVERY,
                        "GenerateCredentialReport lists every user and the state of their credentials")
                .when("sts", "AssumeRole", byRoleSession, ACCESS_TOKEN,
                        "AssumeRole by a role session chains into another role")
                .map("ec2-instance-connect", "SendSSHPublicKey", CLOUD_VM_CONNECTIONS,
                        "SendSSHPublicKey pushes an SSH key for EC2 Instance Connect")
                .map("ec2-instance-connect", "SendSerialConsoleSSHPublicKey", CLOUD_VM_CONNECTIONS,
                        "SendSerialConsoleSSHPublicKey pushes an SSH key for an instance's serial console")
                .map("ec2", "ModifySnapshotAttribute", TRANSFER_TO_CLOUD_ACCOUNT,
                        "ModifySnapshotAttribute shares an EBS snapshot")
                .map("ec2", "ModifyImageAttribute", TRANSFER_TO_CLOUD_ACCOUNT, "ModifyImageAttribute shares an AMI")
                .map("rds", "ModifyDBSnapshotAttribute", TRANSFER_TO_CLOUD_ACCOUNT,
                        "ModifyDBSnapshotAttribute shares an RDS snapshot")
                .map("rds", "ModifyDBClusterSnapshotAttribute", TRANSFER_TO_CLOUD_ACCOUNT,
                        "ModifyDBClusterSnapshotAttribute shares an RDS cluster snapshot")
                .map("s3", "PutBucketPolicy", TRANSFER_TO_CLOUD_ACCOUNT,
                        "PutBucketPolicy changes who may read an S3 bucket")
                .map("s3", "PutBucketAcl", TRANSFER_TO_CLOUD_ACCOUNT, "PutBucketAcl changes who may read an S3 bucket")
                .map("s3", "PutBucketReplication", TRANSFER_TO_CLOUD_ACCOUNT,
                        "PutBucketReplication copies an S3 bucket's new objects to another bucket")
                .map("bedrock", "InvokeModel", CLOUD_SERVICE_HIJACKING, "InvokeModel runs a Bedrock model")
                .map("bedrock", "InvokeModelWithResponseStream", CLOUD_SERVICE_HIJACKING,
                        "InvokeModelWithResponseStream runs a Bedrock model")
                .map("bedrock", "Converse", CLOUD_SERVICE_HIJACKING, "Converse runs a Bedrock model")
                .map("bedrock", "ConverseStream", CLOUD_SERVICE_HIJACKING, "ConverseStream runs a Bedrock model")
                .map("kms", "ScheduleKeyDeletion", DATA_DESTRUCTION,
                        "ScheduleKeyDeletion deletes a KMS key, and the data only it decrypts, after a wait")
                .map("kms", "DisableKey", DATA_DESTRUCTION, "DisableKey stops a KMS key decrypting")
                .map("s3", "PutBucketLifecycle", LIFECYCLE_DELETION,
                        "PutBucketLifecycle sets rules that expire an S3 bucket's objects");
    }

    /**
     * One row of the table.
     *
     * @param match the technique and the procedure
     * @param when the condition on the call, or null when the method alone decides
     */
    record Rule(TechniqueMatch match, Predicate<ApiCall> when) {}

    /**
     * Builds an {@link ApiTechniques}. Not thread-safe.
     */
    public static final class Builder {
        private final Map<ApiMethod, List<Rule>> rules = new LinkedHashMap<>();
        private int burstMethods = DEFAULT_BURST_METHODS;
        private int burstServices = DEFAULT_BURST_SERVICES;
        private int failedSignIns = DEFAULT_FAILED_SIGN_INS;

        private Builder() {}

        /**
         * Starts over from a mapping: its rules and its discovery-burst and password-guessing thresholds replace this
         * builder's.
         *
         * @param base a mapping, such as {@link ApiTechniques#builtIn()}
         * @return this builder
         */
        public Builder from(ApiTechniques base) {
            rules.clear();
            base.rules.forEach((method, list) -> rules.put(method, new ArrayList<>(list)));
            burstMethods = base.burstMethods;
            burstServices = base.burstServices;
            failedSignIns = base.failedSignIns;
            return this;
        }

        /**
         * Maps a method to a technique whatever its parameters and caller, replacing every rule the method had
         * (conditional ones too).
         *
         * @param eventSource the service endpoint, such as {@code kms.amazonaws.com} or {@code kms}
         * @param eventName the method, such as {@code ScheduleKeyDeletion}
         * @param technique the technique it carries out
         * @param procedure what the call does, in a sentence
         * @return this builder
         * @throws IllegalArgumentException if the event source or name is blank, or the procedure is
         * @throws NullPointerException if an argument is null
         */
        public Builder map(String eventSource, String eventName, Technique technique, String procedure) {
            ApiMethod key = checkedKey(eventSource, eventName);
            List<Rule> list = new ArrayList<>(1);
            list.add(new Rule(new TechniqueMatch(technique, procedure), null));
            rules.put(key, list);
            return this;
        }

        /**
         * Removes every rule of a method; a method without rules is left as it is.
         *
         * @param eventSource the service endpoint, such as {@code ec2.amazonaws.com} or {@code ec2}
         * @param eventName the method, such as {@code RunInstances}
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        public Builder unmap(String eventSource, String eventName) {
            rules.remove(key(eventSource, eventName));
            return this;
        }

        /**
         * Sets the discovery-burst thresholds (see {@link ApiTechniques}).
         *
         * @param minDistinctMethods the fewest distinct discovery methods in a window that make a burst, at least 1
         * @param minServices the fewest services those methods must span, at least 1
         * @return this builder
         * @throws IllegalArgumentException if a threshold is below 1
         */
        public Builder discoveryBurst(int minDistinctMethods, int minServices) {
            if (minDistinctMethods < 1 || minServices < 1) {
                throw new IllegalArgumentException("discovery burst thresholds must be at least 1, were "
                        + minDistinctMethods + " methods and " + minServices + " services");
            }
            this.burstMethods = minDistinctMethods;
            this.burstServices = minServices;
            return this;
        }

        /**
         * Sets the password-guessing threshold (see {@link ApiTechniques}).
         *
         * @param atLeast the fewest refused console sign-ins of one principal in a window that make password
         *     guessing, at least 1; default 10
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder failedSignIns(int atLeast) {
            if (atLeast < 1) {
                throw new IllegalArgumentException("failed sign-ins must be at least 1, was " + atLeast);
            }
            this.failedSignIns = atLeast;
            return this;
        }

        /** Adds a conditional rule to a method's rules: the built-in table's way to say "only when". */
        private Builder when(String eventSource, String eventName, Predicate<ApiCall> condition, Technique technique,
                String procedure) {
            rules.computeIfAbsent(checkedKey(eventSource, eventName), k -> new ArrayList<>(1))
                    .add(new Rule(new TechniqueMatch(technique, procedure), Objects.requireNonNull(condition)));
            return this;
        }

        private static ApiMethod checkedKey(String eventSource, String eventName) {
            if (Objects.requireNonNull(eventSource, "eventSource").isBlank()
                    || Objects.requireNonNull(eventName, "eventName").isBlank()) {
                throw new IllegalArgumentException("event source and name must not be blank, were '" + eventSource
                        + "' and '" + eventName + "'");
            }
            return key(eventSource, eventName);
        }

        /**
         * Builds the mapping.
         *
         * @return the mapping
         */
        public ApiTechniques build() {
            return new ApiTechniques(this);
        }
    }
}
