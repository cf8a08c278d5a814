package io.github.detective4j.aws;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Reads the timestamps AWS writes in its logs and findings: CloudTrail's {@code eventTime}
 * ({@code 2026-11-20T03:12:45Z}), GuardDuty's and Security Hub's times ({@code 2026-11-20T04:12:31.457Z}), and the
 * forms exports and SIEMs turn them into.
 *
 * <p>The common form, UTC with {@code Z} and an optional fraction of up to nine digits, is read by hand, digit by
 * digit, because {@link Instant#parse} costs more than the rest of an event's fields together. Anything else goes the
 * slow way, strictly (no 31st of April): ISO-8601 with an offset ({@code 2026-11-20T04:12:45+01:00}, or
 * {@code +0100}), and the space-separated form that SQL engines and SIEM exports write ({@code 2026-11-20 03:12:45},
 * {@code 2026-11-20 03:12:45.000000000}, with or without an offset), read as UTC because AWS writes UTC. An ISO
 * {@code T} form without an offset is refused: it could be any zone. Leap seconds ({@code :60}) are refused too; no
 * AWS log has one.
 *
 * <pre>{@code
 * Instant t = AwsTimestamps.tryParse(node.path("eventTime").asText());   // null when it is not a time
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class AwsTimestamps {
    private static final int SECONDS_LENGTH = 20; // yyyy-MM-ddTHH:mm:ssZ
    private static final DateTimeFormatter COMPACT_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HHMM", "Z")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT); // as ISO_OFFSET_DATE_TIME: no 29th of February 2023

    private AwsTimestamps() {}

    /**
     * Reads a timestamp, in the manner of Guava's {@code Ints.tryParse}.
     *
     * @param text the text, such as {@code 2026-11-20T03:12:45Z}
     * @return the instant, or null when the text is not a time this class reads
     * @throws NullPointerException if {@code text} is null
     */
    public static Instant tryParse(String text) {
        int length = text.length();
        if (length >= SECONDS_LENGTH && length <= SECONDS_LENGTH + 10 && text.charAt(length - 1) == 'Z') {
            long seconds = utcSeconds(text);
            if (seconds != Long.MIN_VALUE) {
                int nanos = length == SECONDS_LENGTH ? 0 : fraction(text, length - 1);
                if (nanos >= 0) {
                    return Instant.ofEpochSecond(seconds, nanos);
                }
            }
        }
        return slowParse(text);
    }

    /** The nanoseconds of {@code .ddd} between the seconds and {@code end}, or -1 if it is not such a fraction. */
    private static int fraction(String s, int end) {
        int digits = end - SECONDS_LENGTH;
        if (s.charAt(SECONDS_LENGTH - 1) != '.' || digits < 1 || digits > 9) {
            return -1;
        }
        int value = digits(s, SECONDS_LENGTH, digits);
        if (value < 0) {
            return -1;
        }
        for (int i = digits; i < 9; i++) {
            value *= 10;
        }
        return value;
    }

    /**
     * Returns the epoch second of the {@code yyyy-MM-ddTHH:mm:ss} that starts {@code s}, or {@code Long.MIN_VALUE}
     * if it is not that; what follows (the {@code Z}, a fraction) is the caller's.
     */
    private static long utcSeconds(String s) {
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE; // not a time, or a leap second (":60"), which no CloudTrail event has
        }
        return epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
    }

    /** Returns the number in {@code s[from, from + count)}, or -1 if a character is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), year 0 or later. */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static Instant slowParse(String text) {
        String iso = text.strip();
        if (iso.length() > 10 && iso.charAt(10) == ' ') {
            iso = iso.substring(0, 10) + 'T' + iso.substring(11);
            if (!hasZone(iso)) {
                iso = iso + 'Z';
            }
        }
        try {
            // strict, unlike Instant.parse, which reads April 31 as May 1
            return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notIso) {
            // the offset may be written without its colon
        }
        try {
            return OffsetDateTime.parse(iso, COMPACT_OFFSET).toInstant();
        } catch (DateTimeParseException notCompact) {
            return null;
        }
    }

    /** Tells whether an ISO date-time (with 'T' at index 10) ends with a zone: 'Z' or an offset after the time. */
    private static boolean hasZone(String iso) {
        if (iso.endsWith("Z")) {
            return true;
        }
        for (int i = iso.length() - 1; i > 10; i--) {
            char c = iso.charAt(i);
            if (c == '+' || c == '-') {
                return true;
            }
        }
        return false;
    }
}
