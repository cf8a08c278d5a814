package io.github.detective4j.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoTableTest {
    private static final String HEADER =
            "network,city,region,country_code,country_name,latitude,longitude,asn,as_organization\n";
    private static final Geolocation ASHBURN =
            new Geolocation("Ashburn", "Virginia", "US", "United States", 39.0437, -77.4875);
    private static final Geolocation TOKYO = new Geolocation("Tokyo", "Tokyo", "JP", "Japan", 35.6895, 139.6917);
    private static final Geolocation JAPAN = new Geolocation(null, null, "JP", "Japan", 35.6897, 139.6895);
    private static final Asn AMAZON = new Asn(14618, "Amazon.com, Inc.");

    private static GeoTable parse(String csv) throws IOException {
        return GeoTable.parse(new StringReader(csv), "geo.csv");
    }

    @Test
    void readsPlacesAndAsNumbersWithQuotesCommentsAndBlankLines() throws IOException {
        GeoTable table = parse("\uFEFF# the demo's addresses\n" + HEADER
                + "3.80.0.0/12,Ashburn,Virginia,US,United States,39.0437,-77.4875,14618,\"Amazon.com, Inc.\"\r\n"
                + "\n"
                + "2406:da14::/32, Tokyo , Tokyo ,JP,Japan,35.6895,139.6917,AS16509,\"Amazon \"\"AWS\"\"\"\n"
                + "# Japan, no city\n"
                + "153.156.0.0/16,,,JP,Japan,35.6897,139.6895,,\n"
                + "1.0.0.0/24,,,,,,,as15169,Google LLC\n");
        assertEquals("GeoTable[geo.csv: 3 places, 3 AS numbers]", table.toString());
        assertEquals(Optional.of(ASHBURN), table.locate("3.85.201.17"));
        assertEquals(Optional.of(AMAZON), table.resolve("3.85.201.17"));
        assertEquals(Optional.of(TOKYO), table.locate("2406:DA14:0:0:0:0:0:1"));
        assertEquals(Optional.of(new Asn(16509, "Amazon \"AWS\"")), table.resolve("2406:da14::1"));
        assertEquals(Optional.of(JAPAN), table.locate("153.156.88.21"));
        assertEquals(Optional.empty(), table.resolve("153.156.88.21"));
        assertEquals(Optional.empty(), table.locate("1.0.0.1"));
        assertEquals(Optional.of(new Asn(15169, "Google LLC")), table.resolve("1.0.0.1"));
        assertEquals(Optional.empty(), table.locate("8.8.8.8"));
    }

    @Test
    void theLongestNetworkWinsInBothFamilies() {
        Geolocation us = new Geolocation(null, null, "US", "United States", 37.751, -97.822);
        Geolocation seattle = new Geolocation("Seattle", "Washington", "US", null, 47.6062, -122.3321);
        GeoTable table = GeoTable.builder()
                .place("0.0.0.0/0", us).place("3.0.0.0/8", JAPAN).place("3.80.0.0/12", ASHBURN)
                .place("3.85.201.17/32", seattle)
                .place("2400::/12", JAPAN).place("2406:da00::/24", ASHBURN).place("2406:da14::/32", TOKYO)
                .place("2406:da14:abcd::/48", seattle)
                .asn("3.0.0.0/8", new Asn(16509, "Amazon.com, Inc.")).asn("3.80.0.0/12", AMAZON)
                .build();
        assertEquals(Optional.of(seattle), table.locate("3.85.201.17"));
        assertEquals(Optional.of(ASHBURN), table.locate("3.85.201.16"));
        assertEquals(Optional.of(ASHBURN), table.locate("3.95.255.255"));
        assertEquals(Optional.of(JAPAN), table.locate("3.96.0.0"));
        assertEquals(Optional.of(JAPAN), table.locate("3.79.255.255"));
        assertEquals(Optional.of(us), table.locate("4.0.0.0"));
        assertEquals(Optional.of(us), table.locate("::ffff:4.0.0.0"));
        assertEquals(Optional.of(seattle), table.locate("2406:da14:abcd:1::1"));
        assertEquals(Optional.of(TOKYO), table.locate("2406:da14:abce::1"));
        assertEquals(Optional.of(ASHBURN), table.locate("2406:da15::1"));
        assertEquals(Optional.of(JAPAN), table.locate("240f:ffff::1"));
        assertEquals(Optional.empty(), table.locate("2410::1"));
        assertEquals(Optional.of(AMAZON), table.resolve("3.85.201.17"));
        assertEquals(Optional.of(new Asn(16509, "Amazon.com, Inc.")), table.resolve("3.96.0.0"));
        assertEquals(Optional.empty(), table.resolve("2406:da14::1"));
        assertEquals("GeoTable[builder: 8 places, 2 AS numbers]", table.toString());
    }

    @Test
    void aTableDoesNotChangeWhenItsBuilderGoesOn() {
        GeoTable.Builder builder = GeoTable.builder().place("3.80.0.0/12", ASHBURN);
        GeoTable first = builder.build();
        GeoTable second = builder.place("3.85.0.0/16", TOKYO).build();
        assertEquals(Optional.of(ASHBURN), first.locate("3.85.201.17"));
        assertEquals(Optional.of(TOKYO), second.locate("3.85.201.17"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            3.80.0.0/12,Ashburn,Virginia,US,United States,39.0437,-77.4875,14618                | geo.csv:3: 8 fields where the header has 9
            3.80.0.0/12,Ashburn,Virginia,US,United States,39.0437,-77.4875,14618,x,y             | geo.csv:3: 10 fields where the header has 9
            3.80.0.0,Ashburn,,US,,39.0,-77.5,,                                                   | geo.csv:3: network '3.80.0.0' has no prefix length (write it as 3.80.0.0/32 for one address)
            3.80.0.1/12,Ashburn,,US,,39.0,-77.5,,                                                | geo.csv:3: network '3.80.0.1/12' has host bits set; the network is 3.80.0.0/12
            3.80.0.0/33,Ashburn,,US,,39.0,-77.5,,                                                | geo.csv:3: CIDR '3.80.0.0/33': prefix length 33 is longer than the 32 bits of the address
            3.80.0.0/x,Ashburn,,US,,39.0,-77.5,,                                                 | geo.csv:3: CIDR '3.80.0.0/x': prefix length 'x' is not a number
            3.80.0/12,Ashburn,,US,,39.0,-77.5,,                                                  | geo.csv:3: CIDR '3.80.0/12': '3.80.0' is not an IPv4 or IPv6 address literal
            ::ffff:3.80.0.0/108,Ashburn,,US,,39.0,-77.5,,                                        | geo.csv:3: network '::ffff:3.80.0.0/108' is IPv4-mapped; write it as an IPv4 network
            10.1.0.0/16,Office,,US,,39.0,-77.5,,                                                 | geo.csv:3: network 10.1.0.0/16 is within 10.0.0.0/8 (private-use), whose addresses never have a place or an AS number
            169.254.169.254/32,,,,,,,16509,                                                      | geo.csv:3: network 169.254.169.254/32 is within 169.254.169.254/32 (AWS-internal (EC2 instance metadata)), whose addresses never have a place or an AS number
            2001:db8:1::/48,Docs,,US,,39.0,-77.5,,                                               | geo.csv:3: network 2001:db8:1::/48 is within 2001:db8::/32 (documentation), whose addresses never have a place or an AS number
            2002:a00::/24,,,,,,,64496,                                                           | geo.csv:3: network 2002:a00::/24 is within 2002:a00::/24 (6to4 for private-use 10.0.0.0/8), whose addresses never have a place or an AS number
            0.0.0.0/8,Nowhere,,US,,39.0,-77.5,,                                                  | geo.csv:3: network 0.0.0.0/8 is within 0.0.0.0/8 (this network), whose addresses never have a place or an AS number
            ::/96,,,,,,,64496,                                                                   | geo.csv:3: network ::/96 is within ::/96 (IPv4-compatible (deprecated)), whose addresses never have a place or an AS number
            3.80.0.0/12,Ashburn,Virginia,,United States,39.0437,-77.4875,,                       | geo.csv:3: a place needs country_code, latitude and longitude; country_code is empty
            3.80.0.0/12,Ashburn,Virginia,US,United States,,-77.4875,,                            | geo.csv:3: a place needs country_code, latitude and longitude; latitude is empty
            3.80.0.0/12,Ashburn,,US,,39.0437,,,                                                  | geo.csv:3: a place needs country_code, latitude and longitude; longitude is empty
            3.80.0.0/12,Ashburn,,us,,39.0437,-77.4875,,                                          | geo.csv:3: country code 'us' is not two upper-case letters (ISO 3166-1 alpha-2)
            3.80.0.0/12,Ashburn,,US,,91,-77.4875,,                                               | geo.csv:3: latitude 91.0 is not in [-90, 90] degrees
            3.80.0.0/12,Ashburn,,US,,39.0437,-180.5,,                                            | geo.csv:3: longitude -180.5 is not in [-180, 180] degrees
            3.80.0.0/12,Ashburn,,US,,NaN,-77.4875,,                                              | geo.csv:3: latitude 'NaN' is not a decimal number of degrees
            3.80.0.0/12,Ashburn,,US,,3.9e1,-77.4875,,                                            | geo.csv:3: latitude '3.9e1' is not a decimal number of degrees
            3.80.0.0/12,Ashburn,,US,,39.0437,-77.4875d,,                                         | geo.csv:3: longitude '-77.4875d' is not a decimal number of degrees
            3.80.0.0/12,,,,,,,ASX,                                                               | geo.csv:3: asn 'ASX' is not an AS number
            3.80.0.0/12,,,,,,,4294967296,                                                        | geo.csv:3: AS number 4294967296 is not in [0, 4294967295]
            3.80.0.0/12,,,,,,,,Amazon                                                            | geo.csv:3: as_organization 'Amazon' has no asn
            3.80.0.0/12,,,,,,,,                                                                  | geo.csv:3: network 3.80.0.0/12 has neither a place nor an asn
            3.80.0.0/12,"Ashburn,Virginia,US,United States,39.0437,-77.4875,,                    | geo.csv:3: field 2 opens a quote that does not close on this line
            3.80.0.0/12,"Ashburn" x,Virginia,US,United States,39.0437,-77.4875,,                 | geo.csv:3: field 2 has text after its closing quote
            3.80.0.0/12,Ash"burn,Virginia,US,United States,39.0437,-77.4875,,                    | geo.csv:3: field 2 has a quote but does not start with one
            1.0.0.0/24,Brisbane,,AU,,-27.47,153.02,,                                             | geo.csv:3: network 1.0.0.0/24 has a place already, from line 2
            """)
    void refusesABadLineNamingTheSourceTheLineAndTheReason(String line, String message) {
        String csv = HEADER + "1.0.0.0/24,Sydney,,AU,,-33.87,151.21,13335,Cloudflare\n" + line + "\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(csv));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aNetworkMayHaveAPlaceOnOneLineAndAnAsOnAnother() throws IOException {
        GeoTable table = parse(HEADER + "3.80.0.0/12,Ashburn,Virginia,US,United States,39.0437,-77.4875,,\n"
                + "3.80.0.0/12,,,,,,,14618,\"Amazon.com, Inc.\"\n");
        assertEquals(Optional.of(ASHBURN), table.locate("3.85.201.17"));
        assertEquals(Optional.of(AMAZON), table.resolve("3.85.201.17"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(HEADER
                + "3.80.0.0/12,,,,,,,14618,\n\n3.80.0.0/12,Ashburn,Virginia,US,,39.0,-77.5,16509,\n"));
        assertEquals("geo.csv:4: network 3.80.0.0/12 has an AS number already, from line 2", e.getMessage());
    }

    @Test
    void wantsTheHeaderFirst() {
        assertEquals("geo.csv:2: the header line must be '" + HEADER.strip() + "', not "
                        + "'network,city,region,country,latitude,longitude'",
                assertThrows(IllegalArgumentException.class,
                        () -> parse("# comment\nnetwork,city,region,country,latitude,longitude\n")).getMessage());
        assertEquals("geo.csv:1: the header line must be '" + HEADER.strip() + "', not "
                        + "'3.80.0.0/12,Ashburn,Virginia,US,United States,39.0437,-77.4875,,'",
                assertThrows(IllegalArgumentException.class,
                        () -> parse("3.80.0.0/12,Ashburn,Virginia,US,United States,39.0437,-77.4875,,\n"))
                        .getMessage());
        assertEquals("geo.csv: no header line '" + HEADER.strip() + "'",
                assertThrows(IllegalArgumentException.class, () -> parse("\n# nothing\n")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse(""));
    }

    @Test
    void aHeaderAloneIsAnEmptyTable() throws IOException {
        GeoTable table = parse(HEADER);
        assertEquals("GeoTable[geo.csv: 0 places, 0 AS numbers]", table.toString());
        assertEquals(Optional.empty(), table.locate("3.85.201.17"));
    }

    @Test
    void aWideNetworkMayHoldSpecialRangesWhichStillAnswerEmpty() throws IOException {
        GeoTable table = parse(HEADER + "0.0.0.0/0,,,US,,37.751,-97.822,,\n8.0.0.0/6,,,GB,,51.5,-0.1,,\n");
        assertEquals("GB", table.locate("8.8.8.8").orElseThrow().countryCode());
        assertEquals(Optional.empty(), table.locate("10.0.0.1"));
        assertEquals("US", table.locate("104.16.1.42").orElseThrow().countryCode());
    }

    @Test
    void theBuilderChecksAtOnce() {
        GeoTable.Builder builder = GeoTable.builder().place("3.80.0.0/12", ASHBURN);
        assertEquals("network 3.80.0.0/12 has a place already",
                assertThrows(IllegalArgumentException.class, () -> builder.place("3.80.0.0/12", TOKYO)).getMessage());
        assertEquals("network 192.168.0.0/24 is within 192.168.0.0/16 (private-use), whose addresses never have a "
                        + "place or an AS number",
                assertThrows(IllegalArgumentException.class, () -> builder.asn("192.168.0.0/24", AMAZON))
                        .getMessage());
        assertThrows(NullPointerException.class, () -> builder.place("3.0.0.0/8", null));
        assertThrows(NullPointerException.class, () -> builder.asn(null, AMAZON));
        assertEquals(Optional.of(ASHBURN), builder.build().locate("3.85.201.17"));
    }

    @Test
    void loadsAFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("geo.csv");
        Files.writeString(good, HEADER + "2406:da14::/32,Tōkyō,Tōkyō,JP,Japan,35.6895,139.6917,,\n",
                StandardCharsets.UTF_8);
        assertEquals("Tōkyō", GeoTable.load(good).locate("2406:da14::7").orElseThrow().city());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, HEADER + "2406:da14::/32,Tokyo,Tokyo,JP,Japan,95,139.6917,,\n");
        assertEquals(bad + ":2: latitude 95.0 is not in [-90, 90] degrees",
                assertThrows(IllegalArgumentException.class, () -> GeoTable.load(bad)).getMessage());
        assertThrows(NoSuchFileException.class, () -> GeoTable.load(dir.resolve("absent.csv")));
        // a spreadsheet's export in Windows-1252: the line named, not a decoder's exception naming nothing
        Path latin1 = dir.resolve("latin1.csv");
        Files.writeString(latin1, HEADER + "# Swiss offices\n1.0.0.0/24,Z\u00fcrich,,CH,,47.37,8.54,,\n",
                StandardCharsets.ISO_8859_1);
        assertEquals(latin1 + ":3: not UTF-8 text; save the table as UTF-8",
                assertThrows(IllegalArgumentException.class, () -> GeoTable.load(latin1)).getMessage());
    }
}
