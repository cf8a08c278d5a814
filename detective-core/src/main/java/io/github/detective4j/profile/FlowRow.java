package io.github.detective4j.profile;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.text.TextTable;

/**
 * One row of a VPC flow drill-down: the traffic over the scope between the profiled entity and one peer on one pair
 * of ports and one protocol, both directions in one row, seen from the profiled entity (for an instance: local is the
 * instance's side; for an IP address: local is that address's side).
 *
 * @param peer the other end: an IP address for an instance's rows, an instance for an IP address's rows; null for the
 *     row that sums the traffic beyond the drill-down cap
 * @param localPort the port on the profiled entity's side, 0 for protocols without ports
 * @param remotePort the port on the peer's side
 * @param protocol the IANA protocol number: 6 TCP, 17 UDP, 1 ICMP
 * @param bytesIn bytes received by the profiled entity
 * @param bytesOut bytes sent by the profiled entity
 * @param packetsIn packets received
 * @param packetsOut packets sent
 * @param accepted flow records accepted
 * @param rejected flow records rejected
 */
public record FlowRow(EntityRef peer, int localPort, int remotePort, int protocol, long bytesIn, long bytesOut,
        long packetsIn, long packetsOut, long accepted, long rejected) {
    /**
     * Returns the bytes both ways.
     *
     * @return {@code bytesIn + bytesOut}
     */
    public long bytes() {
        return bytesIn + bytesOut;
    }

    /**
     * Returns the record's fields, strings from logs escaped ({@link TextTable#escape}).
     *
     * @return the text
     */
    @Override
    public String toString() {
        return TextTable.describe(this);
    }
}
