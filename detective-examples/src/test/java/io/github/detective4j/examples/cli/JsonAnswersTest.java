package io.github.detective4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.enrich.GeoTable;
import io.github.detective4j.examples.incident.Facts;
import io.github.detective4j.examples.incident.IncidentFiles;
import io.github.detective4j.examples.incident.ReferenceIncident;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.json.DetectiveJson;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.ScopeTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json} of {@code profile}, {@code new-behavior}, {@code investigate} and {@code hunt} is the library's own
 * answer on the same files: parsed back, each document equals the JSON of the answer a graph built here gives, and
 * holds the incident's facts.
 */
class JsonAnswersTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Facts facts;
    static BehaviorGraph graph;
    static String logs;
    static String geoip;
    static EntityRef admin;
    static ScopeTime attack;

    @BeforeAll
    static void readTheIncident(@TempDir Path tmp) throws IOException {
        facts = ReferenceIncident.standard().facts();
        GeoTable places = facts.geoTable();
        graph = BehaviorGraph.builder().geoLocator(places).asnResolver(places).build();
        AwsLogs.read(IncidentFiles.dir()).into(graph);
        logs = IncidentFiles.dir().toString();
        geoip = Files.writeString(tmp.resolve("demo-geo.csv"), facts.geoTableCsv()).toString();
        admin = EntityRef.user(facts.adminUser().principalId());
        attack = ScopeTime.of(facts.attackStart().truncatedTo(ChronoUnit.DAYS), facts.end());
    }

    static JsonNode answer(String... args) throws IOException {
        Run run = Run.detective(args);
        assertEquals(0, run.exit(), run.toString());
        assertEquals(1, run.out().lines().count(), "one JSON document on one line");
        return JSON.readTree(run.out());
    }

    static JsonNode library(Object answer) throws IOException {
        return JSON.readTree(DetectiveJson.write(answer));
    }

    @Test
    void profile() throws IOException {
        EntityRef miner = EntityRef.ec2Instance(facts.minerInstance().id());
        ScopeTime scope = ScopeTime.ofFinding(graph.finding(facts.bitcoinFinding().id()).orElseThrow());
        JsonNode json = answer("profile", "--json", "--entity", miner.toString(), "--scope", scope.toString(), logs);

        assertEquals(library(graph.profile(miner, scope)), json);
        assertEquals(admin.toString(), json.at("/panels/details/createdBy").asText());
        JsonNode beacon = json.at("/panels/flowVolume/rows/0");
        assertEquals(facts.bitcoinIp(), EntityRef.parse(beacon.get("peer").asText()).id(), json.toString());
        assertEquals(facts.minerTraffic().bytesInPerHour() * facts.minerTraffic().hours(),
                beacon.get("bytesIn").asLong());
    }

    @Test
    void newBehavior() throws IOException {
        JsonNode json = answer("new-behavior", "--json", "--geoip", geoip, "--entity", admin.toString(), "--scope",
                attack.toString(), logs);

        assertEquals(library(graph.newBehavior(admin, attack)), json);
        assertEquals("Ashburn", json.at("/geolocations/0/location/city").asText(), json.toString());
        assertEquals(EntityRef.userAgent(facts.attackerUserAgent()).toString(),
                json.at("/userAgents/0/userAgent").asText(), json.toString());
    }

    @Test
    void investigateOverTheLastNineDays() throws IOException {
        JsonNode json = answer("investigate", "--json", "--geoip", geoip, "--entity", admin.toString(), "--scope",
                "last 9d", logs);

        JsonNode expected = library(graph.investigate(admin, attack));
        // When an investigation is first run is the one thing two graphs cannot agree on.
        ((ObjectNode) expected).remove("CreatedTime");
        ((ObjectNode) json).remove("CreatedTime");
        assertEquals(expected, json);
        assertEquals("CRITICAL", json.get("Severity").asText(), json.toString());
    }

    /** Parsing the next files on other threads changes nothing the commands answer. */
    @Test
    void readingWithMoreThreadsGivesTheSameAnswers() throws IOException {
        EntityRef miner = EntityRef.ec2Instance(facts.minerInstance().id());
        ScopeTime scope = ScopeTime.ofFinding(graph.finding(facts.bitcoinFinding().id()).orElseThrow());
        for (String threads : new String[] {"1", "2", "4"}) {
            JsonNode json = answer("profile", "--json", "--threads", threads, "--entity", miner.toString(), "--scope",
                    scope.toString(), logs);
            assertEquals(library(graph.profile(miner, scope)), json, threads + " threads");
        }
        assertEquals(answer("ingest", "--json", "--threads", "1", logs), answer("ingest", "--json", "--threads", "3",
                logs));
    }

    /** Files named one by one, as a shell's glob names them, are read as the directory holding them is. */
    @Test
    void filesNamedOneByOneGiveTheDirectorysAnswers() throws IOException {
        List<String> args = new ArrayList<>(List.of("ingest", "--json", "--threads", "2"));
        try (Stream<Path> files = Files.walk(Path.of(logs))) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> args.add(file.toString()));
        }
        assertTrue(args.size() > 6, "the incident is in several files: " + args);

        assertEquals(answer("ingest", "--json", "--threads", "1", logs), answer(args.toArray(String[]::new)));
    }

    @Test
    void hunt() throws IOException {
        JsonNode json = answer("hunt", "--json", "--ip", facts.bitcoinIp(), logs);

        assertEquals(library(graph.hunt().ip(facts.bitcoinIp())), json);
        assertEquals(EntityRef.ec2Instance(facts.otherMinerInstance().id()).toString(),
                json.at("/instances/1/instance").asText(), json.toString());
        assertTrue(json.get("principals").isEmpty(), "nobody calls the API from a Bitcoin node");

        JsonNode lately = answer("hunt", "--json", "--ip", facts.bitcoinIp(), "--days", "3", logs);
        assertEquals(library(graph.hunt().instancesTalkingTo(facts.bitcoinIp(), java.time.Duration.ofDays(3))),
                lately.get("instances"));
        assertTrue(lately.has("truncated"), "the list says whether the caps may have cut it: " + lately);
    }

    /** A finding group, which `groups` lists, can be profiled by its id: it is computed from findings, not held. */
    @Test
    void aFindingGroupListedByGroupsCanBeProfiled() throws IOException {
        String group = graph.findingGroups().get(0).ref().toString();
        JsonNode json = answer("profile", "--json", "--entity", group, logs);
        assertEquals(group, json.get("entity").asText(), json.toString());
    }
}
