package io.github.detective4j.enrich;

import io.github.detective4j.model.IpAddresses;
import io.github.detective4j.model.IpAddresses.SpecialRange;
import io.github.detective4j.model.IpNetwork;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small in-memory table of networks, IPv4 and IPv6, to places and autonomous systems: for tests, for the demo,
 * and for users with IP intelligence of their own. The longest network that holds an address answers for it;
 * places and AS numbers are looked up separately, so a row may give either or both. Immutable and thread-safe.
 *
 * <p>The CSV form is UTF-8 text with this header line, then one network a line:
 * <pre>
 * network,city,region,country_code,country_name,latitude,longitude,asn,as_organization
 * 3.80.0.0/12,Ashburn,Virginia,US,United States,39.0437,-77.4875,14618,"Amazon.com, Inc."
 * 2406:da14::/32,Tokyo,Tokyo,JP,Japan,35.6895,139.6917,16509,"Amazon.com, Inc."
 * 153.156.0.0/16,,,JP,Japan,35.6897,139.6895,,
 * 1.0.0.0/24,,,,,,,AS15169,Google LLC
 * </pre>
 * Networks are CIDR with the host bits clear. A place needs {@code country_code} (upper-case ISO 3166-1 alpha-2),
 * {@code latitude} and {@code longitude} (decimal degrees, WGS84); city, region and country name may be empty.
 * {@code asn} is a number, {@code AS} in front allowed. Fields may be quoted as RFC 4180 says (a quote inside a
 * quoted field doubled), but not span lines; blank lines and lines starting with {@code #} are skipped. A line that
 * breaks any of this is an {@link IllegalArgumentException} naming the source, the line number and the reason:
 * {@code geo.csv:4: latitude 91.0 is not in [-90, 90] degrees}.
 *
 * <p>A network within a special-purpose range ({@link IpAddresses#specialRange(IpNetwork)}: 10.0.0.0/8,
 * 2001:db8::/32, ...) is refused, since its addresses are answered empty whatever the table says and
 * the row would only mislead; a wider network that holds special ranges, {@code 0.0.0.0/0} for a default place, is
 * taken, and its special addresses are still answered empty. A network given two places, or two AS numbers, is
 * refused too.
 *
 * <pre>{@code
 * GeoTable table = GeoTable.builder()
 *     .place("3.80.0.0/12", new Geolocation("Ashburn", "Virginia", "US", "United States", 39.0437, -77.4875))
 *     .asn("3.80.0.0/12", new Asn(14618, "Amazon.com, Inc."))
 *     .build();
 * table.locate("3.85.201.17");   // Optional[Geolocation[city=Ashburn, ...]]
 * GeoTable.load(Path.of("geo.csv")).resolve("1.0.0.1");   // Optional[AS15169 Google LLC]
 * }</pre>
 */
public final class GeoTable implements GeoLocator, AsnResolver {
    private static final String HEADER =
            "network,city,region,country_code,country_name,latitude,longitude,asn,as_organization";
    private static final int FIELDS = 9;
    private static final Pattern DEGREES = Pattern.compile("[-+]?\\d{1,3}(\\.\\d{1,15})?");
    private static final Pattern AS_NUMBER = Pattern.compile("(?:AS|as)?(\\d{1,10})");

    private final String source;
    private final PrefixTrie<Geolocation> places;
    private final PrefixTrie<Asn> asns;
    private final int placeCount;
    private final int asnCount;

    private GeoTable(Builder builder, String source) {
        this.source = source;
        this.places = trie(builder.places);
        this.asns = trie(builder.asns);
        this.placeCount = builder.places.size();
        this.asnCount = builder.asns.size();
    }

    private static <V> PrefixTrie<V> trie(Map<String, Row<V>> rows) {
        PrefixTrie<V> trie = new PrefixTrie<>();
        rows.values().forEach(row -> trie.putIfAbsent(row.network(), row.value()));
        return trie;
    }

    /**
     * Returns a builder of a table.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a table from a UTF-8 CSV file in the form the class documentation gives.
     *
     * @param file the file
     * @return the table
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if a line is not as the class documentation says; the message names the
     *     file, the line number and the reason
     */
    public static GeoTable load(Path file) throws IOException {
        return parse(new StringReader(utf8Lines(Files.readAllBytes(file), file.toString())), file.toString());
    }

    /**
     * The text of a file's bytes, line by line, strictly: a spreadsheet's export in Windows-1252 is an error naming
     * the line, not a decoder's exception naming nothing, nor a city silently misspelt with replacement characters.
     */
    private static String utf8Lines(byte[] bytes, String sourceName) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder text = new StringBuilder(bytes.length);
        int line = 1;
        for (int start = 0; start < bytes.length; line++) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            try {
                text.append(decoder.decode(ByteBuffer.wrap(bytes, start, end - start))).append('\n');
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException(sourceName + ":" + line + ": not UTF-8 text; save the table as"
                        + " UTF-8", e);
            }
            start = end + 1;
        }
        return text.toString();
    }

    /**
     * Reads a table from CSV text in the form the class documentation gives. The reader is read to its end and not
     * closed.
     *
     * @param csv the text
     * @param sourceName what to call the text in error messages, a file name say
     * @return the table
     * @throws IOException if the reader fails
     * @throws IllegalArgumentException if a line is not as the class documentation says; the message names the
     *     source, the line number and the reason
     */
    public static GeoTable parse(Reader csv, String sourceName) throws IOException {
        Objects.requireNonNull(sourceName, "sourceName");
        BufferedReader lines = csv instanceof BufferedReader buffered ? buffered : new BufferedReader(csv);
        Builder builder = new Builder();
        boolean header = false;
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                if (!header) {
                    if (!line.strip().equals(HEADER)) {
                        throw new IllegalArgumentException("the header line must be '" + HEADER + "', not '"
                                + abbreviate(line) + "'");
                    }
                    header = true;
                } else {
                    builder.row(fields(line), number);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(sourceName + ":" + number + ": " + e.getMessage(), e);
            }
        }
        if (!header) {
            throw new IllegalArgumentException(sourceName + ": no header line '" + HEADER + "'");
        }
        return new GeoTable(builder, sourceName);
    }

    /** Splits a CSV line into its fields: RFC 4180 quotes, unquoted fields stripped of surrounding blanks. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>(FIELDS);
        int length = line.length();
        int i = 0;
        while (true) {
            if (i < length && line.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                i++;
                while (true) {
                    if (i == length) {
                        throw new IllegalArgumentException("field " + (fields.size() + 1) + " opens a quote that "
                                + "does not close on this line");
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < length && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < length && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("field " + (fields.size() + 1)
                            + " has text after its closing quote");
                }
                fields.add(field.toString());
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? length : comma;
                String field = line.substring(i, end).strip();
                if (field.indexOf('"') >= 0) {
                    throw new IllegalArgumentException("field " + (fields.size() + 1)
                            + " has a quote but does not start with one");
                }
                fields.add(field);
                i = end;
            }
            if (i == length) {
                return fields;
            }
            i++; // the comma
        }
    }

    /**
     * Returns the place of the longest network in the table that holds the address.
     *
     * @param ipAddress an IP literal, or any text
     * @return the place, or empty when no network holds it, it is special, or it is not a literal
     */
    @Override
    public Optional<Geolocation> locate(String ipAddress) {
        return lookup(places, ipAddress);
    }

    /**
     * Returns the AS of the longest network in the table that has one and holds the address.
     *
     * @param ipAddress an IP literal, or any text
     * @return the AS, or empty when no network holds it, it is special, or it is not a literal
     */
    @Override
    public Optional<Asn> resolve(String ipAddress) {
        return lookup(asns, ipAddress);
    }

    private static <V> Optional<V> lookup(PrefixTrie<V> trie, String ipAddress) {
        return IpAddresses.isGlobal(ipAddress) ? Optional.ofNullable(trie.longestMatch(IpAddresses.toBytes(ipAddress)))
                : Optional.empty();
    }

    /**
     * Returns the source and size of the table: {@code GeoTable[geo.csv: 12 places, 10 AS numbers]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "GeoTable[" + source + ": " + placeCount + (placeCount == 1 ? " place, " : " places, ")
                + asnCount + (asnCount == 1 ? " AS number]" : " AS numbers]");
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** A table entry: the network, what it maps to, and its line in the CSV source (0 from the builder). */
    private record Row<V>(IpNetwork network, V value, int line) {}

    /**
     * Builds a {@link GeoTable}. Each method checks what it is given at once. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, Row<Geolocation>> places = new LinkedHashMap<>();
        private final Map<String, Row<Asn>> asns = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Maps a network to a place.
         *
         * @param network CIDR notation, {@code 3.80.0.0/12}, host bits clear
         * @param place the place of its addresses
         * @return this builder
         * @throws IllegalArgumentException if the network is invalid, special (see the class documentation) or
         *     already has a place
         * @throws NullPointerException if an argument is null
         */
        public Builder place(String network, Geolocation place) {
            put(places, checked(network), Objects.requireNonNull(place, "place"), 0, "a place");
            return this;
        }

        /**
         * Maps a network to an autonomous system.
         *
         * @param network CIDR notation, {@code 3.80.0.0/12}, host bits clear
         * @param asn the AS of its addresses
         * @return this builder
         * @throws IllegalArgumentException if the network is invalid, special or already has an AS
         * @throws NullPointerException if an argument is null
         */
        public Builder asn(String network, Asn asn) {
            put(asns, checked(network), Objects.requireNonNull(asn, "asn"), 0, "an AS number");
            return this;
        }

        /**
         * Returns a table of everything added so far. The builder may go on being used; the table does not change.
         *
         * @return the table
         */
        public GeoTable build() {
            return new GeoTable(this, "builder");
        }

        private void row(List<String> fields, int line) {
            if (fields.size() != FIELDS) {
                throw new IllegalArgumentException(fields.size() + " fields where the header has " + FIELDS);
            }
            IpNetwork network = checked(fields.get(0));
            Geolocation place = placeOf(fields);
            Asn asn = asnOf(fields.get(7), fields.get(8));
            if (place == null && asn == null) {
                throw new IllegalArgumentException("network " + network + " has neither a place nor an asn");
            }
            if (place != null) {
                put(places, network, place, line, "a place");
            }
            if (asn != null) {
                put(asns, network, asn, line, "an AS number");
            }
        }

        private static Geolocation placeOf(List<String> fields) {
            if (fields.subList(1, 7).stream().allMatch(String::isEmpty)) {
                return null;
            }
            for (int i : new int[] {3, 5, 6}) {
                if (fields.get(i).isEmpty()) {
                    throw new IllegalArgumentException("a place needs country_code, latitude and longitude; "
                            + HEADER.split(",")[i] + " is empty");
                }
            }
            return new Geolocation(fields.get(1), fields.get(2), fields.get(3), fields.get(4),
                    degrees("latitude", fields.get(5)), degrees("longitude", fields.get(6)));
        }

        private static double degrees(String name, String text) {
            if (!DEGREES.matcher(text).matches()) {
                throw new IllegalArgumentException(name + " '" + abbreviate(text)
                        + "' is not a decimal number of degrees");
            }
            return Double.parseDouble(text);
        }

        private static Asn asnOf(String number, String organization) {
            if (number.isEmpty()) {
                if (!organization.isEmpty()) {
                    throw new IllegalArgumentException("as_organization '" + abbreviate(organization)
                            + "' has no asn");
                }
                return null;
            }
            Matcher digits = AS_NUMBER.matcher(number);
            if (!digits.matches()) {
                throw new IllegalArgumentException("asn '" + abbreviate(number) + "' is not an AS number");
            }
            return new Asn(Long.parseLong(digits.group(1)), organization);
        }

        /** Reads a network more strictly than IpNetwork does: a typo here would misplace addresses silently. */
        private static IpNetwork checked(String network) {
            Objects.requireNonNull(network, "network");
            int slash = network.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("network '" + abbreviate(network) + "' has no prefix length (write "
                        + "it as " + abbreviate(network) + (network.indexOf(':') < 0 ? "/32" : "/128")
                        + " for one address)");
            }
            IpNetwork parsed = IpNetwork.parse(network);
            String address = network.substring(0, slash);
            if (!parsed.isIpv6() && address.indexOf(':') >= 0) {
                throw new IllegalArgumentException("network '" + abbreviate(network) + "' is IPv4-mapped; write it as "
                        + "an IPv4 network");
            }
            if (!Arrays.equals(parsed.address(), IpAddresses.toBytes(address))) {
                throw new IllegalArgumentException("network '" + abbreviate(network) + "' has host bits set; the "
                        + "network is " + parsed);
            }
            Optional<SpecialRange> special = IpAddresses.specialRange(parsed);
            if (special.isPresent()) {
                throw new IllegalArgumentException("network " + parsed + " is within " + special.get()
                        + ", whose addresses never have a place or an AS number");
            }
            return parsed;
        }

        private static <V> void put(Map<String, Row<V>> rows, IpNetwork network, V value, int line, String what) {
            Row<V> existing = rows.putIfAbsent(network.toString(), new Row<>(network, value, line));
            if (existing != null) {
                throw new IllegalArgumentException("network " + network + " has " + what + " already"
                        + (existing.line() > 0 ? ", from line " + existing.line() : ""));
            }
        }
    }
}
