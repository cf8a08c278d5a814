package io.github.detective4j.aws.vpcflow;

import static io.github.detective4j.aws.vpcflow.FlowLogs.assertSides;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.vpcflow.InterfaceDirections.Decision;
import io.github.detective4j.model.FlowAction;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.FlowLogStatus;
import io.github.detective4j.model.NetworkFlow;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterfaceDirectionsTest {
    private final List<NetworkFlow> released = new ArrayList<>();
    private final InterfaceDirections directions = new InterfaceDirections(100, 100, released::add);

    private static NetworkFlow unknown(String eni, String src, int srcPort, String dst, int dstPort) {
        return new NetworkFlow(2, "123456789010", eni, null, null, null, null, src, srcPort, dst, dstPort,
                NetworkFlow.TCP, 100, 1, Instant.ofEpochSecond(1700000000), Instant.ofEpochSecond(1700000060),
                FlowAction.ACCEPT, FlowLogStatus.OK, FlowDirection.UNKNOWN);
    }

    @Test
    void flowDirectionDecidesAndTeaches() {
        assertEquals(Decision.INBOUND, directions.decide("eni-1", "10.0.0.9", "10.0.0.5", FlowDirection.INBOUND,
                null, null));
        // 10.0.0.5 is now known as eni-1's own address
        assertEquals(Decision.OUTBOUND, directions.decide("eni-1", "10.0.0.5", "10.0.0.7", null, null, null));
        assertEquals(Decision.INBOUND, directions.decide("eni-1", "10.0.0.8", "10.0.0.5", null, null, null));
        // egress on a record without interface still decides
        assertEquals(Decision.OUTBOUND, directions.decide(null, "10.0.0.9", "10.0.0.5", FlowDirection.OUTBOUND,
                null, null));
    }

    @Test
    void packetAddressesMarkTheInterfaceThatStandsIn() {
        // NAT gateway interface 10.0.0.220 forwarding for 10.0.1.5 to 203.0.113.5 (the docs' example)
        assertEquals(Decision.INBOUND, directions.decide("eni-nat", "10.0.1.5", "10.0.0.220", null,
                "10.0.1.5", "203.0.113.5"));
        assertEquals(Decision.OUTBOUND, directions.decide("eni-nat", "10.0.0.220", "10.0.1.5", null,
                "203.0.113.5", "10.0.1.5"));
        // both differing contradicts itself: no evidence from them, and learning has 10.0.0.220 already
        assertEquals(Decision.OUTBOUND, directions.decide("eni-nat", "10.0.0.220", "10.0.3.3", null,
                "10.9.9.9", "10.8.8.8"));
    }

    @Test
    void heldRecordsAreReleasedOnceTheInterfaceAddressIsLearned() {
        assertEquals(Decision.HOLD, directions.decide("eni-1", "10.0.0.5", "10.0.0.6", null, null, null));
        directions.hold("eni-1", unknown("eni-1", "10.0.0.5", 40000, "10.0.0.6", 5432));
        assertEquals(Decision.HOLD, directions.decide("eni-1", "10.0.0.6", "10.0.0.5", null, null, null));
        directions.hold("eni-1", unknown("eni-1", "10.0.0.6", 5432, "10.0.0.5", 40000));
        assertTrue(released.isEmpty());
        assertEquals(Decision.INBOUND, directions.decide("eni-1", "10.0.0.7", "10.0.0.5", null, null, null));
        assertEquals(2, released.size());
        assertSides(released.get(0), FlowDirection.OUTBOUND, "10.0.0.5", 40000, "10.0.0.6", 5432);
        assertSides(released.get(1), FlowDirection.INBOUND, "10.0.0.5", 40000, "10.0.0.6", 5432);
        directions.finish();
        assertEquals(2, released.size(), "nothing is released twice");
    }

    @Test
    void familiesAreLearnedApart() {
        assertEquals(Decision.HOLD, directions.decide("eni-1", "2001:db8::1", "2001:db8::2", null, null, null));
        directions.hold("eni-1", unknown("eni-1", "2001:db8::1", 443, "2001:db8::2", 50000));
        assertEquals(Decision.HOLD, directions.decide("eni-1", "10.0.0.5", "10.0.0.6", null, null, null));
        directions.hold("eni-1", unknown("eni-1", "10.0.0.5", 40000, "10.0.0.6", 5432));
        // learning the IPv4 address releases only the IPv4 record
        assertEquals(Decision.OUTBOUND, directions.decide("eni-1", "10.0.0.5", "10.0.0.9", null, null, null));
        assertEquals(1, released.size());
        assertEquals(FlowDirection.OUTBOUND, released.get(0).direction());
        assertEquals(Decision.INBOUND, directions.decide("eni-1", "2001:db8::3", "2001:db8::1", null, null, null));
        assertEquals(2, released.size());
        assertSides(released.get(1), FlowDirection.OUTBOUND, "2001:db8::1", 443, "2001:db8::2", 50000);
    }

    @Test
    void anAddressMissingFromARecordShowsSeveralAndEndsLearning() {
        directions.decide("eni-1", "10.0.0.5", "10.0.0.6", null, null, null);
        assertEquals(Decision.OUTBOUND, directions.decide("eni-1", "10.0.0.5", "10.0.0.7", null, null, null));
        // a record without 10.0.0.5: the interface has another address, so an address in every record from here on
        // could be a peer; nothing more is learned by intersection, and nothing is held in vain
        assertEquals(Decision.UNKNOWN, directions.decide("eni-1", "10.0.0.8", "10.0.0.9", null, null, null));
        assertEquals(Decision.UNKNOWN, directions.decide("eni-1", "10.0.0.9", "10.0.0.10", null, null, null));
        assertEquals(Decision.UNKNOWN, directions.decide("eni-1", "10.0.0.5", "10.0.0.11", null, null, null));
        // the private-address hint and certain evidence still decide
        assertEquals(Decision.OUTBOUND, directions.decide("eni-1", "10.0.0.8", "203.0.113.9", null, null, null));
        assertEquals(Decision.INBOUND, directions.decide("eni-1", "10.0.0.12", "10.0.0.8", FlowDirection.INBOUND,
                null, null));
        assertEquals(Decision.INBOUND, directions.decide("eni-1", "10.0.0.13", "10.0.0.8", null, null, null));
    }

    /**
     * A Kubernetes node's interface: pods with addresses of their own on it call one database. The database is in
     * every record while the pods are few, so it must not be taken for the interface once a record shows that the
     * interface has several addresses.
     */
    @Test
    void podsTalkingToOneDatabaseDoNotTeachTheDatabase() {
        String db = "2600:1f14::100";
        assertEquals(Decision.HOLD, directions.decide("eni-node", "2600:1f14:0:1::a1", db, null, null, null));
        directions.hold("eni-node", unknown("eni-node", "2600:1f14:0:1::a1", 40001, db, 5432));
        // the node's own address and a peer of its own: 2600:1f14:0:1::a1 is kept
        assertEquals(Decision.OUTBOUND, directions.decide("eni-node", "2600:1f14:0:1::a1", "2600:1f14::200", null,
                null, null));
        assertSides(released.get(0), FlowDirection.OUTBOUND, "2600:1f14:0:1::a1", 40001, db, 5432);
        // a second pod calls the database: the kept address is missing, so the interface has several
        assertEquals(Decision.UNKNOWN, directions.decide("eni-node", "2600:1f14:0:1::a2", db, null, null, null));
        // before, the next pod's record would have taught the database as the node's address, inverting the rest
        assertEquals(Decision.UNKNOWN, directions.decide("eni-node", db, "2600:1f14:0:1::a3", null, null, null));
        assertEquals(Decision.UNKNOWN, directions.decide("eni-node", "2600:1f14:0:1::a4", db, null, null, null));
        directions.finish();
        assertEquals(1, released.size());
    }

    @Test
    void recordsHeldWhenTheInterfaceTurnsOutToHaveSeveralAddressesGoOutUnknown() {
        assertEquals(Decision.HOLD, directions.decide("eni-1", "10.0.0.5", "10.0.0.6", null, null, null));
        directions.hold("eni-1", unknown("eni-1", "10.0.0.5", 40000, "10.0.0.6", 5432));
        // neither 10.0.0.5 nor 10.0.0.6: with one address that could not be
        assertEquals(Decision.UNKNOWN, directions.decide("eni-1", "10.0.0.7", "10.0.0.8", null, null, null));
        assertEquals(1, released.size(), "let out at once, not at the bound");
        assertEquals(FlowDirection.UNKNOWN, released.get(0).direction());
        assertEquals(0, directions.held("eni-1"));
    }

    @Test
    void privateAddressHintAndWhatStaysUnknown() {
        assertEquals(Decision.OUTBOUND, directions.decide("eni-1", "172.31.16.139", "203.0.113.12", null, null,
                null));
        assertEquals(Decision.INBOUND, directions.decide("eni-2", "8.8.8.8", "100.64.3.4", null, null, null));
        // no interface to learn about, two private addresses: unknown at once
        assertEquals(Decision.UNKNOWN, directions.decide(null, "10.0.0.5", "192.168.1.1", null, null, null));
        // two public addresses (a VPC on public CIDRs): held, then unknown
        assertEquals(Decision.HOLD, directions.decide("eni-3", "198.51.100.1", "203.0.113.1", null, null, null));
        assertEquals(Decision.UNKNOWN, directions.decide("eni-3", "198.51.100.1", "198.51.100.1", null, null,
                null));
    }

    @Test
    void privateRanges() {
        for (String address : List.of("10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.1", "192.168.0.1",
                "100.64.0.1", "100.127.255.255")) {
            assertTrue(InterfaceDirections.isPrivateV4(address), address);
        }
        for (String address : List.of("11.0.0.1", "172.15.0.1", "172.32.0.1", "192.169.0.1", "100.63.0.1",
                "100.128.0.1", "8.8.8.8", "203.0.113.12")) {
            assertFalse(InterfaceDirections.isPrivateV4(address), address);
        }
    }

    @Test
    void heldRecordsAreBounded() {
        InterfaceDirections small = new InterfaceDirections(100, 2, released::add);
        for (int i = 1; i <= 3; i++) {
            String eni = "eni-" + i;
            assertEquals(Decision.HOLD, small.decide(eni, "10.0.0." + i, "10.0.1." + i, null, null, null));
            small.hold(eni, unknown(eni, "10.0.0." + i, 1000 + i, "10.0.1." + i, 80));
        }
        assertEquals(1, released.size(), "the oldest goes out when a third is held");
        assertSides(released.get(0), FlowDirection.UNKNOWN, "10.0.0.1", 1001, "10.0.1.1", 80);
        small.finish();
        assertEquals(3, released.size());
        assertEquals(List.of("eni-1", "eni-2", "eni-3"), released.stream().map(NetworkFlow::interfaceId).toList());
    }

    @Test
    void anInterfaceWhoseAddressIsNeverLearnedHoldsNoMoreThanTheBound() {
        // two instances that talk only to each other, on the same two addresses: no record ever decides
        InterfaceDirections small = new InterfaceDirections(100, 4, released::add);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(Decision.HOLD, small.decide("eni-1", "10.0.0.5", "10.0.0.6", null, null, null));
            small.hold("eni-1", unknown("eni-1", "10.0.0.5", 30_000 + i % 30_000, "10.0.0.6", 5432));
            assertTrue(small.held("eni-1") <= 4, () -> small.held("eni-1") + " held");
        }
        assertEquals(9_996, released.size());
        small.finish();
        assertEquals(10_000, released.size());
        assertEquals(0, small.held("eni-1"));
    }

    @Test
    void forgottenInterfacesAreLearnedAgain() {
        InterfaceDirections small = new InterfaceDirections(2, 10, released::add);
        small.decide("eni-1", "10.0.0.5", "10.0.0.6", null, null, null);
        assertEquals(Decision.OUTBOUND, small.decide("eni-1", "10.0.0.5", "10.0.0.7", null, null, null));
        small.decide("eni-2", "10.0.2.5", "10.0.2.6", null, null, null);
        small.decide("eni-3", "10.0.3.5", "10.0.3.6", null, null, null); // eni-1, least recently seen, forgotten
        assertEquals(Decision.HOLD, small.decide("eni-1", "10.0.0.5", "10.0.0.8", null, null, null));
    }

    @Test
    void natGatewayRecordsEndToEnd() throws IOException {
        FlowLogs.Result result = FlowLogs.resource(new FlowLogFormat(), "s3-nat-gateway.log").assertCounts(6, 6, 0);
        // on the NAT gateway's interface (10.0.0.220): from the instance, out to the internet, back, to the instance
        assertSides(result.flow(0), FlowDirection.INBOUND, "10.0.0.220", 443, "10.0.1.5", 41234);
        assertSides(result.flow(1), FlowDirection.OUTBOUND, "10.0.0.220", 62001, "203.0.113.5", 443);
        assertSides(result.flow(2), FlowDirection.INBOUND, "10.0.0.220", 62001, "203.0.113.5", 443);
        assertSides(result.flow(3), FlowDirection.OUTBOUND, "10.0.0.220", 443, "10.0.1.5", 41234);
        // on the instance's interface
        NetworkFlow instance = result.flow(4);
        assertEquals("i-01234567890123456", instance.instanceId());
        assertEquals(3, instance.version());
        assertSides(instance, FlowDirection.OUTBOUND, "10.0.1.5", 41234, "203.0.113.5", 443);
        assertSides(result.flow(5), FlowDirection.INBOUND, "10.0.1.5", 41234, "203.0.113.5", 443);
        assertEquals(5120, result.flow(5).bytesIn());
    }
}
