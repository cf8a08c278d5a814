package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTimeTest {
    private static Instant at(String text) {
        return Instant.parse(text);
    }

    private static ScopeTime scope(String start, String end) {
        return ScopeTime.of(at(start), at(end));
    }

    // ---- construction ---------------------------------------------------------------------------------------

    @Test
    void wholeHourBoundsMakeAScope() {
        ScopeTime scope = new ScopeTime(at("2026-11-27T12:00:00Z"), at("2026-11-28T12:00:00Z"));
        assertEquals(at("2026-11-27T12:00:00Z"), scope.start());
        assertEquals(at("2026-11-28T12:00:00Z"), scope.end());
        assertEquals(scope, ScopeTime.of(at("2026-11-27T12:00:00Z"), at("2026-11-28T12:00:00Z")));
        assertEquals(24, scope.hours());
        assertEquals(Duration.ofHours(24), scope.duration());
    }

    @Test
    void constantsAreOneHour366DaysAnd45Days() {
        assertEquals(Duration.ofHours(1), ScopeTime.HOUR);
        assertEquals(Duration.ofDays(366), ScopeTime.MAX_LENGTH);
        assertEquals(Duration.ofDays(45), ScopeTime.DEFAULT_BASELINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T12:30:00Z", "2026-11-27T12:00:01Z", "2026-11-27T12:00:00.000000001Z",
        "2026-11-27T11:59:59.999999999Z"})
    void unalignedStartIsRejectedSuggestingCovering(String start) {
        Expect.illegalArgument(() -> ScopeTime.of(at(start), at("2026-11-28T12:00:00Z")),
                "scope start " + start + " is not on a whole UTC hour", "ScopeTime.covering");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-28T12:30:00Z", "2026-11-28T12:00:00.5Z", "2026-11-28T12:00:00.000000001Z"})
    void unalignedEndIsRejectedSuggestingCovering(String end) {
        Expect.illegalArgument(() -> ScopeTime.of(at("2026-11-27T12:00:00Z"), at(end)),
                "scope end " + at(end) + " is not on a whole UTC hour", "ScopeTime.covering");
    }

    @Test
    void invertedScopeIsRejected() {
        Expect.illegalArgument(() -> scope("2026-11-28T12:00:00Z", "2026-11-28T11:00:00Z"),
                "scope end 2026-11-28T11:00:00Z must be after scope start 2026-11-28T12:00:00Z");
    }

    @Test
    void emptyScopeIsRejected() {
        Expect.illegalArgument(() -> scope("2026-11-28T12:00:00Z", "2026-11-28T12:00:00Z"),
                "scope end 2026-11-28T12:00:00Z must be after scope start 2026-11-28T12:00:00Z");
    }

    @Test
    void oneHourIsTheShortestScope() {
        ScopeTime scope = scope("2026-11-28T12:00:00Z", "2026-11-28T13:00:00Z");
        assertEquals(1, scope.hours());
        assertEquals(ScopeTime.HOUR, scope.duration());
    }

    @Test
    void exactly366DaysIsAllowed() {
        ScopeTime leapYear = scope("2028-01-01T00:00:00Z", "2029-01-01T00:00:00Z");
        assertEquals(Duration.ofDays(366), leapYear.duration());
        assertEquals(8784, leapYear.hours());
    }

    @Test
    void longerThan366DaysIsRejectedSayingHowLong() {
        Expect.illegalArgument(() -> scope("2028-01-01T00:00:00Z", "2029-01-01T01:00:00Z"),
                "scope 2028-01-01T00:00:00Z/2029-01-01T01:00:00Z", "8785 hours", "366 days");
        Expect.illegalArgument(() -> scope("2026-01-01T00:00:00Z", "2027-01-03T00:00:00Z"),
                "8808 hours", "366 days");
    }

    /** Hourly aggregates count hours in an int: a scope near year 245,000 would overflow them, so none goes there. */
    @Test
    void scopesLieWithinTheYears0000To9999() {
        assertEquals(scope("9999-12-31T23:00:00Z", "+10000-01-01T00:00:00Z").hours(), 1);
        assertEquals(scope("0000-01-01T00:00:00Z", "0000-01-01T01:00:00Z").hours(), 1);
        Expect.illegalArgument(() -> ScopeTime.parse("+250000-01-01T00:00:00Z/P1D"), "outside the years 0000 to 9999");
        Expect.illegalArgument(() -> ScopeTime.parse("-245000-01-01T00:00:00Z/P1D"), "outside the years 0000 to 9999");
        Expect.illegalArgument(() -> scope("+10000-01-01T00:00:00Z", "+10000-01-01T01:00:00Z"), "0000 to 9999");
    }

    /** Near the ends of the time line the arithmetic would overflow first; the refusal says what is wrong. */
    @Test
    void scopesOfTheTimeLinesEndsAreRefusedAsOutsideTheYears() {
        Expect.illegalArgument(() -> ScopeTime.covering(Instant.MAX, Instant.MAX), "outside the years 0000 to 9999");
        Expect.illegalArgument(() -> ScopeTime.covering(Instant.MIN, Instant.MAX), "outside the years 0000 to 9999");
        Expect.illegalArgument(() -> ScopeTime.covering(Instant.MIN, Instant.MIN), "outside the years 0000 to 9999");
        Expect.illegalArgument(() -> ScopeTime.coveringLatest(Instant.EPOCH, Instant.MAX, ScopeTime.MAX_LENGTH),
                "outside the years 0000 to 9999");
        Expect.illegalArgument(() -> ScopeTime.coveringLatest(Instant.MIN, Instant.MIN, ScopeTime.MAX_LENGTH),
                "outside the years 0000 to 9999");
        for (Instant now : List.of(Instant.MAX, Instant.MIN, Instant.MIN.plusSeconds(1))) {
            Expect.illegalArgument(() -> ScopeTime.lastHours(24, Clock.fixed(now, ZoneOffset.UTC)),
                    "outside the years 0000 to 9999");
        }
        assertEquals(scope("9999-12-31T23:00:00Z", "+10000-01-01T00:00:00Z"),
                ScopeTime.covering(at("9999-12-31T23:59:59Z"), at("9999-12-31T23:59:59.999Z")));
    }

    @Test
    void nullBoundsAreRejected() {
        Expect.nullPointer(() -> ScopeTime.of(null, at("2026-11-28T12:00:00Z")), "scope start must not be null");
        Expect.nullPointer(() -> ScopeTime.of(at("2026-11-28T12:00:00Z"), null), "scope end must not be null");
    }

    @Test
    void scopesBefore1970AreOnWholeHoursToo() {
        ScopeTime scope = scope("1969-12-31T22:00:00Z", "1970-01-01T01:00:00Z");
        assertEquals(3, scope.hours());
        assertEquals(-2, scope.startEpochHour());
        assertEquals(1, scope.endEpochHour());
        Expect.illegalArgument(() -> scope("1969-12-31T22:30:00Z", "1970-01-01T01:00:00Z"), "not on a whole UTC hour");
    }

    // ---- covering -------------------------------------------------------------------------------------------

    @Test
    void coveringRoundsFirstDownAndLastUp() {
        assertEquals(scope("2026-11-28T11:00:00Z", "2026-11-28T14:00:00Z"),
                ScopeTime.covering(at("2026-11-28T11:45:10Z"), at("2026-11-28T13:02:00Z")));
    }

    @Test
    void coveringASingleInstantOnAWholeHourGivesThatHour() {
        assertEquals(scope("2026-11-28T12:00:00Z", "2026-11-28T13:00:00Z"),
                ScopeTime.covering(at("2026-11-28T12:00:00Z"), at("2026-11-28T12:00:00Z")));
    }

    @Test
    void coveringASingleInstantInsideAnHourGivesThatHour() {
        assertEquals(scope("2026-11-28T12:00:00Z", "2026-11-28T13:00:00Z"),
                ScopeTime.covering(at("2026-11-28T12:34:56.789Z"), at("2026-11-28T12:34:56.789Z")));
    }

    @Test
    void coveringIncludesALastInstantOnAWholeHour() {
        ScopeTime scope = ScopeTime.covering(at("2026-11-28T11:00:00Z"), at("2026-11-28T13:00:00Z"));
        assertEquals(scope("2026-11-28T11:00:00Z", "2026-11-28T14:00:00Z"), scope);
        assertTrue(scope.contains(at("2026-11-28T13:00:00Z")));
    }

    @Test
    void coveringJustAcrossAnHourGivesBothHours() {
        assertEquals(scope("2026-11-28T11:00:00Z", "2026-11-28T13:00:00Z"),
                ScopeTime.covering(at("2026-11-28T11:59:59.999999999Z"), at("2026-11-28T12:00:00Z")));
    }

    @Test
    void coveringWorksBefore1970() {
        assertEquals(scope("1969-12-31T23:00:00Z", "1970-01-01T00:00:00Z"),
                ScopeTime.covering(at("1969-12-31T23:30:00Z"), at("1969-12-31T23:45:00Z")));
        assertEquals(scope("1969-12-31T23:00:00Z", "1970-01-01T01:00:00Z"),
                ScopeTime.covering(at("1969-12-31T23:59:59Z"), at("1970-01-01T00:00:00Z")));
    }

    @Test
    void coveringRejectsLastBeforeFirst() {
        Expect.illegalArgument(
                () -> ScopeTime.covering(at("2026-11-28T13:00:00Z"), at("2026-11-28T12:59:59Z")),
                "last instant 2026-11-28T12:59:59Z is before first instant 2026-11-28T13:00:00Z");
    }

    @Test
    void coveringRejectsSpansLongerThan366Days() {
        Expect.illegalArgument(
                () -> ScopeTime.covering(at("2026-01-01T00:00:00Z"), at("2027-01-05T00:00:00Z")), "366 days");
        assertEquals(8784, ScopeTime.covering(at("2028-01-01T00:00:00Z"), at("2028-12-31T23:59:59Z")).hours());
    }

    @Test
    void coveringRejectsNulls() {
        Expect.nullPointer(() -> ScopeTime.covering(null, at("2026-11-28T12:00:00Z")),
                "first instant must not be null");
        Expect.nullPointer(() -> ScopeTime.covering(at("2026-11-28T12:00:00Z"), null),
                "last instant must not be null");
    }

    // ---- lastHours ------------------------------------------------------------------------------------------

    @Test
    void lastHoursMidHourIncludesTheCurrentPartialHour() {
        Clock clock = Clock.fixed(at("2026-11-28T11:45:00Z"), ZoneOffset.UTC);
        ScopeTime scope = ScopeTime.lastHours(24, clock);
        assertEquals(scope("2026-11-27T12:00:00Z", "2026-11-28T12:00:00Z"), scope);
        assertTrue(scope.contains(clock.instant()));
    }

    @Test
    void lastHoursExactlyOnTheHourEndsNow() {
        Clock clock = Clock.fixed(at("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
        assertEquals(scope("2026-11-27T12:00:00Z", "2026-11-28T12:00:00Z"), ScopeTime.lastHours(24, clock));
    }

    @Test
    void lastHoursOneNanosecondAfterTheHourTakesTheNextHour() {
        Clock clock = Clock.fixed(at("2026-11-28T12:00:00.000000001Z"), ZoneOffset.UTC);
        assertEquals(scope("2026-11-28T12:00:00Z", "2026-11-28T13:00:00Z"), ScopeTime.lastHours(1, clock));
    }

    @Test
    void lastHoursIgnoresTheClocksZone() {
        Instant now = at("2026-11-28T11:45:00Z");
        ScopeTime utc = ScopeTime.lastHours(24, Clock.fixed(now, ZoneOffset.UTC));
        assertEquals(utc, ScopeTime.lastHours(24, Clock.fixed(now, ZoneId.of("Asia/Kolkata"))));
        assertEquals(utc, ScopeTime.lastHours(24, Clock.fixed(now, ZoneId.of("America/St_Johns"))));
    }

    @Test
    void lastHoursAcceptsOneTo8784Hours() {
        Clock clock = Clock.fixed(at("2026-11-28T11:45:00Z"), ZoneOffset.UTC);
        assertEquals(scope("2026-11-28T11:00:00Z", "2026-11-28T12:00:00Z"), ScopeTime.lastHours(1, clock));
        ScopeTime longest = ScopeTime.lastHours(8784, clock);
        assertEquals(8784, longest.hours());
        assertEquals(at("2026-11-28T12:00:00Z"), longest.end());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 8785, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void lastHoursOutOfRangeIsRejected(int hours) {
        Clock clock = Clock.fixed(at("2026-11-28T11:45:00Z"), ZoneOffset.UTC);
        Expect.illegalArgument(() -> ScopeTime.lastHours(hours, clock),
                "hours must be in [1, 8784], was " + hours);
        Expect.illegalArgument(() -> ScopeTime.lastHours(hours), "hours must be in [1, 8784], was " + hours);
    }

    @Test
    void lastHoursNeedsAClock() {
        Expect.nullPointer(() -> ScopeTime.lastHours(24, null), "clock must not be null");
    }

    @Test
    void lastHoursBySystemClockEndsOnTheHourAfterNow() {
        Instant before = Instant.now();
        ScopeTime scope = ScopeTime.lastHours(24);
        Instant after = Instant.now();
        assertEquals(24, scope.hours());
        assertEquals(0, scope.end().getEpochSecond() % 3600);
        assertEquals(0, scope.end().getNano());
        assertFalse(scope.end().isBefore(before), scope + " ends before " + before);
        assertFalse(scope.end().minus(ScopeTime.HOUR).isAfter(after), scope + " ends over an hour after " + after);
    }

    // ---- ofFinding ------------------------------------------------------------------------------------------

    @Test
    void ofFindingCoversFirstToLastObservation() {
        Finding finding = Finding.builder()
                .id("c2b98b95c5440025c05b405065ed3bb9")
                .type("CryptoCurrency:EC2/BitcoinTool.B")
                .severity(Severity.ofGuardDuty(8))
                .observed(at("2026-11-20T04:00:00Z"), at("2026-11-27T22:10:00Z"))
                .updatedAt(at("2026-11-28T09:30:00Z"))
                .build();
        assertEquals(scope("2026-11-20T04:00:00Z", "2026-11-27T23:00:00Z"), ScopeTime.ofFinding(finding));
    }

    @Test
    void ofFindingObservedOnceGetsOneHour() {
        Finding finding = Finding.builder().id("f1").type("Recon:EC2/PortProbeUnprotectedPort")
                .severity(Severity.ofGuardDuty(2))
                .observed(at("2026-11-20T04:10:00Z"), at("2026-11-20T04:10:00Z")).build();
        assertEquals(scope("2026-11-20T04:00:00Z", "2026-11-20T05:00:00Z"), ScopeTime.ofFinding(finding));
    }

    /** As {@code BehaviorGraph.profile} has it: a finding observed for longer than a scope gets its last 366 days. */
    @Test
    void ofFindingObservedLongerThanAScopeGetsItsLast366Days() {
        Finding finding = Finding.builder().id("f2").type("Recon:EC2/PortProbeUnprotectedPort")
                .severity(Severity.ofGuardDuty(2))
                .observed(at("2025-01-01T10:15:00.500Z"), at("2026-03-01T12:00:00Z")).build();
        ScopeTime scope = ScopeTime.ofFinding(finding);
        assertEquals(scope("2025-02-28T13:00:00Z", "2026-03-01T13:00:00Z"), scope);
        assertEquals(ScopeTime.MAX_LENGTH, scope.duration());
    }

    @Test
    void coveringLatestKeepsTheLastInstantAndAtMostTheLengthGiven() {
        assertEquals(scope("2026-11-28T11:00:00Z", "2026-11-28T14:00:00Z"), ScopeTime.coveringLatest(
                at("2026-11-28T11:45:10Z"), at("2026-11-28T13:02:00Z"), ScopeTime.MAX_LENGTH), "short spans as covering");
        assertEquals(scope("2026-11-28T12:00:00Z", "2026-11-28T14:00:00Z"), ScopeTime.coveringLatest(
                at("2026-11-01T00:00:00Z"), at("2026-11-28T13:02:00Z"), Duration.ofHours(2)));
        assertEquals(scope("2026-11-28T13:00:00Z", "2026-11-28T14:00:00Z"), ScopeTime.coveringLatest(
                at("2026-11-01T00:00:00Z"), at("2026-11-28T13:00:00Z"), ScopeTime.HOUR), "a last instant on the hour");
        Expect.illegalArgument(() -> ScopeTime.coveringLatest(at("2026-11-28T13:00:00Z"), at("2026-11-28T12:00:00Z"),
                ScopeTime.HOUR), "is before first instant");
        Expect.illegalArgument(() -> ScopeTime.coveringLatest(at("2026-11-01T00:00:00Z"), at("2026-11-28T12:00:00Z"),
                Duration.ofMinutes(90)), "atMost must be a positive number of whole hours");
        Expect.illegalArgument(() -> ScopeTime.coveringLatest(at("2026-11-01T00:00:00Z"), at("2026-11-28T12:00:00Z"),
                Duration.ofDays(367)), "at most 366 days");
    }

    @Test
    void ofFindingRejectsNull() {
        Expect.nullPointer(() -> ScopeTime.ofFinding(null), "finding must not be null");
    }

    // ---- baseline -------------------------------------------------------------------------------------------

    @Test
    void baselineIsThe45DaysBeforeTheStart() {
        ScopeTime scope = ScopeTime.parse("2026-11-20T00:00:00Z/2026-11-28T00:00:00Z");
        assertEquals(192, scope.hours());
        ScopeTime baseline = scope.baseline();
        assertEquals(scope("2026-10-06T00:00:00Z", "2026-11-20T00:00:00Z"), baseline);
        assertEquals(45 * 24, baseline.hours());
        assertFalse(baseline.overlaps(scope));
    }

    @Test
    void baselineOfAGivenLengthEndsAtTheStart() {
        ScopeTime scope = scope("2026-11-28T12:00:00Z", "2026-11-28T13:00:00Z");
        assertEquals(scope("2026-11-27T12:00:00Z", "2026-11-28T12:00:00Z"), scope.baseline(Duration.ofHours(24)));
        assertEquals(scope("2026-11-28T11:00:00Z", "2026-11-28T12:00:00Z"), scope.baseline(Duration.ofHours(1)));
        assertEquals(scope("2025-11-27T12:00:00Z", "2026-11-28T12:00:00Z"), scope.baseline(Duration.ofDays(366)));
    }

    @Test
    void baselineOfNonWholeHoursIsRejected() {
        ScopeTime scope = scope("2026-11-28T12:00:00Z", "2026-11-28T13:00:00Z");
        Expect.illegalArgument(() -> scope.baseline(Duration.ofMinutes(90)),
                "baseline length must be a positive number of whole hours", "was PT1H30M");
        Expect.illegalArgument(() -> scope.baseline(Duration.ofHours(1).plusNanos(1)), "whole hours", "PT1H0.000000001S");
        Expect.illegalArgument(() -> scope.baseline(Duration.ofSeconds(59)), "whole hours", "PT59S");
    }

    @Test
    void baselineOfZeroOrNegativeLengthIsRejected() {
        ScopeTime scope = scope("2026-11-28T12:00:00Z", "2026-11-28T13:00:00Z");
        Expect.illegalArgument(() -> scope.baseline(Duration.ZERO), "positive number of whole hours", "was PT0S");
        Expect.illegalArgument(() -> scope.baseline(Duration.ofHours(-24)), "positive", "PT-24H");
    }

    @Test
    void baselineLongerThan366DaysIsRejected() {
        ScopeTime scope = scope("2026-11-28T12:00:00Z", "2026-11-28T13:00:00Z");
        Expect.illegalArgument(() -> scope.baseline(Duration.ofDays(367)), "366 days");
        Expect.illegalArgument(() -> scope.baseline(Duration.ofDays(366).plusHours(1)), "366 days");
    }

    @Test
    void baselineOfAnAbsurdLengthIsRejectedAsOutOfRange() {
        ScopeTime scope = scope("2026-11-28T12:00:00Z", "2026-11-28T13:00:00Z");
        Duration huge = Duration.ofHours(Long.MAX_VALUE / 3600);
        Expect.illegalArgument(() -> scope.baseline(huge), "baseline length", "366 days");
    }

    @Test
    void baselineRejectsNull() {
        ScopeTime scope = scope("2026-11-28T12:00:00Z", "2026-11-28T13:00:00Z");
        Expect.nullPointer(() -> scope.baseline(null), "baseline length must not be null");
    }

    // ---- parse and toString ---------------------------------------------------------------------------------

    @Test
    void toStringIsAnIsoInterval() {
        assertEquals("2026-11-27T12:00:00Z/2026-11-28T12:00:00Z",
                scope("2026-11-27T12:00:00Z", "2026-11-28T12:00:00Z").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T12:00:00Z/2026-11-28T12:00:00Z", "1969-12-31T22:00:00Z/1970-01-01T01:00:00Z",
        "2028-01-01T00:00:00Z/2029-01-01T00:00:00Z", "2026-11-28T12:00:00Z/2026-11-28T13:00:00Z"})
    void parseReadsBackToString(String text) {
        ScopeTime scope = ScopeTime.parse(text);
        assertEquals(text, scope.toString());
        assertEquals(scope, ScopeTime.parse(scope.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T12:00:00Z/PT24H", "2026-11-27T12:00:00Z/P1D", "2026-11-27T12:00:00Z/pt24h",
        "2026-11-27T12:00:00Z/PT1440M", "  2026-11-27T12:00:00Z/2026-11-28T12:00:00Z\n"})
    void parseReadsStartAndDuration(String text) {
        assertEquals(scope("2026-11-27T12:00:00Z", "2026-11-28T12:00:00Z"), ScopeTime.parse(text));
    }

    @Test
    void parseAcceptsAnyCharSequence() {
        assertEquals(scope("2026-11-27T12:00:00Z", "2026-11-28T12:00:00Z"),
                ScopeTime.parse(new StringBuilder("2026-11-27T12:00:00Z/PT24H")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T12:00:00Z", "", "PT24H"})
    void parseWithoutSlashIsRejected(String text) {
        Expect.illegalArgument(() -> ScopeTime.parse(text), "scope time '" + text + "'", "<start>/<end>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T12:00:00/2026-11-28T12:00:00Z", "2026-11-27T12:00:00Z/2026-11-28",
        "x/y", "/", "2026-11-27T12:00:00Z/", "/2026-11-28T12:00:00Z", "2026-11-27T12:00:00Z/PT24X",
        "2026-11-27T12:00:00Z/P", "2026-11-27 12:00:00Z/PT24H", "2026-11-27T12:00:00Z/PT99999999999999999999H"})
    void parseOfNonIsoIntervalIsRejected(String text) {
        IllegalArgumentException e = Expect.illegalArgument(() -> ScopeTime.parse(text),
                "scope time '" + text + "' is not an ISO-8601 interval of UTC instants");
        assertInstanceOf(DateTimeParseException.class, e.getCause());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T12:00:00Z/PT999999999999999H", "2026-11-27T12:00:00Z/PT2562047788015215H",
        "2026-11-27T12:00:00Z/PT-2562047788015215H", "+1000000000-12-31T23:00:00Z/PT1H"})
    void parseOfAnIntervalEndingOutsideTheTimeLineIsRejected(String text) {
        Expect.illegalArgument(() -> ScopeTime.parse(text), "scope time '" + text + "'");
    }

    @Test
    void parseOfAnInvalidScopeIsRejectedAsTheConstructorRejectsIt() {
        Expect.illegalArgument(() -> ScopeTime.parse("2026-11-27T12:30:00Z/PT24H"), "not on a whole UTC hour");
        Expect.illegalArgument(() -> ScopeTime.parse("2026-11-27T12:00:00Z/PT-1H"), "must be after scope start");
        Expect.illegalArgument(() -> ScopeTime.parse("2026-11-27T12:00:00Z/2026-11-27T12:00:00Z"),
                "must be after scope start");
        Expect.illegalArgument(() -> ScopeTime.parse("2026-11-27T12:00:00Z/P367D"), "366 days");
    }

    @Test
    void parseRejectsNull() {
        Expect.nullPointer(() -> ScopeTime.parse(null), "scope time must not be null");
    }

    // ---- queries --------------------------------------------------------------------------------------------

    @Test
    void hoursCountsWholeHours() {
        assertEquals(1, scope("2026-11-28T12:00:00Z", "2026-11-28T13:00:00Z").hours());
        assertEquals(49, scope("2026-11-26T12:00:00Z", "2026-11-28T13:00:00Z").hours());
        assertEquals(24, scope("1969-12-31T12:00:00Z", "1970-01-01T12:00:00Z").hours());
    }

    @Test
    void containsIsHalfOpen() {
        ScopeTime scope = scope("2026-11-28T12:00:00Z", "2026-11-28T14:00:00Z");
        assertTrue(scope.contains(at("2026-11-28T12:00:00Z")));
        assertTrue(scope.contains(at("2026-11-28T13:30:00Z")));
        assertTrue(scope.contains(at("2026-11-28T13:59:59.999999999Z")));
        assertFalse(scope.contains(at("2026-11-28T14:00:00Z")));
        assertFalse(scope.contains(at("2026-11-28T11:59:59.999999999Z")));
    }

    @Test
    void containsHourIsHalfOpenOnEpochHours() {
        ScopeTime scope = scope("2026-11-28T12:00:00Z", "2026-11-28T14:00:00Z");
        long first = ScopeTime.epochHour(at("2026-11-28T12:00:00Z"));
        assertEquals(first, scope.startEpochHour());
        assertEquals(first + 2, scope.endEpochHour());
        assertFalse(scope.containsHour(first - 1));
        assertTrue(scope.containsHour(first));
        assertTrue(scope.containsHour(first + 1));
        assertFalse(scope.containsHour(first + 2));
    }

    @Test
    void containsHourBefore1970() {
        ScopeTime scope = scope("1969-12-31T22:00:00Z", "1970-01-01T01:00:00Z");
        assertFalse(scope.containsHour(-3));
        assertTrue(scope.containsHour(-2));
        assertTrue(scope.containsHour(-1));
        assertTrue(scope.containsHour(0));
        assertFalse(scope.containsHour(1));
        assertTrue(scope.containsHour(ScopeTime.epochHour(at("1969-12-31T23:59:59Z"))));
    }

    @Test
    void overlapsNeedsASharedHour() {
        ScopeTime tenToTwelve = scope("2026-11-28T10:00:00Z", "2026-11-28T12:00:00Z");
        ScopeTime twelveToFourteen = scope("2026-11-28T12:00:00Z", "2026-11-28T14:00:00Z");
        ScopeTime elevenToThirteen = scope("2026-11-28T11:00:00Z", "2026-11-28T13:00:00Z");
        ScopeTime elevenToTwelve = scope("2026-11-28T11:00:00Z", "2026-11-28T12:00:00Z");
        ScopeTime nextDay = scope("2026-11-29T10:00:00Z", "2026-11-29T12:00:00Z");

        assertFalse(tenToTwelve.overlaps(twelveToFourteen), "adjacent scopes share no hour");
        assertFalse(twelveToFourteen.overlaps(tenToTwelve));
        assertTrue(tenToTwelve.overlaps(elevenToThirteen));
        assertTrue(elevenToThirteen.overlaps(tenToTwelve));
        assertTrue(tenToTwelve.overlaps(elevenToTwelve), "a scope overlaps one inside it");
        assertTrue(elevenToTwelve.overlaps(tenToTwelve));
        assertTrue(tenToTwelve.overlaps(tenToTwelve));
        assertFalse(tenToTwelve.overlaps(nextDay));
        assertFalse(nextDay.overlaps(tenToTwelve));
    }

    @Test
    void epochHourFloorsAlsoBefore1970() {
        assertEquals(0, ScopeTime.epochHour(Instant.EPOCH));
        assertEquals(0, ScopeTime.epochHour(at("1970-01-01T00:59:59.999999999Z")));
        assertEquals(1, ScopeTime.epochHour(at("1970-01-01T01:00:00Z")));
        assertEquals(-1, ScopeTime.epochHour(at("1969-12-31T23:59:59Z")));
        assertEquals(-1, ScopeTime.epochHour(at("1969-12-31T23:00:00Z")));
        assertEquals(-1, ScopeTime.epochHour(at("1969-12-31T23:59:59.999999999Z")));
        assertEquals(-2, ScopeTime.epochHour(at("1969-12-31T22:59:59.999999999Z")));
        assertEquals(-24, ScopeTime.epochHour(at("1969-12-31T00:00:00Z")));
        assertEquals(at("2026-11-28T12:00:00Z").getEpochSecond() / 3600,
                ScopeTime.epochHour(at("2026-11-28T12:59:59Z")));
        assertEquals(500_364, ScopeTime.epochHour(at("2027-01-30T12:00:00Z")));
    }
}
