package io.github.detective4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.enrich.Asn;
import io.github.detective4j.enrich.GeoTable;
import io.github.detective4j.enrich.Geolocation;
import io.github.detective4j.examples.incident.Facts;
import io.github.detective4j.examples.incident.Facts.Place;
import io.github.detective4j.examples.incident.Facts.Traffic;
import io.github.detective4j.examples.incident.IncidentFiles;
import io.github.detective4j.examples.incident.ReferenceIncident;
import io.github.detective4j.examples.testkit.Caller;
import io.github.detective4j.examples.testkit.Scenario;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demo's report in a real browser: headless Chromium opens the page {@code detective demo} writes, rendered from
 * the reference incident's files, and the test reads what the browser did and drew through the DevTools protocol.
 * Expected values are worked out from the incident's {@link Facts}; a second page from a small story carries a hostile
 * user agent, which must show as text and never run.
 */
@Timeout(120)
class IncidentReportTest {
    static final String HOSTILE = "\"><script>alert(1)</script>";

    static Facts facts;
    static Path dir;
    static Path page;
    static Path hostilePage;
    static Chromium browser;
    /** What the browser recorded while it loaded the incident's page. */
    static List<JsonNode> console;
    static List<JsonNode> exceptions;
    static List<JsonNode> log;
    static List<JsonNode> requests;
    static List<JsonNode> dialogs;
    static String dom;

    @BeforeAll
    static void openTheReport() throws IOException, InterruptedException {
        facts = ReferenceIncident.standard().facts();
        GeoTable places = facts.geoTable();
        BehaviorGraph graph = BehaviorGraph.builder().geoLocator(places).asnResolver(places).build();
        AwsLogs.read(IncidentFiles.dir().resolve("AWSLogs")).into(graph);
        DemoCommand.Walk walk = DemoCommand.walk(graph, places, new PrintWriter(Writer.nullWriter()));
        dir = Files.createTempDirectory("incident-report");
        page = dir.resolve("incident.html");
        DemoCommand.report().write(page, walk.answers().toArray());
        hostilePage = dir.resolve("hostile.html");
        hostileStory(hostilePage);

        browser = Chromium.start(1280, 1800);
        browser.open(page.toUri().toString());
        console = browser.events("Runtime.consoleAPICalled");
        exceptions = browser.events("Runtime.exceptionThrown");
        log = browser.events("Log.entryAdded");
        requests = browser.events("Network.requestWillBeSent");
        dialogs = browser.events("Page.javascriptDialogOpening");
        dom = browser.dom();
        browser.screenshot(Path.of("target", "incident-report.png"));
        browser.screenshot(Path.of("target", "incident-new-behavior.png"), "section.new-behavior");
    }

