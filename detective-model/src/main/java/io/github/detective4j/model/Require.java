package io.github.detective4j.model;

import java.util.Collection;
import java.util.List;

/** Argument checks shared by the model's constructors; every message names the field it checks. */
final class Require {
    /** Account ids lately checked, for the check each event makes again on a reader's shared account string. */
    private static final KnownStrings KNOWN_ACCOUNTS = new KnownStrings(64);

    private Require() {}

    static <T> T nonNull(T value, String field) {
        if (value == null) { // not requireNonNull(value, supplier): the capturing lambda allocates on every call
            throw new NullPointerException(field + " must not be null");
        }
        return value;
    }

    static String nonBlank(String value, String field) {
        nonNull(value, field);
        if (isBlank(value)) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** Returns {@code null} for {@code null} or blank, the value otherwise: AWS writes absent strings either way. */
    static String blankToNull(String value) {
        return value == null || isBlank(value) ? null : value;
    }

    /**
     * {@link String#isBlank()}, decided by the first char for the usual value: no white space (in the sense of
     * {@link Character#isWhitespace(int)}) lies between ' ' and U+1680, and these checks run for every string of
     * every event.
     */
    private static boolean isBlank(String value) {
        if (value.isEmpty()) {
            return true;
        }
        char first = value.charAt(0);
        return (first <= ' ' || first >= '\u1680') && value.isBlank();
    }

    static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    static int inRange(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    static String accountId(String value, String field) {
        if (value == null || KNOWN_ACCOUNTS.contains(value)) {
            return value;
        }
        if (!isAccountId(value)) {
            throw new IllegalArgumentException(field + " must be a 12-digit AWS account id, was '" + value + "'");
        }
        KNOWN_ACCOUNTS.add(value);
        return value;
    }

    static boolean isAccountId(String value) {
        if (value.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static <T> List<T> immutableList(Collection<? extends T> values, String field) {
        nonNull(values, field);
        try {
            // List.copyOf checks every element itself (and copies nothing when the list is immutable already): no
            // loop and no message of ours on the path every event's resources take
            return List.copyOf(values);
        } catch (NullPointerException nullElement) {
            throw nullElement(field);
        }
    }

    private static NullPointerException nullElement(String field) {
        return new NullPointerException(field + " element must not be null");
    }
}
