package io.github.detective4j.benchmarks;

import io.github.detective4j.enrich.Asn;
import io.github.detective4j.enrich.Geolocation;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Deterministic normalized CloudTrail events for graph benchmarks: {@code principals} principals (two thirds IAM
 * users, one third role sessions of 50 roles) with Zipf-distributed activity over {@code days} days in time order,
 * office-hours diurnal cycles, one to three source IPs each from a pool, a few user agents each, 200 API methods over
 * 20 services, 5% failures, and S3 calls naming buckets.
 *
 * <p>Every string an event holds is its own instance, as the parser makes them, so that the graph pays for hashing
 * them as it would in production.
 */
final class ApiCallCorpus {
    static final String ACCOUNT = "111122223333";
    static final Instant START = Instant.parse("2026-09-01T00:00:00Z");
    private static final String[] SERVICES = {"ec2", "iam", "s3", "sts", "cloudtrail", "kms", "lambda", "rds",
        "dynamodb", "sqs", "sns", "logs", "monitoring", "ssm", "secretsmanager", "ecr", "ecs", "eks", "route53",
        "cloudformation"};
    private static final String[] VERBS = {"Describe", "List", "Get", "Put", "Create", "Delete", "Update", "Tag",
        "Start", "Stop"};
    private static final String[] USER_AGENTS = {
        "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.79-99.164.amzn2023.x86_64 exe/x86_64.amzn.2023 prompt/off",
        "aws-sdk-java/2.25.11 Linux/5.10.210-201.852.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10",
        "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.15.0-1056-aws md/arch#x86_64 lang/python#3.10.12",
        "console.amazonaws.com",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0",
        "Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.43.0 aws-sdk-go-v2/1.26.0",
    };

    private ApiCallCorpus() {}

    /** The principal id of principal number {@code i}: busier principals have lower numbers. */
    static EntityRef principal(int i) {
        return i % 3 == 2 ? EntityRef.roleSession(roleId(i), "session-" + i) : EntityRef.user(userId(i));
    }

    /** A graph builder whose lookups spread the corpus's addresses over 250 cities and 50 networks. */
    static BehaviorGraph.Builder enrichedGraph() {
        return BehaviorGraph.builder()
                .geoLocator(ip -> {
                    int k = Math.floorMod(ip.hashCode(), 250);
                    return Optional.of(new Geolocation("City" + k, null, "US", null, 25 + k % 25, -120 + k / 5.0));
                })
                .asnResolver(ip -> Optional.of(new Asn(64_512 + Math.floorMod(ip.hashCode(), 50), "Net")));
    }

    static List<ApiCall> generate(int events, int principals, int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[][] methods = new String[200][];
        for (int m = 0; m < methods.length; m++) {
            String service = SERVICES[m % SERVICES.length];
            methods[m] = new String[] {service + ".amazonaws.com",
                VERBS[(m / SERVICES.length) % VERBS.length] + "Resource" + (m / (SERVICES.length * VERBS.length))};
        }
        double[] zipf = new double[principals];
        double total = 0;
        for (int i = 0; i < principals; i++) {
            total += 1.0 / (i + 1);
            zipf[i] = total;
        }
        long[] times = new long[events];
        int[] who = new int[events];
        long start = START.getEpochSecond();
        for (int e = 0; e < events; e++) {
            double u = random.nextDouble() * total;
            int p = Arrays.binarySearch(zipf, u);
            who[e] = Math.min(principals - 1, p >= 0 ? p : -p - 1);
            int day = random.nextInt(days);
            // Office hours for most calls, a trickle of automation at night.
            int hour = random.nextInt(10) < 8 ? 8 + random.nextInt(10) : random.nextInt(24);
            times[e] = start + day * 86_400L + hour * 3_600L + random.nextInt(3_600);
        }
        Integer[] order = new Integer[events];
        for (int e = 0; e < events; e++) {
            order[e] = e;
        }
        Arrays.sort(order, Comparator.comparingLong(e -> times[e]));
        List<ApiCall> calls = new ArrayList<>(events);
        for (int k = 0; k < events; k++) {
            int e = order[k];
            int p = who[e];
            SplittableRandom r = new SplittableRandom(seed * 31 + p); // each principal's own habits
            int ips = 1 + r.nextInt(3);
            int agents = 1 + r.nextInt(2);
            int methodBase = r.nextInt(methods.length);
            int ip = (p * 7 + random.nextInt(ips)) % 5_000;
            String[] method = methods[(methodBase + (int) Math.abs(random.nextGaussian() * 6)) % methods.length];
            boolean failed = random.nextInt(20) == 0;
            ApiCall.Builder call = ApiCall.builder()
                    .eventTime(Instant.ofEpochSecond(times[e]))
                    .eventId(new String("e" + e))
                    .accountId(new String(ACCOUNT))
                    .region(new String("us-east-1"))
                    .principal(identity(p))
                    .sourceIpAddress("198.51." + (ip / 250) + "." + (ip % 250 + 1))
                    .userAgent(new String(USER_AGENTS[(p + random.nextInt(agents)) % USER_AGENTS.length]))
                    .eventSource(new String(method[0]))
                    .eventName(new String(method[1]))
                    .errorCode(failed ? "AccessDenied" : null);
            if (method[0].startsWith("s3.")) {
                String bucket = "bucket-" + (p % 500);
                call.resources(List.of(new AwsResource(AwsResource.S3_BUCKET, bucket, "arn:aws:s3:::" + bucket,
                        AwsResource.Action.TOUCHED)));
            }
            calls.add(call.build());
        }
        return calls;
    }

