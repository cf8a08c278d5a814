package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * {@link IpAddresses#normalize} is idempotent, writes the canonical text and agrees with the JDK on the bytes. The JDK
 * is only ever asked to wrap bytes ({@link InetAddress#getByAddress(byte[])}), never to resolve a name.
 */
class IpAddressesPropertyTest {

    @Provide
    Arbitrary<IpFormats.Spelling> spellings() {
        return IpFormats.any();
    }

    @Property(tries = 3000)
    void normalizeWritesTheCanonicalTextOfEverySpelling(@ForAll("spellings") IpFormats.Spelling spelling) {
        assertEquals(spelling.canonical(), IpAddresses.normalize(spelling.text()));
        assertEquals(Optional.of(spelling.canonical()), IpAddresses.tryNormalize(spelling.text()));
        assertTrue(IpAddresses.isLiteral(spelling.text()));
    }

    @Property(tries = 3000)
    void normalizeIsIdempotent(@ForAll("spellings") IpFormats.Spelling spelling) {
        String once = IpAddresses.normalize(spelling.text());
        String twice = IpAddresses.normalize(once);
        assertEquals(once, twice);
        if (!IpAddresses.isIpv6(once)) {
            assertSame(once, twice, "canonical IPv4 is returned as is");
        }
    }

    @Property(tries = 3000)
    void normalizeAgreesWithTheJdkOnTheBytes(@ForAll("spellings") IpFormats.Spelling spelling)
            throws UnknownHostException {
        InetAddress jdk = InetAddress.getByAddress(spelling.bytes());
        String canonical = IpAddresses.normalize(spelling.text());
        assertArrayEquals(jdk.getAddress(), IpAddresses.toBytes(spelling.text()));
        assertArrayEquals(jdk.getAddress(), IpAddresses.toBytes(canonical));
        if (jdk instanceof Inet4Address) {
            assertEquals(jdk.getHostAddress(), canonical);
            assertFalse(IpAddresses.isIpv6(canonical));
        } else {
            assertTrue(jdk instanceof Inet6Address);
            assertTrue(IpAddresses.isIpv6(canonical));
            // the JDK writes "2001:db8:0:0:0:0:0:1": another spelling of the same address
            assertEquals(canonical, IpAddresses.normalize(jdk.getHostAddress()));
        }
    }

    @Property(tries = 2000)
    void sixteenRandomBytesAgreeWithTheJdk(@ForAll @Size(16) byte[] bytes) throws UnknownHostException {
        InetAddress jdk = InetAddress.getByAddress(bytes);
        String canonical = IpAddresses.normalize(jdk.getHostAddress());
        assertArrayEquals(jdk.getAddress(), IpAddresses.toBytes(canonical));
        assertEquals(canonical, IpAddresses.normalize(canonical));
        if (jdk instanceof Inet6Address) {
            assertEquals(IpFormats.rfc5952(IpFormats.groups(bytes)), canonical);
        } else {
            assertEquals(IpFormats.dotted(bytes, 12), canonical);
        }
    }

    @Property(tries = 1000)
    void fourRandomBytesAgreeWithTheJdk(@ForAll @Size(4) byte[] bytes) throws UnknownHostException {
        InetAddress jdk = InetAddress.getByAddress(bytes);
        assertEquals(jdk.getHostAddress(), IpAddresses.normalize(jdk.getHostAddress()));
        assertArrayEquals(bytes, IpAddresses.toBytes(jdk.getHostAddress()));
    }

    @Property(tries = 3000)
    void formatOfTheBytesIsTheCanonicalText(@ForAll("spellings") IpFormats.Spelling spelling) {
        assertEquals(spelling.canonical(), IpAddresses.format(IpAddresses.toBytes(spelling.text())));
        assertEquals(spelling.canonical(), IpAddresses.format(spelling.bytes()), "IPv4-mapped bytes too");
    }

    @Property(tries = 2000)
    void formatAgreesWithTheJdkAndReadsBack(@ForAll @Size(16) byte[] bytes) throws UnknownHostException {
        String text = IpAddresses.format(bytes);
        assertEquals(IpAddresses.normalize(InetAddress.getByAddress(bytes).getHostAddress()), text);
        assertArrayEquals(InetAddress.getByAddress(bytes).getAddress(), IpAddresses.toBytes(text));
        byte[] v4 = java.util.Arrays.copyOf(bytes, 4);
        assertEquals(InetAddress.getByAddress(v4).getHostAddress(), IpAddresses.format(v4));
    }

    @Provide
    Arbitrary<String> nearLiterals() {
        return IpFormats.nearLiterals();
    }

    @Property(tries = 5000)
    void anyTextIsEitherALiteralWithAFixedPointOrRefused(@ForAll("nearLiterals") String text) {
        Optional<String> canonical = IpAddresses.tryNormalize(text);
        assertEquals(canonical.isPresent(), IpAddresses.isLiteral(text));
        if (canonical.isEmpty()) {
            Expect.illegalArgument(() -> IpAddresses.normalize(text), "is not an IPv4 or IPv6 address literal");
            Expect.illegalArgument(() -> IpAddresses.toBytes(text), "is not an IPv4 or IPv6 address literal");
            return;
        }
        String normal = canonical.get();
        assertEquals(normal, IpAddresses.normalize(text));
        assertEquals(normal, IpAddresses.normalize(normal));
        assertArrayEquals(IpAddresses.toBytes(text), IpAddresses.toBytes(normal));
        byte[] bytes = IpAddresses.toBytes(normal);
        assertTrue(bytes.length == 4 || bytes.length == 16, "length " + bytes.length);
        assertTrue(normal.equals(normal.toLowerCase(java.util.Locale.ROOT)), normal);
    }
}
