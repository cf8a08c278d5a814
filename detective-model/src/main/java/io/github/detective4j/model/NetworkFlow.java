package io.github.detective4j.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One VPC flow log record: traffic between a network interface and one remote address during a capture window.
 *
 * <p>Sides are named from the interface: the <em>local</em> address is the interface's, the <em>remote</em> one is
 * the peer's, and {@link #direction()} says which way the traffic went. When the direction is
 * {@link FlowDirection#UNKNOWN}, local is the record's {@code srcaddr} and remote its {@code dstaddr}. Addresses are
 * in canonical form ({@link IpAddresses}). Only a record whose {@link #logStatus()} is {@link FlowLogStatus#OK}
 * carries traffic, and a behavior graph counts only those; the others, as AWS writes them and the readers give
 * them, have null addresses and action and zero counts (this constructor does not require it of records built by
 * hand).
 *
 * @param version the flow log record version ({@code version}), 2 to 8
 * @param accountId the account of the interface ({@code account-id}), or null
 * @param interfaceId the network interface ({@code interface-id}), such as {@code eni-1235b8ca123456789}, or null
 * @param instanceId the instance the interface is attached to ({@code instance-id}, version 3+), or null
 * @param vpcId the VPC ({@code vpc-id}, version 3+), or null
 * @param subnetId the subnet ({@code subnet-id}, version 3+), or null
 * @param region the region ({@code region}, version 4+), or null
 * @param localAddress the interface's address, or null without traffic
 * @param localPort the interface's port, 0 to 65535 (0 for protocols without ports)
 * @param remoteAddress the peer's address, or null without traffic
 * @param remotePort the peer's port, 0 to 65535
 * @param protocol the IANA protocol number ({@code protocol}): 6 TCP, 17 UDP, 1 ICMP
 * @param bytes bytes transferred in the window ({@code bytes})
 * @param packets packets transferred in the window ({@code packets})
 * @param start the start of the capture window ({@code start}), UTC, to the second
 * @param end the end of the capture window ({@code end}), UTC, not before {@code start}
 * @param action whether the traffic was accepted ({@code action}), or null without traffic
 * @param logStatus the record's logging status ({@code log-status})
 * @param direction which way the traffic went, seen from the interface
 */
public record NetworkFlow(
        int version,
        String accountId,
        String interfaceId,
        String instanceId,
        String vpcId,
        String subnetId,
        String region,
        String localAddress,
        int localPort,
        String remoteAddress,
        int remotePort,
        int protocol,
        long bytes,
        long packets,
        Instant start,
        Instant end,
        FlowAction action,
        FlowLogStatus logStatus,
        FlowDirection direction) implements SecurityEvent {
    /**
     * Returns the fields, every string {@linkplain SafeText#describe escaped}: they come from logs.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return SafeText.describe(this);
    }


    /** IANA protocol number of TCP. */
    public static final int TCP = 6;
    /** IANA protocol number of UDP. */
    public static final int UDP = 17;
    /** IANA protocol number of ICMP. */
    public static final int ICMP = 1;

    /**
     * Creates a flow record; blank strings become null and addresses are normalized.
     *
     * @param version the flow log record version ({@code version}), 2 to 8
     * @param accountId the account of the interface ({@code account-id}), or null
     * @param interfaceId the network interface ({@code interface-id}), such as {@code eni-1235b8ca123456789}, or null
     * @param instanceId the instance the interface is attached to ({@code instance-id}, version 3+), or null
     * @param vpcId the VPC ({@code vpc-id}, version 3+), or null
     * @param subnetId the subnet ({@code subnet-id}, version 3+), or null
     * @param region the region ({@code region}, version 4+), or null
     * @param localAddress the interface's address, or null without traffic
     * @param localPort the interface's port, 0 to 65535 (0 for protocols without ports)
     * @param remoteAddress the peer's address, or null without traffic
     * @param remotePort the peer's port, 0 to 65535
     * @param protocol the IANA protocol number ({@code protocol}): 6 TCP, 17 UDP, 1 ICMP
     * @param bytes bytes transferred in the window ({@code bytes})
     * @param packets packets transferred in the window ({@code packets})
     * @param start the start of the capture window ({@code start}), UTC, to the second
     * @param end the end of the capture window ({@code end}), UTC, not before {@code start}
     * @param action whether the traffic was accepted ({@code action}), or null without traffic
     * @param logStatus the record's logging status ({@code log-status})
     * @param direction which way the traffic went, seen from the interface
     * @throws IllegalArgumentException if a number is out of range, the window is inverted, an address is not an IP
     *     literal, or an {@code OK} record lacks its addresses or action
     */
    public NetworkFlow {
        Require.inRange(version, 2, 8, "flow log version");
        accountId = Require.accountId(Require.blankToNull(accountId), "account-id");
        interfaceId = Require.blankToNull(interfaceId);
        instanceId = Require.blankToNull(instanceId);
        vpcId = Require.blankToNull(vpcId);
        subnetId = Require.blankToNull(subnetId);
        region = Require.blankToNull(region);
        localAddress = Require.blankToNull(localAddress);
        remoteAddress = Require.blankToNull(remoteAddress);
        localAddress = localAddress == null ? null : IpAddresses.normalizeShared(localAddress);
        remoteAddress = remoteAddress == null ? null : IpAddresses.normalizeShared(remoteAddress);
        Require.inRange(localPort, 0, 65535, "local port");
        Require.inRange(remotePort, 0, 65535, "remote port");
        Require.inRange(protocol, 0, 255, "protocol");
        Require.nonNegative(bytes, "bytes");
        Require.nonNegative(packets, "packets");
        Require.nonNull(start, "start");
        Require.nonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("flow end " + end + " is before its start " + start);
        }
        Require.nonNull(logStatus, "log-status");
        Require.nonNull(direction, "direction");
        if (logStatus == FlowLogStatus.OK
                && (localAddress == null || remoteAddress == null || action == null)) {
            throw new IllegalArgumentException("a flow record with log-status OK needs both addresses and an action");
        }
    }

    /**
     * Returns a builder.
     *
     * @return a new builder, with version 2, log status OK and direction unknown
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns {@link #start()}.
     *
     * @return the start of the capture window
     */
    @Override
    public Instant time() {
        return start;
    }

    /**
     * Returns the bytes that came into the interface in this record.
     *
     * @return {@link #bytes()} for inbound traffic, 0 otherwise
     */
    public long bytesIn() {
        return direction == FlowDirection.INBOUND ? bytes : 0;
    }

    /**
     * Returns the bytes that left the interface in this record.
     *
     * @return {@link #bytes()} for outbound traffic, 0 otherwise
     */
    public long bytesOut() {
        return direction == FlowDirection.OUTBOUND ? bytes : 0;
    }

    /**
     * Returns the instance as an entity.
     *
     * @return {@code Ec2Instance/<instanceId>}, or empty when the record names no instance or its instance id does not
     *     fit the shape of one ({@code -}, say)
     */
    public Optional<EntityRef> instanceEntity() {
        if (instanceId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EntityRef.ec2Instance(instanceId));
        } catch (IllegalArgumentException notAnInstanceId) {
            return Optional.empty();
        }
    }

    /**
     * Returns the peer's address as an entity.
     *
     * @return {@code IpAddress/<remoteAddress>}, or empty without traffic
     */
    public Optional<EntityRef> remoteIpEntity() {
        return Optional.ofNullable(remoteAddress).map(EntityRef::ipAddress);
    }

    /**
     * Builds a {@link NetworkFlow}. Not thread-safe.
     */
    public static final class Builder {
        private int version = 2;
        private String accountId;
        private String interfaceId;
        private String instanceId;
        private String vpcId;
        private String subnetId;
        private String region;
        private String localAddress;
        private int localPort;
        private String remoteAddress;
        private int remotePort;
        private int protocol;
        private long bytes;
        private long packets;
        private Instant start;
        private Instant end;
        private FlowAction action;
        private FlowLogStatus logStatus = FlowLogStatus.OK;
        private FlowDirection direction = FlowDirection.UNKNOWN;

        private Builder() {}

        /**
         * Sets the record version.
         *
         * @param version 2 to 8
         * @return this builder
         */
        public Builder version(int version) {
            this.version = version;
            return this;
        }

        /**
         * Sets the account.
         *
         * @param accountId {@code account-id}
         * @return this builder
         */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /**
         * Sets the network interface.
         *
         * @param interfaceId {@code interface-id}
         * @return this builder
         */
        public Builder interfaceId(String interfaceId) {
            this.interfaceId = interfaceId;
            return this;
        }

        /**
         * Sets the instance.
         *
         * @param instanceId {@code instance-id}
         * @return this builder
         */
        public Builder instanceId(String instanceId) {
            this.instanceId = instanceId;
            return this;
        }

        /**
         * Sets the VPC.
         *
         * @param vpcId {@code vpc-id}
         * @return this builder
         */
        public Builder vpcId(String vpcId) {
            this.vpcId = vpcId;
            return this;
        }

        /**
         * Sets the subnet.
         *
         * @param subnetId {@code subnet-id}
         * @return this builder
         */
        public Builder subnetId(String subnetId) {
            this.subnetId = subnetId;
            return this;
        }

        /**
         * Sets the region.
         *
         * @param region {@code region}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Sets the interface's side.
         *
         * @param address the interface's IP literal
         * @param port the interface's port
         * @return this builder
         */
        public Builder local(String address, int port) {
            this.localAddress = address;
            this.localPort = port;
            return this;
        }

        /**
         * Sets the peer's side.
         *
         * @param address the peer's IP literal
         * @param port the peer's port
         * @return this builder
         */
        public Builder remote(String address, int port) {
            this.remoteAddress = address;
            this.remotePort = port;
            return this;
        }

        /**
         * Sets the protocol.
         *
         * @param protocol the IANA protocol number
         * @return this builder
         */
        public Builder protocol(int protocol) {
            this.protocol = protocol;
            return this;
        }

        /**
         * Sets the bytes transferred.
         *
         * @param bytes {@code bytes}
         * @return this builder
         */
        public Builder bytes(long bytes) {
            this.bytes = bytes;
            return this;
        }

        /**
         * Sets the packets transferred.
         *
         * @param packets {@code packets}
         * @return this builder
         */
        public Builder packets(long packets) {
            this.packets = packets;
            return this;
        }

        /**
         * Sets the capture window.
         *
         * @param start {@code start}, UTC
         * @param end {@code end}, UTC
         * @return this builder
         */
        public Builder window(Instant start, Instant end) {
            this.start = start;
            this.end = end;
            return this;
        }

        /**
         * Sets the action.
         *
         * @param action {@code action}
         * @return this builder
         */
        public Builder action(FlowAction action) {
            this.action = action;
            return this;
        }

        /**
         * Sets the logging status.
         *
         * @param logStatus {@code log-status}
         * @return this builder
         */
        public Builder logStatus(FlowLogStatus logStatus) {
            this.logStatus = logStatus;
            return this;
        }

        /**
         * Sets the direction.
         *
         * @param direction seen from the interface
         * @return this builder
         */
        public Builder direction(FlowDirection direction) {
            this.direction = direction;
            return this;
        }

        /**
         * Builds the flow record.
         *
         * @return the flow record
         * @throws IllegalArgumentException or NullPointerException as the record's constructor does
         */
        public NetworkFlow build() {
            return new NetworkFlow(version, accountId, interfaceId, instanceId, vpcId, subnetId, region,
                    localAddress, localPort, remoteAddress, remotePort, protocol, bytes, packets, start, end,
                    action, logStatus, direction);
        }
    }
}
