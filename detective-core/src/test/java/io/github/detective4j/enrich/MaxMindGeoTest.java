package io.github.detective4j.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real reader path, over MaxMind's test databases in {@code ../shared/data/maxmind-test-db} (skipped, saying so,
 * when they are absent): what the reader answers is what the JSON the databases were built from says.
 */
class MaxMindGeoTest {
    private static Path data;
    private static MaxMindGeo geo;

    @BeforeAll
    static void open() throws IOException {
        String root = System.getProperty("detective4j.sharedData", "../../shared/data");
        data = Path.of(root).resolve("maxmind-test-db").normalize();
        if (Files.isDirectory(data.resolve("test-data"))) {
            geo = MaxMindGeo.open(database("GeoIP2-City-Test.mmdb"), database("GeoLite2-ASN-Test.mmdb"));
        }
    }

    @BeforeEach
    void requireTheDatabases() {
        assumeTrue(geo != null, () -> "skipped: the MaxMind test databases " + data.resolve("test-data")
                + " are absent (they live beside the project, in ../shared/data)");
    }

    @AfterAll
    static void close() throws IOException {
        if (geo != null) {
            geo.close();
        }
    }

    private static Path database(String name) {
        return data.resolve("test-data").resolve(name);
    }

    /** The networks of a source JSON file and their records, later entries for one network winning. */
    private static Map<String, JsonNode> source(String name) throws IOException {
        Map<String, JsonNode> networks = new LinkedHashMap<>();
        for (JsonNode entry : new ObjectMapper().readTree(data.resolve("source-data").resolve(name).toFile())) {
            entry.fields().forEachRemaining(field -> networks.put(field.getKey(), field.getValue()));
        }
        return networks;
    }

    /** The first address of a source network; MaxMind writes IPv4 networks as {@code ::a.b.c.d/(96+n)}. */
    private static String firstAddress(String network) {
        String address = network.substring(0, network.indexOf('/'));
        return address.startsWith("::") && address.indexOf('.') > 0 ? address.substring(2) : address;
    }

    private static String english(JsonNode record) {
        JsonNode name = record.path("names").path("en");
        return name.isTextual() ? name.asText() : null;
    }

    @Test
    void knownAddressesAreWhereTheSourceSays() {
        assertEquals(Optional.of(new Geolocation("London", "England", "GB", "United Kingdom", 51.5142, -0.0931,
                10)),
                geo.locate("81.2.69.142"));
        assertEquals("London, England, GB", geo.locate("81.2.69.142").orElseThrow().label());
        assertEquals("51.5,-0.1", geo.locate("81.2.69.142").orElseThrow().cell().toString());
        assertEquals(Optional.of(new Geolocation("Boxford", "England", "GB", "United Kingdom", 51.75, -1.25, 100)),
                geo.locate("2.125.160.216"));
        assertEquals("Linköping, Östergötland County, SE", geo.locate("89.160.20.112").orElseThrow().label());
        assertEquals("Milton, Washington, US", geo.locate("216.160.83.56").orElseThrow().label());
        assertEquals("Japan (JP)", geo.locate("2001:218::1").orElseThrow().label());
        assertEquals(1000, geo.locate("149.101.100.1").orElseThrow().accuracyRadiusKm(),
                "known only to the country: anywhere within 1,000 km of the centroid, as far as the record says");
    }

    @Test
    void everyCityTestNetworkAnswersWhatItsSourceSays() throws IOException {
        Map<String, JsonNode> networks = source("GeoIP2-City-Test.json");
        int located = 0;
        for (Map.Entry<String, JsonNode> network : networks.entrySet()) {
            JsonNode record = network.getValue();
            JsonNode country = record.path("country");
            JsonNode location = record.path("location");
            Optional<Geolocation> expected = country.has("iso_code") && location.has("latitude")
                    ? Optional.of(new Geolocation(english(record.path("city")),
                            english(record.path("subdivisions").path(0)), country.get("iso_code").asText(),
                            english(country), location.get("latitude").asDouble(),
                            location.get("longitude").asDouble(), location.path("accuracy_radius").asInt(0)))
                    : Optional.empty();
            String address = firstAddress(network.getKey());
            assertEquals(expected, geo.locate(address), network.getKey() + " at " + address);
            located += expected.isPresent() ? 1 : 0;
        }
        assertTrue(networks.size() >= 200 && located >= networks.size() - 5,
                networks.size() + " networks, " + located + " with a place");
    }

