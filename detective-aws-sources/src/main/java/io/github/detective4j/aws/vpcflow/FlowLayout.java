package io.github.detective4j.aws.vpcflow;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which field stands in which column of a flow log record: the default format, a header line of an S3 file, or the
 * log format a user gives. Built once per header and shared by the records below it; immutable.
 *
 * <p>Names AWS does not document (yet) are accepted: their columns are counted, so records still split right, and
 * their values are ignored. A name given twice keeps its first column.
 */
final class FlowLayout {
    /** The fields a {@code NetworkFlow} cannot be built without. */
    private static final FlowField[] REQUIRED = {
        FlowField.SRCADDR, FlowField.DSTADDR, FlowField.START, FlowField.END, FlowField.ACTION
    };

    /** The VPC default format: the version 2 fields in the documented order. */
    static final FlowLayout DEFAULT = new FlowLayout(names("version account-id interface-id srcaddr dstaddr srcport"
            + " dstport protocol packets bytes start end action log-status"), "the default format");

    /** The transit gateway default format: every version 2 to 6 field, in the order of the documented table. */
    static final FlowLayout TRANSIT_GATEWAY_DEFAULT = new FlowLayout(names("version resource-type account-id tgw-id"
            + " tgw-attachment-id tgw-src-vpc-account-id tgw-dst-vpc-account-id tgw-src-vpc-id tgw-dst-vpc-id"
            + " tgw-src-subnet-id tgw-dst-subnet-id tgw-src-eni tgw-dst-eni tgw-src-az-id tgw-dst-az-id"
            + " tgw-pair-attachment-id srcaddr dstaddr srcport dstport protocol packets bytes start end log-status"
            + " type packets-lost-no-route packets-lost-blackhole packets-lost-mtu-exceeded packets-lost-ttl-expired"
            + " tcp-flags region flow-direction pkt-src-aws-service pkt-dst-aws-service"),
            "the transit gateway default format");

    private static final byte[] TRANSIT_GATEWAY = "TransitGateway".getBytes(StandardCharsets.US_ASCII);

    private final String[] names;
    private final FlowField[] columns;
    private final int[] columnOf;
    private final int version;
    private final boolean transitGateway;
    private final List<String> missing;
    private final String origin;
    private final int typedColumns;

    private FlowLayout(String[] names, String origin) {
        this.names = names;
        this.origin = origin;
        this.columns = new FlowField[names.length];
        this.columnOf = new int[FlowField.values().length];
        Arrays.fill(columnOf, -1);
        int highest = 2;
        boolean tgw = false;
        int typed = 0;
        for (int i = 0; i < names.length; i++) {
            FlowField field = FlowField.byName(names[i]);
            if (field == null || columnOf[field.ordinal()] >= 0) {
                continue; // unknown or repeated: the column is kept, its value ignored
            }
            columns[i] = field;
            columnOf[field.ordinal()] = i;
            highest = Math.max(highest, field.version());
            tgw |= field.transitGatewayOnly();
            if (field.kind() != FlowField.Kind.TEXT) {
                typed++;
            }
        }
        this.version = highest;
        this.transitGateway = tgw;
        this.typedColumns = typed;
        List<String> absent = new ArrayList<>();
        for (FlowField field : REQUIRED) {
            if (columnOf[field.ordinal()] < 0) {
                absent.add(field.awsName());
            }
        }
        this.missing = Collections.unmodifiableList(absent);
    }

    /**
     * The most columns a layout has: AWS documents a few dozen fields, and the record decoder keeps the places of
     * this many, so that a wider header cannot make a record read past them.
     */
    static final int MAX_COLUMNS = 256;

    /** The most header layouts {@link #HEADERS} keeps: a process reads the formats of a few flow logs. */
    private static final int MAX_HEADERS = 64;

    /** A header line's text and where it stood, which the layout's messages name. */
    private record HeaderKey(String text, String origin) {
    }

    /**
     * Layouts of header lines read so far: every S3 file of a flow log starts with the same header, and building its
     * layout again (a regex split, a look-up per name) was a tenth of reading a one-record file. Bounded, since headers
     * come from the input; once full, other headers are built each time.
     */
    private static final ConcurrentHashMap<HeaderKey, FlowLayout> HEADERS = new ConcurrentHashMap<>();

    /**
     * {@link #parse}, for a header line: the layout built before for the same text and origin, when there is one.
     *
     * @throws IllegalArgumentException as {@link #parse} does
     */
    static FlowLayout header(String text, String origin) {
        HeaderKey key = new HeaderKey(text, origin);
        FlowLayout known = HEADERS.get(key);
        if (known != null) {
            return known;
        }
        FlowLayout made = parse(text, origin);
        if (HEADERS.size() < MAX_HEADERS) {
            HEADERS.putIfAbsent(key, made);
        }
        return made;
    }

