package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.model.IpAddresses.SpecialRange;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The special-purpose addresses, by the reason given, and the global ones next to them. */
class SpecialRangeTest {
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
    void specialAddressesSayWhatTheyAreFor(String address, String purpose) {
        SpecialRange range = IpAddresses.specialRange(address).orElseThrow(() -> new AssertionError(address));
        assertTrue(range.purpose().contains(purpose), () -> address + " is " + range.purpose() + ", not " + purpose);
        assertTrue(range.network().contains(address), () -> range + " does not hold " + address);
        assertFalse(IpAddresses.isGlobal(address), address);
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
    void otherAddressesAreGlobal(String address) {
        assertEquals(Optional.empty(), IpAddresses.specialRange(address), address);
        assertTrue(IpAddresses.isGlobal(address), address);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not an address", "ec2.amazonaws.com", "010.0.0.1", "10.1", "1.2.3.4 ", "1.2.3.256",
        "fe80::1%eth0", "[2001:db8::1]", "2001:4860::8888::1", "104.16.1.42/32", "\u0661.1.1.1"})
    void textThatIsNotAnAddressIsNeitherSpecialNorGlobal(String text) {
        assertEquals(Optional.empty(), IpAddresses.specialRange(text));
        assertFalse(IpAddresses.isGlobal(text));
    }

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10.1.2.3                              | 10.0.0.0/8 (private-use)
            169.254.169.254                       | 169.254.169.254/32 (AWS-internal (EC2 instance metadata))
            169.254.169.1                         | 169.254.0.0/16 (link-local)
            0.0.0.0                               | 0.0.0.0/32 (unspecified)
            0.0.0.1                               | 0.0.0.0/8 (this network)
            ::                                    | ::/128 (unspecified)
            ::2                                   | ::/96 (IPv4-compatible (deprecated))
            fd00:ec2::254                         | fd00:ec2::254/128 (AWS-internal (EC2 instance metadata))
            fd00:ec2::255                         | fc00::/7 (unique local)
            2002:c0a8:101::1                      | 2002:c0a8::/32 (6to4 for private-use 192.168.0.0/16)
            2002:a9fe:a9fe::                      | 2002:a9fe:a9fe::/48 (6to4 for AWS-internal (EC2 instance metadata) 169.254.169.254/32)
            2001:0:a00:1::1                       | 2001:0:a00::/40 (Teredo server for private-use 10.0.0.0/8)
            2001:0:4136:e378:8000:63bf:3fff:fdd2  | 2001:0:4136:e378:8000:63bf:3fff:fdd2/128 (Teredo client in documentation (TEST-NET-1) 192.0.2.0/24)
            64:ff9b::a00:1                        | 64:ff9b::a00:0/104 (NAT64 for private-use 10.0.0.0/8)
            """)
    void theNarrowestRangeAnswersWithItsNetwork(String address, String range) {
        assertEquals(range, IpAddresses.specialRange(address).orElseThrow().toString());
    }

    @ParameterizedTest(name = "{0} is within {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10.1.0.0/16        | 10.0.0.0/8 (private-use)
            10.0.0.0/8         | 10.0.0.0/8 (private-use)
            0.0.0.0/8          | 0.0.0.0/8 (this network)
            0.0.0.0/32         | 0.0.0.0/32 (unspecified)
            169.254.169.0/24   | 169.254.0.0/16 (link-local)
            169.254.169.254/32 | 169.254.169.254/32 (AWS-internal (EC2 instance metadata))
            ::/96              | ::/96 (IPv4-compatible (deprecated))
            2001:db8:1::/48    | 2001:db8::/32 (documentation)
            2002:a00::/24      | 2002:a00::/24 (6to4 for private-use 10.0.0.0/8)
            2002:a01::/32      | 2002:a00::/24 (6to4 for private-use 10.0.0.0/8)
            2001:0:a00::/48    | 2001:0:a00::/40 (Teredo server for private-use 10.0.0.0/8)
            64:ff9b::a00:0/104 | 64:ff9b::a00:0/104 (NAT64 for private-use 10.0.0.0/8)
            """)
    void aNetworkIsWithinTheNarrowestRangeThatHoldsAllOfIt(String network, String range) {
        assertEquals(range, IpAddresses.specialRange(IpNetwork.parse(network)).orElseThrow().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/0", "::/0", "0.0.0.0/7", "8.0.0.0/6", "::/95", "2002::/16", "2002:a00::/20",
        "2001::/32", "2001:0:4136:e378:8000:63bf:3fff:fdd2/127", "64:ff9b::/96", "fc00::/6", "3.80.0.0/12"})
    void aNetworkWithGlobalAddressesIsWithinNoRange(String network) {
        assertEquals(Optional.empty(), IpAddresses.specialRange(IpNetwork.parse(network)), network);
    }

    @Test
    void aRangeNeedsANetworkAndAPurpose() {
        IpNetwork network = IpNetwork.parse("10.0.0.0/8");
        Expect.nullPointer(() -> new SpecialRange(null, "private-use"), "network must not be null");
        Expect.nullPointer(() -> new SpecialRange(network, null), "purpose must not be null");
        Expect.illegalArgument(() -> new SpecialRange(network, " "), "purpose must not be blank");
        Expect.nullPointer(() -> IpAddresses.specialRange((IpNetwork) null), "network must not be null");
        assertEquals(new SpecialRange(network, "private-use"), IpAddresses.specialRange("10.0.0.1").orElseThrow());
    }
}
