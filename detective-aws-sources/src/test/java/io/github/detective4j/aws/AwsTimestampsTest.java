package io.github.detective4j.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AwsTimestampsTest {
    @Test
    void fastPathAgreesWithTheJdkOverFourCenturies() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(Instant.parse("1900-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("2300-01-01T00:00:00Z").getEpochSecond());
            Instant expected = Instant.ofEpochSecond(second);
            assertEquals(expected, AwsTimestamps.tryParse(expected.toString()));
        }
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), AwsTimestamps.tryParse("2024-02-29T23:59:59Z"));
        assertEquals(Instant.parse("2000-02-29T00:00:00Z"), AwsTimestamps.tryParse("2000-02-29T00:00:00Z"));
        assertEquals(LocalDateTime.of(1970, 1, 1, 0, 0).toInstant(ZoneOffset.UTC),
                AwsTimestamps.tryParse("1970-01-01T00:00:00Z"));
    }

    @Test
    void refusesImpossibleDates() {
        assertNull(AwsTimestamps.tryParse("2023-02-29T00:00:00Z"));
        assertNull(AwsTimestamps.tryParse("1900-02-29T00:00:00Z"));
        assertNull(AwsTimestamps.tryParse("2023-13-01T00:00:00Z"));
        assertNull(AwsTimestamps.tryParse("2023-04-31T00:00:00Z"));
        assertNull(AwsTimestamps.tryParse("2023-04-30T24:00:00Z"));
        assertNull(AwsTimestamps.tryParse("2023-04-30T23:60:00Z"));
        assertNull(AwsTimestamps.tryParse("2023-04-3OT23:00:00Z"));
        assertNull(AwsTimestamps.tryParse("..."));
        assertNull(AwsTimestamps.tryParse("redacted"));
        assertNull(AwsTimestamps.tryParse(""));
    }

    @Test
    void readsOtherForms() {
        Instant expected = Instant.parse("2022-09-25T16:16:37Z");
        assertEquals(expected, AwsTimestamps.tryParse("2022-09-25 16:16:37"));
        assertEquals(expected, AwsTimestamps.tryParse("2022-09-25 16:16:37Z"));
        assertEquals(expected, AwsTimestamps.tryParse("2022-09-25 16:16:37.000"));
        assertEquals(expected, AwsTimestamps.tryParse("2022-09-25 16:16:37.000000000"));
        assertEquals(expected, AwsTimestamps.tryParse("2022-09-25T18:16:37+02:00"));
        assertEquals(expected, AwsTimestamps.tryParse("2022-09-25 18:16:37+02:00"));
        assertEquals(Instant.parse("2022-09-25T16:16:37.5Z"), AwsTimestamps.tryParse("2022-09-25T16:16:37.5Z"));
    }

    @Test
    void fractionsTakeTheFastPathAndAgreeWithTheJdk() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            Instant expected = Instant.ofEpochSecond(random.nextLong(0, 10_000_000_000L), random.nextInt(1_000_000_000));
            assertEquals(expected, AwsTimestamps.tryParse(expected.toString()), expected.toString());
        }
        assertEquals(Instant.parse("2026-11-20T04:12:31.457Z"), AwsTimestamps.tryParse("2026-11-20T04:12:31.457Z"));
        assertEquals(Instant.parse("2026-11-20T04:12:31.000000001Z"),
                AwsTimestamps.tryParse("2026-11-20T04:12:31.000000001Z"));
        assertNull(AwsTimestamps.tryParse("2026-11-20T04:12:31.1234567890Z"));
        assertNull(AwsTimestamps.tryParse("2026-11-20T04:12:31,5Z"));
        assertNull(AwsTimestamps.tryParse("2026-11-20T04:12:31.5xZ"));
        assertNull(AwsTimestamps.tryParse("2026-11-31T04:12:31.5Z"));
    }

    @Test
    void readsCompactOffsetsAndRefusesTimesWithoutAZone() {
        Instant expected = Instant.parse("2020-02-14T18:12:22.316Z");
        assertEquals(expected, AwsTimestamps.tryParse("2020-02-14T19:12:22.316+0100"));
        assertEquals(expected, AwsTimestamps.tryParse("2020-02-14T19:12:22.316+01:00"));
        assertEquals(expected, AwsTimestamps.tryParse(" 2020-02-14 18:12:22.316 "));
        assertNull(AwsTimestamps.tryParse("2020-02-14T18:12:22.316"), "a T form without a zone could be any zone");
        assertNull(AwsTimestamps.tryParse("2023-02-29T19:12:22+0100"));
    }
}
