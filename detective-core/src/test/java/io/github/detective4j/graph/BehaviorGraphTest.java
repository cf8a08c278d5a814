package io.github.detective4j.graph;

import static io.github.detective4j.graph.Events.ACCOUNT;
import static io.github.detective4j.graph.Events.ALICE_ID;
import static io.github.detective4j.graph.Events.ROLE_ID;
import static io.github.detective4j.graph.Events.alice;
import static io.github.detective4j.graph.Events.call;
import static io.github.detective4j.graph.Events.finding;
import static io.github.detective4j.graph.Events.flow;
import static io.github.detective4j.graph.Events.hours;
import static io.github.detective4j.graph.Events.runInstances;
import static io.github.detective4j.graph.Events.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.profile.ApiCallVolume;
import io.github.detective4j.profile.CallRow;
import io.github.detective4j.profile.CommunicatingInstances;
import io.github.detective4j.profile.DistinctCounts;
import io.github.detective4j.profile.FlowRow;
import io.github.detective4j.profile.FlowVolume;
import io.github.detective4j.profile.HourlyDistinct;
import io.github.detective4j.profile.PairTraffic;
import io.github.detective4j.profile.Profile;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A month of one user's routine and a week of an instance's beacon, with every expected number worked out by hand
 * from the loops that make the events.
 */
class BehaviorGraphTest {
    static final String OFFICE = "203.0.113.10";
    static final String NEW_IP = "198.51.100.7";
    static final String BITCOIN = "104.16.1.42";
    static final String MINER = "i-08a8e40be65425909";
    static final String OTHER = "i-0123456789abcdef0";
    static final String FINDING = "c2b98b95c5440025c05b405065ed3bb9";
    /** Scope: hours 720 to 744 after T0, the 31st day. */
    static final ScopeTime SCOPE = ScopeTime.of(hours(720), hours(744));

    BehaviorGraph graph;

    @BeforeEach
    void ingest() {
        graph = BehaviorGraph.create();
        // Alice lists users once an hour, every hour, from the office: 744 calls, one per hour 0..743.
        for (int h = 0; h < 744; h++) {
            graph.accept(call(alice(), hours(h).plusSeconds(300), "ListUsers", OFFICE));
        }
        // In the scope, two CreateUser calls from a new address, one of them denied.
        graph.accept(call(alice(), hours(730).plusSeconds(10), "iam.amazonaws.com", "CreateUser", NEW_IP,
                "aws-cli/1.16.300", true));
        graph.accept(call(alice(), hours(730).plusSeconds(20), "iam.amazonaws.com", "CreateUser", NEW_IP,
                "aws-cli/1.16.300", false));
        // She launches the miner at hour 700; it beacons every hour from 700 to 743: 10,000 in, 5,000 out.
        graph.accept(runInstances(alice(), hours(700), NEW_IP, MINER));
        for (int h = 700; h < 744; h++) {
            graph.accept(flow(MINER, hours(h).plusSeconds(120), "10.0.1.5", 40000, BITCOIN, 8333,
                    FlowDirection.OUTBOUND, 5000));
            graph.accept(flow(MINER, hours(h).plusSeconds(121), "10.0.1.5", 40000, BITCOIN, 8333,
                    FlowDirection.INBOUND, 10000));
        }
        // A second instance talks to the same address in the scope only: 2,000 in, 1,000 out an hour.
        for (int h = 720; h < 744; h++) {
            graph.accept(flow(OTHER, hours(h), "10.0.2.9", 50000, BITCOIN, 8333, FlowDirection.OUTBOUND, 1000));
            graph.accept(flow(OTHER, hours(h), "10.0.2.9", 50000, BITCOIN, 8333, FlowDirection.INBOUND, 2000));
        }
        graph.accept(finding(FINDING, hours(700).plusSeconds(120), hours(743).plusSeconds(181),
                EntityRef.ec2Instance(MINER), EntityRef.ipAddress("10.0.1.5"), EntityRef.ipAddress(BITCOIN)));
    }

