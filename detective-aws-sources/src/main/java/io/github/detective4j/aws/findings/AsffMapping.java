package io.github.detective4j.aws.findings;

import io.github.detective4j.aws.ParseContext;
import io.github.detective4j.aws.findings.FindingNode.InvalidFieldException;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.Severity;
import io.github.detective4j.model.SeverityLabel;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one finding in the AWS Security Finding Format into a {@link Finding}. See {@link AsffFormat} for the
 * field-by-field rules.
 */
final class AsffMapping {
    private static final String GUARDDUTY_FIELDS = "aws/guardduty/service/";
    /** A flattened entry of a Kubernetes API call's list of source addresses (either spelling). */
    private static final Pattern LISTED_SOURCE_IP = Pattern.compile("/source(?:IPs|Ips)\\.\\d+_$");
    private static final Pattern TYPED_ID =
            Pattern.compile("AWS::[A-Za-z0-9]*::[A-Za-z0-9]+:(.+)");

    /** ASFF resource types and the CloudFormation types they are; other ASFF types are kept as ASFF names them. */
    private static final Map<String, String> CLOUDFORMATION_TYPES = Map.ofEntries(
            Map.entry("AwsEc2Instance", AwsResource.EC2_INSTANCE),
            Map.entry("AwsS3Bucket", AwsResource.S3_BUCKET),
            Map.entry("AwsIamUser", AwsResource.IAM_USER),
            Map.entry("AwsIamRole", AwsResource.IAM_ROLE),
            Map.entry("AwsIamAccessKey", AwsResource.IAM_ACCESS_KEY),
            Map.entry("AwsCloudTrailTrail", AwsResource.CLOUDTRAIL_TRAIL),
            Map.entry("AwsIamGroup", "AWS::IAM::Group"),
            Map.entry("AwsIamPolicy", "AWS::IAM::ManagedPolicy"),
            Map.entry("AwsKmsKey", "AWS::KMS::Key"),
            Map.entry("AwsLambdaFunction", "AWS::Lambda::Function"),
            Map.entry("AwsEksCluster", "AWS::EKS::Cluster"),
            Map.entry("AwsEcsCluster", "AWS::ECS::Cluster"),
            Map.entry("AwsEcrRepository", "AWS::ECR::Repository"),
            Map.entry("AwsRdsDbInstance", "AWS::RDS::DBInstance"),
            Map.entry("AwsRdsDbCluster", "AWS::RDS::DBCluster"),
            Map.entry("AwsDynamoDbTable", "AWS::DynamoDB::Table"),
            Map.entry("AwsSecretsManagerSecret", "AWS::SecretsManager::Secret"),
            Map.entry("AwsSnsTopic", "AWS::SNS::Topic"),
            Map.entry("AwsSqsQueue", "AWS::SQS::Queue"),
            Map.entry("AwsEc2Volume", "AWS::EC2::Volume"),
            Map.entry("AwsEc2SecurityGroup", "AWS::EC2::SecurityGroup"),
            Map.entry("AwsEc2NetworkInterface", AwsResource.EC2_NETWORK_INTERFACE),
            Map.entry("AwsEc2Vpc", "AWS::EC2::VPC"),
            Map.entry("AwsEc2Subnet", "AWS::EC2::Subnet"),
            Map.entry("AwsCloudFormationStack", "AWS::CloudFormation::Stack"),
            Map.entry("AwsElbv2LoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer"));

    private AsffMapping() {}

