package io.github.detective4j.enrich;

/**
 * Placeholder.
 *
 * @param city city
 * @param region region
 * @param countryCode country code
 * @param countryName country name
 * @param latitude latitude
 * @param longitude longitude
 */
public record Geolocation(String city, String region, String countryCode, String countryName, double latitude,
        double longitude) {
    /**
     * The cell.
     *
     * @return the cell
     */
    public GeoCell cell() {
        return new GeoCell((int) Math.round(latitude * 10), (int) Math.round(longitude * 10));
    }

    /**
     * The label.
     *
     * @return the label
     */
    public String label() {
        return city + ", " + countryCode;
    }
}
