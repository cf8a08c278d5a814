package io.github.detective4j.enrich;

/**
 * An autonomous system: the network an IP address is announced from, with the organization that runs it (the
 * "ASO" of Amazon Detective's newly observed ASOs). Immutable.
 *
 * @param number the AS number, 0 to 4294967295 (32-bit, RFC 6793)
 * @param organization the organization's name, or null when the source does not give it; blank is taken as absent
 */
public record Asn(long number, String organization) {
    /**
     * Creates an autonomous system.
     *
     * @param number the AS number, 0 to 4294967295
     * @param organization the organization, or null
     * @throws IllegalArgumentException if the number is out of range
     */
    public Asn {
        if (number < 0 || number > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("AS number " + number + " is not in [0, 4294967295]");
        }
        organization = Geolocation.blankToNull(organization);
    }

    /**
     * Returns the AS as people write it: {@code AS15169 Google LLC}, or {@code AS15169} without an organization.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "AS" + number + (organization == null ? "" : " " + organization);
    }
}
