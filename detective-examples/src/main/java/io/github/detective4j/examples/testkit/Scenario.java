package io.github.detective4j.examples.testkit;

import com.google.common.hash.Hashing;
import com.google.common.io.BaseEncoding;
import io.github.detective4j.enrich.Asn;
import io.github.detective4j.enrich.GeoTable;
import io.github.detective4j.enrich.Geolocation;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.NetworkFlow;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import io.github.detective4j.model.SecurityEvent;
import io.github.detective4j.model.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A story of API calls, flows and findings over time, told in a few lines, for unit tests of detection logic: it
 * builds the library's own events ({@link ApiCall}, {@link NetworkFlow}, {@link Finding}) through their public
 * builders and ingests them into a {@link BehaviorGraph}, with a GeoIP table of the places the story names.
 *
 * <pre>{@code
 * Scenario story = Scenario.startingAt(Instant.parse("2026-10-01T00:00:00Z"))
 *     .place("153.156.88.21/32", TOKYO, new Asn(4713, "NTT"))   // TOKYO, ASHBURN, CLI: the test's own constants
 *     .place("44.212.19.33/32", ASHBURN, new Asn(14618, "AMAZON-AES"));
 * story.user("alice").from("153.156.88.21").using(CLI)
 *     .calls("ec2", "DescribeInstances").every(Duration.ofHours(2)).during(Duration.ofDays(30));
 * story.later(Duration.ofDays(30))
 *     .user("alice").from("44.212.19.33").using(OLD_CLI).calls("cloudtrail", "StopLogging").once();
 * BehaviorGraph graph = story.graph();
 * }</pre>
 *
 * <p>The story has a clock: {@link #at} and {@link #later} move it, and every activity starts at it, so activities
 * begun at the same time run side by side (a month of routine, then the attack). Activities do not move the clock.
 * Principal ids and access keys are derived from names, event and finding ids from their place in the story, so the
 * same story builds the same events (and two stories share their first events' ids). Times are UTC; bytes are bytes. Not thread-safe: one test builds a scenario; the graphs it builds are
 * independent and thread-safe.
 */
public final class Scenario {
    /** The account of the story unless {@link #account} says otherwise. */
    public static final String DEFAULT_ACCOUNT = "111122223333";
    /** The region of the story unless {@link #region} says otherwise. */
    public static final String DEFAULT_REGION = "us-east-1";
    private static final BaseEncoding ID_CHARS = BaseEncoding.base32().omitPadding();

    private final List<SecurityEvent> events = new ArrayList<>();
    private final GeoTable.Builder places = GeoTable.builder();
    private boolean anyPlace;
    private Instant now;
    private String account = DEFAULT_ACCOUNT;
    private String region = DEFAULT_REGION;

    private Scenario(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /**
     * Starts a story.
     *
     * @param start where the clock starts, UTC
     * @return an empty story
     */
    public static Scenario startingAt(Instant start) {
        return new Scenario(start);
    }

    /**
     * Sets the account of the events that follow.
     *
     * @param accountId 12 digits
     * @return this story
     */
    public Scenario account(String accountId) {
        this.account = Objects.requireNonNull(accountId, "account id");
        return this;
    }

    /**
     * Sets the region of the events that follow.
     *
     * @param region such as {@code us-east-1}
     * @return this story
     */
    public Scenario region(String region) {
        this.region = Objects.requireNonNull(region, "region");
        return this;
    }

    /**
     * Sets the clock.
     *
     * @param time when the next activities start, UTC
     * @return this story
     */
    public Scenario at(Instant time) {
        this.now = Objects.requireNonNull(time, "time");
        return this;
    }

    /**
     * Moves the clock on.
     *
     * @param duration how much later the next activities start
     * @return this story
     */
    public Scenario later(Duration duration) {
        this.now = now.plus(duration);
        return this;
    }

    /**
     * Returns the clock.
     *
     * @return when the next activity starts, UTC
     */
    public Instant now() {
        return now;
    }

    /**
     * Places a network for the graphs this story builds: where it is and whose it is.
     *
     * @param network a CIDR, such as {@code 44.212.19.33/32}
     * @param location where it is
     * @param asn the autonomous system it belongs to
     * @return this story
     */
    public Scenario place(String network, Geolocation location, Asn asn) {
        places.place(network, location).asn(network, asn);
        anyPlace = true;
        return this;
    }

    /**
     * Returns an IAM user of the story's account, to make calls as; its ids follow from its name.
     *
     * @param name the user name
     * @return the caller, calling from no address with no user agent until told
     */
    public Caller user(String name) {
        String id = "AIDA" + idChars("user/" + account + "/" + name, 17);
        Principal principal = Principal.builder(PrincipalType.IAM_USER).principalId(id)
                .arn("arn:aws:iam::" + account + ":user/" + name).accountId(account).userName(name)
                .accessKeyId("AKIA" + idChars("key/" + id, 16)).build();
        return new Caller(this, principal);
    }

    /**
     * Returns the story account's root user, to make calls or sign in as: CloudTrail's {@code Root} identity, whose
     * principal id is the account's.
     *
     * @return the caller; its {@link Caller#ref()} is {@code AwsUser/<account id>}
     */
    public Caller root() {
        Principal principal = Principal.builder(PrincipalType.ROOT).principalId(account)
                .arn("arn:aws:iam::" + account + ":root").accountId(account)
                .accessKeyId("AKIA" + idChars("root/" + account, 16)).build();
        return new Caller(this, principal);
    }

    /**
     * Returns a session of an IAM role of the story's account, to make calls as.
     *
     * @param roleName the role's name
     * @param sessionName the session's name
     * @return the caller; its {@link Caller#ref()} is the session, {@link Caller#role()} the role
     */
    public Caller role(String roleName, String sessionName) {
        String roleId = "AROA" + idChars("role/" + account + "/" + roleName, 17);
        String roleArn = "arn:aws:iam::" + account + ":role/" + roleName;
        Principal principal = Principal.builder(PrincipalType.ASSUMED_ROLE).principalId(roleId + ":" + sessionName)
                .arn("arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName).accountId(account)
                .accessKeyId("ASIA" + idChars("session/" + roleId + sessionName, 16))
                .sessionIssuer(new Principal.SessionIssuer("Role", roleId, roleArn, account, roleName)).build();
        return new Caller(this, principal);
    }

    /**
     * Returns an EC2 instance of the story's account, to exchange traffic with.
     *
     * @param instanceId such as {@code i-08a8e40be65425909}
     * @param privateIp its interface's address, such as {@code 10.0.1.25}
     * @return the instance
     */
    public Host instance(String instanceId, String privateIp) {
        return new Host(this, instanceId, privateIp);
    }

    /**
     * Starts a GuardDuty finding, first observed when the activity is first told (its terminal call, as every
     * activity's). Repeated, it is one finding reported again (GuardDuty's updates): the same id, its last
     * observation and count growing.
     *
     * @param type the finding type, such as {@code CryptoCurrency:EC2/BitcoinTool.B}
     * @param severity GuardDuty's score, 1.0 to 8.9 and up
     * @param involved the entities it names: instances, addresses, users
     * @return the activity, to repeat or not
     */
    public Activity finding(String type, double severity, EntityRef... involved) {
        Instant first = now;
        String id = Hashing.sha256().hashString(type + "@" + first + "#" + events.size(), StandardCharsets.UTF_8)
                .toString().substring(0, 32); // lower-case hex, as GuardDuty's ids
        List<EntityRef> entities = List.of(involved);
        String accountId = account;
        String regionName = region;
        Instant[] firstTold = new Instant[1]; // the first occurrence's time, told at the terminal call as they all are
        return new Activity(this, (at, n) -> {
            if (n == 0 || firstTold[0] == null) {
                firstTold[0] = at;
            }
            return List.of(Finding.builder().id(id)
                    .arn("arn:aws:guardduty:" + regionName + ":" + accountId + ":detector/"
                            + idChars("detector/" + accountId, 32).toLowerCase(Locale.ROOT) + "/finding/" + id)
                    .sourceProduct("GuardDuty").type(type).title(type).severity(Severity.ofGuardDuty(severity))
                    .observed(firstTold[0], at).createdAt(firstTold[0]).updatedAt(at).count(n + 1L)
                    .accountId(accountId).region(regionName).entities(entities).build());
        });
    }

    /**
     * Returns the events told so far, in the order told.
     *
     * @return a copy
     */
    public List<SecurityEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Builds a graph with the library's defaults and the story's places, and ingests the story.
     *
     * @return the graph
     */
    public BehaviorGraph graph() {
        return graph(UnaryOperator.identity());
    }

    /**
     * Builds a graph configured as a test wants it (threat intelligence, a baseline, a clock: by default fixed at the
     * story's latest event, so that investigations' created times are the same run after run), with the story's
     * places, and ingests the story.
     *
     * @param configure changes to the builder, which already has the story's places as geolocator and ASN resolver
     * @return the graph
     */
    public BehaviorGraph graph(UnaryOperator<BehaviorGraph.Builder> configure) {
        // the investigations' created time from the story, not the wall clock: the same story, the same answers
        Instant latest = events.stream().map(SecurityEvent::time).max(Comparator.naturalOrder()).orElse(now);
        BehaviorGraph.Builder builder = BehaviorGraph.builder().clock(Clock.fixed(latest, ZoneOffset.UTC));
        if (anyPlace) {
            GeoTable table = places.build();
            builder.geoLocator(table).asnResolver(table);
        }
        BehaviorGraph graph = configure.apply(builder).build();
        graph.ingestAll(events);
        return graph;
    }

    String account() {
        return account;
    }

    String region() {
        return region;
    }

    void add(SecurityEvent event) {
        events.add(event);
    }

    /** A CloudTrail event id, unique in the story and the same for the same story. */
    String nextEventId() {
        return UUID.nameUUIDFromBytes(("event/" + events.size()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Characters of an AWS id (upper-case letters and digits 2 to 7), derived from a name. */
    static String idChars(String name, int length) {
        return ID_CHARS.encode(Hashing.sha256().hashString(name, StandardCharsets.UTF_8).asBytes())
                .substring(0, length);
    }

    /** Service names as CloudTrail writes them: {@code iam} is {@code iam.amazonaws.com}. */
    static String eventSource(String service) {
        return service.contains(".") ? service : service + ".amazonaws.com";
    }
}
