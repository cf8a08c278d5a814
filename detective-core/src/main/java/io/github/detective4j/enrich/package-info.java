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
 * number of their own: those that are not {@linkplain io.github.detective4j.model.IpAddresses#isGlobal global}.
 * They are private-use, carrier-grade NAT, loopback, link-local (with the AWS-internal EC2 instance metadata
 * {@code 169.254.169.254}, Amazon DNS {@code 169.254.169.253} and Amazon Time Sync {@code 169.254.169.123}, and
 * {@code fd00:ec2::254}, {@code ::253} and {@code ::123}), unique-local, documentation, benchmarking, multicast,
 * reserved and the like, and the IPv6 addresses that carry such an IPv4 address (6to4, Teredo, NAT64);
 * {@link io.github.detective4j.model.IpAddresses#specialRange(String)} lists every range. An IPv4-mapped address
 * ({@code ::ffff:10.0.0.1}) is the IPv4 address it maps. Addresses are read as
 * {@link io.github.detective4j.model.IpAddresses} reads them, never through DNS.
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
