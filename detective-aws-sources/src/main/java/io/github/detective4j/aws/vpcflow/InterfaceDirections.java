package io.github.detective4j.aws.vpcflow;

import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.IpAddresses;
import io.github.detective4j.model.NetworkFlow;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Tells which side of a flow record is the network interface's own address, learning the interfaces' addresses
 * from the records of one input, in bounded memory. The rule is documented on {@link FlowLogFormat}; in short, from
 * the surest to the least sure:
 * <ol>
 *   <li>{@code flow-direction}, when the record has it;
 *   <li>{@code pkt-srcaddr}/{@code pkt-dstaddr}: AWS writes the interface's primary private address in
 *       {@code srcaddr} (or {@code dstaddr}) when the packet's own source (destination) is another one, so a
 *       {@code pkt-*} field that differs from its plain field marks the plain one as the interface's;
 *   <li>the interface's address learned from its records: it is on one side of every record of that interface, so
 *       per interface and address family the addresses present in every record so far are kept (two at most, and
 *       one as soon as the interface has talked to two peers). That holds for an interface with one address; a
 *       record with neither kept address shows that it has several (secondary IPv4 addresses, IPv6 addresses or
 *       prefixes, as Kubernetes pods get), where an address in every record may be a peer they all talk to, so the
 *       family learns no more this way;
 *   <li>a hint: for IPv4, the interface's side is always its private address, so when exactly one side is in
 *       10/8, 172.16/12, 192.168/16 or 100.64/10 that side is the interface's.
 * </ol>
 * A record that none of these decide is held back, up to a bound, until its interface's address is learned; what is
 * still undecided when the bound is reached or the input ends goes out as {@link FlowDirection#UNKNOWN}, with
 * {@code srcaddr} as the local side. Held records go out later than their neighbours, never lost or duplicated.
 * Not thread-safe: one per input.
 */
final class InterfaceDirections {
    /** What to do with a record. */
    enum Decision {
        /** The interface sent it: local is {@code srcaddr}. */
        OUTBOUND,
        /** The interface received it: local is {@code dstaddr}. */
        INBOUND,
        /** Undecided: hand the record to {@link #hold}. */
        HOLD,
        /** Undecidable: local is {@code srcaddr}. */
        UNKNOWN
    }

    /** What is known of one interface's own address in one address family. */
    private static final class Family {
        /** Addresses present in every record since learning started; {@code second} null when one is certain. */
        String first;
        String second;
        /**
         * Whether a record showed that the interface has several addresses in this family: then {@code first} is
         * only what certain evidence (a stated direction, a {@code pkt-*} field) taught, or null.
         */
        boolean several;
        /** Records held for this family, oldest first; none of them released. */
        final ArrayDeque<Held> held = new ArrayDeque<>(2);
    }

    private static final class Interface {
        final Family v4 = new Family();
        final Family v6 = new Family();
    }

    private static final class Held {
        final NetworkFlow flow;
        final Family family;
        boolean done;

        Held(NetworkFlow flow, Family family) {
            this.flow = flow;
            this.family = family;
        }
    }

    private final Map<String, Interface> interfaces;
    private final ArrayDeque<Held> queue = new ArrayDeque<>();
    private final int maxHeld;
    private final Consumer<NetworkFlow> emitter;
    private int heldCount;

    /**
     * @param maxInterfaces how many interfaces to remember at once; the least recently seen is forgotten first
     * @param maxHeld how many undecided records to hold back at once
     * @param emitter where held records go once decided
     */
    InterfaceDirections(int maxInterfaces, int maxHeld, Consumer<NetworkFlow> emitter) {
        this.maxHeld = maxHeld;
        this.emitter = emitter;
        this.interfaces = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Interface> eldest) {
                return size() > maxInterfaces;
            }
        };
    }

    /**
     * Decides a record's direction and learns from it.
     *
     * @param interfaceId the record's interface, or null
     * @param src canonical {@code srcaddr}
     * @param dst canonical {@code dstaddr}
     * @param stated {@code flow-direction}, or null
     * @param pktSrc canonical {@code pkt-srcaddr}, or null
     * @param pktDst canonical {@code pkt-dstaddr}, or null
     */
    Decision decide(String interfaceId, String src, String dst, FlowDirection stated, String pktSrc, String pktDst) {
        boolean v6 = IpAddresses.isIpv6(src);
        if (src.equals(dst) || v6 != IpAddresses.isIpv6(dst)) {
            return stated == null ? Decision.UNKNOWN : decided(stated); // nothing to learn from
        }
        Family family = null;
        if (interfaceId != null) {
            Interface known = interfaces.get(interfaceId);
            if (known == null) {
                known = new Interface();
                interfaces.put(interfaceId, known);
            }
            family = v6 ? known.v6 : known.v4;
        }
        String own = null;
        if (stated != null) {
            own = stated == FlowDirection.INBOUND ? dst : src;
        } else {
            boolean srcStandsIn = pktSrc != null && !pktSrc.equals(src);
            boolean dstStandsIn = pktDst != null && !pktDst.equals(dst);
            if (srcStandsIn != dstStandsIn) { // both differing would contradict itself: no evidence then
                own = srcStandsIn ? src : dst;
            }
        }
        if (own != null) {
            if (family != null) {
                learn(family, own);
            }
            return own.equals(src) ? Decision.OUTBOUND : Decision.INBOUND;
        }
        if (family != null) {
            Decision learned = intersect(family, src, dst);
            if (learned != null) {
                return learned;
            }
        }
        Decision hint = v6 ? null : privateSide(src, dst);
        if (hint != null) {
            return hint;
        }
        return family == null || family.several ? Decision.UNKNOWN : Decision.HOLD;
    }

    private static Decision decided(FlowDirection stated) {
        return stated == FlowDirection.INBOUND ? Decision.INBOUND : Decision.OUTBOUND;
    }

    /** Holds back a record that {@link #decide} answered {@link Decision#HOLD} for; it was built with UNKNOWN. */
    void hold(String interfaceId, NetworkFlow flow) {
        Interface known = interfaces.get(interfaceId);
        if (known == null) { // forgotten meanwhile: cannot happen between decide and hold, but stay safe
            emitter.accept(flow);
            return;
        }
        Held held = new Held(flow, IpAddresses.isIpv6(flow.localAddress()) ? known.v6 : known.v4);
        held.family.held.addLast(held);
        queue.addLast(held);
        heldCount++;
        if (queue.size() > 2 * maxHeld) {
            queue.removeIf(entry -> entry.done); // drop entries already released through their interface
        }
        while (heldCount > maxHeld) {
            releaseOldest();
        }
    }

    /** How many records are held for an interface now (both families); 0 for one not remembered. */
    int held(String interfaceId) {
        Interface known = interfaces.get(interfaceId);
        return known == null ? 0 : known.v4.held.size() + known.v6.held.size();
    }

    /** Lets out every record still held, as UNKNOWN: the input has ended. */
    void finish() {
        while (heldCount > 0) {
            releaseOldest();
        }
        queue.clear();
    }

    /**
     * Lets out the oldest record still held, as UNKNOWN. It is also the oldest its family holds, since a family's
     * records are released all at once or oldest first: taking it off the family's list keeps the list as short as
     * what is held, for an interface whose address is never learned (two instances that talk only to each other).
     */
    private void releaseOldest() {
        Held oldest;
        do {
            oldest = queue.pollFirst();
        } while (oldest.done);
        Held first = oldest.family.held.pollFirst();
        assert first == oldest;
        release(oldest, oldest.flow);
    }

    private void release(Held held, NetworkFlow flow) {
        held.done = true;
        heldCount--;
        emitter.accept(flow);
    }

    /** The interface's address is certain: keep it alone, and let out the records held for it. */
    private void learn(Family family, String own) {
        family.first = own;
        family.second = null;
        releaseHeld(family, own);
    }

    private Decision intersect(Family family, String src, String dst) {
        String a = family.first;
        String b = family.second;
        if (a == null) {
            if (!family.several) {
                family.first = src;
                family.second = dst;
            }
            return null;
        }
        boolean aIn = a.equals(src) || a.equals(dst);
        if (b == null) {
            if (aIn) {
                return a.equals(src) ? Decision.OUTBOUND : Decision.INBOUND;
            }
            if (!family.several) {
                several(family); // the kept address is not in this record: the interface has another one
            }
            return null;
        }
        boolean bIn = b.equals(src) || b.equals(dst);
        if (aIn && bIn) {
            return null; // the same two addresses again: still undecided
        }
        if (aIn || bIn) {
            String own = aIn ? a : b;
            learn(family, own);
            return own.equals(src) ? Decision.OUTBOUND : Decision.INBOUND;
        }
        several(family); // neither of the two: one address could not be missing from a record
        return null;
    }

    /**
     * The interface has several addresses in this family, so the one in every record may be a peer: what was learned
     * by intersection is dropped (a pair of pods' addresses talking to one database would teach the database), and
     * what was held for it goes out undecided.
     */
    private void several(Family family) {
        family.several = true;
        family.first = null;
        family.second = null;
        releaseHeld(family, null);
    }

    /** Lets out what a family holds, decided by the interface's address {@code own}, or undecided when null. */
    private void releaseHeld(Family family, String own) {
        if (family.held.isEmpty()) {
            return;
        }
        for (Held held : family.held) {
            if (held.done) {
                continue;
            }
            NetworkFlow flow = held.flow;
            if (own == null) {
                release(held, flow); // no address to decide by: stays unknown
            } else if (own.equals(flow.localAddress())) {
                release(held, orient(flow, FlowDirection.OUTBOUND));
            } else if (own.equals(flow.remoteAddress())) {
                release(held, orient(flow, FlowDirection.INBOUND));
            } else {
                release(held, flow); // held before the interface's address changed: stays unknown
            }
        }
        family.held.clear();
    }

    /** Rebuilds a flow built with UNKNOWN (local is srcaddr) for a decided direction. */
    static NetworkFlow orient(NetworkFlow f, FlowDirection direction) {
        boolean swap = direction == FlowDirection.INBOUND;
        return new NetworkFlow(f.version(), f.accountId(), f.interfaceId(), f.instanceId(), f.vpcId(), f.subnetId(),
                f.region(),
                swap ? f.remoteAddress() : f.localAddress(), swap ? f.remotePort() : f.localPort(),
                swap ? f.localAddress() : f.remoteAddress(), swap ? f.localPort() : f.remotePort(),
                f.protocol(), f.bytes(), f.packets(), f.start(), f.end(), f.action(), f.logStatus(), direction);
    }

    /** For IPv4: the interface's side is its private address, so a private side facing a public one is local. */
    private static Decision privateSide(String src, String dst) {
        boolean srcPrivate = isPrivateV4(src);
        boolean dstPrivate = isPrivateV4(dst);
        if (srcPrivate == dstPrivate) {
            return null;
        }
        return srcPrivate ? Decision.OUTBOUND : Decision.INBOUND;
    }

    /** 10/8, 172.16/12, 192.168/16 (RFC 1918) and 100.64/10 (RFC 6598, allowed as a VPC CIDR); canonical text. */
    static boolean isPrivateV4(String address) {
        int dot = address.indexOf('.');
        int dot2 = address.indexOf('.', dot + 1);
        if (dot < 0 || dot2 < 0) {
            return false;
        }
        int first = Integer.parseInt(address, 0, dot, 10);
        int second = Integer.parseInt(address, dot + 1, dot2, 10);
        return first == 10
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 100 && second >= 64 && second <= 127);
    }
}
