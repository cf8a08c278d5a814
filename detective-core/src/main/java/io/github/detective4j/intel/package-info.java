/**
 * The threat-intelligence seam: {@link io.github.detective4j.intel.ThreatIntel} tells whether an IP address is
 * flagged and why ({@link io.github.detective4j.intel.ThreatMatch}), for an investigation's
 * {@code FLAGGED_IP_ADDRESS} indicators; {@link io.github.detective4j.intel.ThreatIntelList} reads plain-text lists
 * of addresses and CIDR networks, each read as an {@link io.github.detective4j.model.IpNetwork}.
 */
package io.github.detective4j.intel;
