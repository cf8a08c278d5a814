package io.github.detective4j.aws.cloudtrail;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The JSON field names the CloudTrail reader acts on, as small ints: {@link JsonCursor} matches a name's bytes
 * against this table without making a string of it, and the reader switches on the id.
 */
final class FieldNames {
    /** The end of an object, from {@link JsonCursor#firstField()}/{@link JsonCursor#nextField()}. */
    static final int END = -1;
    /** A name not in the table. */
    static final int OTHER = 0;

    static final int EVENT_TIME = 1;
    static final int EVENT_NAME = 2;
    static final int EVENT_SOURCE = 3;
    static final int EVENT_ID = 4;
    static final int AWS_REGION = 5;
    static final int SOURCE_IP_ADDRESS = 6;
    static final int USER_AGENT = 7;
    static final int ERROR_CODE = 8;
    static final int ERROR_MESSAGE = 9;
    static final int EVENT_TYPE = 10;
    static final int EVENT_CATEGORY = 11;
    static final int RECIPIENT_ACCOUNT_ID = 12;
    static final int READ_ONLY = 13;
    static final int MANAGEMENT_EVENT = 14;
    static final int USER_IDENTITY = 15;
    static final int REQUEST_PARAMETERS = 16;
    static final int RESPONSE_ELEMENTS = 17;
    static final int ADDITIONAL_EVENT_DATA = 18;
    static final int RESOURCES = 19;
    static final int INSIGHT_DETAILS = 20;
    static final int DIGEST_KEY = 21;
    static final int DETAIL = 22;
    static final int DETAIL_TYPE = 23;
    static final int ACCOUNT = 24;
    static final int MESSAGE = 25;
    static final int CLOUD_TRAIL_EVENT = 26;
    static final int CONTAINER = 27;
    static final int TYPE = 28;
    static final int PRINCIPAL_ID = 29;
    static final int ARN = 30;
    static final int ACCOUNT_ID = 31;
    static final int ACCESS_KEY_ID = 32;
    static final int USER_NAME = 33;
    static final int INVOKED_BY = 34;
    static final int IDENTITY_PROVIDER = 35;
    static final int SESSION_CONTEXT = 36;
    static final int ON_BEHALF_OF = 37;
    static final int USER_ID = 38;
    static final int ATTRIBUTES = 39;
    static final int MFA_AUTHENTICATED = 40;
    static final int SESSION_ISSUER = 41;
    /** One more than the largest id. */
    static final int COUNT = 42;

    private static final int SIZE = 256;
    /** Names up to this long are compared as three 8-byte words; longer ones byte by byte. */
    private static final int WORD_BYTES = 24;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[][] KEYS = new byte[SIZE][];
    private static final long[] WORD0 = new long[SIZE];
    private static final long[] WORD1 = new long[SIZE];
    private static final long[] WORD2 = new long[SIZE];
    private static final int[] IDS = new int[SIZE];