    /**
     * Reads a layout from a header line or a flow log's {@code LogFormat}, such as
     * {@code ${version} ${vpc-id} ${srcaddr}}; the {@code ${...}} around names is optional.
     *
     * @throws IllegalArgumentException if it names no field AWS documents, has a token that is not a field name, or
     *     has more than {@link #MAX_COLUMNS} columns
     */
    static FlowLayout parse(String text, String origin) {
        String[] tokens = text.trim().split("\\s+");
        if (tokens.length > MAX_COLUMNS) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' has " + tokens.length
                    + " columns; a flow log has at most " + MAX_COLUMNS);
        }
        String[] names = new String[tokens.length];
        boolean anyKnown = false;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.startsWith("${") && token.endsWith("}") && token.length() > 3) {
                token = token.substring(2, token.length() - 1);
            }
            byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
            if (!isFieldName(bytes, 0, bytes.length)) {
                throw new IllegalArgumentException("'" + abbreviate(token) + "' is not a flow log field name");
            }
            names[i] = token;
            anyKnown |= FlowField.byName(token) != null;
        }
        if (!anyKnown) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' names no flow log field");
        }
        return new FlowLayout(names, origin);
    }

    /**
     * The default format a headerless record in {@code b[from, to)} is in: {@link #TRANSIT_GATEWAY_DEFAULT} when its
     * second field starts with {@code TransitGateway} ("6 TransitGateway 123456789012 tgw-..."), else
     * {@link #DEFAULT}.
     */
    static FlowLayout defaultFor(byte[] b, int from, int to) {
        int first = ByteLines.indexOf(b, from, to, (byte) ' ');
        int second = first + 1;
        boolean transitGateway = first > from && to - second >= TRANSIT_GATEWAY.length
                && Arrays.equals(b, second, second + TRANSIT_GATEWAY.length, TRANSIT_GATEWAY, 0, TRANSIT_GATEWAY.length);
        return transitGateway ? TRANSIT_GATEWAY_DEFAULT : DEFAULT;
    }

    /**
     * Tells whether a line is a header line (a list of field names) rather than a record.
     *
     * <p>A header is made of lower-case field-name tokens only, more than half of them names AWS documents; a record
     * always holds numbers, addresses, ids with digits or '-'.
     */
    static boolean isHeader(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return isHeader(bytes, 0, bytes.length);
    }

    /**
     * {@link #isHeader(String)}, for a line in {@code b[from, to)}, UTF-8. Cheap for records: almost all of them fail
     * on the first byte, or on the first or second token, without allocating.
     */
    static boolean isHeader(byte[] b, int from, int to) {
        int i = from;
        while (i < to && b[i] == ' ') {
            i++;
        }
        if (i >= to || b[i] < 'a' || b[i] > 'z') {
            return false;
        }
        int known = 0;
        int total = 0;
        // The first token is looked up only once a second one is shaped like a field name too: a record whose first
        // field is an id ("eni-...", "vpc-...") has that shape, and its second token (an address, a number) mostly
        // rules it out without a string.
        int firstFrom = -1;
        int firstTo = -1;
        while (i < to) {
            int end = ByteLines.indexOf(b, i, to, (byte) ' ');
            if (end < 0) {
                end = to;
            }
            int tokenEnd = end == to ? ByteLines.trimEnd(b, i, end) : end; // a trailing '\r' or tab
            if (tokenEnd > i) {
                if (!isFieldName(b, i, tokenEnd)) {
                    return false;
                }
                total++;
                if (total == 1) {
                    firstFrom = i;
                    firstTo = tokenEnd;
                } else {
                    if (total == 2 && isKnown(b, firstFrom, firstTo)) {
                        known++;
                    }
                    if (isKnown(b, i, tokenEnd)) {
                        known++;
                    }
                }
            }
            i = end + 1;
        }
        if (total == 1 && isKnown(b, firstFrom, firstTo)) {
            known++;
        }
        return total > 0 && known * 2 > total;
    }

    /** Only for a token {@link #isFieldName} accepts: ASCII. */
    private static boolean isKnown(byte[] b, int from, int to) {
        return FlowField.byName(new String(b, from, to - from, StandardCharsets.ISO_8859_1)) != null;
    }

    /** Field names are lower-case letters, digits and '-', starting with a letter. */
    private static boolean isFieldName(byte[] b, int from, int to) {
        if (to <= from || b[from] < 'a' || b[from] > 'z') {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            byte c = b[i];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String[] names(String spaced) {
        return spaced.split(" ");
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** How many columns a record of this layout has. */
    int size() {
        return columns.length;
    }

    /** The field in a column, or null for a name AWS does not document. */
    FlowField field(int column) {
        return columns[column];
    }

    /** The column of a field, or -1 when the layout lacks it. */
    int columnOf(FlowField field) {
        return columnOf[field.ordinal()];
    }

    boolean has(FlowField field) {
        return columnOf[field.ordinal()] >= 0;
    }

    /** The record version AWS writes for this field set: the highest version among its fields. */
    int version() {
        return version;
    }

    /** Tells whether this is a transit gateway flow log, whose records describe a gateway, not an interface. */
    boolean transitGateway() {
        return transitGateway;
    }

    /** The fields a {@code NetworkFlow} needs that this layout lacks, in AWS's names; empty when complete. */
    List<String> missing() {
        return missing;
    }

    /** How many columns hold numbers, addresses or keywords: what tells a record of this layout from prose. */
    int typedColumns() {
        return typedColumns;
    }

    /** Where the layout came from, for messages: "the default format", "the header on line 1"... */
    String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return String.join(" ", names);
    }
}
