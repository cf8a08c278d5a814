package io.github.detective4j.enrich;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A cell of the 0.1-degree latitude/longitude grid by which Amazon Detective keys geolocations: two places in one
 * cell are one geolocation for "newly observed geolocation", wherever in the cell their coordinates lie.
 *
 * <p>A coordinate goes to its cell by rounding to the nearest tenth of a degree, half away from zero, of its decimal
 * text as {@link Double#toString(double)} writes it; so the coordinate a database or a table says, {@code 38.95}, is
 * rounded as written, to {@code 39.0}, although the double nearest 38.95 lies a hair below it. Negative coordinates
 * round the same way by magnitude: {@code -77.45} is {@code -77.5}, {@code -77.44} is {@code -77.4}, and
 * {@code -0.04} is {@code 0.0}. Rounding can reach the ends of the ranges: latitude {@code 89.97} is cell
 * {@code 90.0}; longitudes {@code 180.0} and {@code -180.0} stay two cells, as they are written.
 *
 * <pre>{@code
 * GeoCell.of(38.9445, -77.4558);   // 38.9,-77.5 (Ashburn)
 * GeoCell.of(35.6854, 139.7531);   // 35.7,139.8 (Tokyo)
 * }</pre>
 *
 * @param latitudeTenths the cell's latitude in tenths of a degree, -900 to 900
 * @param longitudeTenths the cell's longitude in tenths of a degree, -1800 to 1800
 */
public record GeoCell(int latitudeTenths, int longitudeTenths) {
    /**
     * Creates a cell.
     *
     * @param latitudeTenths the latitude in tenths of a degree, -900 to 900
     * @param longitudeTenths the longitude in tenths of a degree, -1800 to 1800
     * @throws IllegalArgumentException if either is out of range
     */
    public GeoCell {
        if (latitudeTenths < -900 || latitudeTenths > 900) {
            throw new IllegalArgumentException("latitude " + latitudeTenths
                    + " tenths of a degree is not in [-900, 900]");
        }
        if (longitudeTenths < -1800 || longitudeTenths > 1800) {
            throw new IllegalArgumentException("longitude " + longitudeTenths
                    + " tenths of a degree is not in [-1800, 1800]");
        }
    }

    /**
     * Returns the cell that holds a point, rounding each coordinate as the class documentation says.
     *
     * @param latitude degrees north, -90 to 90 (WGS84)
     * @param longitude degrees east, -180 to 180 (WGS84)
     * @return the cell
     * @throws IllegalArgumentException if a coordinate is out of range or not a number
     */
    public static GeoCell of(double latitude, double longitude) {
        Geolocation.checkCoordinates(latitude, longitude);
        return new GeoCell(tenths(latitude), tenths(longitude));
    }

    private static int tenths(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(1, RoundingMode.HALF_UP).unscaledValue().intValueExact();
    }

    /**
     * Returns the cell's latitude.
     *
     * @return degrees north, a multiple of 0.1 (as near as a double gets)
     */
    public double latitude() {
        return latitudeTenths / 10.0;
    }

    /**
     * Returns the cell's longitude.
     *
     * @return degrees east, a multiple of 0.1 (as near as a double gets)
     */
    public double longitude() {
        return longitudeTenths / 10.0;
    }

    /**
     * Returns the cell as {@code latitude,longitude} with one decimal each, {@code 38.9,-77.5}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return degrees(latitudeTenths) + "," + degrees(longitudeTenths);
    }

    private static String degrees(int tenths) {
        int magnitude = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + magnitude / 10 + "." + magnitude % 10;
    }
}
