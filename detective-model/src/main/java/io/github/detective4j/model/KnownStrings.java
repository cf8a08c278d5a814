package io.github.detective4j.model;

/**
 * A bounded set of strings that passed a check, by identity: a slot per hash code, the latest string wins it. For the
 * checks every event's constructor makes again on values a reader shares as one string per value (addresses,
 * account ids): the same object met again passed already, and is not read again. A string that merely equals a
 * known one is checked for itself.
 *
 * <p>Thread-safety: slots are written without synchronization. A slot holds null or a string that passed, and strings
 * are immutable, so a racing reader at worst misses and checks the string again.
 */
final class KnownStrings {
    private final String[] slots;

    /**
     * Makes an empty set.
     *
     * @param size slots, a power of two
     */
    KnownStrings(int size) {
        if (size < 1 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two, not " + size);
        }
        this.slots = new String[size];
    }

    /** Tells whether this very string passed lately. */
    boolean contains(String value) {
        return slots[value.hashCode() & (slots.length - 1)] == value;
    }

    /** Remembers a string that passed. */
    void add(String value) {
        slots[value.hashCode() & (slots.length - 1)] = value;
    }
}
