package io.github.detective4j.examples.siem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.detective4j.enrich.GeoTable;
import io.github.detective4j.examples.incident.Facts;
import io.github.detective4j.examples.incident.IncidentFiles;
import io.github.detective4j.examples.incident.ReferenceIncident;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.ScopeTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SIEM feed on the reference incident, its files arriving in three batches as {@code aws s3 sync} would bring
 * them: the weeks before the attack, the attack up to its last day, and the last day. Each poll must write what the
 * new files brought and nothing it wrote before.
 */
class SiemFeedTest {
    /** The date folders of the S3 key layout: {@code .../<yyyy>/<mm>/<dd>/file}. */
    private static final Pattern DAY = Pattern.compile("/(\\d{4})/(\\d{2})/(\\d{2})/");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path incoming;
    static Facts facts;
    static List<JsonNode> beforeAttack;
    static int idlePoll;
    static List<JsonNode> attack;
    static List<JsonNode> lastDay;

    @BeforeAll
    static void feedTheIncidentInThreeBatches() throws IOException {
        facts = ReferenceIncident.standard().facts();
        GeoTable places = facts.geoTable();
        List<String> lines = new ArrayList<>();
        // The attack's batch holds eight days of logs: a scope of up to two weeks takes them all in.
        SiemFeed feed = SiemFeed.builder(incoming).region(facts.region()).sink(lines::add).maxScope(Duration.ofDays(14))
                .graph(BehaviorGraph.builder().geoLocator(places).asnResolver(places).build()).build();
        Instant attackDay = facts.attackStart().truncatedTo(ChronoUnit.DAYS);
        Instant finalDay = facts.end().minus(1, ChronoUnit.DAYS);

        arrive(IncidentFiles.dir(), Instant.MIN, attackDay);
        feed.poll();
        beforeAttack = parse(lines);
        idlePoll = feed.poll();
        arrive(IncidentFiles.dir(), attackDay, finalDay);
        feed.poll();
        attack = parse(lines.subList(beforeAttack.size(), lines.size()));
        arrive(IncidentFiles.dir(), finalDay, Instant.MAX);
        feed.poll();
        lastDay = parse(lines.subList(beforeAttack.size() + attack.size(), lines.size()));
    }

    @Test
    void aPollWithoutNewFilesWritesNothing() {
        assertEquals(0, idlePoll);
    }

    @Test
    void theRoutineOfTheWeeksBeforeTheAttackRaisesNothing() {
        assertEquals(List.of(), beforeAttack, "no finding yet, and nobody did anything new in the last week of them");
    }

    @Test
    void theAttackBringsItsFindingGroupWithLinksToBothFindings() {
        List<JsonNode> groups = attack.stream().filter(l -> kind(l, FeedEvent.FINDING_GROUP)).toList();
        assertEquals(1, groups.size(), attack.toString());
        JsonNode group = groups.get(0);
        assertEquals(Set.of("findings/" + facts.bitcoinFinding().id(), "findings/" + facts.loggingDisabledFinding().id()),
                texts(group.path("detail").path("findings")));
        assertEquals("HIGH", group.path("severity").asText());
        // The finding's own scope, from its first observation to its last as of this poll.
        Facts.ReportedFinding bitcoin = facts.bitcoinFinding();
        String link = "https://console.aws.amazon.com/detective/home?region=" + facts.region() + "#findings/GuardDuty/"
                + bitcoin.id() + "?scopeStart=" + bitcoin.firstObserved().truncatedTo(ChronoUnit.HOURS).getEpochSecond()
                + "&scopeEnd=";
        assertTrue(texts(group.path("links")).stream().anyMatch(l -> l.startsWith(link)),
                group.path("links").toString());
    }

