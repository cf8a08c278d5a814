package io.github.detective4j.profile;

import java.time.Instant;

/**
 * Distinct values seen in one hour of VPC traffic: ports on each side and peers by direction.
 *
 * @param hour the start of the hour, UTC
 * @param localPorts distinct ports on the profiled entity's side
 * @param remotePorts distinct ports on the peers' side
 * @param inboundPeers distinct peers that sent traffic to the profiled entity
 * @param outboundPeers distinct peers the profiled entity sent traffic to
 */
public record HourlyDistinct(Instant hour, int localPorts, int remotePorts, int inboundPeers, int outboundPeers) {
}
