package io.github.detective4j.graph;

import static io.github.detective4j.graph.Events.ALICE_ID;
import static io.github.detective4j.graph.Events.alice;
import static io.github.detective4j.graph.Events.call;
import static io.github.detective4j.graph.Events.hours;
import static io.github.detective4j.graph.Events.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearchTest {
    BehaviorGraph graph;

    @BeforeEach
    void ingest() {
        graph = BehaviorGraph.builder().searchLimit(5).build();
        graph.accept(call(alice(), hours(1), "GetUser", "10.1.2.3"));
        graph.accept(call(session("bob"), hours(2), "GetRole", "2001:db8::7"));
        for (int i = 0; i < 20; i++) {
            graph.accept(call(alice(), hours(3), "GetUser", "172.16.0." + i));
        }
    }

    private List<EntityRef> found(Search search) {
        return graph.search(search).entities().stream().map(EntitySummary::entity).toList();
    }

    @Test
    void byExactIdInItsCanonicalForm() {
        assertEquals(List.of(EntityRef.ipAddress("2001:db8::7")), found(Search.id("2001:DB8:0::7")));
        assertEquals(List.of(EntityRef.user(ALICE_ID)), found(Search.of(EntityRef.user(ALICE_ID))));
        assertEquals(List.of(), found(Search.id("aidajqablzs4a3qdu576q")), "case-sensitive");
    }

    @Test
    void byPrefixWithinTypes() {
        assertEquals(List.of(EntityRef.role(Events.ROLE_ID), EntityRef.roleSession(Events.ROLE_ID, "bob")),
                found(Search.idPrefix("AROA")));
        assertEquals(List.of(EntityRef.role(Events.ROLE_ID)),
                found(Search.idPrefix("AROA").withTypes(EntityType.AWS_ROLE)));
        assertEquals(List.of(EntityRef.ipAddress("2001:db8::7")), found(Search.idPrefix("2001:DB8")),
                "an IPv6 prefix in upper case, as the canonical text is not");
        assertEquals(List.of(), found(Search.idPrefix("aroa")), "other ids stay case-sensitive");
    }

    @Test
    void byArnAndName() {
        assertEquals(List.of(EntityRef.user(ALICE_ID)),
                found(Search.arn("arn:aws:iam::111122223333:user/alice")));
        assertEquals(List.of(EntityRef.roleSession(Events.ROLE_ID, "bob")), found(Search.name("bob")));
        assertEquals(List.of(EntityRef.role(Events.ROLE_ID)), found(Search.name("deploy")));
        assertEquals(List.of(), found(Search.name("Alice")));
    }

    /** A GuardDuty finding kept under its bare id is found by its ARN too, by id or by ARN. */
    @Test
    void aFindingByItsArn() {
        String arn = "arn:aws:guardduty:us-east-1:111122223333:detector/3365312172560fd7cc7b390a1759cc71/finding/"
                + "c2b98b95c5440025c05b405065ed3bb9";
        graph.accept(io.github.detective4j.model.Finding.builder().id(arn).sourceProduct("GuardDuty")
                .type("CryptoCurrency:EC2/BitcoinTool.B").severity(io.github.detective4j.model.Severity.ofGuardDuty(8))
                .observed(hours(4), hours(5)).build());
        EntityRef finding = EntityRef.finding("c2b98b95c5440025c05b405065ed3bb9");
        assertEquals(List.of(finding), found(Search.id(arn)));
        assertEquals(List.of(finding), found(Search.arn(arn)));
        assertEquals(List.of(finding), found(Search.id("c2b98b95c5440025c05b405065ed3bb9")));
    }

    @Test
    void byCidrWithTheCapReported() {
        SearchResult all = graph.search(Search.cidr("172.16.0.0/12"));
        assertEquals(20, all.matches());
        assertEquals(5, all.entities().size(), "the graph's default cap");
        assertTrue(all.truncated());
        assertEquals(5, all.limit());
        SearchResult one = graph.search(Search.cidr("172.16.0.16/30").withLimit(10));
        assertEquals(List.of("172.16.0.16", "172.16.0.17", "172.16.0.18", "172.16.0.19"),
                one.entities().stream().map(e -> e.entity().id()).toList());
        assertFalse(one.truncated());
        assertEquals(List.of(EntityRef.ipAddress("2001:db8::7")), found(Search.cidr("2001:db8::/32")));
        assertEquals(List.of(EntityRef.ipAddress("10.1.2.3")), found(Search.cidr("10.1.2.3")));
        assertEquals(List.of(EntityRef.ipAddress("10.1.2.3")), found(Search.cidr("::ffff:10.0.0.0/104")),
                "an IPv4-mapped network is the IPv4 network");
    }

    @Test
    void criteriaCombine() {
        assertEquals(List.of(EntityRef.ipAddress("172.16.0.1"), EntityRef.ipAddress("172.16.0.10")),
                found(Search.builder().cidr("172.16.0.0/24").idPrefix("172.16.0.1").limit(2).build()));
    }

    @Test
    void badSearchesSayWhy() {
        assertThrows(IllegalArgumentException.class, () -> Search.builder().build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Search.cidr("10.0.0.0/33"));
        assertTrue(e.getMessage().contains("prefix length 33"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Search.cidr("10.0.0/8"));
        assertThrows(IllegalArgumentException.class, () -> Search.id("x").withLimit(-1));
    }
}
