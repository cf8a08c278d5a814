package io.github.detective4j.examples.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.behavior.NewApiCall;
import io.github.detective4j.behavior.NewBehavior;
import io.github.detective4j.behavior.NewBehaviorRanking;
import io.github.detective4j.behavior.NewGeolocation;
import io.github.detective4j.behavior.NewUserAgent;
import io.github.detective4j.enrich.GeoTable;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.ScopeTime;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference incident's new behavior, with a locator of the incident's own places: the admin user's new city,
 * methods and tool over the nine days of the attack, against the 45 days before.
 */
class IncidentNewBehaviorTest {
    static Facts facts;
    static BehaviorGraph graph;
    static ScopeTime attack;
    static EntityRef admin;

    @BeforeAll
    static void ingest() throws IOException {
        facts = ReferenceIncident.standard().facts();
        GeoTable places = facts.geoTable();
        graph = BehaviorGraph.builder().geoLocator(places).asnResolver(places).build();
        AwsLogs.read(IncidentFiles.dir()).into(graph);
        attack = ScopeTime.of(facts.attackStart().truncatedTo(ChronoUnit.DAYS), facts.end());
        admin = EntityRef.user(facts.adminUser().principalId());
    }

    @Test
    void ashburnIsNewAndTokyoIsNot() {
        NewBehavior nb = graph.newBehavior(admin, attack);
        assertFalse(nb.baseline().inTraining());
        assertEquals(List.of("Ashburn"), nb.geolocations().stream().map(g -> g.location().city()).toList(),
                nb.toString());
        NewGeolocation ashburn = nb.geolocations().get(0);
        assertEquals(List.of(EntityRef.ipAddress(facts.attackerIp())), ashburn.ipAddresses());
        assertTrue(ashburn.firstObserved().isBefore(facts.attackStart())
                || !ashburn.firstObserved().isAfter(facts.attackStart()));
        for (String ip : facts.adminIps()) {
            assertEquals("Tokyo", facts.place(ip).orElseThrow().city(), ip);
        }
        // Tokyo is where the admin called from all along: seen in the baseline, so not new.
        assertTrue(nb.geolocations().stream().noneMatch(g -> g.location().city().equals("Tokyo")));
    }

    @Test
    void theAttackersMethodsAndToolAreNew() {
        NewBehavior nb = graph.newBehavior(admin, attack);
        List<String> methods = nb.apiCalls().stream().map(NewApiCall::eventName).toList();
        assertTrue(methods.containsAll(facts.newApiCalls()), methods.toString());
        assertTrue(methods.containsAll(List.of("CreateUser", "DeleteAccessKey", "GenerateCredentialReport",
                "StopLogging")));
        List<EntityRef> agents = nb.userAgents().stream().map(NewUserAgent::userAgent).toList();
        assertEquals(List.of(EntityRef.userAgent(facts.attackerUserAgent())), agents, nb.toString());
        for (String usual : facts.adminUserAgents()) {
            assertFalse(agents.contains(EntityRef.userAgent(usual)), usual);
        }
        assertTrue(nb.asos().stream().anyMatch(a -> a.asn().number() == 14618), nb.toString());
    }

    @Test
    void theColleaguesWhoseRoutineDidNotChangeShowNothingNew() {
        for (Facts.User user : facts.backgroundUsers()) {
            NewBehavior nb = graph.newBehavior(EntityRef.user(user.principalId()), attack);
            assertTrue(nb.isEmpty(), nb.toString());
        }
    }

    @Test
    void theAdminLeadsTheRanking() {
        NewBehaviorRanking ranking = graph.newBehavior(attack);
        assertEquals(admin, ranking.principals().get(0).principal(), ranking.toString());
    }
}
