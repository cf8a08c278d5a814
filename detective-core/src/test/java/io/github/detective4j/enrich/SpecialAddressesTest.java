package io.github.detective4j.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.model.IpAddresses;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The addresses that never have a place, through the public seams and by the reason given. */
class SpecialAddressesTest {
    private static final Geolocation EVERYWHERE = new Geolocation("Somewhere", null, "US", null, 38.0, -97.0);
    private static final Asn ANYONE = new Asn(64496, "Everyone");
    /** A table that knows every address: what it answers empty, the rules answered. */
    private static final GeoTable CATCH_ALL = GeoTable.builder()
            .place("0.0.0.0/0", EVERYWHERE).place("::/0", EVERYWHERE)
            .asn("0.0.0.0/0", ANYONE).asn("::/0", ANYONE)
            .build();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0                                 | unspecified
            0.255.255.255                           | this network
            10.0.0.0                                | private-use
            10.255.255.255                          | private-use
            100.64.0.0                              | carrier-grade NAT
            100.127.255.255                         | carrier-grade NAT
            127.0.0.1                               | loopback
            127.255.255.255                         | loopback
            169.254.0.1                             | link-local
            169.254.255.255                         | link-local
            169.254.169.254                         | AWS-internal (EC2 instance metadata)
            169.254.169.253                         | AWS-internal (Amazon DNS)
            169.254.169.123                         | AWS-internal (Amazon Time Sync)
            172.16.0.0                              | private-use
            172.31.255.255                          | private-use
            192.0.0.8                               | IETF protocol assignments
            192.0.2.1                               | TEST-NET-1
            192.168.0.0                             | private-use
            192.168.255.255                         | private-use
            198.18.0.0                              | benchmarking
            198.19.255.255                          | benchmarking
            198.51.100.7                            | TEST-NET-2
            203.0.113.255                           | TEST-NET-3
            224.0.0.1                               | multicast
            239.255.255.255                         | multicast
            240.0.0.1                               | reserved
            255.255.255.254                         | reserved
            255.255.255.255                         | limited broadcast
            ::ffff:10.1.2.3                         | private-use
            ::ffff:169.254.169.254                  | EC2 instance metadata
            ::                                      | unspecified
            ::1                                     | loopback
            ::8.8.8.8                               | IPv4-compatible
            64:ff9b:1::1                            | local-use IPv4/IPv6 translation
            100::1                                  | discard-only
            2001:2::1                               | benchmarking
            2001:2:0:ffff:ffff:ffff:ffff:ffff       | benchmarking
            2001:db8::1                             | documentation
            2001:db8:ffff:ffff:ffff:ffff:ffff:ffff  | documentation
            3fff::1                                 | documentation
            3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff  | documentation
            fc00::1                                 | unique local
            fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | unique local
            fd00:ec2::254                           | AWS-internal (EC2 instance metadata)
            fd00:ec2::253                           | AWS-internal (Amazon DNS)
            fe80::1                                 | link-local
            febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff | link-local
            fec0::1                                 | site-local
            ff02::1                                 | multicast
            FF05::1:3                               | multicast
            2002:c0a8:101::1                        | 6to4 for private-use 192.168.0.0/16
            2002:a9fe:a9fe::                        | 6to4 for AWS-internal (EC2 instance metadata)
            2002:7f00:1::                           | 6to4 for loopback
            2001:0:a00:1::1                         | Teredo server for private-use 10.0.0.0/8
            2001:0:4136:e378:8000:63bf:3fff:fdd2    | Teredo client in documentation (TEST-NET-1)
            2001:0:4136:e378:8000:63bf:53ef:fefe    | Teredo client in private-use 172.16.0.0/12
            64:ff9b::a00:1                          | NAT64 for private-use 10.0.0.0/8
            64:ff9b::100.64.0.1                     | NAT64 for shared address space
            """)
    void specialAddressesHaveNoPlaceAndNoAs(String address, String purpose) {
        SpecialAddresses.Range range = SpecialAddresses.rangeOf(IpAddresses.toBytes(address));
        assertNotNull(range, address);
        assertTrue(range.purpose().contains(purpose), () -> address + " is " + range.purpose() + ", not " + purpose);
        assertEquals(Optional.empty(), CATCH_ALL.locate(address));
        assertEquals(Optional.empty(), CATCH_ALL.resolve(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1.1.1.1", "8.8.8.8", "3.85.201.17", "104.16.1.42", "9.255.255.255", "11.0.0.0", "100.63.255.255",
        "100.128.0.0", "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255",
        "172.32.0.0", "192.0.1.0", "192.0.3.0", "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0",
        "198.51.99.255", "198.51.101.0", "203.0.112.255", "203.0.114.0", "223.255.255.255", "::ffff:8.8.8.8",
        "::1:0:0:0", "2001:4860:4860::8888", "2406:da14::1", "2001:1::1", "2001:2:1::", "2001:db7:ffff::",
        "2001:db9::", "3fff:1000::", "fbff::1", "fe00::1", "2002:808:808::1",
        "2001:0:4136:e378:8000:63bf:f7f7:f7f7", "64:ff9b::808:808", "64:ff9b:2::1"})
    void otherAddressesAreAskedFor(String address) {
        assertNull(SpecialAddresses.rangeOf(IpAddresses.toBytes(address)), address);
        assertEquals(Optional.of(EVERYWHERE), CATCH_ALL.locate(address));
        assertEquals(Optional.of(ANYONE), CATCH_ALL.resolve(address));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not an address", "ec2.amazonaws.com", "010.0.0.1", "10.1", "1.2.3.4 ", "1.2.3.256",
        "fe80::1%eth0", "[2001:db8::1]", "2001:4860::8888::1", "104.16.1.42/32", "\u0661.1.1.1"})
    void textThatIsNotAnAddressIsAnsweredEmpty(String text) {
        assertEquals(Optional.empty(), CATCH_ALL.locate(text));
        assertEquals(Optional.empty(), CATCH_ALL.resolve(text));
    }
}
