package io.github.detective4j.examples.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.examples.incident.Facts.Traffic;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.FlowAction;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.IpAddresses;
import io.github.detective4j.model.NetworkFlow;
import io.github.detective4j.model.SecurityEvent;
import io.github.detective4j.model.SeverityLabel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default incident, written once and read back through the parsers: what a behavior graph will be fed. */
class ReferenceIncidentTest {
    static Path dir;

    static Facts facts;
    static Written written;
    static IngestReport report;
    static List<ApiCall> calls = new ArrayList<>();
    static List<NetworkFlow> flows = new ArrayList<>();
    static List<Finding> findings = new ArrayList<>();

    @BeforeAll
    static void writeAndRead() throws IOException {
        ReferenceIncident incident = ReferenceIncident.standard();
        facts = incident.facts();
        long t0 = System.nanoTime();
        dir = IncidentFiles.dir();
        written = IncidentFiles.written();
        long t1 = System.nanoTime();
        report = AwsLogs.read(dir).into(ReferenceIncidentTest::sort);
        long t2 = System.nanoTime();
        System.out.printf("reference incident: %s, written in %d ms; %s, read in %d ms%n", written,
                (t1 - t0) / 1_000_000, report, (t2 - t1) / 1_000_000);
    }

    private static void sort(SecurityEvent event) {
        if (event instanceof ApiCall call) {
            calls.add(call);
        } else if (event instanceof NetworkFlow flow) {
            flows.add(flow);
        } else if (event instanceof Finding finding) {
            findings.add(finding);
        }
    }

    @Test
    void theParsersReadEveryFileWithoutAnError() {
        assertEquals(0, report.errors(), () -> "errors: " + report.firstErrors());
        assertEquals(0, report.skippedTotal(), () -> "skipped: " + report.skipped());
        assertEquals(written.files(), report.inputs());
        assertEquals(written.events(), report.eventsProduced());
        assertEquals(written.events(), report.recordsRead());
    }

    @Test
    void everyRecordBecomesOneEventOfItsKind() {
        assertEquals(written.apiCalls(), calls.size());
        assertEquals(written.flowRecords(), flows.size());
        assertEquals(written.findings(), findings.size());
        assertEquals(facts.bitcoinFinding().versions() + facts.loggingDisabledFinding().versions(), findings.size());
    }

    @Test
    void theDefaultSizeStaysWhereTheSuiteIsFast() {
        assertTrue(written.apiCalls() >= 100_000 && written.apiCalls() <= 200_000, "API calls: " + written);
        assertTrue(written.flowRecords() >= 20_000 && written.flowRecords() <= 100_000, "flow records: " + written);
    }

    @Test
    void everyEventLiesInsideTheDataPeriod() {
        for (ApiCall call : calls) {
            assertInside(call.eventTime());
        }
        for (NetworkFlow flow : flows) {
            assertInside(flow.start());
            assertInside(flow.end());
            assertEquals(hour(flow.start()), hour(flow.end()), () -> "flow record across an hour: " + flow);
        }
    }

    @Test
    void runInstancesCreatesTheMinerAsTheAdminUserFromAshburn() {
        List<ApiCall> launches = calls.stream()
                .filter(call -> call.resources().stream().anyMatch(resource ->
                        resource.id().equals(facts.minerInstance().id())))
                .toList();
        assertEquals(1, launches.size(), () -> "calls naming the miner: " + launches);
        ApiCall launch = launches.get(0);
        assertEquals("RunInstances", launch.eventName());
        assertEquals(new AwsResource(AwsResource.EC2_INSTANCE, facts.minerInstance().id(), null,
                AwsResource.Action.CREATED), launch.resources().get(0));
        assertEquals(EntityRef.user(facts.adminUser().principalId()), launch.principal().entity().orElseThrow());
        assertEquals(facts.adminUser().accessKeyId(), launch.principal().accessKeyId());
        assertEquals(facts.attackerIp(), launch.sourceIpAddress());
        assertEquals(facts.attackerUserAgent(), launch.userAgent());
        assertEquals(facts.minerInstance().launchedAt(), launch.eventTime());
        assertEquals(facts.adminUser().name(), facts.minerInstance().launchedBy());
    }

