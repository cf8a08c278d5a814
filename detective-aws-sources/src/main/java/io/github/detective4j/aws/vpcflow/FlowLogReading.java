package io.github.detective4j.aws.vpcflow;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.detective4j.aws.ParseContext;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.FlowLogStatus;
import io.github.detective4j.model.NetworkFlow;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reading of one input: all per-input state (the current layout, the line counter, what was learned of the
 * interfaces' addresses) lives here, so that one {@link FlowLogFormat} can read many inputs at once.
 */
final class FlowLogReading {
    private static final Logger LOG = LoggerFactory.getLogger(FlowLogFormat.class);
    /** Longer than any record AWS writes (a few hundred bytes with every field), far below a memory risk. */
    static final int MAX_LINE_LENGTH = 256 * 1024;
    private static final int MAX_INTERFACES = 16_384;
    private static final int MAX_HELD = 4_096;
    private static final String CONTROL_MESSAGE = "CONTROL_MESSAGE";
    private static final String CONTROL_TEXT = "CWL CONTROL MESSAGE";

    private final ParseContext context;
    private final FlowLayout configured;
    private final FlowRecordDecoder decoder = new FlowRecordDecoder();
    private final InterfaceDirections directions;
    private FlowLayout header;
    private byte[] headerBytes;
    private String warnedIncomplete;
    /** The line the JSON root object being read began on, or 0 between root objects. */
    private long objectLine;

    /**
     * @param configured the layout the user gave for headerless records, or null for the default formats
     */
    FlowLogReading(ParseContext context, FlowLayout configured) {
        this.context = context;
        this.configured = configured;
        this.directions = new InterfaceDirections(MAX_INTERFACES, MAX_HELD, context::emit);
    }

    void read(InputStream in) throws IOException {
        try {
            ByteLines lines = new ByteLines(in, MAX_LINE_LENGTH);
            int first = lines.skipBlank();
            if (first == '{') {
                readJson(new LineSource(new InputStreamReader(lines.rest(), StandardCharsets.UTF_8),
                        lines.linesEnded()));
            } else if (first >= 0) {
                readLines(lines);
            }
        } catch (IOException e) {
            // The input broke off (a gzip cut short): the records held back are whole ones. Not on a sink's own
            // failure, which must not be called again.
            directions.finish();
            throw e;
        }
        directions.finish();
    }

    // ---------------------------------------------------------------- plain text: S3 files, CloudWatch Logs lines

    private void readLines(ByteLines lines) throws IOException {
        while (lines.next()) {
            long number = lines.linesEnded();
            byte[] b = lines.bytes();
            int from = lines.from();
            int to = lines.to();
            if (lines.lastLineTooLong()) {
                long record = context.recordRead();
                context.error(number, record, "the line is longer than " + MAX_LINE_LENGTH + " bytes: "
                        + ParseContext.quote(new String(b, from, to - from, StandardCharsets.UTF_8)));
                continue;
            }
            int first = ByteLines.firstContent(b, from, to);
            if (first >= to) {
                continue;
            }
            if (b[first] == '{') {
                readJsonLine(new String(b, from, to - from, StandardCharsets.UTF_8), number);
            } else {
                text(b, first, to, number); // past a byte-order mark too: files joined end to end may each have one
            }
        }
    }

    /** A {"message": ...} object on a line of a text input: read it alone, so that a broken one costs one line. */
    private void readJsonLine(String line, long number) throws IOException {
        try (JsonParser parser = context.jsonFactory().createParser(line)) {
            readRootValues(parser, number - 1);
        } catch (JacksonException e) {
            objectLine = 0;
            long record = context.recordRead();
            context.error(number, record, malformed(e));
        }
    }

    // ------------------------------------------------ JSON: {"message": ...} lines, CloudWatch Logs subscriptions

    /**
     * Reads JSON root values one after the other: one object per line, pretty-printed objects, or objects written
     * back to back as Firehose delivers them. A syntax error is an error of the line it is on; reading goes on with
     * a new parser on the next line.
     */
    private void readJson(LineSource source) throws IOException {
        while (true) {
            long lineBase = source.linesEnded();
            JacksonException failure;
            JsonLocation at;
            try (JsonParser parser = context.jsonFactory().createParser(source.lineAtATime())) {
                try {
                    readRootValues(parser, lineBase);
                    return;
                } catch (JacksonException e) {
                    // a limit's exception (a string too long) has no location: where the parser stopped is its place
                    failure = e;
                    at = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation()
                            : parser.currentLocation();
                }
            }
            long line = lineBase + at.getLineNr();
            long record = context.recordRead();
            if (objectLine > 0 && line > objectLine && source.rewindToObjectOnCurrentLine()) {
                // An object was cut short and the next one begins on this line: the error is the cut one's, and
                // the next one is read again by a new parser.
                context.error(objectLine, record, "the JSON object is not closed before line " + line + ": "
                        + ParseContext.quote(failure.getOriginalMessage()));
            } else {
                // A Firehose file holds its payloads back to back on one line: say what the error costs.
                long lost = source.skipRestOfLine(line == source.currentLine() ? at.getColumnNr() : Long.MAX_VALUE);
                context.error(line, record, lost == 0 ? malformed(failure) : malformed(failure) + "; the rest of line "
                        + line + " is not read (" + lost + " characters)");
            }
            objectLine = 0;
        }
    }

    private void readRootValues(JsonParser parser, long lineBase) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            long line = lineBase + parser.currentTokenLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                long record = context.recordRead();
                parser.skipChildren();
                context.error(line, record, "expected a JSON object with a \"message\" field, found "
                        + ParseContext.quote(token.asString() == null ? token.name() : token.asString()));
                continue;
            }
            objectLine = line;
            readEnvelope(parser, line, lineBase);
            objectLine = 0;
        }
    }

    /**
     * Reads one root object: {@code {"message": "<record>", ...}} (CloudWatch Logs exports, Firehose), or a CloudWatch
     * Logs subscription payload {@code {"messageType": "DATA_MESSAGE", "logEvents": [{"message": ...}]}}. A message
     * is handled once the object holding it is closed, so that an object cut short is one error, not an event and an
     * error.
     */
    private void readEnvelope(JsonParser parser, long startLine, long lineBase) throws IOException {
        Message message = null;
        boolean events = false;
        boolean control = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            long line = lineBase + parser.currentTokenLocation().getLineNr();
            switch (name) {
                case "message" -> {
                    if (message == null) {
                        message = Message.read(parser, value, line);
                    } else {
                        parser.skipChildren();
                    }
                }
                case "messageType" -> control = value == JsonToken.VALUE_STRING
                        && CONTROL_MESSAGE.equals(parser.getText());
                case "logEvents" -> {
                    events = true;
                    if (value != JsonToken.START_ARRAY) {
                        parser.skipChildren();
                        long record = context.recordRead();
                        context.error(line, record, "logEvents is not an array");
                        continue;
                    }
                    readLogEvents(parser, lineBase, control);
                }
                default -> parser.skipChildren();
            }
        }
        if (message != null) {
            handle(message, control);
        } else if (!events) {
            long record = context.recordRead();
            context.error(startLine, record,
                    "the JSON object has neither a \"message\" field nor a \"logEvents\" array");
        }
    }

    private void readLogEvents(JsonParser parser, long lineBase, boolean control) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            long eventLine = lineBase + parser.currentTokenLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                long record = context.recordRead();
                context.error(eventLine, record, "a logEvents element is not a JSON object");
                continue;
            }
            Message message = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("message") && message == null) {
                    message = Message.read(parser, value, lineBase + parser.currentTokenLocation().getLineNr());
                } else {
                    parser.skipChildren();
                }
            }
            if (message != null) {
                handle(message, control);
            } else {
                long record = context.recordRead();
                context.error(eventLine, record, "the log event has no \"message\" field");
            }
        }
    }

    /** A {@code message} value and the line it is on; {@code text} is null when the value is not a string. */
    private record Message(String text, JsonToken token, long line) {
        static Message read(JsonParser parser, JsonToken value, long line) throws IOException {
            if (value == JsonToken.VALUE_STRING) {
                return new Message(parser.getText(), value, line);
            }
            parser.skipChildren();
            return new Message(null, value, line);
        }
    }

    private void handle(Message message, boolean control) throws IOException {
        String text = message.text();
        long line = message.line();
        if (text == null) {
            long record = context.recordRead();
            context.error(line, record, "message is not a string: " + ParseContext.quote(message.token().name()));
            return;
        }
        if (control || text.startsWith(CONTROL_TEXT)) {
            // CloudWatch Logs checks a subscription's destination with these; they carry no flow.
            context.recordRead();
            context.skip("vpcflow.control-message");
            return;
        }
        // a string longer than the limit in characters is longer in bytes too: not worth encoding
        byte[] bytes = text.length() > MAX_LINE_LENGTH ? null : text.getBytes(StandardCharsets.UTF_8);
        if (bytes != null && ByteLines.firstContent(bytes, 0, bytes.length) >= bytes.length) {
            long record = context.recordRead();
            context.error(line, record, "message is empty");
            return;
        }
        if (bytes == null || bytes.length > MAX_LINE_LENGTH) {
            long record = context.recordRead();
            context.error(line, record, "message is longer than " + MAX_LINE_LENGTH + " bytes: "
                    + ParseContext.quote(text));
            return;
        }
        text(bytes, 0, bytes.length, line);
    }

    // ------------------------------------------------------------------------------------------ records

    /** A line of text in {@code b[from, to)}: a header (the layout of the records below it) or a record. */
    private void text(byte[] b, int from, int to, long number) throws IOException {
        if (FlowLayout.isHeader(b, from, to)) {
            if (headerBytes != null && Arrays.equals(b, from, to, headerBytes, 0, headerBytes.length)) {
                return; // the same header again, as in S3 files joined end to end: keep the layout built for it
            }
            try {
                header = FlowLayout.header(new String(b, from, to - from, StandardCharsets.UTF_8),
                        "the header on line " + number);
                headerBytes = Arrays.copyOfRange(b, from, to);
            } catch (IllegalArgumentException e) {
                long record = context.recordRead(); // a header wider than any record may be
                context.error(number, record, "unreadable header: " + e.getMessage());
            }
            return;
        }
        record(b, from, to, number);
    }

    private FlowLayout layoutFor(byte[] b, int from, int to) {
        if (header != null) {
            return header;
        }
        if (configured != null) {
            return configured;
        }
        return FlowLayout.defaultFor(b, from, to);
    }

    /**
     * Reads one record. Every field is checked first, whatever becomes of the record, so that a malformed NODATA or
     * transit gateway line is an error like any other; then the record is skipped by rule, or turned into a flow.
     */
    private void record(byte[] b, int from, int to, long number) throws IOException {
        long record = context.recordRead();
        FlowLayout layout = layoutFor(b, from, to);
        FlowRecordDecoder d = decoder;
        try {
            d.decode(b, from, to, layout);
        } catch (FlowRecordDecoder.InvalidField e) {
            context.error(number, record, e.getMessage());
            return;
        }
        FlowLogStatus status = d.logStatus == null ? FlowLogStatus.OK : d.logStatus;
        if (status == FlowLogStatus.NODATA) {
            context.skip("vpcflow.nodata");
            return;
        }
        if (status == FlowLogStatus.SKIPDATA) {
            context.skip("vpcflow.skipdata");
            return;
        }
        if (layout.transitGateway()) {
            // A transit gateway record describes the gateway, not a network interface, and has no action.
            context.skip("vpcflow.transit-gateway");
            return;
        }
        if (!layout.missing().isEmpty()) {
            warnIncomplete(layout);
            context.skip("vpcflow.incomplete-format");
            return;
        }
        if (d.logStatus == null && d.srcaddr == null && d.dstaddr == null && d.action == null) {
            // A format without log-status cannot say NODATA or SKIPDATA; such a record still has '-' for its traffic.
            context.skip("vpcflow.no-traffic");
            return;
        }
        String missing = d.srcaddr == null ? "srcaddr" : d.dstaddr == null ? "dstaddr" : d.start < 0 ? "start"
                : d.end < 0 ? "end" : d.action == null ? "action" : null;
        if (missing != null) {
            context.error(number, record, missing + " is '-' in a record that carries traffic (log-status OK or"
                    + " absent)");
            return;
        }
        if (d.end < d.start) {
            context.error(number, record, "end " + ParseContext.quote(Long.toString(d.end)) + " is before start "
                    + ParseContext.quote(Long.toString(d.start)));
            return;
        }
        try {
            emit(d, layout);
        } catch (IllegalArgumentException | NullPointerException e) {
            context.error(number, record, "not a valid flow: " + e.getMessage());
        }
    }

    private void emit(FlowRecordDecoder d, FlowLayout layout) {
        // The version field decides when present; otherwise the version AWS gives this field set. The model knows
        // versions up to 8: a later one is recorded as 8, since its fields are read by name whatever the version.
        int version = Math.min(d.version > 0 ? d.version : layout.version(), 8);
        InterfaceDirections.Decision decision = directions.decide(d.interfaceId, d.srcaddr, d.dstaddr,
                d.flowDirection, d.pktSrcaddr, d.pktDstaddr);
        boolean inbound = decision == InterfaceDirections.Decision.INBOUND;
        FlowDirection direction = switch (decision) {
            case INBOUND -> FlowDirection.INBOUND;
            case OUTBOUND -> FlowDirection.OUTBOUND;
            case HOLD, UNKNOWN -> FlowDirection.UNKNOWN;
        };
        NetworkFlow flow = new NetworkFlow(version, d.accountId, d.interfaceId, d.instanceId, d.vpcId, d.subnetId,
                d.region,
                inbound ? d.dstaddr : d.srcaddr, inbound ? d.dstport : d.srcport,
                inbound ? d.srcaddr : d.dstaddr, inbound ? d.srcport : d.dstport,
                d.protocol, d.bytes, d.packets, Instant.ofEpochSecond(d.start), Instant.ofEpochSecond(d.end),
                d.action, FlowLogStatus.OK, direction);
        if (decision == InterfaceDirections.Decision.HOLD) {
            directions.hold(d.interfaceId, flow);
        } else {
            context.emit(flow);
        }
    }

    /** Says once per layout and input why its records produce no flows: a silent zero would mislead. */
    private void warnIncomplete(FlowLayout layout) {
        String fields = layout.toString();
        if (!fields.equals(warnedIncomplete)) {
            warnedIncomplete = fields;
            LOG.warn("{}: the records of {} lack {}; they are counted as vpcflow.incomplete-format, not turned into"
                    + " flows", ParseContext.escape(context.source()), layout.origin(), layout.missing());
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String malformed(JacksonException e) {
        return "the JSON is malformed: " + ParseContext.quote(e.getOriginalMessage());
    }
}
