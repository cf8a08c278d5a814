package io.github.detective4j.behavior;

import io.github.detective4j.enrich.GeoCell;
import io.github.detective4j.enrich.Geolocation;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.text.TextTable;
import java.time.Instant;
import java.util.List;

/**
 * A geolocation the entity's calls came from in the scope, and not in the baseline: one 0.1-degree cell of
 * latitude and longitude, as Amazon Detective keys them.
 *
 * @param cell the 0.1-degree cell
 * @param location where it is: the location of the first address seen there, by address order
 * @param ipAddresses the addresses seen there in the scope, in order
 * @param success successful calls from there in the scope
 * @param failure failed calls from there in the scope
 * @param firstObserved the start of the first hour of the scope with a call from there, UTC
 * @param newForAccount true when nobody in the entity's account called from there in the baseline either
 */
public record NewGeolocation(GeoCell cell, Geolocation location, List<EntityRef> ipAddresses, long success,
        long failure, Instant firstObserved, boolean newForAccount) {
    /**
     * Creates the observation.
     *
     * @param cell the cell
     * @param location the location
     * @param ipAddresses the addresses
     * @param success successful calls
     * @param failure failed calls
     * @param firstObserved the first hour
     * @param newForAccount whether it is new for the account
     */
    public NewGeolocation {
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
