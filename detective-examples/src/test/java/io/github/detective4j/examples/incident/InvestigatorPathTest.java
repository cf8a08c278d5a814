package io.github.detective4j.examples.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.examples.incident.Facts.Traffic;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.graph.EntitySummary;
import io.github.detective4j.graph.Search;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.profile.ApiCallVolume;
import io.github.detective4j.profile.CallRow;
import io.github.detective4j.profile.FindingSummary;
import io.github.detective4j.profile.FlowRow;
import io.github.detective4j.profile.FlowVolume;
import io.github.detective4j.profile.HourlyTraffic;
import io.github.detective4j.profile.InstanceTraffic;
import io.github.detective4j.profile.PairTraffic;
import io.github.detective4j.profile.Profile;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference incident of DESIGN.md, end to end: real-format files through the parsers into a behavior graph, then
 * the investigator's path through profiles alone, from the BitcoinTool finding to the instance's traffic, to the
 * Bitcoin address's other instance, to the user who created the instance. Every expected number is worked out here
 * from the incident's facts (hourly volumes times hours), not read back from the graph.
 */
class InvestigatorPathTest {
    static Facts facts;
    static BehaviorGraph graph;
    static IngestReport report;
    static Finding finding;
    static ScopeTime scope;

    @BeforeAll
    static void ingest() throws IOException {
        facts = ReferenceIncident.standard().facts();
        graph = BehaviorGraph.create();
        report = AwsLogs.read(IncidentFiles.dir()).into(graph);
        finding = graph.finding(facts.bitcoinFinding().id()).orElseThrow();
        scope = ScopeTime.ofFinding(finding);
    }

    @Test
    void everyRecordReachedTheGraph() {
        assertEquals(0, report.errors());
        Written written = IncidentFiles.written();
        assertEquals(written.apiCalls(), graph.stats().apiCalls());
        assertEquals(written.flowRecords(), graph.stats().flows());
        assertEquals(2, graph.findings().size(), "37 versions of one finding and one other are two findings");
    }

    @Test
    void theFindingIsItsNewestVersion() {
        assertEquals(facts.bitcoinFinding().lastObserved(), finding.lastObserved());
        assertEquals(facts.bitcoinFinding().count(), finding.count());
        Traffic miner = facts.minerTraffic();
        assertEquals(ScopeTime.of(miner.firstHour(), miner.lastHour().plus(ScopeTime.HOUR)), scope,
                "the finding's scope is every hour of the beacon");
    }

    @Test
    void theFindingShowsASteadyBeaconToItsRemoteIp() {
        Traffic miner = facts.minerTraffic();
        List<PairTraffic> pairs = graph.profile(finding.ref(), scope).flowsWithRemoteIp().orElseThrow().pairs();
        assertEquals(1, pairs.size(), "the instance's own addresses carry no traffic with it");
        PairTraffic pair = pairs.get(0);
        assertEquals(EntityRef.ec2Instance(miner.instanceId()), pair.instance());
        assertEquals(EntityRef.ipAddress(facts.bitcoinIp()), pair.remoteIp());
        assertEquals(miner.hours(), pair.activeHours(), "traffic every hour of the scope");
        assertEquals(miner.bytesInPerHour() * miner.hours(), pair.bytesIn());
        assertEquals(miner.bytesOutPerHour() * miner.hours(), pair.bytesOut());
        assertEquals(10_000.0, pair.averageBytesInPerHour());
        assertEquals(5_000.0, pair.averageBytesOutPerHour());
        for (HourlyTraffic hour : pair.hours()) {
            assertEquals(10_000, hour.bytesIn(), hour.hour().toString());
            assertEquals(5_000, hour.bytesOut(), hour.hour().toString());
        }
    }