    @Test
    void theAttackBringsTheAdminsIndicatorsAndNewBehaviorWithAProfileLink() {
        String admin = "AwsUser/" + facts.adminUser().principalId();
        List<JsonNode> about = attack.stream().filter(l -> l.path("entity").asText().equals(admin)).toList();
        Set<String> indicators = about.stream().filter(l -> kind(l, FeedEvent.INDICATOR))
                .map(l -> l.path("type").asText()).collect(Collectors.toSet());
        assertTrue(indicators.containsAll(Set.of("TTP_OBSERVED", "IMPOSSIBLE_TRAVEL", "NEW_GEOLOCATION",
                "NEW_USER_AGENT", "NEW_ASO", "RELATED_FINDING", "RELATED_FINDING_GROUP")), indicators.toString());
        // Both a new-behavior line and an indicator name the attacker's user agent: one is not the other's repeat.
        assertEquals(2, about.stream().filter(l -> l.path("type").asText().equals("NEW_USER_AGENT")).count());
        Set<String> newCalls = about.stream().filter(l -> kind(l, FeedEvent.NEW_BEHAVIOR))
                .filter(l -> l.path("type").asText().equals("NEW_API_CALL"))
                .map(l -> l.path("detail").path("eventName").asText()).collect(Collectors.toSet());
        assertTrue(newCalls.containsAll(facts.newApiCalls()), newCalls.toString());
        // The attacker's user agent is data: it comes back from the JSON exactly as logged.
        assertTrue(about.stream().filter(l -> l.path("type").asText().equals("NEW_USER_AGENT"))
                .anyMatch(l -> ("UserAgent/" + facts.attackerUserAgent())
                        .equals(l.path("detail").path("userAgent").asText())), about.toString());
        JsonNode any = about.get(0);
        ScopeTime scope = ScopeTime.of(Instant.parse(any.path("scope").path("start").asText()),
                Instant.parse(any.path("scope").path("end").asText()));
        assertTrue(scope.contains(facts.attackStart()), scope.toString());
        assertEquals(List.of("https://console.aws.amazon.com/detective/home?region=" + facts.region()
                + "#entities/AwsUser/" + facts.adminUser().principalId() + "?scopeStart="
                + scope.start().getEpochSecond() + "&scopeEnd=" + scope.end().getEpochSecond()),
                List.copyOf(texts(any.path("links"))));
    }

    @Test
    void theLastDayRepeatsNothing() {
        assertTrue(lastDay.stream().noneMatch(l -> kind(l, FeedEvent.FINDING_GROUP)),
                "the group keeps its id while the miner's finding is updated: " + lastDay);
        Set<String> before = Stream.concat(beforeAttack.stream(), attack.stream()).map(SiemFeedTest::identity)
                .collect(Collectors.toSet());
        assertTrue(lastDay.stream().map(SiemFeedTest::identity).noneMatch(before::contains), lastDay.toString());
    }

    /**
     * A sink that throws (a SIEM's endpoint down) stops the poll; the next poll writes every line that was left, as
     * they would have been. An event dated decades ahead moves no scope, and {@code aws s3 sync}'s temporary files
     * are left until renamed.
     */
    @Test
    void aSinkThatFailsLosesNoLineAndAFutureEventMovesNoScope(@TempDir Path dir) throws IOException {
        List<String> healthy = new ArrayList<>();
        Path plain = dir.resolve("plain");
        arrive(IncidentFiles.dir(), plain, Instant.MIN, Instant.MAX);
        assertTrue(wholeIncident(plain, healthy::add).poll() > 5);

        Path other = dir.resolve("other");
        arrive(IncidentFiles.dir(), other, Instant.MIN, Instant.MAX);
        Files.writeString(other.resolve("late.json"), FUTURE_EVENT);
        Path syncing = Files.writeString(other.resolve("next.json.0a1B2c3D"), FUTURE_EVENT.replace("2099", "2026"));
        List<String> delivered = new ArrayList<>();
        int[] calls = {0};
        SiemFeed feed = wholeIncident(other, line -> {
            if (++calls[0] == 3) {
                throw new IllegalStateException("HTTP 503 from the SIEM");
            }
            delivered.add(line);
        });
        assertThrows(IllegalStateException.class, feed::poll);
        assertEquals(2, delivered.size());
        feed.poll();
        assertEquals(healthy, delivered, "the same lines, none lost, none twice");
        long calledBefore = feed.graph().stats().apiCalls();
        Files.move(syncing, other.resolve("next.json"));
        feed.poll();
        assertEquals(calledBefore + 1, feed.graph().stats().apiCalls(), "read once renamed, not before");
    }

