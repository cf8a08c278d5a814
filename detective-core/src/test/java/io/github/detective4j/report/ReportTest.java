package io.github.detective4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.model.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's markup as text: escaping per context, the policy's hash, the scales. Chromium's view is in examples. */
class ReportTest {
    static final String ACCOUNT = "111122223333";
    static final String HOSTILE_AGENT = "\"><script>alert(1)</script>";
    static final String HOSTILE_TITLE = "<img src=x onerror=alert(2)> & 'quoted'";
    static final String HOSTILE_DESCRIPTION = "API ListUsers was invoked from <b>a known malicious</b> IP address.";
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Principal ALICE = Principal.builder(PrincipalType.IAM_USER).principalId("AIDAJQABLZS4A3QDU576Q")
            .arn("arn:aws:iam::" + ACCOUNT + ":user/alice").accountId(ACCOUNT).userName("alice")
            .accessKeyId("AKIAIOSFODNN7EXAMPLE").build();
    static final EntityRef ALICE_REF = EntityRef.user("AIDAJQABLZS4A3QDU576Q");
    static final ScopeTime DAY = ScopeTime.of(T0.plusSeconds(20 * 86400), T0.plusSeconds(21 * 86400));

    /** Twenty days of hourly calls with the CLI, then a day with a hostile user agent and a hostile finding. */
    static BehaviorGraph graph() {
        BehaviorGraph graph = BehaviorGraph.create();
        for (int h = 0; h < 21 * 24; h++) {
            graph.accept(call(T0.plusSeconds(h * 3600L + 60), h >= 20 * 24 ? HOSTILE_AGENT : "aws-cli/2.13.5"));
        }
        graph.accept(Finding.builder().id("4eb1a5f2c01b9fe3a8c2d7e6b5a49f01").sourceProduct("GuardDuty")
                .type("Recon:IAMUser/MaliciousIPCaller").title(HOSTILE_TITLE).description(HOSTILE_DESCRIPTION)
                .severity(Severity.ofGuardDuty(5))
                .observed(DAY.start(), DAY.start().plusSeconds(7200)).updatedAt(DAY.start().plusSeconds(7200))
                .accountId(ACCOUNT).region("us-east-1").entities(List.of(ALICE_REF)).build());
        return graph;
    }

    static ApiCall call(Instant when, String agent) {
        return ApiCall.builder().eventTime(when).accountId(ACCOUNT).region("us-east-1").principal(ALICE)
                .eventSource("iam.amazonaws.com").eventName("ListUsers").sourceIpAddress("203.0.113.7")
                .userAgent(agent).build();
    }

    @Test
    void stringsFromLogsAreEscapedForWhereTheyGo() {
        BehaviorGraph graph = graph();
        String html = Report.builder().title("Alice " + HOSTILE_AGENT).build().render(
                graph.profile(ALICE_REF, DAY), graph.newBehavior(ALICE_REF, DAY),
                graph.profile(EntityRef.userAgent(HOSTILE_AGENT), DAY));
        assertFalse(html.contains("<script"), "no script element, whatever the logs held");
        assertFalse(html.contains("<img"));
        assertTrue(html.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "as text and attribute");
        assertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt; &amp; &#39;quoted&#39;"), "the finding title");
        assertTrue(html.contains("title=\"UserAgent/&quot;&gt;&lt;script&gt;"), "inside a quoted attribute");
        String finding = Report.builder().build().render(graph.profile(
                EntityRef.finding("4eb1a5f2c01b9fe3a8c2d7e6b5a49f01")));
        assertTrue(finding.contains("<th>description</th><td>API ListUsers was invoked from &lt;b&gt;a known"
                + " malicious&lt;/b&gt; IP address.</td>"), "the finding's description, as text");
        Matcher ids = Pattern.compile(" id=\"([^\"]*)\"").matcher(html);
        while (ids.find()) {
            assertTrue(ids.group(1).matches("[a-z-]+-[0-9a-f]{12}(-[0-9]+)?"), "ids are hashes: " + ids.group(1));
        }
    }

    @Test
    void controlAndBidiCharactersShowAsEscapes() {
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(call(DAY.start(), "aws-cli\u202e/1.0\u0007"));
        String html = Report.builder().build().render(graph.newBehavior(ALICE_REF, DAY));
        assertFalse(html.contains("\u202e") || html.contains("\u0007"));
        assertTrue(html.contains("aws-cli\\u202e/1.0\\u0007"), "as the library's text tables show them");
    }

