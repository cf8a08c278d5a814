/**
 * Enrichment of IP addresses: where they are ({@link io.github.detective4j.enrich.GeoLocator}, answering a
 * {@link io.github.detective4j.enrich.Geolocation}) and which autonomous system announces them
 * ({@link io.github.detective4j.enrich.AsnResolver}, answering an {@link io.github.detective4j.enrich.Asn}), for
 * Amazon Detective's newly observed geolocations and ASOs and for impossible travel.
 *
 * <h2>The seam</h2>
 * Both are interfaces of one method, so a source of your own plugs in as a lambda or a class: an IP intelligence
 * service, a database of your company's egress addresses, a fixed answer in a test. Two come with the library:
 * <ul>
 *   <li>{@link io.github.detective4j.enrich.MaxMindGeo} reads MaxMind GeoIP2/GeoLite2 {@code .mmdb} databases
 *       (City or Enterprise for places, ASN or ISP for AS numbers);
 *   <li>{@link io.github.detective4j.enrich.GeoTable} is a small table of networks to places and AS numbers, from
 *       CSV or a builder, for tests, the demo and IP intelligence you keep yourself.
 * </ul>
 * {@link io.github.detective4j.enrich.GeoLocator#cached} and {@link io.github.detective4j.enrich.AsnResolver#cached}
 * put a bounded, thread-safe cache of answers in front of any of them; {@code none()} answers nothing.
 *
 * <pre>{@code
 * GeoLocator geo = GeoLocator.cached(MaxMindGeo.open(Path.of("GeoLite2-City.mmdb")), 100_000);
 * geo.locate("81.2.69.142").map(Geolocation::label);   // Optional[London, England, GB]
 * geo.locate("81.2.69.142").map(Geolocation::cell);    // Optional[51.5,-0.1]
 * }</pre>
 *
 * <h2>The contract</h2>
 * A lookup takes any text and never throws: an answer, or {@link java.util.Optional#empty()} for text that is not an
 * IP literal, for an address the source does not know, and for the addresses that never have a place or an AS
 * number of their own. Those are, for IPv4:
 * {@code 0.0.0.0/8} (this network, with the unspecified {@code 0.0.0.0}), {@code 10.0.0.0/8},
 * {@code 172.16.0.0/12} and {@code 192.168.0.0/16} (private-use), {@code 100.64.0.0/10} (carrier-grade NAT),
 * {@code 127.0.0.0/8} (loopback), {@code 169.254.0.0/16} (link-local, with the AWS-internal EC2 instance metadata
 * {@code 169.254.169.254}, Amazon DNS {@code 169.254.169.253} and Amazon Time Sync {@code 169.254.169.123}),
 * {@code 192.0.0.0/24} (IETF protocol assignments), {@code 192.0.2.0/24}, {@code 198.51.100.0/24} and
 * {@code 203.0.113.0/24} (documentation, TEST-NET-1 to 3), {@code 198.18.0.0/15} (benchmarking),
 * {@code 224.0.0.0/4} (multicast), {@code 240.0.0.0/4} (reserved) and {@code 255.255.255.255} (broadcast); for IPv6:
 * {@code ::/96} (IPv4-compatible, deprecated, with the unspecified {@code ::} and loopback {@code ::1}),
 * {@code 64:ff9b:1::/48} (local-use translation), {@code 100::/64} (discard-only), {@code 2001:2::/48}
 * (benchmarking), {@code 2001:db8::/32} and {@code 3fff::/20} (documentation), {@code fc00::/7} (unique local, with
 * the AWS-internal {@code fd00:ec2::254}, {@code fd00:ec2::253} and {@code fd00:ec2::123}), {@code fe80::/10}
 * (link-local), {@code fec0::/10} (site-local, deprecated) and {@code ff00::/8} (multicast); and the IPv6 addresses
 * that carry one of those IPv4 addresses: 6to4 ({@code 2002::/16}), Teredo ({@code 2001::/32}, server or client) and
 * NAT64 ({@code 64:ff9b::/96}). An IPv4-mapped address ({@code ::ffff:10.0.0.1}) is the IPv4 address it maps.
 * Addresses are read as {@link io.github.detective4j.model.IpAddresses} reads them, never through DNS.
 *
 * <h2>Threads</h2>
 * Every implementation here is safe to use from any number of threads at once, and one of your own must be too:
 * a behavior graph calls it from the threads that ingest and query.
 *
 * <h2>Units</h2>
 * Latitude and longitude are decimal degrees on WGS84 (GPS coordinates), north and east positive. Geolocations are
 * keyed by their {@link io.github.detective4j.enrich.GeoCell}, the 0.1-degree cell Amazon Detective uses; AS numbers
 * are 32-bit, 0 to 4294967295.
 */
package io.github.detective4j.enrich;
