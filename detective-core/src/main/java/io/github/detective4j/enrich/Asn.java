package io.github.detective4j.enrich;

/**
 * Placeholder.
 *
 * @param number the AS number
 * @param organization the organization
 */
public record Asn(long number, String organization) {
}
