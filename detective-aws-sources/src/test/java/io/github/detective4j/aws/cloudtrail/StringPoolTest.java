package io.github.detective4j.aws.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.detective4j.model.ApiCall;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class StringPoolTest {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./:-_ ()";

    @Test
    void sameBytesAnywhereGiveTheSameString() {
        StringPool pool = new StringPool(StringPool.SLOTS);
        byte[] first = "xxAIDAEXAMPLE0000000001yy".getBytes(StandardCharsets.US_ASCII);
        byte[] second = "AIDAEXAMPLE0000000001".getBytes(StandardCharsets.US_ASCII);
        String a = pool.entry(first, 2, 21).value();
        String b = pool.entry(second, 0, 21).value();
        assertEquals("AIDAEXAMPLE0000000001", a);
        assertSame(a, b);
    }

    @Test
    void everyLengthReadsBackExactly() {
        StringPool pool = new StringPool(StringPool.SLOTS);
        Random random = new Random(7);
        for (int length = 0; length <= StringPool.MAX_LENGTH; length++) {
            String text = text(random, length);
            byte[] bytes = ("[" + text + "]").getBytes(StandardCharsets.ISO_8859_1);
            String made = pool.entry(bytes, 1, length).value();
            assertEquals(text, made);
            assertSame(made, pool.entry(text.getBytes(StandardCharsets.ISO_8859_1), 0, length).value(), "length " + length);
        }
    }

    /** With one slot every value collides: a value one byte off, at any position and length, is not taken for it. */
    @Test
    void aValueOneByteOffIsAnotherValue() {
        StringPool pool = new StringPool(1);
        Random random = new Random(11);
        for (int length = 1; length <= StringPool.MAX_LENGTH; length += length < 40 ? 1 : 17) {
            byte[] value = text(random, length).getBytes(StandardCharsets.ISO_8859_1);
            for (int at = 0; at < length; at++) {
                String original = pool.entry(value, 0, length).value();
                byte[] changed = value.clone();
                changed[at] ^= 0x01;
                assertEquals(new String(changed, StandardCharsets.ISO_8859_1), pool.entry(changed, 0, length).value(),
                        "length " + length + ", byte " + at);
                assertEquals(original, pool.entry(value, 0, length).value());
                // inside a larger buffer, where an entry compares whole words and the bytes after the value differ
                byte[] inside = inBuffer(changed, random);
                assertEquals(new String(changed, StandardCharsets.ISO_8859_1), pool.entry(inside, 3, length).value());
                assertEquals(original, pool.entry(inBuffer(value, random), 3, length).value(), "length " + length);
            }
            byte[] longer = java.util.Arrays.copyOf(value, length + 1);
            longer[length] = 'x';
            pool.entry(value, 0, length);
            assertEquals(length + 1, pool.entry(longer, 0, length + 1).value().length());
        }
    }

    /** The value at offset 3 of a buffer 32 bytes longer, the other bytes random. */
    private static byte[] inBuffer(byte[] value, Random random) {
        byte[] buffer = new byte[value.length + 32];
        random.nextBytes(buffer);
        System.arraycopy(value, 0, buffer, 3, value.length);
        return buffer;
    }

    @Test
    void aMemoFollowsItsFieldFromValueToValue() {
        JsonCursor.Memo memo = new JsonCursor.Memo();
        byte[] a = "AIDAEXAMPLE000000001".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "AIDAEXAMPLE000000002".getBytes(StandardCharsets.US_ASCII);
        String first = memo.get(a, 0, a.length);
        assertEquals("AIDAEXAMPLE000000002", memo.get(b, 0, b.length));
        assertSame(first, memo.get(a, 0, a.length));
        assertEquals("AIDAEXAMPLE00000000", memo.get(a, 0, a.length - 1));
    }

    @Test
    void longValuesAreNotPooled() {
        byte[] bytes = text(new Random(1), StringPool.MAX_LENGTH + 1).getBytes(StandardCharsets.ISO_8859_1);
        assertNull(new StringPool(StringPool.SLOTS).entry(bytes, 0, bytes.length));
        JsonCursor.Memo memo = new JsonCursor.Memo();
        String read = memo.get(bytes, 0, bytes.length);
        assertEquals(new String(bytes, StandardCharsets.ISO_8859_1), read);
        assertEquals(read, memo.get(bytes, 0, bytes.length));
    }

    /** Many more values than slots, most alike: collisions evict, and never hand back another value's string. */
    @Test
    void collisionsNeverGiveAnotherValue() {
        StringPool pool = new StringPool(StringPool.SLOTS);
        Random random = new Random(42);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 4 * StringPool.SLOTS; i++) {
            // principal-id-like values: one prefix, differing in a few characters, several lengths
            values.add("AROA" + "0".repeat(random.nextInt(3)) + Integer.toString(random.nextInt(1 << 20), 36)
                    + (random.nextBoolean() ? ":session" : ""));
        }
        for (int round = 0; round < 3; round++) {
            for (String value : values) {
                byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
                assertEquals(value, pool.entry(bytes, 0, bytes.length).value());
            }
        }
    }

    @Test
    void threadsSharingThePoolEachGetTheirValue() throws Exception {
        StringPool pool = new StringPool(StringPool.SLOTS);
        Random random = new Random(3);
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 3 * StringPool.SLOTS; i++) {
            values.add(text(random, 1 + random.nextInt(60)).getBytes(StandardCharsets.ISO_8859_1));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 1000;
                done.add(threads.submit(() -> {
                    int wrong = 0;
                    for (int round = 0; round < 5; round++) {
                        for (int i = 0; i < values.size(); i++) {
                            byte[] value = values.get((i + offset) % values.size());
                            StringPool.Entry entry = pool.entry(value, 0, value.length);
                            if (!entry.value().equals(new String(value, StandardCharsets.ISO_8859_1))) {
                                wrong++;
                            }
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> wrong : done) {
                assertEquals(0, wrong.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** What the graph relies on: the values it keys entities by are one string across files and readers. */
    @Test
    void readsOfSeparateFilesShareTheKeyStrings() {
        String event = """
                {"Records":[{"eventVersion":"1.09","userIdentity":{"type":"IAMUser",\
                "principalId":"AIDAPOOLTEST00000001","arn":"arn:aws:iam::111122223333:user/pool",\
                "accountId":"111122223333","accessKeyId":"AKIAPOOLTEST00000001","userName":"pool"},\
                "eventTime":"2026-11-30T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"ListBuckets",\
                "awsRegion":"eu-west-1","sourceIPAddress":"%s","userAgent":"pool-test/1.0 (%s)",\
                "requestParameters":null,"responseElements":null,"eventID":"%s","eventType":"AwsApiCall",\
                "recipientAccountId":"111122223333"}]}""";
        ApiCall first = CloudTrailTesting.readText(event.formatted("203.0.113.77", "same", "e1")).only();
        ApiCall second = CloudTrailTesting.readText(event.formatted("203.0.113.77", "same", "e2")).only();
        ApiCall other = CloudTrailTesting.readText(event.formatted("2001:DB8:0:0::7", "other", "e3")).only();
        ApiCall again = CloudTrailTesting.readText(event.formatted("2001:db8::7", "other", "e4")).only();
        assertSame(first.principal().principalId(), second.principal().principalId());
        assertSame(first.sourceIpAddress(), second.sourceIpAddress());
        assertSame(first.userAgent(), second.userAgent());
        assertSame(first.eventName(), second.eventName());
        assertSame(first.accountId(), second.accountId());
        assertEquals("pool-test/1.0 (other)", other.userAgent());
        assertEquals("2001:db8::7", other.sourceIpAddress()); // rewritten to canonical form, then shared too
        assertSame(other.sourceIpAddress(), again.sourceIpAddress());
        assertNotNull(other.principal().arn());
        assertEquals(first.principal().arn(), other.principal().arn());
    }

    private static String text(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
