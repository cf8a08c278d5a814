package io.github.detective4j.aws.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventTimesTest {
    @Test
    void fastPathAgreesWithTheJdkOverFourCenturies() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(Instant.parse("1900-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("2300-01-01T00:00:00Z").getEpochSecond());
            Instant expected = Instant.ofEpochSecond(second);
            assertEquals(expected, EventTimes.parse(expected.toString()));
        }
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), EventTimes.parse("2024-02-29T23:59:59Z"));
        assertEquals(Instant.parse("2000-02-29T00:00:00Z"), EventTimes.parse("2000-02-29T00:00:00Z"));
        assertEquals(LocalDateTime.of(1970, 1, 1, 0, 0).toInstant(ZoneOffset.UTC),
                EventTimes.parse("1970-01-01T00:00:00Z"));
    }

    @Test
    void refusesImpossibleDates() {
        assertNull(EventTimes.parse("2023-02-29T00:00:00Z"));
        assertNull(EventTimes.parse("1900-02-29T00:00:00Z"));
        assertNull(EventTimes.parse("2023-13-01T00:00:00Z"));
        assertNull(EventTimes.parse("2023-04-31T00:00:00Z"));
        assertNull(EventTimes.parse("2023-04-30T24:00:00Z"));
        assertNull(EventTimes.parse("2023-04-30T23:60:00Z"));
        assertNull(EventTimes.parse("2023-04-3OT23:00:00Z"));
        assertNull(EventTimes.parse("..."));
        assertNull(EventTimes.parse("redacted"));
        assertNull(EventTimes.parse(""));
    }

    @Test
    void readsOtherForms() {
        Instant expected = Instant.parse("2022-09-25T16:16:37Z");
        assertEquals(expected, EventTimes.parse("2022-09-25 16:16:37"));
        assertEquals(expected, EventTimes.parse("2022-09-25 16:16:37Z"));
        assertEquals(expected, EventTimes.parse("2022-09-25 16:16:37.000"));
        assertEquals(expected, EventTimes.parse("2022-09-25 16:16:37.000000000"));
        assertEquals(expected, EventTimes.parse("2022-09-25T18:16:37+02:00"));
        assertEquals(expected, EventTimes.parse("2022-09-25 18:16:37+02:00"));
        assertEquals(Instant.parse("2022-09-25T16:16:37.5Z"), EventTimes.parse("2022-09-25T16:16:37.5Z"));
    }
}
