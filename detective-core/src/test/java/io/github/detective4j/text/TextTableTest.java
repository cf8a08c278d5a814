package io.github.detective4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsTextLeftAndNumbersRight() {
        String text = TextTable.of("ip", "calls").row("203.0.113.7", 1200).row("198.51.100.1", 3).toString();
        assertEquals("ip            calls\n203.0.113.7   1,200\n198.51.100.1      3", text);
    }

    @Test
    void hostileCellsCannotDriveTheTerminal() {
        // An ANSI escape that clears the screen, a forged new line, and a right-to-left override.
        String ua = "aws-cli/2.0 \u001b[2J\nrow2\u202egnp.exe";
        String text = TextTable.of("user agent").row(ua).toString();
        assertFalse(text.contains("\u001b"), text);
        assertFalse(text.contains("\u202e"), text);
        assertEquals(2, text.split("\n").length, "no forged line");
        assertTrue(text.contains("aws-cli/2.0 \\u001b[2J\\u000arow2\\u202egnp.exe"), text);
    }

    @Test
    void separatorsAndFormatCharactersAnywhereInUnicodeAreEscaped() {
        String text = TextTable.escape("a\u2028b\u061cc\u2060d" + new String(Character.toChars(0xE0001)) + "e");
        assertEquals("a\\u2028b\\u061cc\\u2060d\\U000e0001e", text);
        assertEquals("plain text stays", TextTable.escape("plain text stays"));
        assertEquals(600, TextTable.escape("y".repeat(600)).length(), "escape does not cut");
    }

    @Test
    void aBackslashIsDoubledSoTypedEscapesCannotPassForRealOnes() {
        // a user agent that spells the escape of ESC (six characters) and one holding a real ESC must differ
        String typed = TextTable.escape("aws-cli/2.0 \\u001b[2J C:\\temp");
        String real = TextTable.escape("aws-cli/2.0 \u001b[2J C:\\temp");
        assertEquals("aws-cli/2.0 \\\\u001b[2J C:\\\\temp", typed);
        assertEquals("aws-cli/2.0 \\u001b[2J C:\\\\temp", real);
        assertTrue(TextTable.of("user agent").row("a\\b").toString().endsWith("a\\\\b"), "cells too");
    }

    @Test
    void recordsDescribeThemselvesEscaped() {
        record Agent(String name, int calls) {}
        assertEquals("Agent[name=x\\u001b[2Jy, calls=3]", TextTable.describe(new Agent("x\u001b[2Jy", 3)));
    }

    @Test
    void longCellsAreCut() {
        String cell = TextTable.clean("x".repeat(500));
        assertEquals(TextTable.MAX_CELL, cell.length());
        assertTrue(cell.endsWith("\u2026"));
        assertEquals("", TextTable.clean(null));
    }

    @Test
    void tooManyCellsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> TextTable.of("a").row("x", "y"));
    }

    @Test
    void sparklinesScaleToTheirMaximum() {
        assertEquals(" \u2581\u2584\u2588\u2588\u2582", Sparkline.of(new long[] {0, 1, 4, 8, 8, 2}));
        assertEquals("  ", Sparkline.of(new long[] {0, 0}));
        assertEquals("", Sparkline.of(new long[0]));
    }
}