    @Test
    void theAttackersFirstSessionMakesTheCallsOfTheFactsInOrder() {
        List<String> session = adminCalls().stream()
                .filter(call -> facts.attackerIp().equals(call.sourceIpAddress()))
                .filter(call -> call.eventTime().isBefore(facts.attackStart().plus(Duration.ofHours(1))))
                .sorted(Comparator.comparing(ApiCall::eventTime))
                .map(ApiCall::eventName)
                .toList();
        assertEquals(facts.attackApiCalls(), session);
        assertEquals(facts.attackStart(), adminCalls().stream()
                .filter(call -> facts.attackerIp().equals(call.sourceIpAddress()))
                .map(ApiCall::eventTime).min(Comparator.naturalOrder()).orElseThrow());
    }

    @Test
    void theNewApiCallsAddressAndUserAgentAreNewForTheAdminUser() {
        Set<String> before = new HashSet<>();
        for (ApiCall call : adminCalls()) {
            if (call.eventTime().isBefore(facts.attackStart())) {
                before.add(call.eventName());
                assertTrue(facts.adminIps().contains(call.sourceIpAddress()), () -> "admin call from " + call);
                assertTrue(facts.adminUserAgents().contains(call.userAgent()), () -> "admin call with " + call);
            }
        }
        for (String name : facts.newApiCalls()) {
            assertFalse(before.contains(name), name + " before the attack");
        }
        Set<String> attack = new HashSet<>(facts.attackApiCalls());
        attack.removeAll(facts.newApiCalls());
        assertTrue(before.containsAll(attack), () -> "attack calls not seen before: " + attack + " vs " + before);
        assertEquals(Set.of("Tokyo"), facts.adminIps().stream()
                .map(ip -> facts.place(ip).orElseThrow().city()).collect(Collectors.toSet()));
        assertEquals("Ashburn", facts.place(facts.attackerIp()).orElseThrow().city());
    }

    @Test
    void theAttackersOtherCallsMapTheirResources() {
        ApiCall createUser = only("CreateUser", facts.attackStart());
        assertEquals(AwsResource.Action.CREATED, createUser.resources().get(0).action());
        assertEquals(facts.createdUserName(), createUser.resources().get(0).id());
        ApiCall deleteKey = only("DeleteAccessKey", facts.attackStart());
        assertEquals(new AwsResource(AwsResource.IAM_ACCESS_KEY, facts.deletedAccessKey().accessKeyId(), null,
                AwsResource.Action.DELETED), deleteKey.resources().get(0));
        ApiCall stop = only("StopLogging", facts.attackStart());
        assertEquals(AwsResource.CLOUDTRAIL_TRAIL, stop.resources().get(0).type());
        assertEquals(facts.stoppedTrailName(), stop.resources().get(0).id());
        ApiCall createRole = only("CreateRole", facts.attackStart());
        assertEquals(facts.createdRoleName(), createRole.resources().get(0).id());
    }

