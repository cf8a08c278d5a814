package io.github.detective4j.examples.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.AwsAccess;
import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.CheckpointStore;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.LogReader;
import io.github.detective4j.aws.MissingPermissionException;
import io.github.detective4j.aws.S3LogSource;
import io.github.detective4j.examples.incident.Facts;
import io.github.detective4j.graph.BehaviorGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link S3LogSource} against a real S3-compatible server (s3proxy, in this JVM, on loopback) holding the reference
 * incident in AWS's key layout, read through the SDK's real S3 client: the graph equals the one read from the files,
 * and a read stopped between objects and inside one, then restarted from its checkpoint file, ends with that graph
 * too.
 */
class S3LogSourceTest {
    private static final String BUCKET = "aws-cloudtrail-logs-111122223333-3f1a2b4c";
    private static LoopbackS3 server;
    private static S3Client s3;

    @TempDir
    Path state;

    @BeforeAll
    static void start() throws Exception {
        server = new LoopbackS3();
        server.upload(SmallIncident.dir(), BUCKET);
        s3 = server.access().s3();
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    private static S3LogSource.Builder wholeIncident() {
        return wholeIncident(s3);
    }

    private static S3LogSource.Builder wholeIncident(S3Client client) {
        Facts facts = SmallIncident.facts();
        return S3LogSource.builder(client, BUCKET)
                .accounts(facts.accountId())
                .regions(facts.region(), facts.otherRegion())
                .between(facts.start(), facts.end())
                .listPageSize(7) // a day holds dozens of objects: every prefix takes several pages
                .threads(3);
    }

    @Test
    void theGraphReadFromTheBucketEqualsTheGraphReadFromTheFiles() throws IOException {
        BehaviorGraph graph = BehaviorGraph.create();
        IngestReport report = wholeIncident().build().read(graph);

        assertEquals(SmallIncident.written().files(), report.inputs());
        assertEquals(0, report.errors());
        assertEquals(SmallIncident.written().apiCalls(), graph.stats().apiCalls());
        assertEquals(SmallIncident.fingerprint(SmallIncident.localGraph()), SmallIncident.fingerprint(graph));
    }

    /**
     * Flow logs delivered with Hive-compatible prefixes ({@code aws-account-id=.../year=.../month=.../day=...}) read
     * as the plain layout does: the same flows, day by day with checkpoints.
     */
    @Test
    void flowLogsWithHiveCompatiblePrefixesReadAsThePlainLayoutDoes() throws IOException {
        String hiveBucket = "flow-logs-hive-111122223333";
        s3.createBucket(r -> r.bucket(hiveBucket));
        java.util.regex.Pattern plain = java.util.regex.Pattern.compile(
                "AWSLogs/(\\d{12})/vpcflowlogs/([a-z0-9-]+)/(\\d{4})/(\\d{2})/(\\d{2})/(.+)");
        try (Stream<Path> files = Files.walk(SmallIncident.dir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                java.util.regex.Matcher m = plain.matcher(LoopbackS3.key(SmallIncident.dir(), file));
                if (m.matches()) {
                    String key = "AWSLogs/aws-account-id=" + m.group(1) + "/aws-service=vpcflowlogs/aws-region="
                            + m.group(2) + "/year=" + m.group(3) + "/month=" + m.group(4) + "/day=" + m.group(5)
                            + "/" + m.group(6);
                    s3.putObject(r -> r.bucket(hiveBucket).key(key),
                            software.amazon.awssdk.core.sync.RequestBody.fromFile(file));
                }
            }
        }
        Facts facts = SmallIncident.facts();
        BehaviorGraph plainGraph = BehaviorGraph.create();
        IngestReport plainRead = wholeIncident().logTypes(S3LogSource.LogType.VPC_FLOW_LOGS).build().read(plainGraph);
        BehaviorGraph hiveGraph = BehaviorGraph.create();
        S3LogSource hive = S3LogSource.builder(s3, hiveBucket).accounts(facts.accountId())
                .regions(facts.region(), facts.otherRegion()).between(facts.start(), facts.end())
                .logTypes(S3LogSource.LogType.VPC_FLOW_LOGS).hiveCompatiblePartitions(true)
                .checkpoints(CheckpointStore.inFile(state.resolve("hive.json"))).build();
        IngestReport hiveRead = hive.read(hiveGraph);

        assertTrue(plainRead.inputs() > 0);
        assertEquals(plainRead.inputs(), hiveRead.inputs());
        assertEquals(0, hiveRead.errors());
        assertEquals(plainGraph.stats().flows(), hiveGraph.stats().flows());
        assertEquals(0, hive.read(event -> {}).inputs(), "the checkpoints hold every day read");
    }

    @Test
    void onlyTheDaysOfTheRangeAreReadAndAReadAgainReadsNothingNew() throws IOException {
        Facts facts = SmallIncident.facts();
        S3LogSource lastTwoDays = S3LogSource.builder(s3, BUCKET)
                .accounts(facts.accountId())
                .regions(facts.region(), facts.otherRegion())
                .logTypes(S3LogSource.LogType.CLOUDTRAIL)
                .between(facts.end().minus(Duration.ofDays(2)).plusSeconds(3600), facts.end())
                .checkpoints(CheckpointStore.inFile(state.resolve("checkpoints.json")))
                .build();

        assertEquals(2 * 3, lastTwoDays.prefixes().size(), "two regions, two days and the next day's deliveries");
        IngestReport first = lastTwoDays.read(event -> {});
        IngestReport again = lastTwoDays.read(event -> {});

        assertEquals(localFiles("CloudTrail", facts.end().minus(Duration.ofDays(2)), 2), first.inputs());
        assertTrue(first.inputs() > 0);
        assertEquals(0, again.inputs());
    }

    @Test
    void aReadStoppedBetweenObjectsAndInsideOneResumesFromItsCheckpointWithNothingLostOrCountedTwice()
            throws IOException {
        Path checkpoints = state.resolve("s3-checkpoints.json");
        BehaviorGraph graph = BehaviorGraph.create(); // stands for the state a restart reloads with its checkpoints
        int objects = SmallIncident.written().files();

        // first run: the process dies after a third of the objects, as one object's read has just ended
        AtomicInteger inputs = new AtomicInteger();
        LogReader dyingAfterAnObject = AwsLogs.reader().afterEachInput(report -> {
            if (inputs.incrementAndGet() == objects / 3) {
                throw new IllegalStateException("killed between objects");
            }
        }).build();
        assertThrows(IllegalStateException.class, () -> wholeIncident()
                .checkpoints(CheckpointStore.inFile(checkpoints)).reader(dyingAfterAnObject).build().read(graph));

        // second run, from the checkpoint file: the process dies in the middle of an object
        long before = graph.stats().apiCalls() + graph.stats().flows();
        long killAt = (SmallIncident.written().apiCalls() + SmallIncident.written().flowRecords() - before) / 2;
        assertThrows(IllegalStateException.class, () -> wholeIncident()
                .checkpoints(CheckpointStore.inFile(checkpoints)).build().read(Crashes.sinkDyingAfter(killAt, graph)));
        // the store's file and the journal of the saves since it was written
        String saved = Files.readString(checkpoints) + Files.readString(Path.of(checkpoints + ".journal"));
        assertTrue(saved.contains("partial"), "the second run stopped inside an object");

        // third run, from the checkpoint file again: to the end
        AtomicLong delivered = new AtomicLong();
        IngestReport rest = wholeIncident().checkpoints(CheckpointStore.inFile(checkpoints)).build()
                .read(event -> {
                    delivered.incrementAndGet();
                    graph.accept(event);
                });
        assertEquals(delivered.get(), rest.eventsProduced(), "what the sink got this time, not what was passed over");
        assertTrue(rest.skipped(IngestReport.ALREADY_DELIVERED) > 0, rest::toString);

        assertTrue(rest.inputs() < objects * 2 / 3, "the third run read only what was left: " + rest.inputs());
        assertEquals(SmallIncident.written().apiCalls(), graph.stats().apiCalls());
        assertEquals(SmallIncident.written().flowRecords(), graph.stats().flows() + graph.stats().flowsWithoutTraffic());
        assertEquals(SmallIncident.fingerprint(SmallIncident.localGraph()), SmallIncident.fingerprint(graph));
    }

    /**
     * A download that breaks off midway (a connection reset) is not a finished object: the read fails naming it, and
     * the next read with the same checkpoints takes up that object where it stopped, so nothing is lost or twice.
     */
    @Test
    void anObjectWhoseDownloadBrokeOffIsReadOnFromWhereItStopped() throws IOException {
        Path checkpoints = state.resolve("s3-checkpoints.json");
        BehaviorGraph graph = BehaviorGraph.create();
        BrokenDownloads breaks = new BrokenDownloads(2, 256);
        try (S3Client flaky = S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LoopbackS3.ACCESS_KEY, LoopbackS3.SECRET_KEY)))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(c -> c.addExecutionInterceptor(breaks)).build()) {
            S3LogSource source = wholeIncident(flaky).checkpoints(CheckpointStore.inFile(checkpoints)).build();
            IOException broke = assertThrows(IOException.class, () -> source.read(graph));
            assertTrue(broke.getMessage().contains("the download broke off"), broke::getMessage);
            // read again, as a caller retries, until both breaks are spent and a read ends without one
            IngestReport last = null;
            for (int attempt = 0; attempt < 3 && last == null; attempt++) {
                try {
                    last = source.read(graph);
                } catch (IOException again) {
                    assertTrue(again.getMessage().contains("the download broke off"), again::getMessage);
                }
            }
            assertEquals(0, breaks.left());
            assertTrue(last != null && last.errors() == 0, String.valueOf(last));
        }
        assertEquals(SmallIncident.written().apiCalls(), graph.stats().apiCalls());
        assertEquals(SmallIncident.written().flowRecords(), graph.stats().flows() + graph.stats().flowsWithoutTraffic());
        assertEquals(SmallIncident.fingerprint(SmallIncident.localGraph()), SmallIncident.fingerprint(graph));
    }

    @Test
    void anObjectArrivingLateWithALowerKeyIsReadUntilItsDaySettles() throws IOException {
        Facts facts = SmallIncident.facts();
        List<Path> files = attackDaysTrail(facts);
        String bucket = "late-delivery";
        s3.createBucket(r -> r.bucket(bucket));
        for (Path file : files) {
            s3.putObject(r -> r.bucket(bucket).key(LoopbackS3.key(SmallIncident.dir(), file)),
                    RequestBody.fromFile(file));
        }
        // the same trail's object of the same minute as the first, with a random part that sorts before it
        String first = LoopbackS3.key(SmallIncident.dir(), files.get(0));
        String late = first.substring(0, first.lastIndexOf('_') + 1) + "0000000000000000.json.gz";
        assertTrue(late.compareTo(first) < 0);

        CheckpointStore unsettled = CheckpointStore.inMemory();
        CheckpointStore settled = CheckpointStore.inMemory();
        for (CheckpointStore store : List.of(unsettled, settled)) {
            assertEquals(files.size(), dayOf(bucket, facts, store == unsettled).checkpoints(store).build()
                    .read(event -> {}).inputs());
        }
        s3.putObject(r -> r.bucket(bucket).key(late), RequestBody.fromFile(files.get(0)));

        assertEquals(1, dayOf(bucket, facts, true).checkpoints(unsettled).build().read(event -> {}).inputs());
        assertEquals(0, dayOf(bucket, facts, false).checkpoints(settled).build().read(event -> {}).inputs(),
                "a settled day lists only after its last key: what sorts before it is taken as read");
    }

    /**
     * CloudTrail files an object under the UTC day it is delivered: the last minutes of a day are in the next day's
     * prefix. A range ending at midnight reads those of its objects uploaded within the settle time after it, and a
     * read of the next day with the same checkpoints does not read them again.
     */
    @Test
    void objectsDeliveredIntoTheNextDaysPrefixJustAfterTheRangeAreRead() throws IOException {
        Facts facts = SmallIncident.facts();
        DateTimeFormatter folder = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
        Instant dayStart = facts.attackStart().truncatedTo(ChronoUnit.DAYS);
        Instant nextDay = dayStart.plus(Duration.ofDays(1));
        List<Path> files = attackDaysTrail(facts);
        String bucket = "next-day-delivery";
        s3.createBucket(r -> r.bucket(bucket));
        for (Path file : files) {
            String key = LoopbackS3.key(SmallIncident.dir(), file);
            String delivered = file.equals(files.get(files.size() - 1)) // the day's last, delivered after midnight
                    ? key.replace("/" + folder.format(dayStart) + "/", "/" + folder.format(nextDay) + "/") : key;
            s3.putObject(r -> r.bucket(bucket).key(delivered), RequestBody.fromFile(file));
        }
        Duration uploadedNow = Duration.ofDays(365 * 100); // s3proxy's LastModified is the upload, long after
        CheckpointStore checkpoints = CheckpointStore.inMemory();

        assertEquals(files.size(), oneDay(bucket, facts, dayStart).settle(uploadedNow).checkpoints(checkpoints)
                .build().read(event -> {}).inputs(), "the object in the next day's prefix is read");
        assertEquals(0, oneDay(bucket, facts, nextDay).settle(uploadedNow).checkpoints(checkpoints).build()
                .read(event -> {}).inputs(), "the next day's read skips what the checkpoints say was read");
        assertEquals(files.size() - 1, oneDay(bucket, facts, dayStart).build().read(event -> {}).inputs(),
                "uploaded past the range's end and the settle time: left for its own day");
        assertEquals(1, oneDay(bucket, facts, nextDay).build().read(event -> {}).inputs());
    }

    /** The incident's CloudTrail files of the attack's day in its main region, in key order. */
    private static List<Path> attackDaysTrail(Facts facts) throws IOException {
        Path day = SmallIncident.dir().resolve("AWSLogs/" + facts.accountId() + "/CloudTrail/" + facts.region() + "/"
                + DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC).format(facts.attackStart()));
        try (Stream<Path> listing = Files.list(day)) {
            return listing.sorted().toList();
        }
    }

    private static S3LogSource.Builder oneDay(String bucket, Facts facts, Instant start) {
        return S3LogSource.builder(s3, bucket).accounts(facts.accountId()).regions(facts.region())
                .logTypes(S3LogSource.LogType.CLOUDTRAIL).between(start, start.plus(Duration.ofDays(1)));
    }

    private static S3LogSource.Builder dayOf(String bucket, Facts facts, boolean stillArriving) {
        return S3LogSource.builder(s3, bucket).accounts(facts.accountId()).regions(facts.region())
                .logTypes(S3LogSource.LogType.CLOUDTRAIL).between(facts.attackStart(), facts.attackStart()
                        .plusSeconds(1))
                .settle(stillArriving ? Duration.ofDays(365 * 100) : Duration.ZERO);
    }

    @Test
    void accessDeniedNamesTheActionAndTheBucket() {
        try (S3Client wrongKey = server.access("not-the-secret").s3()) {
            MissingPermissionException e = assertThrows(MissingPermissionException.class,
                    () -> S3LogSource.builder(wrongKey, BUCKET).accounts("111122223333").regions("us-east-1")
                            .between(SmallIncident.facts().start(), SmallIncident.facts().end()).build()
                            .read(event -> {}));
            assertEquals("s3:ListBucket", e.action());
            assertEquals("arn:aws:s3:::" + BUCKET, e.resource());
            assertTrue(e.getMessage().contains("s3:ListBucket on arn:aws:s3:::" + BUCKET), e.getMessage());
        }
    }

    @Test
    void aMemberAccountsBucketIsReadWithTheRoleAssumedThroughSts() throws Exception {
        String role = "arn:aws:iam::111122223333:role/DetectiveReader";
        try (LoopbackSts sts = new LoopbackSts(LoopbackS3.ACCESS_KEY, LoopbackS3.SECRET_KEY)) {
            // the administrator's own key is refused by the member's bucket; the role's temporary one is not
            AwsAccess administrator = server.access("the-administrators-secret");
            AwsAccess member = AwsAccess.builder().endpoint(server.endpoint()).region("us-east-1")
                    .stsEndpoint(sts.endpoint()).credentials(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("AKIAADMINISTRATOR000", "the-administrators-secret")))
                    .build().assumingRole(role, "detective4j");
            Facts facts = SmallIncident.facts();
            try (S3Client own = administrator.s3(); S3Client assumed = member.s3()) {
                assertThrows(MissingPermissionException.class, () -> lastDay(own).read(event -> {}));
                IngestReport report = lastDay(assumed).read(event -> {});
                assertEquals(localFiles("CloudTrail", facts.end().minus(Duration.ofDays(1)), 1), report.inputs());
            }
            assertEquals(role, sts.requests.get(0).get("RoleArn"));
            assertEquals("detective4j", sts.requests.get(0).get("RoleSessionName"));
            assertEquals("AssumeRole", sts.requests.get(0).get("Action"));
            assertEquals(null, sts.requests.get(0).get("ExternalId"), "none asked for, none sent");
        }
    }

    /** A role made for a third party's tool asks for an external ID: it goes with the AssumeRole request. */
    @Test
    void aRoleThatAsksForAnExternalIdGetsIt() throws Exception {
        String role = "arn:aws:iam::111122223333:role/SecurityTooling";
        try (LoopbackSts sts = new LoopbackSts(LoopbackS3.ACCESS_KEY, LoopbackS3.SECRET_KEY)) {
            AwsAccess member = AwsAccess.builder().endpoint(server.endpoint()).region("us-east-1")
                    .stsEndpoint(sts.endpoint()).credentials(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("AKIAADMINISTRATOR000", "the-administrators-secret")))
                    .build().assumingRole(role, "detective4j", "Unique:ID/for=this,customer@2026");
            try (S3Client assumed = member.s3()) {
                lastDay(assumed).read(event -> {});
            }
            assertEquals("Unique:ID/for=this,customer@2026", sts.requests.get(0).get("ExternalId"));
            assertEquals(role, sts.requests.get(0).get("RoleArn"));
        }
        AwsAccess admin = AwsAccess.builder().region("us-east-1").build();
        IllegalArgumentException spaced = assertThrows(IllegalArgumentException.class,
                () -> admin.assumingRole(role, "detective4j", "a secret with spaces"));
        assertEquals("externalId must be 2 to 1224 letters, digits or _+=,.@:/- (no spaces), was 20 characters",
                spaced.getMessage(), "the value, a shared secret, is not repeated");
        assertThrows(IllegalArgumentException.class, () -> admin.assumingRole(role, "detective4j", "x"));
        assertThrows(IllegalArgumentException.class, () -> admin.assumingRole(role, "detective4j", "x".repeat(1225)));
    }

    private static S3LogSource lastDay(S3Client client) {
        Facts facts = SmallIncident.facts();
        return S3LogSource.builder(client, BUCKET).accounts(facts.accountId()).regions(facts.region(),
                facts.otherRegion()).logTypes(S3LogSource.LogType.CLOUDTRAIL)
                .between(facts.end().minus(Duration.ofDays(1)), facts.end()).build();
    }

    private static long localFiles(String service, java.time.Instant firstDay, int days) throws IOException {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy/MM/dd");
        LocalDate first = LocalDate.ofInstant(firstDay, ZoneOffset.UTC);
        long n = 0;
        try (Stream<Path> files = Files.walk(SmallIncident.dir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String key = LoopbackS3.key(SmallIncident.dir(), file);
                for (int d = 0; d < days; d++) {
                    if (key.contains("/" + service + "/") && key.contains("/" + format.format(first.plusDays(d)) + "/")) {
                        n++;
                    }
                }
            }
        }
        return n;
    }
}