    /**
     * An intruder's hour with principal number {@code i}'s credentials from {@code at}: 40 calls from an address,
     * network and user agent the corpus never uses, a discovery burst, then {@code StopLogging}, {@code CreateUser}
     * and {@code CreateAccessKey}, so that an investigation has indicators to find.
     */
    static List<ApiCall> intrusion(int i, Instant at) {
        String[][] script = {{"sts", "GetCallerIdentity"}, {"iam", "ListUsers"}, {"iam", "ListRoles"},
            {"ec2", "DescribeInstances"}, {"s3", "ListBuckets"}};
        List<ApiCall> calls = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            String[] method = k < 37 ? script[k % script.length]
                    : new String[][] {{"cloudtrail", "StopLogging"}, {"iam", "CreateUser"},
                        {"iam", "CreateAccessKey"}}[k - 37];
            calls.add(ApiCall.builder()
                    .eventTime(at.plusSeconds(k * 60L))
                    .eventId("intrusion-" + k)
                    .accountId(ACCOUNT)
                    .region("us-east-1")
                    .principal(identity(i))
                    .sourceIpAddress("45.137.21.9")
                    .userAgent("python-requests/2.31.0")
                    .eventSource(method[0] + ".amazonaws.com")
                    .eventName(method[1])
                    .build());
        }
        return calls;
    }

    private static Principal identity(int i) {
        if (i % 3 == 2) {
            String role = roleId(i);
            return Principal.builder(PrincipalType.ASSUMED_ROLE).principalId(role + ":session-" + i)
                    .arn("arn:aws:sts::" + ACCOUNT + ":assumed-role/role-" + (i % 50) + "/session-" + i)
                    .accountId(ACCOUNT).accessKeyId("ASIA" + pad(i, 16))
                    .sessionIssuer(new Principal.SessionIssuer("Role", role,
                            "arn:aws:iam::" + ACCOUNT + ":role/role-" + (i % 50), ACCOUNT, "role-" + (i % 50)))
                    .mfaAuthenticated(false).build();
        }
        return Principal.builder(PrincipalType.IAM_USER).principalId(userId(i))
                .arn("arn:aws:iam::" + ACCOUNT + ":user/user-" + i).accountId(ACCOUNT).userName("user-" + i)
                .accessKeyId("AKIA" + pad(i, 16)).build();
    }

    private static String userId(int i) {
        return "AIDA" + pad(i, 17);
    }

    private static String roleId(int i) {
        return "AROA" + pad(i % 50, 17);
    }

    private static String pad(int n, int width) {
        String s = Integer.toString(n, 36).toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
