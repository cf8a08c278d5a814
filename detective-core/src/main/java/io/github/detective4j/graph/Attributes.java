package io.github.detective4j.graph;

import java.util.TreeSet;

/**
 * What the graph learned about an entity besides its activity: names, ARNs, the account, where an instance lives
 * and who created it. A value seen later in event time replaces one seen earlier, so the result does not depend on
 * the order events arrive in; small sets keep their {@value #MAX_SET} smallest members, for the same reason.
 * Guarded by the graph's lock.
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
    /** Event time of the values above, so that a later event wins whatever the arrival order. */
    private long asOf = Long.MIN_VALUE;

    /** Tells whether values observed at {@code second} may replace the current ones, and records that time. */
    boolean update(long second) {
        if (second < asOf) {
            return false;
        }
        asOf = second;
        return true;
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