    /**
     * Maps a finding.
     *
     * @param finding the finding's object
     * @return the finding
     * @throws InvalidFieldException if a field is missing, of the wrong type or out of range
     * @throws IllegalArgumentException if the model refuses a value (inverted observations, a bad account id...)
     */
    static Finding map(FindingNode finding) {
        String id = finding.requiredText("Id");
        FindingNode productFields = finding.object("ProductFields");
        boolean guardDuty = isGuardDuty(finding);
        String type = type(finding);
        Severity severity = severity(finding, guardDuty);
        Instant createdAt = finding.instant("CreatedAt");
        Instant updatedAt = finding.instant("UpdatedAt");
        Instant firstObserved = finding.instant("FirstObservedAt");
        Instant lastObserved = finding.instant("LastObservedAt");
        Observation observed = Observation.of(firstObserved, lastObserved, createdAt, updatedAt,
                "has neither 'FirstObservedAt' nor 'CreatedAt'");
        long count = 1;
        if (guardDuty && productFields != null) {
            count = guardDutyCount(productFields);
        }
        String accountId = finding.text("AwsAccountId");

        InvolvedEntities involved = new InvolvedEntities();
        for (FindingNode resource : finding.objects("Resources")) {
            resource(resource, involved);
        }
        FindingNode network = finding.object("Network");
        if (network != null) {
            for (String field : new String[] {"SourceIpV4", "SourceIpV6", "DestinationIpV4", "DestinationIpV6"}) {
                involved.ip(network.text(field));
            }
        }
        FindingNode action = finding.object("Action");
        if (action != null) {
            action(action, involved);
        }
        if (guardDuty && productFields != null) {
            guardDutyFields(productFields, involved);
        }
        FindingNode detection = finding.object("Detection");
        if (detection != null) {
            AttackSequence.read(detection.object("Sequence"), involved);
        }
        if (accountId != null) {
            involved.entity(() -> EntityRef.account(accountId));
        }
        String findingArn = productFields == null ? null : productFields.text("aws/securityhub/FindingId");
        return Finding.builder()
                .id(id)
                .arn(findingArn != null && findingArn.startsWith("arn:") ? findingArn : null)
                .sourceProduct(sourceProduct(finding, productFields))
                .type(type)
                .title(finding.text("Title"))
                .description(finding.text("Description"))
                .severity(severity)
                .observed(observed.first(), observed.last())
                .createdAt(createdAt)
                .updatedAt(updatedAt)
                .count(count)
                .accountId(accountId)
                .region(finding.text("Region"))
                .resources(involved.resources())
                .entities(involved.entities())
                .archived(archived(finding))
                .build();
    }

    /**
     * Tells whether GuardDuty reported a finding: its {@code ProductArn} names {@code product/aws/guardduty}, or its
     * {@code ProductName} is {@code GuardDuty}.
     *
     * @param finding the finding
     * @return true for GuardDuty findings in ASFF
     */
    static boolean isGuardDuty(FindingNode finding) {
        String productArn = finding.text("ProductArn");
        return (productArn != null && productArn.endsWith(":product/aws/guardduty"))
                || "GuardDuty".equalsIgnoreCase(finding.text("ProductName"));
    }

    private static String type(FindingNode finding) {
        for (String type : finding.texts("Types")) {
            if (!type.isBlank()) {
                return type;
            }
        }
        FindingNode provider = finding.object("FindingProviderFields");
        if (provider != null) {
            for (String type : provider.texts("Types")) {
                if (!type.isBlank()) {
                    return type;
                }
            }
        }
        throw new InvalidFieldException("has no 'Types'");
    }

    /**
     * Reads the severity: {@code Label} is authoritative, with {@code Normalized} as the score when given; then
     * {@code Normalized} alone; then an {@code Original} that names a label; then, for GuardDuty, {@code Product}
     * (or a numeric {@code Original}) on GuardDuty's own 0.0 to 10.0 scale. Another product's {@code Product} has a
     * scale only that product knows, so it is not guessed at. The top-level {@code Severity} is what Security Hub
     * shows (customers may change it); {@code FindingProviderFields.Severity} is read only when it is absent.
     */
    private static Severity severity(FindingNode finding, boolean guardDuty) {
        FindingNode severity = finding.object("Severity");
        if (severity == null) {
            FindingNode provider = finding.object("FindingProviderFields");
            severity = provider == null ? null : provider.object("Severity");
        }
        if (severity == null) {
            throw new InvalidFieldException("has no 'Severity'");
        }
        String label = severity.text("Label");
        Integer normalized = normalized(severity);
        if (label != null) {
            SeverityLabel parsed = label(label);
            if (parsed == null) {
                throw new InvalidFieldException("'" + severity.path("Label")
                        + "' must be INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL, was " + ParseContext.quote(label));
            }
            return normalized != null ? Severity.ofAsff(parsed, normalized) : Severity.ofLabel(parsed);
        }
        if (normalized != null) {
            return Severity.ofNormalized(normalized);
        }
        String original = severity.text("Original");
        SeverityLabel originalLabel = original == null ? null : label(original);
        if (originalLabel != null) {
            return Severity.ofLabel(originalLabel);
        }
        if (guardDuty) {
            Double product = severity.number("Product");
            if (product == null && original != null) {
                try {
                    product = Double.valueOf(original.strip());
                } catch (NumberFormatException notANumber) {
                    product = null;
                }
            }
            if (product != null) {
                if (!(product >= 0.0 && product <= 10.0)) {
                    throw new InvalidFieldException("'" + severity.path("Product")
                            + "' must be a GuardDuty severity from 0.0 to 10.0, was '" + product + "'");
                }
                return Severity.ofGuardDuty(product);
            }
        }
        throw new InvalidFieldException("'" + finding.path("Severity")
                + "' has no Label, no Normalized and no Original naming a label");
    }

