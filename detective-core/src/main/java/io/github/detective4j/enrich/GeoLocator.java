package io.github.detective4j.enrich;

import java.util.Optional;

/** Placeholder of the enrichment seam, replaced by the enrichment branch. */
public interface GeoLocator {
    /**
     * Locates an address.
     *
     * @param ipAddress an IP literal
     * @return the location, or empty
     */
    Optional<Geolocation> locate(String ipAddress);

    /**
     * A locator that knows nothing.
     *
     * @return the locator
     */
    static GeoLocator none() {
        return ip -> Optional.empty();
    }
}
