package io.github.detective4j.examples.rules;

import static io.github.detective4j.examples.testkit.DetectionAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.detective4j.enrich.Asn;
import io.github.detective4j.enrich.Geolocation;
import io.github.detective4j.examples.testkit.Caller;
import io.github.detective4j.examples.testkit.Scenario;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.ScopeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a team unit-tests its own detection rule in CI: each test tells a short story with the test kit (a month of
 * an admin's routine from the Tokyo office, then something else), builds a graph of it, and checks that the rule
 * fires on the attack and stays quiet on look-alikes, each of which has only one half of the attack.
 */
class StopLoggingFromNewPlaceTest {
    static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    static final Duration MONTH = Duration.ofDays(30);
    /** The week after the month of routine: what the rule looks at, against the month before. */
    static final ScopeTime WEEK = ScopeTime.of(START.plus(MONTH), START.plus(MONTH).plus(Duration.ofDays(7)));

    static final String OFFICE = "153.156.88.21";       // Tokyo, NTT OCN
    static final String TOKYO_VPN = "45.76.200.10";     // Tokyo too, a VPN provider's network
    static final String OSAKA = "111.87.53.14";         // Osaka, KDDI
    static final String ASHBURN = "44.212.19.33";       // Ashburn, an EC2 address
    static final String CLI = "aws-cli/2.22.35 Python/3.12.6 Darwin/24.1.0 exe/x86_64 prompt/off";
    static final String OLD_CLI = "aws-cli/1.16.300 Python/2.7.16 Linux/4.14.133-113.105.amzn2.x86_64 botocore/1.13.36";

    /** A month of the admin's routine, the clock then at its end. */
    static Scenario routine() {
        Scenario story = Scenario.startingAt(START)
                .place(OFFICE + "/32", new Geolocation("Tokyo", null, "JP", null, 35.6895, 139.6917),
                        new Asn(4713, "NTT Communications Corporation"))
                .place(TOKYO_VPN + "/32", new Geolocation("Tokyo", null, "JP", null, 35.6762, 139.6503),
                        new Asn(20473, "The Constant Company, LLC"))
                .place(OSAKA + "/32", new Geolocation("Osaka", null, "JP", null, 34.6937, 135.5023),
                        new Asn(2516, "KDDI CORPORATION"))
                .place(ASHBURN + "/32", new Geolocation("Ashburn", null, "US", null, 39.0438, -77.4874),
                        new Asn(14618, "AMAZON-AES"));
        admin(story).from(OFFICE).using(CLI).calls("ec2", "DescribeInstances")
                .every(Duration.ofHours(2)).during(MONTH);
        admin(story).from(OFFICE).using(CLI).calls("cloudtrail", "DescribeTrails")
                .every(Duration.ofDays(1)).during(MONTH);
        return story.later(MONTH);
    }

    static Caller admin(Scenario story) {
        return story.user("DetectiveDemo-AdminUser");
    }

    static List<StopLoggingFromNewPlace.Alert> alerts(Scenario story) {
        BehaviorGraph graph = story.graph();
        return StopLoggingFromNewPlace.DEFAULT.evaluate(graph, admin(story).ref(), WEEK);
    }

    @Test
    void firesOnAStolenKeyGoingDarkFromANewPlace() {
        Scenario story = routine().later(Duration.ofHours(5));
        admin(story).from(ASHBURN).using(OLD_CLI).calls("sts", "GetCallerIdentity").once();
        story.later(Duration.ofMinutes(15));
        admin(story).from(ASHBURN).using(OLD_CLI).calls("cloudtrail", "StopLogging").once();

        List<StopLoggingFromNewPlace.Alert> alerts = alerts(story);
        assertEquals(1, alerts.size(), alerts.toString());
        StopLoggingFromNewPlace.Alert alert = alerts.get(0);
        assertEquals(14618, alert.aso().asn().number());
        assertEquals(EntityRef.ipAddress(ASHBURN), alert.ipAddress());
        assertEquals("Ashburn", alert.newGeolocation().location().city());
        assertEquals(START.plus(MONTH).plus(Duration.ofHours(5)), alert.stoppedHour());
        // What the rule stands on, checked with the kit's assertions: both halves are new to the admin.
        assertThat(story.graph().newBehavior(admin(story).ref(), WEEK))
                .hasNewGeolocation("Ashburn").hasNewAso(14618).hasNewApiCall("StopLogging").hasNewUserAgent(OLD_CLI);
    }

    /** A role's session stops the trail from a new place: the rule fires for the role, naming the session. */
    @Test
    void firesForARoleWhoseSessionGoesDark() {
        Scenario story = routine();
        Caller deploy = story.role("deploy", "ci-1");
        story.at(START);
        deploy.from(OFFICE).using(CLI).calls("ec2", "DescribeInstances").every(Duration.ofHours(3)).during(MONTH);
        story.later(MONTH).later(Duration.ofHours(4));
        Caller stolen = story.role("deploy", "stolen");
        stolen.from(ASHBURN).using(OLD_CLI).calls("cloudtrail", "StopLogging").once();

        List<StopLoggingFromNewPlace.Alert> alerts = StopLoggingFromNewPlace.DEFAULT.evaluate(story.graph(),
                deploy.role(), WEEK);
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals(stolen.ref(), alerts.get(0).principal());
    }

    /** A refused {@code StopLogging} stopped nothing: the rule stays quiet (a TTP indicator still shows it). */
    @Test
    void quietWhenTheStopWasRefused() {
        Scenario story = routine().later(Duration.ofHours(5));
        admin(story).from(ASHBURN).using(OLD_CLI).failing("AccessDenied").calls("cloudtrail", "StopLogging").once();

        assertEquals(List.of(), alerts(story));
    }

    @Test
    void firesWhenTheTrailIsStoppedThroughAVpnHoursAfterANewPlace() {
        Scenario story = routine();
        admin(story).from(ASHBURN).using(OLD_CLI).calls("s3", "ListBuckets").once();
        story.later(Duration.ofHours(20));
        admin(story).from(TOKYO_VPN).using(OLD_CLI).calls("cloudtrail", "StopLogging").once();

        assertEquals(1, alerts(story).size());
    }

    @Test
    void quietWhenTheNewPlaceWasDaysBeforeTheTrailWasStopped() {
        Scenario story = routine();
        admin(story).from(ASHBURN).using(OLD_CLI).calls("s3", "ListBuckets").once();
        story.later(Duration.ofDays(3));
        admin(story).from(TOKYO_VPN).using(OLD_CLI).calls("cloudtrail", "StopLogging").once();

        assertEquals(List.of(), alerts(story));
        assertThat(story.graph().newBehavior(admin(story).ref(), WEEK)).hasNewAso(20473).hasNewGeolocation("Ashburn");
    }

    @Test
    void quietWhenTheAdminTravelsWithoutStoppingATrail() {
        Scenario story = routine().later(Duration.ofHours(9));
        admin(story).from(OSAKA).using(CLI).calls("ec2", "DescribeInstances").every(Duration.ofHours(2)).times(4);

        assertEquals(List.of(), alerts(story));
        assertThat(story.graph().newBehavior(admin(story).ref(), WEEK)).hasNewGeolocation("Osaka").hasNewAso(2516)
                .hasNoNewApiCall("StopLogging");
    }

    @Test
    void quietWhenTheAdminStopsATrailFromTheOffice() {
        Scenario story = routine().later(Duration.ofHours(2));
        admin(story).from(OFFICE).using(CLI).calls("cloudtrail", "StopLogging").once();

        assertEquals(List.of(), alerts(story));
        assertThat(story.graph().newBehavior(admin(story).ref(), WEEK)).hasNewApiCall("StopLogging")
                .hasNoNewGeolocation().hasNoNewUserAgent();
    }
}
