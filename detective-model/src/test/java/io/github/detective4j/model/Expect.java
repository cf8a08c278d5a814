package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Assertions on the exceptions the model throws: exact type, and a message that names what is wrong. */
final class Expect {
    private Expect() {}

    /**
     * Asserts that {@code call} throws exactly {@link IllegalArgumentException} (no subclass) with a message that
     * holds every fragment.
     */
    static IllegalArgumentException illegalArgument(Executable call, String... fragments) {
        return exactly(IllegalArgumentException.class, call, fragments);
    }

    /** Asserts that {@code call} throws exactly {@link NullPointerException} with a message holding every fragment. */
    static NullPointerException nullPointer(Executable call, String... fragments) {
        return exactly(NullPointerException.class, call, fragments);
    }

    private static <T extends RuntimeException> T exactly(Class<T> type, Executable call, String... fragments) {
        T thrown = assertThrows(type, call);
        assertEquals(type, thrown.getClass(), "exception type");
        String message = thrown.getMessage();
        assertNotNull(message, "the exception has no message");
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment),
                    () -> "message '" + message + "' should mention '" + fragment + "'");
        }
        return thrown;
    }
}
