package io.github.detective4j.enrich;

import com.maxmind.db.CHMCache;
import com.maxmind.db.ClosedDatabaseException;
import com.maxmind.db.InvalidNetworkException;
import com.maxmind.db.Metadata;
import com.maxmind.db.Networks;
import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.AbstractCityResponse;
import com.maxmind.geoip2.model.AsnResponse;
import io.github.detective4j.model.IpAddresses;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Geolocation and ASN enrichment from MaxMind's GeoIP2 and GeoLite2 {@code .mmdb} databases, the files users already
 * have (the free GeoLite2 ones, or the commercial GeoIP2 ones), read with MaxMind's own reader,
 * {@code com.maxmind.geoip2}.
 *
 * <pre>{@code
 * try (MaxMindGeo geo = MaxMindGeo.open(Path.of("GeoLite2-City.mmdb"), Path.of("GeoLite2-ASN.mmdb"))) {
 *     geo.locate("81.2.69.142");   // Optional[Geolocation[city=London, region=England, countryCode=GB, ...]]
 *     geo.resolve("1.0.0.1");      // Optional[AS15169 Google Inc.]
 *     geo.locate("10.0.0.1");      // Optional.empty(): private
 * }
 * }</pre>
 *
 * <p>{@link #locate} answers from a City database (GeoLite2-City, GeoIP2-City) or an Enterprise one, with English
 * names, the first-level subdivision as the region, the record's {@code accuracy_radius} (0 when it has none), and
 * only when the database gives a country and coordinates; {@link #resolve} answers from an ASN database
 * (GeoLite2-ASN) or an ISP one (GeoIP2-ISP). Each answers empty when its kind of database was not given. Country databases are refused: they have no coordinates, so they cannot key
 * geolocations by 0.1-degree cell as Amazon Detective does.
 *
 * <p>Lookups keep the {@link GeoLocator} contract: special addresses are answered empty without asking the
 * database, and so are addresses it does not know. A file that is missing, is not a MaxMind database, or whose
 * search tree is damaged where {@link #open} looks is refused when it is opened, naming the file. Damage elsewhere in
 * a file shows only in the lookups that reach it: they answer empty, and the first is logged at WARN (the later ones
 * at DEBUG), naming the file.
 *
 * <p>Thread-safe: any number of threads may look up at once. Each database is memory-mapped and has the reader's
 * cache of decoded records ({@code CHMCache}); {@link GeoLocator#cached} in front adds a cache of answers. After
 * {@link #close} lookups throw {@link IllegalStateException}.
 */
public final class MaxMindGeo implements GeoLocator, AsnResolver, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(MaxMindGeo.class);
    /** How many networks {@link #open} decodes to check a file's search tree and data. */
    private static final int NETWORKS_CHECKED = 16;

    private final Database places;
    private final Database asns;
    /** Set by {@link #close}: every lookup then throws, not only those that reach a database. */
    private volatile boolean closed;

    private MaxMindGeo(Database places, Database asns) {
        this.places = places;
        this.asns = asns;
    }

    /**
     * Opens MaxMind databases: at most one that gives places (City or Enterprise) and at most one that gives AS
     * numbers (ASN or ISP), in any order.
     *
     * @param databases the {@code .mmdb} files, at least one
     * @return the enrichment, to be closed when no longer used
     * @throws IOException if a file cannot be read, is not a MaxMind database or is damaged; the message names it
     * @throws IllegalArgumentException if no file is given, a database is of a kind that gives neither places nor AS
     *     numbers (Country, Anonymous-IP, Domain, ...), or two give the same; the message names the files and kinds
     * @throws NullPointerException if {@code databases} or one of them is null
     */
    public static MaxMindGeo open(Path... databases) throws IOException {
        if (databases.length == 0) {
            throw new IllegalArgumentException("give at least one MaxMind database: a City or Enterprise one for "
                    + "places, an ASN or ISP one for AS numbers");
        }
        Database places = null;
        Database asns = null;
        try {
            for (Path path : databases) {
                Database database = Database.open(Objects.requireNonNull(path, "database path"));
                Database same = database.kind.placesKind ? places : asns;
                if (same != null) {
                    database.reader.close();
                    throw new IllegalArgumentException("both " + same + " and " + database + " give "
                            + (database.kind.placesKind ? "places" : "AS numbers") + "; give one of each kind");
                }
                if (database.kind.placesKind) {
                    places = database;
                } else {
                    asns = database;
                }
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(places, e);
            closeQuietly(asns, e);
            throw e;
        }
        return new MaxMindGeo(places, asns);
    }

    private static void closeQuietly(Database database, Exception failure) {
        if (database != null) {
            try {
                database.reader.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * Returns where an address is, from the City or Enterprise database.
     *
     * @param ipAddress an IP literal, or any text
     * @return the place; empty when no such database was given, the address is not a literal, is special or is not
     *     in the database, or the database has no country or coordinates for it
     * @throws IllegalStateException if this is closed
     */
    @Override
    public Optional<Geolocation> locate(String ipAddress) {
        checkOpen();
        return lookup(places, ipAddress, (reader, address) -> places.kind == Kind.ENTERPRISE
                ? reader.tryEnterprise(address).map(AbstractCityResponse.class::cast)
                : reader.tryCity(address).map(AbstractCityResponse.class::cast), MaxMindGeo::geolocation);
    }

    /**
     * Returns the autonomous system of an address, from the ASN or ISP database.
     *
     * @param ipAddress an IP literal, or any text
     * @return the AS; empty when no such database was given, the address is not a literal, is special or is not in
     *     the database, or the database has no AS number for it
     * @throws IllegalStateException if this is closed
     */
    @Override
    public Optional<Asn> resolve(String ipAddress) {
        checkOpen();
        return lookup(asns, ipAddress, (reader, address) -> asns.kind == Kind.ISP
                ? reader.tryIsp(address).map(AsnResponse.class::cast)
                : reader.tryAsn(address), MaxMindGeo::asn);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("MaxMindGeo is closed: " + this);
        }
    }

    private static Optional<Geolocation> geolocation(AbstractCityResponse response) {
        Double latitude = response.getLocation().getLatitude();
        Double longitude = response.getLocation().getLongitude();
        String country = response.getCountry().getIsoCode();
        if (latitude == null || longitude == null || country == null) {
            return Optional.empty();
        }
        Integer radius = response.getLocation().getAccuracyRadius();
        return Optional.of(new Geolocation(response.getCity().getName(),
                response.getLeastSpecificSubdivision().getName(), country, response.getCountry().getName(),
                latitude, longitude, radius == null ? 0 : radius));
    }

    private static Optional<Asn> asn(AsnResponse response) {
        Long number = response.getAutonomousSystemNumber();
        return number == null ? Optional.empty()
                : Optional.of(new Asn(number, response.getAutonomousSystemOrganization()));
    }

    /** One lookup in a database of the reader's model; it may throw what the reader throws. */
    @FunctionalInterface
    private interface Query<R> {
        Optional<R> ask(DatabaseReader reader, InetAddress address) throws IOException, GeoIp2Exception;
    }

    private static <R, V> Optional<V> lookup(Database database, String ipAddress, Query<R> query,
            Function<R, Optional<V>> answer) {
        if (database == null) {
            return Optional.empty();
        }
        if (!IpAddresses.isGlobal(ipAddress)) {
            return Optional.empty();
        }
        byte[] address = IpAddresses.toBytes(ipAddress);
        if (address.length == 16 && database.ipv4Only) {
            return Optional.empty();
        }
        try {
            return query.ask(database.reader, InetAddress.getByAddress(address)).flatMap(answer);
        } catch (ClosedDatabaseException e) {
            throw new IllegalStateException("MaxMindGeo is closed: " + database, e);
        } catch (IOException | GeoIp2Exception | RuntimeException e) {
            // a damaged region of the file, or a record that is not what its type promises: no answer, said once
            if (database.warned.compareAndSet(false, true)) {
                LOG.warn("{}: looking up {} failed, so it has no answer; later failures of this database are logged "
                        + "at DEBUG", database, IpAddresses.format(address), e);
            } else {
                LOG.debug("{}: looking up {} failed", database, IpAddresses.format(address), e);
            }
            return Optional.empty();
        }
    }

    /**
     * Closes the databases. Closing again does nothing.
     *
     * @throws IOException if a database fails to close
     */
    @Override
    public void close() throws IOException {
        closed = true;
        try {
            if (places != null) {
                places.reader.close();
            }
        } finally {
            if (asns != null) {
                asns.reader.close();
            }
        }
    }

    /**
     * Returns the databases: {@code MaxMindGeo[places=GeoLite2-City.mmdb (GeoLite2-City, built 2026-11-24),
     * asns=none]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "MaxMindGeo[places=" + (places == null ? "none" : places) + ", asns=" + (asns == null ? "none" : asns)
                + "]";
    }

    /** The kinds of database that answer; the reader names them in the database's type. */
    private enum Kind {
        CITY(true), ENTERPRISE(true), ASN(false), ISP(false);

        final boolean placesKind;

        Kind(boolean placesKind) {
            this.placesKind = placesKind;
        }

        /** The kind of a database type, as com.maxmind.geoip2.DatabaseReader tells them apart; or null. */
        static Kind of(String databaseType) {
            if (databaseType.contains("Enterprise")) {
                return ENTERPRISE;
            }
            if (databaseType.contains("City")) {
                return CITY;
            }
            if (databaseType.contains("GeoLite2-ASN")) {
                return ASN;
            }
            if (databaseType.contains("GeoIP2-ISP")) {
                return ISP;
            }
            return null;
        }
    }

    /** One open database file. */
    private static final class Database {
        final Path path;
        final String type;
        final Kind kind;
        final boolean ipv4Only;
        final String built;
        final DatabaseReader reader;
        final AtomicBoolean warned = new AtomicBoolean();

        private Database(Path path, String type, Kind kind, boolean ipv4Only, String built, DatabaseReader reader) {
            this.path = path;
            this.type = type;
            this.kind = kind;
            this.ipv4Only = ipv4Only;
            this.built = built;
            this.reader = reader;
        }

        static Database open(Path path) throws IOException {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(path.toString(), null, "no such MaxMind database file");
            }
            if (!Files.isRegularFile(path)) {
                throw new FileSystemException(path.toString(), null, "is not a file, so not a MaxMind database");
            }
            // The plain reader first: its metadata tells the kind, and decoding the first networks finds a damaged
            // search tree now rather than in lookups later.
            Reader check;
            try {
                check = new Reader(path.toFile());
            } catch (IOException | RuntimeException e) {
                throw unreadable(path, e);
            }
            String type;
            Kind kind;
            boolean ipv4Only;
            String built;
            try (check) {
                Metadata metadata = check.getMetadata();
                type = metadata.getDatabaseType();
                kind = Kind.of(type);
                if (kind == null) {
                    throw new IllegalArgumentException(path + " is a " + type + " database, which " + (type.contains(
                            "Country") ? "has countries but no coordinates, so it cannot key geolocations; give a "
                            + "City or Enterprise database (GeoLite2-City is free)" : "gives neither places nor AS "
                            + "numbers; give City, Enterprise, ASN or ISP databases"));
                }
                ipv4Only = metadata.getIpVersion() == 4;
                built = metadata.getBuildDate().toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
                try {
                    Networks<Object> networks = check.networks(false, Object.class);
                    for (int i = 0; i < NETWORKS_CHECKED && networks.hasNext(); i++) {
                        networks.next();
                    }
                } catch (IOException | InvalidNetworkException | RuntimeException e) {
                    throw unreadable(path, e);
                }
            }
            DatabaseReader reader;
            try {
                reader = new DatabaseReader.Builder(path.toFile()).withCache(new CHMCache()).locales(List.of("en"))
                        .build();
            } catch (IOException | RuntimeException e) {
                throw unreadable(path, e);
            }
            return new Database(path, type, kind, ipv4Only, built, reader);
        }

        private static IOException unreadable(Path path, Exception cause) {
            return new IOException(path + " is not a readable MaxMind database: " + cause.getMessage(), cause);
        }

        @Override
        public String toString() {
            return path.getFileName() + " (" + type + ", built " + built + ")";
        }
    }
}
