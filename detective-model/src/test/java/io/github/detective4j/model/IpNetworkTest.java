package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpNetworkTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "10.0.0.0/8, 10.0.0.0/8",
        "10.1.2.3/8, 10.0.0.0/8",
        "198.51.100.7, 198.51.100.7/32",
        "0.0.0.0/0, 0.0.0.0/0",
        "203.0.113.130/25, 203.0.113.128/25",
        "2001:DB8:0:0:0:0:0:1/32, 2001:db8::/32",
        "2001:db8::7, 2001:db8::7/128",
        "::/0, ::/0",
        "2001:db8:abcd:12ff::/57, 2001:db8:abcd:1280::/57",
        "::ffff:10.0.0.0/104, 10.0.0.0/8",
        "::ffff:198.51.100.7, 198.51.100.7/32"})
    void parsesToTheCanonicalNetwork(String text, String canonical) {
        IpNetwork network = IpNetwork.parse(text);
        assertEquals(canonical, network.toString());
        assertEquals(network, IpNetwork.parse(canonical), "equal by value");
        assertEquals(network.hashCode(), IpNetwork.parse(canonical).hashCode());
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "10.0.0.0/8, 10.255.255.255, true",
        "10.0.0.0/8, 11.0.0.0, false",
        "203.0.113.128/25, 203.0.113.128, true",
        "203.0.113.128/25, 203.0.113.127, false",
        "203.0.113.128/25, 203.0.113.255, true",
        "0.0.0.0/0, 192.0.2.1, true",
        "0.0.0.0/0, 2001:db8::1, false",
        "2001:db8::/32, 2001:db8:ffff::1, true",
        "2001:db8::/32, 2001:db9::1, false",
        "2001:db8:abcd:1280::/57, 2001:db8:abcd:12ff::1, true",
        "2001:db8:abcd:1280::/57, 2001:db8:abcd:1300::1, false",
        "::/0, 10.0.0.1, false",
        "10.0.0.0/8, ::ffff:10.1.2.3, true",
        "198.51.100.7, 198.51.100.7, true",
        "198.51.100.7, 198.51.100.8, false"})
    void containsTheAddressesOfItsFamilyUnderItsPrefix(String network, String address, boolean expected) {
        assertEquals(expected, IpNetwork.parse(network).contains(address));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "10.0.0.0/33|prefix length 33 is longer than the 32 bits of the address",
        "2001:db8::/129|prefix length 129 is longer than the 128 bits of the address",
        "10.0.0.0/|prefix length '' is not a number",
        "10.0.0.0/-1|prefix length '-1' is not a number",
        "10.0.0.0/8a|prefix length '8a' is not a number",
        "10.0.0.0/0008|prefix length '0008' is not a number",
        "10.0.0/8|is not an IPv4 or IPv6 address literal",
        "010.0.0.1|is not an IPv4 or IPv6 address literal",
        "example.com/8|is not an IPv4 or IPv6 address literal",
        "::ffff:10.0.0.0/95|an IPv4-mapped network needs a prefix of at least 96, not 95",
        "''|is not an IPv4 or IPv6 address literal"})
    void refusesBadNotationSayingWhy(String text, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse(text));
        assertTrue(e.getMessage().startsWith("CIDR '" + text + "': "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void theConstructorClearsHostBitsAndCopiesTheBytes() {
        byte[] bytes = {10, 1, 2, 3};
        IpNetwork network = new IpNetwork(bytes, 16);
        assertArrayEquals(new byte[] {10, 1, 0, 0}, network.address());
        bytes[0] = 99;
        network.address()[1] = 99;
        assertEquals("10.1.0.0/16", network.toString(), "neither the caller's array nor the returned one is held");
        assertFalse(network.isIpv6());
        assertTrue(new IpNetwork(new byte[16], 0).isIpv6());
        assertNotEquals(IpNetwork.parse("10.0.0.0/8"), IpNetwork.parse("10.0.0.0/9"));
        assertThrows(IllegalArgumentException.class, () -> new IpNetwork(new byte[5], 0));
        assertThrows(IllegalArgumentException.class, () -> new IpNetwork(new byte[4], 33));
        assertThrows(IllegalArgumentException.class, () -> new IpNetwork(new byte[4], -1));
        assertThrows(NullPointerException.class, () -> IpNetwork.parse(null));
        assertThrows(IllegalArgumentException.class, () -> network.contains("not an address"));
    }
}
