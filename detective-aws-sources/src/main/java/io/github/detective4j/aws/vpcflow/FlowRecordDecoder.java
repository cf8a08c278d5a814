package io.github.detective4j.aws.vpcflow;

import io.github.detective4j.aws.ParseContext;
import io.github.detective4j.model.FlowAction;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.FlowLogStatus;
import io.github.detective4j.model.IpAddresses;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits one flow log record into its fields and reads and checks every field the layout names, keeping the values
 * a {@code NetworkFlow} needs. One decoder serves one input: its fields are overwritten by each {@link #decode}.
 *
 * <p>Built for volume: the record is read as the bytes it is in, fields are found eight bytes at a time, numbers are
 * read in place, and only the strings the event keeps are made; an id or address met lately is the string it was
 * then (account, VPC, subnet and region repeat on nearly every line, an interface's own address and its peers' from
 * record to record), which the model's {@code NetworkFlow} then does not check again and the graph finds by reference.
 */
final class FlowRecordDecoder {
    /** 9999-12-31T23:59:59Z: later "times" are garbage, and would not fit an {@code Instant} much further on. */
    private static final long LAST_SECOND = 253_402_300_799L;
    /**
     * Slots of {@link #recent}: an input's interfaces, instances and their usual peers, with room for collisions; a
     * few at first, since most inputs a subscription or a quiet interface delivers hold a few records, and clearing
     * the full table's 8 KiB costs about a tenth of such an input's read (0.2 to 0.3 µs of 3).
     */
    private static final int FIRST_SLOT_BITS = 6;
    private static final int SLOT_BITS = 11;
    /** Records decoded (of the right field count) with the first table before the full one replaces it. */
    private static final int FIRST_TABLE_RECORDS = 64;
    /** Longer ids are cut out each time: they are not ones AWS writes, and comparing them would cost more. */
    private static final int MAX_RECENT_LENGTH = 64;
    private static final long SPACES = ByteLines.repeated((byte) ' ');
    private static final byte[] UNKNOWN = ascii("unknown");
    private static final byte[] ACCEPT = ascii("ACCEPT");
    private static final byte[] REJECT = ascii("REJECT");
    private static final byte[] OK = ascii("OK");
    private static final byte[] NODATA = ascii("NODATA");
    private static final byte[] SKIPDATA = ascii("SKIPDATA");
    private static final byte[] INGRESS = ascii("ingress");
    private static final byte[] EGRESS = ascii("egress");

    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int tokens;
    private byte[] line;

    /** Ids and canonical addresses met lately, by a hash of their bytes: see the class comment. */
    private Recent[] recent = new Recent[1 << FIRST_SLOT_BITS];
    private int slotShift = 64 - FIRST_SLOT_BITS;
    private int decoded;

    /**
     * A string and the bytes it was made of; {@code address} when it was checked as a canonical address, which is
     * the only kind of entry an address column may take without checking its own text.
     */
    private record Recent(byte[] bytes, String value, boolean address) {
    }

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
     * @param record the record's bytes, UTF-8, in {@code record[from, to)}, without its line terminator; read only
     *     during the call
     * @param layout the layout its file or flow log uses
     * @throws InvalidField when the record has the wrong number of fields or a field holds a bad value; the
     *     message names the field and quotes the value
     */
    void decode(byte[] record, int from, int to, FlowLayout layout) throws InvalidField {
        split(record, from, to);
        if (tokens != layout.size()) {
            throw new InvalidField("the record has " + tokens + " fields where " + layout.origin() + " has "
                    + layout.size() + " (" + abbreviate(layout.toString()) + ")");
        }
        if (decoded++ == FIRST_TABLE_RECORDS) {
            recent = new Recent[1 << SLOT_BITS];
            slotShift = 64 - SLOT_BITS;
        }
        clear();
        for (int column = 0; column < tokens; column++) {
            FlowField field = layout.field(column);
            if (field != null) {
                read(field, column);
            }
        }
    }

    /** Counts the fields of a record in {@code record[from, to)} without reading them. */
    int countFields(byte[] record, int from, int to) {
        split(record, from, to);
        return tokens;
    }

    /** Returns the text of a field of the record last split, for detection. */
    String token(int index) {
        return text(starts[index], ends[index]);
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

    /**
     * Finds the fields: AWS separates them with one space; runs of spaces and trailing ASCII white space (a CR, a tab)
     * are tolerated.
     */
    private void split(byte[] record, int from, int to) {
        line = record;
        tokens = 0;
        int length = ByteLines.trimEnd(record, from, to);
        // one pass, eight bytes at a time: each space flagged in a word ends the token before it, if any
        int start = from;
        int i = from;
        for (; i + 8 <= length; i += 8) {
            long spaces = ByteLines.flags(ByteLines.word(record, i), SPACES);
            while (spaces != 0) {
                int space = i + (Long.numberOfTrailingZeros(spaces) >>> 3);
                if (space > start) {
                    token(start, space);
                }
                start = space + 1;
                spaces &= spaces - 1;
            }
        }
        for (; i < length; i++) {
            if (record[i] == ' ') {
                if (i > start) {
                    token(start, i);
                }
                start = i + 1;
            }
        }
        if (length > start) {
            token(start, length);
        }
    }

    private void token(int from, int to) {
        if (tokens < FlowLayout.MAX_COLUMNS) { // more is wrong whatever the layout: counted, not stored
            if (tokens == starts.length) {
                starts = Arrays.copyOf(starts, tokens * 2);
                ends = Arrays.copyOf(ends, tokens * 2);
            }
            starts[tokens] = from;
            ends[tokens] = to;
        }
        tokens++;
    }

    private void read(FlowField field, int column) throws InvalidField {
        int from = starts[column];
        int to = ends[column];
        boolean absent = to - from == 1 && line[from] == '-';
        switch (field) {
            case VERSION -> version = absent ? -1 : readVersion(field, from, to);
            case ACCOUNT_ID -> accountId = readAccount(field, from, to, absent);
            case INTERFACE_ID -> interfaceId = absent ? null : kept(from, to);
            case INSTANCE_ID -> instanceId = absent ? null : kept(from, to);
            case VPC_ID -> vpcId = absent ? null : kept(from, to);
            case SUBNET_ID -> subnetId = absent ? null : kept(from, to);
            case REGION -> region = absent ? null : kept(from, to);
            case SRCADDR -> srcaddr = absent ? null : address(field, from, to);
            case DSTADDR -> dstaddr = absent ? null : address(field, from, to);
            case PKT_SRCADDR -> pktSrcaddr = absent ? null : address(field, from, to);
            case PKT_DSTADDR -> pktDstaddr = absent ? null : address(field, from, to);
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
                    check(field, from, to);
                }
            }
        }
    }

    /** Checks a field the model has no place for, so that a malformed record is caught whatever is mapped. */
    private void check(FlowField field, int from, int to) throws InvalidField {
        switch (field.kind()) {
            case ADDRESS -> address(field, from, to);
            case PORT -> number(field, from, to, 65535, "a port number (0 to 65535)");
            case PROTOCOL -> number(field, from, to, 255, "an IANA protocol number (0 to 255)");
            case COUNT -> number(field, from, to, Long.MAX_VALUE, "a count");
            case TIME -> number(field, from, to, LAST_SECOND, "a time in Unix seconds");
            case NUMBER -> number(field, from, to, Integer.MAX_VALUE, "a number");
            case ACCOUNT -> readAccount(field, from, to, false);
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

    private String readAccount(FlowField field, int from, int to, boolean absent) throws InvalidField {
        // AWS writes "unknown" for interfaces created by AWS services (VPC endpoints, Network Load Balancers).
        if (absent || is(UNKNOWN, from, to)) {
            return null;
        }
        if (to - from != 12) {
            throw invalid(field, from, to, "a 12-digit account id");
        }
        for (int i = from; i < to; i++) {
            byte c = line[i];
            if (c < '0' || c > '9') {
                throw invalid(field, from, to, "a 12-digit account id");
            }
        }
        return kept(from, to);
    }

    private FlowAction readAction(FlowField field, int from, int to) throws InvalidField {
        if (is(ACCEPT, from, to)) {
            return FlowAction.ACCEPT;
        }
        if (is(REJECT, from, to)) {
            return FlowAction.REJECT;
        }
        throw invalid(field, from, to, "ACCEPT or REJECT");
    }

    private FlowLogStatus readLogStatus(FlowField field, int from, int to) throws InvalidField {
        if (is(OK, from, to)) {
            return FlowLogStatus.OK;
        }
        if (is(NODATA, from, to)) {
            return FlowLogStatus.NODATA;
        }
        if (is(SKIPDATA, from, to)) {
            return FlowLogStatus.SKIPDATA;
        }
        throw invalid(field, from, to, "OK, NODATA or SKIPDATA");
    }

    private FlowDirection readDirection(FlowField field, int from, int to) throws InvalidField {
        if (is(INGRESS, from, to)) {
            return FlowDirection.INBOUND;
        }
        if (is(EGRESS, from, to)) {
            return FlowDirection.OUTBOUND;
        }
        throw invalid(field, from, to, "ingress or egress");
    }

    private boolean is(byte[] keyword, int from, int to) {
        return Arrays.equals(line, from, to, keyword, 0, keyword.length);
    }

    /** Reads a non-negative decimal number in place, without allocating: up to {@link Long#MAX_VALUE}. */
    private long number(FlowField field, int from, int to, long max, String expected) throws InvalidField {
        if (to - from > 19) { // more digits than a long has
            throw invalid(field, from, to, expected);
        }
        int safe = Math.min(to, from + 18); // 18 digits always fit
        long value = 0;
        for (int i = from; i < safe; i++) {
            int c = line[i] - '0';
            if (c < 0 || c > 9) {
                throw invalid(field, from, to, expected);
            }
            value = value * 10 + c;
        }
        if (safe < to) {
            int c = line[safe] - '0';
            if (c < 0 || c > 9 || value > (Long.MAX_VALUE - c) / 10) {
                throw invalid(field, from, to, expected);
            }
            value = value * 10 + c;
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
        int slot = slot(from, to);
        Recent known = recent[slot];
        if (known != null && known.address && Arrays.equals(line, from, to, known.bytes, 0, known.bytes.length)) {
            return known.value;
        }
        if (isCanonicalIpv4(from, to)) {
            return remember(slot, from, to, true);
        }
        int colon = ByteLines.indexOf(line, from, to, (byte) ':');
        if (colon >= 0) {
            try {
                return IpAddresses.normalize(text(from, to));
            } catch (IllegalArgumentException e) {
                throw invalid(field, from, to, "an IP address");
            }
        }
        throw invalid(field, from, to, "an IP address");
    }

    /** Four decimal octets without leading zeros: what IPv4 looks like in AWS logs, and already canonical. */
    private boolean isCanonicalIpv4(int from, int to) {
        int octets = 0;
        int i = from;
        while (i < to) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 3) {
                int c = line[i] - '0';
                if (c < 0 || c > 9) {
                    break;
                }
                value = value * 10 + c;
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && line[start] == '0')) {
                return false;
            }
            octets++;
            if (i == to) {
                break;
            }
            if (octets == 4 || line[i] != '.') {
                return false;
            }
            i++;
            if (i == to) {
                return false; // a trailing dot
            }
        }
        return octets == 4;
    }

    /** Cuts out a text field the event keeps, or takes the string it was when met lately. */
    private String kept(int from, int to) {
        if (to - from > MAX_RECENT_LENGTH) {
            return text(from, to);
        }
        int slot = slot(from, to);
        Recent known = recent[slot];
        if (known != null && Arrays.equals(line, from, to, known.bytes, 0, known.bytes.length)) {
            return known.value;
        }
        return remember(slot, from, to, false);
    }

    private String remember(int slot, int from, int to, boolean address) {
        String value = text(from, to);
        recent[slot] = new Recent(Arrays.copyOfRange(line, from, to), value, address);
        return value;
    }

    /**
     * The slot of {@code line[from, to)} in {@link #recent}: its length, its last eight bytes, where ids differ
     * (their random hex) and addresses too (their last octets), and its first eight, mixed; shorter tokens byte by
     * byte.
     */
    private int slot(int from, int to) {
        int length = to - from;
        long word;
        if (length >= 8) {
            word = ByteLines.word(line, to - 8) ^ ByteLines.word(line, from) * 0xC2B2AE3D27D4EB4FL;
        } else {
            word = 0;
            for (int i = from; i < to; i++) {
                word = word << 8 | (line[i] & 0xff);
            }
        }
        long h = (word + length) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> slotShift);
    }

    private String text(int from, int to) {
        return new String(line, from, to - from, StandardCharsets.UTF_8);
    }

    private InvalidField invalid(FlowField field, int from, int to, String expected) {
        return new InvalidField(field.awsName() + " is not " + expected + ": " + ParseContext.quote(text(from, to)));
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 97) + "...";
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A record that cannot be read; the message is the reason, naming the field and quoting the value. */
    static final class InvalidField extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidField(String reason) {
            super(reason, null, false, false); // an expected outcome on bad input: no stack trace to fill
        }
    }
}
