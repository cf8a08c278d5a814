package io.github.detective4j.behavior;

import io.github.detective4j.enrich.GeoCell;
import io.github.detective4j.enrich.Geolocation;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.text.TextTable;
import java.util.List;

/**
 * A geolocation the entity's calls came from in the baseline: where it is known to work from, what a
 * {@link NewGeolocation} is new against. One 0.1-degree cell, as new geolocations are keyed.
 *
 * <pre>{@code
 * graph.newBehavior(admin, scope).knownGeolocations();   // Tokyo, JP: where the admin called from before
 * }</pre>
 *
 * @param cell the 0.1-degree cell
 * @param location where it is: the location of the first address seen there, by address order
 * @param ipAddresses the addresses seen there in the baseline, in order
 * @param success successful calls from there in the baseline
 * @param failure failed calls from there in the baseline
 */
public record KnownGeolocation(GeoCell cell, Geolocation location, List<EntityRef> ipAddresses, long success,
        long failure) {
    /**
     * Creates the observation.
     *
     * @param cell the cell
     * @param location the location
     * @param ipAddresses the addresses
     * @param success successful calls
     * @param failure failed calls
     */
    public KnownGeolocation {
        ipAddresses = List.copyOf(ipAddresses);
    }

    /**
     * Returns the record's fields, strings from logs escaped ({@link TextTable#escape}).
     *
     * @return the text
     */
    @Override
    public String toString() {
        return TextTable.describe(this);
    }
}