    /** A finding group whose severity changes (a HIGH finding joins it, or leaves) is written again; growth is not. */
    @Test
    void aGroupThatRisesIsWrittenAgain(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        SiemFeed feed = SiemFeed.builder(dir).sink(lines::add).build();
        Files.writeString(dir.resolve("1.json"), findings(probe("a1", 5, "08"), probe("a2", 5, "09")));
        feed.poll();
        Files.writeString(dir.resolve("2.json"), findings(probe("a3", 5, "10")));
        feed.poll();
        assertEquals(1, lines.size(), "the group grew, its severity did not: " + lines);
        Files.writeString(dir.resolve("3.json"), findings(probe("a4", 8, "11")));
        feed.poll();
        List<JsonNode> written = parse(lines);
        assertEquals(List.of("MEDIUM", "HIGH"), written.stream().map(l -> l.path("severity").asText()).toList());
        assertEquals(written.get(0).path("entity"), written.get(1).path("entity"), "the same group");

        feed.graph().archive("a4"); // its worst finding dismissed: back to MEDIUM, and then HIGH again
        feed.poll();
        feed.graph().unarchive("a4");
        feed.poll();
        assertEquals(List.of("MEDIUM", "HIGH", "MEDIUM", "HIGH"),
                parse(lines).stream().map(l -> l.path("severity").asText()).toList());
    }

    /**
     * A feed restarted with its journal reads the directory again into a new graph and writes nothing it wrote
     * before; a group whose label changed meanwhile is written again. Ids are the same from run to run.
     */
    @Test
    void aRestartedFeedWithAJournalRepeatsNothing(@TempDir Path dir) throws IOException {
        Path logs = dir.resolve("logs");
        Path journal = dir.resolve("state/feed.journal");
        arrive(IncidentFiles.dir(), logs, Instant.MIN, Instant.MAX);
        List<String> first = new ArrayList<>();
        GeoTable places = facts.geoTable();
        SiemFeed.Builder builder = SiemFeed.builder(logs).region(facts.region()).maxScope(Duration.ofDays(14))
                .journal(journal);
        int written = builder.sink(first::add).graph(BehaviorGraph.builder().geoLocator(places).asnResolver(places)
                .build()).build().poll();
        assertTrue(written > 5, first.toString());
        assertEquals(written, Files.readAllLines(journal).size(), "one journal line per line written");

        List<String> again = new ArrayList<>();
        SiemFeed restarted = builder.sink(again::add).graph(BehaviorGraph.builder().geoLocator(places)
                .asnResolver(places).build()).build();
        assertEquals(0, restarted.poll(), again.toString());
        Files.writeString(logs.resolve("later.json"), findings(probe("b1", 9, "08"), probe("b2", 9, "09")));
        assertEquals(1, restarted.poll(), "the new finding's group, and nothing of the old: " + again);
        assertEquals("FINDING_GROUP", JSON.readTree(again.get(0)).path("kind").asText());

        List<String> forgetful = new ArrayList<>();
        SiemFeed.builder(logs).region(facts.region()).maxScope(Duration.ofDays(14)).sink(forgetful::add)
                .graph(BehaviorGraph.builder().geoLocator(places).asnResolver(places).build()).build().poll();
        List<String> ids = parse(first).stream().map(l -> l.path("id").asText()).toList();
        assertTrue(ids.stream().allMatch(id -> id.matches("[0-9a-f]{32}")), ids.toString());
        assertEquals(ids.size(), Set.copyOf(ids).size(), "one id per subject");
        assertTrue(parse(forgetful).stream().map(l -> l.path("id").asText()).toList().containsAll(ids),
                "a feed without journal writes it all again, with the same ids");
    }

