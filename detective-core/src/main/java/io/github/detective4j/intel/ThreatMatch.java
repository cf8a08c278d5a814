package io.github.detective4j.intel;

import java.util.Objects;

/**
 * Why threat intelligence flags an address: the listing that covers it.
 *
 * @param indicator the IP address or CIDR network listed that covers the address, in canonical form, such as
 *     {@code 203.0.113.0/24} or {@code 198.51.100.7}
 * @param reason why it is listed, as the list says it, or null when the list gives no reason; text of others,
 *     to be escaped when shown
 * @param source the list's name, such as its file name
 */
public record ThreatMatch(String indicator, String reason, String source) {
    /**
     * Creates a match.
     *
     * @param indicator the address or network listed
     * @param reason why it is listed, or null
     * @param source the list's name
     * @throws NullPointerException if the indicator or the source is null
     */
    public ThreatMatch {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(source, "source");
    }
}
