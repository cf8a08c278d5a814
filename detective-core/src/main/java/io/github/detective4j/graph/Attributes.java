package io.github.detective4j.graph;

import java.util.TreeSet;

/**
 * What the graph learned about an entity besides its activity: names, ARNs, the account, where an instance lives
 * and who created it. Each field keeps the value of the latest event that gave one (on a tie in time, the larger
 * value), so the result does not depend on the order events arrive in; small sets keep their {@value #MAX_SET}
 * smallest members, for the same reason. Guarded by the graph's lock.
 */
final class Attributes {
    static final int MAX_SET = 16;

    String accountId;
    String arn;
    String name;
    String principalType;
    String region;
    String vpcId;
    String subnetId;
    /** The role of a role session, or the user that holds an access key. */
    Node role;
    Node createdBy;
    long createdAt = Long.MAX_VALUE;
    TreeSet<String> interfaces;
    TreeSet<String> addresses;
    /** The fields kept with the event time of their value. */
    static final int ACCOUNT = 0;
    static final int ARN = 1;
    static final int NAME = 2;
    static final int TYPE = 3;
    static final int REGION = 4;
    static final int VPC = 5;
    static final int SUBNET = 6;

    /** Event time of each field's value, so that a later event wins whatever the arrival order. */
    private final long[] asOf = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE,
        Long.MIN_VALUE, Long.MIN_VALUE};

    /**
     * Returns what a field holds after an event at {@code second} offers {@code value}: the value when there was
     * none, the event is later, or it is as late and the value larger; else {@code current}. An equal value is
     * returned too, as it is the newer object: the events after it in its file carry that same string, which then
     * compares by reference, where the one held since an earlier file would be read byte by byte on every event.
     */
    String offer(int field, String current, String value, long second) {
        if (value == null || value == current) {
            return current;
        }
        if (value.equals(current)) {
            return value;
        }
        if (current == null || second > asOf[field] || (second == asOf[field] && value.compareTo(current) > 0)) {
            asOf[field] = second;
            return value;
        }
        return current;
    }

    void created(Node by, long second) {
        // The earliest creation wins, on a tie the smaller entity, so that arrival order does not matter.
        if (second < createdAt || (second == createdAt && by.ref.compareTo(createdBy.ref) < 0)) {
            createdAt = second;
            createdBy = by;
        }
    }

    void addInterface(String id) {
        interfaces = add(interfaces, id);
    }

    void addAddress(String address) {
        addresses = add(addresses, address);
    }

    private static TreeSet<String> add(TreeSet<String> set, String value) {
        if (value == null) {
            return set;
        }
        TreeSet<String> s = set == null ? new TreeSet<>() : set;
        if (s.add(value) && s.size() > MAX_SET) {
            s.pollLast();
        }
        return s;
    }
}
