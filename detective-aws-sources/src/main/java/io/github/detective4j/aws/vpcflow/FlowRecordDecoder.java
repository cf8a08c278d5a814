package io.github.detective4j.aws.vpcflow;

import io.github.detective4j.aws.ParseContext;
import io.github.detective4j.model.FlowAction;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.FlowLogStatus;
import io.github.detective4j.model.IpAddresses;
import java.util.Arrays;

/**
 * Splits one flow log record into its fields and reads and checks every field the layout names, keeping the values
 * a {@code NetworkFlow} needs. One decoder serves one input: its fields are overwritten by each {@link #decode}.
 *
 * <p>Built for volume: fields are found with {@code indexOf(' ')}, numbers are read in place, and only the strings
 * the event keeps are cut out; an id equal to the one in the same column of the previous record is reused rather
 * than copied again (account, VPC, subnet and region repeat on nearly every line).
 */
final class FlowRecordDecoder {
    /** A record with more fields than this is wrong whatever its layout; counting goes on, storing stops. */
    private static final int MAX_TOKENS = 256;
    /** 9999-12-31T23:59:59Z: later "times" are garbage, and would not fit an {@code Instant} much further on. */
    private static final long LAST_SECOND = 253_402_300_799L;
    /** Slots of {@link #addresses}: an input's interfaces and their usual peers, with room for collisions. */
    private static final int ADDRESS_SLOTS = 1024;

    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int tokens;
    private String line;

    /**
     * Canonical IPv4 addresses met lately, by a hash of their text: an interface's own address and its peers' repeat
     * from record to record, so that a record's addresses are usually strings already made and checked, which the
     * model's {@code NetworkFlow} then does not check again, and the graph finds by reference.
     */
    private final String[] addresses = new String[ADDRESS_SLOTS];
    private FlowLayout cachedLayout;
    private String[] lastText = new String[0];

    int version;
    String accountId;
    String interfaceId;
    String instanceId;
    String vpcId;
    String subnetId;
    String region;
    String srcaddr;
    String dstaddr;
    int srcport;
    int dstport;
    int protocol;
    long packets;
    long bytes;
    long start;
    long end;
    FlowAction action;
    FlowLogStatus logStatus;
    FlowDirection flowDirection;
    String pktSrcaddr;
    String pktDstaddr;

    /**
     * Reads a record under a layout.
     *
     * @param record the record text, without its line terminator
     * @param layout the layout its file or flow log uses
     * @throws InvalidField when the record has the wrong number of fields or a field holds a bad value; the
     *     message names the field and quotes the value
     */
    void decode(String record, FlowLayout layout) throws InvalidField {
        split(record);
        if (tokens != layout.size()) {
            throw new InvalidField("the record has " + tokens + " fields where " + layout.origin() + " has "
                    + layout.size() + " (" + abbreviate(layout.toString()) + ")");
        }
        if (layout != cachedLayout) {
            cachedLayout = layout;
            lastText = new String[layout.size()];
        }
        clear();
        for (int column = 0; column < tokens; column++) {
            FlowField field = layout.field(column);
            if (field != null) {
                read(field, column);
            }
        }
    }

    /** Counts the fields of a record without reading them. */
    int countFields(String record) {
        split(record);
        return tokens;
    }

    /** Returns the text of a field of the record last split, for detection. */
    String token(int index) {
        return line.substring(starts[index], ends[index]);
    }

    private void clear() {
        version = -1;
        accountId = null;
        interfaceId = null;
        instanceId = null;
        vpcId = null;
        subnetId = null;
        region = null;
        srcaddr = null;
        dstaddr = null;
        srcport = 0;
        dstport = 0;
        protocol = 0;
        packets = 0;
        bytes = 0;
        start = -1;
        end = -1;
        action = null;
        logStatus = null;
        flowDirection = null;
        pktSrcaddr = null;
        pktDstaddr = null;
    }

    /** Finds the fields: AWS separates them with one space; runs of spaces and a trailing CR are tolerated. */
    private void split(String record) {
        line = record;
        tokens = 0;
        int length = record.length();
        while (length > 0 && Character.isWhitespace(record.charAt(length - 1))) {
            length--;
        }
        int i = 0;
        while (i < length) {
            while (i < length && record.charAt(i) == ' ') {
                i++;
            }
            if (i >= length) {
                break;
            }
            int next = record.indexOf(' ', i);
            int tokenEnd = next < 0 || next > length ? length : next;
            if (tokens < MAX_TOKENS) {
                if (tokens == starts.length) {
                    starts = Arrays.copyOf(starts, tokens * 2);
                    ends = Arrays.copyOf(ends, tokens * 2);
                }
                starts[tokens] = i;
                ends[tokens] = tokenEnd;
            }
            tokens++;
            i = tokenEnd + 1;
        }
    }

