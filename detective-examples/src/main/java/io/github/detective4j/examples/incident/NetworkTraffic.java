package io.github.detective4j.examples.incident;

import io.github.detective4j.examples.incident.Cast.Host;
import io.github.detective4j.examples.incident.Cast.Job;
import io.github.detective4j.examples.incident.Facts.Place;
import io.github.detective4j.examples.incident.Facts.Traffic;
import java.time.Instant;
import java.util.List;

/**
 * The instances' traffic, hour by hour, as their interfaces record it: for every connection an egress record of
 * what the instance sent and an ingress record of what it received, both on the instance's interface; traffic
 * between two instances appears on both interfaces. Every record lies inside its hour.
 *
 * <p>Left out for brevity: the interfaces of the load balancer and the NAT gateway (their peers' records show the
 * same traffic), and DNS and instance metadata traffic, which flow logs do not record either.
 */
final class NetworkTraffic {
    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int SYN = 2;
    private static final int SYN_ACK = 18;
    /** The mining connection's records: one per ten-minute capture window, six an hour. */
    private static final int WINDOWS = 6;
    private static final int[] SCANNED_PORTS = {22, 23, 445, 1433, 3389, 5900, 6379, 8080, 2375, 9200};

    private final Cast cast;
    private final List<Traffic> mining;
    private final Dice dice;
    private final Host database;

    NetworkTraffic(Cast cast, List<Traffic> mining, Dice dice) {
        this.cast = cast;
        this.mining = mining;
        this.dice = dice;
        this.database = cast.hosts.stream().filter(host -> host.job() == Job.DATABASE).findFirst().orElseThrow();
    }

    /** Adds the records of the hour starting at {@code hour} to {@code out}. */
    void hour(Instant hour, List<FlowRecord> out) {
        long h = hour.getEpochSecond();
        double day = daytime(h);
        for (Host host : cast.hosts) {
            switch (host.job()) {
                case WEB -> web(host, database, h, day, out);
                case DATABASE -> database(host, h, out);
                case BATCH -> batch(host, h, out);
                case BASTION -> bastion(host, h, day, out);
                default -> { }
            }
            ntp(host, h, out);
        }
        if (!cast.miner.instance().launchedAt().isAfter(hour)) {
            ntp(cast.miner, h, out);
        }
        for (Traffic traffic : mining) {
            if (!hour.isBefore(traffic.firstHour()) && !hour.isAfter(traffic.lastHour())) {
                mine(traffic, h, out);
            }
        }
    }

    private void web(Host web, Host db, long h, double day, List<FlowRecord> out) {
        String ip = web.instance().privateIp();
        for (String alb : cast.albAddresses) { // kept-alive connections from the load balancer's interfaces
            long requests = Math.max(1, Math.round(dice.uniform(300, 600) * day));
            long in = requests * dice.between(380, 900);
            long[] w = window(h);
            int port = ephemeral();
            exchange(out, web, alb, 8080, port, TCP, false, in * dice.between(4, 9), in, w, "1", "-");
        }
        long queries = Math.max(1, Math.round(dice.uniform(800, 2000) * day));
        long sent = queries * dice.between(120, 400);
        long received = queries * dice.between(300, 2500);
        long[] w = window(h);
        int port = ephemeral();
        exchange(out, web, db.instance().privateIp(), port, 5432, TCP, true, sent, received, w, "1", "-");
        exchange(out, db, ip, 5432, port, TCP, false, received, sent, w, "1", "-");
        if (dice.chance(0.4)) {
            s3(web, h, dice.between(20_000, 400_000), dice.between(200_000, 4_000_000), out);
        }
        scanners(web, h, 1.2, out);
    }

    private void database(Host db, long h, List<FlowRecord> out) {
        if (h % 86400 == 18 * 3600) { // the nightly backup, 03:00 in Tokyo
            s3(db, h, dice.between(40_000_000, 60_000_000), dice.between(900_000, 1_500_000), out);
        }
    }

    private void batch(Host batch, long h, List<FlowRecord> out) {
        s3(batch, h, dice.between(200_000, 1_000_000), dice.between(2_000_000, 20_000_000), out);
    }

    private void bastion(Host bastion, long h, double day, List<FlowRecord> out) {
        long utcHour = (h % 86400) / 3600;
        boolean officeHours = utcHour <= 9 && day > 0.5;
        if (officeHours && dice.chance(0.35)) { // an SSH session from the Tokyo office
            long[] w = window(h);
            exchange(out, bastion, Cast.TOKYO_OFFICE.ip(), 22, ephemeral(), TCP, false,
                    dice.between(50_000, 500_000), dice.between(20_000, 200_000), w, internetPath(bastion), "-");
        }
        scanners(bastion, h, 2.0, out);
    }

    private void ntp(Host host, long h, List<FlowRecord> out) {
        long[] w = window(h);
        int packets = dice.between(1, 4);
        exchange(out, host, Cast.NTP.ip(), ephemeral(), 123, UDP, true, 76L * packets, 76L * packets, w,
                internetPath(host), "-");
    }