    @Test
    void principalApiCallVolumeAgainstItsBaseline() {
        Profile profile = graph.profile(EntityRef.user(ALICE_ID), SCOPE);
        assertFalse(profile.inTraining(), "30 days of data before the scope");
        ApiCallVolume calls = profile.apiCallVolume().orElseThrow();
        assertEquals(24 + 1, calls.success());
        assertEquals(1, calls.failure());
        assertEquals(24, calls.activeHours());
        assertEquals(24 + 2 * 24, calls.hours().size(), "the scope and 24 hours of context on each side");
        assertEquals(24, calls.inScope().size());
        assertEquals(hours(696), calls.hours().get(0).hour());
        assertEquals(3, calls.inScope().get(10).total(), "hour 730: ListUsers and two CreateUser");
        // Baseline: the 45 days before hour 720 hold hours 0..719: one ListUsers an hour, plus RunInstances at 700.
        assertEquals(720, calls.baseline().activeHours());
        assertEquals(721.0 / 720, calls.baseline().averageSuccess(), 1e-12);
        assertEquals(0, calls.baseline().averageFailure());
        assertEquals((26.0 / 24 - 721.0 / 720) / (721.0 / 720) * 100, calls.percentChange(), 1e-9);

        List<CallRow> byIp = calls.byIpAddress();
        assertEquals(OFFICE, byIp.get(0).key());
        assertEquals(EntityRef.ipAddress(OFFICE), byIp.get(0).entity());
        assertEquals(24, byIp.get(0).success());
        assertEquals(List.of(new CallRow("iam.amazonaws.com:ListUsers", null, 24, 0, List.of())),
                byIp.get(0).children());
        assertEquals(NEW_IP, byIp.get(1).key());
        assertEquals(List.of(new CallRow("iam.amazonaws.com:CreateUser", null, 1, 1, List.of())),
                byIp.get(1).children());
        assertEquals(List.of("iam.amazonaws.com:ListUsers", "iam.amazonaws.com:CreateUser"),
                calls.byApiMethod().stream().map(CallRow::key).toList());
        assertEquals(List.of(new CallRow("AKIAIOSFODNN7EXAMPLE", null, 25, 1, List.of())), calls.byAccessKey());
        assertFalse(calls.truncated());
    }

    /** The text shows three methods under each address and says how many it left out; the JSON has them all. */
    @Test
    void theTextSaysHowManyMethodsAnAddressHasBeyondThoseShown() {
        BehaviorGraph small = BehaviorGraph.create();
        for (String method : List.of("ListUsers", "ListRoles", "ListPolicies", "ListGroups", "GetUser")) {
            small.accept(call(alice(), hours(1), method, "198.51.100.7"));
        }
        ApiCallVolume calls = small.profile(EntityRef.user(ALICE_ID), ScopeTime.of(hours(0), hours(24)))
                .apiCallVolume().orElseThrow();
        assertEquals(5, calls.byIpAddress().get(0).children().size());
        assertTrue(calls.toString().contains("\n  ... 2 more"), calls::toString);
    }

    @Test
    void instanceDetailsNameItsCreatorAndWhereItLives() {
        Profile profile = graph.profile(EntityRef.ec2Instance(MINER), SCOPE);
        var details = profile.details();
        assertEquals(EntityRef.user(ALICE_ID), details.createdBy());
        assertEquals(hours(700), details.createdAt());
        assertEquals(ACCOUNT, details.accountId());
        assertEquals("vpc-0abc", details.vpcId());
        assertEquals(List.of("10.0.1.5"), details.privateIpAddresses());
        assertEquals(hours(700), details.firstObserved(), "RunInstances at hour 700");
        assertEquals(hours(743).plusSeconds(181), details.lastObserved(), "the last flow record's end");
        assertEquals(List.of(EntityRef.finding(FINDING)), profile.findings().orElseThrow().findings().stream()
                .map(f -> f.finding()).toList());
    }

    @Test
    void instanceFlowVolumeAndItsDrillDown() {
        FlowVolume flows = graph.profile(EntityRef.ec2Instance(MINER), SCOPE).flowVolume().orElseThrow();
        assertEquals(24 * 10_000, flows.bytesIn());
        assertEquals(24 * 5_000, flows.bytesOut());
        assertEquals(24, flows.activeHours());
        assertEquals(20, flows.baseline().activeHours(), "hours 700..719 before the scope");
        assertEquals(10_000, flows.baseline().averageBytesIn());
        assertEquals(5_000, flows.baseline().averageBytesOut());
        assertEquals(0.0, flows.percentChangeIn());
        flows.inScope().forEach(h -> assertEquals(10_000, h.bytesIn(), h.hour().toString()));
        assertEquals(List.of(new FlowRow(EntityRef.ipAddress(BITCOIN), 40000, 8333, 6, 240_000, 120_000,
                24 * 20, 24 * 10, 48, 0)), flows.rows());
    }

    @Test
    void distinctPortsAndPeersPerHour() {
        DistinctCounts distinct = graph.profile(EntityRef.ec2Instance(MINER), SCOPE).distinctCounts().orElseThrow();
        HourlyDistinct hour = distinct.hours().get(24);
        assertEquals(hours(720), hour.hour());
        assertEquals(new HourlyDistinct(hours(720), 1, 1, 1, 1), hour);
        assertEquals(new HourlyDistinct(hours(696), 0, 0, 0, 0), distinct.hours().get(0), "before the miner ran");
    }

