package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.model.IpAddresses.SpecialRange;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link IpAddresses#specialRange(String)} and {@link IpAddresses#isGlobal} agree with each other, with the ranges
 * they answer and with the JDK's notion of addresses that only mean something locally.
 */
class SpecialRangePropertyTest {

    /** Random addresses, half of them drawn near the special ranges so that both answers are common. */
    @Provide
    Arbitrary<byte[]> addresses() {
        Arbitrary<byte[]> v4 = Arbitraries.bytes().array(byte[].class).ofSize(4);
        Arbitrary<byte[]> v6 = Arbitraries.bytes().array(byte[].class).ofSize(16);
        Arbitrary<byte[]> near = Arbitraries.of("10.0.0.0", "172.16.0.0", "169.254.169.254", "100.64.0.0",
                        "198.18.0.0", "203.0.113.0", "0.0.0.0", "255.255.255.255", "::", "fd00:ec2::254", "2002::",
                        "2001::", "64:ff9b::", "2001:db8::", "fe80::", "ff02::")
                .flatMap(base -> Arbitraries.integers().between(1, 40).list().ofMaxSize(3)
                        .map(lastBits -> flipped(IpAddresses.toBytes(base), lastBits)));
        return Arbitraries.oneOf(v4, v6, near, near);
    }

    /** The address with, for each n, its n-th bit from the end flipped (the first bit when n is longer). */
    private static byte[] flipped(byte[] address, java.util.List<Integer> lastBits) {
        for (int n : lastBits) {
            int index = address.length * 8 - Math.min(n, address.length * 8);
            address[index / 8] ^= (byte) (0x80 >>> (index % 8));
        }
        return address;
    }

    @Property(tries = 5000)
    void globalMeansALiteralInNoRangeAndTheRangeHoldsTheAddress(@ForAll("addresses") byte[] bytes) {
        String address = IpAddresses.format(bytes);
        Optional<SpecialRange> range = IpAddresses.specialRange(address);
        assertEquals(range.isEmpty(), IpAddresses.isGlobal(address));
        range.ifPresent(r -> assertTrue(r.network().contains(address), () -> r + " does not hold " + address));
        range.ifPresent(r -> assertEquals(Optional.of(r), IpAddresses.specialRange(r.network()),
                () -> r + " is not within itself"));
    }

    @Property(tries = 5000)
    void whatTheJdkCallsLocalIsNeverGlobal(@ForAll("addresses") byte[] bytes) throws UnknownHostException {
        InetAddress jdk = InetAddress.getByAddress(bytes); // wraps the bytes; never a DNS query
        boolean local = jdk.isSiteLocalAddress() || jdk.isLinkLocalAddress() || jdk.isLoopbackAddress()
                || jdk.isAnyLocalAddress() || jdk.isMulticastAddress();
        if (local) {
            assertFalse(IpAddresses.isGlobal(IpAddresses.format(bytes)), jdk::toString);
        }
    }

    @Property(tries = 3000)
    void everyAddressOfANetworkWithinARangeIsSpecial(@ForAll("addresses") byte[] bytes,
            @ForAll("addresses") byte[] host) {
        String address = IpAddresses.format(bytes);
        Optional<SpecialRange> range = IpAddresses.specialRange(address);
        if (range.isEmpty() || host.length != bytes.length) {
            return;
        }
        // another address of the range: the range's bits, then the host's
        IpNetwork network = range.get().network();
        byte[] other = network.address();
        for (int bit = network.prefix(); bit < other.length * 8; bit++) {
            int mask = 0x80 >>> (bit % 8);
            other[bit / 8] = (byte) ((other[bit / 8] & ~mask) | (host[bit / 8] & mask));
        }
        assertFalse(IpAddresses.isGlobal(IpAddresses.format(other)), () -> IpAddresses.format(other) + " in "
                + range.get());
    }

    @Provide
    Arbitrary<String> nearLiterals() {
        return IpFormats.nearLiterals();
    }

    @Property(tries = 3000)
    void anyTextIsAnsweredWithoutThrowing(@ForAll("nearLiterals") String text) {
        boolean global = IpAddresses.isGlobal(text);
        Optional<SpecialRange> range = IpAddresses.specialRange(text);
        assertEquals(global, IpAddresses.isLiteral(text) && range.isEmpty());
        assertFalse(global && range.isPresent());
    }
}