    static {
        add("eventTime", EVENT_TIME);
        add("eventName", EVENT_NAME);
        add("eventSource", EVENT_SOURCE);
        add("eventID", EVENT_ID);
        add("awsRegion", AWS_REGION);
        add("sourceIPAddress", SOURCE_IP_ADDRESS);
        add("userAgent", USER_AGENT);
        add("errorCode", ERROR_CODE);
        add("errorMessage", ERROR_MESSAGE);
        add("eventType", EVENT_TYPE);
        add("eventCategory", EVENT_CATEGORY);
        add("recipientAccountId", RECIPIENT_ACCOUNT_ID);
        add("readOnly", READ_ONLY);
        add("managementEvent", MANAGEMENT_EVENT);
        add("userIdentity", USER_IDENTITY);
        add("requestParameters", REQUEST_PARAMETERS);
        add("responseElements", RESPONSE_ELEMENTS);
        add("additionalEventData", ADDITIONAL_EVENT_DATA);
        add("resources", RESOURCES);
        add("insightDetails", INSIGHT_DETAILS);
        // keys of CloudTrail digest files, never of events
        add("digestStartTime", DIGEST_KEY);
        add("digestEndTime", DIGEST_KEY);
        add("digestS3Object", DIGEST_KEY);
        add("digestSignatureAlgorithm", DIGEST_KEY);
        add("logFiles", DIGEST_KEY);
        add("detail", DETAIL);
        add("detail-type", DETAIL_TYPE);
        add("account", ACCOUNT);
        add("message", MESSAGE);
        add("CloudTrailEvent", CLOUD_TRAIL_EVENT);
        // arrays of records: log files, LookupEvents output, CloudWatch Logs payloads and filter-log-events output
        add("Records", CONTAINER);
        add("Events", CONTAINER);
        add("logEvents", CONTAINER);
        add("events", CONTAINER);
        add("type", TYPE);
        add("principalId", PRINCIPAL_ID);
        add("arn", ARN);
        add("ARN", ARN);
        add("accountId", ACCOUNT_ID);
        add("accessKeyId", ACCESS_KEY_ID);
        add("userName", USER_NAME);
        add("invokedBy", INVOKED_BY);
        add("identityProvider", IDENTITY_PROVIDER);
        add("sessionContext", SESSION_CONTEXT);
        add("onBehalfOf", ON_BEHALF_OF);
        add("userId", USER_ID);
        add("attributes", ATTRIBUTES);
        add("mfaAuthenticated", MFA_AUTHENTICATED);
        add("sessionIssuer", SESSION_ISSUER);
    }

    private FieldNames() {}

    private static void add(String name, int id) {
        byte[] key = name.getBytes(StandardCharsets.UTF_8);
        long w0 = word(key, 0, 0, key.length);
        long w1 = word(key, 0, 8, key.length);
        int slot = slot(w0, w1, key.length);
        while (KEYS[slot] != null) {
            slot = (slot + 1) & (SIZE - 1);
        }
        KEYS[slot] = key;
        WORD0[slot] = w0;
        WORD1[slot] = w1;
        WORD2[slot] = word(key, 0, 16, key.length);
        IDS[slot] = id;
    }

    /**
     * Returns the id of the name in {@code bytes[from, from + length)}, comparing it as 8-byte words (three for the
     * names of this table, which are at most 24 bytes long): no string is made, and no byte loop runs.
     *
     * @param bytes a buffer, possibly longer than the name
     * @param from where the name starts
     * @param length the name's length in bytes
     * @return the id, or {@link #OTHER}
     */
    static int lookup(byte[] bytes, int from, int length) {
        long w0 = word(bytes, from, 0, length);
        long w1 = word(bytes, from, 8, length);
        int slot = slot(w0, w1, length);
        byte[] key;
        while ((key = KEYS[slot]) != null) {
            if (key.length == length && WORD0[slot] == w0 && WORD1[slot] == w1
                    && (length <= 16 || (length <= WORD_BYTES ? WORD2[slot] == word(bytes, from, 16, length)
                            : sameBytes(bytes, from, key)))) {
                return IDS[slot];
            }
            slot = (slot + 1) & (SIZE - 1);
        }
        return OTHER;
    }

    /**
     * Returns the id of a name of at most 24 bytes given as three little-endian words, the bytes past its end
     * zeroed.
     *
     * @return the id, or {@link #OTHER}
     */
    static int lookup(long w0, long w1, long w2, int length) {
        int slot = slot(w0, w1, length);
        byte[] key;
        while ((key = KEYS[slot]) != null) {
            if (key.length == length && WORD0[slot] == w0 && WORD1[slot] == w1 && WORD2[slot] == w2) {
                return IDS[slot];
            }
            slot = (slot + 1) & (SIZE - 1);
        }
        return OTHER;
    }

