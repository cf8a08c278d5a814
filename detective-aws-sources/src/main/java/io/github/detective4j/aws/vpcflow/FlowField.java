package io.github.detective4j.aws.vpcflow;

import java.util.HashMap;
import java.util.Map;

/**
 * The fields AWS documents for VPC and transit gateway flow log records, with the version that introduced each and
 * the kind of value it holds. Sources: the "Flow log records" table of the Amazon VPC User Guide (versions 2 to 5,
 * ECS fields of version 7, {@code reject-reason} of version 8) and the "Transit Gateway Flow Log records" table of
 * the Transit Gateway guide (version 6).
 */
enum FlowField {
    // version 2: the default format, in its order
    VERSION("version", 2, Kind.VERSION),
    ACCOUNT_ID("account-id", 2, Kind.ACCOUNT),
    INTERFACE_ID("interface-id", 2, Kind.TEXT),
    SRCADDR("srcaddr", 2, Kind.ADDRESS),
    DSTADDR("dstaddr", 2, Kind.ADDRESS),
    SRCPORT("srcport", 2, Kind.PORT),
    DSTPORT("dstport", 2, Kind.PORT),
    PROTOCOL("protocol", 2, Kind.PROTOCOL),
    PACKETS("packets", 2, Kind.COUNT),
    BYTES("bytes", 2, Kind.COUNT),
    START("start", 2, Kind.TIME),
    END("end", 2, Kind.TIME),
    ACTION("action", 2, Kind.ACTION),
    LOG_STATUS("log-status", 2, Kind.LOG_STATUS),
    // version 3
    VPC_ID("vpc-id", 3, Kind.TEXT),
    SUBNET_ID("subnet-id", 3, Kind.TEXT),
    INSTANCE_ID("instance-id", 3, Kind.TEXT),
    TCP_FLAGS("tcp-flags", 3, Kind.NUMBER),
    TYPE("type", 3, Kind.TEXT),
    PKT_SRCADDR("pkt-srcaddr", 3, Kind.ADDRESS),
    PKT_DSTADDR("pkt-dstaddr", 3, Kind.ADDRESS),
    // version 4
    REGION("region", 4, Kind.TEXT),
    AZ_ID("az-id", 4, Kind.TEXT),
    SUBLOCATION_TYPE("sublocation-type", 4, Kind.TEXT),
    SUBLOCATION_ID("sublocation-id", 4, Kind.TEXT),
    // version 5
    PKT_SRC_AWS_SERVICE("pkt-src-aws-service", 5, Kind.TEXT),
    PKT_DST_AWS_SERVICE("pkt-dst-aws-service", 5, Kind.TEXT),
    FLOW_DIRECTION("flow-direction", 5, Kind.DIRECTION),
    TRAFFIC_PATH("traffic-path", 5, Kind.NUMBER),
    // version 6: transit gateway flow logs only
    RESOURCE_TYPE("resource-type", 6, Kind.TEXT),
    TGW_ID("tgw-id", 6, Kind.TEXT),
    TGW_ATTACHMENT_ID("tgw-attachment-id", 6, Kind.TEXT),
    TGW_SRC_VPC_ACCOUNT_ID("tgw-src-vpc-account-id", 6, Kind.ACCOUNT),
    TGW_DST_VPC_ACCOUNT_ID("tgw-dst-vpc-account-id", 6, Kind.ACCOUNT),
    TGW_SRC_VPC_ID("tgw-src-vpc-id", 6, Kind.TEXT),
    TGW_DST_VPC_ID("tgw-dst-vpc-id", 6, Kind.TEXT),
    TGW_SRC_SUBNET_ID("tgw-src-subnet-id", 6, Kind.TEXT),
    TGW_DST_SUBNET_ID("tgw-dst-subnet-id", 6, Kind.TEXT),
    TGW_SRC_ENI("tgw-src-eni", 6, Kind.TEXT),
    TGW_DST_ENI("tgw-dst-eni", 6, Kind.TEXT),
    TGW_SRC_AZ_ID("tgw-src-az-id", 6, Kind.TEXT),
    TGW_DST_AZ_ID("tgw-dst-az-id", 6, Kind.TEXT),
    TGW_PAIR_ATTACHMENT_ID("tgw-pair-attachment-id", 6, Kind.TEXT),
    PACKETS_LOST_NO_ROUTE("packets-lost-no-route", 6, Kind.COUNT),
    PACKETS_LOST_BLACKHOLE("packets-lost-blackhole", 6, Kind.COUNT),
    PACKETS_LOST_MTU_EXCEEDED("packets-lost-mtu-exceeded", 6, Kind.COUNT),
    PACKETS_LOST_TTL_EXPIRED("packets-lost-ttl-expired", 6, Kind.COUNT),
    // version 7: Amazon ECS
    ECS_CLUSTER_ARN("ecs-cluster-arn", 7, Kind.TEXT),
    ECS_CLUSTER_NAME("ecs-cluster-name", 7, Kind.TEXT),
    ECS_CONTAINER_INSTANCE_ARN("ecs-container-instance-arn", 7, Kind.TEXT),
    ECS_CONTAINER_INSTANCE_ID("ecs-container-instance-id", 7, Kind.TEXT),
    ECS_CONTAINER_ID("ecs-container-id", 7, Kind.TEXT),
    ECS_SECOND_CONTAINER_ID("ecs-second-container-id", 7, Kind.TEXT),
    ECS_SERVICE_NAME("ecs-service-name", 7, Kind.TEXT),
    ECS_TASK_DEFINITION_ARN("ecs-task-definition-arn", 7, Kind.TEXT),
    ECS_TASK_ARN("ecs-task-arn", 7, Kind.TEXT),
    ECS_TASK_ID("ecs-task-id", 7, Kind.TEXT),
    // version 8: VPC Block Public Access
    REJECT_REASON("reject-reason", 8, Kind.TEXT);

