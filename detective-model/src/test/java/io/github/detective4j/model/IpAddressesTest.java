package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // IPv4 is already canonical when it parses
        "104.16.1.42 | 104.16.1.42",
        "0.0.0.0 | 0.0.0.0",
        "255.255.255.255 | 255.255.255.255",
        "10.0.0.1 | 10.0.0.1",
        "192.168.100.200 | 192.168.100.200",
        // IPv6: lower case, no leading zeros, longest zero run compressed
        "2001:DB8:0:0:0:0:0:1 | 2001:db8::1",
        "2001:0db8:0000:0000:0000:0000:0000:0001 | 2001:db8::1",
        "2001:db8::1 | 2001:db8::1",
        "0:0:0:0:0:0:0:1 | ::1",
        "::1 | ::1",
        "0:0:0:0:0:0:0:0 | ::",
        ":: | ::",
        "0000:0000:0000:0000:0000:0000:0000:0000 | ::",
        "1:0:0:0:0:0:0:0 | 1::",
        "1:: | 1::",
        "FE80::0001 | fe80::1",
        "fe80:0:0:0:abcd:0:0:1 | fe80::abcd:0:0:1",
        "2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff | 2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff",
        "2001:DB8:AaAa:0:0:0:0:0 | 2001:db8:aaaa::",
        // RFC 5952 4.2.3: the longest run wins, the first one on a tie
        "2001:db8:0:0:1:0:0:1 | 2001:db8::1:0:0:1",
        "1:0:0:2:0:0:0:3 | 1:0:0:2::3",
        "2001:db8:0:0:1:0:0:0 | 2001:db8:0:0:1::",
        "0:0:1:0:0:1:0:0 | ::1:0:0:1:0:0",
        // RFC 5952 4.2.2: a single zero group is never compressed, even when the input did
        "2001:db8:0:1:1:1:1:1 | 2001:db8:0:1:1:1:1:1",
        "2001:db8::1:1:1:1:1 | 2001:db8:0:1:1:1:1:1",
        "1:2:3:4:5:6:7:: | 1:2:3:4:5:6:7:0",
        "::2:3:4:5:6:7:8 | 0:2:3:4:5:6:7:8",
        // IPv4-mapped IPv6 is the IPv4 address
        "::ffff:104.16.1.42 | 104.16.1.42",
        "::FFFF:104.16.1.42 | 104.16.1.42",
        "0:0:0:0:0:ffff:104.16.1.42 | 104.16.1.42",
        "0000:0000:0000:0000:0000:FFFF:6810:012A | 104.16.1.42",
        "::ffff:6810:12a | 104.16.1.42",
        "::ffff:0:0 | 0.0.0.0",
        // other embedded IPv4 forms stay IPv6
        "::1.2.3.4 | ::102:304",
        "1:2:3:4:5:6:1.2.3.4 | 1:2:3:4:5:6:102:304",
        "64:ff9b::192.0.2.33 | 64:ff9b::c000:221",
        "::ffff:0:1.2.3.4 | ::ffff:0:102:304",
        "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255 | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    })
    void normalizeWritesCanonicalText(String literal, String canonical) {
        assertEquals(canonical, IpAddresses.normalize(literal));
        assertEquals(Optional.of(canonical), IpAddresses.tryNormalize(literal));
        assertTrue(IpAddresses.isLiteral(literal));
        assertEquals(canonical, IpAddresses.normalize(canonical), "canonical text is a fixed point");
        assertArrayEquals(IpAddresses.toBytes(canonical), IpAddresses.toBytes(literal));
        assertEquals(canonical.contains(":"), IpAddresses.isIpv6(canonical));
    }

    @Test
    void addressesCompareByNumberIpv4First() {
        List<String> sorted = new ArrayList<>(List.of("2001:218::1", "175.16.199.5", "::ffff:9.9.9.9",
                "81.2.69.142", "10.0.0.1", "fe80::1", "2001:218::"));
        sorted.sort(IpAddresses::compare);
        assertEquals(List.of("::ffff:9.9.9.9", "10.0.0.1", "81.2.69.142", "175.16.199.5", "2001:218::",
                "2001:218::1", "fe80::1"), sorted, "text order would put 175.16.199.5 before 81.2.69.142");
        assertEquals(0, IpAddresses.compare("::ffff:81.2.69.142", "81.2.69.142"), "the mapped address is the IPv4");
        assertTrue(IpAddresses.compare("255.255.255.255", "::") < 0, "every IPv4 before every IPv6");
    }

    @Test
    void canonicalIpv4IsReturnedAsTheSameInstance() {
        String literal = new String("104.16.1.42".toCharArray());
        assertSame(literal, IpAddresses.normalize(literal));
    }

    /**
     * Literals found canonical are remembered by identity, in slots chosen by hash code: a string that shares a
     * remembered literal's slot, or its text, is still read for itself.
     */
    @Test
    void aRememberedLiteralVouchesForItselfAlone() {
        String canonical = new String("104.16.1.42".toCharArray());
        assertSame(canonical, IpAddresses.normalizeShared(canonical));
        assertSame(canonical, IpAddresses.normalizeShared(canonical));
        String sameText = new String("104.16.1.42".toCharArray());
        assertSame(sameText, IpAddresses.normalizeShared(sameText));
        int slots = 4096; // the table's size; a smaller one would still share slots, a larger one would not break this
        int n = 0;
        String sameSlot;
        do {
            sameSlot = "104.16.1.042." + n++; // not an address
        } while ((sameSlot.hashCode() & (slots - 1)) != (canonical.hashCode() & (slots - 1)));
        String probe = sameSlot;
        Expect.illegalArgument(() -> IpAddresses.normalizeShared(probe), "is not an IPv4 or IPv6 address literal");
        String nonCanonical = "2001:DB8::7";
        assertEquals("2001:db8::7", IpAddresses.normalizeShared(nonCanonical));
        assertEquals("2001:db8::7", IpAddresses.normalizeShared(nonCanonical)); // a rewritten literal is never remembered
    }

    @Test
    void canonicalIpv6IsReturnedAsTheSameInstanceAndOtherFormsRewritten() {
        String literal = new String("2001:db8::7".toCharArray());
        assertSame(literal, IpAddresses.normalize(literal));
        assertEquals("2001:db8::7", IpAddresses.normalize("2001:DB8:0:0::7"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "010.0.0.1", "10.0.0.01", "00.0.0.0", "1.2.3", "10.1", "1", "256.1.1.1", "1.256.1.1", "1.2.3.999",
        "1.2.3.4.5", "1..2.3", "1.2.3.", ".1.2.3", "1.2.3.-4", "+1.2.3.4", "0x7f.0.0.1", "1.2.3.4:80",
        " 1.2.3.4", "1.2.3.4 ", "1.2.3.4\n", "1 .2.3.4",
        "::1::", ":1", "1:", "12345::", "::12345", ":::", "1:::2", "::1:::", "g::1", "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7", "1:2:3:4:5::6:7:8:9", "1::2::3",
        "fe80::1%eth0", "fe80::1%1", "[::1]", "[2001:db8::1]", "[2001:db8::1]:443", "2001:db8::1/64",
        "1:2:3:4:5:6:7:1.2.3.4", "::ffff:1.2.3", "::ffff:01.2.3.4", "::256.0.0.0", "::1.2.3.4:5", "::1.2.3.4.5",
        "1.2.3.4::", "::ffff:1.2.3.4:1", "::ab.1.2.3", "::1234.1.2.3",
        "\uff11.\uff12.\uff13.\uff14", "1.2.3.\uff14", "\uff12001:db8::1", "2001:db8::\uff11", "2001:db8::\uff41",
        "\u0661.2.3.4",
        "ec2.amazonaws.com", "AWS Internal", "localhost", "example", "", " ", "::%", "::ffff:", ":", "-"})
    void invalidLiteralIsRefused(String text) {
        Expect.illegalArgument(() -> IpAddresses.normalize(text),
                "'" + text + "' is not an IPv4 or IPv6 address literal");
        assertEquals(Optional.empty(), IpAddresses.tryNormalize(text));
        assertFalse(IpAddresses.isLiteral(text));
        Expect.illegalArgument(() -> IpAddresses.toBytes(text), "is not an IPv4 or IPv6 address literal");
    }

    @Test
    void longTextIsRefusedAndAbbreviatedInTheMessage() {
        String text = "1:2:3:4:5:6:7:8:" + "0".repeat(100);
        IllegalArgumentException e = Expect.illegalArgument(() -> IpAddresses.normalize(text),
                "'" + text.substring(0, 61) + "...' is not an IPv4 or IPv6 address literal");
        assertFalse(e.getMessage().contains(text), "the whole text should not be echoed");
        assertFalse(IpAddresses.isLiteral(text));
        assertFalse(IpAddresses.isLiteral("0000:0000:0000:0000:0000:0000:0000:0000:0"));
    }

    @Test
    void longestLiteralWithEmbeddedIpv4IsAccepted() {
        String text = "0000:0000:0000:0000:0000:ffff:255.255.255.255";
        assertEquals(45, text.length());
        assertEquals("255.255.255.255", IpAddresses.normalize(text));
    }

    @Test
    void nullIsRejectedByNormalizeAndToBytesAndIsNoLiteralElsewhere() {
        Expect.nullPointer(() -> IpAddresses.normalize(null), "IP address must not be null");
        Expect.nullPointer(() -> IpAddresses.toBytes(null), "IP address must not be null");
        assertEquals(Optional.empty(), IpAddresses.tryNormalize(null));
        assertFalse(IpAddresses.isLiteral(null));
    }

    @Test
    void tryNormalizeSplitsCloudTrailSourceIpAddress() {
        assertEquals(Optional.of("198.51.100.7"), IpAddresses.tryNormalize("198.51.100.7"));
        assertEquals(Optional.of("2001:db8::7"), IpAddresses.tryNormalize("2001:DB8:0:0:0:0:0:7"));
        assertEquals(Optional.empty(), IpAddresses.tryNormalize("ec2.amazonaws.com"));
        assertEquals(Optional.empty(), IpAddresses.tryNormalize("AWS Internal"));
    }

    @Test
    void toBytesOfIpv4IsFourBytesInNetworkOrder() {
        assertArrayEquals(new byte[] {104, 16, 1, 42}, IpAddresses.toBytes("104.16.1.42"));
        assertArrayEquals(new byte[] {(byte) 255, 0, (byte) 128, 1}, IpAddresses.toBytes("255.0.128.1"));
    }

    @Test
    void toBytesOfIpv4MappedIpv6IsTheFourIpv4Bytes() {
        assertArrayEquals(new byte[] {104, 16, 1, 42}, IpAddresses.toBytes("::ffff:104.16.1.42"));
        assertArrayEquals(new byte[] {104, 16, 1, 42}, IpAddresses.toBytes("::ffff:6810:12a"));
    }

    @Test
    void toBytesOfIpv6IsSixteenBytesInNetworkOrder() {
        byte[] expected = new byte[16];
        expected[0] = 0x20;
        expected[1] = 0x01;
        expected[2] = 0x0d;
        expected[3] = (byte) 0xb8;
        expected[15] = 0x01;
        assertArrayEquals(expected, IpAddresses.toBytes("2001:db8::1"));
        assertArrayEquals(expected, IpAddresses.toBytes("2001:DB8:0:0:0:0:0:1"));
        assertArrayEquals(new byte[16], IpAddresses.toBytes("::"));
        byte[] compatible = new byte[16];
        compatible[12] = 1;
        compatible[13] = 2;
        compatible[14] = 3;
        compatible[15] = 4;
        assertArrayEquals(compatible, IpAddresses.toBytes("::1.2.3.4"));
    }

    @Test
    void toBytesReturnsANewArrayEachTime() {
        byte[] first = IpAddresses.toBytes("10.0.0.1");
        first[0] = 99;
        assertArrayEquals(new byte[] {10, 0, 0, 1}, IpAddresses.toBytes("10.0.0.1"));
        assertNotSame(IpAddresses.toBytes("::1"), IpAddresses.toBytes("::1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"104.16.1.42", "0.0.0.0", "255.255.255.255", "2001:db8::1", "::", "::1", "1::",
        "2001:db8::1:0:0:1", "2001:db8:0:1:1:1:1:1", "::102:304", "::ffff:0:102:304", "fe80::abcd:0:0:1",
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"})
    void formatWritesTheCanonicalTextOfTheBytes(String canonical) {
        assertEquals(canonical, IpAddresses.format(IpAddresses.toBytes(canonical)));
    }

    @Test
    void formatWritesIpv4MappedBytesAsIpv4AndRefusesOtherLengths() {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 104;
        mapped[13] = 16;
        mapped[14] = 1;
        mapped[15] = 42;
        assertEquals("104.16.1.42", IpAddresses.format(mapped));
        Expect.illegalArgument(() -> IpAddresses.format(new byte[5]), "an IP address has 4 or 16 bytes, not 5");
        Expect.illegalArgument(() -> IpAddresses.format(new byte[0]), "not 0");
        Expect.nullPointer(() -> IpAddresses.format(null), "IP address must not be null");
    }

    @Test
    void isIpv6TellsCanonicalFormsApart() {
        assertTrue(IpAddresses.isIpv6("2001:db8::1"));
        assertTrue(IpAddresses.isIpv6("::"));
        assertFalse(IpAddresses.isIpv6("104.16.1.42"));
        assertFalse(IpAddresses.isIpv6(IpAddresses.normalize("::ffff:104.16.1.42")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"104.16.1.42", "0.0.0.0", "2001:db8::1", "::1", "::", "fe80::abcd:0:0:1",
        "::ffff:104.16.1.42", "::1.2.3.4", "1:2:3:4:5:6:7:8", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"})
    void agreesWithTheJdkOnTheBytes(String literal) throws UnknownHostException {
        byte[] bytes = IpAddresses.toBytes(literal);
        InetAddress jdk = InetAddress.getByAddress(bytes);
        assertArrayEquals(bytes, jdk.getAddress());
        String canonical = IpAddresses.normalize(literal);
        if (jdk instanceof Inet4Address) {
            assertEquals(jdk.getHostAddress(), canonical);
        } else {
            assertTrue(jdk instanceof Inet6Address);
            // the JDK writes IPv6 uncompressed ("2001:db8:0:0:0:0:0:1"); both spellings must meet
            assertEquals(canonical, IpAddresses.normalize(jdk.getHostAddress()));
        }
    }
}
