package io.github.detective4j.examples.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.hunt.ApiCallActivity;
import io.github.detective4j.hunt.InstanceContact;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.NetworkFlow;
import io.github.detective4j.model.SecurityEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioTest {
    static final Instant START = Instant.parse("2026-10-01T00:00:00Z");

    @Test
    void hourlyForThirtyDaysIsSevenHundredTwentyCallsOnTheHour() {
        Scenario story = Scenario.startingAt(START);
        Caller alice = story.user("alice").from("153.156.88.21").using("aws-cli/2.22.35");
        alice.calls("ec2", "DescribeInstances").every(Duration.ofHours(1)).during(Duration.ofDays(30));
        List<ApiCall> calls = story.events().stream().map(ApiCall.class::cast).toList();
        assertEquals(720, calls.size());
        assertEquals(START, calls.get(0).eventTime());
        assertEquals(START.plus(Duration.ofHours(719)), calls.get(719).eventTime());
        assertEquals(720, calls.stream().map(ApiCall::eventId).distinct().count(), "every event has its own id");
        ApiCall first = calls.get(0);
        assertEquals("ec2.amazonaws.com", first.eventSource());
        assertEquals(EntityRef.user(alice.principal().principalId()), alice.ref());
        assertEquals(alice.ref(), first.principal().entity().orElseThrow());
        assertEquals("arn:aws:iam::111122223333:user/alice", first.principal().arn());
        assertEquals(Boolean.TRUE, first.readOnly());
        assertEquals(START, story.now(), "activities do not move the clock");
        BehaviorGraph graph = story.graph();
        assertEquals(720, graph.stats().apiCalls());
        assertEquals(START.plus(Duration.ofHours(719)), graph.stats().lastEvent());
    }

    @Test
    void failingCallsAndRoleSessions() {
        Scenario story = Scenario.startingAt(START);
        Caller deploy = story.role("DeployRole", "ci-4711").from("3.139.54.18");
        deploy.failing("AccessDenied").calls("iam", "ListUsers").every(Duration.ofSeconds(2)).times(20);
        deploy.failing(null).calls("iam", "ListRoles").once();
        assertEquals(EntityType.AWS_ROLE_SESSION, deploy.ref().type());
        assertTrue(deploy.ref().id().endsWith(":ci-4711"), deploy.ref().id());
        assertEquals(EntityType.AWS_ROLE, deploy.role().type());
        BehaviorGraph graph = story.graph();
        List<ApiCallActivity> calls = graph.hunt().ip("3.139.54.18").apiCalls();
        ApiCallActivity listUsers = calls.stream().filter(c -> c.eventName().equals("ListUsers")).findFirst()
                .orElseThrow();
        assertEquals(0, listUsers.success());
        assertEquals(20, listUsers.failure());
        assertEquals(deploy.ref(), listUsers.principal());
        assertTrue(graph.contains(deploy.role()));
        assertEquals(START.plusSeconds(38), story.events().get(19).time());
        ApiCall refused = (ApiCall) story.events().get(0);
        assertEquals("User: arn:aws:sts::111122223333:assumed-role/DeployRole/ci-4711 is not authorized to perform:"
                + " iam:ListUsers on resource: *", refused.errorMessage(), "as AWS words it");
        deploy.failing("Client.UnauthorizedOperation", "custom").calls("ec2", "RunInstances").once();
        assertEquals("custom", ((ApiCall) story.events().get(story.events().size() - 1)).errorMessage());
    }

    @Test
    void flowsCarryTheirBytesBothWays() {
        Scenario story = Scenario.startingAt(START);
        Host miner = story.instance("i-08a8e40be65425909", "10.0.1.25");
        miner.talksTo("104.16.1.42", 8333, 10_000, 5_000).every(Duration.ofHours(1)).during(Duration.ofDays(3));
        List<NetworkFlow> flows = story.events().stream().map(NetworkFlow.class::cast).toList();
        assertEquals(144, flows.size(), "one record each way an hour");
        assertEquals(10_000 * 72, flows.stream().mapToLong(NetworkFlow::bytesIn).sum());
        assertEquals(5_000 * 72, flows.stream().mapToLong(NetworkFlow::bytesOut).sum());
        List<InstanceContact> contacts = story.graph().hunt().instancesTalkingTo("104.16.1.42", Duration.ofDays(7));
        assertEquals(1, contacts.size());
        InstanceContact contact = contacts.get(0);
        assertEquals(miner.ref(), contact.instance());
        assertEquals(720_000, contact.bytesToInstance());
        assertEquals(360_000, contact.bytesFromInstance());
        assertEquals(72, contact.activeHours());
        assertThrows(IllegalArgumentException.class, () -> miner.talksTo("104.16.1.42", 8333, 0, 0));
    }

    /** A finding is first observed when it is told, as every activity is: not when {@code finding()} was called. */
    @Test
    void aFindingIsObservedWhenItIsTold() {
        Scenario story = Scenario.startingAt(START);
        Activity later = story.finding("Recon:EC2/Portscan", 5, EntityRef.ec2Instance("i-08a8e40be65425909"));
        story.later(Duration.ofDays(1));
        later.once();
        Finding finding = (Finding) story.events().get(0);
        assertEquals(START.plus(Duration.ofDays(1)), finding.firstObserved());
        assertEquals(finding.firstObserved(), finding.lastObserved());
    }

    @Test
    void aRepeatedFindingIsOneFindingReportedAgain() {
        Scenario story = Scenario.startingAt(START);
        EntityRef instance = EntityRef.ec2Instance("i-08a8e40be65425909");
        story.finding("CryptoCurrency:EC2/BitcoinTool.B", 8, instance, EntityRef.ipAddress("104.16.1.42"))
                .every(Duration.ofHours(6)).times(5);
        assertEquals(5, story.events().size());
        List<Finding> findings = story.graph().findings();
        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals(5, finding.count());
        assertEquals(START, finding.firstObserved());
        assertEquals(START.plus(Duration.ofHours(24)), finding.lastObserved());
        assertEquals(List.of(instance, EntityRef.ipAddress("104.16.1.42")), finding.entities());
        assertEquals("HIGH", finding.severity().label().name());
    }

    @Test
    void theSameStoryBuildsTheSameEvents() {
        assertEquals(story().events(), story().events());
        List<SecurityEvent> events = story().events();
        assertEquals(START.plus(Duration.ofDays(1)), events.get(events.size() - 1).time());
    }

    @Test
    void nonsenseIsRefusedWhenTold() {
        Activity activity = Scenario.startingAt(START).user("alice").calls("iam", "ListUsers");
        assertThrows(IllegalArgumentException.class, () -> activity.every(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> activity.times(0));
        assertThrows(IllegalArgumentException.class, () -> activity.during(Duration.ofHours(-1)));
        assertThrows(IllegalArgumentException.class, () -> Scenario.startingAt(START).instance("vm-1", "10.0.0.1"));
    }

    private static Scenario story() {
        Scenario story = Scenario.startingAt(START);
        story.user("bob").from("111.87.53.14").calls("s3", "ListBuckets").every(Duration.ofHours(6)).times(4);
        return story.later(Duration.ofDays(1)).user("bob").from("111.87.53.14").calls("iam", "CreateUser").once();
    }
    /** The graph's clock is the story's, so the same story gives the same investigation, created time and all. */
    @Test
    void theSameStoryGivesTheSameInvestigation() {
        Scenario story = Scenario.startingAt(java.time.Instant.parse("2026-10-01T00:00:00Z"));
        story.user("dave").from("153.156.88.21").calls("iam", "ListUsers").every(java.time.Duration.ofHours(1))
                .during(java.time.Duration.ofDays(20));
        io.github.detective4j.model.ScopeTime scope = io.github.detective4j.model.ScopeTime.of(
                java.time.Instant.parse("2026-10-20T00:00:00Z"), java.time.Instant.parse("2026-10-21T00:00:00Z"));
        io.github.detective4j.investigation.Investigation first = story.graph().investigate(
                story.user("dave").ref(), scope);
        assertEquals(first, story.graph().investigate(story.user("dave").ref(), scope));
        assertEquals(java.time.Instant.parse("2026-10-20T23:00:00Z"), first.createdTime(), "the story's last call");
    }

    /** Sign-ins as CloudTrail writes them, and password guessing against the root user told in three lines. */
    @Test
    void signInsAreConsoleLoginsAndRefusalsAreGuessing() {
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        Scenario story = Scenario.startingAt(start);
        story.root().from("153.156.88.21").signsIn(true).every(Duration.ofDays(1)).during(Duration.ofDays(20));
        story.later(Duration.ofDays(20)).root().from("198.51.100.7").failsToSignIn()
                .every(Duration.ofSeconds(20)).times(14);
        story.root().from("198.51.100.7").signsIn(false).once();
        List<ApiCall> calls = story.events().stream().map(ApiCall.class::cast).toList();
        ApiCall refused = calls.get(20);
        assertEquals("ConsoleLogin", refused.eventName());
        assertEquals("signin.amazonaws.com", refused.eventSource());
        assertEquals("AwsConsoleSignIn", refused.eventType());
        assertEquals("Failed authentication", refused.errorMessage());
        assertEquals(null, refused.errorCode(), "AWS writes no error code for a wrong password");
        assertEquals(Boolean.TRUE, calls.get(0).principal().mfaAuthenticated());
        assertEquals(Boolean.FALSE, calls.get(calls.size() - 1).principal().mfaAuthenticated());
        assertTrue(calls.get(0).userAgent().startsWith("Mozilla/5.0"), "a browser's, none being set");
        EntityRef root = story.root().ref();
        assertEquals(EntityRef.user(calls.get(0).accountId()), root, "root is its account's id");

        BehaviorGraph graph = story.graph();
        io.github.detective4j.model.ScopeTime day = io.github.detective4j.model.ScopeTime.covering(
                start.plus(Duration.ofDays(20)), start.plus(Duration.ofDays(20)).plus(Duration.ofHours(1)));
        DetectionAssertions.assertThat(graph.investigate(root, day))
                .hasIndicator(io.github.detective4j.investigation.IndicatorType.TTP_OBSERVED, "T1110.001")
                .hasIndicator(io.github.detective4j.investigation.IndicatorType.TTP_OBSERVED, "without MFA")
                .hasSeverity(io.github.detective4j.investigation.InvestigationSeverity.HIGH);
    }
}