    @Test
    void backgroundCallsIncludeRoleSessionsKeyRotationAndRefusals() {
        long assumed = calls.stream().filter(call -> call.eventName().equals("AssumeRole"))
                .filter(call -> call.resources().stream().anyMatch(resource ->
                        resource.action() == AwsResource.Action.CREATED))
                .count();
        assertTrue(assumed > 100, "AssumeRole calls creating a session: " + assumed);
        assertTrue(calls.stream().anyMatch(call -> call.eventName().equals("CreateAccessKey")
                && call.resources().get(0).action() == AwsResource.Action.CREATED));
        long refused = calls.stream().filter(call -> "AccessDenied".equals(call.errorCode())).count();
        assertTrue(refused > 10, "refused calls: " + refused);
        assertTrue(calls.stream().anyMatch(call -> call.eventName().equals("ConsoleLogin") && !call.isSuccess()));
        Set<String> regions = calls.stream().map(ApiCall::region).collect(Collectors.toSet());
        assertEquals(Set.of(facts.region(), facts.otherRegion()), regions);
        Set<String> roles = calls.stream().map(call -> call.principal().sessionIssuer())
                .filter(issuer -> issuer != null && issuer.userName() != null)
                .map(issuer -> issuer.userName()).collect(Collectors.toSet());
        assertEquals(Set.copyOf(facts.roleNames()), roles);
    }

    @Test
    void theBitcoinFindingInvolvesTheMinerAndTheBitcoinIp() {
        List<Finding> versions = findings.stream()
                .filter(finding -> finding.id().equals(facts.bitcoinFinding().id())).toList();
        assertEquals(facts.bitcoinFinding().versions(), versions.size());
        Finding last = versions.stream().max(Comparator.comparing(Finding::updatedAt)).orElseThrow();
        assertEquals("CryptoCurrency:EC2/BitcoinTool.B", last.type());
        assertEquals(SeverityLabel.HIGH, last.severity().label());
        assertEquals(8.0, last.severity().score());
        assertTrue(last.entities().contains(EntityRef.ec2Instance(facts.minerInstance().id())), last::toString);
        assertTrue(last.entities().contains(EntityRef.ipAddress(facts.bitcoinIp())), last::toString);
        assertEquals(facts.minerTraffic().firstSeen(), last.firstObserved());
        assertEquals(facts.minerTraffic().lastSeen(), last.lastObserved());
        assertEquals(facts.bitcoinFinding().lastObserved(), last.lastObserved());
        assertEquals(facts.minerTraffic().hours(), last.count());
        assertEquals(facts.bitcoinFinding().count(), last.count());
        assertTrue(last.updatedAt().isBefore(facts.end()));
        for (Finding version : versions) {
            assertEquals(last.firstObserved(), version.firstObserved());
            assertEquals(last.createdAt(), version.createdAt());
        }
    }

    @Test
    void theLoggingDisabledFindingNamesTheAdminUserAndTheAttackersAddress() {
        Finding stealth = findings.stream()
                .filter(finding -> finding.id().equals(facts.loggingDisabledFinding().id())).findFirst().orElseThrow();
        assertEquals("Stealth:IAMUser/CloudTrailLoggingDisabled", stealth.type());
        assertEquals(SeverityLabel.LOW, stealth.severity().label());
        assertTrue(stealth.entities().contains(EntityRef.user(facts.adminUser().principalId())), stealth::toString);
        assertTrue(stealth.entities().contains(EntityRef.ipAddress(facts.attackerIp())), stealth::toString);
        assertTrue(stealth.entities().contains(EntityRef.userAgent(facts.attackerUserAgent())), stealth::toString);
        assertEquals(facts.loggingDisabledFinding().firstObserved(), stealth.firstObserved());
        assertEquals(only("StopLogging", facts.attackStart()).eventTime(), stealth.firstObserved());
        assertEquals(1, stealth.count());
    }