    private void read(FlowField field, int column) throws InvalidField {
        int from = starts[column];
        int to = ends[column];
        boolean absent = to - from == 1 && line.charAt(from) == '-';
        switch (field) {
            case VERSION -> version = absent ? -1 : readVersion(field, from, to);
            case ACCOUNT_ID -> accountId = readAccount(field, column, from, to, absent);
            case INTERFACE_ID -> interfaceId = absent ? null : text(column, from, to);
            case INSTANCE_ID -> instanceId = absent ? null : text(column, from, to);
            case VPC_ID -> vpcId = absent ? null : text(column, from, to);
            case SUBNET_ID -> subnetId = absent ? null : text(column, from, to);
            case REGION -> region = absent ? null : text(column, from, to);
            case SRCADDR -> srcaddr = absent ? null : address(field, from, to);
            case DSTADDR -> dstaddr = absent ? null : address(field, from, to);
            case PKT_SRCADDR -> pktSrcaddr = absent ? null : sameOr(srcaddr, field, from, to);
            case PKT_DSTADDR -> pktDstaddr = absent ? null : sameOr(dstaddr, field, from, to);
            case SRCPORT -> srcport = absent ? 0 : (int) number(field, from, to, 65535, "a port number (0 to 65535)");
            case DSTPORT -> dstport = absent ? 0 : (int) number(field, from, to, 65535, "a port number (0 to 65535)");
            case PROTOCOL -> protocol = absent ? 0 : (int) number(field, from, to, 255,
                    "an IANA protocol number (0 to 255)");
            case PACKETS -> packets = absent ? 0 : number(field, from, to, Long.MAX_VALUE, "a count");
            case BYTES -> bytes = absent ? 0 : number(field, from, to, Long.MAX_VALUE, "a count");
            case START -> start = absent ? -1 : number(field, from, to, LAST_SECOND, "a time in Unix seconds");
            case END -> end = absent ? -1 : number(field, from, to, LAST_SECOND, "a time in Unix seconds");
            case ACTION -> action = absent ? null : readAction(field, from, to);
            case LOG_STATUS -> logStatus = absent ? null : readLogStatus(field, from, to);
            case FLOW_DIRECTION -> flowDirection = absent ? null : readDirection(field, from, to);
            default -> {
                if (!absent) {
                    check(field, column, from, to);
                }
            }
        }
    }

    /** Checks a field the model has no place for, so that a malformed record is caught whatever is mapped. */
    private void check(FlowField field, int column, int from, int to) throws InvalidField {
        switch (field.kind()) {
            case ADDRESS -> address(field, from, to);
            case PORT -> number(field, from, to, 65535, "a port number (0 to 65535)");
            case PROTOCOL -> number(field, from, to, 255, "an IANA protocol number (0 to 255)");
            case COUNT -> number(field, from, to, Long.MAX_VALUE, "a count");
            case TIME -> number(field, from, to, LAST_SECOND, "a time in Unix seconds");
            case NUMBER -> number(field, from, to, Integer.MAX_VALUE, "a number");
            case ACCOUNT -> readAccount(field, column, from, to, false);
            case VERSION -> readVersion(field, from, to);
            case ACTION -> readAction(field, from, to);
            case LOG_STATUS -> readLogStatus(field, from, to);
            case DIRECTION -> readDirection(field, from, to);
            case TEXT -> {
                // ids, ARNs, names and open enumerations: any token is acceptable
            }
        }
    }

    private int readVersion(FlowField field, int from, int to) throws InvalidField {
        long value = number(field, from, to, Integer.MAX_VALUE, "a flow log version");
        if (value < 2) {
            throw invalid(field, from, to, "a flow log version (2 or later)");
        }
        return (int) value;
    }

