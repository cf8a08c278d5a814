package io.github.detective4j.intel;

import io.github.detective4j.model.IpAddresses;
import io.github.detective4j.model.IpNetwork;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Threat intelligence from plain-text lists of IP addresses and CIDR networks, IPv4 and IPv6, such as blocklists,
 * Tor exit lists, Spamhaus DROP or a team's own list of known-bad addresses. An address is flagged by the most
 * specific listed network that holds it (longest prefix wins); when the same network is listed twice, the first
 * listing loaded wins.
 *
 * <pre>{@code
 * ThreatIntelList intel = ThreatIntelList.load(Path.of("tor-exits.txt"), Path.of("blocklist.txt"));
 * intel.lookup("203.0.113.9").map(ThreatMatch::reason);   // Optional[scanner]
 *
 * ThreatIntelList lenient = ThreatIntelList.builder().lenient().load(Path.of("feed.txt")).build();
 * lenient.skippedLines();                                 // lines that were not an address or network
 * }</pre>
 *
 * <h2>The format</h2>
 * One entry a line: an address ({@code 198.51.100.7}, {@code 2001:db8::7}) or a network ({@code 203.0.113.0/24},
 * {@code 2001:db8::/32}), optionally followed by a reason, separated from it by white space, a comma, {@code #} or
 * {@code ;} ({@code 203.0.113.0/24 scanner}, {@code 198.51.100.7,Emotet C2}, {@code 2001:db8::7 # Tor exit},
 * {@code 192.0.2.0/24 ; SBL123} as Spamhaus writes it). Blank lines and lines starting with {@code #} or {@code ;}
 * are comments. Leading and trailing white space, Windows line ends and a byte-order mark are ignored; files are
 * read as UTF-8. Addresses are read by {@link IpAddresses}, strictly: leading zeros ({@code 010.0.0.1}) and the
 * short BSD forms are errors, and nothing consults DNS. Host bits of a network are ignored ({@code 10.1.2.3/8} lists
 * {@code 10.0.0.0/8}).
 *
 * <h2>Bad lines</h2>
 * By default a line that is neither comment nor entry fails the load with an {@link IllegalArgumentException}
 * naming the source and the line number ({@code blocklist.txt:12: CIDR '10.0.0.0/33': prefix length 33 is longer
 * than the 32 bits of the address}): a typo in a blocklist should not silently unflag an address.
 * {@link Builder#lenient()} skips such lines instead and counts them in {@link #skippedLines()}, for third-party
 * feeds whose odd lines are not ours to fix.
 *
 * <h2>Cost</h2>
 * Entries are kept in one hash table per prefix length and address family; a lookup probes the prefix lengths in
 * use from the longest down, at most 33 probes for IPv4 and 129 for IPv6 and usually a handful, whatever the number
 * of entries. Instances are immutable and thread-safe.
 */
public final class ThreatIntelList implements ThreatIntel {
    private final Table v4;
    private final Table v6;
    private final int size;
    private final int skippedLines;
    private final List<String> sources;

    private ThreatIntelList(Builder builder) {
        Map<IpNetwork, Entry> ipv4 = new LinkedHashMap<>();
        Map<IpNetwork, Entry> ipv6 = new LinkedHashMap<>();
        builder.entries.forEach((network, entry) -> (network.isIpv6() ? ipv6 : ipv4).put(network, entry));
        this.v4 = new Table(ipv4);
        this.v6 = new Table(ipv6);
        this.size = builder.entries.size();
        this.skippedLines = builder.skippedLines;
        this.sources = List.copyOf(builder.sources);
    }

    /**
     * Loads lists from files, strictly: a bad line fails the load.
     *
     * @param paths the files; each is its own source, named by its path as given
     * @return the lists, merged
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if a line is neither comment nor entry; the message names file and line
     */
    public static ThreatIntelList load(Path... paths) throws IOException {
        Builder builder = builder();
        for (Path path : paths) {
            builder.load(path);
        }
        return builder.build();
    }

    /**
     * Reads a list, strictly: a bad line fails.
     *
     * @param reader the list's text; not closed
     * @param sourceName the list's name, for matches and messages
     * @return the list
     * @throws IOException if the reader fails
     * @throws IllegalArgumentException if a line is neither comment nor entry; the message names source and line
     */
    public static ThreatIntelList parse(Reader reader, String sourceName) throws IOException {
        return builder().parse(reader, sourceName).build();
    }

    /**
     * Returns a builder, strict until told {@link Builder#lenient()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Looks an address up: the longest listed network that holds it.
     *
     * @param ipAddress an IP literal in any form {@link IpAddresses} reads; any other text, or null, is not flagged
     * @return the listing, or empty
     */
    @Override
    public Optional<ThreatMatch> lookup(String ipAddress) {
        Optional<String> canonical = IpAddresses.tryNormalize(ipAddress);
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = IpAddresses.toBytes(canonical.get());
        Entry entry = (bytes.length == 4 ? v4 : v6).longestPrefix(bytes);
        return entry == null ? Optional.empty()
                : Optional.of(new ThreatMatch(entry.indicator(), entry.reason(), entry.source()));
    }

    /**
     * Returns the number of distinct networks listed.
     *
     * @return the count, addresses counted as networks of one
     */
    public int size() {
        return size;
    }

    /**
     * Returns how many bad lines a lenient load skipped.
     *
     * @return the count; 0 for a strict load, which fails instead
     */
    public int skippedLines() {
        return skippedLines;
    }

    /**
     * Describes the lists.
     *
     * @return for example {@code ThreatIntelList{networks=2, sources=[blocklist.txt], skippedLines=0}}
     */
    @Override
    public String toString() {
        return "ThreatIntelList{networks=" + size + ", sources=" + sources + ", skippedLines=" + skippedLines + "}";
    }

    /** A listing as loaded. */
    private record Entry(String indicator, String reason, String source) {}

    /** An address or network as two longs, the first 64 bits and the rest; IPv4 fills the top of the first. */
    private record Bits(long high, long low) {
        static Bits of(byte[] address) {
            long high = 0;
            long low = 0;
            for (int i = 0; i < address.length; i++) {
                if (i < 8) {
                    high |= (address[i] & 0xffL) << (56 - 8 * i);
                } else {
                    low |= (address[i] & 0xffL) << (56 - 8 * (i - 8));
                }
            }
            return new Bits(high, low);
        }

        Bits first(int prefix) {
            return new Bits(keep(high, prefix), keep(low, prefix - 64));
        }

        private static long keep(long value, int bits) {
            return bits <= 0 ? 0 : bits >= 64 ? value : value & (-1L << (64 - bits));
        }
    }

    /** The networks of one family, one hash table per prefix length, longest first. */
    private static final class Table {
        private final int[] prefixes;
        private final List<Map<Bits, Entry>> byPrefix;

        Table(Map<IpNetwork, Entry> networks) {
            TreeMap<Integer, Map<Bits, Entry>> levels = new TreeMap<>((a, b) -> b - a);
            networks.forEach((network, entry) -> levels.computeIfAbsent(network.prefix(), p -> new HashMap<>())
                    .put(Bits.of(network.address()), entry));
            prefixes = levels.keySet().stream().mapToInt(Integer::intValue).toArray();
            byPrefix = new ArrayList<>(levels.values());
        }

        Entry longestPrefix(byte[] address) {
            Bits bits = Bits.of(address);
            for (int i = 0; i < prefixes.length; i++) {
                Entry entry = byPrefix.get(i).get(bits.first(prefixes[i]));
                if (entry != null) {
                    return entry;
                }
            }
            return null;
        }
    }

    /**
     * Builds a {@link ThreatIntelList} from files, readers and single entries. Not thread-safe.
     */
    public static final class Builder {
        private final Map<IpNetwork, Entry> entries = new LinkedHashMap<>();
        private final List<String> sources = new ArrayList<>();
        private boolean lenient;
        private int skippedLines;

        private Builder() {}

        /**
         * Skips bad lines of what is loaded from now on, counting them, instead of failing.
         *
         * @return this builder
         */
        public Builder lenient() {
            this.lenient = true;
            return this;
        }

        /**
         * Loads a list from a file, as UTF-8.
         *
         * @param path the file; the source is named by the path as given
         * @return this builder
         * @throws IOException if the file cannot be read
         * @throws IllegalArgumentException if a line is bad and the builder is not lenient
         */
        public Builder load(Path path) throws IOException {
            // InputStreamReader replaces undecodable bytes, so a stray byte is a bad line, not a failed load.
            try (Reader reader = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8)) {
                return parse(reader, path.toString());
            }
        }

        /**
         * Reads a list.
         *
         * @param reader the list's text; not closed
         * @param sourceName the list's name, for matches and messages
         * @return this builder
         * @throws IOException if the reader fails
         * @throws IllegalArgumentException if a line is bad and the builder is not lenient
         */
        public Builder parse(Reader reader, String sourceName) throws IOException {
            Objects.requireNonNull(sourceName, "source name");
            sources.add(sourceName);
            BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String text = (number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
                if (text.isEmpty() || text.charAt(0) == '#' || text.charAt(0) == ';') {
                    continue;
                }
                int end = 0;
                while (end < text.length() && !isSeparator(text.charAt(end))) {
                    end++;
                }
                String listed = text.substring(0, end);
                IpNetwork network;
                try {
                    network = IpNetwork.parse(listed);
                } catch (IllegalArgumentException e) {
                    if (lenient) {
                        skippedLines++;
                        continue;
                    }
                    throw new IllegalArgumentException(sourceName + ":" + number + ": " + e.getMessage(), e);
                }
                put(network, listed, reason(text, end), sourceName);
            }
            return this;
        }

        /**
         * Adds one entry.
         *
         * @param addressOrNetwork an address or a CIDR network
         * @param reason why it is listed, or null
         * @param sourceName the name its matches give as their source
         * @return this builder
         * @throws IllegalArgumentException if the address or network is invalid
         * @throws NullPointerException if the address or the source name is null
         */
        public Builder add(String addressOrNetwork, String reason, String sourceName) {
            Objects.requireNonNull(sourceName, "source name");
            String trimmed = reason == null ? null : reason.strip();
            put(IpNetwork.parse(addressOrNetwork), addressOrNetwork,
                    trimmed == null || trimmed.isEmpty() ? null : trimmed, sourceName);
            return this;
        }

        /**
         * Builds the list.
         *
         * @return the list
         */
        public ThreatIntelList build() {
            return new ThreatIntelList(this);
        }

        private void put(IpNetwork network, String listed, String reason, String source) {
            // A bare address is shown as an address, a network in CIDR notation; both canonical.
            String indicator = listed.indexOf('/') < 0 ? IpAddresses.format(network.address()) : network.toString();
            entries.putIfAbsent(network, new Entry(indicator, reason, source));
        }

        private static boolean isSeparator(char c) {
            return Character.isWhitespace(c) || c == ',' || c == '#' || c == ';';
        }

        /** What follows the entry and its separators, or null when nothing does. */
        private static String reason(String text, int from) {
            int start = from;
            while (start < text.length() && isSeparator(text.charAt(start))) {
                start++;
            }
            return start == text.length() ? null : text.substring(start);
        }
    }
}
