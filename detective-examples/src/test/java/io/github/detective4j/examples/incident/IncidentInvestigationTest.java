package io.github.detective4j.examples.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.beacon.BeaconScore;
import io.github.detective4j.enrich.GeoTable;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.groups.FindingGroup;
import io.github.detective4j.investigation.IndicatorType;
import io.github.detective4j.investigation.Investigation;
import io.github.detective4j.investigation.InvestigationSeverity;
import io.github.detective4j.investigation.NewGeolocationDetail;
import io.github.detective4j.investigation.NewUserAgentDetail;
import io.github.detective4j.investigation.RelatedFinding;
import io.github.detective4j.investigation.RelatedFindingGroup;
import io.github.detective4j.investigation.TtpObserved;
import io.github.detective4j.json.DetectiveJson;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.ScopeTime;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference incident's verdict: investigating the admin user over the attack finds the new place and tool, the
 * attacker's techniques, both GuardDuty findings and the one group that holds them.
 */
class IncidentInvestigationTest {
    static Facts facts;
    static BehaviorGraph graph;
    static Investigation investigation;

    @BeforeAll
    static void investigate() throws IOException {
        facts = ReferenceIncident.standard().facts();
        GeoTable places = facts.geoTable();
        graph = BehaviorGraph.builder().geoLocator(places).asnResolver(places).build();
        AwsLogs.read(IncidentFiles.dir()).into(graph);
        ScopeTime attack = ScopeTime.of(facts.attackStart().truncatedTo(ChronoUnit.DAYS), facts.end());
        investigation = graph.investigate(EntityRef.user(facts.adminUser().principalId()), attack);
    }

    @Test
    void newPlaceAndNewTool() {
        List<String> places = investigation.indicators(IndicatorType.NEW_GEOLOCATION).stream()
                .map(i -> ((NewGeolocationDetail) i.detail()).location()).toList();
        assertEquals(1, places.size(), investigation.toString());
        assertTrue(places.get(0).startsWith("Ashburn"), places.toString());
        assertEquals(List.of(facts.attackerUserAgent()), investigation.indicators(IndicatorType.NEW_USER_AGENT)
                .stream().map(i -> ((NewUserAgentDetail) i.detail()).userAgent()).toList());
    }

    @Test
    void theAttackersTechniques() {
        Set<String> apis = investigation.indicators(IndicatorType.TTP_OBSERVED).stream()
                .map(i -> ((TtpObserved) i.detail()).apiName()).filter(a -> a != null).collect(Collectors.toSet());
        assertTrue(apis.containsAll(List.of("StopLogging", "CreateUser")), apis.toString());
        TtpObserved stop = investigation.indicators(IndicatorType.TTP_OBSERVED).stream()
                .map(i -> (TtpObserved) i.detail()).filter(t -> "StopLogging".equals(t.apiName())).findFirst()
                .orElseThrow();
        assertEquals(facts.attackerIp(), stop.ipAddress());
        assertEquals("Defense Evasion", stop.tactic());
    }

    @Test
    void theMinersTrafficIsABeaconAndTheBastionsSshIsNot() {
        ScopeTime scope = ScopeTime.ofFinding(graph.finding(facts.bitcoinFinding().id()).orElseThrow());
        BeaconScore miner = graph.profile(EntityRef.finding(facts.bitcoinFinding().id()), scope).flowsWithRemoteIp()
                .orElseThrow().pairs().get(0).beacon();
        assertTrue(miner.beacon(), miner.toString());
        assertTrue(miner.score() > 0.9, miner.toString());
        assertEquals(miner, graph.beacon(EntityRef.ec2Instance(facts.minerInstance().id()),
                EntityRef.ipAddress(facts.bitcoinIp()), scope));
        Facts.Instance bastion = facts.backgroundInstances().stream().filter(i -> i.name().startsWith("bastion"))
                .findFirst().orElseThrow();
        String office = facts.adminIps().get(0);
        BeaconScore ssh = graph.beacon(EntityRef.ec2Instance(bastion.id()), EntityRef.ipAddress(office), scope);
        assertTrue(ssh.records() > 10, "office-hours SSH sessions: " + ssh);
        assertTrue(!ssh.beacon(), ssh.toString());
    }

    @Test
    void bothFindingsAndTheirOneGroup() {
        Set<String> related = investigation.indicators(IndicatorType.RELATED_FINDING).stream()
                .map(i -> ((RelatedFinding) i.detail()).id()).collect(Collectors.toSet());
        assertEquals(Set.of(facts.bitcoinFinding().id(), facts.loggingDisabledFinding().id()), related);
        List<FindingGroup> groups = graph.findingGroups();
        assertEquals(1, groups.size(), groups.toString());
        assertEquals(Set.of(EntityRef.finding(facts.bitcoinFinding().id()),
                EntityRef.finding(facts.loggingDisabledFinding().id())), Set.copyOf(groups.get(0).findings()));
        assertEquals(List.of(groups.get(0).id()), investigation.indicators(IndicatorType.RELATED_FINDING_GROUP)
                .stream().map(i -> ((RelatedFindingGroup) i.detail()).id()).toList());
        assertEquals(InvestigationSeverity.CRITICAL, investigation.severity(), investigation.toString());
        assertTrue(DetectiveJson.write(investigation).contains("\"RelatedFindingGroupDetail\""));
    }
}