    /** Compares a name byte by byte: for a dozen bytes this beats {@code Arrays.equals} and its setup. */
    static boolean sameBytes(byte[] bytes, int from, byte[] key) {
        for (int i = 0; i < key.length; i++) {
            if (bytes[from + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    private static int slot(long w0, long w1, int length) {
        long mixed = (w0 * 0x9E3779B97F4A7C15L) ^ (w1 * 0xC2B2AE3D27D4EB4FL) ^ length;
        return (int) (mixed >>> 56) & (SIZE - 1);
    }

    /**
     * Returns bytes {@code [from + offset, from + offset + 8)} of a name of {@code length} bytes as a little-endian
     * word, the bytes past the name's end zeroed.
     */
    static long word(byte[] bytes, int from, int offset, int length) {
        int left = length - offset;
        if (left <= 0) {
            return 0;
        }
        int at = from + offset;
        if (at + 8 > bytes.length) {
            return slowWord(bytes, at, Math.min(left, 8));
        }
        long word = (long) WORDS.get(bytes, at);
        return left >= 8 ? word : word & ((1L << (left * 8)) - 1);
    }

    private static long slowWord(byte[] bytes, int at, int count) {
        long word = 0;
        for (int i = count - 1; i >= 0; i--) {
            word = (word << 8) | (bytes[at + i] & 0xff);
        }
        return word;
    }

    /**
     * The names one input has shown so far, with the name that followed each the last time: a producer writes its
     * records' fields in the same order, so the next name is mostly known before it is read, and checking a guess
     * is a few word compares where reading a name is a scan for its quote and a table look-up. Starts as a copy of
     * the table of known names; names of at most 24 bytes the table does not know are added (their id is
     * {@link #OTHER}) until half the slots are used. Per input, not thread-safe; {@link #reset()} readies one for the
     * next input.
     */
    static final class Learned {
        private static final int SLOTS = 512;
        private static final int MAX_NAMES = SLOTS / 2;
        /** The table of known names alone, as a new input starts with it. */
        private static final Learned KNOWN = new Learned();
        final long[] word0 = new long[SLOTS];
        final long[] word1 = new long[SLOTS];
        final long[] word2 = new long[SLOTS];
        /** The name's length in bytes, 0 for a free slot. */
        final int[] lengths = new int[SLOTS];
        final int[] ids = new int[SLOTS];
        /** The slot of the name that followed this slot's name last time, or -1. */
        final int[] next = new int[SLOTS];
        private int names;

        Learned() {
            java.util.Arrays.fill(next, -1);
            for (int i = 0; i < SIZE; i++) {
                if (KEYS[i] != null) {
                    add(WORD0[i], WORD1[i], WORD2[i], KEYS[i].length, IDS[i]);
                }
            }
        }

        /** Forgets what an input taught: back to the table of known names, as a new one is. */
        void reset() {
            System.arraycopy(KNOWN.word0, 0, word0, 0, SLOTS);
            System.arraycopy(KNOWN.word1, 0, word1, 0, SLOTS);
            System.arraycopy(KNOWN.word2, 0, word2, 0, SLOTS);
            System.arraycopy(KNOWN.lengths, 0, lengths, 0, SLOTS);
            System.arraycopy(KNOWN.ids, 0, ids, 0, SLOTS);
            System.arraycopy(KNOWN.next, 0, next, 0, SLOTS);
            names = KNOWN.names;
        }

        /**
         * Returns the slot of a name of 1 to 24 bytes given as three little-endian words (the bytes past its end
         * zeroed), adding it when new and there is room; -1 when there is none.
         */
        int slotOf(long w0, long w1, long w2, int length) {
            int slot = (slot(w0, w1, length) * 2) & (SLOTS - 1);
            int known;
            while ((known = lengths[slot]) != 0) {
                if (known == length && word0[slot] == w0 && word1[slot] == w1 && word2[slot] == w2) {
                    return slot;
                }
                slot = (slot + 1) & (SLOTS - 1);
            }
            return add(w0, w1, w2, length, OTHER);
        }

        private int add(long w0, long w1, long w2, int length, int id) {
            if (names >= MAX_NAMES || length == 0 || length > WORD_BYTES) {
                return -1;
            }
            int slot = (slot(w0, w1, length) * 2) & (SLOTS - 1);
            while (lengths[slot] != 0) {
                slot = (slot + 1) & (SLOTS - 1);
            }
            word0[slot] = w0;
            word1[slot] = w1;
            word2[slot] = w2;
            lengths[slot] = length;
            ids[slot] = id;
            names++;
            return slot;
        }
    }
}
