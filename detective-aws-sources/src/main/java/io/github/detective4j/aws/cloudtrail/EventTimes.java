package io.github.detective4j.aws.cloudtrail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads CloudTrail's {@code eventTime}.
 *
 * <p>CloudTrail writes {@code 2026-11-20T03:12:45Z}: UTC, to the second. That form is read by hand, digit by digit,
 * because {@link Instant#parse} costs more than the rest of an event's fields together. Anything else goes the slow
 * way, strictly (no 31st of April): ISO-8601 instants with fractions or offsets ({@code 2026-11-20T03:12:45.123Z},
 * {@code 2026-11-20T04:12:45+01:00}), and the space-separated form that SQL engines and SIEM exports write
 * ({@code 2026-11-20 03:12:45}, {@code 2026-11-20 03:12:45.000000000}, with or without {@code Z}), read as UTC
 * because CloudTrail times are always UTC.
 */
final class EventTimes {
    private static final int CLOUDTRAIL_LENGTH = 20; // yyyy-MM-ddTHH:mm:ssZ

    private EventTimes() {}

    /**
     * Reads an event time.
     *
     * @param text the value of {@code eventTime}
     * @return the instant, or null when the text is not a time this class reads
     */
    static Instant parse(String text) {
        if (text.length() == CLOUDTRAIL_LENGTH) {
            long seconds = cloudTrailSeconds(text);
            if (seconds != Long.MIN_VALUE) {
                return Instant.ofEpochSecond(seconds);
            }
        }
        return slowParse(text);
    }

    /** Returns the epoch second of {@code yyyy-MM-ddTHH:mm:ssZ}, or {@code Long.MIN_VALUE} if it is not that. */
    private static long cloudTrailSeconds(String s) {
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
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
        String iso = text.trim();
        if (iso.length() > 10 && iso.charAt(10) == ' ') {
            iso = iso.substring(0, 10) + 'T' + iso.substring(11);
            if (!hasZone(iso)) {
                iso = iso + 'Z';
            }
        }
        try {
            // strict, unlike Instant.parse, which reads April 31 as May 1
            return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
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