    @Test
    void theMinersTrafficIsExactEveryHour() {
        for (Traffic traffic : List.of(facts.minerTraffic(), facts.otherMinerTraffic())) {
            Map<Instant, long[]> byHour = new TreeMap<>();
            for (NetworkFlow flow : flows) {
                if (!traffic.instanceId().equals(flow.instanceId())
                        || !traffic.remoteIp().equals(flow.remoteAddress())) {
                    continue;
                }
                assertEquals(traffic.remotePort(), flow.remotePort(), flow::toString);
                assertEquals(traffic.localPort(), flow.localPort(), flow::toString);
                assertEquals(NetworkFlow.TCP, flow.protocol(), flow::toString);
                long[] inOut = byHour.computeIfAbsent(hour(flow.start()), h -> new long[2]);
                if (flow.direction() == FlowDirection.INBOUND) {
                    inOut[0] += flow.bytes();
                } else {
                    assertEquals(FlowDirection.OUTBOUND, flow.direction(), flow::toString);
                    inOut[1] += flow.bytes();
                }
            }
            assertEquals(traffic.hours(), byHour.size(), traffic::toString);
            Instant expected = traffic.firstHour();
            for (Map.Entry<Instant, long[]> hour : byHour.entrySet()) {
                assertEquals(expected, hour.getKey());
                assertEquals(traffic.bytesInPerHour(), hour.getValue()[0], () -> "in at " + hour.getKey());
                assertEquals(traffic.bytesOutPerHour(), hour.getValue()[1], () -> "out at " + hour.getKey());
                expected = expected.plus(Duration.ofHours(1));
            }
            assertEquals(traffic.lastHour().plus(Duration.ofHours(1)), expected);
        }
        assertEquals(10_000, facts.minerTraffic().bytesInPerHour());
        assertEquals(5_000, facts.minerTraffic().bytesOutPerHour());
    }

    @Test
    void onlyTheTwoMinersTalkToTheBitcoinIp() {
        Set<String> instances = flows.stream().filter(flow -> facts.bitcoinIp().equals(flow.remoteAddress()))
                .map(NetworkFlow::instanceId).collect(Collectors.toSet());
        assertEquals(Set.of(facts.minerInstance().id(), facts.otherMinerInstance().id()), instances);
        assertTrue(facts.backgroundInstances().contains(facts.otherMinerInstance()));
        assertTrue(facts.otherMinerInstance().launchedAt().isBefore(facts.start()));
    }

    @Test
    void everyFlowRecordHasItsDirectionAndItsInstance() {
        for (NetworkFlow flow : flows) {
            assertTrue(flow.direction() != FlowDirection.UNKNOWN, flow::toString);
            assertTrue(flow.instanceId() != null && flow.vpcId() != null && flow.subnetId() != null, flow::toString);
            assertTrue(flow.localAddress().startsWith("10.0."), flow::toString);
        }
        assertTrue(flows.stream().anyMatch(flow -> flow.action() == FlowAction.REJECT));
    }

    @Test
    void everyPlaceIsAGlobalAddress() {
        // a special-purpose address would have no place and would not link findings, defeating the incident
        for (Facts.Place place : facts.places()) {
            assertTrue(IpAddresses.isGlobal(place.ip()), () -> place + " is not a global address");
        }
        for (String prefix : Cast.SCANNER_PREFIXES) {
            assertTrue(IpAddresses.isGlobal(prefix + "1"), prefix);
        }
        assertTrue(IpAddresses.isGlobal(facts.bitcoinIp()));
        assertFalse(IpAddresses.isGlobal("198.51.100.7"));
        assertFalse(IpAddresses.isGlobal("10.0.1.84"));
    }

    private static List<ApiCall> adminCalls() {
        return calls.stream()
                .filter(call -> facts.adminUser().principalId().equals(call.principal().principalId()))
                .toList();
    }

    private static ApiCall only(String eventName, Instant notBefore) {
        List<ApiCall> found = adminCalls().stream()
                .filter(call -> call.eventName().equals(eventName) && !call.eventTime().isBefore(notBefore))
                .toList();
        assertEquals(1, found.size(), () -> eventName + ": " + found);
        return found.get(0);
    }

    private static void assertInside(Instant time) {
        assertFalse(time.isBefore(facts.start()), time::toString);
        assertTrue(time.isBefore(facts.end()), time::toString);
    }

    private static Instant hour(Instant time) {
        return time.truncatedTo(ChronoUnit.HOURS);
    }
}