    @Test
    void everyAsnTestNetworkAnswersWhatItsSourceSays() throws IOException {
        assertEquals("AS15169 Google Inc.", geo.resolve("1.0.0.1").orElseThrow().toString());
        assertEquals("AS7018 AT&T Services", geo.resolve("12.81.92.1").orElseThrow().toString());
        assertEquals("AS1221 Telstra Pty Ltd", geo.resolve("1.128.0.0").orElseThrow().toString());
        Map<String, JsonNode> networks = source("GeoLite2-ASN-Test.json");
        for (Map.Entry<String, JsonNode> network : networks.entrySet()) {
            JsonNode record = network.getValue();
            Asn expected = new Asn(record.get("autonomous_system_number").asLong(),
                    record.path("autonomous_system_organization").asText(null));
            String address = firstAddress(network.getKey());
            assertEquals(Optional.of(expected), geo.resolve(address), network.getKey() + " at " + address);
        }
        assertTrue(networks.size() >= 700, networks.size() + " networks");
    }

    @Test
    void anAddressIsReadInAnyLiteralForm() {
        assertEquals("London", geo.locate("::ffff:81.2.69.142").orElseThrow().city());
        assertEquals("Japan", geo.locate("2001:0218:0000:0000:0000:0000:0000:0001").orElseThrow().countryName());
        // 6to4 of a public address: MaxMind's own alias of the IPv4 address answers
        assertEquals("London", geo.locate("2002:5102:458e::1").orElseThrow().city());
        // the database holds IPv4 at ::/96 too, but IPv4-compatible addresses are deprecated and special
        assertEquals(Optional.empty(), geo.locate("::81.2.69.142"));
    }

    @Test
    void specialUnknownAndMalformedAddressesAreEmpty() {
        for (String address : new String[] {"10.0.0.1", "172.16.5.4", "192.168.1.1", "100.64.0.1", "127.0.0.1",
            "169.254.169.254", "169.254.169.253", "192.0.2.1", "198.18.0.1", "224.0.0.251", "255.255.255.255",
            "0.0.0.0", "::", "::1", "fe80::1", "fd00:ec2::254", "2001:db8::1", "ff02::1", "2002:a00:1::1",
            // not in the test databases
            "8.8.8.8", "2600::1", "1.0.0.1",
            // not addresses
            "", "ec2.amazonaws.com", "081.2.69.142", "81.2.69", null}) {
            assertEquals(Optional.empty(), geo.locate(address), address);
        }
        for (String address : new String[] {"10.0.0.1", "169.254.169.254", "::1", "81.2.69.142", "x", null}) {
            assertEquals(Optional.empty(), geo.resolve(address), address);
        }
    }

    @Test
    void enterpriseAndIspDatabasesAnswerToo() throws IOException {
        try (MaxMindGeo enterprise = MaxMindGeo.open(database("GeoIP2-ISP-Test.mmdb"),
                database("GeoIP2-Enterprise-Test.mmdb"))) {
            assertEquals("Chatham, New York, US", enterprise.locate("74.209.24.1").orElseThrow().label());
            assertEquals("AS1221 Telstra Pty Ltd", enterprise.resolve("1.128.0.1").orElseThrow().toString());
            assertEquals(Optional.empty(), enterprise.resolve("1.0.128.1")); // an ISP without an AS number
            assertTrue(enterprise.toString().startsWith("MaxMindGeo[places=GeoIP2-Enterprise-Test.mmdb "
                    + "(GeoIP2-Enterprise, built "), enterprise.toString());
        }
    }

    @Test
    void aKindNotGivenAnswersEmpty() throws IOException {
        try (MaxMindGeo asnOnly = MaxMindGeo.open(database("GeoLite2-ASN-Test.mmdb"))) {
            assertEquals(Optional.empty(), asnOnly.locate("81.2.69.142"));
            assertEquals(15169, asnOnly.resolve("1.0.0.1").orElseThrow().number());
            assertTrue(asnOnly.toString().startsWith("MaxMindGeo[places=none, asns=GeoLite2-ASN-Test.mmdb "
                    + "(GeoLite2-ASN, built "), asnOnly.toString());
        }
    }