    @Test
    void anIpOfCompromiseNamesEveryInstanceThatTalkedToIt() {
        Profile profile = graph.profile(EntityRef.ipAddress(BITCOIN), SCOPE);
        CommunicatingInstances instances = profile.instances().orElseThrow();
        assertEquals(List.of(EntityRef.ec2Instance(MINER), EntityRef.ec2Instance(OTHER)),
                instances.instances().stream().map(i -> i.instance()).toList());
        assertEquals(240_000, instances.instances().get(0).bytesToInstance());
        assertEquals(120_000, instances.instances().get(0).bytesFromInstance());
        assertEquals(48_000, instances.instances().get(1).bytesToInstance());
        assertEquals(hours(700).plusSeconds(120), instances.instances().get(0).firstObserved());
        // Seen from the IP: it received what the instances sent.
        FlowVolume flows = profile.flowVolume().orElseThrow();
        assertEquals(24 * (5_000 + 1_000), flows.bytesIn());
        assertEquals(24 * (10_000 + 2_000), flows.bytesOut());
        FlowRow first = flows.rows().get(0);
        assertEquals(EntityRef.ec2Instance(MINER), first.peer());
        assertEquals(8333, first.localPort(), "the IP's own side is the instance's remote side");
        assertEquals(40000, first.remotePort());
        assertEquals(120_000, first.bytesIn());
        assertEquals(new HourlyDistinct(hours(720), 1, 2, 2, 2),
                profile.distinctCounts().orElseThrow().hours().get(24));
    }

    @Test
    void aFindingsProfileShowsTheTrafficWithItsRemoteIp() {
        Profile profile = graph.profile(EntityRef.finding(FINDING));
        assertEquals(ScopeTime.of(hours(700), hours(744)), profile.scope(), "first to last observed");
        List<PairTraffic> pairs = profile.flowsWithRemoteIp().orElseThrow().pairs();
        assertEquals(1, pairs.size(), "the instance's own private address has no flows with it");
        PairTraffic pair = pairs.get(0);
        assertEquals(EntityRef.ec2Instance(MINER), pair.instance());
        assertEquals(EntityRef.ipAddress(BITCOIN), pair.remoteIp());
        assertEquals(44, pair.activeHours());
        assertEquals(10_000.0, pair.averageBytesInPerHour());
        assertEquals(5_000.0, pair.averageBytesOutPerHour());
        assertEquals(44, pair.hours().size());
        assertEquals(3, profile.finding().orElseThrow().involvedEntities().size());
    }

    @Test
    void roleProfilesSumTheirSessions() {
        graph.accept(call(session("bob"), hours(725), "GetRole", OFFICE));
        graph.accept(call(session("carol"), hours(726), "GetRole", NEW_IP));
        graph.accept(call(session("carol"), hours(726).plusSeconds(5), "GetRole", NEW_IP));
        ApiCallVolume role = graph.profile(EntityRef.role(ROLE_ID), SCOPE).apiCallVolume().orElseThrow();
        assertEquals(3, role.success());
        assertEquals(List.of(NEW_IP, OFFICE), role.byIpAddress().stream().map(CallRow::key).toList());
        Profile bob = graph.profile(EntityRef.roleSession(ROLE_ID, "bob"), SCOPE);
        assertEquals(EntityRef.role(ROLE_ID), bob.details().role());
        assertEquals("bob", bob.details().name());
        assertEquals("deploy", graph.entity(EntityRef.role(ROLE_ID)).orElseThrow().name());
        ApiCallVolume account = graph.profile(EntityRef.account(ACCOUNT), SCOPE).apiCallVolume().orElseThrow();
        assertEquals(24 + 1 + 3, account.success(), "every call in the account");
    }

    @Test
    void anUnknownEntityHasAnEmptyProfile() {
        Profile profile = graph.profile(EntityRef.ipAddress("192.0.2.99"), SCOPE);
        assertFalse(profile.details().observed());
        assertEquals(0, profile.apiCallVolume().orElseThrow().total());
        assertTrue(profile.instances().orElseThrow().instances().isEmpty());
    }

    @Test
    void inTrainingUntilFourteenDaysOfData() {
        assertTrue(graph.profile(EntityRef.user(ALICE_ID), ScopeTime.of(hours(13 * 24), hours(14 * 24)))
                .inTraining());
        assertFalse(graph.profile(EntityRef.user(ALICE_ID), ScopeTime.of(hours(14 * 24), hours(15 * 24)))
                .inTraining());
        assertTrue(BehaviorGraph.create().profile(EntityRef.user(ALICE_ID), SCOPE).inTraining());
    }

