package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SeverityLabelTest {

    @ParameterizedTest
    @CsvSource({
        "INFORMATIONAL, 0",
        "LOW, 1",
        "MEDIUM, 40",
        "HIGH, 70",
        "CRITICAL, 90",
    })
    void lowestNormalizedIsWhatSecurityHubFillsIn(SeverityLabel label, int lowest) {
        assertEquals(lowest, label.lowestNormalized());
        assertSame(label, SeverityLabel.ofNormalized(lowest));
    }

    @ParameterizedTest
    @CsvSource({
        "0, INFORMATIONAL",
        "1, LOW",
        "39, LOW",
        "40, MEDIUM",
        "69, MEDIUM",
        "70, HIGH",
        "89, HIGH",
        "90, CRITICAL",
        "100, CRITICAL",
    })
    void ofNormalizedAtTheBoundaries(int normalized, SeverityLabel label) {
        assertSame(label, SeverityLabel.ofNormalized(normalized));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101, 1000, Integer.MIN_VALUE})
    void ofNormalizedOutOfRangeIsRejected(int normalized) {
        Expect.illegalArgument(() -> SeverityLabel.ofNormalized(normalized),
                "normalized severity must be in [0, 100], was " + normalized);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "INFORMATIONAL | INFORMATIONAL",
        "informational | INFORMATIONAL",
        "Low | LOW",
        "medium | MEDIUM",
        "HIGH | HIGH",
        "hIgH | HIGH",
        "CRITICAL | CRITICAL",
        "\"  critical \" | CRITICAL",
        "\"\tHigh\u2003\" | HIGH",
    })
    void parseIgnoresCaseAndSurroundingWhiteSpace(String text, SeverityLabel label) {
        assertSame(label, SeverityLabel.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SEVERE", "", " ", "HIGHEST", "MED", "H", "0", "NONE", "FATAL", "HI GH"})
    void parseOfUnknownLabelIsRejectedListingTheValidOnes(String text) {
        Expect.illegalArgument(() -> SeverityLabel.parse(text), "unknown severity label '" + text + "'",
                "INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL");
    }

    @Test
    void parseRejectsNull() {
        Expect.nullPointer(() -> SeverityLabel.parse(null), "severity label must not be null");
    }

    @Test
    void labelsAreDeclaredFromLeastToMostSevere() {
        assertArrayEquals(new SeverityLabel[] {SeverityLabel.INFORMATIONAL, SeverityLabel.LOW, SeverityLabel.MEDIUM,
            SeverityLabel.HIGH, SeverityLabel.CRITICAL}, SeverityLabel.values());
        assertTrue(SeverityLabel.LOW.compareTo(SeverityLabel.MEDIUM) < 0);
        assertTrue(SeverityLabel.CRITICAL.compareTo(SeverityLabel.HIGH) > 0);
        for (int i = 1; i < SeverityLabel.values().length; i++) {
            assertTrue(SeverityLabel.values()[i - 1].lowestNormalized() < SeverityLabel.values()[i].lowestNormalized());
        }
    }
}
