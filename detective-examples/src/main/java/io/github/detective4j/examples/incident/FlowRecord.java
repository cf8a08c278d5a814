package io.github.detective4j.examples.incident;

import io.github.detective4j.examples.incident.Cast.Host;
import io.github.detective4j.examples.incident.Facts.Instance;

/**
 * One VPC flow log record of an instance's interface, as a line of {@link #HEADER}'s fields.
 *
 * @param host the instance whose interface recorded it
 * @param src {@code srcaddr}
 * @param dst {@code dstaddr}
 * @param srcPort {@code srcport}
 * @param dstPort {@code dstport}
 * @param protocol {@code protocol}
 * @param packets {@code packets}
 * @param bytes {@code bytes}
 * @param start {@code start}, epoch seconds
 * @param end {@code end}, epoch seconds
 * @param accepted {@code action} ACCEPT, else REJECT
 * @param tcpFlags {@code tcp-flags}
 * @param egress {@code flow-direction} egress, else ingress
 * @param trafficPath {@code traffic-path}, or "-"
 * @param srcService {@code pkt-src-aws-service}, or "-"
 * @param dstService {@code pkt-dst-aws-service}, or "-"
 */
record FlowRecord(Host host, String src, String dst, int srcPort, int dstPort, int protocol, long packets, long bytes,
        long start, long end, boolean accepted, int tcpFlags, boolean egress, String trafficPath, String srcService,
        String dstService) {

    /** The flow log's custom format: every version 2 field, the version 3 to 5 fields a behavior graph uses. */
    static final String HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets"
            + " bytes start end action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr"
            + " region az-id pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path";

    String line() {
        Instance instance = host.instance();
        return "5 " + Cast.ACCOUNT + " " + instance.interfaceId() + " " + src + " " + dst + " " + srcPort + " "
                + dstPort + " " + protocol + " " + packets + " " + bytes + " " + start + " " + end + " "
                + (accepted ? "ACCEPT" : "REJECT") + " OK " + instance.vpcId() + " " + instance.subnetId() + " "
                + instance.id() + " " + tcpFlags + " IPv4 " + src + " " + dst + " " + Cast.REGION + " "
                + (host.availabilityZone().endsWith("a") ? "use1-az1" : "use1-az2") + " " + srcService + " "
                + dstService + " " + (egress ? "egress" : "ingress") + " " + trafficPath;
    }
}
