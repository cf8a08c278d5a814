/**
 * The threat-intelligence seam: {@link io.github.detective4j.intel.ThreatIntel} tells whether an IP address is
 * flagged and why ({@link io.github.detective4j.intel.ThreatMatch}), for an investigation's
 * {@code FLAGGED_IP_ADDRESS} indicators; {@link io.github.detective4j.intel.ThreatIntelList} reads plain-text lists
 * of addresses and CIDR networks; {@link io.github.detective4j.intel.IpNetwork} is CIDR notation as a value.
 */
package io.github.detective4j.intel;
