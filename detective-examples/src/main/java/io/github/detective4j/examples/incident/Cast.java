package io.github.detective4j.examples.incident;

import io.github.detective4j.examples.incident.Facts.Instance;
import io.github.detective4j.examples.incident.Facts.Place;
import io.github.detective4j.examples.incident.Facts.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who and what is in the story: users, roles, instances, the network and the public addresses, with their ids.
 *
 * <p>The ids of the story's own actors are constants; those of the background are drawn from their names
 * ({@link Dice#forName}), so that the cast never moves with the seed and adding a developer does not rename the
 * others.
 */
final class Cast {
    static final String ACCOUNT = "111122223333";
    static final String REGION = "us-east-1";
    static final String OTHER_REGION = "ap-northeast-1";
    /** Characters 5 to 12 of every IAM unique id and access key of the account, as AWS encodes the account there. */
    private static final String ACCOUNT_TAG = "W3PB6VQK";

    static final String ADMIN_NAME = "DetectiveDemo-AdminUser";
    static final String ADMIN_PRINCIPAL_ID = "AIDA" + ACCOUNT_TAG + "D7ZJ4NMXE";
    static final String ADMIN_ACCESS_KEY = "AKIA" + ACCOUNT_TAG + "HF2T6YLC";
    static final String MINER_INSTANCE_ID = "i-08a8e40be65425909";
    static final String OTHER_MINER_INSTANCE_ID = "i-0e3d9f7c1a2b45d68";
    static final String BITCOIN_IP = "104.16.1.42";
    static final int BITCOIN_PORT = 8333;
    static final String STOPPED_TRAIL = "detective-demo-trail";
    static final String ATTACKER_ACCOUNT = "444455556666";

    static final String ADMIN_CLI = "aws-cli/2.22.35 Python/3.12.6 Darwin/24.1.0 exe/x86_64 prompt/off";
    static final String CHROME_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String CONSOLE = "AWS Internal";
    static final String ATTACKER_AGENT = "aws-cli/1.16.300 Python/2.7.16 Linux/4.14.133-113.105.amzn2.x86_64"
            + " botocore/1.13.36";
    static final String LINUX_CLI = "aws-cli/2.17.50 Python/3.11.9 Linux/6.8.0-1015-aws exe/x86_64.ubuntu.24"
            + " prompt/off";
    static final String WINDOWS_CLI = "aws-cli/2.15.30 Python/3.11.8 Windows/10 exe/AMD64 prompt/off";
    static final String FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101"
            + " Firefox/133.0";
    static final String BOTO3 = "Boto3/1.35.54 md/Botocore#1.35.54 ua/2.0 os/macos#24.1.0 md/arch#arm64"
            + " lang/python#3.12.7 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.54";
    static final String CI_CLI = "aws-cli/2.18.0 Python/3.12.6 Linux/6.8.0-1017-aws exe/x86_64.ubuntu.24"
            + " prompt/off";
    static final String SSM_AGENT = "aws-sdk-go/1.55.5 (go1.22.7; linux; amd64) amazon-ssm-agent/3.3.1142.0";

    static final Place TOKYO_OFFICE = new Place("153.156.88.21", "Tokyo office", "Tokyo", "JP", 35.6895, 139.6917,
            4713, "NTT Communications Corporation");
    static final Place TOKYO_HOME = new Place("126.35.140.7", "admin's home", "Tokyo", "JP", 35.6581, 139.7017,
            17676, "SoftBank Corp.");
    static final Place OSAKA_OFFICE = new Place("111.87.53.14", "Osaka office", "Osaka", "JP", 34.6937, 135.5023,
            2516, "KDDI CORPORATION");
    static final Place CI_RUNNER = new Place("3.139.54.18", "CI runner (us-east-2)", "Columbus", "US", 39.9612,
            -82.9988, 16509, "AMAZON-02");
    static final Place ATTACKER = new Place("44.212.19.33", "attacker", "Ashburn", "US", 39.0438, -77.4874, 14618,
            "AMAZON-AES");
    static final Place BITCOIN = new Place(BITCOIN_IP, "Bitcoin-related host", "San Francisco", "US", 37.7749,
            -122.4194, 13335, "CLOUDFLARENET");
    static final Place NTP = new Place("162.159.200.123", "NTP server", "San Francisco", "US", 37.7749, -122.4194,
            13335, "CLOUDFLARENET");
    static final Place NAT_GATEWAY = ashburn("44.199.117.6", "NAT gateway");
    static final List<Place> S3_ENDPOINTS = List.of(
            new Place("52.216.8.131", "Amazon S3 (us-east-1)", "Ashburn", "US", 39.0438, -77.4874, 16509,
                    "AMAZON-02"),
            new Place("52.216.20.195", "Amazon S3 (us-east-1)", "Ashburn", "US", 39.0438, -77.4874, 16509,
                    "AMAZON-02"),
            new Place("52.217.64.14", "Amazon S3 (us-east-1)", "Ashburn", "US", 39.0438, -77.4874, 16509,
                    "AMAZON-02"));
    /** /24 prefixes that internet-wide scanners knock from; the last octet is drawn. */
    static final List<String> SCANNER_PREFIXES = List.of("45.148.10.", "89.248.165.", "162.142.125.",
            "167.94.138.", "185.220.101.", "193.163.125.", "71.6.135.", "80.82.77.");
    static final List<String> BUCKETS = List.of("detective-demo-app-assets", "detective-demo-backups",
            "detective-demo-ci-artifacts");

    /** What a person does all day, which decides the calls they make. */
    enum Persona { ADMIN, DEVELOPER, SECURITY }

    /**
     * A person with an IAM user.
     *
     * @param user the IAM user
     * @param persona what they do
     * @param office where they work on weekdays
     * @param home where they work in the evening, or null
     * @param cliAgent their CLI's user agent
     * @param browserAgent their browser's user agent, for console sign-ins
     */
    record Human(User user, Persona persona, Place office, Place home, String cliAgent, String browserAgent) {}

    /**
     * An IAM role.
     *
     * @param name the role name
     * @param roleId the role's unique id, {@code AROA...}
     * @param arn the role's ARN
     */
    record Role(String name, String roleId, String arn) {}

    /** What an instance does, which decides its traffic. */
    enum Job { WEB, DATABASE, BATCH, BASTION, MINER }

    /**
     * An instance, its job and its instance profile's role.
     *
     * @param instance the instance
     * @param job its job
     * @param role its instance profile's role, or null
     * @param availabilityZone where it runs
     * @param mac its interface's MAC address
     */
    record Host(Instance instance, Job job, Role role, String availabilityZone, String mac) {
        String id() {
            return instance.id();
        }
    }

    final Human admin;
    final List<Human> people;
    final User ciDeployer;
    final String ciDeployerNewKey;
    final Role deployRole;
    final Role appServerRole;
    final Role batchWorkerRole;
    final String vpcId;
    final String publicSubnet;
    final String privateSubnet;
    final List<Host> hosts;
    final Host miner;
    final List<String> albAddresses = List.of("10.0.1.201", "10.0.1.202");
    final String detectorId;
    final String securityGroup = Dice.forName("sg/default").resourceId("sg");
    final String flowLogId;

    Cast(int developers, int webServers, Instant start, Instant minerLaunch) {
        admin = new Human(new User(ADMIN_NAME, ADMIN_PRINCIPAL_ID, userArn(ADMIN_NAME), ADMIN_ACCESS_KEY),
                Persona.ADMIN, TOKYO_OFFICE, TOKYO_HOME, ADMIN_CLI, CHROME_MAC);
        List<Human> all = new ArrayList<>();
        all.add(admin);
        all.add(new Human(user("alice.tanaka"), Persona.DEVELOPER, TOKYO_OFFICE, null, LINUX_CLI, CHROME_MAC));
        if (developers >= 2) {
            all.add(new Human(user("bob.sato"), Persona.DEVELOPER, OSAKA_OFFICE, null, WINDOWS_CLI,
                    FIREFOX_WINDOWS));
        }
        for (int i = 3; i <= developers; i++) {
            Place office = i % 2 == 1 ? TOKYO_OFFICE : OSAKA_OFFICE;
            all.add(new Human(user(String.format(Locale.ROOT, "developer-%02d", i)), Persona.DEVELOPER, office, null, LINUX_CLI,
                    CHROME_MAC));
        }
        all.add(new Human(user("carol.ito"), Persona.SECURITY, TOKYO_OFFICE, null, BOTO3, CHROME_MAC));
        people = List.copyOf(all);
        ciDeployer = user("ci-deployer");
        ciDeployerNewKey = "AKIA" + ACCOUNT_TAG + Dice.forName("ci-deployer/rotated").upperAlnum(8);
        deployRole = role("DeployRole");
        appServerRole = role("AppServerRole");
        batchWorkerRole = role("BatchWorkerRole");

        vpcId = Dice.forName("vpc").resourceId("vpc");
        publicSubnet = Dice.forName("subnet/public").resourceId("subnet");
        privateSubnet = Dice.forName("subnet/private").resourceId("subnet");
        detectorId = Dice.forName("detector").hex(32);
        flowLogId = Dice.forName("flow-log").resourceId("fl");

        List<Host> background = new ArrayList<>();
        background.add(host("db-1", Dice.forName("db-1").resourceId("i"), "r5.large", "10.0.2.15",
                NAT_GATEWAY.ip(), privateSubnet, Job.DATABASE, appServerRole, start, "us-east-1b"));
        background.add(host("batch-1", OTHER_MINER_INSTANCE_ID, "c5.xlarge", "10.0.2.37", NAT_GATEWAY.ip(),
                privateSubnet, Job.BATCH, batchWorkerRole, start, "us-east-1b"));
        background.add(host("bastion-1", Dice.forName("bastion-1").resourceId("i"), "t3.micro", "10.0.1.10",
                "54.161.20.233", publicSubnet, Job.BASTION, appServerRole, start, "us-east-1a"));
        String[] webPublic = {"3.85.201.17", "3.87.54.190", "3.91.140.66", "3.93.12.201"};
        for (int i = 1; i <= webServers; i++) {
            String publicIp = i <= webPublic.length ? webPublic[i - 1] : "3.94.7." + (10 + i);
            background.add(host("web-" + i, Dice.forName("web-" + i).resourceId("i"), "m5.large",
                    "10.0.1." + (20 + i), publicIp, publicSubnet, Job.WEB, appServerRole, start, "us-east-1a"));
        }
        hosts = List.copyOf(background);
        Instance minerInstance = new Instance(MINER_INSTANCE_ID, "maintenance", "t2.micro", "10.0.1.84",
                "18.208.41.122", Dice.forName("miner/eni").resourceId("eni"), publicSubnet, vpcId, minerLaunch,
                ADMIN_NAME);
        miner = new Host(minerInstance, Job.MINER, null, "us-east-1a", mac("miner"));
    }

    /** The person whose access key the attacker deletes: the security analyst, who then uses the console only. */
    Human analyst() {
        return people.get(people.size() - 1);
    }

    Host otherMiner() {
        return hosts.get(1);
    }

    /** Every fixed public address of the data. */
    List<Place> places() {
        List<Place> out = new ArrayList<>(List.of(TOKYO_OFFICE, TOKYO_HOME, OSAKA_OFFICE, CI_RUNNER, ATTACKER, BITCOIN,
                NTP, NAT_GATEWAY));
        out.addAll(S3_ENDPOINTS);
        for (Host host : hosts) {
            if (!host.instance().publicIp().equals(NAT_GATEWAY.ip())) {
                out.add(ashburn(host.instance().publicIp(), "instance " + host.instance().name()));
            }
        }
        out.add(ashburn(miner.instance().publicIp(), "instance " + MINER_INSTANCE_ID));
        return out;
    }

    static String userArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":user/" + name;
    }

    static String roleArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
    }

    /** A new IAM unique id or access key of the account, with the given four-letter prefix. */
    static String awsId(String prefix, Dice dice) {
        return prefix + ACCOUNT_TAG + dice.upperAlnum(prefix.startsWith("AK") || prefix.startsWith("AS") ? 8 : 9);
    }

    private static User user(String name) {
        Dice dice = Dice.forName("user/" + name);
        return new User(name, awsId("AIDA", dice), userArn(name), awsId("AKIA", dice));
    }

    private static Role role(String name) {
        return new Role(name, awsId("AROA", Dice.forName("role/" + name)), roleArn(name));
    }

    private Host host(String name, String id, String type, String privateIp, String publicIp, String subnet, Job job,
            Role role, Instant start, String zone) {
        Dice dice = Dice.forName("host/" + name);
        Instant launched = start.minus(Duration.ofMinutes(dice.between(30 * 24 * 60, 400 * 24 * 60)));
        Instance instance = new Instance(id, name, type, privateIp, publicIp, dice.resourceId("eni"), subnet, vpcId,
                launched, null);
        return new Host(instance, job, role, zone, mac(name));
    }

    private static String mac(String name) {
        String hex = Dice.forName("mac/" + name).hex(10);
        return "0e:" + hex.substring(0, 2) + ":" + hex.substring(2, 4) + ":" + hex.substring(4, 6) + ":"
                + hex.substring(6, 8) + ":" + hex.substring(8, 10);
    }

    private static Place ashburn(String ip, String label) {
        return new Place(ip, label, "Ashburn", "US", 39.0438, -77.4874, 14618, "AMAZON-AES");
    }
}