    @Test
    void thePolicyAllowsTheStyleSheetByItsHashAndNothingElse() {
        String html = Report.builder().build().render(graph().profile(ALICE_REF, DAY));
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
        assertTrue(style.find());
        String hash = Base64.getEncoder().encodeToString(Hashing.sha256()
                .hashString(style.group(1), StandardCharsets.UTF_8).asBytes());
        assertTrue(html.contains("content=\"default-src &#39;none&#39;; style-src &#39;sha256-" + hash + "&#39;;"),
                "the hash of the style sheet as written");
        assertTrue(html.indexOf("Content-Security-Policy") < html.indexOf("<style>"), "the policy comes first");
        assertFalse(html.contains(" style=\""), "no style attribute, which the policy would refuse");
    }

    @Test
    void timelinesShadeTheScopeAndCarryTheirValues() {
        BehaviorGraph graph = graph();
        String linear = Report.builder().build().render(graph.profile(ALICE_REF, DAY));
        assertTrue(linear.contains("data-start=\"" + DAY.start() + "\" data-end=\"" + DAY.end() + "\""));
        Matcher first = Pattern.compile("data-first-hour=\"([^\"]*)\"").matcher(linear);
        Matcher success = Pattern.compile("data-series=\"successful calls\" data-values=\"([0-9,]*)\"")
                .matcher(linear);
        assertTrue(first.find() && success.find());
        List<String> values = List.of(success.group(1).split(","));
        int data = (int) ((DAY.end().getEpochSecond() - Instant.parse(first.group(1)).getEpochSecond()) / 3600);
        assertTrue(data > DAY.hours(), "context before the scope");
        assertEquals(Collections.nCopies(data, "1"), values.subList(0, data), "one call an hour");
        assertTrue(values.subList(data, values.size()).stream().allMatch(v -> v.equals("0")), "none after the data");
        assertTrue(linear.contains("data-baseline=\"successful calls\" data-value=\"1.0\""), "the baseline average");
        assertTrue(linear.contains("data-scale=\"linear\""));
        String log = Report.builder().scale(Report.Scale.LOG).build().render(graph.profile(ALICE_REF, DAY));
        assertTrue(log.contains("data-scale=\"log\""));
        assertTrue(log.contains(">10</text>"), "log ticks are powers of ten");
    }

    @Test
    void consoleLinksOnlyWithARegion() {
        BehaviorGraph graph = graph();
        String without = Report.builder().build().render(graph.profile(ALICE_REF, DAY));
        assertFalse(without.contains("https://"));
        String with = Report.builder().region("eu-west-1").build().render(graph.profile(ALICE_REF, DAY));
        assertTrue(with.contains("https://console.aws.amazon.com/detective/home?region=eu-west-1#entities/AwsUser/"
                + ALICE_REF.id() + "?scopeStart=" + DAY.start().getEpochSecond() + "&amp;scopeEnd="
                + DAY.end().getEpochSecond()));
    }

