package io.github.detective4j.graph;

import static io.github.detective4j.graph.Events.ACCOUNT;
import static io.github.detective4j.graph.Events.alice;
import static io.github.detective4j.graph.Events.hours;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.hunt.InstanceContact;
import io.github.detective4j.hunt.IpHunt;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.AwsResource.Action;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.FlowAction;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.NetworkFlow;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Flow records in the default (version 2) format name their interface and no instance: the graph finds the instance
 * from what it was told, from records that name both, and from the calls that attach interfaces.
 */
class NetworkInterfaceTest {
    static final String ENI = "eni-0f4e4d2d71627dd38";
    static final String INSTANCE = "i-0690cd354a0c3850c";
    static final String C2 = "203.0.113.77";

    /** A version 2 record: the default format, interface but no instance. */
    static NetworkFlow v2(String eni, Instant start, long bytes) {
        return NetworkFlow.builder().version(2).accountId(ACCOUNT).interfaceId(eni)
                .local("10.1.0.14", 49152).remote(C2, 443).protocol(NetworkFlow.TCP).bytes(bytes).packets(4)
                .window(start, start.plusSeconds(60)).action(FlowAction.ACCEPT).direction(FlowDirection.UNKNOWN)
                .build();
    }

    static ApiCall call(String name, boolean success, AwsResource... resources) {
        return ApiCall.builder().eventTime(hours(1)).accountId(ACCOUNT).region("us-west-2").principal(alice())
                .eventSource("ec2.amazonaws.com").eventName(name).sourceIpAddress("198.51.100.7")
                .userAgent("aws-cli/2.15.30").errorCode(success ? null : "Client.UnauthorizedOperation")
                .resources(List.of(resources)).build();
    }

    static AwsResource instance(String id, Action action) {
        return new AwsResource(AwsResource.EC2_INSTANCE, id, null, action);
    }

    static AwsResource eni(String id) {
        return new AwsResource(AwsResource.EC2_NETWORK_INTERFACE, id, null, Action.TOUCHED);
    }

    private static List<EntityRef> instancesOf(BehaviorGraph graph) {
        return graph.hunt().ip(C2).instances().stream().map(InstanceContact::instance).toList();
    }

