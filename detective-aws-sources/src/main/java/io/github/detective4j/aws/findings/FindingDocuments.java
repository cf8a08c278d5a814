package io.github.detective4j.aws.findings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.detective4j.aws.ParseContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Walks the JSON shapes findings arrive in and hands each finding-sized record to a {@link RecordHandler}: one at a
 * time, each read into a tree on its own, never the whole input.
 *
 * <p>The shapes, which may follow one another in one input (concatenated, or one per line):
 * <ul>
 *   <li>a wrapper object with a {@code Findings} or {@code findings} array ({@code GetFindings} output, the CLI's
 *       output, a {@code BatchImportFindings} request): each element is a record, streamed;
 *   <li>an EventBridge event whose {@code detail} holds a {@code findings} array (Security Hub), when enabled: each
 *       element is a record, streamed;
 *   <li>any other object: one record (a finding, or an EventBridge event holding one in {@code detail});
 *   <li>an array: each element is read as one of the above.
 * </ul>
 *
 * <p>When the input looks like JSON Lines ({@link FindingInput#looksLikeJsonLines()}), each line gets its own parser,
 * so that a line that is not JSON is an error of that line and the next line is read. Otherwise the input is one
 * JSON document (pretty-printed), and a syntax error ends it: past one, records cannot be told apart. A number longer
 * than the reader's limit is no syntax error: it costs only the record that holds it ({@link #passOver}). A record
 * nesting deeper than the reader's limit is an error of that record, naming it by what was read of it: in JSON Lines
 * the next line is read, in one document nothing more is, since the parser cannot step over the rest of it.
 */
final class FindingDocuments {
    /** Receives each record; it counts it ({@link ParseContext#recordRead()}) and emits, skips or reports it. */
    @FunctionalInterface
    interface RecordHandler {
        /**
         * Handles one record.
         *
         * @param record the record's JSON object
         * @param line the line it starts on
         * @throws IOException when the error handler stops reading
         */
        void record(ObjectNode record, long line) throws IOException;
    }

    /** Where Jackson's limit messages name the setting (a class and method, no use to an operator). */
    private static final Pattern SETTING = Pattern.compile(", from `[^`]*`");

    private final ParseContext context;
    private final ObjectMapper mapper;
    private final RecordHandler handler;
    private final Function<ObjectNode, String> name;
    private final boolean findingsInDetail;
    private FindingInput input;
    private boolean lineMode;

    /**
     * Prepares to walk one input.
     *
     * @param context where non-record errors go
     * @param mapper the mapper built on the context's JSON factory
     * @param findingsInDetail whether an event's {@code detail.findings} array holds records (Security Hub)
     * @param name names a record in an error message ({@code GuardDuty finding 'abc'}) from as much of it as was
     *     read, which may be none of it
     * @param handler where the records go
     */
    FindingDocuments(ParseContext context, ObjectMapper mapper, boolean findingsInDetail,
            Function<ObjectNode, String> name, RecordHandler handler) {
        this.context = context;
        this.mapper = mapper;
        this.findingsInDetail = findingsInDetail;
        this.name = name;
        this.handler = handler;
    }

    /**
     * Reads the input to its end.
     *
     * @param in the decompressed input
     * @throws IOException when the stream fails, a JSON document is broken, or the error handler stops reading
     */
    void read(InputStream in) throws IOException {
        input = new FindingInput(in);
        input.fillHead();
        if (input.looksLikeJsonLines()) {
            lineMode = true;
            input.lineMode();
            do {
                readLine();
            } while (input.nextLine());
        } else {
            try (JsonParser parser = context.jsonFactory().createParser(input)) {
                values(parser);
            } catch (Abandoned reported) {
                // the record that ended the document was reported
            }
        }
    }

    private void readLine() throws IOException {
        long line = input.lineNumber();
        try (JsonParser parser = context.jsonFactory().createParser(input)) {
            values(parser);
        } catch (Abandoned reported) {
            // the record that ended the line was reported; the next line has a parser of its own
        } catch (JsonProcessingException broken) {
            // the handler's own stop (InvalidRecordException) is not a JsonProcessingException and goes on up
            long record = context.recordRead();
            context.error(line, record, "line " + line + " is not valid JSON: "
                    + ParseContext.quote(broken.getOriginalMessage()));
        }
    }

    /** Reads top-level values until the parser's input ends. */
    private void values(JsonParser parser) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (token == JsonToken.START_ARRAY) {
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        return; // the parser reports the unclosed array on its own
                    }
                    value(parser, token, "an element of a top-level array");
                }
            } else {
                value(parser, token, "a top-level value");
            }
        }
    }

    private void value(JsonParser parser, JsonToken token, String what) throws IOException {
        long line = line(parser);
        if (token == JsonToken.START_OBJECT) {
            container(parser, line);
        } else {
            notAFinding(parser, token, line, what);
        }
    }

    /**
     * Streams an object: a wrapper's findings array and an event's {@code detail.findings} array go element by
     * element; any other object becomes one record.
     */
    private void container(JsonParser parser, long line) throws IOException {
        JsonStreamContext outside = parser.getParsingContext().getParent();
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        boolean wrapper = false;
        try {
            wrapper = fields(parser, object);
        } catch (StreamConstraintsException limit) {
            passOver(parser, outside, line, limit, object);
            return;
        }
        if (!wrapper) {
            handler.record(object, line);
        }
    }

    /** Reads a container's fields into {@code object}; returns whether it held a findings array, now read. */
    private boolean fields(JsonParser parser, ObjectNode object) throws IOException {
        boolean wrapper = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY && ("Findings".equals(name) || "findings".equals(name))) {
                wrapper = true;
                findingsArray(parser, name);
            } else if (findingsInDetail && token == JsonToken.START_OBJECT && "detail".equals(name)) {
                ObjectNode detail = JsonNodeFactory.instance.objectNode();
                if (detail(parser, detail)) {
                    wrapper = true;
                } else {
                    object.set(name, detail);
                }
            } else {
                object.set(name, tree(parser));
            }
        }
        return wrapper;
    }

    /**
     * After a record's value went past a limit that leaves the JSON whole, passes over the rest of the record (to the
     * context {@code outside} it) and reports it. Only a number's length qualifies: Jackson checks it once it has read
     * the whole number, so the parser is at a token boundary, where a string's length is checked while the string is
     * read, and what follows inside it must not be parsed as JSON (it is the attacker's text). Past the nesting limit
     * the parser is at a boundary too, but inside a level it did not open, so the closing brackets would no longer
     * match: the record is reported, named by {@code partial}, and the line or document abandoned. Any other limit
     * goes on up and ends the input.
     */
    private void passOver(JsonParser parser, JsonStreamContext outside, long line, StreamConstraintsException limit,
            ObjectNode partial) throws IOException {
        String problem = limit.getOriginalMessage();
        if (problem != null && problem.contains("getMaxNestingDepth")) {
            String rest = lineMode ? "the rest of line " + line : "the rest of the input";
            context.error(line, context.recordRead(), name.apply(partial) + ": nested too deep: "
                    + SETTING.matcher(problem).replaceAll("") + "; " + rest + " is not read");
            throw new Abandoned();
        }
        if (problem == null || !problem.contains("getMaxNumberLength")) {
            throw limit;
        }
        // the field whose value threw may read as one more null token: only the input's end stops the walk
        while (parser.getParsingContext() != outside) {
            if (parser.nextToken() == null && parser.isClosed()) {
                break;
            }
        }
        context.error(line, context.recordRead(), "record holds a number longer than "
                + parser.streamReadConstraints().getMaxNumberLength() + " characters");
    }

    /** Streams an event's {@code detail}; returns whether it held a {@code findings} array, now read. */
    private boolean detail(JsonParser parser, ObjectNode detail) throws IOException {
        boolean findings = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY && "findings".equals(name)) {
                findings = true;
                findingsArray(parser, "detail.findings");
            } else {
                detail.set(name, tree(parser));
            }
        }
        return findings;
    }

    private void findingsArray(JsonParser parser, String name) throws IOException {
        JsonToken token;
        int index = 0;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                return;
            }
            long line = line(parser);
            if (token == JsonToken.START_OBJECT) {
                JsonStreamContext outside = parser.getParsingContext().getParent();
                // field by field, so that a finding past a limit can still be named by the fields before it
                ObjectNode finding = JsonNodeFactory.instance.objectNode();
                try {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        parser.nextToken();
                        finding.set(field, tree(parser));
                    }
                } catch (StreamConstraintsException limit) {
                    passOver(parser, outside, line, limit, finding);
                    index++;
                    continue;
                }
                handler.record(finding, line);
            } else {
                notAFinding(parser, token, line, "element " + index + " of '" + name + "'");
            }
            index++;
        }
    }

    private void notAFinding(JsonParser parser, JsonToken token, long line, String what) throws IOException {
        parser.skipChildren();
        long record = context.recordRead();
        context.error(line, record, what + " is " + describe(token) + ", not a finding object");
    }

    private JsonNode tree(JsonParser parser) throws IOException {
        JsonNode node = mapper.readTree(parser);
        return node == null ? NullNode.getInstance() : node;
    }

    private long line(JsonParser parser) {
        return lineMode ? input.lineNumber() : parser.currentTokenLocation().getLineNr();
    }

    /** Ends the line or document after the record that caused it was reported; it needs no stack trace. */
    private static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super(null, null, false, false);
        }
    }

    private static String describe(JsonToken token) {
        switch (token) {
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return "a " + token.asString();
        }
    }
}