    @Test
    void aCountryDatabaseIsRefusedNamingItAndItsType() {
        for (String country : new String[] {"GeoIP2-Country-Test.mmdb", "GeoLite2-Country-Test.mmdb"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MaxMindGeo.open(database(country)));
            assertTrue(e.getMessage().startsWith(database(country) + " is a "
                    + country.replace("-Test.mmdb", "") + " database, which has countries but no coordinates, so "
                    + "it cannot key geolocations"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> MaxMindGeo.open(database("GeoLite2-ASN-Test.mmdb"), database("GeoIP2-Country-Test.mmdb")));
    }

    @Test
    void otherKindsAndTwoOfAKindAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MaxMindGeo.open(database("GeoIP2-Domain-Test.mmdb")));
        assertEquals(database("GeoIP2-Domain-Test.mmdb") + " is a GeoIP2-Domain database, which gives neither "
                + "places nor AS numbers; give City, Enterprise, ASN or ISP databases", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MaxMindGeo.open(database("GeoIP2-City-Test.mmdb"), database("GeoLite2-City-Test.mmdb")));
        assertTrue(e.getMessage().startsWith("both GeoIP2-City-Test.mmdb (GeoIP2-City, built "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" give places; give one of each kind"), e.getMessage());
        assertThrows(IllegalArgumentException.class, MaxMindGeo::open);
    }

    @Test
    void brokenMissingAndForeignFilesAreRefusedNamingThem() {
        Path invalid = database("GeoIP2-City-Test-Invalid-Node-Count.mmdb");
        IOException e = assertThrows(IOException.class, () -> MaxMindGeo.open(invalid));
        assertTrue(e.getMessage().startsWith(invalid + " is not a readable MaxMind database: "), e.getMessage());

        Path brokenPointers = database("MaxMind-DB-test-broken-pointers-24.mmdb");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> MaxMindGeo.open(brokenPointers));
        assertTrue(refused.getMessage().startsWith(brokenPointers + " is a Test database"), refused.getMessage());

        Path notADatabase = data.resolve("README.md");
        e = assertThrows(IOException.class, () -> MaxMindGeo.open(database("GeoLite2-ASN-Test.mmdb"), notADatabase));
        assertTrue(e.getMessage().startsWith(notADatabase + " is not a readable MaxMind database: Could not find a "
                + "MaxMind DB metadata marker"), e.getMessage());

        Path absent = database("GeoLite2-City.mmdb");
        assertEquals(absent + ": no such MaxMind database file",
                assertThrows(NoSuchFileException.class, () -> MaxMindGeo.open(absent)).getMessage());
        assertTrue(assertThrows(FileSystemException.class, () -> MaxMindGeo.open(data)).getMessage()
                .endsWith("is not a file, so not a MaxMind database"));
    }

    @Test
    void lookupsAfterCloseAreRefused() throws IOException {
        MaxMindGeo closed = MaxMindGeo.open(database("GeoLite2-City-Test.mmdb"), database("GeoLite2-ASN-Test.mmdb"));
        assertTrue(closed.locate("81.2.69.142").isPresent());
        closed.close();
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.locate("81.2.69.142"));
        assertThrows(IllegalStateException.class, () -> closed.resolve("1.0.0.1"));
        // as the class says: every lookup, also those that would answer before reaching a database
        assertThrows(IllegalStateException.class, () -> closed.locate("10.0.0.1"));
        assertThrows(IllegalStateException.class, () -> closed.resolve("not an address"));
    }

    @Test
    void cachedInFrontAnswersAsTheDatabaseDoes() {
        GeoLocator places = GeoLocator.cached(geo, 16);
        AsnResolver asns = AsnResolver.cached(geo, 16);
        for (String address : new String[] {"81.2.69.142", "89.160.20.112", "2001:218::1", "1.0.0.1", "12.81.92.1",
            "10.0.0.1", "x"}) {
            for (int i = 0; i < 2; i++) {
                assertEquals(geo.locate(address), places.locate(address), address);
                assertEquals(geo.resolve(address), asns.resolve(address), address);
            }
        }
    }
}
