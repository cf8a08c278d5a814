package io.github.detective4j.investigation;

import java.util.Objects;
import java.util.Set;

/**
 * When consecutive successful calls count as impossible travel (refused ones, a failed sign-in from anywhere, are
 * attempts, not travel): from two geolocations at least {@link #minDistanceKm()} apart
 * (great-circle distance on a sphere of the Earth's mean radius, 6,371.0088 km), faster than {@link #maxSpeedKmh()}
 * could cover, neither address in an excluded autonomous system (VPN and proxy egress networks users legitimately
 * hop between).
 *
 * <p>The graph keeps calls per hour, so the time between two calls is known to the hour: calls in hours {@code h1}
 * and {@code h2} are at most {@code h2 - h1 + 1} hours apart, and that longest time is what the speed is computed
 * with, so that a flag never rests on an assumed shorter time. Two places in one hour count as an hour apart.
 *
 * <p>Likewise for where: an address is anywhere within its geolocation's accuracy radius
 * ({@code Geolocation.accuracyRadiusKm}, MaxMind's {@code accuracy_radius}; 0, exact, when the source gives none),
 * so the distance judged, against both the minimum distance and the speed, is the distance between the two points
 * less both radii. A place known only to its country (no city, no region) never counts: its coordinates are the
 * country's centroid, which says nothing of where in the country the address is.
 *
 * @param maxSpeedKmh the fastest plausible travel, in km/h; default 900 (a passenger jet)
 * @param minDistanceKm the shortest distance that counts, in km: the great-circle distance less both places' accuracy
 *     radii; default 100 (geolocation is rarely more precise)
 * @param excludedAsns autonomous system numbers whose addresses never count
 */
public record ImpossibleTravelRule(double maxSpeedKmh, double minDistanceKm, Set<Long> excludedAsns) {
    /** 900 km/h, 100 km, nothing excluded. */
    public static final ImpossibleTravelRule DEFAULT = new ImpossibleTravelRule(900, 100, Set.of());

    /**
     * Creates a rule.
     *
     * @param maxSpeedKmh the fastest plausible travel, in km/h, positive
     * @param minDistanceKm the shortest distance that counts (less both accuracy radii), in km, zero or more
     * @param excludedAsns excluded autonomous system numbers
     * @throws IllegalArgumentException if a number is out of range
     */
    public ImpossibleTravelRule {
        if (!(maxSpeedKmh > 0) || Double.isInfinite(maxSpeedKmh)) {
            throw new IllegalArgumentException("max speed must be a positive number of km/h, was " + maxSpeedKmh);
        }
        if (!(minDistanceKm >= 0) || Double.isInfinite(minDistanceKm)) {
            throw new IllegalArgumentException("min distance must be 0 km or more, was " + minDistanceKm);
        }
        excludedAsns = Set.copyOf(Objects.requireNonNull(excludedAsns, "excluded ASNs"));
    }

    /**
     * Returns this rule with more excluded autonomous systems.
     *
     * @param asns AS numbers to exclude too
     * @return a new rule
     */
    public ImpossibleTravelRule excluding(Long... asns) {
        Set<Long> all = new java.util.HashSet<>(excludedAsns);
        all.addAll(java.util.List.of(asns));
        return new ImpossibleTravelRule(maxSpeedKmh, minDistanceKm, all);
    }

    /**
     * Returns the great-circle distance between two points (haversine).
     *
     * @param lat1 latitude of the first, degrees
     * @param lon1 longitude of the first, degrees
     * @param lat2 latitude of the second, degrees
     * @param lon2 longitude of the second, degrees
     * @return the distance in km
     */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
