package io.github.detective4j.behavior;

import io.github.detective4j.enrich.Asn;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.text.TextTable;
import java.time.Instant;
import java.util.List;

/**
 * An autonomous system organization (ASO) the entity's calls came from in the scope, and not in the baseline.
 * Calls from an ASO always come from IP addresses, so they are all external; calls AWS services made for the entity
 * have no address and no ASO.
 *
 * @param asn the autonomous system
 * @param ipAddresses the addresses of it seen in the scope, in order
 * @param success successful calls from it in the scope
 * @param failure failed calls from it in the scope
 * @param firstObserved the start of the first hour of the scope with a call from it, UTC
 * @param newForAccount true when nobody in the entity's account called from it in the baseline either
 */
public record NewAso(Asn asn, List<EntityRef> ipAddresses, long success, long failure, Instant firstObserved,
        boolean newForAccount) {
    /**
     * Creates the observation.
     *
     * @param asn the autonomous system
     * @param ipAddresses the addresses
     * @param success successful calls
     * @param failure failed calls
     * @param firstObserved the first hour
     * @param newForAccount whether it is new for the account
     */
    public NewAso {
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
