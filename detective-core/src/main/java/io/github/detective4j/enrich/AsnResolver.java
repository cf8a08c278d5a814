package io.github.detective4j.enrich;

import java.util.Objects;
import java.util.Optional;

/**
 * Tells which autonomous system an IP address belongs to. The seam through which a behavior graph finds the ASOs
 * of the addresses it sees, for newly observed ASOs; {@link MaxMindGeo} reads MaxMind ASN and ISP databases,
 * {@link GeoTable} a table of networks, and any other source plugs in as a lambda or a class of its own.
 *
 * <p>The contract is {@link GeoLocator}'s: {@link #resolve} takes any text and never throws; text that is not an IP
 * literal, the special addresses the {@linkplain io.github.detective4j.enrich package documentation} lists and
 * addresses the source does not know give {@link Optional#empty()}; it is safe to call from many threads at once.
 *
 * <pre>{@code
 * AsnResolver asns = AsnResolver.cached(MaxMindGeo.open(Path.of("GeoLite2-ASN.mmdb")), 100_000);
 * asns.resolve("1.0.0.1");   // Optional[AS15169 Google Inc.]
 * }</pre>
 */
@FunctionalInterface
public interface AsnResolver {
    /**
     * Returns the autonomous system of an IP address.
     *
     * @param ipAddress an IPv4 or IPv6 literal, preferably canonical; any text or null is answered, never thrown at
     * @return the AS, or empty when the address is not a literal, is special or is unknown
     */
    Optional<Asn> resolve(String ipAddress);

    /**
     * Returns a resolver that knows no address, for graphs without ASN enrichment.
     *
     * @return a resolver that always answers empty
     */
    static AsnResolver none() {
        return ipAddress -> Optional.empty();
    }

    /**
     * Returns a resolver that remembers the answers of another, as {@link GeoLocator#cached} does: thread-safe, at
     * most {@code maxEntries} addresses, empty answers remembered too, one question to the delegate per address
     * while it holds the answer, special addresses and non-literals answered empty without asking.
     *
     * @param delegate the resolver to ask on a miss
     * @param maxEntries the most addresses to remember, at least 1
     * @return the caching resolver
     * @throws IllegalArgumentException if {@code maxEntries} is less than 1
     * @throws NullPointerException if {@code delegate} is null
     */
    static AsnResolver cached(AsnResolver delegate, long maxEntries) {
        Objects.requireNonNull(delegate, "delegate");
        return new CachedLookup<>(delegate::resolve, maxEntries)::get;
    }
}
