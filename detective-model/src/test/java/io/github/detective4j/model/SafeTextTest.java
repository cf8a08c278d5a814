package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x0a, 0x1b, 0x7f, 0x85, 0x9b, 0x9f, 0x2028, 0x2029, 0x202e, 0x2066, 0x061c, 0x200b,
            0x200d, 0x2060, 0xfeff, 0x00ad, 0xe0001, 0xd800, 0xdfff})
    void controlsSeparatorsFormatCharactersAndSurrogatesAreUnsafe(int codePoint) {
        assertTrue(SafeText.isUnsafe(codePoint), Integer.toHexString(codePoint));
    }

    /** What shows as nothing, so that one name can pass for another, though it is no format character. */
    @ParameterizedTest
    @ValueSource(ints = {0x3164, 0x115f, 0x1160, 0xffa0, 0x2800, 0x034f, 0xfe0f, 0xfe00, 0x17b4, 0x180b, 0xe0100,
            0x0378, 0x10ffff})
    void invisibleAndUnassignedCodePointsAreUnsafe(int codePoint) {
        assertTrue(SafeText.isUnsafe(codePoint), Integer.toHexString(codePoint));
    }

    @ParameterizedTest
    @ValueSource(ints = {' ', 'a', '\\', '"', '<', 0xa0, 0xe9, 0x436, 0x4e2d, 0x5d0, 0x1f600, 0x20000, 0xfffd,
            0x0301, 0x1100, 0x3131})
    void lettersOfEveryScriptSpacesAndEmojiAreNot(int codePoint) {
        assertFalse(SafeText.isUnsafe(codePoint), Integer.toHexString(codePoint));
    }

    @Test
    void escapesUnsafeCodePointsAndBackslashesAndKeepsTheRest() {
        assertEquals("ua\\u0085[main] ERROR\\u009b2J\\u202eevil \\\\u001b caf\u00e9 \ud83d\ude00 \\ud800x\\U000e0001",
                SafeText.escape("ua\u0085[main] ERROR\u009b2J\u202eevil \\u001b caf\u00e9 \ud83d\ude00 \ud800x"
                        + new String(Character.toChars(0xe0001))));
        assertEquals("plain", SafeText.escape("plain"));
        assertEquals("", SafeText.escape(null));
    }
}
