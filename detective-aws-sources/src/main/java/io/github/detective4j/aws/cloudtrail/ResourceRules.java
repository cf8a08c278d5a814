package io.github.detective4j.aws.cloudtrail;

import static io.github.detective4j.model.AwsResource.Action.CREATED;
import static io.github.detective4j.model.AwsResource.Action.DELETED;
import static io.github.detective4j.model.AwsResource.Action.TOUCHED;

import io.github.detective4j.aws.cloudtrail.ValuePaths.Values;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.AwsResource.Action;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which resources an API call created, deleted or touched, read from its {@code requestParameters} and
 * {@code responseElements}: the one table of these rules.
 *
 * <p>Each rule is of one service ({@code eventSource}): {@code ec2} for the instance calls
 * ({@code ec2-instance-connect} for {@code SendSSHPublicKey} and {@code SendSerialConsoleSSHPublicKey}), {@code ssm}
 * for {@code SendCommand} and {@code StartSession}, {@code sts} for {@code AssumeRole*} and
 * {@code GetFederationToken}, {@code cloudtrail} for the trail calls, {@code iam} for the rest; another service's call
 * of the same name (Transfer Family's or ElastiCache's {@code CreateUser}) names no resource here.
 *
 * <p>Only the calls below have their parameters read at all, and only along the paths their rule names
 * ({@link ValuePaths}); for every other call both subtrees are passed over unparsed, which is much of what makes the
 * CloudTrail parser fast. The event's own {@code resources} list, where
 * CloudTrail writes one, is read for every call (by the reader, as {@link Action#TOUCHED}) and merged with these.
 *
 * <table>
 *   <caption>Resource rules</caption>
 *   <tr><th>calls</th><th>from</th><th>resource</th><th>action</th></tr>
 *   <tr><td>RunInstances</td><td>{@code responseElements.instancesSet.items[].instanceId}</td>
 *       <td>AWS::EC2::Instance</td><td>CREATED</td></tr>
 *   <tr><td></td><td>{@code responseElements.instancesSet.items[].networkInterfaceSet.items[].networkInterfaceId}</td>
 *       <td>AWS::EC2::NetworkInterface</td><td>TOUCHED (a launch may attach an interface that exists)</td></tr>
 *   <tr><td>AttachNetworkInterface</td><td>{@code requestParameters.instanceId} and {@code .networkInterfaceId}</td>
 *       <td>AWS::EC2::Instance and AWS::EC2::NetworkInterface</td><td>TOUCHED</td></tr>
 *   <tr><td>TerminateInstances</td><td>{@code requestParameters.instancesSet.items[].instanceId}</td>
 *       <td>AWS::EC2::Instance</td><td>DELETED</td></tr>
 *   <tr><td>StartInstances, StopInstances, RebootInstances</td>
 *       <td>{@code requestParameters.instancesSet.items[].instanceId}</td><td>AWS::EC2::Instance</td>
 *       <td>TOUCHED</td></tr>
 *   <tr><td>GetPasswordData, GetConsoleOutput, GetConsoleScreenshot, ModifyInstanceAttribute,
 *       DescribeInstanceAttribute, SendSSHPublicKey, SendSerialConsoleSSHPublicKey</td>
 *       <td>{@code requestParameters.instanceId}</td><td>AWS::EC2::Instance</td><td>TOUCHED</td></tr>
 *   <tr><td>SendCommand (SSM)</td><td>{@code requestParameters.instanceIds[]}</td><td>AWS::EC2::Instance</td>
 *       <td>TOUCHED</td></tr>
 *   <tr><td>StartSession (SSM)</td><td>{@code requestParameters.target} when it is an instance id</td>
 *       <td>AWS::EC2::Instance</td><td>TOUCHED</td></tr>
 *   <tr><td>AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity</td><td>{@code requestParameters.roleArn}</td>
 *       <td>AWS::IAM::Role (id: the role name)</td><td>TOUCHED</td></tr>
 *   <tr><td></td><td>{@code responseElements.assumedRoleUser.assumedRoleId} and {@code .arn}</td>
 *       <td>{@value #ASSUMED_ROLE_SESSION} (id: {@code <rolePrincipalId>:<sessionName>}, Detective's role
 *       session id)</td><td>CREATED</td></tr>
 *   <tr><td>GetFederationToken</td><td>{@code responseElements.federatedUser.federatedUserId} and {@code .arn}</td>
 *       <td>{@value #FEDERATED_USER} (id: {@code <account>:<name>})</td><td>CREATED</td></tr>
 *   <tr><td>CreateUser</td><td>{@code responseElements.user.userName}/{@code .arn}, else
 *       {@code requestParameters.userName}</td><td>AWS::IAM::User</td><td>CREATED</td></tr>
 *   <tr><td>DeleteUser</td><td>{@code requestParameters.userName}</td><td>AWS::IAM::User</td><td>DELETED</td></tr>
 *   <tr><td>CreateLoginProfile, UpdateLoginProfile, DeleteLoginProfile, AttachUserPolicy, DetachUserPolicy,
 *       PutUserPolicy, DeleteUserPolicy, AddUserToGroup, RemoveUserFromGroup, UpdateUser</td>
 *       <td>{@code requestParameters.userName}</td><td>AWS::IAM::User</td><td>TOUCHED</td></tr>
 *   <tr><td>CreateAccessKey</td><td>{@code responseElements.accessKey.accessKeyId}; its {@code userName}</td>
 *       <td>AWS::IAM::AccessKey; AWS::IAM::User</td><td>CREATED; TOUCHED</td></tr>
 *   <tr><td>DeleteAccessKey</td><td>{@code requestParameters.accessKeyId}; {@code userName}</td>
 *       <td>AWS::IAM::AccessKey; AWS::IAM::User</td><td>DELETED; TOUCHED</td></tr>
 *   <tr><td>UpdateAccessKey</td><td>{@code requestParameters.accessKeyId}</td><td>AWS::IAM::AccessKey</td>
 *       <td>TOUCHED</td></tr>
 *   <tr><td>CreateRole</td><td>{@code responseElements.role.roleName}/{@code .arn}, else
 *       {@code requestParameters.roleName}</td><td>AWS::IAM::Role</td><td>CREATED</td></tr>
 *   <tr><td>DeleteRole</td><td>{@code requestParameters.roleName}</td><td>AWS::IAM::Role</td><td>DELETED</td></tr>
 *   <tr><td>UpdateAssumeRolePolicy, AttachRolePolicy, DetachRolePolicy, PutRolePolicy, DeleteRolePolicy,
 *       UpdateRole</td><td>{@code requestParameters.roleName}</td><td>AWS::IAM::Role</td><td>TOUCHED</td></tr>
 *   <tr><td>StopLogging, DeleteTrail</td><td>{@code requestParameters.name} (a name or an ARN)</td>
 *       <td>AWS::CloudTrail::Trail (id: the trail name)</td><td>DELETED: the trail stops recording</td></tr>
 *   <tr><td>CreateTrail</td><td>{@code responseElements.name}/{@code .trailARN}, else
 *       {@code requestParameters.name}</td><td>AWS::CloudTrail::Trail</td><td>CREATED</td></tr>
 *   <tr><td>StartLogging, UpdateTrail, PutEventSelectors, PutInsightSelectors</td>
 *       <td>{@code requestParameters.name} or {@code .trailName}</td><td>AWS::CloudTrail::Trail</td>
 *       <td>TOUCHED</td></tr>
 *   <tr><td>every call to {@code s3.amazonaws.com}</td><td>{@code requestParameters.bucketName}</td>
 *       <td>AWS::S3::Bucket (ARN {@code arn:aws:s3:::<bucket>}, bucket names being global)</td>
 *       <td>CreateBucket CREATED, DeleteBucket DELETED, else TOUCHED</td></tr>
 * </table>
 *
 * <p>Ids are what {@link AwsResource} asks for: names for users, roles, trails and buckets, ids for instances and
 * access keys. ARNs are taken from the event, never built, except for buckets: a user's or role's ARN carries a
 * path the event may not show. A failed call (one with an {@code errorCode} or {@code errorMessage}) created and
 * deleted nothing, so the reader turns its CREATED and DELETED into TOUCHED: the caller still reached for it.
 */
final class ResourceRules {
    /** The type of a role session that {@code AssumeRole*} starts; not a CloudFormation type, none exists. */
    static final String ASSUMED_ROLE_SESSION = "AWS::STS::AssumedRoleSession";
    /** The type of a federated user session that {@code GetFederationToken} starts; not a CloudFormation type. */
    static final String FEDERATED_USER = "AWS::STS::FederatedUser";

    private static final String S3 = "s3.amazonaws.com";
    private static final String EC2 = "ec2.amazonaws.com";
    private static final String EC2_INSTANCE_CONNECT = "ec2-instance-connect.amazonaws.com";
    private static final String SSM = "ssm.amazonaws.com";
    private static final String STS = "sts.amazonaws.com";
    private static final String IAM = "iam.amazonaws.com";
    private static final String CLOUDTRAIL = "cloudtrail.amazonaws.com";
    private static final ValuePaths NOTHING = ValuePaths.of();

    /**
     * What one call's rule reads from its two subtrees, and what it makes of the values; {@code eventSource} is the
     * service whose call it is (another service's call of the same name, Transfer Family's {@code CreateUser} say,
     * names no IAM user).
     */
    record Rule(String eventSource, ValuePaths request, ValuePaths response, Extractor extractor) {
        boolean needsRequest() {
            return request.size() > 0;
        }

        boolean needsResponse() {
            return response.size() > 0;
        }

        void collect(Values request, Values response, String eventName, List<AwsResource> out) {
            extractor.extract(request, response, eventName, out);
        }
    }

    @FunctionalInterface
    interface Extractor {
        void extract(Values request, Values response, String eventName, List<AwsResource> out);
    }

    private static final Map<String, Rule> RULES = new HashMap<>();

    /** Every call to S3 names its bucket. */
    private static final Rule S3_BUCKET = new Rule(S3, ValuePaths.of("bucketName"), NOTHING, (rq, rs, name, out) -> {
        String bucket = rq.first(0);
        Action action = "CreateBucket".equals(name) ? CREATED : "DeleteBucket".equals(name) ? DELETED : TOUCHED;
        add(out, AwsResource.S3_BUCKET, bucket, bucket == null ? null : "arn:aws:s3:::" + bucket, action);
    });

    static {
        ValuePaths instanceSet = ValuePaths.of("instancesSet.items[].instanceId");
        rule(EC2, NOTHING, ValuePaths.of("instancesSet.items[].instanceId",
                "instancesSet.items[].networkInterfaceSet.items[].networkInterfaceId"), (rq, rs, name, out) -> {
                    rs.all(0).forEach(id -> add(out, AwsResource.EC2_INSTANCE, id, null, CREATED));
                    rs.all(1).forEach(id -> add(out, AwsResource.EC2_NETWORK_INTERFACE, id, null, TOUCHED));
                }, "RunInstances");
        rule(EC2, ValuePaths.of("networkInterfaceId", "instanceId"), NOTHING, (rq, rs, name, out) -> {
            add(out, AwsResource.EC2_INSTANCE, rq.first(1), null, TOUCHED);
            add(out, AwsResource.EC2_NETWORK_INTERFACE, rq.first(0), null, TOUCHED);
        }, "AttachNetworkInterface");
        rule(EC2, instanceSet, NOTHING, (rq, rs, name, out) -> rq.all(0)
                .forEach(id -> add(out, AwsResource.EC2_INSTANCE, id, null, DELETED)), "TerminateInstances");
        rule(EC2, instanceSet, NOTHING, (rq, rs, name, out) -> rq.all(0)
                .forEach(id -> add(out, AwsResource.EC2_INSTANCE, id, null, TOUCHED)),
                "StartInstances", "StopInstances", "RebootInstances");
        Extractor instanceId = (rq, rs, name, out) -> add(out, AwsResource.EC2_INSTANCE, rq.first(0), null, TOUCHED);
        rule(EC2, ValuePaths.of("instanceId"), NOTHING, instanceId, "GetPasswordData", "GetConsoleOutput",
                "GetConsoleScreenshot", "ModifyInstanceAttribute", "DescribeInstanceAttribute");
        rule(EC2_INSTANCE_CONNECT, ValuePaths.of("instanceId"), NOTHING, instanceId, "SendSSHPublicKey",
                "SendSerialConsoleSSHPublicKey");
        rule(SSM, ValuePaths.of("instanceIds[]"), NOTHING, (rq, rs, name, out) -> rq.all(0)
                .forEach(id -> add(out, AwsResource.EC2_INSTANCE, id, null, TOUCHED)), "SendCommand");
        rule(SSM, ValuePaths.of("target"), NOTHING, (rq, rs, name, out) -> {
            String target = rq.first(0);
            if (target != null && target.startsWith("i-")) {
                add(out, AwsResource.EC2_INSTANCE, target, null, TOUCHED);
            }
        }, "StartSession");

        rule(STS, ValuePaths.of("roleArn"), ValuePaths.of("assumedRoleUser.assumedRoleId", "assumedRoleUser.arn"),
                (rq, rs, name, out) -> {
                    String roleArn = rq.first(0);
                    add(out, AwsResource.IAM_ROLE, lastPathSegment(roleArn), roleArn, TOUCHED);
                    add(out, ASSUMED_ROLE_SESSION, rs.first(0), rs.first(1), CREATED);
                }, "AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity");
        rule(STS, NOTHING, ValuePaths.of("federatedUser.federatedUserId", "federatedUser.arn"),
                (rq, rs, name, out) -> add(out, FEDERATED_USER, rs.first(0), rs.first(1), CREATED),
                "GetFederationToken");

        rule(IAM, ValuePaths.of("userName"), ValuePaths.of("user.userName", "user.arn"), (rq, rs, name, out) -> {
            String user = rs.first(0);
            add(out, AwsResource.IAM_USER, user != null ? user : rq.first(0), rs.first(1), CREATED);
        }, "CreateUser");
        ValuePaths userName = ValuePaths.of("userName");
        rule(IAM, userName, NOTHING, (rq, rs, name, out) -> add(out, AwsResource.IAM_USER, rq.first(0), null, DELETED),
                "DeleteUser");
        rule(IAM, userName, NOTHING, (rq, rs, name, out) -> add(out, AwsResource.IAM_USER, rq.first(0), null, TOUCHED),
                "CreateLoginProfile", "UpdateLoginProfile", "DeleteLoginProfile", "AttachUserPolicy",
                "DetachUserPolicy", "PutUserPolicy", "DeleteUserPolicy", "AddUserToGroup", "RemoveUserFromGroup",
                "UpdateUser");

        rule(IAM, userName, ValuePaths.of("accessKey.accessKeyId", "accessKey.userName"), (rq, rs, name, out) -> {
            add(out, AwsResource.IAM_ACCESS_KEY, rs.first(0), null, CREATED);
            String owner = rs.first(1);
            add(out, AwsResource.IAM_USER, owner != null ? owner : rq.first(0), null, TOUCHED);
        }, "CreateAccessKey");
        rule(IAM, ValuePaths.of("accessKeyId", "userName"), NOTHING, (rq, rs, name, out) -> {
            add(out, AwsResource.IAM_ACCESS_KEY, rq.first(0), null, DELETED);
            add(out, AwsResource.IAM_USER, rq.first(1), null, TOUCHED);
        }, "DeleteAccessKey");
        rule(IAM, ValuePaths.of("accessKeyId"), NOTHING,
                (rq, rs, name, out) -> add(out, AwsResource.IAM_ACCESS_KEY, rq.first(0), null, TOUCHED),
                "UpdateAccessKey");

        ValuePaths roleName = ValuePaths.of("roleName");
        rule(IAM, roleName, ValuePaths.of("role.roleName", "role.arn"), (rq, rs, name, out) -> {
            String role = rs.first(0);
            add(out, AwsResource.IAM_ROLE, role != null ? role : rq.first(0), rs.first(1), CREATED);
        }, "CreateRole");
        rule(IAM, roleName, NOTHING, (rq, rs, name, out) -> add(out, AwsResource.IAM_ROLE, rq.first(0), null, DELETED),
                "DeleteRole");
        rule(IAM, roleName, NOTHING, (rq, rs, name, out) -> add(out, AwsResource.IAM_ROLE, rq.first(0), null, TOUCHED),
                "UpdateAssumeRolePolicy", "AttachRolePolicy", "DetachRolePolicy", "PutRolePolicy",
                "DeleteRolePolicy", "UpdateRole");

        rule(CLOUDTRAIL, ValuePaths.of("name"), NOTHING, (rq, rs, name, out) -> addTrail(out, rq.first(0), DELETED),
                "StopLogging", "DeleteTrail");
        rule(CLOUDTRAIL, ValuePaths.of("name", "trailName"), NOTHING, (rq, rs, name, out) -> {
            String trail = rq.first(0);
            addTrail(out, trail != null ? trail : rq.first(1), TOUCHED);
        }, "StartLogging", "UpdateTrail", "PutEventSelectors", "PutInsightSelectors");
        rule(CLOUDTRAIL, ValuePaths.of("name"), ValuePaths.of("name", "trailARN"), (rq, rs, name, out) -> {
            String trail = rs.first(0) != null ? rs.first(0) : rq.first(0);
            if (trail != null) {
                String arn = rs.first(1);
                add(out, AwsResource.CLOUDTRAIL_TRAIL, trailName(trail), arn != null ? arn : trailArn(trail),
                        CREATED);
            }
        }, "CreateTrail");
    }

    private ResourceRules() {}

    /**
     * Returns the rule of a call.
     *
     * @param eventSource the call's {@code eventSource}
     * @param eventName the call's {@code eventName}
     * @return the rule, or null when the call's parameters name no resource this table knows
     */
    static Rule rule(String eventSource, String eventName) {
        Rule rule = RULES.get(eventName);
        if (rule != null && rule.eventSource().equals(eventSource)) {
            return rule;
        }
        return S3.equals(eventSource) ? S3_BUCKET : null;
    }

    /**
     * Returns the id of a resource named by its ARN in an event's {@code resources} list: the bucket or
     * {@code bucket/key} for S3, the last path segment for IAM (paths such as {@code role/division/Name}), the part
     * after the resource type otherwise ({@code instance/i-0abc} and {@code key/1234abcd} give the id,
     * {@code function:name} the name).
     *
     * @param arn an ARN, or any text
     * @return the id; the text itself when it is not an ARN
     */
    static String idFromArn(String arn) {
        if (!arn.startsWith("arn:")) {
            return arn;
        }
        int colons = 0;
        int resourceStart = -1;
        int serviceStart = -1;
        int serviceEnd = -1;
        for (int i = 0; i < arn.length(); i++) {
            if (arn.charAt(i) == ':') {
                colons++;
                if (colons == 2) {
                    serviceStart = i + 1;
                } else if (colons == 3) {
                    serviceEnd = i;
                } else if (colons == 5) {
                    resourceStart = i + 1;
                    break;
                }
            }
        }
        if (resourceStart < 0 || resourceStart == arn.length()) {
            return arn;
        }
        String service = arn.substring(serviceStart, serviceEnd);
        String resource = arn.substring(resourceStart);
        if (service.equals("s3")) {
            return resource;
        }
        int slash = service.equals("iam") ? resource.lastIndexOf('/') : resource.indexOf('/');
        if (slash >= 0 && slash < resource.length() - 1) {
            return resource.substring(slash + 1);
        }
        int colon = resource.indexOf(':');
        return colon >= 0 && colon < resource.length() - 1 ? resource.substring(colon + 1) : resource;
    }

    private static void rule(String eventSource, ValuePaths request, ValuePaths response, Extractor extractor,
            String... names) {
        Rule rule = new Rule(eventSource, request, response, extractor);
        for (String name : names) {
            if (RULES.put(name, rule) != null) {
                throw new IllegalStateException(name + " has two rules"); // one service per name in this table
            }
        }
    }

    private static void add(List<AwsResource> out, String type, String id, String arn, Action action) {
        if (id != null && !id.isBlank()) {
            out.add(new AwsResource(type, id, arn, action));
        }
    }

    /** Trails are named by name or by ARN ({@code arn:aws:cloudtrail:<region>:<account>:trail/<name>}). */
    private static void addTrail(List<AwsResource> out, String nameOrArn, Action action) {
        if (nameOrArn != null) {
            add(out, AwsResource.CLOUDTRAIL_TRAIL, trailName(nameOrArn), trailArn(nameOrArn), action);
        }
    }

    private static String trailName(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? lastPathSegment(nameOrArn) : nameOrArn;
    }

    private static String trailArn(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn : null;
    }

    /** The text after the last '/', which is the name in IAM and CloudTrail ARNs; the text itself if none. */
    private static String lastPathSegment(String arn) {
        if (arn == null) {
            return null;
        }
        int slash = arn.lastIndexOf('/');
        return slash >= 0 && slash < arn.length() - 1 ? arn.substring(slash + 1) : arn;
    }
}
