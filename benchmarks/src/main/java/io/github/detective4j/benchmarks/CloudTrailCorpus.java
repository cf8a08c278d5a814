package io.github.detective4j.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * Writes a deterministic, realistic CloudTrail log file ({@code {"Records":[...]}}) of management events, for
 * benchmarks: IAM users and role sessions calling EC2, IAM, S3, STS and CloudTrail, with the request parameters,
 * response elements, TLS details and session contexts that real events carry, about 1.3 KB per event.
 */
final class CloudTrailCorpus {
    static final String ACCOUNT = "111122223333";
    static final String[] USER_AGENTS = {
        "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.79-99.164.amzn2023.x86_64 exe/x86_64.amzn.2023 prompt/off command/ec2.describe-instances",
        "aws-sdk-java/2.25.11 Linux/5.10.210-201.852.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/standard",
        "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.15.0-1056-aws md/arch#x86_64 lang/python#3.10.12 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69",
        "console.amazonaws.com",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
    };
    private static final String[][] READ_CALLS = {
        {"ec2.amazonaws.com", "DescribeInstances"}, {"ec2.amazonaws.com", "DescribeSecurityGroups"},
        {"iam.amazonaws.com", "ListUsers"}, {"iam.amazonaws.com", "GetUser"}, {"s3.amazonaws.com", "ListBuckets"},
        {"sts.amazonaws.com", "GetCallerIdentity"}, {"cloudtrail.amazonaws.com", "DescribeTrails"},
        {"s3.amazonaws.com", "GetBucketPolicy"}, {"kms.amazonaws.com", "ListKeys"},
    };

    private CloudTrailCorpus() {}

