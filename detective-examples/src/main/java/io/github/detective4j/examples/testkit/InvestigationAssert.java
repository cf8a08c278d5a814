package io.github.detective4j.examples.testkit;

import io.github.detective4j.investigation.Indicator;
import io.github.detective4j.investigation.IndicatorType;
import io.github.detective4j.investigation.Investigation;
import io.github.detective4j.investigation.InvestigationSeverity;
import io.github.detective4j.text.TextTable;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Assertions on an {@link Investigation}'s indicators and severity; get one with
 * {@link DetectionAssertions#assertThat(Investigation)}. Text is matched against an indicator's detail as it prints
 * ({@code TtpObserved[tactic=Defense Evasion, ..., apiName=StopLogging, ...]}), so {@code "StopLogging"},
 * {@code "Ashburn"} or an address all find their indicator; give the text as logged (a user agent with a backslash
 * as it is), since it is escaped as the detail prints it. Each method returns this, to chain.
 */
public final class InvestigationAssert {
    private final Investigation investigation;

    InvestigationAssert(Investigation investigation) {
        this.investigation = Objects.requireNonNull(investigation, "investigation");
    }

    /**
     * Asserts an indicator of a type.
     *
     * @param type the indicator type
     * @return this
     * @throws AssertionError if there is none, listing the indicators there are
     */
    public InvestigationAssert hasIndicator(IndicatorType type) {
        if (investigation.indicators(type).isEmpty()) {
            throw failure("a " + type + " indicator");
        }
        return this;
    }

    /**
     * Asserts an indicator of a type whose detail mentions a text.
     *
     * @param type the indicator type
     * @param mentioning text its detail must contain, such as a method, a place, an address or a finding type
     * @return this
     * @throws AssertionError if there is none, listing the indicators there are
     */
    public InvestigationAssert hasIndicator(IndicatorType type, String mentioning) {
        if (matching(type, mentioning).isEmpty()) {
            throw failure("a " + type + " indicator mentioning '" + mentioning + "'");
        }
        return this;
    }

    /**
     * Asserts that no indicator of a type was raised.
     *
     * @param type the indicator type
     * @return this
     * @throws AssertionError if there is one, listing the indicators there are
     */
    public InvestigationAssert hasNoIndicator(IndicatorType type) {
        if (!investigation.indicators(type).isEmpty()) {
            throw failure("no " + type + " indicator");
        }
        return this;
    }

    /**
     * Asserts that no indicator of a type mentions a text.
     *
     * @param type the indicator type
     * @param mentioning text no such indicator's detail may contain
     * @return this
     * @throws AssertionError if one does, listing the indicators there are
     */
    public InvestigationAssert hasNoIndicator(IndicatorType type, String mentioning) {
        if (!matching(type, mentioning).isEmpty()) {
            throw failure("no " + type + " indicator mentioning '" + mentioning + "'");
        }
        return this;
    }

    /**
     * Asserts the investigation's severity.
     *
     * @param severity the expected severity
     * @return this
     * @throws AssertionError if it differs, listing the indicators there are
     */
    public InvestigationAssert hasSeverity(InvestigationSeverity severity) {
        if (investigation.severity() != severity) {
            throw failure("severity " + severity + ", not " + investigation.severity());
        }
        return this;
    }

    private List<Indicator> matching(IndicatorType type, String mentioning) {
        Objects.requireNonNull(mentioning, "text");
        // the detail prints strings from logs escaped (a backslash doubled): the text as logged is escaped so too
        String escaped = TextTable.escape(mentioning);
        return investigation.indicators(type).stream().filter(i -> i.detail().toString().contains(escaped))
                .toList();
    }

    private AssertionError failure(String expected) {
        List<Indicator> all = investigation.indicators();
        String found = all.isEmpty() ? " none" : all.stream()
                .map(i -> "\n  " + i.type() + " (" + i.severity() + ") " + i.detail())
                .collect(Collectors.joining());
        return new AssertionError("expected the investigation of " + investigation.entity() + " over "
                + investigation.scope() + " to have " + expected + "; its " + all.size() + " indicators (severity "
                + investigation.severity() + "):" + found);
    }
}
