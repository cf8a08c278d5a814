package io.github.detective4j.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.detective4j.benchmarks.CloudTrailCorpus.Caller;
import io.github.detective4j.model.ScopeTime;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a deterministic corpus of AWS logs at scale, for the side-by-side comparison ({@link Compare}): CloudTrail
 * management events as NDJSON (one file a day, as CloudTrail Lake and Firehose write them) and, on request, as
 * {@code {"Records":[...]}} {@code .json.gz} files in CloudTrail's S3 layout (one an hour); VPC Flow Logs as S3
 * delivers them (a header line naming a custom format with {@code instance-id} and {@code flow-direction}, one file a
 * day); GuardDuty findings as {@code GetFindings} output.
 *
 * <p>The background: thousands of principals (two thirds IAM users, a third role sessions) with Zipf-distributed
 * activity, each with its own one to three addresses, one or two user agents and 6 to 16 API methods, in office hours
 * (08:00 to 18:00 UTC) with a trickle at night and a quieter weekend; hundreds of instances with stable peers. Three
 * injected incidents, all in the last day (the scope of the comparison's questions): a busy user's credentials used
 * from a new address with a new user agent for discovery, {@code StopLogging}, {@code CreateUser} and
 * {@code CreateAccessKey}; three instances beaconing to one address every hour of the last five days; and GuardDuty's
 * findings on both. About 1.2 KB per CloudTrail event. The same arguments write the same bytes.
 */
final class ScaleCorpus {
    static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
    static final String ATTACKER_IP = "45.137.21.9";
    static final String ATTACKER_AGENT = "python-requests/2.31.0";
    static final String BEACON_IP = "185.220.101.45";
    private static final String ACCOUNT = CloudTrailCorpus.ACCOUNT;
    private static final double FLOW_SHARE = 0.25;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);
    static final String FLOW_FIELDS = "version account-id interface-id srcaddr dstaddr srcport dstport protocol"
            + " packets bytes start end action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr"
            + " pkt-dstaddr region az-id flow-direction traffic-path";
    /** Real management API methods, {service, method}; the verb says whether a call only reads. */
    private static final String[][] METHODS = {
        {"ec2", "DescribeInstances"}, {"ec2", "DescribeSecurityGroups"}, {"ec2", "DescribeVolumes"},
        {"ec2", "DescribeSubnets"}, {"ec2", "DescribeVpcs"}, {"ec2", "RunInstances"}, {"ec2", "StartInstances"},
        {"ec2", "StopInstances"}, {"ec2", "CreateTags"}, {"ec2", "AuthorizeSecurityGroupIngress"},
        {"iam", "GetUser"}, {"iam", "ListUsers"}, {"iam", "ListRoles"}, {"iam", "GetRole"}, {"iam", "ListPolicies"},
        {"iam", "CreateAccessKey"}, {"iam", "ListAccessKeys"}, {"iam", "GetAccountSummary"},
        {"s3", "ListBuckets"}, {"s3", "GetBucketPolicy"}, {"s3", "PutBucketPolicy"}, {"s3", "GetBucketAcl"},
        {"s3", "GetBucketLocation"}, {"sts", "GetCallerIdentity"}, {"sts", "AssumeRole"},
        {"kms", "ListKeys"}, {"kms", "DescribeKey"}, {"kms", "Decrypt"}, {"lambda", "ListFunctions20150331"},
        {"lambda", "GetFunction20150331v2"}, {"rds", "DescribeDBInstances"}, {"dynamodb", "ListTables"},
        {"dynamodb", "DescribeTable"}, {"sqs", "ListQueues"}, {"sns", "ListTopics"}, {"logs", "DescribeLogGroups"},
        {"logs", "CreateLogStream"}, {"monitoring", "DescribeAlarms"}, {"ssm", "GetParameter"},
        {"ssm", "DescribeInstanceInformation"}, {"secretsmanager", "GetSecretValue"}, {"ecr", "GetAuthorizationToken"},
        {"ecs", "ListClusters"}, {"eks", "ListClusters"}, {"route53", "ListHostedZones"},
        {"cloudformation", "DescribeStacks"}, {"cloudtrail", "DescribeTrails"}, {"cloudtrail", "LookupEvents"},
    };
    private static final String[][] INTRUSION = {
        {"sts", "GetCallerIdentity"}, {"iam", "ListUsers"}, {"iam", "ListRoles"}, {"ec2", "DescribeInstances"},
        {"s3", "ListBuckets"},
    };

    /**
     * The incidents' facts, for the questions.
     *
     * @param userId the principal id of the user whose credentials were used
     * @param commonAgent a user agent many principals use
     * @param beaconInstances the instances that beacon to {@link #BEACON_IP}
     * @param scope the last day, where the incidents are
     */
    record Incident(String userId, String commonAgent, List<String> beaconInstances, ScopeTime scope) {}

    /**
     * What was written.
     *
     * @param root the corpus folder
     * @param apiCalls CloudTrail events
     * @param flows flow log records
     * @param findings GuardDuty findings
     * @param cloudTrailBytes bytes of the NDJSON files
     * @param flowBytes bytes of the flow log files
     * @param incident the incidents
     */
    record Written(Path root, long apiCalls, long flows, long findings, long cloudTrailBytes, long flowBytes,
            Incident incident) {
        long events() {
            return apiCalls + flows + findings;
        }

        Path cloudTrail() {
            return root.resolve("cloudtrail");
        }

        Path flowLogs() {
            return root.resolve("vpcflow");
        }
    }

    private final long events;
    private final int days;
    private final long seed;
    private final boolean records;
    private final Instant start;
    private final int principals;
    private final int roles;
    private final double[] zipf;
    private final Habit[] habits;
    private final Host[] hosts;
    private final ByteArrayOutputStream eventBytes = new ByteArrayOutputStream(4096);
    private final JsonGenerator eventJson;

    private ScaleCorpus(long events, int days, long seed, boolean records) throws IOException {
        this.events = events;
        this.days = days;
        this.seed = seed;
        this.records = records;
        this.start = END.minus(Duration.ofDays(days));
        this.principals = (int) Math.max(1_000, Math.min(100_000, events / 250));
        this.roles = Math.max(50, principals / 80);
        this.zipf = new double[principals];
        double total = 0;
        for (int i = 0; i < principals; i++) {
            total += 1.0 / (i + 1);
            zipf[i] = total;
        }
        this.habits = new Habit[principals];
        for (int p = 0; p < principals; p++) {
            habits[p] = new Habit(p, new SplittableRandom(seed * 1_000_003L + p));
        }
        this.hosts = hosts((int) Math.max(100, Math.min(1_000, events / 5_000)), seed);
        this.eventJson = new JsonFactory().createGenerator(eventBytes, JsonEncoding.UTF8);
    }

    private static Host[] hosts(int instances, long seed) {
        Host[] hosts = new Host[instances];
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int h = 0; h < instances; h++) {
            hosts[h] = new Host(h, r);
        }
        for (Host host : hosts) {
            host.choosePeers(r, hosts);
        }
        return hosts;
    }

    /**
     * One VPC Flow Log file as S3 delivers it, in memory: the header line of {@link #FLOW_FIELDS}, then records of
     * 200 instances over one day, for the parsing benchmark.
     *
     * @param records how many records
     * @param seed the random seed
     * @return the file's bytes
     */
    static byte[] flowLogFile(int records, long seed) {
        Host[] hosts = hosts(200, seed);
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(records * 180).append(FLOW_FIELDS).append('\n');
        for (int n = 0; n < records; n++) {
            hosts[random.nextInt(hosts.length)].flow(text, random, END.minusSeconds(86_400 - n * 86_400L / records));
        }
        return text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * GuardDuty {@code GetFindings} output of instance findings, in memory, for the parsing benchmark.
     *
     * @param findings how many
     * @param seed the random seed
     * @return the file's bytes
     */
    static byte[] findingsFile(int findings, long seed) {
        Host[] hosts = hosts(200, seed);
        String[] types = {"CryptoCurrency:EC2/BitcoinTool.B", "Backdoor:EC2/C&CActivity.B", "Recon:EC2/PortProbeUnprotectedPort",
            "UnauthorizedAccess:EC2/SSHBruteForce", "Trojan:EC2/DNSDataExfiltration"};
        ByteArrayOutputStream out = new ByteArrayOutputStream(findings * 1_500);
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Findings");
            for (int n = 0; n < findings; n++) {
                String instance = hosts[n % hosts.length].instanceId;
                String type = types[n % types.length];
                Instant first = END.minusSeconds(86_400L * (1 + n % 30));
                finding(json, String.format("%032x", seed * 1_000_003L + n), type, "EC2 instance " + instance
                        + " is involved in " + type + ", seen with " + BEACON_IP + ".", 2.0 + n % 7, first,
                        first.plusSeconds(3_600L * (1 + n % 48)), 1 + n % 200, null, instance);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes a corpus.
     *
     * @param root the folder, created if needed; what it held is overwritten
     * @param events background events in all, about three quarters CloudTrail and a quarter flow records
     * @param days how many days, ending at {@link #END}
     * @param seed the random seed
     * @param records also write every CloudTrail event into hourly {@code {"Records":[...]}} {@code .json.gz} files
     * @return what was written
     * @throws IOException if a file cannot be written
     */
    static Written write(Path root, long events, int days, long seed, boolean records) throws IOException {
        if (days < 46 || events < 10_000) {
            throw new IllegalArgumentException("a corpus needs at least 46 days and 10,000 events");
        }
        return new ScaleCorpus(events, days, seed, records).writeAll(root);
    }

    private Written writeAll(Path root) throws IOException {
        Files.createDirectories(root.resolve("cloudtrail"));
        Files.createDirectories(root.resolve("vpcflow"));
        Files.createDirectories(root.resolve("guardduty"));
        int hours = days * 24;
        long apiTotal = Math.round(events * (1 - FLOW_SHARE));
        long flowTotal = events - apiTotal;
        double[] apiWeight = new double[hours];
        double[] flowWeight = new double[hours];
        for (int h = 0; h < hours; h++) {
            ZonedDateTime t = start.plusSeconds(h * 3_600L).atZone(ZoneOffset.UTC);
            boolean weekend = t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean office = t.getHour() >= 8 && t.getHour() < 18;
            apiWeight[h] = (office ? 1.0 : 0.12) * (weekend ? 0.3 : 1.0);
            flowWeight[h] = (office ? 1.0 : 0.6) * (weekend ? 0.7 : 1.0);
        }
        long[] apiPerHour = spread(apiTotal, apiWeight);
        long[] flowPerHour = spread(flowTotal, flowWeight);
        Habit victim = habits[4 % 3 == 2 ? 5 : 4]; // a busy IAM user
        int intrusionHour = hours - 10; // 14:00 on the last day
        int beaconFrom = hours - 5 * 24;
        List<String> beacons = List.of(hosts[7].instanceId, hosts[42 % hosts.length].instanceId,
                hosts[hosts.length - 3].instanceId);

        SplittableRandom random = new SplittableRandom(seed);
        long apiCalls = 0;
        long flows = 0;
        OutputStream ndjson = null;
        OutputStream flowFile = null;
        for (int h = 0; h < hours; h++) {
            Instant hourStart = start.plusSeconds(h * 3_600L);
            if (h % 24 == 0) {
                close(ndjson);
                close(flowFile);
                String day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(hourStart);
                ndjson = open(root.resolve("cloudtrail").resolve(day + ".ndjson"));
                flowFile = open(root.resolve("vpcflow").resolve(ACCOUNT + "_vpcflowlogs_us-east-1_fl-0a1b2c3d4e5f6a7b8_"
                        + day.replace("-", "") + "T0000Z_" + Integer.toHexString(day.hashCode()) + ".log"));
                flowFile.write((FLOW_FIELDS + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            OutputStream hourly = records ? recordsFile(root, hourStart, random) : null;
            boolean first = true;
            int[] seconds = sortedSeconds(random, (int) apiPerHour[h]);
            for (int k = 0; k < seconds.length; k++) {
                Habit who = habits[principal(random)];
                byte[] event = who.event(random, hourStart.plusSeconds(seconds[k]), (int) apiCalls);
                ndjson.write(event);
                ndjson.write('\n');
                first = writeRecord(hourly, event, first);
                apiCalls++;
                if (h == intrusionHour && k == seconds.length / 2) {
                    for (int n = 0; n < 40; n++) {
                        String[] call = n < 37 ? INTRUSION[n % INTRUSION.length]
                                : new String[][] {{"cloudtrail", "StopLogging"}, {"iam", "CreateUser"},
                                    {"iam", "CreateAccessKey"}}[n - 37];
                        byte[] bad = victim.intrusion(random, hourStart.plusSeconds(seconds[k] + n * 20L), call,
                                (int) apiCalls);
                        ndjson.write(bad);
                        ndjson.write('\n');
                        first = writeRecord(hourly, bad, first);
                        apiCalls++;
                    }
                }
            }
            if (hourly != null) {
                hourly.write("]}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                hourly.close();
            }
            StringBuilder lines = new StringBuilder();
            for (long n = 0; n < flowPerHour[h]; n++) {
                hosts[random.nextInt(hosts.length)].flow(lines, random, hourStart);
                flows++;
            }
            if (h >= beaconFrom) {
                for (String instance : beacons) {
                    Host host = hostOf(instance);
                    long at = hourStart.getEpochSecond() + 600;
                    host.line(lines, "egress", host.ip, BEACON_IP, 41_876, 8_333, 5_000, at);
                    host.line(lines, "ingress", BEACON_IP, host.ip, 8_333, 41_876, 10_000, at);
                    flows += 2;
                }
            }
            flowFile.write(lines.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        close(ndjson);
        close(flowFile);
        long findings = writeFindings(root.resolve("guardduty").resolve("findings.json"), victim, beacons,
                start.plusSeconds(intrusionHour * 3_600L), start.plusSeconds(beaconFrom * 3_600L));
        syncAll(root); // what is timed next reads the files: not the page cache writing them back meanwhile
        ScopeTime scope = ScopeTime.of(END.minus(Duration.ofDays(1)), END);
        Incident incident = new Incident(victim.principalId, CloudTrailCorpus.USER_AGENTS[2], beacons, scope);
        return new Written(root, apiCalls, flows, findings, size(root.resolve("cloudtrail")),
                size(root.resolve("vpcflow")), incident);
    }

    private Host hostOf(String instanceId) {
        for (Host host : hosts) {
            if (host.instanceId.equals(instanceId)) {
                return host;
            }
        }
        throw new IllegalArgumentException(instanceId);
    }

    /** Spreads a total over hours in proportion to their weights, exactly. */
    private static long[] spread(long total, double[] weight) {
        double sum = Arrays.stream(weight).sum();
        long[] out = new long[weight.length];
        double cumulative = 0;
        long given = 0;
        for (int h = 0; h < weight.length; h++) {
            cumulative += weight[h];
            long upTo = Math.round(cumulative / sum * total);
            out[h] = upTo - given;
            given = upTo;
        }
        return out;
    }

    private static int[] sortedSeconds(SplittableRandom random, int n) {
        int[] seconds = new int[n];
        for (int i = 0; i < n; i++) {
            seconds[i] = random.nextInt(3_600);
        }
        Arrays.sort(seconds);
        return seconds;
    }

    private int principal(SplittableRandom random) {
        int p = Arrays.binarySearch(zipf, random.nextDouble() * zipf[principals - 1]);
        return Math.min(principals - 1, p >= 0 ? p : -p - 1);
    }

    private OutputStream recordsFile(Path root, Instant hour, SplittableRandom random) throws IOException {
        Path dir = root.resolve("AWSLogs").resolve(ACCOUNT).resolve("CloudTrail").resolve("us-east-1")
                .resolve(DAY.format(hour));
        Files.createDirectories(dir);
        String name = ACCOUNT + "_CloudTrail_us-east-1_" + STAMP.format(hour) + "_"
                + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + ".json.gz";
        OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(dir.resolve(name)),
                64 * 1024), 64 * 1024);
        out.write("{\"Records\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return out;
    }

    private static boolean writeRecord(OutputStream hourly, byte[] event, boolean first) throws IOException {
        if (hourly != null) {
            if (!first) {
                hourly.write(',');
            }
            hourly.write(event);
        }
        return false;
    }

    private static OutputStream open(Path file) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024);
    }

    private static void close(OutputStream out) throws IOException {
        if (out != null) {
            out.close();
        }
    }

    private static void syncAll(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        }
    }

    private static long size(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            long total = 0;
            for (Path file : files.toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    /** One event's JSON bytes, written with the shared generator. */
    private byte[] json(SplittableRandom random, Caller caller, String[] call, boolean failed, String ip,
            String agent, Instant time, int i) throws IOException {
        String method = call[1];
        boolean readOnly = method.startsWith("Describe") || method.startsWith("List") || method.startsWith("Get")
                || method.startsWith("Lookup");
        String region = random.nextInt(4) == 0 ? "eu-west-1" : "us-east-1";
        CloudTrailCorpus.writeEvent(eventJson, random, caller, call[0] + ".amazonaws.com", method, readOnly, failed,
                region, ip, agent, time, i);
        eventJson.flush();
        byte[] bytes = eventBytes.toByteArray();
        eventBytes.reset();
        return bytes;
    }

    /** A principal's habits: its identity, addresses, user agents and methods. */
    private final class Habit {
        final String principalId;
        final Caller caller;
        final String[] ips;
        final String[] agents;
        final String[][] methods;

        Habit(int p, SplittableRandom r) {
            if (p % 3 == 2) {
                int role = p % roles;
                caller = Caller.roleSession("AROA" + CloudTrailCorpus.pad(role, 17), "app-role-" + role,
                        "session-" + p, "ASIA" + CloudTrailCorpus.pad(p, 16));
            } else {
                caller = Caller.user("AIDA" + CloudTrailCorpus.pad(p, 17), "user-" + p,
                        "AKIA" + CloudTrailCorpus.pad(p, 16));
            }
            principalId = caller.principalId();
            ips = new String[1 + r.nextInt(3)];
            for (int k = 0; k < ips.length; k++) {
                int address = (p * 7 + k * 13) % 5_000;
                ips[k] = "198.51." + (address / 250) + "." + (address % 250 + 1);
            }
            agents = new String[1 + r.nextInt(2)];
            for (int k = 0; k < agents.length; k++) {
                agents[k] = CloudTrailCorpus.USER_AGENTS[(p + k) % CloudTrailCorpus.USER_AGENTS.length];
            }
            methods = new String[6 + r.nextInt(11)][];
            for (int k = 0; k < methods.length; k++) {
                methods[k] = METHODS[r.nextInt(METHODS.length)];
            }
        }

        byte[] event(SplittableRandom random, Instant time, int i) throws IOException {
            String[] call = methods[random.nextInt(methods.length)];
            return json(random, caller, call, random.nextInt(20) == 0, ips[random.nextInt(ips.length)],
                    agents[random.nextInt(agents.length)], time, i);
        }

        byte[] intrusion(SplittableRandom random, Instant time, String[] call, int i) throws IOException {
            return json(random, caller, call, false, ATTACKER_IP, ATTACKER_AGENT, time, i);
        }
    }

    /** An instance: its ids, private address and the peers it talks to. */
    private static final class Host {
        final String instanceId;
        final String eni;
        final String ip;
        final String subnet;
        String[] peers;
        int[] ports;

        Host(int h, SplittableRandom r) {
            instanceId = "i-" + CloudTrailCorpus.hex17(r);
            eni = "eni-" + CloudTrailCorpus.hex17(r);
            ip = "10.0." + (h / 250) + "." + (h % 250 + 4);
            subnet = "subnet-0" + Integer.toHexString(0x1000000 + h / 50).substring(1) + "abcdef01";
        }

        void choosePeers(SplittableRandom r, Host[] all) {
            peers = new String[3 + r.nextInt(6)];
            ports = new int[peers.length];
            for (int k = 0; k < peers.length; k++) {
                boolean internal = r.nextInt(3) > 0;
                peers[k] = internal ? all[r.nextInt(all.length)].ip
                        : "52.94." + r.nextInt(256) + "." + (1 + r.nextInt(254)); // AWS service endpoints
                ports[k] = internal ? new int[] {5432, 6379, 8080, 443}[r.nextInt(4)] : 443;
            }
        }

        void flow(StringBuilder out, SplittableRandom random, Instant hour) {
            int k = random.nextInt(peers.length);
            long bytes = 200 + (long) Math.exp(random.nextDouble() * 12);
            long at = hour.getEpochSecond() + random.nextInt(3_000);
            if (random.nextBoolean()) {
                line(out, "egress", ip, peers[k], 32_768 + random.nextInt(28_000), ports[k], bytes, at);
            } else {
                line(out, "ingress", peers[k], ip, ports[k], 32_768 + random.nextInt(28_000), bytes, at);
            }
        }

        /** One accepted TCP record in the order of {@link #FLOW_FIELDS}. */
        void line(StringBuilder out, String direction, String src, String dst, int srcPort, int dstPort, long bytes,
                long at) {
            out.append("5 ").append(ACCOUNT).append(' ').append(eni).append(' ').append(src).append(' ').append(dst)
                    .append(' ').append(srcPort).append(' ').append(dstPort).append(" 6 ").append(1 + bytes / 1_200)
                    .append(' ').append(bytes).append(' ').append(at).append(' ').append(at + 60)
                    .append(" ACCEPT OK vpc-0123456789abcdef0 ").append(subnet).append(' ').append(instanceId)
                    .append(" 2 IPv4 ").append(src).append(' ').append(dst).append(" us-east-1 use1-az1 ")
                    .append(direction).append(direction.equals("egress") ? " 8" : " -").append('\n');
        }
    }

    private static long writeFindings(Path file, Habit victim, List<String> beacons, Instant intrusion,
            Instant beaconFrom) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("Findings");
            finding(json, "5ab1f1e0c0de4e1f9a5c7d3b2e1f0a9b", "Stealth:IAMUser/CloudTrailLoggingDisabled",
                    "AWS CloudTrail trail management-events was disabled.", 2.0, intrusion, intrusion, 1, victim,
                    null);
            int n = 0;
            for (String instance : beacons) {
                finding(json, "c2b98b95c5440025c05b405065ed3b" + (n++) + "0", "CryptoCurrency:EC2/BitcoinTool.B",
                        "EC2 instance " + instance + " is communicating with IP address " + BEACON_IP
                                + " on the Bitcoin network.", 8.0, beaconFrom, END.minusSeconds(3_000), 120, null,
                        instance);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return 1 + beacons.size();
    }

    private static void finding(JsonGenerator json, String id, String type, String description, double severity,
            Instant first, Instant last, int count, Habit user, String instance) throws IOException {
        json.writeStartObject();
        json.writeStringField("AccountId", ACCOUNT);
        json.writeStringField("Arn", "arn:aws:guardduty:us-east-1:" + ACCOUNT
                + ":detector/12abc34d567e8fa901bc2d34e56789f0/finding/" + id);
        json.writeStringField("CreatedAt", first.plusSeconds(300).toString());
        json.writeStringField("Description", description);
        json.writeStringField("Id", id);
        json.writeStringField("Partition", "aws");
        json.writeStringField("Region", "us-east-1");
        json.writeObjectFieldStart("Resource");
        if (instance != null) {
            json.writeObjectFieldStart("InstanceDetails");
            json.writeStringField("InstanceId", instance);
            json.writeStringField("InstanceType", "t3.micro");
            json.writeEndObject();
            json.writeStringField("ResourceType", "Instance");
        } else {
            json.writeObjectFieldStart("AccessKeyDetails");
            json.writeStringField("AccessKeyId", user.caller.accessKeyId());
            json.writeStringField("PrincipalId", user.principalId);
            json.writeStringField("UserName", user.caller.userName());
            json.writeStringField("UserType", "IAMUser");
            json.writeEndObject();
            json.writeStringField("ResourceType", "AccessKey");
        }
        json.writeEndObject();
        json.writeStringField("SchemaVersion", "2.0");
        json.writeObjectFieldStart("Service");
        json.writeObjectFieldStart("Action");
        if (instance != null) {
            json.writeStringField("ActionType", "NETWORK_CONNECTION");
            json.writeObjectFieldStart("NetworkConnectionAction");
            json.writeStringField("ConnectionDirection", "OUTBOUND");
            json.writeStringField("Protocol", "TCP");
            json.writeObjectFieldStart("RemoteIpDetails");
            json.writeStringField("IpAddressV4", BEACON_IP);
            json.writeEndObject();
            json.writeObjectFieldStart("RemotePortDetails");
            json.writeNumberField("Port", 8_333);
            json.writeEndObject();
            json.writeEndObject();
        } else {
            json.writeStringField("ActionType", "AWS_API_CALL");
            json.writeObjectFieldStart("AwsApiCallAction");
            json.writeStringField("Api", "StopLogging");
            json.writeStringField("CallerType", "Remote IP");
            json.writeStringField("ServiceName", "cloudtrail.amazonaws.com");
            json.writeObjectFieldStart("RemoteIpDetails");
            json.writeStringField("IpAddressV4", ATTACKER_IP);
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeBooleanField("Archived", false);
        json.writeNumberField("Count", count);
        json.writeStringField("DetectorId", "12abc34d567e8fa901bc2d34e56789f0");
        json.writeStringField("EventFirstSeen", first.toString());
        json.writeStringField("EventLastSeen", last.toString());
        json.writeStringField("ResourceRole", "TARGET");
        json.writeStringField("ServiceName", "guardduty");
        json.writeEndObject();
        json.writeNumberField("Severity", severity);
        json.writeStringField("Title", type);
        json.writeStringField("Type", type);
        json.writeStringField("UpdatedAt", last.toString());
        json.writeEndObject();
    }
}
