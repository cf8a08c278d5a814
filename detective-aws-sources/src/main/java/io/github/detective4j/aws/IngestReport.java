package io.github.detective4j.aws;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What reading one or more inputs did: how many inputs and records were read, how many events came out, how many
 * records were skipped and why, and how many could not be read, with the first errors as examples.
 *
 * <p>Every record read ends up in exactly one of three places: it produced events, it was skipped by a rule (a
 * CloudTrail digest file, an Insights event, a {@code NODATA} flow record, an event the sink took in an earlier read
 * that stopped ({@link #ALREADY_DELIVERED})...), or it is an error. A whole input can be skipped or fail too (a
 * file of no known format in a directory, {@code input.unrecognized}; one that cannot be opened, an error at line
 * 0): that counts under {@link #skipped} or {@link #errors} without a record, so those may exceed what the records
 * alone account for. Immutable.
 *
 * @param inputs how many inputs (files, objects, streams) were opened
 * @param bytesRead decompressed bytes handed to the parsers
 * @param recordsRead records seen, whatever became of them
 * @param eventsProduced events delivered to the sink
 * @param skipped records skipped, by rule name, in rule order
 * @param errors records or inputs that could not be read
 * @param firstErrors the first errors, at most {@link #MAX_ERRORS_KEPT}, in the order they happened
 */
public record IngestReport(
        long inputs,
        long bytesRead,
        long recordsRead,
        long eventsProduced,
        Map<String, Long> skipped,
        long errors,
        List<ParseError> firstErrors) {

    /**
     * The rule under which a source that takes up an input it stopped inside (an S3 object, a queue's object, a log
     * group's page) counts the events it passes over again, which the sink took the first time.
     */
    public static final String ALREADY_DELIVERED = "input.already-delivered";

    /** How many errors a report keeps as examples; the count goes on past it. */
    public static final int MAX_ERRORS_KEPT = 100;

    /** A report of nothing read. */
    public static final IngestReport EMPTY = new IngestReport(0, 0, 0, 0, Map.of(), 0, List.of());

    /**
     * Creates a report.
     *
     * @param inputs how many inputs were opened
     * @param bytesRead decompressed bytes read
     * @param recordsRead records seen
     * @param eventsProduced events delivered
     * @param skipped records skipped, by rule
     * @param errors records or inputs that could not be read
     * @param firstErrors the first errors
     */
    public IngestReport {
        skipped = java.util.Collections.unmodifiableMap(new TreeMap<>(skipped)); // sorted by rule, immutable
        firstErrors = List.copyOf(firstErrors);
    }

    /**
     * Returns how many records were skipped by any rule.
     *
     * @return the sum of {@link #skipped()}
     */
    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Returns how many records a rule skipped.
     *
     * @param rule a rule name, such as {@code cloudtrail.digest}
     * @return the count, 0 for a rule that skipped nothing
     */
    public long skipped(String rule) {
        return skipped.getOrDefault(rule, 0L);
    }

    /**
     * Adds two reports, as for inputs read one after the other.
     *
     * @param other another report
     * @return the sum; the first errors of this report come first
     */
    public IngestReport plus(IngestReport other) {
        Map<String, Long> rules = new TreeMap<>(skipped);
        other.skipped.forEach((rule, n) -> rules.merge(rule, n, Long::sum));
        List<ParseError> kept = new java.util.ArrayList<>(firstErrors);
        for (ParseError error : other.firstErrors) {
            if (kept.size() >= MAX_ERRORS_KEPT) {
                break;
            }
            kept.add(error);
        }
        return new IngestReport(inputs + other.inputs, bytesRead + other.bytesRead, recordsRead + other.recordsRead,
                eventsProduced + other.eventsProduced, rules, errors + other.errors, kept);
    }

    /** This report with {@code events} of its events moved from produced to {@link #ALREADY_DELIVERED}. */
    IngestReport alreadyDelivered(long events) {
        if (events <= 0) {
            return this;
        }
        Map<String, Long> rules = new TreeMap<>(skipped);
        rules.merge(ALREADY_DELIVERED, events, Long::sum);
        return new IngestReport(inputs, bytesRead, recordsRead, eventsProduced - events, rules, errors, firstErrors);
    }

    @Override
    public String toString() {
        return "IngestReport{inputs=" + inputs + ", bytesRead=" + bytesRead + ", recordsRead=" + recordsRead
                + ", eventsProduced=" + eventsProduced + ", skipped=" + skipped + ", errors=" + errors
                + "}";
    }
}
