package io.github.detective4j.enrich;

/**
 * Placeholder.
 *
 * @param latitudeTenths latitude in tenths
 * @param longitudeTenths longitude in tenths
 */
public record GeoCell(int latitudeTenths, int longitudeTenths) {
}
