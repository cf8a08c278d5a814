package io.github.detective4j.graph;

import static io.github.detective4j.graph.Events.ACCOUNT;
import static io.github.detective4j.graph.Events.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.model.SecurityEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link BehaviorGraph#ingestAll} looks up a batch's callers before ingesting it; a graph fed batches must be the
 * graph fed the same events one at a time, whatever the batches' bounds: callers first met inside a batch and met
 * again in it, callers without an id, role sessions started inside the batch, flows and findings between the calls.
 */
class BatchIngestTest {
    private static final ScopeTime SCOPE = ScopeTime.of(T0.plusSeconds(20 * 3600), T0.plusSeconds(30 * 3600));

    @Test
    void batchesMakeTheGraphThatEventsOneAtATimeMake() {
        for (long seed = 1; seed <= 8; seed++) {
            List<SecurityEvent> events = events(seed, 5_000);
            BehaviorGraph single = BehaviorGraph.create();
            events.forEach(single::accept);
            BehaviorGraph listed = BehaviorGraph.create();
            listed.ingestAll(events);
            BehaviorGraph linked = BehaviorGraph.create();
            linked.ingestAll(new LinkedList<>(events)); // an iterator, not a list read by index
            BehaviorGraph uneven = BehaviorGraph.create();
            Random cuts = new Random(seed);
            for (int from = 0; from < events.size(); ) {
                int to = Math.min(events.size(), from + 1 + cuts.nextInt(2_500)); // batches cut anywhere
                uneven.acceptAll(events.subList(from, to));
                from = to;
            }
            for (BehaviorGraph batched : List.of(listed, linked, uneven)) {
                assertSameGraph(single, batched, "seed " + seed);
            }
        }
    }

    @Test
    void aNullEventStopsTheBatchAfterTheEventsBeforeIt() {
        List<SecurityEvent> events = new ArrayList<>(events(3, 40));
        events.add(17, null);
        BehaviorGraph batched = BehaviorGraph.create();
        NullPointerException thrown = assertThrows(NullPointerException.class, () -> batched.ingestAll(events));
        assertEquals("event", thrown.getMessage());
        BehaviorGraph single = BehaviorGraph.create();
        events.subList(0, 17).forEach(single::accept);
        assertSameGraph(single, batched, "the first 17 events");
        Iterator<SecurityEvent> counted = events.iterator();
        int[] read = {0};
        assertThrows(NullPointerException.class, () -> BehaviorGraph.create().ingestAll(() -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return counted.hasNext();
            }

            @Override
            public SecurityEvent next() {
                read[0]++;
                return counted.next();
            }
        }));
        assertEquals(18, read[0], "the iterator is read up to the null, not past it");
        batched.ingestAll(events.subList(18, events.size())); // the graph takes the rest as if nothing happened
        events.subList(18, events.size()).forEach(single::accept);
        assertSameGraph(single, batched, "after the rest");
    }

    @Test
    void anIteratorThatFailsKeepsTheEventsItGaveBefore() {
        List<SecurityEvent> events = events(4, 3_000);
        Iterator<SecurityEvent> source = events.iterator();
        int[] given = {0};
        Iterable<SecurityEvent> failing = () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public SecurityEvent next() {
                if (given[0] == 1_500) {
                    throw new IllegalStateException("the source went away");
                }
                given[0]++;
                return source.next();
            }
        };
        BehaviorGraph batched = BehaviorGraph.create();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> batched.ingestAll(failing));
        assertEquals("the source went away", thrown.getMessage());
        BehaviorGraph single = BehaviorGraph.create();
        events.subList(0, 1_500).forEach(single::accept);
        assertSameGraph(single, batched, "the 1,500 events given"); // 476 of them in the batch the failure cut
    }

    private static void assertSameGraph(BehaviorGraph expected, BehaviorGraph actual, String what) {
        assertEquals(expected.stats(), actual.stats(), what);
        Set<EntityRef> entities = new TreeSet<>(Comparator.comparing(EntityRef::toString));
        entities.addAll(expected.asGraph().vertexSet());
        assertEquals(entities.size(), actual.asGraph().vertexSet().size(), what);
        assertFalse(entities.isEmpty());
        for (EntityRef entity : entities) {
            assertEquals(expected.entity(entity), actual.entity(entity), what + ", " + entity);
            assertEquals(expected.relationships(entity), actual.relationships(entity), what + ", " + entity);
            assertEquals(expected.profile(entity, SCOPE), actual.profile(entity, SCOPE), what + ", " + entity);
        }
    }

    /**
     * Calls of 300 users and 40 role sessions, a few by callers without an id; now and then a session started by an
     * AssumeRole call, a flow or a finding between them.
     */
    private static List<SecurityEvent> events(long seed, int count) {
        Random random = new Random(seed);
        List<SecurityEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant when = T0.plusSeconds(i * 40L * 3600 / count);
            int pick = random.nextInt(100);
            String ip = "198.51.100." + random.nextInt(30);
            if (pick < 3) {
                events.add(Events.flow("i-0" + Integer.toHexString(0x1000 + random.nextInt(5)), when, "10.0.0.5",
                        443, ip, 40_000 + random.nextInt(20), FlowDirection.INBOUND, 100 + random.nextInt(900)));
            } else if (pick < 4) {
                events.add(Events.finding("f-" + i, when, when, EntityRef.user(userId(random.nextInt(300)))));
            } else if (pick < 8) {
                String session = "s" + random.nextInt(40);
                events.add(ApiCall.builder().eventTime(when).accountId(ACCOUNT).region("us-east-1")
                        .principal(user(random.nextInt(300))).eventSource("sts.amazonaws.com")
                        .eventName("AssumeRole").sourceIpAddress(ip).userAgent("aws-cli/2.13.5")
                        .resources(List.of(new AwsResource("AWS::STS::AssumedRoleSession",
                                Events.ROLE_ID + ":" + session, "arn:aws:sts::" + ACCOUNT
                                        + ":assumed-role/deploy/" + session, AwsResource.Action.CREATED)))
                        .build());
            } else {
                Principal who = pick < 10 ? anonymous(random.nextInt(3)) : pick < 30
                        ? Events.session("s" + random.nextInt(40)) : user(zipf(random, 300));
                events.add(Events.call(who, when, "iam.amazonaws.com",
                        random.nextBoolean() ? "ListUsers" : "GetUser" + random.nextInt(3), ip,
                        "agent/" + random.nextInt(4), random.nextInt(10) > 0));
            }
        }
        return events;
    }

    /** Mostly the first few, so that callers come back within a batch. */
    private static int zipf(Random random, int n) {
        return (int) Math.min(n - 1, Math.floor(Math.pow(n, random.nextDouble())) - 1);
    }

    private static String userId(int n) {
        return String.format("AIDA%017d", n);
    }

    private static Principal user(int n) {
        return Principal.builder(PrincipalType.IAM_USER).principalId(userId(n))
                .arn("arn:aws:iam::" + ACCOUNT + ":user/u" + n).accountId(ACCOUNT).userName("u" + n).build();
    }

    /** A caller CloudTrail names without a principal id (an AWS service, a federated user of old logs). */
    private static Principal anonymous(int n) {
        return Principal.builder(PrincipalType.AWS_SERVICE).invokedBy("svc" + n + ".amazonaws.com").build();
    }
}
