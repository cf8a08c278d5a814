package io.github.detective4j.aws.findings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * What the start of a findings input looks like, for format detection: the EventBridge {@code detail-type}, if any,
 * and the top-level keys of the first finding, looked for where each shape keeps it (the root object, the first
 * element of a root array, of {@code Findings} or {@code findings}, or EventBridge's {@code detail}).
 *
 * <p>Keys count only at the finding's own level, so that a document that merely holds a finding deeper down (a test
 * case wrapping one under {@code log}, say) is not taken for one. The head may be cut anywhere: what was read before
 * the cut counts.
 *
 * @param detailType the EventBridge {@code detail-type}, or null
 * @param findingKeys the first finding's top-level keys, as far as the head goes
 * @param findingArn the first finding's top-level {@code arn} (or {@code Arn}) when it is a string the head holds,
 *     else null
 */
record FindingShape(String detailType, Set<String> findingKeys, String findingArn) {
    private static final JsonFactory HEAD_FACTORY = new JsonFactory();

    /** The shape of a head that is neither an object nor an array. */
    private static final FindingShape NOT_JSON = new FindingShape(null, Set.of(), null);

    /**
     * Reads the shape of a head without its leading white space; one that is not JSON has no detail type and no keys.
     */
    static FindingShape of(String head) {
        if (head.isEmpty() || head.charAt(0) != '{' && head.charAt(0) != '[') {
            // flow log lines and other text: a parser would only throw, and an exception's stack trace costs a
            // small file's read about a tenth of its time, once for each findings format
            return NOT_JSON;
        }
        Reading reading = new Reading();
        try (JsonParser parser = HEAD_FACTORY.createParser(head)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                token = parser.nextToken();
            }
            if (token == JsonToken.START_OBJECT) {
                reading.root(parser);
            }
        } catch (IOException cutOrNotJson) {
            // a head cut mid-document, or text that is not JSON: keep what was read
        }
        return new FindingShape(reading.detailType, reading.keys, reading.arn);
    }

    /** Tells whether the first finding has every one of these keys. */
    boolean hasKeys(String... names) {
        for (String name : names) {
            if (!findingKeys.contains(name)) {
                return false;
            }
        }
        return true;
    }

    private static final class Reading {
        String detailType;
        Set<String> keys = new HashSet<>();
        String arn;

        void root(JsonParser parser) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("detail-type".equals(name) && value == JsonToken.VALUE_STRING) {
                    detailType = parser.getText();
                } else if ("detail".equals(name) && value == JsonToken.START_OBJECT) {
                    nested(parser); // the finding is the detail (GuardDuty) or in it (ASFF)
                    return;
                } else if (isWrapper(name, value) && firstElementIsObject(parser)) {
                    nested(parser);
                    return;
                } else {
                    key(name, value, parser);
                }
            }
        }

        /** Collects an object's keys; a findings wrapper inside it stands for its first finding instead. */
        private void finding(JsonParser parser) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (isWrapper(name, value) && firstElementIsObject(parser)) {
                    nested(parser);
                    return;
                }
                key(name, value, parser);
            }
        }

        /** Starts over with the finding the parser has just entered: what was read so far was its container's. */
        private void nested(JsonParser parser) throws IOException {
            keys = new HashSet<>();
            arn = null;
            finding(parser);
        }

        private void key(String name, JsonToken value, JsonParser parser) throws IOException {
            keys.add(name);
            if (value == JsonToken.VALUE_STRING && ("arn".equals(name) || "Arn".equals(name))) {
                arn = parser.getText();
            }
            parser.skipChildren();
        }

        private static boolean isWrapper(String name, JsonToken value) {
            return value == JsonToken.START_ARRAY && ("Findings".equals(name) || "findings".equals(name));
        }

        private static boolean firstElementIsObject(JsonParser parser) throws IOException {
            return parser.nextToken() == JsonToken.START_OBJECT;
        }
    }
}
