package io.github.detective4j.examples.testkit;

import static io.github.detective4j.examples.testkit.DetectionAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.behavior.NewBehavior;
import io.github.detective4j.enrich.Asn;
import io.github.detective4j.enrich.Geolocation;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.investigation.IndicatorType;
import io.github.detective4j.investigation.Investigation;
import io.github.detective4j.investigation.InvestigationSeverity;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.ScopeTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The assertions pass on what is there and fail, saying what is there instead, on what is not. */
class DetectionAssertionsTest {
    static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    static final ScopeTime WEEK = ScopeTime.of(START.plus(Duration.ofDays(30)), START.plus(Duration.ofDays(37)));
    static final String OLD_CLI = "aws-cli/1.16.300 Python/2.7.16";
    static Investigation investigation;
    static NewBehavior attacked;
    static NewBehavior routine;

    @BeforeAll
    static void story() {
        Scenario story = Scenario.startingAt(START)
                .place("153.156.88.21/32", new Geolocation("Tokyo", null, "JP", null, 35.6895, 139.6917),
                        new Asn(4713, "NTT Communications Corporation"))
                .place("44.212.19.33/32", new Geolocation("Ashburn", null, "US", null, 39.0438, -77.4874),
                        new Asn(14618, "AMAZON-AES"));
        for (String name : new String[] {"alice", "bob"}) {
            story.user(name).from("153.156.88.21").using("aws-cli/2.22.35").calls("ec2", "DescribeInstances")
                    .every(Duration.ofHours(2)).during(Duration.ofDays(37));
        }
        story.later(Duration.ofDays(30)).later(Duration.ofHours(12))
                .user("alice").from("44.212.19.33").using(OLD_CLI).calls("cloudtrail", "StopLogging").once();
        BehaviorGraph graph = story.graph();
        EntityRef alice = story.user("alice").ref();
        investigation = graph.investigate(alice, WEEK);
        attacked = graph.newBehavior(alice, WEEK);
        routine = graph.newBehavior(story.user("bob").ref(), WEEK);
    }

    @Test
    void passOnWhatIsThere() {
        assertThat(investigation).hasIndicator(IndicatorType.TTP_OBSERVED, "StopLogging")
                .hasIndicator(IndicatorType.NEW_GEOLOCATION, "Ashburn").hasIndicator(IndicatorType.NEW_USER_AGENT)
                .hasNoIndicator(IndicatorType.FLAGGED_IP_ADDRESS).hasNoIndicator(IndicatorType.TTP_OBSERVED, "CreateUser");
        assertThat(attacked).hasNewGeolocation("Ashburn").hasNewGeolocation("Ashburn, US").hasNewAso(14618)
                .hasNewApiCall("StopLogging").hasNewUserAgent(OLD_CLI).hasNoNewApiCall("DescribeInstances");
        assertThat(routine).hasNothingNew().hasNoNewGeolocation().hasNoNewUserAgent();
    }

