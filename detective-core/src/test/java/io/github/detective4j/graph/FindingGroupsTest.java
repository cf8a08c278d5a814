package io.github.detective4j.graph;

import static io.github.detective4j.graph.Events.ALICE_ID;
import static io.github.detective4j.graph.Events.alice;
import static io.github.detective4j.graph.Events.hours;
import static io.github.detective4j.graph.Events.runInstances;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.groups.FindingGroup;
import io.github.detective4j.groups.FindingGroupRule;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.model.Severity;
import io.github.detective4j.profile.FindingSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings join through what they share, within the window, and only through what means one thing. */
class FindingGroupsTest {
    static final EntityRef MINER = EntityRef.ec2Instance("i-08a8e40be65425909");
    static final EntityRef OTHER = EntityRef.ec2Instance("i-0123456789abcdef0");

    static Finding finding(String id, String type, double severity, Instant first, Instant last,
            EntityRef... entities) {
        return Finding.builder().id(id).sourceProduct("GuardDuty").type(type).severity(Severity.ofGuardDuty(severity))
                .observed(first, last).entities(List.of(entities)).build();
    }

    @Test
    void findingsOfTheInstanceAndOfItsLauncherAreOneGroup() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(runInstances(alice(), hours(1), "44.212.19.33", MINER.id()));
        graph.accept(finding("f1", "CryptoCurrency:EC2/BitcoinTool.B", 8, hours(2), hours(100), MINER,
                EntityRef.ipAddress("104.16.1.42"), EntityRef.ipAddress("10.0.1.5")));
        graph.accept(finding("f2", "Stealth:IAMUser/CloudTrailLoggingDisabled", 2, hours(5), hours(5),
                EntityRef.user(ALICE_ID), EntityRef.ipAddress("44.212.19.33")));
        // Another VPC's instance at the same private address, and a finding long after: neither joins.
        graph.accept(finding("f3", "Recon:EC2/PortProbeUnprotectedPort", 5, hours(3), hours(4), OTHER,
                EntityRef.ipAddress("10.0.1.5")));
        graph.accept(finding("f4", "Stealth:IAMUser/CloudTrailLoggingDisabled", 2, hours(500), hours(500),
                EntityRef.user(ALICE_ID)));

        List<FindingGroup> groups = graph.findingGroups();
        assertEquals(1, groups.size(), groups.toString());
        FindingGroup group = groups.get(0);
        assertEquals(List.of(EntityRef.finding("f1"), EntityRef.finding("f2")), group.findings());
        assertEquals("2 findings: 1 CryptoCurrency, 1 Stealth", group.title());
        assertEquals(Severity.ofGuardDuty(8), group.severity());
        assertEquals(List.of("Impact", "Defense Evasion"), group.tactics(), "in the order first observed");
        assertEquals(hours(2), group.firstObserved());
        assertEquals(hours(100), group.lastObserved());
        assertTrue(group.id().matches("fg-[0-9a-f]{16}"), group.id());
        assertEquals(group, graph.findingGroup(group.id()).orElseThrow());