    private static Integer normalized(FindingNode severity) {
        Double value = severity.number("Normalized");
        if (value == null) {
            return null;
        }
        if (value != Math.rint(value) || value < 0 || value > 100) {
            throw new InvalidFieldException("'" + severity.path("Normalized")
                    + "' must be a whole number from 0 to 100, was "
                    + ParseContext.quote(severity.raw("Normalized").toString()));
        }
        return value.intValue();
    }

    private static SeverityLabel label(String text) {
        try {
            return SeverityLabel.parse(text);
        } catch (IllegalArgumentException notALabel) {
            return null;
        }
    }

    private static long guardDutyCount(FindingNode productFields) {
        String count = productFields.text(GUARDDUTY_FIELDS + "count");
        if (count == null || count.isBlank()) {
            return 1;
        }
        try {
            long value = Long.parseLong(count.strip());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new InvalidFieldException("'ProductFields." + GUARDDUTY_FIELDS + "count' must be a whole number of at"
                + " least 1, was " + ParseContext.quote(count));
    }

    /**
     * Archived when {@code RecordState} is {@code ARCHIVED} (the provider retired it), or the workflow status is
     * {@code SUPPRESSED} (someone chose not to act) or {@code RESOLVED} (it was dealt with, or a control check passed):
     * in every case nobody needs to look at it any more, which is what GuardDuty's {@code archived} means. The
     * retired {@code WorkflowState} counts only when {@code Workflow} is absent.
     */
    private static boolean archived(FindingNode finding) {
        if ("ARCHIVED".equals(finding.text("RecordState"))) {
            return true;
        }
        FindingNode workflow = finding.object("Workflow");
        String status = workflow != null ? workflow.text("Status") : finding.text("WorkflowState");
        return "SUPPRESSED".equals(status) || "RESOLVED".equals(status);
    }

    private static String sourceProduct(FindingNode finding, FindingNode productFields) {
        String name = finding.text("ProductName");
        if ((name == null || name.isBlank()) && productFields != null) {
            name = productFields.text("aws/securityhub/ProductName");
        }
        if (name == null || name.isBlank()) {
            String productArn = finding.text("ProductArn");
            int product = productArn == null ? -1 : productArn.indexOf(":product/");
            if (product >= 0) {
                String path = productArn.substring(product + ":product/".length());
                name = path.substring(path.indexOf('/') + 1);
            }
        }
        if (name == null || name.isBlank()) {
            name = finding.text("CompanyName");
        }
        return name;
    }

    private static void resource(FindingNode resource, InvolvedEntities involved) {
        String type = resource.requiredText("Type");
        String id = resource.requiredText("Id");
        String arn = id.startsWith("arn:") ? id : null;
        String ownId = arn != null ? InvolvedEntities.ownId(id) : withoutTypePrefix(id);
        FindingNode details = resource.object("Details");
        switch (type) {
            case "AwsEc2Instance": {
                involved.resource(AwsResource.EC2_INSTANCE, ownId, arn);
                FindingNode instance = details == null ? null : details.object("AwsEc2Instance");
                if (instance != null) {
                    instance.texts("IpV4Addresses").forEach(involved::ip);
                    instance.texts("IpV6Addresses").forEach(involved::ip);
                    for (FindingNode nic : instance.objects("NetworkInterfaces")) {
                        involved.resource(AwsResource.EC2_NETWORK_INTERFACE, nic.text("NetworkInterfaceId"), null);
                    }
                }
                break;
            }
            case "AwsIamUser": {
                FindingNode user = details == null ? null : details.object("AwsIamUser");
                String name = user == null ? null : user.text("UserName");
                involved.resource(AwsResource.IAM_USER, name != null ? name : lastSegment(ownId), arn);
                String userId = user == null ? null : user.text("UserId");
                if (userId != null) {
                    involved.entity(() -> EntityRef.user(userId));
                }
                break;
            }
            case "AwsIamRole": {
                FindingNode role = details == null ? null : details.object("AwsIamRole");
                String name = role == null ? null : role.text("RoleName");
                involved.resource(AwsResource.IAM_ROLE, name != null ? name : lastSegment(ownId), arn);
                String roleId = role == null ? null : role.text("RoleId");
                if (roleId != null) {
                    involved.entity(() -> EntityRef.role(roleId));
                }
                break;
            }
            case "AwsIamAccessKey": {
                FindingNode key = details == null ? null : details.object("AwsIamAccessKey");
                String keyId = key == null ? null : key.text("AccessKeyId");
                involved.resource(AwsResource.IAM_ACCESS_KEY, keyId != null ? keyId : ownId, arn);
                if (key != null) {
                    String name = key.text("PrincipalName");
                    involved.principal(key.text("PrincipalType"), key.text("PrincipalId"),
                            name != null ? name : key.text("UserName"), keyId, key.text("AccountId"));
                }
                break;
            }
            case "AwsAccount": {
                String accountId = ownId.substring(ownId.lastIndexOf(':') + 1);
                involved.resource(type, accountId, arn);
                involved.entity(() -> EntityRef.account(accountId));
                break;
            }
            default:
                involved.resource(CLOUDFORMATION_TYPES.getOrDefault(type, type), ownId, arn);
        }
    }

    /**
     * GuardDuty names some resources in ASFF by type and id rather than ARN ({@code AWS::IAM::AccessKey:AKIA...},
     * {@code AWS::::Account:123456789012}); the id is what follows the type.
     */
    private static String withoutTypePrefix(String id) {
        Matcher typed = TYPED_ID.matcher(id);
        return typed.matches() ? typed.group(1) : id;
    }

    private static String lastSegment(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }

    private static void action(FindingNode action, InvolvedEntities involved) {
        FindingNode network = action.object("NetworkConnectionAction");
        if (network != null) {
            address(network.object("RemoteIpDetails"), involved);
        }
        FindingNode apiCall = action.object("AwsApiCallAction");
        if (apiCall != null) {
            address(apiCall.object("RemoteIpDetails"), involved);
        }
        FindingNode portProbe = action.object("PortProbeAction");
        if (portProbe != null) {
            for (FindingNode probe : portProbe.objects("PortProbeDetails")) {
                address(probe.object("RemoteIpDetails"), involved);
                address(probe.object("LocalIpDetails"), involved);
            }
        }
        // DnsRequestAction names a domain, which is no entity of the behavior graph
    }

    private static void address(FindingNode details, InvolvedEntities involved) {
        if (details != null) {
            involved.ip(details.text("IpAddressV4"));
        }
    }

    /**
     * GuardDuty copies its finding into {@code ProductFields} as flattened paths; ASFF's {@code Action} has no IPv6
     * address and no user agent, so the remote and local addresses and the user agent are read from there. A list's
     * entries are flattened with a {@code .N_} suffix: a Kubernetes API call's {@code sourceIPs} (or
     * {@code sourceIps}) become {@code .../kubernetesApiCallAction/sourceIPs.0_}, {@code .1_}, ...
     */
    private static void guardDutyFields(FindingNode productFields, InvolvedEntities involved) {
        for (String name : productFields.names()) {
            if (!name.startsWith(GUARDDUTY_FIELDS + "action/")) {
                continue;
            }
            if (name.endsWith("/ipAddressV4") || name.endsWith("/ipAddressV6")
                    || LISTED_SOURCE_IP.matcher(name).find()) {
                involved.ip(productFields.text(name));
            } else if (name.endsWith("/userAgent")) {
                String userAgent = productFields.text(name);
                if (userAgent != null && !userAgent.isBlank()) {
                    involved.entity(() -> EntityRef.userAgent(userAgent));
                }
            }
        }
    }
}