    @Test
    void onlyAnswersRender() {
        Report report = Report.builder().build();
        assertThrows(IllegalArgumentException.class, report::render);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> report.render("text"));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
        assertThrows(NullPointerException.class, () -> report.render((Object) null));
    }

    @Test
    void bytesReadInSiUnits() {
        assertEquals("10 kB", Quantities.bytes(10_000));
        assertEquals("2.1 MB", Quantities.bytes(2_120_000));
        assertEquals("0 B", Quantities.bytes(0));
        assertEquals("1,234", Quantities.count(1234));
        assertEquals("1.0 MB", Quantities.bytes(999_950), "rounded before the unit is chosen, not 1000.0 kB");
        assertEquals("9.2 EB", Quantities.bytes(Long.MAX_VALUE));
        assertEquals("0 B", Quantities.bytes(-0.0));
        assertEquals("0.0", Quantities.count(-0.04));
        assertEquals("9,223,372,036,854,775,807", Quantities.count(Long.MAX_VALUE), "exact, not through a double");
    }

    @Test
    void placeLabelsStayOnThePlot() {
        Html html = new Html();
        WorldPlot.render(html, "places", List.of(new WorldPlot.Place("Longyearbyen, Svalbard", 90, 15, true, 3),
                new WorldPlot.Place("Novosibirsk, Novosibirsk Oblast, RU", 55, 83, false, 40)));
        Matcher labels = Pattern.compile("<text class=\"place-label\" x=\"([0-9.]+)\" y=\"([0-9.]+)\""
                + " text-anchor=\"(\\w+)\">([^<]*)</text>").matcher(html.toString());
        java.util.Map<String, String[]> byLabel = new java.util.HashMap<>();
        while (labels.find()) {
            byLabel.put(labels.group(4), new String[] {labels.group(2), labels.group(3)});
        }
        assertTrue(Double.parseDouble(byLabel.get("Longyearbyen, Svalbard (new)")[0]) >= 12, "not above the plot");
        assertEquals("end", byLabel.get("Novosibirsk, Novosibirsk Oblast, RU")[1],
                "a long label that would leave the plot to the right goes to the left");
    }

    @Test
    void longIdsAreShortenedInTablesAndWholeInTheirTitle() {
        String padded = "aws-cli/2.15.0 " + "x".repeat(400);
        assertEquals(200, Page.shortened(padded).length());
        assertTrue(Page.shortened(padded).endsWith("\u2026"));
        assertEquals("aws-cli/2.15.0", Page.shortened("aws-cli/2.15.0"));
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(call(T0.plusSeconds(20 * 86400 + 60), padded));
        String html = Report.builder().build().render(graph.newBehavior(ALICE_REF, DAY));
        assertTrue(html.contains("title=\"UserAgent/" + padded + "\""), "whole in the title");
        assertFalse(html.contains(">" + padded + "<"), "not whole in the text");
    }

    /** Weekly ticks fall on Mondays, not on the Thursdays the epoch's hours would give. */
    @Test
    void weeklyTicksAreMondays() {
        Instant wednesday = Instant.parse("2026-09-02T00:00:00Z");
        Timeline weeks = new Timeline("calls", wednesday, ScopeTime.of(wednesday, wednesday.plusSeconds(86400)),
                List.of(new Timeline.Series("calls", "success", new long[60 * 24])), List.of(), Timeline.Unit.CALLS,
                Report.Scale.LINEAR);
        Html html = new Html();
        weeks.render(html);
        Matcher dates = Pattern.compile(">(\\d{4}-\\d{2}-\\d{2})</text>").matcher(html.toString());
        int found = 0;
        while (dates.find()) {
            assertEquals(java.time.DayOfWeek.MONDAY, java.time.LocalDate.parse(dates.group(1)).getDayOfWeek(),
                    dates.group(1));
            found++;
        }
        assertTrue(found >= 7, html.toString());
    }

    /** A chart of one hour (a finding seen within one) draws its value, and on a log scale one stands above none. */
    @Test
    void aOneHourChartDrawsItsHourAndTheLogScaleTellsOneFromNone() {
        Timeline oneHour = new Timeline("bytes", DAY.start(), ScopeTime.of(DAY.start(), DAY.start().plusSeconds(3600)),
                List.of(new Timeline.Series("bytes out", "outbound", new long[] {30_000})), List.of(),
                Timeline.Unit.BYTES, Report.Scale.LINEAR);
        Html html = new Html();
        oneHour.render(html);
        Matcher path = Pattern.compile(" d=\"([^\"]*)\"").matcher(html.toString());
        assertTrue(path.find() && path.group(1).contains("L"), "a segment, not a lone point: " + html);

        Timeline log = new Timeline("calls", DAY.start(), DAY, List.of(new Timeline.Series("calls", "success",
                new long[] {0, 1, 10})), List.of(), Timeline.Unit.CALLS, Report.Scale.LOG);
        Html logHtml = new Html();
        log.render(logHtml);
        Matcher points = Pattern.compile(" d=\"M[0-9.]+ ([0-9.]+)L[0-9.]+ ([0-9.]+)L").matcher(logHtml.toString());
        assertTrue(points.find(), logHtml.toString());
        assertTrue(Double.parseDouble(points.group(2)) < Double.parseDouble(points.group(1)), "1 above 0");
        assertTrue(logHtml.toString().contains(">0</text>"), "zero has its tick");
    }
}