    @Test
    void aMissingIndicatorFailsListingTheIndicatorsThereAre() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> assertThat(investigation).hasIndicator(IndicatorType.FLAGGED_IP_ADDRESS));
        assertTrue(e.getMessage().startsWith("expected the investigation of " + investigation.entity() + " over "
                + WEEK + " to have a FLAGGED_IP_ADDRESS indicator; its "), e.getMessage());
        assertTrue(e.getMessage().contains("\n  TTP_OBSERVED (HIGH) ") && e.getMessage().contains("StopLogging"),
                e.getMessage());
        assertTrue(e.getMessage().contains("\n  NEW_GEOLOCATION "), e.getMessage());
        e = assertThrows(AssertionError.class,
                () -> assertThat(investigation).hasIndicator(IndicatorType.TTP_OBSERVED, "CreateUser"));
        assertTrue(e.getMessage().contains("a TTP_OBSERVED indicator mentioning 'CreateUser'"), e.getMessage());
    }

    @Test
    void anUnwantedIndicatorOrAnotherSeverityFails() {
        assertThrows(AssertionError.class, () -> assertThat(investigation).hasNoIndicator(IndicatorType.TTP_OBSERVED));
        assertThrows(AssertionError.class,
                () -> assertThat(investigation).hasNoIndicator(IndicatorType.NEW_GEOLOCATION, "Ashburn"));
        InvestigationSeverity other = investigation.severity() == InvestigationSeverity.INFORMATIONAL
                ? InvestigationSeverity.CRITICAL : InvestigationSeverity.INFORMATIONAL;
        AssertionError e = assertThrows(AssertionError.class, () -> assertThat(investigation).hasSeverity(other));
        assertTrue(e.getMessage().contains("severity " + other + ", not " + investigation.severity()), e.getMessage());
        assertThat(investigation).hasSeverity(investigation.severity());
    }

    @Test
    void newBehaviorThatIsNotThereFailsListingWhatIsNew() {
        AssertionError e = assertThrows(AssertionError.class, () -> assertThat(attacked).hasNewGeolocation("Osaka"));
        assertTrue(e.getMessage().contains("expected a new geolocation in Osaka for " + attacked.entity()),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("new were: [Ashburn, US]"), e.getMessage());
        e = assertThrows(AssertionError.class, () -> assertThat(attacked).hasNewApiCall("DescribeInstances"));
        assertTrue(e.getMessage().endsWith("new were: [StopLogging]"), e.getMessage());
        assertThrows(AssertionError.class, () -> assertThat(attacked).hasNewAso(4713));
        assertThrows(AssertionError.class, () -> assertThat(attacked).hasNewUserAgent("aws-cli/2.22.35"));
        assertThrows(AssertionError.class, () -> assertThat(attacked).hasNoNewApiCall("StopLogging"));
        assertThrows(AssertionError.class, () -> assertThat(attacked).hasNoNewUserAgent());
        e = assertThrows(AssertionError.class, () -> assertThat(attacked).hasNothingNew());
        assertTrue(e.getMessage().contains("StopLogging"), e.getMessage());
        assertThrows(AssertionError.class, () -> assertThat(routine).hasNewApiCall("DescribeInstances"));
    }

    @Test
    void aFailureSaysWhenTheBaselineIsInTraining() {
        Scenario story = Scenario.startingAt(START);
        story.user("carol").from("153.156.88.21").calls("ec2", "DescribeInstances").every(Duration.ofHours(1))
                .during(Duration.ofDays(2));
        story.later(Duration.ofDays(2)).user("carol").from("153.156.88.21").calls("s3", "ListBuckets").once();
        NewBehavior early = story.graph().newBehavior(story.user("carol").ref(),
                ScopeTime.of(START.plus(Duration.ofDays(2)), START.plus(Duration.ofDays(3))));
        AssertionError e = assertThrows(AssertionError.class, () -> assertThat(early).hasNothingNew());
        assertTrue(e.getMessage().contains("the baseline is in training, with 48 hours of data"), e.getMessage());
        // ListBuckets is new, but so is anything to two days of data: the test must say it means that
        AssertionError untrained = assertThrows(AssertionError.class,
                () -> assertThat(early).hasNewApiCall("ListBuckets"));
        assertTrue(untrained.getMessage().contains("allowingTraining()"), untrained.getMessage());
        assertThat(early).allowingTraining().hasNewApiCall("ListBuckets");
    }
    /** Text is given as logged: a user agent with a backslash finds its indicator, though the detail prints it doubled. */
    @Test
    void textWithABackslashIsGivenAsLogged() {
        Scenario story = Scenario.startingAt(START);
        story.user("erin").from("153.156.88.21").using("aws-cli/2.15.0").calls("iam", "ListUsers")
                .every(Duration.ofHours(1)).during(Duration.ofDays(20));
        story.later(Duration.ofDays(20).plusHours(2));
        story.user("erin").from("153.156.88.21").using("sqlmap\\1.7").calls("iam", "ListRoles").once();
        assertThat(story.graph().investigate(story.user("erin").ref(),
                ScopeTime.of(START.plus(Duration.ofDays(20)), START.plus(Duration.ofDays(21)))))
                .hasIndicator(io.github.detective4j.investigation.IndicatorType.NEW_USER_AGENT, "sqlmap\\1.7");
    }
    /** A method called far more often than its baseline makes likely is an increased volume; the routine is not. */
    @Test
    void increasedVolumeIsAssertedByMethod() {
        Scenario story = Scenario.startingAt(START);
        story.user("frank").from("153.156.88.21").calls("s3", "ListBuckets").every(Duration.ofHours(1))
                .during(Duration.ofDays(30));
        story.user("frank").from("153.156.88.21").calls("ec2", "DescribeInstances").every(Duration.ofHours(1))
                .during(Duration.ofDays(31));
        story.later(Duration.ofDays(30)).user("frank").from("153.156.88.21").calls("s3", "ListBuckets")
                .every(Duration.ofMinutes(1)).times(600);
        NewBehavior week = story.graph().newBehavior(story.user("frank").ref(),
                ScopeTime.of(START.plus(Duration.ofDays(30)), START.plus(Duration.ofDays(31))));
        assertThat(week).hasIncreasedVolume("ListBuckets");
        AssertionError e = assertThrows(AssertionError.class, () -> assertThat(week).hasIncreasedVolume(
                "DescribeInstances"));
        assertTrue(e.getMessage().contains("ListBuckets"), e.getMessage());
        assertThrows(AssertionError.class, () -> assertThat(week).hasNoIncreasedVolume());
    }
}
