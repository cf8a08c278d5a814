package io.github.detective4j.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoCellTest {
    @ParameterizedTest(name = "{0} -> {1} tenths")
    @CsvSource({
        // exact tenths stay
        "38.9, 389", "-77.5, -775", "0.0, 0", "-0.0, 0", "90.0, 900", "-90.0, -900",
        // below, at and above the half, both signs
        "38.94999, 389", "38.95, 390", "38.95001, 390",
        "-77.44999, -774", "-77.45, -775", "-77.45001, -775",
        "0.04999, 0", "0.05, 1", "-0.04999, 0", "-0.05, -1", "-0.04, 0",
        // the half as written, although the nearest double lies below it (2.65 is 2.6499999999999999112)
        "2.65, 27", "-2.65, -27", "1.05, 11", "-1.05, -11",
        // rounding up to the ends of the range
        "89.95, 900", "-89.95, -900", "89.94, 899",
        // coordinates as MaxMind writes them
        "51.5142, 515", "-0.0931, -1", "35.68536, 357", "-33.8688, -339",
    })
    void latitudesRoundHalfAwayFromZero(double degrees, int tenths) {
        assertEquals(tenths, GeoCell.of(degrees, 0).latitudeTenths());
        assertEquals(tenths, GeoCell.of(0, degrees).longitudeTenths());
    }

    @Test
    void longitudesBeyondNinetyRoundTheSameWay() {
        assertEquals(1398, GeoCell.of(0, 139.75309).longitudeTenths());
        assertEquals(-1223, GeoCell.of(0, -122.3321).longitudeTenths());
        assertEquals(1235, GeoCell.of(0, 123.45).longitudeTenths());
        assertEquals(-1235, GeoCell.of(0, -123.45).longitudeTenths());
        assertEquals(-1234, GeoCell.of(0, -123.44999).longitudeTenths());
    }

    @Test
    void longitudesReachTheAntimeridianFromBothSides() {
        assertEquals(new GeoCell(0, 1800), GeoCell.of(0, 179.95));
        assertEquals(new GeoCell(0, -1800), GeoCell.of(0, -179.95));
        assertEquals(new GeoCell(0, 1800), GeoCell.of(0, 180));
        assertEquals(new GeoCell(0, 1799), GeoCell.of(0, 179.94));
    }

    @Test
    void printsOneDecimalEachWithTheSign() {
        assertEquals("38.9,-77.5", GeoCell.of(38.9445, -77.4558).toString());
        assertEquals("-0.5,0.5", new GeoCell(-5, 5).toString());
        assertEquals("0.0,0.0", GeoCell.of(-0.04, -0.0).toString());
        assertEquals("-90.0,180.0", new GeoCell(-900, 1800).toString());
        assertEquals("35.7,139.8", GeoCell.of(35.6854, 139.7531).toString());
    }

    @Test
    void givesTheCellsCoordinates() {
        GeoCell cell = GeoCell.of(38.9445, -77.4558);
        assertEquals(38.9, cell.latitude());
        assertEquals(-77.5, cell.longitude());
        assertEquals(-0.1, new GeoCell(-1, 0).latitude());
    }

    @Test
    void refusesWhatIsOffTheGlobe() {
        assertThrows(IllegalArgumentException.class, () -> new GeoCell(901, 0));
        assertThrows(IllegalArgumentException.class, () -> new GeoCell(-901, 0));
        assertThrows(IllegalArgumentException.class, () -> new GeoCell(0, 1801));
        assertThrows(IllegalArgumentException.class, () -> new GeoCell(0, -1801));
        assertThrows(IllegalArgumentException.class, () -> GeoCell.of(90.0001, 0));
        assertThrows(IllegalArgumentException.class, () -> GeoCell.of(0, -180.0001));
        assertThrows(IllegalArgumentException.class, () -> GeoCell.of(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> GeoCell.of(0, Double.POSITIVE_INFINITY));
    }

    @Property(tries = 300)
    void everyPointWithinHalfATenthOfACellCentreIsInThatCell(@ForAll @IntRange(min = -899, max = 899) int tenths,
            @ForAll @DoubleRange(min = -0.0499, max = 0.0499) @Scale(6) double offset) {
        double degrees = tenths / 10.0 + offset;
        assertEquals(new GeoCell(tenths, tenths * 2), GeoCell.of(degrees, tenths / 5.0 + offset));
    }
}
