package io.github.detective4j.profile;

import java.time.Instant;

/**
 * VPC traffic in one hour, seen from the entity whose panel it is in: bytes in are bytes that entity received. A flow
 * record counts in the hour its capture window starts.
 *
 * @param hour the start of the hour, UTC
 * @param bytesIn bytes received
 * @param bytesOut bytes sent
 * @param packetsIn packets received
 * @param packetsOut packets sent
 * @param accepted flow records whose traffic was accepted
 * @param rejected flow records whose traffic was rejected
 */
public record HourlyTraffic(Instant hour, long bytesIn, long bytesOut, long packetsIn, long packetsOut,
        long accepted, long rejected) {
    /**
     * Tells whether the hour had any flow record.
     *
     * @return true if a record was accepted or rejected
     */
    public boolean active() {
        return accepted + rejected > 0;
    }
}
