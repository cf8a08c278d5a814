package io.github.detective4j.examples.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.detective4j.examples.incident.Cast.Host;
import io.github.detective4j.examples.incident.Cast.Human;
import io.github.detective4j.examples.incident.Facts.Instance;
import io.github.detective4j.examples.incident.Facts.ReportedFinding;
import io.github.detective4j.examples.incident.Facts.Traffic;
import io.github.detective4j.examples.incident.Facts.User;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The reference incident of detective4j's design, written as the files AWS writes: a crypto-mining attack by a
 * compromised admin user, inside weeks of ordinary activity.
 *
 * <p>{@link #write(Path)} writes, below the given folder and in the S3 key layout AWS uses
 * ({@code AWSLogs/111122223333/...}): CloudTrail log files ({@code {"Records":[...]}}, gzip), VPC flow log files
 * (text with a header line, gzip) and GuardDuty's JSON Lines export (gzip). Every file reads with
 * {@code AwsLogs.read(dir)}.
 *
 * <h2>The story</h2>
 * Account {@code 111122223333}, mostly in {@code us-east-1}, with API calls in {@code ap-northeast-1} too. For
 * {@code days} days people in Japan work in office hours: the admin user {@code DetectiveDemo-AdminUser} from Tokyo
 * with the AWS CLI v2 and the console, developers, a security analyst; a CI user assumes a deployment role a few
 * times a day; EC2 fetches the instances' role credentials and their SSM agents report in; a web tier, a database,
 * a batch worker and a bastion talk to each other, to S3 and to an NTP server, and scanners knock on them.
 *
 * <p>Nine days before the end, someone with the admin user's access key calls from Ashburn, US, with
 * {@code aws-cli/1.16.300}: creates a role, launches {@code i-08a8e40be65425909} (t2.micro), creates a user,
 * deletes the analyst's access key, generates a credential report and stops a trail. From the next hour to the end
 * the new instance talks to the Bitcoin-related {@code 104.16.1.42:8333}, 10,000 bytes in and 5,000 bytes out every
 * hour; in the last three days the batch worker does too. GuardDuty reports
 * {@code CryptoCurrency:EC2/BitcoinTool.B} and {@code Stealth:IAMUser/CloudTrailLoggingDisabled}.
 * {@link #facts()} says all of it in numbers.
 *
 * <h2>Reproducible</h2>
 * The same configuration writes the same bytes: every random choice comes from the seed, file times and ids
 * included, and gzip headers carry no time. The seed moves the background's details only; {@link #facts()} does
 * not depend on it.
 *
 * <pre>{@code
 * ReferenceIncident incident = ReferenceIncident.builder().seed(7).days(60).build();
 * Written written = incident.write(Path.of("demo-logs"));
 * IngestReport report = AwsLogs.read(Path.of("demo-logs")).into(graph);
 * Facts facts = incident.facts();
 * facts.minerTraffic().bytesInPerHour();   // 10000
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@link #write} may run in several threads into different folders.
 */
public final class ReferenceIncident {
    /** The default end of the data: midnight UTC, 28 November 2026. */
    public static final Instant DEFAULT_END = Instant.parse("2026-11-28T00:00:00Z");
    /** The default length of the data, in days. */
    public static final int DEFAULT_DAYS = 60;
    /** The default seed. */
    public static final long DEFAULT_SEED = 42;
    /** The fewest days of data: the attack's nine, and the admin user's changes before it. */
    public static final int MIN_DAYS = 14;
    /** The most days of data. */
    public static final int MAX_DAYS = 366;
    /** How long before the end the attack starts. */
    private static final Duration ATTACK_BEFORE_END = Duration.ofDays(9).minusHours(3).minusMinutes(14)
            .minusSeconds(5);
    private static final long MINER_IN = 10_000;
    private static final long MINER_OUT = 5_000;
    private static final int MINER_LOCAL_PORT = 49734;
    private static final long OTHER_IN = 7_500;
    private static final long OTHER_OUT = 2_500;
    private static final int OTHER_LOCAL_PORT = 51207;
    private static final Duration OTHER_MINER_DAYS = Duration.ofDays(3);

    private final long seed;
    private final int days;
    private final Instant end;
    private final double activity;
    private final Instant start;
    private final Instant attackStart;
    private final Instant keyRotation;
    private final Cast cast;
    private final Facts facts;

    private ReferenceIncident(Builder builder) {
        this.seed = builder.seed;
        this.days = builder.days;
        this.end = builder.end;
        this.activity = builder.activity;
        this.start = end.minus(Duration.ofDays(days));
        this.attackStart = end.minus(ATTACK_BEFORE_END);
        this.keyRotation = start.plus(Duration.ofDays(days / 3)).plusSeconds(5502); // 01:31:42 UTC
        this.cast = new Cast(builder.developers, builder.webServers, start, Attack.minerLaunch(attackStart));
        this.facts = buildFacts();
    }

    /**
     * Returns a builder with the defaults: seed {@value #DEFAULT_SEED}, {@value #DEFAULT_DAYS} days ending at
     * {@link #DEFAULT_END}, two developers, two web servers, activity 1.0.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the incident with every default.
     *
     * @return the default incident
     */
    public static ReferenceIncident standard() {
        return builder().build();
    }

    /**
     * Returns what the incident's files hold, for tests and the demo to check against.
     *
     * @return the facts
     */
    public Facts facts() {
        return facts;
    }

    /**
     * Returns the seed.
     *
     * @return the seed of every random choice
     */
    public long seed() {
        return seed;
    }

    /**
     * Writes the incident's files below a folder, creating it and the S3 key layout's folders. Files of the same
     * name are overwritten; the folder should be empty, since other files there would be read with these.
     *
     * @param dir the folder, which will hold {@code AWSLogs/}
     * @return what was written
     * @throws IOException if a file cannot be written
     */
    public Written write(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Tally tally = new Tally();
        Dice dice = new Dice(seed);
        ObjectMapper mapper = new ObjectMapper();
        CloudTrailLog trail = new CloudTrailLog(dir, start, end, dice, tally, mapper);
        FlowLog flows = new FlowLog(dir, cast.flowLogId, dice, tally);
        List<Activity> activities = List.of(
                new OfficeWork(cast, dice, activity, start, attackStart, keyRotation),
                new Deployments(cast, dice, activity, keyRotation),
                new InstanceAgents(cast, dice, start),
                new Attack(cast, dice, attackStart));
        NetworkTraffic network = new NetworkTraffic(cast, List.of(facts.minerTraffic(), facts.otherMinerTraffic()),
                dice);
        for (Instant day = start; day.isBefore(end); day = day.plus(Duration.ofDays(1))) {
            for (Activity source : activities) {
                source.day(day, trail);
            }
            trail.writeBefore(day); // no session starting today reaches back into yesterday
            for (int hour = 0; hour < 24; hour++) {
                Instant h = day.plusSeconds(hour * 3600L);
                List<FlowRecord> records = new ArrayList<>();
                network.hour(h, records);
                flows.write(h, records);
            }
        }
        trail.writeAll();
        GuardDutyExport.write(dir, cast, facts.minerTraffic(), end, Attack.stopLogging(attackStart), dice, tally,
                mapper);
        return tally.written();
    }

    private Facts buildFacts() {
        User admin = cast.admin.user();
        Instance miner = cast.miner.instance();
        Instance other = cast.otherMiner().instance();
        Instant lastHour = end.minus(Duration.ofHours(1));
        Traffic minerTraffic = new Traffic(miner.id(), Cast.BITCOIN_IP, Cast.BITCOIN_PORT, MINER_LOCAL_PORT,
                MINER_IN, MINER_OUT, miner.launchedAt().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)),
                lastHour);
        Traffic otherTraffic = new Traffic(other.id(), Cast.BITCOIN_IP, Cast.BITCOIN_PORT, OTHER_LOCAL_PORT, OTHER_IN,
                OTHER_OUT, end.minus(OTHER_MINER_DAYS), lastHour);
        List<GuardDutyExport.Version> versions = GuardDutyExport.bitcoinVersions(minerTraffic, end);
        GuardDutyExport.Version last = versions.get(versions.size() - 1);
        ReportedFinding bitcoin = new ReportedFinding(GuardDutyExport.BITCOIN_ID, GuardDutyExport.BITCOIN_TYPE,
                GuardDutyExport.BITCOIN_SEVERITY, minerTraffic.firstSeen(), last.lastSeen(), last.count(),
                versions.size());
        Instant stop = Attack.stopLogging(attackStart);
        ReportedFinding stealth = new ReportedFinding(GuardDutyExport.stealthId(), GuardDutyExport.STEALTH_TYPE,
                GuardDutyExport.STEALTH_SEVERITY, stop, stop, 1, 1);
        List<User> others = new ArrayList<>();
        for (Human person : cast.people) {
            if (person != cast.admin) {
                others.add(person.user());
            }
        }
        others.add(cast.ciDeployer);
        List<Instance> background = new ArrayList<>();
        for (Host host : cast.hosts) {
            background.add(host.instance());
        }
        return new Facts(Cast.ACCOUNT, Cast.REGION, Cast.OTHER_REGION, start, end, attackStart, admin,
                List.of(Cast.TOKYO_OFFICE.ip(), Cast.TOKYO_HOME.ip()),
                List.of(Cast.ADMIN_CLI, Cast.CHROME_MAC, Cast.CONSOLE),
                Cast.ATTACKER.ip(), Cast.ATTACKER_AGENT, Attack.CALLS, Attack.NEW_CALLS, Attack.CREATED_ROLE,
                Attack.CREATED_USER, new Facts.AccessKey(cast.analyst().user().accessKeyId(),
                        cast.analyst().user().name()),
                Cast.STOPPED_TRAIL, miner, other, Cast.BITCOIN_IP, Cast.BITCOIN_PORT, minerTraffic, otherTraffic,
                bitcoin, stealth, others,
                List.of(cast.deployRole.name(), cast.appServerRole.name(), cast.batchWorkerRole.name()),
                background, cast.places());
    }

    /** Configures a {@link ReferenceIncident}. Not thread-safe. */
    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private int days = DEFAULT_DAYS;
        private Instant end = DEFAULT_END;
        private int developers = 2;
        private int webServers = 2;
        private double activity = 1.0;

        private Builder() {}

        /**
         * Sets the seed of every random choice.
         *
         * @param seed any number
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets how many days of data to write, ending at {@link #end}; the attack is in the last nine.
         *
         * @param days {@value ReferenceIncident#MIN_DAYS} to {@value ReferenceIncident#MAX_DAYS}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder days(int days) {
            if (days < MIN_DAYS || days > MAX_DAYS) {
                throw new IllegalArgumentException("days must be from " + MIN_DAYS + " to " + MAX_DAYS + ", was "
                        + days);
            }
            this.days = days;
            return this;
        }

        /**
         * Sets the end of the data, exclusive.
         *
         * @param end a midnight, UTC
         * @return this builder
         * @throws IllegalArgumentException if {@code end} is not a midnight UTC
         */
        public Builder end(Instant end) {
            Objects.requireNonNull(end, "end");
            if (!end.truncatedTo(ChronoUnit.DAYS).equals(end)) {
                throw new IllegalArgumentException("end must be a midnight UTC, was " + end);
            }
            this.end = end;
            return this;
        }

        /**
         * Sets how many developers work in the account, besides the admin user and the analyst.
         *
         * @param developers 1 to 100
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder developers(int developers) {
            if (developers < 1 || developers > 100) {
                throw new IllegalArgumentException("developers must be from 1 to 100, was " + developers);
            }
            this.developers = developers;
            return this;
        }

        /**
         * Sets how many web servers run, besides the database, the batch worker and the bastion.
         *
         * @param webServers 1 to 50
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder webServers(int webServers) {
            if (webServers < 1 || webServers > 50) {
                throw new IllegalArgumentException("webServers must be from 1 to 50, was " + webServers);
            }
            this.webServers = webServers;
            return this;
        }

        /**
         * Scales how often people work and the CI deploys: 2.0 makes about twice their API calls. The instances'
         * calls, the traffic and the attack do not change.
         *
         * @param activity more than 0, at most 20
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder activity(double activity) {
            if (!(activity > 0 && activity <= 20)) {
                throw new IllegalArgumentException("activity must be more than 0 and at most 20, was " + activity);
            }
            this.activity = activity;
            return this;
        }

        /**
         * Builds the incident.
         *
         * @return the incident
         */
        public ReferenceIncident build() {
            return new ReferenceIncident(this);
        }
    }
}
