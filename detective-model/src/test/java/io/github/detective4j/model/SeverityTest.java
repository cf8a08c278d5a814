package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SeverityTest {

    @ParameterizedTest
    @CsvSource({
        "0.0, INFORMATIONAL, 0",
        "0.05, INFORMATIONAL, 0",
        "0.1, LOW, 1",
        "0.7, LOW, 7",
        "2.0, LOW, 20",
        "2.3, LOW, 23",
        "3.9, LOW, 39",
        "3.95, LOW, 39",
        "3.99, LOW, 39",
        "4.0, MEDIUM, 40",
        "4.5, MEDIUM, 45",
        "5.7, MEDIUM, 57",
        "6.9, MEDIUM, 69",
        "7.0, HIGH, 70",
        "8.0, HIGH, 80",
        "8.9, HIGH, 89",
        "9.0, CRITICAL, 90",
        "9.99, CRITICAL, 99",
        "10.0, CRITICAL, 100",
    })
    void guardDutyScoreIsLabelledByGuardDutysRanges(double score, SeverityLabel label, int normalized) {
        Severity severity = Severity.ofGuardDuty(score);
        assertEquals(score, severity.score());
        assertEquals(label, severity.label());
        assertEquals(normalized, severity.normalized());
    }

    @Test
    void normalizedOfPointSevenIsSeven() {
        assertEquals(7, Severity.ofGuardDuty(0.7).normalized());
        assertEquals(7, new Severity(0.7, SeverityLabel.LOW).normalized());
    }

    @Test
    void normalizedForgivesFloatingPointErrorJustBelowATenth() {
        double almostPointSeven = 2.3 - 1.6; // 0.6999999999999997
        assertTrue(almostPointSeven < 0.7);
        assertEquals(7, Severity.ofGuardDuty(almostPointSeven).normalized());
        assertEquals(SeverityLabel.LOW, Severity.ofGuardDuty(almostPointSeven).label());
        Severity almostFour = Severity.ofGuardDuty(Math.nextDown(4.0));
        assertEquals(40, almostFour.normalized());
        assertEquals(SeverityLabel.MEDIUM, almostFour.label());
        assertEquals(89, Severity.ofGuardDuty(8.9999).normalized(), "a real difference is still floored");
    }

    @Test
    void normalizedFloorsEveryTenthExactly() {
        for (int tenths = 0; tenths <= 100; tenths++) {
            double score = tenths / 10.0;
            assertEquals(tenths, Severity.ofGuardDuty(score).normalized(), "score " + score);
            double viaMultiplication = tenths * 0.1; // 0.30000000000000004, 0.7000000000000001, ...
            if (viaMultiplication <= 10.0) {
                assertEquals(tenths, Severity.ofGuardDuty(viaMultiplication).normalized(),
                        "score " + viaMultiplication);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, -0.1, -1.0, -Double.MIN_VALUE, 10.000001, 11.0, 100.0,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE})
    void scoreOutside0To10IsRejected(double score) {
        Expect.illegalArgument(() -> Severity.ofGuardDuty(score),
                "severity score must be a number from 0.0 to 10.0, was " + score);
        Expect.illegalArgument(() -> new Severity(score, SeverityLabel.HIGH),
                "severity score must be a number from 0.0 to 10.0, was " + score);
    }

    @ParameterizedTest
    @CsvSource({
        "0, INFORMATIONAL",
        "1, LOW",
        "39, LOW",
        "40, MEDIUM",
        "45, MEDIUM",
        "69, MEDIUM",
        "70, HIGH",
        "89, HIGH",
        "90, CRITICAL",
        "100, CRITICAL",
    })
    void normalizedSeverityIsLabelledAsSecurityHubLabelsIt(int normalized, SeverityLabel label) {
        Severity severity = Severity.ofNormalized(normalized);
        assertEquals(label, severity.label());
        assertEquals(normalized / 10.0, severity.score());
        assertEquals(normalized, severity.normalized());
        assertEquals(label, SeverityLabel.ofNormalized(normalized));
    }

    @Test
    void normalizedFortyFiveIsScoreFourPointFive() {
        assertEquals(4.5, Severity.ofNormalized(45).score());
    }

    @Test
    void everyNormalizedValueRoundTrips() {
        for (int normalized = 0; normalized <= 100; normalized++) {
            Severity severity = Severity.ofNormalized(normalized);
            assertEquals(normalized, severity.normalized(), "normalized " + normalized);
            assertEquals(severity.label(), Severity.ofGuardDuty(severity.score()).label(),
                    "the scales must agree at normalized " + normalized);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void normalizedOutside0To100IsRejected(int normalized) {
        Expect.illegalArgument(() -> Severity.ofNormalized(normalized),
                "normalized severity must be in [0, 100], was " + normalized);
        Expect.illegalArgument(() -> Severity.ofAsff(SeverityLabel.HIGH, normalized),
                "normalized severity must be in [0, 100], was " + normalized);
    }

    @ParameterizedTest
    @CsvSource({
        "INFORMATIONAL, 0, 0.0",
        "LOW, 1, 0.1",
        "MEDIUM, 40, 4.0",
        "HIGH, 70, 7.0",
        "CRITICAL, 90, 9.0",
    })
    void labelAloneGetsItsLowestNormalizedValue(SeverityLabel label, int normalized, double score) {
        Severity severity = Severity.ofLabel(label);
        assertEquals(label, severity.label());
        assertEquals(normalized, severity.normalized());
        assertEquals(score, severity.score());
    }

    @Test
    void asffLabelWinsWhereItDisagreesWithNormalized() {
        Severity severity = Severity.ofAsff(SeverityLabel.LOW, 80);
        assertEquals(SeverityLabel.LOW, severity.label());
        assertEquals(80, severity.normalized());
        assertEquals(8.0, severity.score());

        Severity critical = Severity.ofAsff(SeverityLabel.CRITICAL, 0);
        assertEquals(SeverityLabel.CRITICAL, critical.label());
        assertEquals(0, critical.normalized());
    }

    @Test
    void asffWithAgreeingFieldsEqualsTheNormalizedSeverity() {
        assertEquals(Severity.ofNormalized(75), Severity.ofAsff(SeverityLabel.HIGH, 75));
    }

    @Test
    void nullLabelsAreRejected() {
        Expect.nullPointer(() -> Severity.ofLabel(null), "severity label must not be null");
        Expect.nullPointer(() -> Severity.ofAsff(null, 50), "severity label must not be null");
        Expect.nullPointer(() -> new Severity(5.0, null), "severity label must not be null");
    }

    @Test
    void compareToOrdersByLabelThenScore() {
        Severity info = Severity.ofGuardDuty(0.0);
        Severity low = Severity.ofGuardDuty(2.0);
        Severity lowButScored80 = Severity.ofAsff(SeverityLabel.LOW, 80);
        Severity medium = Severity.ofGuardDuty(4.0);
        Severity high = Severity.ofGuardDuty(7.0);
        Severity higher = Severity.ofGuardDuty(8.9);
        Severity critical = Severity.ofGuardDuty(9.0);
        Severity criticalByLabel = Severity.ofAsff(SeverityLabel.CRITICAL, 10);

        List<Severity> sorted = new ArrayList<>(
                List.of(critical, lowButScored80, high, info, criticalByLabel, higher, medium, low));
        sorted.sort(null);
        assertEquals(List.of(info, low, lowButScored80, medium, high, higher, criticalByLabel, critical), sorted);

        assertTrue(lowButScored80.compareTo(medium) < 0, "the label decides before the score");
        assertTrue(higher.compareTo(high) > 0);
        assertEquals(0, high.compareTo(Severity.ofNormalized(70)));
    }

    @Test
    void equalityIsScoreAndLabel() {
        assertEquals(new Severity(8.0, SeverityLabel.HIGH), Severity.ofGuardDuty(8.0));
        assertEquals(Severity.ofGuardDuty(8.0), Severity.ofNormalized(80));
        assertNotEquals(Severity.ofGuardDuty(8.0), Severity.ofAsff(SeverityLabel.CRITICAL, 80));
        assertNotEquals(Severity.ofGuardDuty(8.0), Severity.ofGuardDuty(8.1));
    }

    @Test
    void toStringShowsLabelAndScore() {
        assertEquals("HIGH (8.0)", Severity.ofGuardDuty(8).toString());
        assertEquals("LOW (3.95)", Severity.ofGuardDuty(3.95).toString());
    }

    @ParameterizedTest
    @EnumSource(SeverityLabel.class)
    void ofLabelIsTheLowestScoreOfThatLabel(SeverityLabel label) {
        Severity severity = Severity.ofLabel(label);
        assertEquals(label, Severity.ofGuardDuty(severity.score()).label());
        if (label != SeverityLabel.INFORMATIONAL) {
            assertNotEquals(label, SeverityLabel.ofNormalized(severity.normalized() - 1));
        }
    }

    @Test
    void negativeZeroIsZero() {
        assertEquals(Severity.ofGuardDuty(0.0), Severity.ofGuardDuty(-0.0));
        assertEquals(new Severity(0.0, SeverityLabel.LOW), new Severity(-0.0, SeverityLabel.LOW));
        assertEquals(0, Severity.ofGuardDuty(-0.0).compareTo(Severity.ofGuardDuty(0.0)));
        assertEquals("INFORMATIONAL (0.0)", Severity.ofGuardDuty(-0.0).toString());
    }
}
