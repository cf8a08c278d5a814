package io.github.detective4j.aws.cloudtrail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A few paths into a JSON subtree, such as {@code instancesSet.items[].instanceId}, and the streaming walk that
 * collects the scalar values at their ends while passing over everything else: how the resource rules read
 * {@code requestParameters} and {@code responseElements} without building trees. Immutable.
 */
final class ValuePaths {
    /** Path syntax for "every element of this array". */
    private static final String EVERY = "[]";

    /** Per path, its segments as bytes; null stands for {@code []}. */
    private final byte[][][] segments;

    private ValuePaths(byte[][][] segments) {
        this.segments = segments;
    }

    /**
     * Compiles paths written as dot-separated field names, {@code []} after an array's name.
     *
     * @param paths such as {@code "assumedRoleUser.arn"} or {@code "instancesSet.items[].instanceId"}
     * @return the compiled paths, at most 31
     */
    static ValuePaths of(String... paths) {
        if (paths.length > 31) {
            throw new IllegalArgumentException("at most 31 paths");
        }
        byte[][][] compiled = new byte[paths.length][][];
        for (int p = 0; p < paths.length; p++) {
            List<byte[]> parts = new ArrayList<>();
            for (String part : paths[p].split("\\.")) {
                if (part.endsWith(EVERY)) {
                    parts.add(part.substring(0, part.length() - EVERY.length()).getBytes(StandardCharsets.UTF_8));
                    parts.add(null);
                } else {
                    parts.add(part.getBytes(StandardCharsets.UTF_8));
                }
            }
            compiled[p] = parts.toArray(new byte[0][]);
        }
        return new ValuePaths(compiled);
    }

    int size() {
        return segments.length;
    }

    /**
     * Reads the value at the cursor, collecting what lies at the ends of the paths.
     *
     * @param cursor positioned before the value
     * @param nesting the value's nesting depth in its document, for the depth limit
     * @return the values found
     */
    Values extract(JsonCursor cursor, int nesting) throws IOException {
        Values values = new Values(segments.length);
        walk(cursor, (1 << segments.length) - 1, 0, nesting, values);
        return values;
    }

    private void walk(JsonCursor cursor, int active, int depth, int nesting, Values out) throws IOException {
        int c = cursor.peek();
        if (c == '{') {
            if (nesting + 1 > cursor.maxDepth()) {
                throw cursor.malformed("nesting deeper than " + cursor.maxDepth() + " levels");
            }
            cursor.enterObject();
            for (int id = cursor.firstField(); id != FieldNames.END; id = cursor.nextField()) {
                int next = 0;
                for (int p = 0; p < segments.length; p++) {
                    if ((active & (1 << p)) != 0 && segments[p].length > depth && segments[p][depth] != null
                            && cursor.nameIs(segments[p][depth])) {
                        next |= 1 << p;
                    }
                }
                if (next == 0) {
                    cursor.skipValue(nesting + 1);
                } else {
                    walk(cursor, next, depth + 1, nesting + 1, out);
                }
            }
        } else if (c == '[') {
            int next = 0;
            for (int p = 0; p < segments.length; p++) {
                if ((active & (1 << p)) != 0 && segments[p].length > depth && segments[p][depth] == null) {
                    next |= 1 << p;
                }
            }
            if (next == 0 || nesting + 1 > cursor.maxDepth()) {
                cursor.skipValue(nesting);
                return;
            }
            cursor.enterArray();
            for (boolean more = cursor.firstElement(); more; more = cursor.nextElement()) {
                walk(cursor, next, depth + 1, nesting + 1, out);
            }
        } else {
            boolean ends = false;
            for (int p = 0; p < segments.length; p++) {
                ends |= (active & (1 << p)) != 0 && segments[p].length == depth;
            }
            if (!ends) {
                cursor.skipValue(nesting);
                return;
            }
            String value = cursor.readScalarText();
            if (value != null) {
                for (int p = 0; p < segments.length; p++) {
                    if ((active & (1 << p)) != 0 && segments[p].length == depth) {
                        out.add(p, value);
                    }
                }
            }
        }
    }

    /** The values found at each path, in document order. */
    static final class Values {
        /** No values: for a subtree that is absent or null. */
        static final Values NONE = new Values(0);

        private final List<List<String>> found;

        Values(int paths) {
            found = new ArrayList<>(paths);
            for (int p = 0; p < paths; p++) {
                found.add(null);
            }
        }

        void add(int path, String value) {
            List<String> values = found.get(path);
            if (values == null) {
                values = new ArrayList<>(1);
                found.set(path, values);
            }
            values.add(value);
        }

        /** The first value at a path, or null. */
        String first(int path) {
            List<String> values = path < found.size() ? found.get(path) : null;
            return values == null ? null : values.get(0);
        }

        /** Every value at a path. */
        List<String> all(int path) {
            List<String> values = path < found.size() ? found.get(path) : null;
            return values == null ? List.of() : values;
        }
    }
}