    /** A journal line cut short by a crash is skipped; the lines before it still count. */
    @Test
    void aTornJournalLineIsSkipped(@TempDir Path dir) throws IOException {
        Path journal = dir.resolve("feed.journal");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("1.json"), findings(probe("a1", 5, "08"), probe("a2", 5, "09")));
        List<String> lines = new ArrayList<>();
        SiemFeed.builder(logs).sink(lines::add).journal(journal).build().poll();
        assertEquals(1, lines.size());
        // cut inside a character: the first byte of a two-byte é
        Files.write(journal, new byte[] {'{', '"', 'w', 'r', 'i', 't', 't', 'e', 'n', '"', ':', '"', 'c', 'a', 'f',
            (byte) 0xc3}, StandardOpenOption.APPEND);
        SiemFeed restarted = SiemFeed.builder(logs).sink(lines::add).journal(journal).build();
        assertEquals(0, restarted.poll(), lines.toString());
        Files.writeString(logs.resolve("2.json"), findings(probe("c1", 8, "12"), probe("c2", 8, "13")));
        assertEquals(1, restarted.poll(), "the new group, its journal entry on a line of its own");
        SiemFeed again = SiemFeed.builder(logs).sink(lines::add).journal(journal).build();
        assertEquals(0, again.poll(), "the entry after the torn line was kept: " + lines);
    }

    /** GuardDuty's GetFindings answer. */
    private static String findings(String... findings) {
        return "{\"Findings\":[" + String.join(",", findings) + "]}";
    }

    /** A port probe of one instance in the hour given, with a severity. */
    private static String probe(String id, int severity, String hour) {
        return ("{\"accountId\":\"123456789012\",\"id\":\"ID\",\"region\":\"us-east-1\",\"schemaVersion\":\"2.0\","
                + "\"type\":\"Recon:EC2/PortProbeUnprotectedPort\",\"title\":\"probed\",\"severity\":SEV,"
                + "\"createdAt\":\"2026-11-21THH:02:11Z\",\"updatedAt\":\"2026-11-21THH:02:11Z\","
                + "\"resource\":{\"resourceType\":\"Instance\",\"instanceDetails\":{\"instanceId\":"
                + "\"i-0f1e2d3c4b5a69788\"}},\"service\":{\"serviceName\":\"guardduty\",\"count\":1,"
                + "\"eventFirstSeen\":\"2026-11-21THH:00:00Z\",\"eventLastSeen\":\"2026-11-21THH:01:00Z\"}}")
                .replace("ID", id).replace("SEV", Integer.toString(severity)).replace("HH", hour);
    }

    /** One CloudTrail event of a day far ahead, as a broken clock or a forged record could date it. */
    private static final String FUTURE_EVENT = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\","
            + "\"principalId\":\"AIDAEXAMPLEFUTURE0001\",\"arn\":\"arn:aws:iam::111122223333:user/later\","
            + "\"accountId\":\"111122223333\",\"userName\":\"later\"},\"eventTime\":\"2099-01-01T00:00:00Z\","
            + "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"ListUsers\",\"awsRegion\":\"us-east-1\","
            + "\"sourceIPAddress\":\"203.0.113.7\",\"userAgent\":\"aws-cli/2.15.0\","
            + "\"eventID\":\"11111111-2222-3333-4444-555555555555\",\"eventType\":\"AwsApiCall\","
            + "\"recipientAccountId\":\"111122223333\"}\n";

    private static SiemFeed wholeIncident(Path dir, java.util.function.Consumer<String> sink) {
        GeoTable places = facts.geoTable();
        return SiemFeed.builder(dir).region(facts.region()).sink(sink).maxScope(Duration.ofDays(14))
                .graph(BehaviorGraph.builder().geoLocator(places).asnResolver(places).build()).build();
    }

    /** Brings the files whose date folder lies in [from, to) into the incoming folder, keeping their keys. */
    private static void arrive(Path source, Instant from, Instant to) throws IOException {
        arrive(source, incoming, from, to);
    }

    /** Brings the files whose date folder lies in [from, to) into a folder, keeping their keys. */
    private static void arrive(Path source, Path into, Instant from, Instant to) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher day = DAY.matcher(file.toString().replace('\\', '/'));
                if (!day.find()) {
                    throw new AssertionError("no date folder in " + file);
                }
                Instant date = LocalDate.of(Integer.parseInt(day.group(1)), Integer.parseInt(day.group(2)),
                        Integer.parseInt(day.group(3))).atStartOfDay(ZoneOffset.UTC).toInstant();
                if (!date.isBefore(from) && date.isBefore(to)) {
                    Path target = into.resolve(source.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.createLink(target, file); // as good as a copy for a reader, and no bytes to write
                }
            }
        }
    }

    private static List<JsonNode> parse(List<String> lines) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) {
            assertTrue(!line.contains("\n"), line);
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private static boolean kind(JsonNode line, String kind) {
        return line.path("kind").asText().equals(kind);
    }

    /** What a line is about, without its counts: kind, type, entity and the detail's identifying values. */
    private static String identity(JsonNode line) {
        return line.path("kind").asText() + " " + line.path("type").asText() + " " + line.path("entity").asText()
                + " " + line.path("detail").path("IndicatorDetail").toString().replaceAll("\"API\\w*Count\":\\d+", "")
                + " " + line.path("detail").path("eventName").asText() + line.path("detail").path("userAgent").asText();
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new java.util.LinkedHashSet<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
