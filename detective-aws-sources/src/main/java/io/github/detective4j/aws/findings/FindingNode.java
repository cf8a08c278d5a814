package io.github.detective4j.aws.findings;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.detective4j.aws.AwsTimestamps;
import io.github.detective4j.aws.ParseContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JSON object inside a finding, read with its type checked: a field of the wrong JSON type is an
 * {@link InvalidFieldException} naming the field by its path and quoting the value, so that the finding is reported
 * and its neighbours read on. JSON {@code null} counts as absent.
 *
 * <p>Names are looked up as given, then with the first letter's case flipped: GuardDuty's API and EventBridge write
 * {@code accountId}, the AWS CLI writes {@code AccountId} for the same field.
 */
final class FindingNode {
    /** ISO-8601 date-time with an offset written {@code +HHMM}, which some exporters use. */

    private final JsonNode node;
    private final String path;

    private FindingNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /**
     * Wraps a finding.
     *
     * @param finding the finding's object
     * @return the node, whose fields are named from the finding's root
     */
    static FindingNode root(JsonNode finding) {
        return new FindingNode(finding, "");
    }

    /**
     * Returns the raw value of a field.
     *
     * @param name the field name
     * @return the value, or null when absent or JSON null
     */
    JsonNode raw(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            value = node.get(flipFirst(name));
        }
        return value == null || value.isNull() ? null : value;
    }

    /**
     * Returns the names of this object's fields, in the order written.
     *
     * @return the names
     */
    List<String> names() {
        List<String> names = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Reads a string field.
     *
     * @param name the field name
     * @return the text, or null when absent
     * @throws InvalidFieldException if the value is not a string
     */
    String text(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(name, value, "a string");
        }
        return value.textValue();
    }

    /**
     * Reads a string field that must be there and not blank.
     *
     * @param name the field name
     * @return the text
     * @throws InvalidFieldException if the field is absent, blank or not a string
     */
    String requiredText(String name) {
        String text = text(name);
        if (text == null || text.isBlank()) {
            throw new InvalidFieldException(text == null ? "has no '" + path(name) + "'"
                    : "'" + path(name) + "' is blank");
        }
        return text;
    }

    /**
     * Reads an object field.
     *
     * @param name the field name
     * @return the object, or null when absent
     * @throws InvalidFieldException if the value is not an object
     */
    FindingNode object(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(name, value, "an object");
        }
        return new FindingNode(value, path(name));
    }

    /**
     * Reads an array of objects.
     *
     * @param name the field name
     * @return the objects, empty when absent
     * @throws InvalidFieldException if the value is not an array or an element is not an object
     */
    List<FindingNode> objects(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw wrongType(name, value, "an array");
        }
        List<FindingNode> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (element.isNull()) {
                continue;
            }
            String elementPath = path(name) + "[" + i + "]";
            if (!element.isObject()) {
                throw new InvalidFieldException("'" + elementPath + "' must be an object, was " + quote(element));
            }
            out.add(new FindingNode(element, elementPath));
        }
        return out;
    }

    /**
     * Reads an array of strings.
     *
     * @param name the field name
     * @return the strings, empty when absent
     * @throws InvalidFieldException if the value is not an array or an element is not a string
     */
    List<String> texts(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw wrongType(name, value, "an array");
        }
        List<String> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (element.isNull()) {
                continue;
            }
            if (!element.isTextual()) {
                throw new InvalidFieldException("'" + path(name) + "[" + i + "]' must be a string, was "
                        + quote(element));
            }
            out.add(element.textValue());
        }
        return out;
    }

    /**
     * Reads a boolean field.
     *
     * @param name the field name
     * @return the value, or null when absent
     * @throws InvalidFieldException if the value is not a boolean
     */
    Boolean bool(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrongType(name, value, "true or false");
        }
        return value.booleanValue();
    }

    /**
     * Reads a number field.
     *
     * @param name the field name
     * @return the value, or null when absent
     * @throws InvalidFieldException if the value is not a finite number
     */
    Double number(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw wrongType(name, value, "a number");
        }
        return value.doubleValue();
    }

    /**
     * Reads a whole-number field.
     *
     * @param name the field name
     * @return the value, or null when absent
     * @throws InvalidFieldException if the value is not a whole number that fits a long
     */
    Long whole(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(name, value, "a whole number");
        }
        return value.longValue();
    }

    /**
     * Reads a timestamp field.
     *
     * @param name the field name
     * @return the instant, or null when absent
     * @throws InvalidFieldException if the value is not a string or not a timestamp {@link AwsTimestamps#tryParse} reads
     */
    Instant instant(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        Instant instant = AwsTimestamps.tryParse(text); // ISO-8601 with an offset, or the SQL-style UTC form
        if (instant == null) {
            throw new InvalidFieldException("'" + path(name) + "' is not an ISO-8601 timestamp: "
                    + ParseContext.quote(text));
        }
        return instant;
    }

    /**
     * Returns the path of a field of this object, for messages.
     *
     * @param name the field name
     * @return such as {@code service.action.awsApiCallAction}
     */
    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }


    private InvalidFieldException wrongType(String name, JsonNode value, String expected) {
        return new InvalidFieldException("'" + path(name) + "' must be " + expected + ", was " + quote(value));
    }

    private static String quote(JsonNode value) {
        return ParseContext.quote(value.isTextual() ? value.textValue() : value.toString());
    }

    /** The most names {@link #FLIPS} keeps: the mappings ask for about a hundred of their own. */
    private static final int MAX_FLIPS = 1024;

    /**
     * Names flipped so far: the mapping asks for the same names on every finding, and flipping one made a string to
     * copy and hash on each ask (a sixth of a GuardDuty finding's mapping). Bounded, since names can come from the
     * input too (ASFF's {@code ProductFields} keys): once full, other names are flipped on each ask. A map rather than
     * a table of slots, whose collisions between two busy names (a fixture's {@code instanceDetails} and
     * {@code ebsSnapshotDetails}) flipped both again on every finding.
     */
    private static final ConcurrentHashMap<String, String> FLIPS = new ConcurrentHashMap<>();

    private static String flipFirst(String name) {
        String flipped = FLIPS.get(name);
        if (flipped == null) {
            flipped = flip(name);
            if (FLIPS.size() < MAX_FLIPS) {
                FLIPS.putIfAbsent(name, flipped);
            }
        }
        return flipped;
    }

    private static String flip(String name) {
        char first = name.charAt(0);
        char flipped = Character.isUpperCase(first) ? Character.toLowerCase(first) : Character.toUpperCase(first);
        return flipped + name.substring(1);
    }

    /** A field of a finding that is missing, of the wrong type or out of range; the message says which. */
    static final class InvalidFieldException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception; no stack trace, since it reports bad input, not a bug.
         *
         * @param message what is wrong with which field
         */
        InvalidFieldException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Says why a finding could not be mapped, for an error message: the exception's message, escaped, since the
     * model's messages may quote input (an id, a time) as it came.
     */
    static String reasonOf(RuntimeException invalid) {
        return ParseContext.escape(invalid.getMessage() != null ? invalid.getMessage() : invalid.toString());
    }
}
