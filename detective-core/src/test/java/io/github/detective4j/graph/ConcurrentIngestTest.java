package io.github.detective4j.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EventSink;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.model.SecurityEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight threads ingest one shuffled set of events while two others query (and, through a store, two more commit
 * and snapshot); every profile at the end equals the profile of a serial ingest of the same events, to the last byte
 * of its JSON. Seeded: the same events and shares every run.
 */
class ConcurrentIngestTest {
    static final int THREADS = 8;
    static final ScopeTime SCOPE = ScopeTime.of(Events.hours(50 * 24), Events.hours(51 * 24));

    @Test
    void concurrentIngestEqualsSerialIngest() throws Exception {
        List<SecurityEvent> events = workload(new Random(20261201L));
        BehaviorGraph serial = BehaviorGraph.create();
        events.forEach(serial::accept);

        BehaviorGraph concurrent = BehaviorGraph.create();
        ingestWhileQuerying(shuffled(events), concurrent, concurrent::ingestAll, concurrent, List.of());

        List<EntityRef> entities = SameGraph.assertSame(serial, concurrent, SCOPE, false);
        assertTrue(entities.size() > 100, "a graph of some size: " + entities.size());
    }

    /**
     * The same through a {@link GraphStore}, while one more thread commits and another takes snapshots: no deadlock
     * between the store's lock and the graph's, no event lost by the log, and the restored graph equals too.
     */
    @Test
    void concurrentIngestThroughAStoreWhileItCommitsAndSnapshotsEqualsSerialIngest(@TempDir Path dir)
            throws Exception {
        List<SecurityEvent> events = workload(new Random(20261201L));
        BehaviorGraph serial = BehaviorGraph.create();
        events.forEach(serial::accept);

        AtomicLong snapshots = new AtomicLong();
        try (GraphStore store = GraphStoreTest.store(dir).open()) {
            ingestWhileQuerying(shuffled(events), store, store::acceptAll, store.graph(), List.of(() -> {
                store.commit();
                return null;
            }, () -> {
                store.snapshot();
                snapshots.incrementAndGet();
                Thread.sleep(20);
                return null;
            }));
            SameGraph.assertSame(serial, store.graph(), SCOPE, false);
        }
        assertTrue(snapshots.get() > 0, "snapshots ran during ingestion");
        try (GraphStore restored = GraphStoreTest.store(dir).open()) {
            SameGraph.assertSame(serial, restored.graph(), SCOPE, false);
        }
    }

    private static List<SecurityEvent> shuffled(List<SecurityEvent> events) {
        List<SecurityEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(7));
        return shuffled;
    }

    /**
     * {@value #THREADS} threads ingest a share of the events each, in batches, in batches through the sink interface
     * (as parallel readers deliver) or one by one, while two threads query {@code graph} and each of
     * {@code alongside} runs in a loop on a thread of its own, until ingestion ends.
     */
    private static void ingestWhileQuerying(List<SecurityEvent> shuffled, EventSink sink,
            Consumer<List<SecurityEvent>> batches, BehaviorGraph graph, List<Callable<?>> alongside)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2 + alongside.size());
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean ingesting = new AtomicBoolean(true);
        AtomicLong queries = new AtomicLong();
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<SecurityEvent> part = shuffled.subList(t * shuffled.size() / THREADS,
                    (t + 1) * shuffled.size() / THREADS);
            int way = t % 3;
            writers.add(pool.submit(() -> {
                start.await();
                if (way < 2) {
                    for (int i = 0; i < part.size(); i += 100) {
                        List<SecurityEvent> batch = part.subList(i, Math.min(part.size(), i + 100));
                        if (way == 0) {
                            batches.accept(batch);
                        } else {
                            sink.acceptAll(batch);
                        }
                    }
                } else {
                    part.forEach(sink::accept);
                }
                return null;
            }));
        }
        List<Future<?>> others = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            others.add(pool.submit(() -> {
                start.await();
                while (ingesting.get()) {
                    graph.profile(EntityRef.user("AIDA000000000000000001"), SCOPE).toString();
                    graph.profile(EntityRef.ipAddress("203.0.113.3"), SCOPE);
                    graph.search(Search.cidr("203.0.113.0/24"));
                    graph.asGraph().edgeSet();
                    graph.stats();
                    queries.incrementAndGet();
                }
                return null;
            }));
        }
        for (Callable<?> task : alongside) {
            others.add(pool.submit(() -> {
                start.await();
                while (ingesting.get()) {
                    task.call();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> w : writers) {
            w.get(60, TimeUnit.SECONDS);
        }
        ingesting.set(false);
        for (Future<?> r : others) {
            r.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(queries.get() > 0, "queries ran during ingestion");
    }

    /** 60 days of users, role sessions, instances and findings, with failures and late updates. */
    static List<SecurityEvent> workload(Random random) {
        List<SecurityEvent> events = new ArrayList<>();
        List<Principal> principals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            principals.add(Principal.builder(PrincipalType.IAM_USER)
                    .principalId(String.format("AIDA%018d", i)).accountId(Events.ACCOUNT).userName("user" + i)
                    .arn("arn:aws:iam::" + Events.ACCOUNT + ":user/user" + i)
                    .accessKeyId(String.format("AKIA%016d", i)).build());
        }
        for (int i = 0; i < 10; i++) {
            principals.add(Events.session("s" + i));
        }
        String[] methods = {"ListUsers", "GetUser", "CreateUser", "DescribeInstances", "GetObject", "AssumeRole",
                "StopLogging", "ListBuckets", "GetCallerIdentity", "PutObject"};
        for (int n = 0; n < 40_000; n++) {
            Principal who = principals.get(random.nextInt(principals.size()));
            var when = Events.hours(random.nextInt(60 * 24)).plusSeconds(random.nextInt(3600));
            String ip = "203.0.113." + random.nextInt(40);
            ApiCall call = Events.call(who, when, "iam.amazonaws.com", methods[random.nextInt(methods.length)],
                    random.nextInt(20) == 0 ? null : ip, "agent/" + random.nextInt(6), random.nextInt(10) != 0);
            events.add(call);
        }
        String[] instances = {"i-08a8e40be65425909", "i-0123456789abcdef0", "i-0fedcba9876543210", "i-0aaaabbbbccccdddd"};
        for (int n = 0; n < 20_000; n++) {
            String instance = instances[random.nextInt(instances.length)];
            events.add(Events.flow(instance, Events.hours(random.nextInt(60 * 24)), "10.0.0." + random.nextInt(4),
                    random.nextInt(4) * 1000 + 32768, "203.0.113." + random.nextInt(40),
                    random.nextBoolean() ? 443 : 8333,
                    random.nextBoolean() ? FlowDirection.INBOUND : FlowDirection.OUTBOUND, random.nextInt(100_000)));
        }
        for (int n = 0; n < 200; n++) {
            String id = String.format("%032x", random.nextInt(30));
            int first = random.nextInt(59 * 24);
            events.add(Events.finding(id, Events.hours(first), Events.hours(first + random.nextInt(24)),
                    EntityRef.ec2Instance(instances[random.nextInt(instances.length)]),
                    EntityRef.ipAddress("203.0.113." + random.nextInt(40))));
        }
        return events;
    }
}