    private void s3(Host host, long h, long sent, long received, List<FlowRecord> out) {
        Place endpoint = dice.pick(Cast.S3_ENDPOINTS);
        long[] w = window(h);
        String path = internetPath(host);
        int port = ephemeral();
        String ip = host.instance().privateIp();
        out.add(record(host, ip, endpoint.ip(), port, 443, TCP, sent, w, true, SYN | 1, true, path, "-", "S3"));
        out.add(record(host, endpoint.ip(), ip, 443, port, TCP, received, w, true, SYN_ACK | 1, false, "-", "S3",
                "-"));
    }

    /** Internet-wide scanners knocking on closed ports: rejected, one packet each. */
    private void scanners(Host host, long h, double perHour, List<FlowRecord> out) {
        int knocks = dice.poisson(perHour);
        for (int i = 0; i < knocks; i++) {
            String scanner = dice.pick(Cast.SCANNER_PREFIXES) + dice.between(1, 254);
            int port = SCANNED_PORTS[dice.below(SCANNED_PORTS.length)];
            long start = h + dice.between(0, 3590);
            out.add(new FlowRecord(host, scanner, host.instance().privateIp(), ephemeral(), port, TCP, 1,
                    dice.between(40, 60), start, start, false, SYN, false, "-", "-", "-"));
        }
    }

    /** The Bitcoin connection: exact hourly totals split over six capture windows. */
    private void mine(Traffic traffic, long h, List<FlowRecord> out) {
        Host host = traffic.instanceId().equals(cast.miner.id()) ? cast.miner : cast.otherMiner();
        String ip = host.instance().privateIp();
        long[] in = dice.split(traffic.bytesInPerHour(), WINDOWS, traffic.bytesInPerHour() / (4 * WINDOWS));
        long[] sent = dice.split(traffic.bytesOutPerHour(), WINDOWS, traffic.bytesOutPerHour() / (4 * WINDOWS));
        boolean opening = h == traffic.firstHour().getEpochSecond();
        String path = internetPath(host);
        for (int k = 0; k < WINDOWS; k++) {
            long[] w = {h + 600L * k, h + 600L * k + 599};
            boolean first = opening && k == 0;
            out.add(record(host, ip, traffic.remoteIp(), traffic.localPort(), traffic.remotePort(), TCP, sent[k], w,
                    true, first ? SYN : 0, true, path, "-", "-"));
            out.add(record(host, traffic.remoteIp(), ip, traffic.remotePort(), traffic.localPort(), TCP, in[k], w,
                    true, first ? SYN_ACK : 0, false, "-", "-", "-"));
        }
    }

    /** A connection's two records on {@code host}'s interface: what it sent, what it received. */
    private void exchange(List<FlowRecord> out, Host host, String peer, int localPort, int remotePort, int protocol,
            boolean initiated, long sent, long received, long[] w, String path, String peerService) {
        int sentFlags = protocol == TCP ? (initiated ? SYN : SYN_ACK) | 1 : 0;
        int receivedFlags = protocol == TCP ? (initiated ? SYN_ACK : SYN) | 1 : 0;
        exchange(out, host, peer, localPort, remotePort, protocol, sent, received, w, path, peerService, sentFlags,
                receivedFlags);
    }

    private void exchange(List<FlowRecord> out, Host host, String peer, int localPort, int remotePort, int protocol,
            long sent, long received, long[] w, String path, String peerService, int sentFlags, int receivedFlags) {
        String ip = host.instance().privateIp();
        out.add(record(host, ip, peer, localPort, remotePort, protocol, sent, w, true, sentFlags, true, path, "-",
                peerService));
        out.add(record(host, peer, ip, remotePort, localPort, protocol, received, w, true, receivedFlags, false, "-",
                peerService, "-"));
    }

    private FlowRecord record(Host host, String src, String dst, int srcPort, int dstPort, int protocol, long bytes,
            long[] w, boolean accepted, int flags, boolean egress, String path, String srcService,
            String dstService) {
        long packets = Math.max(1, bytes / dice.between(protocol == UDP ? 76 : 90, protocol == UDP ? 76 : 1400));
        return new FlowRecord(host, src, dst, srcPort, dstPort, protocol, packets, bytes, w[0], w[1], accepted, flags,
                egress, path, srcService, dstService);
    }

    /** A capture window of at most ten minutes inside the hour. */
    private long[] window(long h) {
        long start = h + dice.between(0, 2990);
        return new long[] {start, start + dice.between(30, 599)};
    }

    private int ephemeral() {
        return dice.between(32768, 60999);
    }

    /**
     * {@code traffic-path} of egress to the internet: 8 through the internet gateway from Nitro instances, 2 from
     * older (Xen) ones, 1 from the private subnet, whose traffic goes through the NAT gateway in the VPC.
     */
    private String internetPath(Host host) {
        if (host.instance().subnetId().equals(cast.privateSubnet)) {
            return "1";
        }
        return host.instance().type().startsWith("t2.") ? "2" : "8";
    }

    /** How busy the Tokyo-based business is at this hour: 0.25 at night, 1.0 in the afternoon. */
    private static double daytime(long h) {
        int jst = (int) ((h % 86400) / 3600 + 9) % 24;
        if (jst < 7) {
            return 0.25;
        }
        return 0.25 + 0.75 * Math.max(0, StrictMath.sin(Math.PI * (jst - 7) / 16.0));
    }
}
