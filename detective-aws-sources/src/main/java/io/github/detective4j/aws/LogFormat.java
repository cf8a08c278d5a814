package io.github.detective4j.aws;

import java.io.IOException;
import java.io.InputStream;

/**
 * A log or finding format that a {@link LogReader} can detect and parse: the seam where users plug in formats of
 * their own next to the built-in CloudTrail, VPC Flow Logs, GuardDuty and Security Hub ones.
 *
 * <p>An implementation must be thread-safe: one instance parses many inputs, possibly at once. It reads records one
 * at a time (constant memory, whatever the input's size), reports each through the {@link ParseContext}, and treats
 * a bad record as an error of that record, never of the input: {@link ParseContext#error} it and go on with the next
 * one. Only a failure of the stream itself (an I/O error, a truncated gzip, JSON broken beyond the point where
 * records can be told apart) ends {@link #parse} with an exception; the reader records it against the input, and
 * the events delivered before it stay delivered.
 *
 * <pre>{@code
 * final class FirewallFormat implements LogFormat {
 *     public String name() { return "my-firewall"; }
 *     public int detect(Sample sample) { return sample.head().startsWith("#fw v1") ? 90 : 0; }
 *     public void parse(InputStream in, ParseContext context) throws IOException {
 *         // read records from 'in'; context.recordRead(), context.emit(event) or context.error(...)
 *     }
 * }
 * }</pre>
 */
public interface LogFormat {
    /**
     * Returns the format's name, unique within a reader, used to force a format and in reports.
     *
     * @return a short lower-case name such as {@code cloudtrail}
     */
    String name();

    /**
     * Tells how sure this format is that it can parse an input, from its first bytes.
     *
     * @param sample the input's name and its decompressed head
     * @return 0 when the input is not this format, up to 100 when certain; the highest answer wins, a tie goes to the
     *     format registered first, and the formats after one that answers 100 are not asked
     */
    int detect(Sample sample);

    /**
     * Parses an input, already decompressed, delivering its events and counts through {@code context}.
     *
     * @param in the input; the reader closes it
     * @param context where records, events, skips and errors go
     * @throws IOException when the stream itself fails; {@link InvalidRecordException} when the error handler stops
     */
    void parse(InputStream in, ParseContext context) throws IOException;

    /**
     * The start of an input, for format detection.
     *
     * @param source the input's name, such as a file path; its extension may help, but content decides
     * @param head up to the first 64 KiB of the decompressed input, decoded as UTF-8 (a character cut at the end is
     *     replaced)
     */
    record Sample(String source, String head) {
        /**
         * Creates a sample.
         *
         * @param source the input's name
         * @param head the decoded head
         */
        public Sample {
            if (source == null || head == null) {
                throw new NullPointerException("source and head must not be null");
            }
        }

        /**
         * Returns the head without a leading byte-order mark or white space.
         *
         * @return the trimmed head
         */
        public String trimmedHead() {
            int i = 0;
            while (i < head.length() && (Character.isWhitespace(head.charAt(i)) || head.charAt(i) == '\uFEFF')) {
                i++;
            }
            return head.substring(i);
        }
    }
}