    @Test
    void withoutAnInstanceTheTrafficIsOnTheAddressAndTheHuntSaysSo() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(v2(ENI, hours(2), 1200));
        IpHunt hunt = graph.hunt().ip(C2);
        assertTrue(hunt.instances().isEmpty());
        assertEquals(1200, hunt.bytesWithoutInstance());
        assertTrue(hunt.toString().contains("1200 bytes of flow records with no known instance"), hunt::toString);
        assertTrue(hunt.toString().contains("${instance-id}"), hunt::toString);
    }

    /** Over a period, as instancesTalkingTo counts it: back from the latest flow. */
    @Test
    void bytesWithoutInstanceOverAPeriodCountTheHoursOfThePeriod() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(v2(ENI, hours(2), 1200));
        graph.accept(v2(ENI, hours(50), 300));
        assertEquals(1500, graph.hunt().ip(C2).bytesWithoutInstance());
        assertEquals(300, graph.hunt().bytesWithoutInstance(C2, java.time.Duration.ofDays(1)));
        assertEquals(1500, graph.hunt().bytesWithoutInstance(C2, java.time.Duration.ofDays(3)));
        assertEquals(1500, graph.hunt().bytesWithoutInstance("203.0.113.0/24", java.time.Duration.ofDays(3)));
        assertEquals(0, BehaviorGraph.create().hunt().bytesWithoutInstance(C2, java.time.Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class,
                () -> graph.hunt().bytesWithoutInstance(C2, java.time.Duration.ZERO));
    }

    @Test
    void theBuildersTableGivesTheInstance() {
        BehaviorGraph graph = BehaviorGraph.builder().networkInterfaces(Map.of(ENI, INSTANCE)).build();
        graph.accept(v2(ENI, hours(2), 1200));
        graph.accept(v2("eni-00000000000000001", hours(2), 300));
        IpHunt hunt = graph.hunt().ip(C2);
        assertEquals(List.of(EntityRef.ec2Instance(INSTANCE)), instancesOf(graph));
        assertEquals(1200, hunt.instances().get(0).bytesFromInstance() + hunt.instances().get(0).bytesToInstance());
        assertEquals(300, hunt.bytesWithoutInstance(), "the other interface is no instance's");
        assertFalse(hunt.toString().contains("1200 bytes of flow records"), hunt::toString);
        assertTrue(graph.entity(EntityRef.ec2Instance(INSTANCE)).isPresent());
    }

    @Test
    void aLaunchOfOneInstanceTeachesItsInterface() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(call("RunInstances", true, instance(INSTANCE, Action.CREATED), eni(ENI)));
        graph.accept(v2(ENI, hours(2), 1200));
        assertEquals(List.of(EntityRef.ec2Instance(INSTANCE)), instancesOf(graph));
        assertEquals(0, graph.hunt().ip(C2).bytesWithoutInstance());
    }

    @Test
    void anAttachmentMovesTheInterfaceAndWinsOverTheTable() {
        String other = "i-0123456789abcdef0";
        BehaviorGraph graph = BehaviorGraph.builder().networkInterfaces(Map.of(ENI, INSTANCE)).build();
        graph.accept(call("AttachNetworkInterface", true, instance(other, Action.TOUCHED), eni(ENI)));
        graph.accept(v2(ENI, hours(2), 1200));
        assertEquals(List.of(EntityRef.ec2Instance(other)), instancesOf(graph));
    }

    @Test
    void aFailedCallOrALaunchThatDoesNotSayWhoseTeachesNothing() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(call("AttachNetworkInterface", false, instance(INSTANCE, Action.TOUCHED), eni(ENI)));
        graph.accept(call("RunInstances", true, instance(INSTANCE, Action.CREATED),
                instance("i-0123456789abcdef0", Action.CREATED), eni("eni-00000000000000001"),
                eni("eni-00000000000000002"), eni("eni-00000000000000003")));
        graph.accept(v2(ENI, hours(2), 100));
        graph.accept(v2("eni-00000000000000001", hours(2), 200));
        assertEquals(List.of(), instancesOf(graph), "three interfaces for two instances: whose is which, unsaid");
        assertEquals(300, graph.hunt().ip(C2).bytesWithoutInstance());
    }

    /** A launch of several instances, one interface each, as RunInstances lists them: item by item, in order. */
    @Test
    void aLaunchOfSeveralTeachesEachItsInterface() {
        String other = "i-0123456789abcdef0";
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(call("RunInstances", true, instance(INSTANCE, Action.CREATED), instance(other, Action.CREATED),
                eni(ENI), eni("eni-00000000000000002")));
        graph.accept(v2(ENI, hours(2), 100));
        graph.accept(v2("eni-00000000000000002", hours(2), 200));
        IpHunt hunt = graph.hunt().ip(C2);
        assertEquals(List.of(EntityRef.ec2Instance(other), EntityRef.ec2Instance(INSTANCE)),
                hunt.instances().stream().map(InstanceContact::instance).toList(), "most bytes first");
        assertEquals(0, hunt.bytesWithoutInstance());
    }

    /** GuardDuty names the instance of a finding and its interfaces ({@code instanceDetails.networkInterfaces}). */
    @Test
    void aFindingOnAnInstanceTeachesItsInterface() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(finding("f1", INSTANCE));
        graph.accept(v2(ENI, hours(2), 1200));
        assertEquals(List.of(EntityRef.ec2Instance(INSTANCE)), instancesOf(graph));
    }

    /** The latest evidence wins: an interface moved to another instance, as records naming both then say. */
    @Test
    void aRecordThatNamesBothMovesTheInterface() {
        String other = "i-0123456789abcdef0";
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(call("RunInstances", true, instance(INSTANCE, Action.CREATED), eni(ENI)));
        graph.accept(v5(ENI, other, "10.1.0.14", "198.51.100.99", 10));
        graph.accept(v2(ENI, hours(2), 1200));
        assertEquals(List.of(EntityRef.ec2Instance(other)), instancesOf(graph));
    }

    /**
     * A finding only fills a gap: whoever may import findings into Security Hub must not point an interface's traffic
     * at an instance of their choosing.
     */
    @Test
    void aFindingDoesNotOverrideWhatCloudTrailTaught() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(call("RunInstances", true, instance(INSTANCE, Action.CREATED), eni(ENI)));
        graph.accept(finding("forged", "i-0123456789abcdef0"));
        graph.accept(v2(ENI, hours(2), 1200));
        assertEquals(List.of(EntityRef.ec2Instance(INSTANCE)), instancesOf(graph));
    }

    /** An attachment teaches the interface without making an entity of an instance no event observed. */
    @Test
    void anAttachmentMakesNoEntity() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(call("AttachNetworkInterface", true, instance(INSTANCE, Action.TOUCHED), eni(ENI)));
        assertFalse(graph.contains(EntityRef.ec2Instance(INSTANCE)));
        graph.accept(v2(ENI, hours(2), 1200));
        assertEquals(List.of(EntityRef.ec2Instance(INSTANCE)), instancesOf(graph));
    }

    /** A store's retention rebuild keeps what dropped events taught, until a kept event says otherwise. */
    @Test
    void retentionKeepsWhatTheDroppedEventsTaught(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.time.Clock clock = java.time.Clock.fixed(hours(30 * 24), java.time.ZoneOffset.UTC);
        try (GraphStore store = GraphStore.builder(dir).clock(clock).retention(java.time.Duration.ofDays(10))
                .open()) {
            store.accept(call("RunInstances", true, instance(INSTANCE, Action.CREATED), eni(ENI))); // day 0
            store.accept(v2(ENI, hours(25 * 24), 1000));
            store.snapshot(); // drops the launch
            assertEquals(List.of(EntityRef.ec2Instance(INSTANCE)), instancesOf(store.graph()));
            store.accept(v2(ENI, hours(26 * 24), 500));
            assertEquals(1500, store.graph().hunt().ip(C2).instances().get(0).bytesFromInstance()
                    + store.graph().hunt().ip(C2).instances().get(0).bytesToInstance());
            assertEquals(0, store.graph().hunt().ip(C2).bytesWithoutInstance());
        }
    }

    /** The rebuild meets the dropped launch first: a kept flow before a later attachment stays the first instance's. */
    @Test
    void aRetentionRebuildKeepsTheOrderOfWhatTaughtIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        String other = "i-0123456789abcdef0";
        java.time.Clock clock = java.time.Clock.fixed(hours(30 * 24), java.time.ZoneOffset.UTC);
        try (GraphStore store = GraphStore.builder(dir).clock(clock).retention(java.time.Duration.ofDays(10))
                .open()) {
            store.accept(call("RunInstances", true, instance(INSTANCE, Action.CREATED), eni(ENI))); // day 0
            store.accept(v2(ENI, hours(25 * 24), 1000));
            store.accept(ApiCall.builder().eventTime(hours(27 * 24)).accountId(ACCOUNT).region("us-west-2")
                    .principal(alice()).eventSource("ec2.amazonaws.com").eventName("AttachNetworkInterface")
                    .sourceIpAddress("198.51.100.7").userAgent("aws-cli/2.15.30")
                    .resources(List.of(instance(other, Action.TOUCHED), eni(ENI))).build());
            List<EntityRef> live = instancesOf(store.graph());
            store.snapshot();
            assertEquals(List.of(EntityRef.ec2Instance(INSTANCE)), live);
            assertEquals(live, instancesOf(store.graph()), "the day-25 traffic is still the launched instance's");
        }
    }

    /** Bytes a cap kept off an instance's relationships are no instance's too, and the text says it may be the cap. */
    @Test
    void theTextSaysACapMayBeWhyBytesHaveNoInstance() {
        BehaviorGraph graph = BehaviorGraph.builder().maxRelationshipsPerEntity(1).build();
        graph.accept(v5("i-0123456789abcdef0", "10.1.0.20", C2, 700));
        graph.accept(v5(INSTANCE, "10.1.0.14", "198.51.100.99", 10)); // its one relationship
        graph.accept(v5(INSTANCE, "10.1.0.14", C2, 5000)); // kept off: past its cap
        IpHunt hunt = graph.hunt().ip(C2);
        assertEquals(5000, hunt.bytesWithoutInstance());
        assertTrue(hunt.truncated());
        assertTrue(hunt.toString().contains("or traffic the graph's caps kept off an instance's relationships"),
                hunt::toString);
    }

    /** A version 5 record naming both its interface (the instance's own, unless given) and its instance. */
    static NetworkFlow v5(String instanceId, String local, String remote, long bytes) {
        return v5("eni-" + instanceId.substring(2), instanceId, local, remote, bytes);
    }

    static NetworkFlow v5(String eni, String instanceId, String local, String remote, long bytes) {
        return NetworkFlow.builder().version(5).accountId(ACCOUNT).interfaceId(eni)
                .instanceId(instanceId).local(local, 49152).remote(remote, 443).protocol(NetworkFlow.TCP)
                .bytes(bytes).packets(1).window(hours(1), hours(1).plusSeconds(60)).action(FlowAction.ACCEPT)
                .direction(FlowDirection.OUTBOUND).build();
    }

    static io.github.detective4j.model.Finding finding(String id, String instanceId) {
        return io.github.detective4j.model.Finding.builder().id(id).sourceProduct("GuardDuty")
                .type("CryptoCurrency:EC2/BitcoinTool.B").severity(io.github.detective4j.model.Severity.ofGuardDuty(8))
                .observed(hours(1), hours(1)).accountId(ACCOUNT).region("us-west-2")
                .resources(List.of(instance(instanceId, Action.TOUCHED), eni(ENI)))
                .entities(List.of(EntityRef.ec2Instance(instanceId))).build();
    }

    @Test
    void aRecordThatNamesBothTeachesTheOthers() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(v5(ENI, INSTANCE, "10.1.0.14", "198.51.100.99", 10));
        graph.accept(v2(ENI, hours(2), 1200));
        assertEquals(List.of(EntityRef.ec2Instance(INSTANCE)), instancesOf(graph));
    }

    @Test
    void theTableIsCheckedAndCopied() {
        Map<String, String> table = new HashMap<>(Map.of(ENI, INSTANCE));
        BehaviorGraph.Builder builder = BehaviorGraph.builder().networkInterfaces(table);
        table.put(ENI, "i-0123456789abcdef0");
        BehaviorGraph graph = builder.build();
        graph.accept(v2(ENI, hours(2), 1200));
        assertEquals(List.of(EntityRef.ec2Instance(INSTANCE)), instancesOf(graph), "the builder took a copy");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BehaviorGraph.builder().networkInterfaces(Map.of(ENI, "web-server-1")));
        assertTrue(e.getMessage().contains("'i-' followed by"), e::getMessage);
        assertThrows(NullPointerException.class, () -> BehaviorGraph.builder().networkInterfaces(null));
    }
}
