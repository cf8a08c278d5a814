package io.github.detective4j.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import io.github.detective4j.model.SafeText;
import io.github.detective4j.model.ScopeTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectiveJsonTest {
    static final String ID = "AIDAJQABLZS4A3QDU576Q";
    static final String HOSTILE_UA = "Mozilla/5.0 \"},\"injected\":true,{\" </script><script>alert(1)</script>";

    @Test
    void aProfileHasStableFieldNamesAndPanelsByKey() throws Exception {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(ApiCall.builder().eventTime(Instant.parse("2026-11-20T10:15:00Z"))
                .principal(Principal.builder(PrincipalType.IAM_USER).principalId(ID).accountId("111122223333")
                        .userName("alice").build())
                .eventSource("iam.amazonaws.com").eventName("CreateUser").sourceIpAddress("198.51.100.7")
                .userAgent(HOSTILE_UA).build());
        ScopeTime scope = ScopeTime.parse("2026-11-20T00:00:00Z/2026-11-21T00:00:00Z");
        JsonNode json = new ObjectMapper().readTree(DetectiveJson.write(graph.profile(EntityRef.user(ID), scope)));

        assertEquals("AwsUser/" + ID, json.get("entity").asText());
        assertEquals("2026-11-20T00:00:00Z", json.get("scope").get("start").asText());
        assertTrue(json.get("inTraining").asBoolean());
        assertEquals(List.of("details", "findings", "apiCallVolume", "sessions"),
                iterate(json.get("panels").fieldNames()));
        JsonNode calls = json.get("panels").get("apiCallVolume");
        assertEquals(1, calls.get("success").asLong());
        assertEquals("2026-11-19T00:00:00Z", calls.get("hours").get(0).get("hour").asText());
        assertEquals("iam.amazonaws.com:CreateUser",
                calls.get("byIpAddress").get(0).get("children").get(0).get("key").asText());
        assertTrue(calls.get("percentChange") == null, "null fields are left out");
        assertEquals("alice", json.get("panels").get("details").get("name").asText());
    }

    @Test
    void unsafeCharactersAreEscapedSoTheDocumentIsOneLineForEveryReader() throws Exception {
        // A user agent as CloudTrail's JSON can carry it: U+2028 and NEL (line ends to JavaScript and to Java's
        // readers), CSI clearing the screen, a right-to-left override, a zero-width space, DEL, half a pair; and
        // letters and an emoji that must stay readable.
        String agent = "ua\u2028{\"forged\":1}\u0085\u009b2J\u202eevil\u200b\u007f\ud800 caf\u00e9 \u4e2d \ud83d\ude00";
        String text = userAgentProfileJson(agent);

        assertTrue(text.chars().noneMatch(SafeText::isUnsafe), text);
        assertTrue(text.contains("\"UserAgent/ua\\u2028{\\\"forged\\\":1}\\u0085\\u009B2J\\u202Eevil\\u200B\\u007F"
                + "\\uD800 caf\u00e9 \u4e2d \\uD83D\\uDE00\""), text);
        assertEquals("UserAgent/" + agent, new ObjectMapper().readTree(text).get("entity").asText(), "read back");
        assertTrue(DetectiveJson.writePretty(List.of(agent)).chars().noneMatch(c -> c == 0x85 || c == 0x2028));
    }

    @Test
    void attackerStringsStayInsideTheirJsonString() throws Exception {
        String text = userAgentProfileJson(HOSTILE_UA);
        JsonNode json = new ObjectMapper().readTree(text);
        assertFalse(json.has("injected"));
        assertEquals("UserAgent/" + HOSTILE_UA, json.get("entity").asText());
    }

    /** The JSON of a user agent's profile, in a graph of one call made with it. */
    private static String userAgentProfileJson(String agent) {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(ApiCall.builder().eventTime(Instant.parse("2026-11-20T10:15:00Z"))
                .principal(Principal.builder(PrincipalType.IAM_USER).principalId(ID).build())
                .eventSource("iam.amazonaws.com").eventName("GetUser").sourceIpAddress("198.51.100.7")
                .userAgent(agent).build());
        return DetectiveJson.write(graph.profile(EntityRef.userAgent(agent),
                ScopeTime.parse("2026-11-20T00:00:00Z/2026-11-21T00:00:00Z")));
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
    @Test
    void nonFiniteNumbersAreNullNotStrings() {
        io.github.detective4j.investigation.ImpossibleTravel travel = new io.github.detective4j.investigation
                .ImpossibleTravel("192.0.2.1", "198.51.100.1", "Tokyo, JP", "Ashburn, US", 0, Double.NaN,
                Double.POSITIVE_INFINITY);
        String text = DetectiveJson.write(travel);
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
        assertTrue(DetectiveJson.write(2.5).equals("2.5"));
    }

    @Test
    void optionalAnswersAreTheirValueOrNull() {
        assertEquals("null", DetectiveJson.write(java.util.Optional.empty()));
        assertEquals("\"AwsUser/AIDAJQABLZS4A3QDU576Q\"",
                DetectiveJson.write(java.util.Optional.of(EntityRef.user("AIDAJQABLZS4A3QDU576Q"))));
    }

    /** Maps and sets of entity types come in the types' order, not Map.copyOf's, which changes from JVM to JVM. */
    @Test
    void countsByTypeComeInTheTypesOrder() {
        java.util.Map<io.github.detective4j.model.EntityType, Integer> byType = new java.util.HashMap<>();
        for (io.github.detective4j.model.EntityType type : io.github.detective4j.model.EntityType.values()) {
            byType.put(type, type.ordinal());
        }
        BehaviorGraph graph = BehaviorGraph.create();
        io.github.detective4j.graph.GraphStats stats = graph.stats();
        io.github.detective4j.graph.GraphStats withTypes = new io.github.detective4j.graph.GraphStats(byType,
                stats.relationships(), stats.apiCalls(), stats.flows(), stats.flowsWithoutTraffic(),
                stats.findingUpdates(), stats.findings(), stats.refusedEvents(), stats.droppedRelationships(),
                stats.overflowedDrillDowns(), stats.droppedEntities(), null, null, stats.hourlyCells(),
                stats.seriesBytes());
        assertEquals(List.of(io.github.detective4j.model.EntityType.values()),
                List.copyOf(withTypes.entities().keySet()));
        String text = DetectiveJson.write(io.github.detective4j.graph.Search.idPrefix("1").withTypes(
                io.github.detective4j.model.EntityType.S3_BUCKET, io.github.detective4j.model.EntityType.IP_ADDRESS,
                io.github.detective4j.model.EntityType.AWS_USER));
        assertTrue(text.contains("\"types\":[\"AWS_USER\",\"IP_ADDRESS\",\"S3_BUCKET\"]"), text);
    }
}
