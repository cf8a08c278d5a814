package io.github.detective4j.enrich;

import java.util.regex.Pattern;

/**
 * Where an IP address is, as a geolocation database says: the place names, the coordinates, and how far from them
 * the address may be. Names are in English where the source has them; blank names are taken as absent. Immutable.
 *
 * <p>The coordinates are a point, the address somewhere within {@code accuracyRadiusKm} of it as far as the source
 * knows (MaxMind's {@code accuracy_radius}): a few km for a well-known network, 1,000 km for a record that knows only
 * the country, whose coordinates are then the country's centroid. A source that gives no radius gives 0, and the
 * point is taken as exact.
 *
 * <pre>{@code
 * Geolocation ashburn = new Geolocation("Ashburn", "Virginia", "US", "United States", 39.0437, -77.4875);
 * ashburn.label();   // "Ashburn, Virginia, US"
 * ashburn.cell();    // 39.0,-77.5: the key of "newly observed geolocation"
 * }</pre>
 *
 * @param city the city, or null when the source does not know it
 * @param region the first-level subdivision (state, province, country of the UK), or null
 * @param countryCode the ISO 3166-1 alpha-2 country code, upper case: {@code US}
 * @param countryName the country's name, or null
 * @param latitude degrees north, -90 to 90 (WGS84)
 * @param longitude degrees east, -180 to 180 (WGS84)
 * @param accuracyRadiusKm the radius around the coordinates within which the address is, in km, as the source
 *     says; 0 when it does not say
 */
public record Geolocation(String city, String region, String countryCode, String countryName, double latitude,
        double longitude, int accuracyRadiusKm) {
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

    /**
     * Creates a geolocation.
     *
     * @param city the city, or null
     * @param region the first-level subdivision, or null
     * @param countryCode the upper-case ISO 3166-1 alpha-2 country code
     * @param countryName the country's name, or null
     * @param latitude degrees north, -90 to 90
     * @param longitude degrees east, -180 to 180
     * @param accuracyRadiusKm the accuracy radius in km, 0 or more; 0 when the source gives none
     * @throws IllegalArgumentException if the country code is not two upper-case letters, a coordinate is out of
     *     range or not a number, or the radius is negative
     * @throws NullPointerException if {@code countryCode} is null
     */
    public Geolocation {
        if (countryCode == null) {
            throw new NullPointerException("a geolocation needs a country code");
        }
        if (!COUNTRY_CODE.matcher(countryCode).matches()) {
            throw new IllegalArgumentException("country code '" + countryCode
                    + "' is not two upper-case letters (ISO 3166-1 alpha-2)");
        }
        checkCoordinates(latitude, longitude);
        if (accuracyRadiusKm < 0) {
            throw new IllegalArgumentException("accuracy radius " + accuracyRadiusKm + " km is negative");
        }
        city = blankToNull(city);
        region = blankToNull(region);
        countryName = blankToNull(countryName);
    }

    /**
     * Creates a geolocation whose source gives no accuracy radius: the point is taken as exact.
     *
     * @param city the city, or null
     * @param region the first-level subdivision, or null
     * @param countryCode the upper-case ISO 3166-1 alpha-2 country code
     * @param countryName the country's name, or null
     * @param latitude degrees north, -90 to 90
     * @param longitude degrees east, -180 to 180
     * @throws IllegalArgumentException if the country code is not two upper-case letters or a coordinate is out of
     *     range or not a number
     * @throws NullPointerException if {@code countryCode} is null
     */
    public Geolocation(String city, String region, String countryCode, String countryName, double latitude,
            double longitude) {
        this(city, region, countryCode, countryName, latitude, longitude, 0);
    }

    static void checkCoordinates(double latitude, double longitude) {
        if (!(latitude >= -90 && latitude <= 90)) { // also refuses NaN
            throw new IllegalArgumentException("latitude " + latitude + " is not in [-90, 90] degrees");
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude " + longitude + " is not in [-180, 180] degrees");
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * Returns the 0.1-degree grid cell of this place, the key by which geolocations count as one.
     *
     * @return the cell
     */
    public GeoCell cell() {
        return GeoCell.of(latitude, longitude);
    }

    /**
     * Returns a short name for people: city, region and country code, those that are known, {@code "Ashburn,
     * Virginia, US"}, {@code "Virginia, US"}; with neither city nor region, the country's name and code,
     * {@code "United States (US)"}, or the code alone.
     *
     * @return the label
     */
    public String label() {
        if (city == null && region == null) {
            return countryName == null ? countryCode : countryName + " (" + countryCode + ")";
        }
        return (city == null ? "" : city + ", ") + (region == null ? "" : region + ", ") + countryCode;
    }
}