    @Test
    void theInstanceProfileHasTheBeaconAsItsPeerRowAndNamesItsCreator() {
        Traffic miner = facts.minerTraffic();
        Profile profile = graph.profile(EntityRef.ec2Instance(miner.instanceId()), scope);
        assertEquals(EntityRef.user(facts.adminUser().principalId()), profile.details().createdBy());
        assertEquals(facts.minerInstance().launchedAt(), profile.details().createdAt());
        assertEquals(facts.minerInstance().vpcId(), profile.details().vpcId());

        FlowVolume flows = profile.flowVolume().orElseThrow();
        FlowRow beacon = flows.rows().stream()
                .filter(r -> EntityRef.ipAddress(facts.bitcoinIp()).equals(r.peer())).findFirst().orElseThrow();
        assertEquals(miner.localPort(), beacon.localPort());
        assertEquals(facts.bitcoinPort(), beacon.remotePort());
        assertEquals(6, beacon.protocol());
        assertEquals(miner.bytesInPerHour() * miner.hours(), beacon.bytesIn());
        assertEquals(miner.bytesOutPerHour() * miner.hours(), beacon.bytesOut());
        assertEquals(0, beacon.rejected());
        assertEquals(0, flows.baseline().activeHours(), "a new instance has no traffic before the scope");
        assertNull(flows.percentChangeIn());
        assertTrue(profile.findings().orElseThrow().findings().stream()
                .anyMatch(f -> f.finding().equals(finding.ref())));
    }

    @Test
    void theBitcoinAddressLeadsToTheOtherInstance() {
        Traffic miner = facts.minerTraffic();
        Traffic other = facts.otherMinerTraffic();
        List<InstanceTraffic> instances = graph.profile(EntityRef.ipAddress(facts.bitcoinIp()), scope).instances()
                .orElseThrow().instances();
        assertEquals(List.of(EntityRef.ec2Instance(miner.instanceId()), EntityRef.ec2Instance(other.instanceId())),
                instances.stream().map(InstanceTraffic::instance).toList());
        InstanceTraffic second = instances.get(1);
        assertEquals(other.bytesInPerHour() * other.hours(), second.bytesToInstance());
        assertEquals(other.bytesOutPerHour() * other.hours(), second.bytesFromInstance());
        assertEquals(other.hours(), second.activeHours());
        assertEquals(other.firstSeen(), second.firstObserved().truncatedTo(java.time.temporal.ChronoUnit.HOURS));
        // The other instance was there before the attack and has no finding of its own.
        Profile otherProfile = graph.profile(EntityRef.ec2Instance(other.instanceId()), scope);
        assertTrue(otherProfile.details().firstObserved().isBefore(facts.attackStart()));
        assertTrue(otherProfile.findings().orElseThrow().findings().isEmpty());
    }

    @Test
    void theCreatorCalledFromANewAddressAndStoppedTheTrail() {
        EntityRef admin = EntityRef.user(facts.adminUser().principalId());
        List<EntitySummary> found = graph.search(Search.name(facts.adminUser().name())).entities();
        assertEquals(List.of(admin), found.stream().map(EntitySummary::entity).toList());

        // The user's own scope: the attack, from the day it began to the end of the data.
        ScopeTime attack = ScopeTime.of(facts.attackStart().truncatedTo(java.time.temporal.ChronoUnit.DAYS),
                facts.end());
        Profile profile = graph.profile(admin, attack);
        assertEquals(facts.adminUser().arn(), profile.details().arn());
        assertFalse(profile.inTraining());
        ApiCallVolume calls = profile.apiCallVolume().orElseThrow();
        CallRow attacker = calls.byIpAddress().stream().filter(r -> r.key().equals(facts.attackerIp()))
                .findFirst().orElseThrow();
        List<String> methods = attacker.children().stream().map(CallRow::key)
                .map(k -> k.substring(k.indexOf(':') + 1)).toList();
        assertTrue(methods.containsAll(facts.newApiCalls()), methods.toString());
        assertTrue(methods.contains("RunInstances"), methods.toString());
        for (String ip : facts.adminIps()) {
            assertTrue(calls.baseline().activeHours() > 0);
            assertTrue(graph.relationships(admin).stream()
                    .anyMatch(r -> r.relationship().target().equals(EntityRef.ipAddress(ip))
                            && r.firstSeen().isBefore(facts.attackStart())), ip);
        }
        List<FindingSummary> findings = profile.findings().orElseThrow().findings();
        assertEquals(List.of(facts.loggingDisabledFinding().id()),
                findings.stream().map(f -> f.finding().id()).toList());
        assertTrue(attack.contains(facts.loggingDisabledFinding().firstObserved()));
    }
}