    /** How a field's value is read and checked; '-' (not applicable) is accepted for every kind. */
    enum Kind {
        /** Any token: ids, ARNs, names, and open enumerations such as {@code type} that AWS extends over time. */
        TEXT,
        /** An IPv4 or IPv6 literal. */
        ADDRESS,
        /** 0 to 65535. */
        PORT,
        /** 0 to 255. */
        PROTOCOL,
        /** A non-negative 64-bit count. */
        COUNT,
        /** A non-negative number that fits an int, such as a bitmask or a code. */
        NUMBER,
        /** Unix seconds. */
        TIME,
        /** 12 digits, or {@code unknown} for interfaces that AWS services own. */
        ACCOUNT,
        /** The record version, 2 or more. */
        VERSION,
        /** ACCEPT or REJECT. */
        ACTION,
        /** OK, NODATA or SKIPDATA. */
        LOG_STATUS,
        /** ingress or egress. */
        DIRECTION
    }

    private static final Map<String, FlowField> BY_NAME = new HashMap<>();

    static {
        for (FlowField field : values()) {
            BY_NAME.put(field.awsName, field);
        }
    }

    private final String awsName;
    private final int version;
    private final Kind kind;

    FlowField(String awsName, int version, Kind kind) {
        this.awsName = awsName;
        this.version = version;
        this.kind = kind;
    }

    /** The name AWS uses in log formats and header lines, such as {@code pkt-srcaddr}. */
    String awsName() {
        return awsName;
    }

    /** The flow log version that introduced the field. */
    int version() {
        return version;
    }

    Kind kind() {
        return kind;
    }

    /** Tells whether the field exists only in transit gateway flow logs. */
    boolean transitGatewayOnly() {
        return version == 6;
    }

    /** Returns the field AWS calls {@code name}, or null for a name it does not document (or not yet). */
    static FlowField byName(String name) {
        return BY_NAME.get(name);
    }
}
