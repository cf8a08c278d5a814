package io.github.detective4j.aws.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonCursorTest {
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxStringLength(100_000).maxNestingDepth(32).build();

    /** An input that hands out 1 to 7 bytes per read, so that every token meets a buffer boundary somewhere. */
    private static InputStream trickle(byte[] bytes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
            }
        };
    }

    private static JsonCursor cursor(String json) {
        return cursor(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), LIMITS);
    }

    /** A cursor over a stream, with buffers of its own, as a new {@link Scratch} has them. */
    static JsonCursor cursor(InputStream in, StreamReadConstraints limits) {
        return new JsonCursor(in, limits, new byte[JsonCursor.FIRST_BUFFER_BYTES], new FieldNames.Learned());
    }

    /** Reads {"k": "<value>"} and returns the value. */
    private static String value(JsonCursor cursor) throws IOException {
        cursor.peek();
        cursor.enterObject();
        cursor.firstField();
        String value = cursor.readScalarText();
        assertEquals(FieldNames.END, cursor.nextField());
        return value;
    }

    @Test
    void stringsRoundTripWhateverTheyHoldAndWhereverTheBufferEnds() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "aZ09 -_/:.\"\\\n\t\r\b\f\u0001\u001f\u007f\u00e9\u00df\u4e2d\u20ac\ud83d\ude00<>&'";
        JsonFactory factory = new JsonFactory();
        for (int round = 0; round < 300; round++) {
            List<String> expected = new ArrayList<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator json = factory.createGenerator(out)) {
                json.writeStartArray();
                for (int i = 0; i < 20; i++) {
                    StringBuilder text = new StringBuilder();
                    int length = random.nextInt(round % 10 == 0 ? 3000 : 40);
                    while (text.length() < length) {
                        int at = random.nextInt(alphabet.length());
                        char c = alphabet.charAt(at);
                        text.append(c);
                        if (Character.isHighSurrogate(c)) {
                            text.append(alphabet.charAt(at + 1));
                        }
                    }
                    expected.add(text.toString());
                    json.writeStartObject();
                    json.writeStringField("k", text.toString());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            JsonCursor cursor = cursor(trickle(out.toByteArray(), round), LIMITS);
            List<String> read = new ArrayList<>();
            cursor.peek();
            cursor.enterArray();
            for (boolean more = cursor.firstElement(); more; more = cursor.nextElement()) {
                read.add(value(cursor));
            }
            assertEquals(expected, read, "round " + round);
            assertEquals(JsonCursor.EOF, cursor.peek());
        }
    }

    @Test
    void decodesEscapesAndUtf8() throws IOException {
        assertEquals("a\"b\\c/d\be\ff\ng\rh\ti\u00e9\ud83d\ude00",
                value(cursor("{\"k\":\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\\u00E9\\ud83d\\ude00\"}")));
        assertEquals("caf\u00e9 \u4e2d", value(cursor("{\"k\":\"caf\u00e9 \u4e2d\"}")));
        assertEquals("\ufffd", value(cursor(new ByteArrayInputStream(
                new byte[] {'{', '"', 'k', '"', ':', '"', (byte) 0xC3, '"', '}'}), LIMITS)), "invalid UTF-8 is kept");
    }

    @Test
    void readsScalarsAsWritten() throws IOException {
        assertEquals("123456789012", value(cursor("{\"k\": 123456789012}")));
        assertEquals("-1.5e3", value(cursor("{\"k\":-1.5e3}")));
        assertEquals("true", value(cursor("{\"k\":true}")));
        assertNull(value(cursor("{\"k\":null}")));
        JsonCursor flags = cursor("[true,false,\"TRUE\",\"no\",{}]");
        flags.peek();
        flags.enterArray();
        List<Boolean> read = new ArrayList<>();
        for (boolean more = flags.firstElement(); more; more = flags.nextElement()) {
            read.add(flags.readBoolean(1));
        }
        assertEquals(java.util.Arrays.asList(true, false, true, null, null), read);
    }

    @Test
    void matchesFieldNamesAsBytes() throws IOException {
        JsonCursor cursor = cursor("{\"eventTime\":1, \"eventTim\":2, \"event\\u0054ime\":3, \"clientProvidedHostHeader\":4,"
                + "\"digestSignatureAlgorithm\":5, \"x\":6}");
        cursor.peek();
        cursor.enterObject();
        List<Integer> ids = new ArrayList<>();
        for (int id = cursor.firstField(); id != FieldNames.END; id = cursor.nextField()) {
            ids.add(id);
            cursor.skipValue(1);
        }
        assertEquals(List.of(FieldNames.EVENT_TIME, FieldNames.OTHER, FieldNames.EVENT_TIME, FieldNames.OTHER,
                FieldNames.DIGEST_KEY, FieldNames.OTHER), ids);
    }

    /**
     * Names are guessed from the order the input showed before ({@link FieldNames.Learned}): a name that differs from
     * the guess by a byte, by its end, by an escape or by white space must still be read as itself, and every name
     * read must be the one written (checked with {@link JsonCursor#nameIs}).
     */
    @Test
    void readsNamesRightWhenTheyBreakTheLearnedOrder() throws IOException {
        String usual = "{\"eventVersion\":\"1.09\",\"eventTime\":\"t\",\"eventName\":\"n\",\"userIdentity\":"
                + "{\"type\":\"x\",\"arn\":\"a\"},\"awsRegion\":\"r\"}";
        String[][] odd = {
            {"eventVersion", "eventTim", "eventName", "userIdentity", "type", "arn", "awsRegion"},
            {"eventVersion", "eventTimes", "eventName", "userIdentity", "type", "ARN", "awsRegion"},
            {"eventVersion", "eventTime", "eventName", "userIdentity", "typ", "arn", "awsRegion2"},
            {"eventVersion", "eventName", "eventTime", "userIdentity", "arn", "type", "awsRegion"},
            {"eventVersion", "eventTime", "eventName", "userIdentity", "type", "arn", "awsRegion"},
        };
        StringBuilder json = new StringBuilder("[");
        List<List<String>> expected = new ArrayList<>();
        for (int round = 0; round < 40; round++) {
            json.append(usual).append(',');
            expected.add(List.of("eventVersion", "eventTime", "eventName", "userIdentity", "type", "arn", "awsRegion"));
            String[] names = odd[round % odd.length];
            json.append(String.format("{\"%s\":\"1.09\",\"%s\":\"t\",\"%s\":\"n\",\"%s\":{\"%s\":\"x\",\"%s\":\"a\"},"
                    + "\"%s\":\"r\"},", (Object[]) names));
            expected.add(List.of(names));
        }
        // an escaped name, white space before a colon and a non-ASCII name where the learned name would stand
        json.append("{\"eventVersion\":\"1.09\",\"event\\u0054ime\":\"t\",\"eventName\" :\"n\",\"userIdentity\":"
                + "{\"typ\u00e9\":\"x\",\"arn\":\"a\"},\"awsRegion\":\"r\"}]");
        expected.add(List.of("eventVersion", "eventTime", "eventName", "userIdentity", "typ\u00e9", "arn", "awsRegion"));
        for (long seed = 0; seed < 3; seed++) {
            JsonCursor cursor = seed == 0 ? cursor(json.toString())
                    : cursor(trickle(json.toString().getBytes(StandardCharsets.UTF_8), seed), LIMITS);
            cursor.peek();
            cursor.enterArray();
            int record = 0;
            for (boolean more = cursor.firstElement(); more; more = cursor.nextElement()) {
                List<String> names = new ArrayList<>();
                readNames(cursor, names);
                assertEquals(expected.get(record), names, "record " + record);
                record++;
            }
            assertEquals(expected.size(), record);
        }
    }

    /** Reads an object's names, nested objects included, in order, each one checked against the cursor's id. */
    private static void readNames(JsonCursor cursor, List<String> names) throws IOException {
        cursor.peek();
        cursor.enterObject();
        for (int id = cursor.firstField(); id != FieldNames.END; id = cursor.nextField()) {
            String name = null;
            for (String candidate : new String[] {"eventVersion", "eventTime", "eventTim", "eventTimes", "eventName",
                    "userIdentity", "type", "typ", "typ\u00e9", "arn", "ARN", "awsRegion", "awsRegion2"}) {
                if (cursor.nameIs(candidate.getBytes(StandardCharsets.UTF_8))) {
                    name = candidate;
                }
            }
            names.add(name);
            int expectedId = name == null ? -99 : FieldNames.lookup(name.getBytes(StandardCharsets.UTF_8), 0,
                    name.getBytes(StandardCharsets.UTF_8).length);
            assertEquals(expectedId, id, "id of " + name);
            if (cursor.peek() == '{') {
                readNames(cursor, names);
            } else {
                cursor.skipValue(2);
            }
        }
    }

    @Test
    void skipsNestedValuesWithStringsThatLookLikeStructure() throws IOException {
        JsonCursor cursor = cursor("{\"a\":{\"b\":[1,2,{\"c\":\"}]{[\\\"\"}],\"d\":null},\"e\":\"after\"}");
        cursor.peek();
        cursor.enterObject();
        cursor.firstField();
        cursor.skipValue(1);
        assertEquals(FieldNames.OTHER, cursor.nextField());
        assertEquals("after", cursor.readScalarText());
    }

    @Test
    void reportsMalformedJsonWithLineAndColumn() {
        MalformedJsonException broken = assertThrows(MalformedJsonException.class,
                () -> value(cursor("{\n  \"k\": tru }")));
        assertEquals(2, broken.line());
        assertEquals(8, broken.column());
        assertEquals("invalid literal, expected 'true'", broken.problem());
        assertThrows(MalformedJsonException.class, () -> value(cursor("{\"k\":\"unterminated")));
        assertThrows(MalformedJsonException.class, () -> value(cursor("{\"k\":\"raw\u0001control\"}")));
        assertThrows(MalformedJsonException.class, () -> value(cursor("{\"k\" \"v\"}")));
        assertThrows(MalformedJsonException.class, () -> cursor("{\"k\":[1,2").skipValue(0));
    }

    /** An escape JSON has not leaves the JSON around it whole: an error of the record, and the next field reads. */
    @Test
    void aBadEscapeIsTheRecordsErrorNotTheStreams() throws IOException {
        JsonCursor cursor = cursor("{\"k\":\"bad \\x escape\",\"k\":\"cut \\u12\",\"bad\\qname\":1,\"k\":\"next\"}");
        cursor.peek();
        cursor.enterObject();
        cursor.firstField();
        assertNull(cursor.readString(null));
        assertEquals("a backslash before 'x' in a string, which is no JSON escape", cursor.takePastLimit());
        cursor.nextField();
        assertNull(cursor.readString(null));
        assertEquals("an incomplete \\u escape in a string", cursor.takePastLimit());
        assertEquals(FieldNames.OTHER, cursor.nextField(), "a name with a bad escape is passed over with its value");
        cursor.skipValue(1);
        assertEquals("a backslash before 'q' in a string, which is no JSON escape", cursor.takePastLimit());
        cursor.nextField();
        assertEquals("next", cursor.readString(null));
        assertNull(cursor.takePastLimit());
    }

    @Test
    void enforcesTheNestingLimit() throws IOException {
        JsonCursor cursor = cursor("[" + "[".repeat(40) + "]".repeat(40) + ",\"next\"]");
        cursor.peek();
        cursor.enterArray();
        cursor.firstElement();
        cursor.skipValue(1); // passing over is a loop: too deep is an error of the record, not of the stream
        assertTrue(cursor.takeTooDeep());
        assertFalse(cursor.takeTooDeep(), "told once");
        cursor.nextElement();
        assertEquals("next", cursor.readScalarText());
        MalformedJsonException tooDeep = assertThrows(MalformedJsonException.class,
                () -> ValuePaths.of("a.a.a").extract(cursor("{\"a\":" .repeat(40) + "1" + "}".repeat(40)), 31));
        assertEquals("nesting deeper than 32 levels", tooDeep.problem());
    }

    @Test
    void passesOverStringsLongerThanTheLimitWithoutKeepingThem() throws IOException {
        StreamReadConstraints small = StreamReadConstraints.builder().maxStringLength(1000).build();
        String json = "{\"k\":\"" + "x".repeat(2 * JsonCursor.BUFFER_BYTES) + "\",\"next\":\"kept\"}";
        JsonCursor cursor = cursor(trickle(json.getBytes(StandardCharsets.US_ASCII), 3), small);
        cursor.peek();
        cursor.enterObject();
        cursor.firstField();
        assertNull(cursor.readString());
        assertTrue(cursor.stringTooLong());
        cursor.nextField();
        assertEquals("kept", cursor.readString());
        assertFalse(cursor.stringTooLong());
        assertEquals(JsonCursor.BUFFER_BYTES, cursor.buffer().length, "the buffer did not grow to hold the long string");
    }

    @Test
    void capturesAValueForLater() throws IOException {
        JsonCursor cursor = cursor(trickle("{\"p\":{\"name\":\"trail\",\"x\":[1,{}]},\"q\":1}"
                .getBytes(StandardCharsets.US_ASCII), 5), LIMITS);
        cursor.peek();
        cursor.enterObject();
        cursor.firstField();
        byte[] captured = cursor.capture(1);
        assertArrayEquals("{\"name\":\"trail\",\"x\":[1,{}]}".getBytes(StandardCharsets.US_ASCII), captured);
        assertEquals(FieldNames.OTHER, cursor.nextField());
        assertEquals("1", cursor.readScalarText());
        assertEquals("trail", ValuePaths.of("name").extract(new JsonCursor(captured, LIMITS), 0).first(0));
    }

    @Test
    void lineModeStopsAtTheEndOfTheLine() throws IOException {
        JsonCursor cursor = cursor("{\"k\":[1,\n2]}\n{\"k\":\"second\"}\n");
        cursor.lineMode();
        MalformedJsonException broken = assertThrows(MalformedJsonException.class, () -> cursor.skipValue(0));
        assertEquals("line ends inside an object or array", broken.problem());
        cursor.skipLine();
        cursor.skipLine();
        assertEquals(3, cursor.line());
        assertEquals("second", value(cursor));
        assertEquals(JsonCursor.END_OF_LINE, cursor.peek());
        cursor.nextLine();
        assertEquals(JsonCursor.EOF, cursor.peek());
    }

    @Test
    void extractsPathsAndPassesOverTheRest() throws IOException {
        ValuePaths paths = ValuePaths.of("instancesSet.items[].instanceId", "ownerId");
        ValuePaths.Values values = paths.extract(cursor("{\"requestId\":\"r\",\"ownerId\":\"111122223333\","
                + "\"instancesSet\":{\"items\":[{\"instanceId\":\"i-1\",\"tags\":{\"instanceId\":\"no\"}},"
                + "{\"placement\":{}},{\"instanceId\":\"i-2\"}]}}"), 0);
        assertEquals(List.of("i-1", "i-2"), values.all(0));
        assertEquals("111122223333", values.first(1));
    }
}
