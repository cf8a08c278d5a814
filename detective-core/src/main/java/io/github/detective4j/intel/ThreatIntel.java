package io.github.detective4j.intel;

import java.util.Optional;

/**
 * The threat-intelligence seam: tells whether an IP address is flagged, and why. Investigations raise a
 * {@code FLAGGED_IP_ADDRESS} indicator for each address a lookup flags.
 *
 * <p>An implementation must never throw for any text, null included: an address that is not an IP literal, or
 * one it cannot judge, is simply not flagged. Implementations are thread-safe.
 *
 * <pre>{@code
 * ThreatIntel intel = ThreatIntelList.load(Path.of("blocklist.txt"));
 * intel.lookup("203.0.113.9");   // Optional[ThreatMatch[indicator=203.0.113.0/24, reason=scanner, source=blocklist.txt]]
 * ThreatIntel.none().lookup("203.0.113.9");   // Optional.empty
 * }</pre>
 */
public interface ThreatIntel {
    /**
     * Looks an address up.
     *
     * @param ipAddress an IP literal in any form; any other text, or null, is not flagged
     * @return the listing that flags the address, or empty
     */
    Optional<ThreatMatch> lookup(String ipAddress);

    /**
     * Returns threat intelligence that flags nothing.
     *
     * @return the empty seam
     */
    static ThreatIntel none() {
        return ipAddress -> Optional.empty();
    }
}
