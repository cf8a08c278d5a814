package io.github.detective4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.model.SecurityEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ages a store across its retention boundary: 20 days of activity, 10 days kept. A snapshot drops the old hours
 * from memory and disk, a restart later drops more, and each time the graph equals a graph given only the events
 * retention keeps: first seen moves to the first kept observation, entities seen only before the cutoff are gone.
 */
class GraphStoreRetentionTest {
    static final EntityRef ALICE = EntityRef.user(Events.ALICE_ID);
    static final EntityRef BOB = EntityRef.user("AIDAJBOBBOBBOBBOBBOB1");
    static final String OLD_FINDING = "0123456789abcdef0123456789abcdef";
    static final String NEW_FINDING = "fedcba9876543210fedcba9876543210";

    @TempDir
    Path dir;

    static List<SecurityEvent> twentyDays() {
        Random random = new Random(365);
        Principal bob = Principal.builder(PrincipalType.IAM_USER).principalId(BOB.id()).accountId(Events.ACCOUNT)
                .userName("bob").arn("arn:aws:iam::" + Events.ACCOUNT + ":user/bob").build();
        List<SecurityEvent> events = new ArrayList<>();
        for (int hour = 0; hour < 20 * 24; hour++) {
            var at = Events.hours(hour).plusSeconds(random.nextInt(3600));
            events.add(Events.call(Events.alice(), at, hour % 24 == 9 ? "CreateUser" : "ListUsers",
                    "203.0.113." + (hour / 24)));
            if (hour < 3 * 24) {
                events.add(Events.call(bob, at, "GetUser", "198.51.100.9"));
            }
            events.add(Events.flow("i-08a8e40be65425909", Events.hours(hour), "10.0.0.5", 40_000, "104.16.1.42",
                    8333, FlowDirection.OUTBOUND, 5_000 + random.nextInt(100)));
        }
        events.add(Events.finding(OLD_FINDING, Events.hours(30), Events.hours(40),
                EntityRef.ec2Instance("i-08a8e40be65425909")));
        events.add(Events.finding(NEW_FINDING, Events.hours(300), Events.hours(470),
                EntityRef.ec2Instance("i-08a8e40be65425909"), EntityRef.ipAddress("104.16.1.42")));
        return events;
    }

    /** What retention keeps at this clock: the events of hours at or after its cutoff. */
    static BehaviorGraph retained(List<SecurityEvent> events, Instant now, Duration retention) {
        int cutoff = GraphData.hourOf(now.getEpochSecond()) - (int) retention.toHours();
        BehaviorGraph graph = BehaviorGraph.create();
        graph.ingestAll(events.stream().filter(e -> GraphStore.hourOf(e) >= cutoff).toList());
        return graph;
    }

    @Test
    void hoursPastTheRetentionPeriodLeaveMemoryAndDisk() throws IOException {
        List<SecurityEvent> events = twentyDays();
        Duration retention = Duration.ofDays(10);
        Clock clock = Clock.fixed(Events.hours(20 * 24 + 30), ZoneOffset.UTC); // day 21, 06:00: cutoff day 11, 06:00
        ScopeTime lastDay = ScopeTime.of(Events.hours(19 * 24), Events.hours(20 * 24));
        long wholeSnapshot;
        try (GraphStore store = GraphStore.builder(dir).clock(clock).retention(retention).open()) {
            store.acceptAll(events);
            store.commit();
            assertTrue(store.graph().contains(BOB), "retention waits for the snapshot");
            wholeSnapshot = Files.size(dir.resolve("segment-0.d4j"));
            store.graph().archive(NEW_FINDING); // an investigator's state survives the rebuild
            store.snapshot();

            BehaviorGraph expected = retained(events, clock.instant(), retention);
            expected.archive(NEW_FINDING);
            SameGraph.assertSame(expected, store.graph(), lastDay, false);
            assertFalse(store.graph().contains(BOB), "bob was seen only before the cutoff");
            assertTrue(store.graph().finding(OLD_FINDING).isEmpty(), "last observed before the cutoff");
            EntitySummary alice = store.graph().entity(ALICE).orElseThrow();
            assertEquals(Events.hours(11 * 24 + 6), alice.firstObserved().truncatedTo(
                    ChronoUnit.HOURS), "first seen is the first kept observation");
            assertTrue(Files.size(dir.resolve(GraphStore.SNAPSHOT)) < wholeSnapshot * 0.7,
                    "the snapshot holds about half the events");
        }

        clock = Clock.offset(clock, Duration.ofDays(4)); // a restart four days later: cutoff day 15, 06:00
        try (GraphStore store = GraphStore.builder(dir).clock(clock).retention(retention).open()) {
            BehaviorGraph expected = retained(events, clock.instant(), retention);
            expected.archive(NEW_FINDING);
            SameGraph.assertSame(expected, store.graph(), lastDay, false);
            assertEquals(Events.hours(15 * 24 + 6), store.graph().entity(ALICE).orElseThrow().firstObserved()
                    .truncatedTo(ChronoUnit.HOURS));
        }
    }

