package io.github.detective4j.aws.vpcflow;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.detective4j.aws.LogFormat;
import io.github.detective4j.aws.ParseContext;
import io.github.detective4j.model.NetworkFlow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Amazon VPC Flow Logs, versions 2 to 8, as AWS writes them, turned into {@link NetworkFlow} events.
 *
 * <h2>Inputs</h2>
 * <ul>
 *   <li>Records of the default format (version 2) without a header, as CloudWatch Logs delivers them:
 *       {@code 2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010
 *       1418530070 ACCEPT OK}.
 *   <li>S3 log files ({@code .log.gz}, decompressed by the reader), whose first line is a header naming the fields
 *       in the flow log's order. A header line further down (files concatenated) switches the layout for the lines
 *       below it.
 *   <li>Headerless records of a custom format, read with {@link #withLogFormat(String)}.
 *   <li>Records wrapped in JSON, one object per line, as CloudWatch Logs exports and Firehose deliver them:
 *       {@code {"message": "2 123456789010 eni-... ACCEPT OK", "timestamp": ...}}; and CloudWatch Logs subscription
 *       payloads {@code {"messageType": "DATA_MESSAGE", "logEvents": [{"id": ..., "timestamp": ..., "message": ...}]}},
 *       pretty-printed or written back to back as Firehose stores them. Other keys are ignored.
 *   <li>Headerless transit gateway records of their default format ({@code 6 TransitGateway ...}).
 * </ul>
 * Every field AWS documents is read and checked: those of VPC flow logs versions 2 to 5, the ECS fields of version 7,
 * {@code reject-reason} of version 8, and the transit gateway fields of version 6. '-' means absent. A header may
 * name fields AWS has not documented (yet): their columns are accepted and their values ignored, so that a newer
 * field set still reads.
 *
 * <h2>Mapping</h2>
 * {@code version} (or, when the format lacks it, the highest version of its fields, as AWS numbers records; versions
 * after 8 are recorded as 8), {@code account-id} ({@code unknown}, which AWS writes for interfaces that its services
 * own, becomes null), {@code interface-id}, {@code instance-id}, {@code vpc-id}, {@code subnet-id}, {@code region},
 * the addresses and ports (by direction, below), {@code protocol}, {@code bytes}, {@code packets}, {@code start},
 * {@code end}, {@code action}. An absent port, count or protocol is 0. The other fields ({@code tcp-flags},
 * {@code type}, {@code pkt-srcaddr}, {@code pkt-dstaddr}, {@code az-id}, {@code sublocation-*},
 * {@code pkt-*-aws-service}, {@code traffic-path}, {@code ecs-*}, {@code reject-reason}) are checked but have no
 * place in the model.
 *
 * <h2>Records that produce no flow</h2>
 * Each is counted under a rule of the {@link io.github.detective4j.aws.IngestReport}:
 * <ul>
 *   <li>{@code vpcflow.nodata}, {@code vpcflow.skipdata}: {@code log-status} NODATA (no traffic in the window) or
 *       SKIPDATA (records AWS could not capture);
 *   <li>{@code vpcflow.no-traffic}: in a format without {@code log-status}, a record with '-' for {@code srcaddr},
 *       {@code dstaddr} and {@code action}: a window without traffic, which the format cannot call NODATA or
 *       SKIPDATA;
 *   <li>{@code vpcflow.transit-gateway}: transit gateway records describe a gateway, not a network interface, and
 *       have no {@code action};
 *   <li>{@code vpcflow.incomplete-format}: the flow log's format lacks a field a flow needs ({@code srcaddr},
 *       {@code dstaddr}, {@code start}, {@code end} or {@code action}); a warning names the fields once per layout;
 *   <li>{@code vpcflow.control-message}: CloudWatch Logs' checks of a subscription's destination.
 * </ul>
 * A record with the wrong number of fields, a bad number, address, account, action, status or direction, or an end
 * before its start is an error of its line, naming the field and quoting the value; the next line is read.
 *
 * <h2>Direction: which side is the network interface</h2>
 * {@code srcaddr}/{@code dstaddr} hold the interface's own (primary private) address on one side and the peer on the
 * other. The side is decided, from the surest rule to the least sure:
 * <ol>
 *   <li>{@code flow-direction} (version 5): {@code ingress} makes {@code dstaddr} local, {@code egress}
 *       {@code srcaddr}.
 *   <li>{@code pkt-srcaddr}/{@code pkt-dstaddr}: AWS writes the interface's primary address in {@code srcaddr}
 *       ({@code dstaddr}) when the packet's source (destination) is another address, as on NAT gateway and transit
 *       gateway interfaces; so when exactly one {@code pkt-*} field differs from its plain field, that plain field is
 *       the interface's address.
 *   <li>Learning: the interface's address is on one side of every record of that interface. Per
 *       {@code interface-id} and address family, the addresses present in every record so far are kept: two after
 *       the first record, one as soon as the interface has talked to a second peer, which decides this and later
 *       records. That holds while the interface has one address. A record with neither kept address shows that it
 *       has several (secondary IPv4 addresses, IPv6 addresses or prefixes: the pods of a Kubernetes node), and then
 *       an address in every record may be a peer they all talk to, so that interface's family learns no more this
 *       way: its later records are decided by the rules above and below, or go out unknown. Several addresses that
 *       have so far talked to one peer alone look like one address talking to several peers, and are taken for
 *       it; a format with {@code flow-direction} never has to guess.
 *   <li>A hint: the interface's IPv4 address is always its private one, so when exactly one side is in 10/8,
 *       172.16/12, 192.168/16 or 100.64/10, that side is local. (A VPC built on public CIDRs defeats this hint.)
 * </ol>
 * A record none of these decide is held back until its interface's address is learned, at most 4,096 records per
 * input; when that bound is reached or the input ends, it goes out as {@link
 * io.github.detective4j.model.FlowDirection#UNKNOWN} with {@code srcaddr} as the local side. Memory stays bounded:
 * up to 16,384 interfaces are remembered per input (two addresses each), the least recently seen forgotten first.
 * Learning is per input, never shared between inputs.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * LogReader reader = AwsLogs.emptyReader().register(new FlowLogFormat()).build();
 * IngestReport report = reader.read(Path.of("AWSLogs/123456789012/vpcflowlogs/"), graph);
 *
 * // CloudWatch Logs lines of a custom format, which carry no header
 * LogReader custom = AwsLogs.emptyReader()
 *     .register(FlowLogFormat.withLogFormat("${version} ${vpc-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport}"
 *         + " ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${flow-direction}"))
 *     .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe: every input is read with state of its own.
 */
public final class FlowLogFormat implements LogFormat {
    private static final JsonFactory DETECTION_JSON = new JsonFactory();
    private static final String CONTROL_TEXT = "CWL CONTROL MESSAGE";
    /** Lines of the head {@link #detect} looks at for a record. */
    private static final int DETECTION_LINES = 16;
    /** The score of a subscription payload of control messages only: any format that reads it may have it. */
    private static final int CONTROL_ONLY = 20;

    private final FlowLayout configured;

    /** Creates the format for the default record format, and for files that carry a header line. */
    public FlowLogFormat() {
        this(null);
    }

    private FlowLogFormat(FlowLayout configured) {
        this.configured = configured;
    }

    /**
     * Creates the format for headerless records of a custom format, such as CloudWatch Logs delivers them. Files with
     * a header line are still read by their header.
     *
     * @param logFormat the flow log's {@code LogFormat}, as given to {@code CreateFlowLogs} (such as
     *     {@code ${version} ${vpc-id} ${srcaddr}}), or the same field names separated by spaces
     * @return the format, named {@code vpcflow} like the default one, which it replaces when registered
     * @throws IllegalArgumentException if {@code logFormat} names no documented field, holds something that is not a
     *     field name, or has more than 256 fields
     * @throws NullPointerException if {@code logFormat} is null
     */
    public static FlowLogFormat withLogFormat(String logFormat) {
        Objects.requireNonNull(logFormat, "logFormat");
        return new FlowLogFormat(FlowLayout.parse(logFormat, "the given log format"));
    }

    /**
     * Returns {@code vpcflow}.
     *
     * @return the format's name
     */
    @Override
    public String name() {
        return "vpcflow";
    }

    /**
     * Recognises a header line (95), a record that reads under this format's layout (90), a line shaped like a
     * default record that does not read (60), and the same inside a JSON {@code message} or {@code logEvents}; the
     * first 16 lines of the head are looked at, so that a broken first line does not hide the records below it. A
     * CloudWatch Logs subscription payload that holds only control messages scores 20: it carries no flow, and the
     * reader skips it as {@code vpcflow.control-message} (the CloudTrail format, which skips those too, wins when it
     * claims the input). JSON without such a message (CloudTrail, GuardDuty, Security Hub) is never claimed.
     *
     * @param sample the input's name and head
     * @return 0 to 95
     */
    @Override
    public int detect(Sample sample) {
        String head = sample.trimmedHead();
        if (head.isEmpty()) {
            return 0;
        }
        int best = head.charAt(0) == '{' ? detectJson(head) : 0; // pretty-printed, or objects back to back
        FlowRecordDecoder decoder = new FlowRecordDecoder();
        int from = 0;
        for (int lines = 0; lines < DETECTION_LINES && from < head.length() && best < 90; lines++) {
            int end = head.indexOf('\n', from);
            String line = head.substring(from, end < 0 ? head.length() : end).strip();
            if (!line.isEmpty()) {
                best = Math.max(best, line.charAt(0) == '{' ? detectJson(line) : score(line, decoder));
            }
            from = end < 0 ? head.length() : end + 1;
        }
        return best;
    }

    private int detectJson(String head) {
        int control = 0;
        try (JsonParser parser = DETECTION_JSON.createParser(head)) {
            for (int roots = 0; roots < 16 && parser.nextToken() == JsonToken.START_OBJECT; roots++) {
                String message = firstMessage(parser);
                if (message != null && message.startsWith(CONTROL_TEXT)) {
                    control = CONTROL_ONLY;
                } else if (message != null) {
                    return score(message, new FlowRecordDecoder());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the head ends inside a value, or is not JSON after all: judge by what was seen
        }
        return control;
    }

    /**
     * Returns the first flow-carrying message of a root object, consuming the object up to it; a control message
     * when the object holds nothing else.
     */
    private static String firstMessage(JsonParser parser) throws IOException {
        String control = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("message") && value == JsonToken.VALUE_STRING) {
                return parser.getText();
            }
            if (name.equals("logEvents") && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        JsonToken fieldValue = parser.nextToken();
                        if (field.equals("message") && fieldValue == JsonToken.VALUE_STRING) {
                            if (!parser.getText().startsWith(CONTROL_TEXT)) {
                                return parser.getText();
                            }
                            control = parser.getText();
                        }
                        parser.skipChildren();
                    }
                }
                continue;
            }
            parser.skipChildren();
        }
        return control;
    }

    private int score(String line, FlowRecordDecoder decoder) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (FlowLayout.isHeader(bytes, 0, bytes.length)) {
            return 95;
        }
        FlowLayout layout = configured != null ? configured : FlowLayout.defaultFor(bytes, 0, bytes.length);
        try {
            decoder.decode(bytes, 0, bytes.length, layout);
            return layout.typedColumns() >= 3 ? 90 : 40;
        } catch (FlowRecordDecoder.InvalidField e) {
            return looksLikeDefault(decoder, bytes) ? 60 : 0;
        }
    }

    /** "2 123456789010 eni-...": a version, an account (or '-', or "unknown") and an interface (or '-'). */
    private static boolean looksLikeDefault(FlowRecordDecoder decoder, byte[] line) {
        if (decoder.countFields(line, 0, line.length) < 3) {
            return false;
        }
        String version = decoder.token(0);
        String account = decoder.token(1);
        String third = decoder.token(2);
        boolean versionOk = version.length() == 1 && version.charAt(0) >= '2' && version.charAt(0) <= '8';
        boolean accountOk = account.equals("-") || account.equals("unknown")
                || (account.length() == 12 && account.chars().allMatch(c -> c >= '0' && c <= '9'));
        boolean interfaceOk = third.equals("-") || third.startsWith("eni-");
        boolean transitGateway = account.startsWith("TransitGateway");
        return versionOk && ((accountOk && interfaceOk) || transitGateway);
    }

    /**
     * Reads flow log records, line by line or JSON object by object, in constant memory.
     *
     * @param in the decompressed input
     * @param context where flows, skips and errors go
     * @throws IOException when the input itself cannot be read
     */
    @Override
    public void parse(InputStream in, ParseContext context) throws IOException {
        new FlowLogReading(context, configured).read(in);
    }

    /**
     * Describes the format, with the log format it was given.
     *
     * @return {@code FlowLogFormat[default]} or {@code FlowLogFormat[<field names>]}
     */
    @Override
    public String toString() {
        return configured == null ? "FlowLogFormat[default]" : "FlowLogFormat[" + configured + "]";
    }
}
