package io.github.detective4j.examples.incident;

import static io.github.detective4j.examples.incident.Json.array;
import static io.github.detective4j.examples.incident.Json.items;
import static io.github.detective4j.examples.incident.Json.object;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.detective4j.examples.incident.Cast.Host;
import io.github.detective4j.examples.incident.Cast.Role;
import io.github.detective4j.examples.incident.Facts.Instance;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The API calls of the story, each with the request parameters and response elements CloudTrail records for it,
 * in the shapes of real events (the CloudTrail User Guide's examples, recorded attack detonations).
 */
final class ApiCalls {
    /** CloudTrail's own rendering of dates inside IAM and STS responses, such as "Nov 19, 2026, 3:20:05 AM". */
    private static final DateTimeFormatter RESPONSE_DATE =
            DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);
    private static final ObjectMapper POLICY_WRITER = new ObjectMapper();
    static final String IMAGE_ID = "ami-0453ec754f44f9a4a";

    private ApiCalls() {}

    /** A call whose request is as given and whose response CloudTrail leaves out, as for most reads. */
    static ApiEvent call(Dice d, Instant t, String region, Identity who, String ip, String agent, String source,
            String name, Map<String, Object> request) {
        return new ApiEvent(d, t, global(source) ? Cast.REGION : region, who, source, name)
                .from(ip, agent).request(request);
    }

    /** A call that an IAM policy refused, as CloudTrail records it for the calling user. */
    static ApiEvent denied(ApiEvent event, String callerArn) {
        String service = event.eventSource.substring(0, event.eventSource.indexOf('.'));
        String action = service + ":" + event.eventName;
        String resource = service.equals("iam")
                ? "arn:aws:iam::" + Cast.ACCOUNT + ":" + (event.eventName.contains("Role") ? "role/" : "user/")
                : "arn:aws:" + service + ":" + event.region + ":" + Cast.ACCOUNT + ":*";
        if (service.equals("ec2")) {
            return event.failed("Client.UnauthorizedOperation", "You are not authorized to perform this operation."
                    + " User: " + callerArn + " is not authorized to perform: " + action + " because no"
                    + " identity-based policy allows the " + action + " action");
        }
        return event.failed("AccessDenied", "User: " + callerArn + " is not authorized to perform: " + action
                + " on resource: " + resource + " because no identity-based policy allows the " + action + " action");
    }

    static ApiEvent consoleLogin(Dice d, Instant t, Facts.User user, String ip, String browser, boolean success) {
        ApiEvent event = new ApiEvent(d, t, Cast.REGION, new Identity.UserSignIn(user), "signin.amazonaws.com",
                "ConsoleLogin")
                .from(ip, browser).type("AwsConsoleSignIn").version("1.08").readOnly(false).withoutRequestId()
                .host("signin.aws.amazon.com")
                .response(object("ConsoleLogin", success ? "Success" : "Failure"))
                .additional(object("LoginTo", "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true"
                        + "&state=hashArgsFromTB_us-east-1_" + d.hex(16), "MobileVersion", "No",
                        "MFAUsed", "Yes"));
        return success ? event : event.failed(null, "Failed authentication");
    }

    /** {@code AssumeRole}, by a principal or by EC2 for an instance profile; returns the new session's key. */
    static ApiEvent assumeRole(Dice d, Instant t, Identity caller, String ip, String agent, Role role,
            String sessionName, String newKeyId, int durationSeconds) {
        String sessionArn = "arn:aws:sts::" + Cast.ACCOUNT + ":assumed-role/" + role.name() + "/" + sessionName;
        return call(d, t, Cast.REGION, caller, ip, agent, "sts.amazonaws.com", "AssumeRole",
                object("roleArn", role.arn(), "roleSessionName", sessionName, "durationSeconds", durationSeconds))
                .version("1.08").readOnly(true)
                .response(object(
                        "credentials", object("accessKeyId", newKeyId, "sessionToken", sessionToken(d),
                                "expiration", RESPONSE_DATE.format(t.plusSeconds(durationSeconds))),
                        "assumedRoleUser", object("assumedRoleId", role.roleId() + ":" + sessionName,
                                "arn", sessionArn)))
                .resources(array(object("accountId", Cast.ACCOUNT, "type", "AWS::IAM::Role", "ARN", role.arn())));
    }

    static ApiEvent runInstances(Dice d, Instant t, Identity who, String ip, String agent, Host host, String group) {
        Instance instance = host.instance();
        String reservation = d.resourceId("r");
        String dns = "ip-" + instance.privateIp().replace('.', '-') + ".ec2.internal";
        Map<String, Object> nic = object(
                "networkInterfaceId", instance.interfaceId(), "subnetId", instance.subnetId(),
                "vpcId", instance.vpcId(), "description", "", "ownerId", Cast.ACCOUNT, "status", "in-use",
                "macAddress", host.mac(), "privateIpAddress", instance.privateIp(), "privateDnsName", dns,
                "sourceDestCheck", true, "interfaceType", "interface",
                "groupSet", items(object("groupId", group, "groupName", "default")),
                "attachment", object("attachmentId", d.resourceId("eni-attach"), "deviceIndex", 0,
                        "networkCardIndex", 0, "status", "attaching", "attachTime", t.toEpochMilli(),
                        "deleteOnTermination", true),
                "privateIpAddressesSet", object("item", array(object("privateIpAddress", instance.privateIp(),
                        "privateDnsName", dns, "primary", true))),
                "ipv6AddressesSet", object(), "tagSet", object());
        Map<String, Object> item = object(
                "instanceId", instance.id(), "imageId", IMAGE_ID,
                "instanceState", object("code", 0, "name", "pending"),
                "privateDnsName", dns, "amiLaunchIndex", 0, "productCodes", object(),
                "instanceType", instance.type(), "launchTime", t.toEpochMilli(),
                "placement", object("availabilityZone", host.availabilityZone(), "tenancy", "default"),
                "monitoring", object("state", "disabled"), "subnetId", instance.subnetId(),
                "vpcId", instance.vpcId(), "privateIpAddress", instance.privateIp(),
                "stateReason", object("code", "pending", "message", "pending"),
                "architecture", "x86_64", "rootDeviceType", "ebs", "rootDeviceName", "/dev/xvda",
                "blockDeviceMapping", object(), "virtualizationType", "hvm", "hypervisor", "xen",
                "groupSet", items(object("groupId", group, "groupName", "default")),
                "sourceDestCheck", true, "networkInterfaceSet", items(nic), "ebsOptimized", false,
                "enaSupport", true, "cpuOptions", object("coreCount", 1, "threadsPerCore", 1),
                "capacityReservationSpecification", object("capacityReservationPreference", "open"),
                "enclaveOptions", object("enabled", false),
                "metadataOptions", object("state", "pending", "httpTokens", "optional",
                        "httpPutResponseHopLimit", 1, "httpEndpoint", "enabled"));
        return call(d, t, Cast.REGION, who, ip, agent, "ec2.amazonaws.com", "RunInstances",
                object("instancesSet", items(object("imageId", IMAGE_ID, "minCount", 1, "maxCount", 1)),
                        "instanceType", instance.type(), "blockDeviceMapping", object(),
                        "monitoring", object("enabled", false), "disableApiTermination", false,
                        "disableApiStop", false, "clientToken", d.uuid(), "subnetId", instance.subnetId()))
                .response(object("requestId", d.uuid(), "reservationId", reservation, "ownerId", Cast.ACCOUNT,
                        "groupSet", object(), "instancesSet", items(item)));
    }

    static ApiEvent terminateInstances(Dice d, Instant t, Identity who, String ip, String agent, String instanceId) {
        return call(d, t, Cast.REGION, who, ip, agent, "ec2.amazonaws.com", "TerminateInstances",
                object("instancesSet", items(object("instanceId", instanceId))))
                .response(object("requestId", d.uuid(), "instancesSet", items(object("instanceId", instanceId,
                        "currentState", object("code", 32, "name", "shutting-down"),
                        "previousState", object("code", 16, "name", "running")))));
    }

    /** {@code CreateRole} with a trust policy for an AWS service ({@code ec2.amazonaws.com}) or an account. */
    static ApiEvent createRole(Dice d, Instant t, Identity who, String ip, String agent, Role role,
            String trustedService, String trustedAccount) {
        Map<String, Object> principal = trustedService != null ? object("Service", trustedService)
                : object("AWS", "arn:aws:iam::" + trustedAccount + ":root");
        String policy = policy(object("Version", "2012-10-17", "Statement", array(object(
                "Effect", "Allow", "Principal", principal, "Action", "sts:AssumeRole"))));
        return call(d, t, Cast.REGION, who, ip, agent, "iam.amazonaws.com", "CreateRole",
                object("roleName", role.name(), "assumeRolePolicyDocument", policy))
                .response(object("role", object("path", "/", "roleName", role.name(), "roleId", role.roleId(),
                        "arn", role.arn(), "createDate", RESPONSE_DATE.format(t),
                        "assumeRolePolicyDocument", URLEncoder.encode(policy, StandardCharsets.UTF_8)
                                .replace("+", "%20"))));
    }

    static ApiEvent createUser(Dice d, Instant t, Identity who, String ip, String agent, String name,
            String userId) {
        return call(d, t, Cast.REGION, who, ip, agent, "iam.amazonaws.com", "CreateUser", object("userName", name))
                .response(object("user", object("path", "/", "userName", name, "userId", userId,
                        "arn", Cast.userArn(name), "createDate", RESPONSE_DATE.format(t))));
    }

    static ApiEvent createAccessKey(Dice d, Instant t, Identity who, String ip, String agent, String userName,
            String keyId) {
        return call(d, t, Cast.REGION, who, ip, agent, "iam.amazonaws.com", "CreateAccessKey",
                object("userName", userName))
                .response(object("accessKey", object("userName", userName, "accessKeyId", keyId,
                        "status", "Active", "createDate", RESPONSE_DATE.format(t))));
    }

    static ApiEvent deleteAccessKey(Dice d, Instant t, Identity who, String ip, String agent, String userName,
            String keyId) {
        return call(d, t, Cast.REGION, who, ip, agent, "iam.amazonaws.com", "DeleteAccessKey",
                object("userName", userName, "accessKeyId", keyId));
    }

    static ApiEvent generateCredentialReport(Dice d, Instant t, Identity who, String ip, String agent) {
        return call(d, t, Cast.REGION, who, ip, agent, "iam.amazonaws.com", "GenerateCredentialReport", null)
                .readOnly(false);
    }

    static ApiEvent stopLogging(Dice d, Instant t, Identity who, String ip, String agent, String trailArn) {
        return call(d, t, Cast.REGION, who, ip, agent, "cloudtrail.amazonaws.com", "StopLogging",
                object("name", trailArn));
    }

    /** The SSM agent's heartbeat from an instance, with the instance profile's credentials. */
    static ApiEvent updateInstanceInformation(Dice d, Instant t, Identity who, Host host) {
        Instance instance = host.instance();
        return call(d, t, Cast.REGION, who, instance.publicIp(), Cast.SSM_AGENT, "ssm.amazonaws.com",
                "UpdateInstanceInformation",
                object("instanceId", instance.id(), "agentVersion", "3.3.1142.0", "agentStatus", "Active",
                        "platformType", "Linux", "platformName", "Amazon Linux", "platformVersion", "2023",
                        "iPAddress", instance.privateIp(),
                        "computerName", "ip-" + instance.privateIp().replace('.', '-') + ".ec2.internal",
                        "agentName", "amazon-ssm-agent", "availabilityZone", host.availabilityZone(),
                        "availabilityZoneId", host.availabilityZone().endsWith("a") ? "use1-az1" : "use1-az2"))
                .readOnly(false);
    }

    /** A bucket-level S3 call (a management event), with the additional data and resources S3 records. */
    static ApiEvent bucketCall(Dice d, Instant t, Identity who, String ip, String agent, String name, String bucket,
            String subresource) {
        String host = bucket + ".s3.amazonaws.com";
        return call(d, t, Cast.REGION, who, ip, agent, "s3.amazonaws.com", name,
                object("bucketName", bucket, "Host", host, subresource, ""))
                .host(host)
                .additional(object("SignatureVersion", "SigV4", "CipherSuite", "TLS_AES_128_GCM_SHA256",
                        "bytesTransferredIn", 0, "AuthenticationMethod", "AuthHeader",
                        "x-amz-id-2", d.alnum(76), "bytesTransferredOut", d.between(180, 2400)))
                .resources(array(object("accountId", Cast.ACCOUNT, "type", "AWS::S3::Bucket",
                        "ARN", "arn:aws:s3:::" + bucket)));
    }

    static String trailArn(String region, String trail) {
        return "arn:aws:cloudtrail:" + region + ":" + Cast.ACCOUNT + ":trail/" + trail;
    }

    private static boolean global(String source) {
        return source.equals("iam.amazonaws.com") || source.equals("sts.amazonaws.com")
                || source.equals("signin.amazonaws.com");
    }

    private static String sessionToken(Dice d) {
        return "IQoJb3JpZ2luX2VjE" + d.alnum(171);
    }

    private static String policy(Map<String, Object> document) {
        try {
            return POLICY_WRITER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // maps of strings always serialise
        }
    }
}