    @Test
    void theDefaultKeepsAYear() throws IOException {
        List<SecurityEvent> events = twentyDays();
        Clock clock = Clock.fixed(Events.hours(365 * 24 + 10 * 24), ZoneOffset.UTC); // a year after day 10
        try (GraphStore store = GraphStore.builder(dir).clock(clock).open()) {
            store.acceptAll(events);
            store.snapshot();
            SameGraph.assertSame(retained(events, clock.instant(), Duration.ofDays(365)), store.graph(),
                    ScopeTime.of(Events.hours(19 * 24), Events.hours(20 * 24)), false);
            assertEquals(Events.hours(10 * 24), store.graph().entity(ALICE).orElseThrow().firstObserved()
                    .truncatedTo(ChronoUnit.HOURS));
        }
    }

    /**
     * A finding first observed long before the cutoff but observed again recently is kept, as are recent calls:
     * nothing is older than the cutoff, so snapshot after snapshot leaves the graph as it is. Only once the clock
     * moves past events does a snapshot rebuild, and after that rebuild it again waits for the next event to age out.
     * A rebuild is seen through a marker given to the graph directly: the store never saved it, so a graph rebuilt
     * from the store's events no longer holds it.
     */
    @Test
    void aLongRunningFindingDoesNotMakeEverySnapshotRebuild() throws IOException {
        Duration retention = Duration.ofDays(10);
        MovingClock clock = new MovingClock(Events.hours(480)); // cutoff hour 240
        List<SecurityEvent> events = new ArrayList<>();
        events.add(Events.finding(OLD_FINDING, Events.hours(0), Events.hours(470),
                EntityRef.ec2Instance("i-08a8e40be65425909")));
        for (int hour = 300; hour < 480; hour++) {
            events.add(Events.call(Events.alice(), Events.hours(hour).plusSeconds(60), "ListUsers", "203.0.113.7"));
        }
        ScopeTime scope = ScopeTime.of(Events.hours(0), Events.hours(480));
        try (GraphStore store = GraphStore.builder(dir).clock(clock).retention(retention).open()) {
            store.acceptAll(events);
            store.commit();
            EntityRef marker = mark(store.graph(), 479);
            store.snapshot();
            store.snapshot();
            assertTrue(store.graph().contains(marker), "nothing was older than the cutoff: no rebuild");
            BehaviorGraph expected = retained(events, clock.instant(), retention);
            mark(expected, 479);
            SameGraph.assertSame(expected, store.graph(), scope, false);
            assertEquals(Events.hours(0), store.graph().finding(OLD_FINDING).orElseThrow().firstObserved());

            clock.set(Events.hours(330 + 240)); // cutoff hour 330: the calls of hours 300 to 329 age out
            store.snapshot();
            assertFalse(store.graph().contains(marker), "calls aged out: rebuilt from the kept events");
            SameGraph.assertSame(retained(events, clock.instant(), retention), store.graph(), scope, false);
            marker = mark(store.graph(), 479);
            store.snapshot();
            assertTrue(store.graph().contains(marker), "the rebuild left nothing older than the cutoff");

            clock.set(Events.hours(471 + 240)); // cutoff hour 471: the finding, last observed at hour 470, ages out
            store.snapshot();
            assertFalse(store.graph().contains(marker), "the finding aged out: rebuilt");
            assertTrue(store.graph().finding(OLD_FINDING).isEmpty());
            SameGraph.assertSame(retained(events, clock.instant(), retention), store.graph(), scope, false);
        }
        try (GraphStore store = GraphStore.builder(dir).clock(clock).retention(retention).open()) {
            SameGraph.assertSame(retained(events, clock.instant(), retention), store.graph(), scope, false);
            EntityRef marker = mark(store.graph(), 479);
            store.snapshot();
            assertTrue(store.graph().contains(marker), "a restore left out what was old: no rebuild");
        }
    }

    /** Gives the graph, not its store, a call by a user seen nowhere else; returns that user. */
    static EntityRef mark(BehaviorGraph graph, int hour) {
        Principal carol = Principal.builder(PrincipalType.IAM_USER).principalId("AIDAJCAROLCAROLCAROL1")
                .accountId(Events.ACCOUNT).userName("carol").arn("arn:aws:iam::" + Events.ACCOUNT + ":user/carol")
                .build();
        graph.accept(Events.call(carol, Events.hours(hour), "GetUser", "198.51.100.10"));
        return EntityRef.user(carol.principalId());
    }

    /** A clock the test moves while a store reads it: retention counts back from whatever it says now. */
    static final class MovingClock extends Clock {
        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        MovingClock(Instant start) {
            this(new AtomicReference<>(start), ZoneOffset.UTC);
        }

        private MovingClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MovingClock(now, other);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
