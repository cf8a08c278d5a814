package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkFlowTest {
    private static final Instant START = Instant.parse("2026-11-20T03:12:00Z");
    private static final Instant END = Instant.parse("2026-11-20T03:13:00Z");

    private static NetworkFlow.Builder accepted() {
        return NetworkFlow.builder()
                .local("10.0.1.5", 49152)
                .remote("104.16.1.42", 443)
                .protocol(NetworkFlow.TCP)
                .bytes(4000)
                .packets(10)
                .window(START, END)
                .action(FlowAction.ACCEPT);
    }

    @Test
    void builderSetsEveryField() {
        NetworkFlow flow = NetworkFlow.builder()
                .version(5)
                .accountId("111122223333")
                .interfaceId("eni-1235b8ca123456789")
                .instanceId("i-08a8e40be65425909")
                .vpcId("vpc-0a1b2c3d")
                .subnetId("subnet-0a1b2c3d")
                .region("us-east-1")
                .local("10.0.1.5", 49152)
                .remote("104.16.1.42", 443)
                .protocol(NetworkFlow.TCP)
                .bytes(4000)
                .packets(10)
                .window(START, END)
                .action(FlowAction.REJECT)
                .logStatus(FlowLogStatus.OK)
                .direction(FlowDirection.OUTBOUND)
                .build();
        assertEquals(new NetworkFlow(5, "111122223333", "eni-1235b8ca123456789", "i-08a8e40be65425909",
                "vpc-0a1b2c3d", "subnet-0a1b2c3d", "us-east-1", "10.0.1.5", 49152, "104.16.1.42", 443, 6, 4000, 10,
                START, END, FlowAction.REJECT, FlowLogStatus.OK, FlowDirection.OUTBOUND), flow);
        assertEquals(5, flow.version());
        assertEquals("111122223333", flow.accountId());
        assertEquals("eni-1235b8ca123456789", flow.interfaceId());
        assertEquals("i-08a8e40be65425909", flow.instanceId());
        assertEquals("vpc-0a1b2c3d", flow.vpcId());
        assertEquals("subnet-0a1b2c3d", flow.subnetId());
        assertEquals("us-east-1", flow.region());
        assertEquals("10.0.1.5", flow.localAddress());
        assertEquals(49152, flow.localPort());
        assertEquals("104.16.1.42", flow.remoteAddress());
        assertEquals(443, flow.remotePort());
        assertEquals(6, flow.protocol());
        assertEquals(4000, flow.bytes());
        assertEquals(10, flow.packets());
        assertEquals(START, flow.start());
        assertEquals(END, flow.end());
        assertEquals(START, flow.time());
        assertEquals(FlowAction.REJECT, flow.action());
        assertEquals(FlowLogStatus.OK, flow.logStatus());
        assertEquals(FlowDirection.OUTBOUND, flow.direction());
    }

    @Test
    void builderDefaultsToVersion2OkAndUnknownDirection() {
        NetworkFlow flow = accepted().build();
        assertEquals(2, flow.version());
        assertEquals(FlowLogStatus.OK, flow.logStatus());
        assertEquals(FlowDirection.UNKNOWN, flow.direction());
        assertNull(flow.accountId());
        assertNull(flow.interfaceId());
        assertNull(flow.instanceId());
        assertNull(flow.vpcId());
        assertNull(flow.subnetId());
        assertNull(flow.region());
    }

    @Test
    void protocolNumbersAreIana() {
        assertEquals(6, NetworkFlow.TCP);
        assertEquals(17, NetworkFlow.UDP);
        assertEquals(1, NetworkFlow.ICMP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void blankStringsBecomeNull(String blank) {
        NetworkFlow flow = accepted().accountId(blank).interfaceId(blank).instanceId(blank).vpcId(blank)
                .subnetId(blank).region(blank).build();
        assertNull(flow.accountId());
        assertNull(flow.interfaceId());
        assertNull(flow.instanceId());
        assertNull(flow.vpcId());
        assertNull(flow.subnetId());
        assertNull(flow.region());
        assertEquals(accepted().build(), flow);
    }

    @Test
    void addressesAreNormalized() {
        NetworkFlow flow = accepted().local("2001:DB8:0:0:0:0:0:5", 22).remote("::ffff:104.16.1.42", 443).build();
        assertEquals("2001:db8::5", flow.localAddress());
        assertEquals("104.16.1.42", flow.remoteAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.256", "010.0.0.1", "host.example.com", "-", "fe80::1%eth0"})
    void addressThatIsNoIpLiteralIsRejected(String text) {
        Expect.illegalArgument(() -> accepted().local(text, 22).build(),
                "'" + text + "' is not an IPv4 or IPv6 address literal");
        Expect.illegalArgument(() -> accepted().remote(text, 22).build(),
                "'" + text + "' is not an IPv4 or IPv6 address literal");
    }

    // ---- ranges ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {1, 9, 0, -2})
    void versionOutside2To8IsRejected(int version) {
        Expect.illegalArgument(() -> accepted().version(version).build(),
                "flow log version must be in [2, 8], was " + version);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8})
    void versions2To8AreAccepted(int version) {
        assertEquals(version, accepted().version(version).build().version());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536, 70000, Integer.MIN_VALUE})
    void portOutside0To65535IsRejected(int port) {
        Expect.illegalArgument(() -> accepted().local("10.0.1.5", port).build(),
                "local port must be in [0, 65535], was " + port);
        Expect.illegalArgument(() -> accepted().remote("104.16.1.42", port).build(),
                "remote port must be in [0, 65535], was " + port);
    }

    @Test
    void portsAtTheEdgesAreAccepted() {
        NetworkFlow flow = accepted().local("10.0.1.5", 0).remote("104.16.1.42", 65535).build();
        assertEquals(0, flow.localPort());
        assertEquals(65535, flow.remotePort());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 256, 1000})
    void protocolOutside0To255IsRejected(int protocol) {
        Expect.illegalArgument(() -> accepted().protocol(protocol).build(),
                "protocol must be in [0, 255], was " + protocol);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 6, 17, 58, 255})
    void protocols0To255AreAccepted(int protocol) {
        assertEquals(protocol, accepted().protocol(protocol).build().protocol());
    }

    @Test
    void negativeCountsAreRejected() {
        Expect.illegalArgument(() -> accepted().bytes(-1).build(), "bytes must not be negative, was -1");
        Expect.illegalArgument(() -> accepted().packets(-5).build(), "packets must not be negative, was -5");
        Expect.illegalArgument(() -> accepted().bytes(Long.MIN_VALUE).build(), "bytes must not be negative");
    }

    @Test
    void largeCountsAreAccepted() {
        NetworkFlow flow = accepted().bytes(Long.MAX_VALUE).packets(0).build();
        assertEquals(Long.MAX_VALUE, flow.bytes());
        assertEquals(0, flow.packets());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "1234567890123", "11112222333a"})
    void invalidAccountIdIsRejected(String accountId) {
        Expect.illegalArgument(() -> accepted().accountId(accountId).build(),
                "account-id must be a 12-digit AWS account id, was '" + accountId + "'");
    }

    // ---- window ---------------------------------------------------------------------------------------------

    @Test
    void invertedWindowIsRejected() {
        Expect.illegalArgument(() -> accepted().window(END, START).build(),
                "flow end " + START + " is before its start " + END);
    }

    @Test
    void windowOfOneInstantIsAccepted() {
        NetworkFlow flow = accepted().window(START, START).build();
        assertEquals(START, flow.start());
        assertEquals(START, flow.end());
    }

    @Test
    void windowBoundsAreRequired() {
        Expect.nullPointer(() -> accepted().window(null, END).build(), "start must not be null");
        Expect.nullPointer(() -> accepted().window(START, null).build(), "end must not be null");
    }

    @Test
    void statusAndDirectionAreRequired() {
        Expect.nullPointer(() -> accepted().logStatus(null).build(), "log-status must not be null");
        Expect.nullPointer(() -> accepted().direction(null).build(), "direction must not be null");
    }

    // ---- log status -----------------------------------------------------------------------------------------

    @Test
    void okRecordNeedsBothAddressesAndAnAction() {
        String message = "a flow record with log-status OK needs both addresses and an action";
        Expect.illegalArgument(() -> accepted().local(null, 0).build(), message);
        Expect.illegalArgument(() -> accepted().remote(null, 0).build(), message);
        Expect.illegalArgument(() -> accepted().local(" ", 0).build(), message);
        Expect.illegalArgument(() -> accepted().action(null).build(), message);
        Expect.illegalArgument(() -> NetworkFlow.builder().window(START, END).build(), message);
    }

    @ParameterizedTest
    @EnumSource(value = FlowLogStatus.class, names = {"NODATA", "SKIPDATA"})
    void recordWithoutTrafficNeedsNoAddresses(FlowLogStatus status) {
        NetworkFlow flow = NetworkFlow.builder().version(3).accountId("111122223333")
                .interfaceId("eni-1235b8ca123456789").window(START, END).logStatus(status).build();
        assertEquals(status, flow.logStatus());
        assertNull(flow.localAddress());
        assertNull(flow.remoteAddress());
        assertNull(flow.action());
        assertEquals(0, flow.bytes());
        assertEquals(0, flow.bytesIn());
        assertEquals(0, flow.bytesOut());
        assertEquals(Optional.empty(), flow.remoteIpEntity());
        assertEquals(Optional.empty(), flow.instanceEntity());
        assertEquals(START, flow.time());
        assertEquals("111122223333", flow.accountId());
    }

    // ---- derived values -------------------------------------------------------------------------------------

    @Test
    void inboundBytesCountAsBytesIn() {
        NetworkFlow flow = accepted().direction(FlowDirection.INBOUND).bytes(1234).build();
        assertEquals(1234, flow.bytesIn());
        assertEquals(0, flow.bytesOut());
    }

    @Test
    void outboundBytesCountAsBytesOut() {
        NetworkFlow flow = accepted().direction(FlowDirection.OUTBOUND).bytes(1234).build();
        assertEquals(0, flow.bytesIn());
        assertEquals(1234, flow.bytesOut());
    }

    @Test
    void bytesOfUnknownDirectionCountNeitherWay() {
        NetworkFlow flow = accepted().direction(FlowDirection.UNKNOWN).bytes(1234).build();
        assertEquals(1234, flow.bytes());
        assertEquals(0, flow.bytesIn());
        assertEquals(0, flow.bytesOut());
    }

    @Test
    void entitiesAreTheInstanceAndThePeer() {
        NetworkFlow flow = accepted().instanceId("i-08a8e40be65425909").remote("2001:DB8::1", 443).build();
        assertEquals(Optional.of(EntityRef.ec2Instance("i-08a8e40be65425909")), flow.instanceEntity());
        assertEquals(Optional.of(EntityRef.ipAddress("2001:db8::1")), flow.remoteIpEntity());
        assertEquals("IpAddress/2001:db8::1", flow.remoteIpEntity().orElseThrow().toString());
    }

    @Test
    void recordWithoutInstanceHasNoInstanceEntity() {
        assertEquals(Optional.empty(), accepted().build().instanceEntity());
    }

    @ParameterizedTest
    @CsvSource({"-", "i-XYZ", "eni-1235b8ca123456789"})
    void instanceIdThatIsNoInstanceIdHasNoEntityRatherThanFailing(String instanceId) {
        NetworkFlow flow = accepted().instanceId(instanceId).build();
        assertEquals(instanceId, flow.instanceId());
        assertEquals(Optional.empty(), flow.instanceEntity());
    }

    @Test
    void isASecurityEventOfItsInterfacesAccount() {
        SecurityEvent event = accepted().accountId("111122223333").build();
        assertEquals(START, event.time());
        assertEquals("111122223333", event.accountId());
    }
}
