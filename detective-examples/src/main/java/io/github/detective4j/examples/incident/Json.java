package io.github.detective4j.examples.incident;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as Jackson writes them from plain Java: objects as insertion-ordered maps (field order is part of
 * byte-identical output, so never {@code Map.of}, whose order changes from run to run), arrays as lists.
 */
final class Json {
    private Json() {}

    /**
     * An object of the given fields, in order.
     *
     * @param namesAndValues name, value, name, value...; a value is a string, number, boolean, null, map or list
     */
    static Map<String, Object> object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return out;
    }

    /** An array of the given values, nulls allowed. */
    static List<Object> array(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    /** CloudTrail's way of nesting EC2 lists: {@code {"items": [...]}}. */
    static Map<String, Object> items(Object... values) {
        return object("items", array(values));
    }
}
