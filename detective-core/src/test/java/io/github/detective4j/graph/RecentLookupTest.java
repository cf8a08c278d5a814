package io.github.detective4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts of an ingest that recognise what an event names by comparing strings: {@link Node.Recent#find} (by
 * the relationship's target id, hashes first) and {@link Attributes#offer} (which keeps the newer of two equal
 * strings, so that the events after it compare by reference).
 */
class RecentLookupTest {
    private static final Node CALLER = new Node(0, EntityRef.user("AIDAJQABLZS4A3QDU576Q"));

    @Test
    void findMatchesEqualIdsNotEqualHashes() {
        // "Aa" and "BB" share a hash code: only the ids' contents may tell them apart
        assertEquals("Aa".hashCode(), "BB".hashCode());
        Edge aa = edgeTo("Aa", 1);
        Edge[] recent = new Edge[Node.Recent.WAYS];
        Node.Recent.remember(recent, aa);
        assertNull(Node.Recent.find(recent, "BB"));
        assertSame(aa, Node.Recent.find(recent, new String("Aa")), "an equal id in another string");
        Edge bb = Node.Recent.remember(recent, edgeTo("BB", 2));
        assertSame(bb, Node.Recent.find(recent, "BB"));
        assertSame(aa, Node.Recent.find(recent, "Aa"));
        assertSame(aa, recent[0], "found moves to the front");
        assertSame(bb, recent[1]);
    }

    @Test
    void findLooksThroughEveryWayAndNoFurther() {
        Edge[] recent = new Edge[Node.Recent.WAYS];
        for (int i = 0; i <= Node.Recent.WAYS; i++) {
            Node.Recent.remember(recent, edgeTo("agent/" + i, i + 1));
        }
        assertNull(Node.Recent.find(recent, "agent/0"), "the least recent is forgotten");
        for (int i = 1; i <= Node.Recent.WAYS; i++) {
            assertEquals("agent/" + i, Node.Recent.find(recent, "agent/" + i).targetId);
        }
    }

    @Test
    void offerKeepsTheNewerOfEqualValuesAndTheLaterOfDifferentOnes() {
        Attributes a = new Attributes();
        String first = new String("arn:aws:iam::111122223333:user/alice");
        String copy = new String(first);
        String held = a.offer(Attributes.ARN, null, first, 100);
        assertSame(first, held);
        assertSame(copy, a.offer(Attributes.ARN, held, copy, 50), "equal: the newer object, whatever its time");
        assertSame(held, a.offer(Attributes.ARN, held, held, 50));
        assertSame(held, a.offer(Attributes.ARN, held, null, 200));
        assertSame(held, a.offer(Attributes.ARN, held, "arn:aws:iam::111122223333:user/bob", 99), "earlier loses");
        assertEquals("arn:aws:iam::111122223333:user/zed",
                a.offer(Attributes.ARN, held, "arn:aws:iam::111122223333:user/zed", 100), "a tie: the larger");
        assertSame(held, a.offer(Attributes.ARN, held, "arn:aws:iam::111122223333:user/aaa", 100));
        assertEquals("arn:aws:iam::111122223333:user/bob",
                a.offer(Attributes.ARN, held, "arn:aws:iam::111122223333:user/bob", 101), "later wins");
    }

    private static Edge edgeTo(String agent, int index) {
        return new Edge(RelationshipType.USED_USER_AGENT, CALLER,
                new Node(index, EntityRef.of(EntityType.USER_AGENT, agent)));
    }
}