    private String readAccount(FlowField field, int column, int from, int to, boolean absent) throws InvalidField {
        // AWS writes "unknown" for interfaces created by AWS services (VPC endpoints, Network Load Balancers).
        if (absent || line.regionMatches(from, "unknown", 0, to - from) && to - from == 7) {
            return null;
        }
        if (to - from != 12) {
            throw invalid(field, from, to, "a 12-digit account id");
        }
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(field, from, to, "a 12-digit account id");
            }
        }
        return text(column, from, to);
    }

    private FlowAction readAction(FlowField field, int from, int to) throws InvalidField {
        if (is("ACCEPT", from, to)) {
            return FlowAction.ACCEPT;
        }
        if (is("REJECT", from, to)) {
            return FlowAction.REJECT;
        }
        throw invalid(field, from, to, "ACCEPT or REJECT");
    }

    private FlowLogStatus readLogStatus(FlowField field, int from, int to) throws InvalidField {
        if (is("OK", from, to)) {
            return FlowLogStatus.OK;
        }
        if (is("NODATA", from, to)) {
            return FlowLogStatus.NODATA;
        }
        if (is("SKIPDATA", from, to)) {
            return FlowLogStatus.SKIPDATA;
        }
        throw invalid(field, from, to, "OK, NODATA or SKIPDATA");
    }

    private FlowDirection readDirection(FlowField field, int from, int to) throws InvalidField {
        if (is("ingress", from, to)) {
            return FlowDirection.INBOUND;
        }
        if (is("egress", from, to)) {
            return FlowDirection.OUTBOUND;
        }
        throw invalid(field, from, to, "ingress or egress");
    }

    private boolean is(String keyword, int from, int to) {
        return to - from == keyword.length() && line.regionMatches(from, keyword, 0, keyword.length());
    }

    /** Reads a non-negative decimal number in place, without allocating. */
    private long number(FlowField field, int from, int to, long max, String expected) throws InvalidField {
        if (to - from > 18) { // more digits than a long holds safely: not a count AWS writes
            throw invalid(field, from, to, expected);
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(field, from, to, expected);
            }
            value = value * 10 + (c - '0');
        }
        if (value > max) {
            throw invalid(field, from, to, expected);
        }
        return value;
    }

    /**
     * Returns an address in canonical form; canonical IPv4, by far the most common, is checked in place, and one met
     * lately is the string it was then.
     */
    private String address(FlowField field, int from, int to) throws InvalidField {
        int length = to - from;
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + line.charAt(i);
        }
        int slot = (hash ^ (hash >>> 13)) & (ADDRESS_SLOTS - 1);
        String known = addresses[slot];
        if (known != null && known.length() == length && line.regionMatches(from, known, 0, length)) {
            return known;
        }
        if (isCanonicalIpv4(from, to)) {
            String address = line.substring(from, to);
            addresses[slot] = address;
            return address;
        }
        int colon = line.indexOf(':', from);
        if (colon >= 0 && colon < to) {
            try {
                return IpAddresses.normalize(line.substring(from, to));
            } catch (IllegalArgumentException e) {
                throw invalid(field, from, to, "an IP address");
            }
        }
        throw invalid(field, from, to, "an IP address");
    }

    /** {@code pkt-srcaddr} usually repeats {@code srcaddr}: reuse it when the text is the same. */
    private String sameOr(String other, FlowField field, int from, int to) throws InvalidField {
        if (other != null && other.length() == to - from && line.regionMatches(from, other, 0, to - from)) {
            return other;
        }
        return address(field, from, to);
    }

    /** Four decimal octets without leading zeros: what IPv4 looks like in AWS logs, and already canonical. */
    private boolean isCanonicalIpv4(int from, int to) {
        int octets = 0;
        int i = from;
        while (i < to) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 3) {
                char c = line.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && line.charAt(start) == '0')) {
                return false;
            }
            octets++;
            if (i == to) {
                break;
            }
            if (octets == 4 || line.charAt(i) != '.') {
                return false;
            }
            i++;
            if (i == to) {
                return false; // a trailing dot
            }
        }
        return octets == 4;
    }

    /** Cuts out a text field, or reuses the previous record's string for this column when the text is the same. */
    private String text(int column, int from, int to) {
        String last = lastText[column];
        int length = to - from;
        if (last != null && last.length() == length && line.regionMatches(from, last, 0, length)) {
            return last;
        }
        String value = line.substring(from, to);
        lastText[column] = value;
        return value;
    }

    private InvalidField invalid(FlowField field, int from, int to, String expected) {
        return new InvalidField(field.awsName() + " is not " + expected + ": "
                + ParseContext.quote(line.substring(from, to)));
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 97) + "...";
    }

    /** A record that cannot be read; the message is the reason, naming the field and quoting the value. */
    static final class InvalidField extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidField(String reason) {
            super(reason, null, false, false); // an expected outcome on bad input: no stack trace to fill
        }
    }
}
