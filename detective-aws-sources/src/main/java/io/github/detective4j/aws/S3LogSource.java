package io.github.detective4j.aws;

import io.github.detective4j.model.EventSink;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads the logs AWS delivers to an S3 bucket, in the key layouts AWS writes, for chosen accounts, regions and days:
 * CloudTrail ({@code AWSLogs/[o-org/]<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/}), VPC Flow Logs
 * ({@code AWSLogs/<account>/vpcflowlogs/<region>/<yyyy>/<mm>/<dd>/}, or with
 * {@linkplain Builder#hiveCompatiblePartitions Hive-compatible partitions}
 * {@code AWSLogs/aws-account-id=<account>/aws-service=vpcflowlogs/aws-region=<region>/year=<yyyy>/month=<mm>/day=<dd>/})
 * and GuardDuty's findings export ({@code AWSLogs/<account>/GuardDuty/<region>/<yyyy>/<mm>/<dd>/}). Flow
 * logs partitioned per hour ({@code .../<dd>/<hh>/}) are found under their day's prefix.
 *
 * <p>Only the day prefixes the time range touches are listed (ListObjectsV2, every page), and the next day's: AWS
 * files an object under the UTC day it is delivered, so the last minutes of a range ending at midnight arrive in the
 * next day's prefix. Of that prefix only the objects uploaded before the range's end plus the
 * {@linkplain Builder#settle settle time} are read (by their {@code LastModified}); the rest are left for a read of
 * their own day, which with the same checkpoints skips those already read. Each object is streamed from GetObject
 * through the {@link LogReader} (gzip and format detected per object), never held whole in memory, on up to
 * {@link Builder#threads(int)} downloads at once. An object is read whole: events just outside the range that share
 * an object with events inside it are delivered too.
 *
 * <p>With a {@link CheckpointStore}, each prefix's progress is saved after every object (see
 * {@link CheckpointStore} for what that makes durable): a later {@link #read} lists only after the last key of an
 * unbroken run of finished ones, skips the finished keys past it, and resumes an object it stopped inside (the sink
 * threw, the error handler stopped the read) by re-reading it and dropping the events the sink already took. So a
 * read that is stopped and started again delivers each event exactly once, and a repeated read delivers only what
 * arrived since. Until a day has settled ({@link Builder#settle}), its checkpoint keeps every finished key and the
 * prefix is listed whole, so an object that arrives late with a key sorting before finished ones is read too.
 *
 * <pre>{@code
 * S3LogSource source = S3LogSource.builder(AwsAccess.builder().build().s3(), "my-trail-bucket")
 *     .organization("o-a1b2c3d4e5")                       // an organization trail's layout
 *     .accounts("111122223333", "444455556666")
 *     .regions("us-east-1", "eu-west-1")
 *     .between(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-28T00:00:00Z"))
 *     .checkpoints(CheckpointStore.inFile(Path.of("state/s3.json")))
 *     .threads(8)
 *     .build();
 * IngestReport report = source.read(graph);
 * }</pre>
 *
 * <p>A source is immutable and thread-safe, but two reads with the same checkpoint store must not run at once. With
 * more than one thread the sink is called from several threads and must be thread-safe (a behavior graph is).
 * Access denied on a call is a {@link MissingPermissionException} naming the action and the ARN.
 */
public final class S3LogSource {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter HIVE_DAY = DateTimeFormatter.ofPattern("'year='yyyy'/month='MM'/day='dd");

    /** The kinds of log AWS delivers to S3, each with its folder in the key layout. */
    public enum LogType {
        /** CloudTrail log files: {@code .../CloudTrail/<region>/...}. */
        CLOUDTRAIL("CloudTrail"),
        /** VPC Flow Log files: {@code .../vpcflowlogs/<region>/...}. */
        VPC_FLOW_LOGS("vpcflowlogs"),
        /** GuardDuty's findings export: {@code .../GuardDuty/<region>/...}. */
        GUARDDUTY("GuardDuty");

        private final String folder;

        LogType(String folder) {
            this.folder = folder;
        }

        /**
         * Returns the folder of this kind in the key layout.
         *
         * @return such as {@code vpcflowlogs}
         */
        public String folder() {
            return folder;
        }
    }

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String organization;
    private final boolean hivePartitions;
    private final List<String> accounts;
    private final List<String> regions;
    private final Set<LogType> logTypes;
    private final TimeRange range;
    private final Duration settle;
    private final int listPageSize;
    private final int threads;
    private final CheckpointStore checkpoints;
    private final LogReader reader;

    private S3LogSource(Builder b) {
        this.s3 = b.s3;
        this.bucket = b.bucket;
        this.prefix = b.prefix;
        this.organization = b.organization;
        this.hivePartitions = b.hivePartitions;
        this.accounts = List.copyOf(b.accounts);
        this.regions = List.copyOf(b.regions);
        this.logTypes = Set.copyOf(b.logTypes);
        this.range = b.range;
        this.settle = b.settle;
        this.listPageSize = b.listPageSize;
        this.threads = b.threads;
        this.checkpoints = b.checkpoints;
        this.reader = b.reader;
    }

    /**
     * Returns a builder of a source that reads a bucket through a client.
     *
     * @param s3 the client, such as {@code AwsAccess.builder().build().s3()}; the caller closes it
     * @param bucket the bucket name
     * @return a new builder
     */
    public static Builder builder(S3Client s3, String bucket) {
        return new Builder(s3, bucket);
    }

    /**
     * Returns the prefixes a read lists, one per account, log type, region and UTC day of the range and the day after
     * it (for the objects delivered just after the range ended), in that order.
     *
     * @return prefixes such as {@code AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/27/}
     */
    public List<String> prefixes() {
        return dayPrefixes().stream().map(DayPrefix::prefix).toList();
    }

    /**
     * A prefix of one UTC day's objects, and the day: its layout (plain or Hive-compatible) is the day's writer's.
     * {@code uploadedBefore} is null for a day of the range, whose objects are all read, and for the day after it the
     * upload time from which its objects are left for a read of their own day.
     */
    private record DayPrefix(String prefix, LocalDate day, Instant uploadedBefore) {}

    private List<DayPrefix> dayPrefixes() {
        LocalDate first = LocalDate.ofInstant(range.from(), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(range.until().minusNanos(1), ZoneOffset.UTC);
        Instant deliveredBy = settle.compareTo(Duration.between(range.until(), Instant.MAX)) >= 0 ? Instant.MAX
                : range.until().plus(settle);
        // a range ending early in its day has its last deliveries in that day's prefix, already listed
        boolean nextDay = deliveredBy.isAfter(last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        List<DayPrefix> out = new ArrayList<>();
        for (String account : accounts) {
            for (LogType type : LogType.values()) {
                if (!logTypes.contains(type)) {
                    continue;
                }
                for (String region : regions) {
                    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                        out.add(new DayPrefix(dayPrefix(account, type, region, day), day, null));
                    }
                    if (nextDay) {
                        LocalDate next = last.plusDays(1);
                        out.add(new DayPrefix(dayPrefix(account, type, region, next), next, deliveredBy));
                    }
                }
            }
        }
        return out;
    }

    /** The prefix of one account's, kind's, region's and UTC day's objects, in the layout AWS writes them in. */
    private String dayPrefix(String account, LogType type, String region, LocalDate day) {
        if (type == LogType.VPC_FLOW_LOGS) {
            return hivePartitions
                    ? prefix + "AWSLogs/aws-account-id=" + account + "/aws-service=" + type.folder + "/aws-region="
                            + region + "/" + HIVE_DAY.format(day) + "/"
                    : prefix + "AWSLogs/" + account + "/" + type.folder + "/" + region + "/" + DAY.format(day) + "/";
        }
        // only an organization trail writes under the organization's folder: flow logs and GuardDuty's export (a
        // delegated administrator's too) are delivered per account
        boolean organizational = type == LogType.CLOUDTRAIL && organization != null;
        return prefix + "AWSLogs/" + (organizational ? organization + "/" : "") + account + "/" + type.folder + "/"
                + region + "/" + DAY.format(day) + "/";
    }

    /**
     * Reads every object of the range not read before (by the checkpoints), delivering the events to the sink.
     *
     * @param sink where the events go; thread-safe when {@code threads > 1}
     * @return what was read in this call
     * @throws MissingPermissionException if S3 refused a list or a get
     * @throws IOException if a call failed otherwise, an object's download broke off (a connection reset midway: the
     *     reader's error handler has its events up to there, and the object is not marked read), the checkpoint
     *     store failed, or the error handler stopped the read; the checkpoints then say how far it got
     */
    public IngestReport read(EventSink sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        ExecutorService pool = ReaderThreads.pool("detective4j-s3", threads);
        Semaphore slots = new Semaphore(threads); // listing waits while every thread has an object: memory stays flat
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<IngestReport> total = new AtomicReference<>(IngestReport.EMPTY);
        Instant now = Instant.now();
        try {
            for (DayPrefix day : dayPrefixes()) {
                if (failure.get() != null) {
                    break;
                }
                String dayPrefix = day.prefix();
                String checkpointKey = "s3://" + bucket + "/" + dayPrefix;
                PrefixProgress progress = PrefixProgress.parse(checkpoints.load(checkpointKey),
                        settled(day.day(), now));
                try {
                    String token = null;
                    boolean brokenOff = false;
                    do {
                        ListObjectsV2Response page = list(dayPrefix, progress.through(), token);
                        token = page.nextContinuationToken();
                        for (S3Object object : page.contents()) {
                            if (failure.get() != null) {
                                token = null;
                                brokenOff = true;
                                break;
                            }
                            if (!progress.claim(object.key())) {
                                continue;
                            }
                            if (day.uploadedBefore() != null && object.lastModified() != null
                                    && !object.lastModified().isBefore(day.uploadedBefore())) {
                                // delivered after the range's events can be: claimed and left pending, so that
                                // the checkpoint never passes it and the read of its own day reads it
                                continue;
                            }
                            slots.acquire();
                            pool.execute(() -> {
                                try {
                                    IngestReport one = readObject(object.key(), progress, checkpointKey, sink);
                                    total.accumulateAndGet(one, IngestReport::plus);
                                } catch (Throwable t) {
                                    failure.compareAndSet(null, t);
                                } finally {
                                    slots.release();
                                }
                            });
                        }
                    } while (token != null);
                    // Only a listing that reached the end may compact past its last key; a prefix whose keys were all
                    // done before its day settled claims none, so no finished object would save the smaller state.
                    if (!brokenOff && progress.listingEnded()) {
                        save(checkpointKey, progress);
                    }
                } catch (SdkException e) {
                    throw MissingPermissionException.of(e, "s3:ListBucket", s3Arn(bucket));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading s3://" + bucket);
        } finally {
            pool.shutdown();
            ReaderThreads.awaitQuietly(pool); // every download done and checkpointed before read returns or throws
        }
        ReaderThreads.rethrow(failure.get());
        return total.get();
    }

    /**
     * One page of a day prefix's keys. Not the SDK's paginator: it repeats {@code StartAfter} next to the continuation
     * token on every page, which S3 accepts and some S3-compatible servers refuse (s3proxy answers 400).
     */
    private ListObjectsV2Response list(String dayPrefix, String after, String token) {
        return s3.listObjectsV2(r -> r.bucket(bucket).prefix(dayPrefix).maxKeys(listPageSize)
                .startAfter(token == null ? after : null).continuationToken(token));
    }

    /** Whether no object can still arrive in a day prefix: its UTC day ended at least the settle time ago. */
    private boolean settled(LocalDate day, Instant now) {
        Instant dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return !dayEnd.plus(settle).isAfter(now);
    }

    private IngestReport readObject(String key, PrefixProgress progress, String checkpointKey, EventSink sink)
            throws IOException {
        String source = "s3://" + bucket + "/" + key;
        ResumingSink counted = new ResumingSink(sink, progress.delivered(key));
        try {
            IngestReport report;
            try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(bucket).key(key))) {
                WatchedDownload download = new WatchedDownload(in);
                report = counted.delivered(reader.read(download, source, counted));
                if (download.failure() != null) {
                    // the reader made it an error of the input and went on; the object is not finished
                    throw new IOException(source + ": the download broke off after " + counted.taken()
                            + " events; a later read with the same checkpoints resumes there", download.failure());
                }
            } catch (NoSuchKeyException gone) {
                report = reader.unreadable(source, "the object was listed, then deleted before it could be read");
            } catch (SdkException e) {
                throw MissingPermissionException.of(e, "s3:GetObject", s3Arn(bucket + "/" + key));
            }
            progress.finished(key);
            save(checkpointKey, progress);
            return report;
        } catch (IOException | RuntimeException | Error e) {
            progress.stopped(key, counted.taken());
            save(checkpointKey, progress);
            throw e;
        }
    }

    private void save(String checkpointKey, PrefixProgress progress) throws IOException {
        synchronized (progress) { // one prefix's saves in the order of its changes
            checkpoints.save(Map.of(checkpointKey, progress.json()));
        }
    }

    /** A bucket's or object's ARN in the partition of the client's region. */
    private String s3Arn(String bucketOrObject) {
        return "arn:" + Partitions.of(s3.serviceClientConfiguration().region()) + ":s3:::" + bucketOrObject;
    }

    /** Configures an {@link S3LogSource}. Not thread-safe. */
    public static final class Builder {
        private final S3Client s3;
        private final String bucket;
        private String prefix = "";
        private String organization;
        private boolean hivePartitions;
        private final List<String> accounts = new ArrayList<>();
        private final List<String> regions = new ArrayList<>();
        private final Set<LogType> logTypes = EnumSet.allOf(LogType.class);
        private TimeRange range;
        private Duration settle = Duration.ofHours(1);
        private int listPageSize = 1000;
        private int threads = 4;
        private CheckpointStore checkpoints = CheckpointStore.inMemory();
        private LogReader reader = AwsLogs.reader().build();

        private Builder(S3Client s3, String bucket) {
            this.s3 = Objects.requireNonNull(s3, "s3");
            this.bucket = Objects.requireNonNull(bucket, "bucket");
        }

        /**
         * Sets the prefix the trail or flow log was configured with, before {@code AWSLogs/}; default none.
         *
         * @param prefix such as {@code logs/} (a missing final slash is added)
         * @return this builder
         */
        public Builder prefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
            return this;
        }

        /**
         * Reads VPC Flow Logs under the Hive-compatible prefixes a flow log delivers to when it was created with
         * them ({@code HiveCompatiblePartitions} of its destination options): {@code
         * AWSLogs/aws-account-id=<account>/aws-service=vpcflowlogs/aws-region=<region>/year=<yyyy>/month=<mm>/day=<dd>/};
         * by default the plain layout. CloudTrail and GuardDuty have no such option.
         *
         * @param hive whether the flow logs have Hive-compatible prefixes
         * @return this builder
         */
        public Builder hiveCompatiblePartitions(boolean hive) {
            this.hivePartitions = hive;
            return this;
        }

        /**
         * Reads an organization trail's layout, {@code AWSLogs/<org-id>/<account>/CloudTrail/...}; flow logs and
         * GuardDuty's findings export are delivered per account, never under an organization's folder.
         *
         * @param organizationId such as {@code o-a1b2c3d4e5}
         * @return this builder
         */
        public Builder organization(String organizationId) {
            if (!organizationId.matches("o-[a-z0-9]{10,32}")) {
                throw new IllegalArgumentException("not an organization id (o-...): " + Escaping.quote(organizationId));
            }
            this.organization = organizationId;
            return this;
        }

        /**
         * Adds accounts to read; at least one is needed.
         *
         * @param accountIds 12-digit account ids
         * @return this builder
         */
        public Builder accounts(String... accountIds) {
            for (String id : accountIds) {
                if (!id.matches("\\d{12}")) {
                    throw new IllegalArgumentException("not a 12-digit account id: " + Escaping.quote(id));
                }
                accounts.add(id);
            }
            return this;
        }

        /**
         * Adds regions to read; at least one is needed.
         *
         * @param regionNames such as {@code us-east-1}, {@code us-gov-west-1} or {@code eusc-de-east-1}
         * @return this builder
         * @throws IllegalArgumentException if a name is not of a region's shape
         */
        public Builder regions(String... regionNames) {
            for (String region : regionNames) {
                if (!region.matches("[a-z]{2,4}(-[a-z]+)+-\\d{1,2}")) {
                    throw new IllegalArgumentException("not a region name: " + Escaping.quote(region));
                }
                regions.add(region);
            }
            return this;
        }

        /**
         * Reads only these kinds of log; by default all three.
         *
         * @param first a kind
         * @param more more kinds
         * @return this builder
         */
        public Builder logTypes(LogType first, LogType... more) {
            logTypes.clear();
            logTypes.add(first);
            logTypes.addAll(List.of(more));
            return this;
        }

        /**
         * Sets the time range, [from, until) UTC: the days it touches are listed. Required.
         *
         * @param from the start, inclusive
         * @param until the end, exclusive, after {@code from}
         * @return this builder
         */
        public Builder between(Instant from, Instant until) {
            this.range = new TimeRange(from, until);
            return this;
        }

        /**
         * Sets how long after a UTC day ends its prefix is taken as complete, so that its checkpoint shrinks to one
         * key; until then every finished key is kept and the whole prefix is listed again on each read, so that an
         * object arriving late with a key that sorts before finished ones is still read. Default 1 hour (CloudTrail
         * delivers within about 15 minutes, flow logs within 10, GuardDuty exports every 6 hours at most but into
         * the prefix of the day they are written). It is also how long after the range's end its last events can
         * still be delivered: the objects of the next day's prefix uploaded before then are read.
         *
         * @param settle zero or more
         * @return this builder
         */
        public Builder settle(Duration settle) {
            if (settle.isNegative()) {
                throw new IllegalArgumentException("settle must not be negative, was " + settle);
            }
            this.settle = settle;
            return this;
        }

        /**
         * Sets how many keys one ListObjectsV2 call asks for; default 1,000, the most S3 returns.
         *
         * @param keys from 1 to 1,000
         * @return this builder
         */
        public Builder listPageSize(int keys) {
            this.listPageSize = Bounds.require("listPageSize", keys, 1, 1000);
            return this;
        }

        /**
         * Sets how many objects download and parse at once; default 4.
         *
         * @param threads from 1 to 64
         * @return this builder
         */
        public Builder threads(int threads) {
            this.threads = Bounds.require("threads", threads, 1, 64);
            return this;
        }

        /**
         * Keeps progress in this store; by default in memory, so that only repeated reads of the same source in one
         * JVM resume.
         *
         * @param checkpoints the store
         * @return this builder
         */
        public Builder checkpoints(CheckpointStore checkpoints) {
            this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
            return this;
        }

        /**
         * Parses objects with this reader (formats, error handler, limits); by default {@code AwsLogs.reader()}'s.
         *
         * @param reader the reader
         * @return this builder
         */
        public Builder reader(LogReader reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /**
         * Builds the source.
         *
         * @return the source
         * @throws IllegalStateException if no account, no region or no time range was given
         */
        public S3LogSource build() {
            if (accounts.isEmpty() || regions.isEmpty() || range == null) {
                throw new IllegalStateException("an S3 source needs accounts, regions and a time range (between)");
            }
            return new S3LogSource(this);
        }
    }
}
