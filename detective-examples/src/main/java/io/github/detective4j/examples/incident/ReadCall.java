package io.github.detective4j.examples.incident;

import static io.github.detective4j.examples.incident.Json.object;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A call people make while they look around, with how often they make it relative to their other calls.
 *
 * @param source the {@code eventSource}
 * @param name the {@code eventName}
 * @param weight how often, relative to the other calls of the same catalog
 * @param request the {@code requestParameters} to send, or a function giving null
 * @param denied whether the caller's policy refuses the call, every time
 */
record ReadCall(String source, String name, double weight, Function<Dice, Map<String, Object>> request,
        boolean denied) {

    static final List<String> STACKS = List.of("orders-api", "web-frontend", "batch-jobs");
    static final List<String> FUNCTIONS = List.of("orders-api", "thumbnailer", "nightly-report");

    static ReadCall of(String service, String name, double weight) {
        return new ReadCall(service + ".amazonaws.com", name, weight, d -> null, false);
    }

    static ReadCall of(String service, String name, double weight, Function<Dice, Map<String, Object>> request) {
        return new ReadCall(service + ".amazonaws.com", name, weight, request, false);
    }

    ReadCall refused() {
        return new ReadCall(source, name, weight, request, true);
    }

    /** What the admin user looks at, on the CLI and in the console: never one of the attack's new calls. */
    static List<ReadCall> admin(List<String> userNames, List<String> roleNames) {
        return List.of(
                of("ec2", "DescribeInstances", 5, d -> object("instancesSet", object(), "filterSet", object())),
                of("ec2", "DescribeSecurityGroups", 2, d -> object("securityGroupSet", object(),
                        "securityGroupIdSet", object(), "filterSet", object())),
                of("ec2", "DescribeVpcs", 1, d -> object("vpcSet", object(), "filterSet", object())),
                of("ec2", "DescribeSubnets", 1, d -> object("subnetSet", object(), "filterSet", object())),
                of("ec2", "DescribeInstanceStatus", 1, d -> object("instancesSet", object(), "filterSet", object(),
                        "includeAllInstances", false)),
                of("iam", "ListUsers", 3),
                of("iam", "GetUser", 1, d -> object("userName", d.pick(userNames))),
                of("iam", "ListRoles", 2),
                of("iam", "GetRole", 1, d -> object("roleName", d.pick(roleNames))),
                of("iam", "ListAttachedUserPolicies", 1, d -> object("userName", d.pick(userNames))),
                of("iam", "ListAccessKeys", 1, d -> object("userName", d.pick(userNames))),
                of("iam", "GetAccountSummary", 1),
                of("cloudtrail", "DescribeTrails", 1, d -> object("trailNameList", Json.array(),
                        "includeShadowTrails", true)),
                of("cloudtrail", "GetTrailStatus", 1, d -> object("name",
                        ApiCalls.trailArn(Cast.REGION, Cast.STOPPED_TRAIL))),
                of("cloudtrail", "LookupEvents", 1, d -> object("maxResults", 50)),
                of("s3", "ListBuckets", 2, d -> object("Host", "s3.amazonaws.com")),
                of("s3", "GetBucketPolicy", 1),
                of("s3", "GetBucketLocation", 1),
                of("sts", "GetCallerIdentity", 2),
                of("monitoring", "DescribeAlarms", 1),
                of("logs", "DescribeLogGroups", 1));
    }

    /** What developers look at; a few calls outside their policy fail. */
    static List<ReadCall> developer() {
        return List.of(
                of("ec2", "DescribeInstances", 3, d -> object("instancesSet", object(), "filterSet", object())),
                of("ec2", "DescribeSecurityGroups", 1, d -> object("securityGroupSet", object(),
                        "securityGroupIdSet", object(), "filterSet", object())),
                of("cloudformation", "DescribeStacks", 4, d -> object("stackName", d.pick(STACKS))),
                of("cloudformation", "DescribeStackEvents", 2, d -> object("stackName", d.pick(STACKS))),
                of("lambda", "ListFunctions20150331", 2),
                of("lambda", "GetFunction20150331v2", 2, d -> object("functionName", d.pick(FUNCTIONS))),
                of("logs", "DescribeLogGroups", 2),
                of("logs", "DescribeLogStreams", 2, d -> object("logGroupName", "/aws/lambda/"
                        + d.pick(FUNCTIONS), "orderBy", "LastEventTime", "descending", true)),
                of("s3", "ListBuckets", 2, d -> object("Host", "s3.amazonaws.com")),
                of("s3", "GetBucketLocation", 1),
                of("ecr", "DescribeRepositories", 1),
                of("sts", "GetCallerIdentity", 1),
                of("iam", "ListUsers", 0.25).refused(),
                of("iam", "ListRoles", 0.15).refused(),
                of("guardduty", "ListDetectors", 0.1).refused());
    }

    /** What the security analyst looks at. */
    static List<ReadCall> security(String detectorId) {
        return List.of(
                of("guardduty", "ListDetectors", 1),
                of("guardduty", "ListFindings", 4, d -> object("detectorId", detectorId, "maxResults", 50)),
                of("guardduty", "GetFindingsStatistics", 2, d -> object("detectorId", detectorId,
                        "findingStatisticTypes", Json.array("COUNT_BY_SEVERITY"))),
                of("cloudtrail", "LookupEvents", 3, d -> object("maxResults", 50)),
                of("cloudtrail", "DescribeTrails", 1, d -> object("trailNameList", Json.array(),
                        "includeShadowTrails", true)),
                of("cloudtrail", "GetTrailStatus", 1, d -> object("name",
                        ApiCalls.trailArn(Cast.REGION, Cast.STOPPED_TRAIL))),
                of("iam", "ListUsers", 2),
                of("iam", "GetCredentialReport", 1),
                of("iam", "GetAccountPasswordPolicy", 1),
                of("config", "DescribeConfigRules", 1),
                of("securityhub", "GetFindings", 2, d -> object("maxResults", 100)),
                of("s3", "GetBucketAcl", 1),
                of("s3", "GetBucketPolicy", 1),
                of("ec2", "DescribeFlowLogs", 1, d -> object("describeFlowLogsRequest", object())),
                of("ec2", "DescribeSecurityGroups", 1, d -> object("securityGroupSet", object(),
                        "securityGroupIdSet", object(), "filterSet", object())));
    }

    /** Draws one call of a catalog by weight. */
    static ReadCall draw(List<ReadCall> catalog, Dice dice) {
        double total = 0;
        for (ReadCall call : catalog) {
            total += call.weight;
        }
        double x = dice.uniform(0, total);
        for (ReadCall call : catalog) {
            x -= call.weight;
            if (x < 0) {
                return call;
            }
        }
        return catalog.get(catalog.size() - 1);
    }

    /** The bucket subresource of a bucket-level S3 call, such as {@code policy} for GetBucketPolicy. */
    String bucketSubresource() {
        return name.startsWith("GetBucket") ? name.substring("GetBucket".length()).toLowerCase(Locale.ROOT)
                : null;
    }
}
