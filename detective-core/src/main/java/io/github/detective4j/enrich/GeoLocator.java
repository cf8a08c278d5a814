package io.github.detective4j.enrich;

import java.util.Objects;
import java.util.Optional;

/**
 * Tells where an IP address is. The seam through which a behavior graph places the addresses it sees, for
 * newly observed geolocations and impossible travel; {@link MaxMindGeo} reads MaxMind GeoIP2/GeoLite2 databases,
 * {@link GeoTable} a table of networks, and any other source (an IP intelligence service, say) plugs in as a
 * lambda or a class of its own.
 *
 * <p>The contract, which every implementation here keeps and users' implementations must keep:
 * <ul>
 *   <li>{@link #locate} takes any text, canonical address text ({@code io.github.detective4j.model.IpAddresses})
 *       or any other literal form, and never throws: text that is not an IP literal, addresses that never have a
 *       place (private, loopback, link-local, AWS-internal and the other special ranges the
 *       {@linkplain io.github.detective4j.enrich package documentation} lists) and addresses the source does not
 *       know all give {@link Optional#empty()}.
 *   <li>It is safe to call from many threads at once.
 * </ul>
 *
 * <pre>{@code
 * GeoLocator geo = GeoLocator.cached(MaxMindGeo.open(Path.of("GeoLite2-City.mmdb")), 100_000);
 * GeoLocator mine = ip -> ip.startsWith("203.0.114.") ? Optional.of(ashburn) : Optional.empty();
 * }</pre>
 */
@FunctionalInterface
public interface GeoLocator {
    /**
     * Returns where an IP address is.
     *
     * @param ipAddress an IPv4 or IPv6 literal, preferably canonical; any text or null is answered, never thrown at
     * @return the place, or empty when the address is not a literal, is special or is unknown
     */
    Optional<Geolocation> locate(String ipAddress);

    /**
     * Returns a locator that knows no address, for graphs without geolocation.
     *
     * @return a locator that always answers empty
     */
    static GeoLocator none() {
        return ipAddress -> Optional.empty();
    }

    /**
     * Returns a locator that remembers the answers of another, empty answers too, for sources that are slow or far
     * (a service over the network). It is thread-safe and holds at most {@code maxEntries} addresses, evicting
     * those not asked for recently. It asks the delegate with canonical address text, once per address while it holds
     * the answer, even when many threads ask for that address at once; text that is not an IP literal and special
     * addresses are answered empty without asking. What the delegate throws is thrown on, and not remembered.
     *
     * @param delegate the locator to ask on a miss
     * @param maxEntries the most addresses to remember, at least 1
     * @return the caching locator
     * @throws IllegalArgumentException if {@code maxEntries} is less than 1
     * @throws NullPointerException if {@code delegate} is null
     */
    static GeoLocator cached(GeoLocator delegate, long maxEntries) {
        Objects.requireNonNull(delegate, "delegate");
        return new CachedLookup<>(delegate::locate, maxEntries)::get;
    }
}
