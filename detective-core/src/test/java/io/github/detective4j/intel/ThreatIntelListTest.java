package io.github.detective4j.intel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThreatIntelListTest {
    static final String LIST = String.join("\n",
            "# known-bad addresses, kept by the SOC",
            "; Spamhaus-style comment",
            "",
            "   ",
            "203.0.113.0/24 scanner",
            "203.0.113.128/25, bulletproof hosting",
            "203.0.113.200 # Tor exit",
            "198.51.100.7,Emotet C2",
            "192.0.2.0/24 ; SBL123",
            "2001:db8::/32\tdocumentation prefix",
            "2001:DB8:0:0:0:0:0:7   a miner pool",
            "100.64.0.0/10",
            "10.1.2.3/8 host bits are dropped",
            "203.0.113.0/24 a second listing of the same network",
            "   198.18.0.1   reason with  inner  spaces   ");

    static ThreatIntelList list() throws IOException {
        return ThreatIntelList.parse(new StringReader(LIST), "soc.txt");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "203.0.113.9|203.0.113.0/24|scanner",
        "203.0.113.129|203.0.113.128/25|bulletproof hosting",
        "203.0.113.200|203.0.113.200|Tor exit",
        "198.51.100.7|198.51.100.7|Emotet C2",
        "192.0.2.44|192.0.2.0/24|SBL123",
        "2001:db8:1::1|2001:db8::/32|documentation prefix",
        "2001:db8::7|2001:db8::7|a miner pool",
        "2001:0DB8::0007|2001:db8::7|a miner pool",
        "100.100.1.1|100.64.0.0/10|",
        "10.200.0.1|10.0.0.0/8|host bits are dropped",
        "::ffff:203.0.113.9|203.0.113.0/24|scanner",
        "198.18.0.1|198.18.0.1|reason with  inner  spaces"})
    void theLongestListedNetworkFlagsAnAddressWithItsReason(String address, String indicator, String reason)
            throws IOException {
        ThreatMatch match = list().lookup(address).orElseThrow();
        assertEquals(new ThreatMatch(indicator, reason, "soc.txt"), match);
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.112.255", "198.51.100.8", "2001:db9::1", "100.128.0.1", "11.0.0.1", "::1"})
    void otherAddressesAreNotFlagged(String address) throws IOException {
        assertEquals(Optional.empty(), list().lookup(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "not an address", "ec2.amazonaws.com", "203.0.113.9/24", " 203.0.113.9",
        "203.0.113.09", "2001:db8::7%eth0", "\u0000", "203.0.113.9\n"})
    void anythingElseIsNotFlaggedAndNeverThrows(String text) throws IOException {
        assertEquals(Optional.empty(), list().lookup(text));
        assertEquals(Optional.empty(), list().lookup(text.repeat(10_000)));
    }

    @Test
    void nullIsNotFlaggedAndNoneFlagsNothing() throws IOException {
        assertEquals(Optional.empty(), list().lookup(null));
        assertEquals(Optional.empty(), ThreatIntel.none().lookup("203.0.113.9"));
        assertEquals(Optional.empty(), ThreatIntel.none().lookup(null));
    }

    @Test
    void countsDistinctNetworksTheFirstListingWinning() throws IOException {
        ThreatIntelList list = list();
        assertEquals(10, list.size(), "the second 203.0.113.0/24 is the same network");
        assertEquals("scanner", list.lookup("203.0.113.1").orElseThrow().reason());
        assertEquals("ThreatIntelList{networks=10, sources=[soc.txt], skippedLines=0}", list.toString());
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreIgnored() throws IOException {
        ThreatIntelList list = ThreatIntelList.parse(
                new StringReader("\uFEFF198.51.100.7 first\r\n# comment\r\n2001:db8::1,second\r\n"), "crlf.txt");
        assertEquals(Optional.of(new ThreatMatch("198.51.100.7", "first", "crlf.txt")), list.lookup("198.51.100.7"));
        assertEquals("second", list.lookup("2001:db8::1").orElseThrow().reason());
    }

    @ParameterizedTest(name = "line {1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "203.0.113.0/33|3|prefix length 33 is longer than the 32 bits of the address",
        "010.0.0.1|3|'010.0.0.1' is not an IPv4 or IPv6 address literal",
        "example.com bad|3|'example.com' is not an IPv4 or IPv6 address literal",
        "2001:db8::/129 too long|3|prefix length 129",
        ",leading comma|3|'' is not an IPv4 or IPv6 address literal"})
    void aBadLineFailsNamingTheSourceAndTheLineNumber(String bad, int line, String why) {
        String text = "# header\n198.51.100.7\n" + bad + "\n203.0.113.0/24\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThreatIntelList.parse(new StringReader(text), "feed.txt"));
        assertTrue(e.getMessage().startsWith("feed.txt:" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void aLenientBuilderSkipsAndCountsBadLines() throws IOException {
        String text = "198.51.100.7\nnot-an-ip\n203.0.113.0/99\n# fine\n203.0.113.0/24 ok\n";
        ThreatIntelList list = ThreatIntelList.builder().lenient().parse(new StringReader(text), "feed.txt").build();
        assertEquals(2, list.skippedLines());
        assertEquals(2, list.size());
        assertEquals("ok", list.lookup("203.0.113.5").orElseThrow().reason());
    }

    @Test
    void loadsAndMergesFilesEachItsOwnSource(@TempDir Path dir) throws IOException {
        Path tor = dir.resolve("tor-exits.txt");
        Path block = dir.resolve("blocklist.txt");
        Files.writeString(tor, "203.0.113.200\n198.51.100.0/24 tor exits\n");
        Files.writeString(block, "198.51.100.0/24 blocked\n198.51.100.7 a known miner\n");
        ThreatIntelList list = ThreatIntelList.load(tor, block);
        assertEquals(Optional.of(new ThreatMatch("198.51.100.0/24", "tor exits", tor.toString())),
                list.lookup("198.51.100.9"), "the first file's listing of the same network wins");
        assertEquals(Optional.of(new ThreatMatch("198.51.100.7", "a known miner", block.toString())),
                list.lookup("198.51.100.7"), "but a longer prefix anywhere wins over it");
        assertEquals(Optional.of(new ThreatMatch("203.0.113.200", null, tor.toString())),
                list.lookup("203.0.113.200"));
        assertEquals(3, list.size());
    }

    @Test
    void aFileWithBytesThatAreNotUtf8FailsOnThatLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("odd.txt");
        byte[] odd = "198.51.100.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[odd.length + 2];
        System.arraycopy(odd, 0, bytes, 0, odd.length);
        bytes[odd.length] = (byte) 0xff;
        bytes[odd.length + 1] = '\n';
        Files.write(file, bytes);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThreatIntelList.load(file));
        assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
        assertEquals(1, ThreatIntelList.builder().lenient().load(file).build().size());
    }

    @Test
    void aBuilderAddsSingleEntries() {
        ThreatIntelList list = ThreatIntelList.builder()
                .add("203.0.113.0/24", "  scanner  ", "ops")
                .add("2001:db8::7", " ", "ops")
                .build();
        assertEquals(Optional.of(new ThreatMatch("203.0.113.0/24", "scanner", "ops")), list.lookup("203.0.113.1"));
        assertEquals(Optional.of(new ThreatMatch("2001:db8::7", null, "ops")), list.lookup("2001:db8::7"));
        assertThrows(IllegalArgumentException.class, () -> ThreatIntelList.builder().add("nope", null, "ops"));
    }

    @Test
    void aHundredThousandEntriesLoadAndAnswerEveryLookup() throws IOException {
        // 60,000 IPv4 hosts, 20,000 IPv4 /24s, 20,000 IPv6 /64s and a few covering /8s and /16s, shuffled
        // deterministically; each host lies inside one of the /24s or none, so longest-prefix order matters.
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        int[] hosts = new int[60_000];
        int[] nets = new int[20_000];
        long[] v6 = new long[20_000];
        for (int i = 0; i < nets.length; i++) {
            nets[i] = 0x0b000000 + i * 256; // 11.0.0.0/24, 11.0.1.0/24, ...
            text.append(v4(nets[i])).append("/24 net").append(i).append('\n');
        }
        for (int i = 0; i < hosts.length; i++) {
            hosts[i] = i % 2 == 0 ? nets[random.nextInt(nets.length)] + 1 + random.nextInt(254) // inside a /24
                    : 0x50000000 + i; // 80.0.x.x, outside every /24
            text.append(v4(hosts[i])).append(",host").append(i).append('\n');
        }
        for (int i = 0; i < v6.length; i++) {
            v6[i] = 0x20010db800000000L + ((long) i << 16);
            text.append(v6Prefix(v6[i])).append("/64 v6net").append(i).append('\n');
        }
        text.append("11.0.0.0/8 the whole of 11\n80.0.0.0/16 a provider\n");
        ThreatIntelList list = ThreatIntelList.parse(new StringReader(text.toString()), "big.txt");
        // Some random hosts coincide; duplicates keep their first listing.
        Map<Integer, Integer> firstListing = new HashMap<>();
        for (int i = 0; i < hosts.length; i++) {
            firstListing.putIfAbsent(hosts[i], i);
        }
        assertEquals(nets.length + firstListing.size() + v6.length + 2, list.size());
        for (int i = 0; i < hosts.length; i++) {
            assertEquals("host" + firstListing.get(hosts[i]), list.lookup(v4(hosts[i])).orElseThrow().reason());
        }
        for (int i = 0; i < nets.length; i++) {
            int other = nets[i] + 255; // .255 is never a listed host
            assertEquals("net" + i, list.lookup(v4(other)).orElseThrow().reason(), v4(other));
        }
        for (int i = 0; i < v6.length; i++) {
            assertEquals("v6net" + i, list.lookup(v6Prefix(v6[i]) + "abcd:1").orElseThrow().reason());
        }
        assertEquals("the whole of 11", list.lookup("11.255.0.1").orElseThrow().reason());
        assertEquals("a provider", list.lookup("80.0.255.255").orElseThrow().reason());
        assertEquals(Optional.empty(), list.lookup("12.0.0.1"));
        assertEquals(Optional.empty(), list.lookup("2001:db9::1"));
    }

    static String v4(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }

    /** The first four groups of an IPv6 /64, ending with "::". */
    static String v6Prefix(long high) {
        return Long.toHexString(high >>> 48) + ":" + Long.toHexString((high >>> 32) & 0xffff) + ":"
                + Long.toHexString((high >>> 16) & 0xffff) + ":" + Long.toHexString(high & 0xffff) + "::";
    }
}
