package io.github.detective4j.enrich;

import java.util.Optional;

/** Placeholder of the enrichment seam, replaced by the enrichment branch. */
public interface AsnResolver {
    /**
     * Resolves an address.
     *
     * @param ipAddress an IP literal
     * @return the AS, or empty
     */
    Optional<Asn> resolve(String ipAddress);

    /**
     * A resolver that knows nothing.
     *
     * @return the resolver
     */
    static AsnResolver none() {
        return ip -> Optional.empty();
    }
}