    @AfterAll
    static void closeTheBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void itLoadsWithoutErrorsOrRequests() throws IOException {
        assertEquals(List.of(), console, "no script, so nothing on the console");
        assertEquals(List.of(), exceptions);
        assertEquals(List.of(), log.stream().filter(e -> !e.path("entry").path("level").asText().equals("verbose"))
                .toList(), "no warnings or errors, such as a refused style or a blocked load");
        assertEquals(List.of(), dialogs);
        String self = page.toUri().toString();
        List<String> urls = requests.stream().map(r -> r.path("request").path("url").asText()).toList();
        assertTrue(urls.contains(self), "the page itself is requested: " + urls);
        assertEquals(List.of(), urls.stream().filter(u -> !u.equals(self) && !u.startsWith("data:")).toList(),
                "nothing but the file and data: URLs");
        assertTrue(dom.contains("http-equiv=\"Content-Security-Policy\""));
        for (String shot : List.of("incident-report.png", "incident-new-behavior.png")) {
            byte[] png = Files.readAllBytes(Path.of("target", shot));
            assertTrue(png.length > 20_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG: " + shot);
        }
    }

    @Test
    void theFindingsTimelineShowsTheMinersSteadyTrafficOverItsScope() {
        Traffic miner = facts.minerTraffic();
        String instance = miner.instanceId();
        String remote = miner.remoteIp();
        JsonNode chart = browser.evaluate("(() => { const svg = [...document.querySelectorAll('section.profile"
                + " div.remote-ip svg.timeline')].find(s => s.querySelector('title').textContent.includes('"
                + instance + " and " + remote + "')); const box = svg.getBoundingClientRect(); return {"
                + " width: box.width, height: box.height, first: svg.dataset.firstHour,"
                + " scope: [...svg.querySelectorAll('rect.scope')].map(r => [r.dataset.start, r.dataset.end,"
                + " r.getBBox().width]), series: Object.fromEntries([...svg.querySelectorAll('path.series')]"
                + ".map(p => [p.dataset.series, p.dataset.values.split(',').map(Number)])) }; })()");
        assertTrue(chart.get("width").asDouble() > 600 && chart.get("height").asDouble() > 100, chart.toString());
        ScopeTime scope = ScopeTime.of(miner.firstHour(), miner.lastHour().plus(ScopeTime.HOUR));
        assertEquals(scope.start().toString(), chart.get("first").asText(), "the finding's scope is the chart's");
        JsonNode shade = chart.get("scope").get(0);
        assertEquals(List.of(scope.start().toString(), scope.end().toString()),
                List.of(shade.get(0).asText(), shade.get(1).asText()));
        assertTrue(shade.get(2).asDouble() > 600, "the shading spans the chart: " + shade);
        assertEquals(Collections.nCopies((int) miner.hours(), miner.bytesInPerHour()), longs(chart.get("series")
                .get("bytes in")), "about 10 kB into the instance every hour");
        assertEquals(Collections.nCopies((int) miner.hours(), miner.bytesOutPerHour()), longs(chart.get("series")
                .get("bytes out")));
    }

    @Test
    void theInstancesTimelineShadesTheScopeAgainstItsContext() {
        Traffic miner = facts.minerTraffic();
        JsonNode chart = browser.evaluate("(() => { const s = [...document.querySelectorAll('section.profile')]"
                + ".find(s => s.querySelector('h2').textContent === 'Profile of Ec2Instance/"
                + miner.instanceId() + "'); const svg = s.querySelector('div.flows svg.timeline'); return {"
                + " first: svg.dataset.firstHour, start: svg.querySelector('rect.scope').dataset.start,"
                + " end: svg.querySelector('rect.scope').dataset.end, baselines: [...svg.querySelectorAll("
                + "'line.baseline')].map(l => l.dataset.baseline), in: svg.querySelector('path[data-series=\"bytes"
                + " in\"]').dataset.values.split(',').map(Number) }; })()");
        Instant first = Instant.parse(chart.get("first").asText());
        assertTrue(first.isBefore(miner.firstHour()), "the chart starts before the scope, for context");
        assertEquals(miner.firstHour().toString(), chart.get("start").asText());
        assertEquals(miner.lastHour().plus(ScopeTime.HOUR).toString(), chart.get("end").asText());
        assertEquals(List.of(), strings(chart.get("baselines")),
                "launched at the scope's start, the instance has no baseline: no average line at 0");
        List<Long> in = longs(chart.get("in"));
        int from = (int) Duration.between(first, miner.firstHour()).toHours();
        List<Long> scoped = in.subList(from, from + (int) miner.hours());
        assertTrue(scoped.stream().allMatch(b -> b >= miner.bytesInPerHour()), "the beacon's bytes in every hour,"
                + " with whatever else the instance received: " + scoped);
        assertTrue(in.subList(0, from).stream().allMatch(b -> b == 0), "nothing before the instance was launched");
    }

    @Test
    void theMapShowsTheNewPlaceAgainstTheKnownOnes() {
        JsonNode places = browser.evaluate("[...document.querySelectorAll('svg.world g.place')].map(g => ({"
                + " kind: g.dataset.kind, label: g.dataset.label, latitude: Number(g.dataset.latitude),"
                + " longitude: Number(g.dataset.longitude), drawn: g.querySelector('circle').getBBox().width }))");
        Place attacker = facts.place(facts.attackerIp()).orElseThrow();
        Set<String> newPlaces = new TreeSet<>();
        Set<String> knownPlaces = new TreeSet<>();
        for (JsonNode p : places) {
            assertTrue(p.get("drawn").asDouble() > 0, p.toString());
            String at = p.get("latitude").asDouble() + "," + p.get("longitude").asDouble();
            (p.get("kind").asText().equals("new") ? newPlaces : knownPlaces).add(at);
        }
        assertEquals(Set.of(attacker.latitude() + "," + attacker.longitude()), newPlaces, "Ashburn, new");
        Set<String> adminCities = facts.adminIps().stream().map(ip -> facts.place(ip).orElseThrow())
                .map(p -> p.latitude() + "," + p.longitude()).collect(Collectors.toCollection(TreeSet::new));
        assertFalse(knownPlaces.isEmpty());
        assertTrue(adminCities.containsAll(knownPlaces), "known places are where the admin user works from: "
                + knownPlaces + " of " + adminCities);
        assertTrue(dom.contains(attacker.city()) && dom.contains("(new)"));
    }

    @Test
    void theInvestigationsIndicatorsAreTabled() {
        JsonNode kinds = browser.evaluate("[...new Set([...document.querySelectorAll('section.investigation"
                + " tr[data-indicator]')].map(r => r.dataset.indicator))]");
        List<String> shown = strings(kinds);
        for (String expected : List.of("TTP_OBSERVED", "NEW_GEOLOCATION", "NEW_USER_AGENT", "RELATED_FINDING")) {
            assertTrue(shown.contains(expected), expected + " in " + shown);
        }
        JsonNode link = browser.evaluate("document.querySelector('section.investigation a[title=\"findings/"
                + facts.bitcoinFinding().id() + "\"]').getAttribute('href')");
        assertEquals("#" + browser.evaluate("document.querySelector('section.profile').id").asText(), link.asText(),
                "the related finding links to its profile on the page");
        assertTrue(dom.contains("https://console.aws.amazon.com/detective/home?region=" + facts.region()
                + "#entities/AwsUser/" + facts.adminUser().principalId()), "deep links into Detective");
    }

    @Test
    void aHostileUserAgentIsShownAsTextAndNeverRuns() {
        browser.clearEvents();
        browser.open(hostilePage.toUri().toString());
        try {
            assertEquals(List.of(), browser.events("Page.javascriptDialogOpening"), "no alert");
            assertEquals(List.of(), browser.events("Runtime.exceptionThrown"));
            assertEquals(0, browser.evaluate("document.scripts.length").asInt(), "no script element");
            assertEquals(0, browser.evaluate("document.querySelectorAll('[onerror],[onload],[onclick]').length")
                    .asInt());
            String text = browser.evaluate("document.body.innerText").asText();
            assertTrue(text.contains(HOSTILE), "shown as the text it is");
            String hostileDom = browser.dom();
            assertTrue(hostileDom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assertFalse(hostileDom.contains("<script>"));
            assertTrue(browser.evaluate("[...document.querySelectorAll('[title]')].some(e => e.title === 'UserAgent/'"
                    + " + " + json(HOSTILE) + ")").asBoolean(), "and as the attribute value it is");
        } finally { // back to the incident's page, for the tests that read it
            browser.open(page.toUri().toString());
            browser.clearEvents();
        }
    }

    /** Alice's month of routine, then a week with a new tool whose name is markup. */
    private static void hostileStory(Path file) throws IOException {
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        Scenario story = Scenario.startingAt(start)
                .place("153.156.88.21/32", new Geolocation("Tokyo", null, "JP", "Japan", 35.6895, 139.6917),
                        new Asn(4713, "NTT"))
                .place("44.212.19.33/32", new Geolocation("Ashburn", "Virginia", "US", "United States", 39.0437,
                        -77.4875), new Asn(14618, "AMAZON-AES"));
        Caller alice = story.user("alice").from("153.156.88.21").using("aws-cli/2.22.35");
        alice.calls("ec2", "DescribeInstances").every(Duration.ofHours(2)).during(Duration.ofDays(30));
        story.later(Duration.ofDays(30));
        Caller attacker = story.user("alice").from("44.212.19.33").using(HOSTILE);
        attacker.calls("iam", "ListUsers").every(Duration.ofHours(1)).times(5);
        BehaviorGraph graph = story.graph();
        ScopeTime week = ScopeTime.of(story.now(), story.now().plus(Duration.ofDays(7)));
        Report.builder().title("Alice's week " + HOSTILE).region("us-east-1").build().write(file,
                graph.profile(alice.ref(), week), graph.newBehavior(alice.ref(), week),
                graph.profile(EntityRef.userAgent(HOSTILE), week), graph.investigate(alice.ref(), week));
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asLong()));
        return values;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