        List<EntityRef> inProfile = graph.profile(group.ref(), ScopeTime.of(hours(0), hours(1)))
                .findings().orElseThrow().findings().stream().map(FindingSummary::finding).toList();
        assertEquals(group.findings(), inProfile);
    }

    /**
     * A role session stands for its role, whose principal id begins the session's id: its findings join the role's
     * and its sibling sessions' even when none of the sessions' calls was read, so the groups do not depend on what
     * arrived first.
     */
    @Test
    void aSessionsFindingJoinsItsRolesWithoutAnyOfItsCalls() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(finding("s2", "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", 8,
                hours(3), hours(4), EntityRef.roleSession(Events.ROLE_ID, "s2")));
        graph.accept(finding("role", "Discovery:IAMUser/AnomalousBehavior", 5, hours(3), hours(4),
                EntityRef.role(Events.ROLE_ID)));
        graph.accept(finding("s3", "Persistence:IAMUser/AnomalousBehavior", 5, hours(5), hours(6),
                EntityRef.roleSession(Events.ROLE_ID, "s3")));
        List<FindingGroup> groups = graph.findingGroups();
        assertEquals(1, groups.size(), groups.toString());
        assertEquals(List.of(EntityRef.finding("role"), EntityRef.finding("s2"), EntityRef.finding("s3")),
                groups.get(0).findings());
    }

    /** The window is the largest gap that links, to the nanosecond: 24 hours and 0.9 s is past the default. */
    @Test
    void theWindowIsComparedToTheNanosecond() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(finding("w1", "Backdoor:EC2/C&CActivity.B", 8, hours(1), hours(2), MINER));
        graph.accept(finding("w2", "Trojan:EC2/DNSDataExfiltration", 8, hours(26).plusMillis(900), hours(27),
                MINER));
        assertEquals(List.of(), graph.findingGroups());
        graph.accept(finding("w3", "Trojan:EC2/DNSDataExfiltration", 8, hours(26), hours(26), MINER));
        assertEquals(3, graph.findingGroups().get(0).findings().size(), "a gap of exactly the window links");
        BehaviorGraph wide = BehaviorGraph.builder().findingGroups(new FindingGroupRule(
                Duration.ofSeconds(Long.MAX_VALUE))).build();
        wide.accept(finding("x1", "Backdoor:EC2/C&CActivity.B", 8, hours(1), hours(2), MINER));
        wide.accept(finding("x2", "Trojan:EC2/DNSDataExfiltration", 8, hours(90_000), hours(90_000), MINER));
        assertEquals(1, wide.findingGroups().size(), "a window of any length, without overflow");
    }

    @Test
    void groupsFollowTheFindingsAndKeepTheirId() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(finding("a1", "Backdoor:EC2/C&CActivity.B", 8, hours(1), hours(2), MINER));
        graph.accept(finding("a2", "Trojan:EC2/DNSDataExfiltration", 8, hours(3), hours(4), MINER));
        String id = graph.findingGroups().get(0).id();
        graph.accept(finding("a3", "UnauthorizedAccess:EC2/TorClient", 5, hours(20), hours(21), MINER));
        FindingGroup grown = graph.findingGroups().get(0);
        assertEquals(3, grown.findings().size());
        assertEquals(id, grown.id(), "named after its earliest finding");
    }

    @Test
    void specialPurposeAddressesDoNotLinkButAreStillFound() {
        BehaviorGraph graph = BehaviorGraph.create();
        String[] special = {"198.18.0.1", "203.0.113.9", "198.51.100.7", "192.0.2.1", "2001:db8::7",
            "169.254.169.254", "100.64.0.1", "2002:a00:1::1", "64:ff9b::a00:1", "::8.8.8.8", "240.0.0.1"};
        for (int i = 0; i < special.length; i++) {
            // one finding of MINER and one of an instance of its own at each address
            graph.accept(finding("s1-" + i, "Recon:EC2/Portscan", 5, hours(1), hours(2), MINER,
                    EntityRef.ipAddress(special[i])));
            graph.accept(finding("s2-" + i, "Recon:EC2/Portscan", 5, hours(1), hours(2),
                    EntityRef.ec2Instance(String.format("i-%017x", i)), EntityRef.ipAddress(special[i])));
        }
        List<FindingGroup> groups = graph.findingGroups();
        assertEquals(1, groups.size(), groups.toString());
        assertTrue(groups.get(0).findings().stream().allMatch(f -> f.id().startsWith("s1-")),
                () -> "the findings of MINER share it, and no others join them: " + groups);
        // linking is all that treats them specially: search and hunt find them as any address
        assertEquals(4, graph.search(Search.cidr("198.18.0.0/15")).matches()
                + graph.search(Search.cidr("203.0.113.0/24")).matches()
                + graph.search(Search.cidr("198.51.100.0/24")).matches()
                + graph.search(Search.cidr("2001:db8::/32")).matches());
        assertEquals(List.of(EntityRef.ipAddress("203.0.113.9")), graph.hunt().ip("203.0.113.0/24").addresses());
    }

    @Test
    void aSharedAddressLinksOnlyWhenItIsGlobal() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(finding("b1", "Recon:EC2/Portscan", 5, hours(1), hours(2), MINER,
                EntityRef.ipAddress("198.18.0.1")));
        graph.accept(finding("b2", "Recon:EC2/Portscan", 5, hours(1), hours(2), OTHER,
                EntityRef.ipAddress("52.94.76.10")));
        graph.accept(finding("b3", "UnauthorizedAccess:EC2/SSHBruteForce", 5, hours(3), hours(3),
                EntityRef.ec2Instance("i-0fedcba9876543210"), EntityRef.ipAddress("52.94.76.10")));
        List<FindingGroup> groups = graph.findingGroups();
        assertEquals(1, groups.size());
        assertEquals(List.of(EntityRef.finding("b2"), EntityRef.finding("b3")), groups.get(0).findings());
    }
    /**
     * A scanner's address in port-probe findings on 30 instances, an hour apart, links none of them (it would chain
     * them into a group of a day and more); a HIGH finding on one of the instances joins that instance's probe
     * alone. With a higher limit, the address links them all, as before.
     */
    @Test
    void aScannersAddressOnManyInstancesLinksNone() {
        EntityRef scanner = EntityRef.ipAddress("198.20.69.74");
        BehaviorGraph graph = BehaviorGraph.create();
        BehaviorGraph lax = BehaviorGraph.builder().findingGroups(new FindingGroupRule(Duration.ofHours(24), 100))
                .build();
        for (BehaviorGraph g : List.of(graph, lax)) {
            for (int k = 0; k < 30; k++) {
                g.accept(finding("probe-" + k, "Recon:EC2/PortProbeUnprotectedPort", 2, hours(k), hours(k),
                        EntityRef.ec2Instance(String.format("i-%017x", k + 1)), scanner));
            }
            g.accept(finding("miner", "CryptoCurrency:EC2/BitcoinTool.B!DNS", 8, hours(40), hours(41),
                    EntityRef.ec2Instance(String.format("i-%017x", 30))));
        }
        List<FindingGroup> groups = graph.findingGroups();
        assertEquals(1, groups.size(), groups.toString());
        assertEquals(List.of(EntityRef.finding("probe-29"), EntityRef.finding("miner")), groups.get(0).findings());
        assertEquals(31, lax.findingGroups().get(0).findings().size(), "a limit of 100 lets the address link");
    }

    /** Archiving dismisses a finding: out of its group, and no link between the others any more. */
    @Test
    void anArchivedFindingIsInNoGroupAndLinksNothing() {
        BehaviorGraph graph = BehaviorGraph.create();
        EntityRef shared = EntityRef.ipAddress("52.94.76.10");
        graph.accept(finding("c1", "Recon:EC2/Portscan", 5, hours(1), hours(2), MINER, shared));
        graph.accept(finding("c2", "Recon:EC2/Portscan", 8, hours(3), hours(3), MINER, OTHER));
        graph.accept(finding("c3", "Recon:EC2/Portscan", 5, hours(4), hours(4), OTHER));
        assertEquals(3, graph.findingGroups().get(0).findings().size());
        graph.archive("c2");
        assertEquals(List.of(), graph.findingGroups(), "c1 and c3 shared only c2's instances");
        graph.unarchive("c2");
        assertEquals(3, graph.findingGroups().get(0).findings().size());
    }
    /** Calls and flows change no group: the groups are not computed again for them, only for what links findings. */
    @Test
    void groupsAreComputedAgainOnlyWhenWhatLinksFindingsChanges() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(finding("d1", "Recon:EC2/Portscan", 5, hours(1), hours(2), MINER));
        graph.accept(finding("d2", "Recon:EC2/Portscan", 5, hours(2), hours(3), MINER));
        List<FindingGroup> before = graph.findingGroups();
        graph.accept(Events.call(alice(), hours(4), "ListUsers", "203.0.113.9"));
        assertTrue(before == graph.findingGroups(), "the same answer, not computed again for a call");
        graph.accept(runInstances(alice(), hours(5), "203.0.113.9", OTHER.id()));
        assertTrue(before != graph.findingGroups(), "a launch can link findings: computed again");
    }
    /** An update that names another remote address keeps the first version's links, as the profiles keep them. */
    @Test
    void anUpdateNamingAnotherAddressKeepsTheGroup() {
        BehaviorGraph graph = BehaviorGraph.create();
        EntityRef first = EntityRef.ipAddress("45.7.7.7");
        graph.accept(Finding.builder().id("up1").sourceProduct("GuardDuty").type("Recon:EC2/Portscan")
                .severity(Severity.ofGuardDuty(5)).observed(hours(1), hours(2)).updatedAt(hours(2))
                .entities(List.of(MINER, first)).build());
        graph.accept(finding("up2", "Recon:EC2/Portscan", 5, hours(2), hours(3), OTHER, first));
        assertEquals(1, graph.findingGroups().size());
        graph.accept(Finding.builder().id("up1").sourceProduct("GuardDuty").type("Recon:EC2/Portscan")
                .severity(Severity.ofGuardDuty(5)).observed(hours(1), hours(4)).updatedAt(hours(4)).count(9)
                .entities(List.of(MINER, EntityRef.ipAddress("45.8.8.8"))).build());
        assertEquals(1, graph.findingGroups().size(), "up1's first version still shares 45.7.7.7 with up2");
    }
    /**
     * GuardDuty's record and its Security Hub copy, equal in time and count: GuardDuty's is the finding's view
     * whichever came first (the ids' text decided before), so its title and type do not depend on the order.
     */
    @Test
    void guardDutysOwnRecordWinsATieWithItsSecurityHubCopy() {
        String arn = "arn:aws:guardduty:us-east-1:111122223333:detector/3365312172560fd7cc7b390a1759cc71/finding/"
                + "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
        Finding own = Finding.builder().id("0a1b2c3d4e5f60718293a4b5c6d7e8f9").sourceProduct("GuardDuty")
                .type("Backdoor:EC2/C&CActivity.B").severity(Severity.ofGuardDuty(8)).observed(hours(1), hours(2))
                .updatedAt(hours(2)).entities(List.of(MINER)).build();
        Finding copy = Finding.builder().id(arn).sourceProduct("GuardDuty")
                .type("TTPs/Command and Control/Backdoor:EC2-C&CActivity.B").severity(Severity.ofGuardDuty(8))
                .observed(hours(1), hours(2)).updatedAt(hours(2)).entities(List.of(MINER)).build();
        for (List<Finding> order : List.of(List.of(own, copy), List.of(copy, own))) {
            BehaviorGraph graph = BehaviorGraph.create();
            order.forEach(graph::accept);
            assertEquals("Backdoor:EC2/C&CActivity.B", graph.findings().get(0).type(), order.toString());
        }
    }
}