    @Test
    void findingsCanBeArchivedAndKeepTheirState() {
        assertFalse(graph.finding(FINDING).orElseThrow().archived());
        graph.archive(FINDING);
        assertTrue(graph.finding(FINDING).orElseThrow().archived());
        // A later update from GuardDuty does not undo the investigator's decision.
        graph.accept(finding(FINDING, hours(700), hours(750), EntityRef.ec2Instance(MINER)));
        assertTrue(graph.finding(FINDING).orElseThrow().archived());
        assertEquals(hours(750), graph.finding(FINDING).orElseThrow().lastObserved(), "the newer version");
        graph.unarchive(FINDING);
        assertFalse(graph.finding(FINDING).orElseThrow().archived());
        assertThrows(NoSuchElementException.class, () -> graph.archive("nosuchfinding"));
    }

    @Test
    void aGuardDutyArnFindsTheSameFinding() {
        String arn = "arn:aws:guardduty:us-east-1:" + ACCOUNT + ":detector/12abc34d567e8fa901bc2d34e56789f0/finding/"
                + FINDING;
        assertEquals(FINDING, graph.finding(arn).orElseThrow().id());
        graph.accept(finding(arn, hours(700), hours(760), EntityRef.ec2Instance(MINER)));
        assertEquals(1, graph.findings().size(), "Security Hub's copy of a GuardDuty finding is the same finding");
        assertEquals(hours(760), graph.finding(FINDING).orElseThrow().lastObserved());
    }

    @Test
    void relationshipsKeepFirstAndLastSeenAndTotals() {
        List<RelationshipSummary> rels = graph.relationships(EntityRef.ec2Instance(MINER));
        RelationshipSummary created = rels.stream()
                .filter(r -> r.relationship().type() == RelationshipType.CREATED_INSTANCE).findFirst().orElseThrow();
        assertEquals(EntityRef.user(ALICE_ID), created.relationship().source());
        assertEquals(1, created.success());
        RelationshipSummary flows = rels.stream()
                .filter(r -> r.relationship().type() == RelationshipType.COMMUNICATED_WITH).findFirst().orElseThrow();
        assertEquals(44 * 5_000, flows.bytesToTarget());
        assertEquals(44 * 10_000, flows.bytesFromTarget());
        assertEquals(44, flows.activeHours());
        assertEquals(hours(743).plusSeconds(181), flows.lastSeen());
    }

    @Test
    void statsCountWhatWasIngested() {
        GraphStats stats = graph.stats();
        assertEquals(744 + 2 + 1, stats.apiCalls());
        assertEquals(2 * 44 + 2 * 24, stats.flows());
        assertEquals(1, stats.findings());
        assertEquals(hours(0).plusSeconds(300), stats.firstEvent());
        assertTrue(stats.hourlyCells() > 0);
        assertNull(BehaviorGraph.create().stats().firstEvent());
    }

    @Test
    void builderRefusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> BehaviorGraph.builder().baselineDays(0));
        assertThrows(IllegalArgumentException.class,
                () -> BehaviorGraph.builder().baseline(java.time.Duration.ofMinutes(90)));
        assertThrows(IllegalArgumentException.class, () -> BehaviorGraph.builder().maxDrillDownKeysPerEntity(0));
        assertEquals("training period must be zero or a whole number of hours, at most 366 days; was PT-30M",
                assertThrows(IllegalArgumentException.class, () -> BehaviorGraph.builder()
                        .trainingPeriod(java.time.Duration.ofMinutes(-30))).getMessage());
        assertEquals("baseline must be a positive number of whole hours, at most 366 days; was PT0S",
                assertThrows(IllegalArgumentException.class, () -> BehaviorGraph.builder()
                        .baseline(java.time.Duration.ZERO)).getMessage());
        BehaviorGraph.builder().trainingPeriod(java.time.Duration.ZERO).profileContext(java.time.Duration.ZERO).build();
    }
    /** Scopes by the edges of the years a scope may lie in: the context and baseline stop there, not the profile. */
    @Test
    void scopesAtTheEdgesOfTheYearsHaveProfiles() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(call(alice(), hours(1), "ListUsers", "203.0.113.9"));
        for (String scope : List.of("0000-01-20T00:00:00Z/PT1H", "0000-01-01T01:00:00Z/PT1H",
                "9999-12-31T23:00:00Z/PT1H", "9999-12-31T00:00:00Z/P1D")) {
            Profile p = graph.profile(EntityRef.user(ALICE_ID), ScopeTime.parse(scope));
            assertEquals(0, p.apiCallVolume().orElseThrow().total(), scope);
        }
    }
}