    /**
     * Writes {@code events} events as one CloudTrail log file.
     *
     * @param events how many
     * @param seed the random seed: the same seed gives the same bytes
     * @return the file's bytes, uncompressed
     */
    static byte[] recordsFile(int events, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(events * 1400);
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
            long time = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();
            for (int i = 0; i < events; i++) {
                time += random.nextInt(30);
                writeEvent(json, random, i, Instant.ofEpochSecond(time));
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeEvent(JsonGenerator json, SplittableRandom random, int i, Instant time)
            throws IOException {
        int user = Math.min(63, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 8)); // a few busy principals
        boolean role = user % 3 != 0;
        int kind = random.nextInt(100);
        String[] call = kind < 80 ? READ_CALLS[random.nextInt(READ_CALLS.length)]
                : kind < 88 ? new String[] {"ec2.amazonaws.com", "RunInstances"}
                : kind < 94 ? new String[] {"sts.amazonaws.com", "AssumeRole"}
                : kind < 97 ? new String[] {"iam.amazonaws.com", "CreateAccessKey"}
                : new String[] {"s3.amazonaws.com", "PutBucketPolicy"};
        boolean failed = random.nextInt(20) == 0;
        // a role session's temporary key is the one its credentials came with, renewed every hour (see writeEvent)
        Caller caller = role
                ? Caller.roleSession("AROA" + pad(user, 17), "app-role-" + user, "session-" + user,
                        "ASIA" + pad(user, 4) + pad(time.getEpochSecond() / 3600, 12))
                : Caller.user("AIDA" + pad(user, 17), "user-" + user, "AKIA" + pad(user, 16));
        String region = random.nextInt(4) == 0 ? "eu-west-1" : "us-east-1";
        String ip = "198.51." + (user % 200) + "." + (1 + random.nextInt(3));
        String agent = USER_AGENTS[(user + random.nextInt(2)) % USER_AGENTS.length];
        writeEvent(json, random, caller, call[0], call[1], kind < 80, failed, region, ip, agent, time, i);
    }

    /** Who calls: an IAM user, or a session of an assumed role (with its session issuer). */
    record Caller(boolean role, String principalId, String arn, String accessKeyId, String userName, String roleId,
            String roleName) {
        static Caller user(String userId, String userName, String accessKeyId) {
            return new Caller(false, userId, "arn:aws:iam::" + ACCOUNT + ":user/" + userName, accessKeyId, userName,
                    null, null);
        }

        static Caller roleSession(String roleId, String roleName, String session, String accessKeyId) {
            return new Caller(true, roleId + ":" + session,
                    "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + roleName + "/" + session, accessKeyId, null, roleId,
                    roleName);
        }
    }

    /**
     * Writes one management event as CloudTrail does, with the request parameters and response elements of the
     * calls that have them (see {@link #writeParameters}), TLS details and, for a role session, its session context.
     */
    static void writeEvent(JsonGenerator json, SplittableRandom random, Caller caller, String eventSource,
            String eventName, boolean readOnly, boolean failed, String region, String sourceIp, String userAgent,
            Instant time, int i) throws IOException {
        json.writeStartObject();
        json.writeStringField("eventVersion", "1.09");
        json.writeObjectFieldStart("userIdentity");
        if (caller.role()) {
            json.writeStringField("type", "AssumedRole");
            json.writeStringField("principalId", caller.principalId());
            json.writeStringField("arn", caller.arn());
            json.writeStringField("accountId", ACCOUNT);
            json.writeStringField("accessKeyId", caller.accessKeyId());
            json.writeObjectFieldStart("sessionContext");
            json.writeObjectFieldStart("sessionIssuer");
            json.writeStringField("type", "Role");
            json.writeStringField("principalId", caller.roleId());
            json.writeStringField("arn", "arn:aws:iam::" + ACCOUNT + ":role/" + caller.roleName());
            json.writeStringField("accountId", ACCOUNT);
            json.writeStringField("userName", caller.roleName());
            json.writeEndObject();
            json.writeObjectFieldStart("attributes");
            // when the session's credentials were issued, the same for all its calls: renewed on the hour, as an SDK
            // refreshing one-hour credentials does (not per call, which real logs never show)
            json.writeStringField("creationDate", time.truncatedTo(ChronoUnit.HOURS).toString());
            json.writeStringField("mfaAuthenticated", "false");
            json.writeEndObject();
            json.writeEndObject();
        } else {
            json.writeStringField("type", "IAMUser");
            json.writeStringField("principalId", caller.principalId());
            json.writeStringField("arn", caller.arn());
            json.writeStringField("accountId", ACCOUNT);
            json.writeStringField("accessKeyId", caller.accessKeyId());
            json.writeStringField("userName", caller.userName());
        }
        json.writeEndObject();
        json.writeStringField("eventTime", time.toString());
        json.writeStringField("eventSource", eventSource);
        json.writeStringField("eventName", eventName);
        json.writeStringField("awsRegion", region);
        json.writeStringField("sourceIPAddress", sourceIp);
        json.writeStringField("userAgent", userAgent);
        if (failed) {
            json.writeStringField("errorCode", "AccessDenied");
            json.writeStringField("errorMessage", "User: " + caller.arn() + " is not authorized to perform: "
                    + eventName + " because no identity-based policy allows it");
        }
        writeParameters(json, random, eventName, i);
        writeResponse(json, random, failed ? "" : eventName, i);
        json.writeStringField("requestID", uuid(random));
        json.writeStringField("eventID", uuid(random));
        json.writeBooleanField("readOnly", readOnly);
        json.writeStringField("eventType", "AwsApiCall");
        json.writeBooleanField("managementEvent", true);
        json.writeStringField("recipientAccountId", ACCOUNT);
        json.writeStringField("eventCategory", "Management");
        json.writeObjectFieldStart("tlsDetails");
        json.writeStringField("tlsVersion", "TLSv1.3");
        json.writeStringField("cipherSuite", "TLS_AES_128_GCM_SHA256");
        json.writeStringField("clientProvidedHostHeader", eventSource.replace(".amazonaws.com", "." + region + ".amazonaws.com"));
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeParameters(JsonGenerator json, SplittableRandom random, String name, int i)
            throws IOException {
        json.writeFieldName("requestParameters");
        switch (name) {
            case "DescribeInstances":
                json.writeStartObject();
                json.writeObjectFieldStart("instancesSet");
                json.writeArrayFieldStart("items");
                for (int k = 0; k < 1 + random.nextInt(3); k++) {
                    json.writeStartObject();
                    json.writeStringField("instanceId", "i-" + hex17(random));
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
                json.writeObjectFieldStart("filterSet");
                json.writeEndObject();
                json.writeEndObject();
                break;
            case "RunInstances":
                json.writeStartObject();
                json.writeObjectFieldStart("instancesSet");
                json.writeArrayFieldStart("items");
                json.writeStartObject();
                json.writeStringField("imageId", "ami-0abcdef1234567890");
                json.writeNumberField("minCount", 1);
                json.writeNumberField("maxCount", 1);
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
                json.writeStringField("instanceType", "t3.micro");
                json.writeObjectFieldStart("blockDeviceMapping");
                json.writeEndObject();
                json.writeBooleanField("disableApiTermination", false);
                json.writeObjectFieldStart("monitoring");
                json.writeBooleanField("enabled", false);
                json.writeEndObject();
                json.writeEndObject();
                break;
            case "AssumeRole":
                json.writeStartObject();
                json.writeStringField("roleArn", "arn:aws:iam::" + ACCOUNT + ":role/deploy-" + (i % 7));
                json.writeStringField("roleSessionName", "deploy-" + i);
                json.writeNumberField("durationSeconds", 3600);
                json.writeEndObject();
                break;
            case "CreateAccessKey":
                json.writeStartObject();
                json.writeStringField("userName", "user-" + (i % 11));
                json.writeEndObject();
                break;
            case "PutBucketPolicy":
                json.writeStartObject();
                json.writeStringField("bucketName", "data-bucket-" + (i % 5));
                json.writeStringField("Host", "data-bucket-" + (i % 5) + ".s3.amazonaws.com");
                json.writeStringField("bucketPolicy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::data-bucket/*\"}]}");
                json.writeStringField("policy", "");
                json.writeEndObject();
                break;
            case "GetBucketPolicy":
                json.writeStartObject();
                json.writeStringField("bucketName", "data-bucket-" + (i % 5));
                json.writeStringField("Host", "data-bucket-" + (i % 5) + ".s3.amazonaws.com");
                json.writeStringField("policy", "");
                json.writeEndObject();
                break;
            case "GetUser":
                json.writeStartObject();
                json.writeStringField("userName", "user-" + (i % 11));
                json.writeEndObject();
                break;
            default:
                json.writeNull();
        }
    }

    private static void writeResponse(JsonGenerator json, SplittableRandom random, String name, int i)
            throws IOException {
        json.writeFieldName("responseElements");
        switch (name) {
            case "RunInstances":
                json.writeStartObject();
                json.writeStringField("requestId", uuid(random));
                json.writeStringField("reservationId", "r-" + hex17(random));
                json.writeStringField("ownerId", ACCOUNT);
                json.writeObjectFieldStart("instancesSet");
                json.writeArrayFieldStart("items");
                json.writeStartObject();
                json.writeStringField("instanceId", "i-" + hex17(random));
                json.writeStringField("imageId", "ami-0abcdef1234567890");
                json.writeObjectFieldStart("instanceState");
                json.writeNumberField("code", 0);
                json.writeStringField("name", "pending");
                json.writeEndObject();
                json.writeStringField("privateDnsName", "ip-10-0-" + (i % 250) + "-7.ec2.internal");
                json.writeNumberField("amiLaunchIndex", 0);
                json.writeStringField("instanceType", "t3.micro");
                json.writeStringField("launchTime", "1730419200000");
                json.writeObjectFieldStart("placement");
                json.writeStringField("availabilityZone", "us-east-1a");
                json.writeStringField("tenancy", "default");
                json.writeEndObject();
                json.writeStringField("subnetId", "subnet-0123456789abcdef0");
                json.writeStringField("vpcId", "vpc-0123456789abcdef0");
                json.writeStringField("privateIpAddress", "10.0." + (i % 250) + ".7");
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndObject();
                break;
            case "AssumeRole":
                json.writeStartObject();
                json.writeObjectFieldStart("credentials");
                json.writeStringField("accessKeyId", "ASIA" + pad(i, 16));
                json.writeStringField("sessionToken", "IQoJb3JpZ2luX2VjEXAMPLE" + "x".repeat(120));
                json.writeStringField("expiration", "Nov 1, 2026, 1:00:00 AM");
                json.writeEndObject();
                json.writeObjectFieldStart("assumedRoleUser");
                json.writeStringField("assumedRoleId", "AROA" + pad(i % 7, 17) + ":deploy-" + i);
                json.writeStringField("arn", "arn:aws:sts::" + ACCOUNT + ":assumed-role/deploy-" + (i % 7) + "/deploy-" + i);
                json.writeEndObject();
                json.writeEndObject();
                break;
            case "CreateAccessKey":
                json.writeStartObject();
                json.writeObjectFieldStart("accessKey");
                json.writeStringField("userName", "user-" + (i % 11));
                json.writeStringField("accessKeyId", "AKIA" + pad(i, 16));
                json.writeStringField("status", "Active");
                json.writeStringField("createDate", "Nov 1, 2026, 12:00:00 AM");
                json.writeEndObject();
                json.writeEndObject();
                break;
            default:
                json.writeNull();
        }
    }

    static String pad(long n, int width) {
        String digits = Long.toString(n, 36).toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /** 17 lower-case hex digits, the shape of current EC2 ids. */
    static String hex17(SplittableRandom random) {
        String hex = Long.toHexString(random.nextLong());
        return "0".repeat(17 - hex.length()) + hex;
    }

    static String uuid(SplittableRandom random) {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }
}
