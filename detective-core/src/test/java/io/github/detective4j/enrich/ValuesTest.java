package io.github.detective4j.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Geolocation and Asn: what they accept and how they read. */
class ValuesTest {
    @Test
    void labelsTheKnownParts() {
        assertEquals("Ashburn, Virginia, US",
                new Geolocation("Ashburn", "Virginia", "US", "United States", 39.0437, -77.4875).label());
        assertEquals("Virginia, US", new Geolocation(null, "Virginia", "US", "United States", 37.5, -78.8).label());
        assertEquals("Ashburn, US", new Geolocation("Ashburn", null, "US", null, 39.0437, -77.4875).label());
        assertEquals("United States (US)", new Geolocation(null, null, "US", "United States", 37.751, -97.822)
                .label());
        assertEquals("US", new Geolocation(" ", "", "US", "\t", 37.751, -97.822).label());
    }

    @Test
    void blankNamesAreAbsent() {
        Geolocation place = new Geolocation(" ", "", "US", "\t", 37.751, -97.822);
        assertNull(place.city());
        assertNull(place.region());
        assertNull(place.countryName());
        assertNull(new Asn(64496, "  ").organization());
    }

    @Test
    void cellOfAPlaceIsTheCellOfItsCoordinates() {
        assertEquals(GeoCell.of(39.0437, -77.4875),
                new Geolocation("Ashburn", "Virginia", "US", "United States", 39.0437, -77.4875).cell());
        assertEquals("39.0,-77.5",
                new Geolocation("Ashburn", "Virginia", "US", "United States", 39.0437, -77.4875).cell().toString());
    }

    @Test
    void refusesBadCountryCodesAndCoordinates() {
        assertThrows(NullPointerException.class, () -> new Geolocation("x", null, null, null, 0, 0));
        for (String code : new String[] {"us", "USA", "U", "", "U1", "ÜS"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Geolocation(null, null, code, null, 0, 0));
            assertTrue(e.getMessage().contains("'" + code + "'"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Geolocation(null, null, "US", null, 91, 0));
        assertEquals("latitude 91.0 is not in [-90, 90] degrees", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Geolocation(null, null, "US", null, 0, 180.5));
        assertThrows(IllegalArgumentException.class, () -> new Geolocation(null, null, "US", null, Double.NaN, 0));
    }

    @Test
    void asnPrintsAsPeopleWriteIt() {
        assertEquals("AS15169 Google LLC", new Asn(15169, "Google LLC").toString());
        assertEquals("AS64496", new Asn(64496, null).toString());
        assertEquals("AS0", new Asn(0, null).toString());
        assertEquals("AS4294967295", new Asn(4294967295L, null).toString());
    }

    @Test
    void asnNumbersAre32Bit() {
        assertEquals("AS number -1 is not in [0, 4294967295]",
                assertThrows(IllegalArgumentException.class, () -> new Asn(-1, "x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Asn(4294967296L, "x"));
    }
}
