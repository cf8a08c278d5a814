package io.github.detective4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import io.github.detective4j.behavior.KnownGeolocation;
import io.github.detective4j.behavior.NewApiCall;
import io.github.detective4j.behavior.NewAso;
import io.github.detective4j.behavior.NewBehavior;
import io.github.detective4j.behavior.NewGeolocation;
import io.github.detective4j.behavior.NewUserAgent;
import io.github.detective4j.behavior.VolumeIncrease;
import io.github.detective4j.console.DetectiveConsole;
import io.github.detective4j.groups.FindingGroup;
import io.github.detective4j.investigation.Indicator;
import io.github.detective4j.investigation.Investigation;
import io.github.detective4j.investigation.RelatedFinding;
import io.github.detective4j.investigation.RelatedFindingGroup;
import io.github.detective4j.json.DetectiveJson;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.NetworkFlow;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.profile.ApiCallVolume;
import io.github.detective4j.profile.CallRow;
import io.github.detective4j.profile.CommunicatingInstances;
import io.github.detective4j.profile.Details;
import io.github.detective4j.profile.DistinctCounts;
import io.github.detective4j.profile.EntityActivity;
import io.github.detective4j.profile.FindingOverview;
import io.github.detective4j.profile.FindingSummary;
import io.github.detective4j.profile.FindingsPanel;
import io.github.detective4j.profile.FlowRow;
import io.github.detective4j.profile.FlowVolume;
import io.github.detective4j.profile.HourlyCalls;
import io.github.detective4j.profile.HourlyDistinct;
import io.github.detective4j.profile.HourlyTraffic;
import io.github.detective4j.profile.InstanceTraffic;
import io.github.detective4j.profile.PairTraffic;
import io.github.detective4j.profile.Panel;
import io.github.detective4j.profile.Profile;
import io.github.detective4j.profile.RemoteIpTraffic;
import io.github.detective4j.profile.ResourceInteraction;
import io.github.detective4j.profile.SessionActivity;
import io.github.detective4j.profile.SessionStart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/** One report page: the sections of the answers given, their anchors, and the links between them. */
final class Page {
    /** The longest id a table shows whole; the title attribute holds every id whole. */
    static final int SHOWN_ID_CHARS = 200;
    /** Rows shown per table; the JSON of an answer has them all. */
    static final int MAX_ROWS = 50;
    /** Drill-downs with more rows than this start closed, so that the timelines stay near each other. */
    private static final int OPEN_ROWS = 15;
    private static final ObjectMapper JSON = DetectiveJson.mapper();

    private final String title;
    private final Report.Scale scale;
    private final Optional<DetectiveConsole> console;
    private final List<Object> answers;
    /** The section of each answer, by position. */
    private final List<String> ids = new ArrayList<>();
    /** The first section about each entity: where links to it lead. */
    private final Map<EntityRef, String> sectionOf = new HashMap<>();
    private final Html html = new Html();

    Page(String title, Report.Scale scale, Optional<DetectiveConsole> console, List<Object> answers) {
        this.title = title;
        this.scale = scale;
        this.console = console;
        this.answers = answers;
        Map<String, Integer> used = new HashMap<>();
        for (Object answer : answers) {
            String id = anchor(kind(answer), key(answer), used);
            ids.add(id);
            subject(answer).ifPresent(entity -> sectionOf.putIfAbsent(entity, id));
        }
    }

    String html() {
        html.markup("<!DOCTYPE html>\n");
        html.open("html", "lang", "en").open("head");
        html.empty("meta", "charset", "utf-8");
        // First in the head, so that it governs everything after it: nothing may be fetched, nothing run.
        html.empty("meta", "http-equiv", "Content-Security-Policy", "content", "default-src 'none'; style-src '"
                + Style.HASH + "'; img-src data:; base-uri 'none'; form-action 'none'");
        html.empty("meta", "name", "referrer", "content", "no-referrer");
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        html.empty("meta", "name", "generator", "content", "detective4j");
        html.element("title", title);
        // An empty icon, so that a browser does not ask for /favicon.ico.
        html.empty("link", "rel", "icon", "href", "data:,");
        html.open("style").markup(Style.CSS).close("style");
        html.close("head").open("body");
        html.open("header").element("h1", title);
        html.element("p", "detective4j report. Times are UTC; hourly series count each hour from its start; bytes in SI"
                + " units (1 kB = 1,000 bytes).", "class", "note");
        contents();
        html.close("header").open("main");
        for (int i = 0; i < answers.size(); i++) {
            Object answer = answers.get(i);
            html.open("section", "id", ids.get(i), "class", kind(answer));
            if (answer instanceof Profile p) {
                profile(p);
            } else if (answer instanceof NewBehavior nb) {
                newBehavior(nb);
            } else if (answer instanceof Investigation inv) {
                investigation(inv);
            } else {
                group((FindingGroup) answer);
            }
            html.close("section");
        }
        html.close("main").close("body").close("html");
        return html.toString();
    }

    // ---------------------------------------------------------------- sections and anchors

    private static String kind(Object answer) {
        if (answer instanceof Profile) {
            return "profile";
        }
        if (answer instanceof NewBehavior) {
            return "new-behavior";
        }
        return answer instanceof Investigation ? "investigation" : "finding-group";
    }

    private static String key(Object answer) {
        if (answer instanceof Profile p) {
            return p.entity() + " " + p.scope();
        }
        if (answer instanceof NewBehavior nb) {
            return nb.entity() + " " + nb.scope();
        }
        return answer instanceof Investigation inv ? inv.investigationId() : ((FindingGroup) answer).id();
    }

    /** The entity a section is about, when links to that entity should lead to it. */
    private static Optional<EntityRef> subject(Object answer) {
        if (answer instanceof Profile p) {
            return Optional.of(p.entity());
        }
        return answer instanceof FindingGroup g ? Optional.of(g.ref()) : Optional.empty();
    }

    /** A fragment made of a hash: ids from logs (user agents with spaces, quotes) never reach an id attribute. */
    private static String anchor(String kind, String key, Map<String, Integer> used) {
        String id = kind + "-" + Hashing.sha256().hashString(key, StandardCharsets.UTF_8).toString().substring(0, 12);
        int n = used.merge(id, 1, Integer::sum);
        return n == 1 ? id : id + "-" + n;
    }

    private static String heading(Object answer) {
        if (answer instanceof Profile p) {
            return "Profile of " + p.entity();
        }
        if (answer instanceof NewBehavior nb) {
            return "New behavior of " + nb.entity();
        }
        if (answer instanceof Investigation inv) {
            return "Investigation of " + inv.entity() + ": " + inv.severity();
        }
        FindingGroup g = (FindingGroup) answer;
        return "Finding group " + g.id() + ": " + g.title();
    }

    private void contents() {
        html.open("nav").element("h2", "Contents").open("ol");
        for (int i = 0; i < answers.size(); i++) {
            html.open("li").element("a", heading(answers.get(i)), "href", "#" + ids.get(i)).close("li");
        }
        html.close("ol").close("nav");
    }

    /** An entity as a cell: its id, linked to its section on this page and into the console when there are. */
    private void entity(EntityRef ref, ScopeTime scope) {
        if (ref == null) {
            html.text("(other)");
            return;
        }
        String section = sectionOf.get(ref);
        String shown = shortened(ref.id()); // the whole id stays in the title, on hover
        if (section == null) {
            html.element("span", shown, "title", ref.toString());
        } else {
            html.element("a", shown, "href", "#" + section, "title", ref.toString());
        }
        if (console.isPresent() && ref.type() != EntityType.FINDING && ref.type() != EntityType.FINDING_GROUP) {
            outLink("\u2197", console.get().entity(ref, scope));
        }
    }

    /**
     * An id as a table shows it: whole up to {@value #SHOWN_ID_CHARS} chars, else its start and an ellipsis. A user
     * agent can be 4,096 chars, padded by whoever sent it, and would otherwise fill the page wherever it is named.
     */
    static String shortened(String id) {
        if (id.length() <= SHOWN_ID_CHARS) {
            return id;
        }
        int end = SHOWN_ID_CHARS - 1;
        if (Character.isHighSurrogate(id.charAt(end - 1))) {
            end--; // never half a character
        }
        return id.substring(0, end) + "\u2026";
    }

    private void outLink(String text, String url) {
        html.element("a", text, "class", "out", "href", url, "rel", "noopener noreferrer", "target", "_blank",
                "title", "open in the Amazon Detective console");
    }

    private void sectionHeading(Object answer, String scopeText, EntityRef ref, ScopeTime scope) {
        html.element("h2", heading(answer));
        html.open("p", "class", "scope").text(scopeText);
        if (console.isPresent() && ref != null && ref.type() != EntityType.FINDING
                && ref.type() != EntityType.FINDING_GROUP) {
            html.text(" ");
            outLink("Open in Amazon Detective \u2197", console.get().entity(ref, scope));
        }
        html.close("p");
    }

    // ---------------------------------------------------------------- profiles

    private void profile(Profile p) {
        sectionHeading(p, "Scope " + p.scope() + (p.inTraining()
                ? " (in training: less than the training period of data before the scope)" : ""), p.entity(),
                p.scope());
        for (Panel panel : p.panels()) {
            if (panel instanceof Details d) {
                details(d, p.scope());
            } else if (panel instanceof FindingsPanel f) {
                findings(f, p.scope());
            } else if (panel instanceof ApiCallVolume v) {
                apiCalls(v);
            } else if (panel instanceof FlowVolume v) {
                flows(v);
            } else if (panel instanceof DistinctCounts d) {
                distinct(d);
            } else if (panel instanceof CommunicatingInstances c) {
                instances(c);
            } else if (panel instanceof ResourceInteraction r) {
                interaction(r);
            } else if (panel instanceof SessionActivity a) {
                sessions(a);
            } else if (panel instanceof FindingOverview f) {
                finding(f, p.scope());
            } else if (panel instanceof RemoteIpTraffic r) {
                remoteIp(r);
            }
        }
    }

    private void details(Details d, ScopeTime scope) {
        html.open("div", "class", "panel details").element("h3", "Details");
        if (!d.observed()) {
            html.element("p", "Never observed in the data read.");
        }
        html.open("table", "class", "fields").open("tbody");
        field("first observed", d.firstObserved());
        field("last observed", d.lastObserved());
        field("account", d.accountId());
        field("ARN", d.arn());
        field("name", d.name());
        field("principal type", d.principalType());
        entityField("role", d.role(), scope);
        entityField("created by", d.createdBy(), scope);
        field("created at", d.createdAt());
        field("region", d.region());
        field("VPC", d.vpcId());
        field("subnet", d.subnetId());
        field("network interfaces", d.networkInterfaces().isEmpty() ? null : String.join(", ",
                d.networkInterfaces()));
        field("private IPs", d.privateIpAddresses().isEmpty() ? null : String.join(", ", d.privateIpAddresses()));
        html.close("tbody").close("table").close("div");
    }

    private void field(String name, Object value) {
        if (value != null) {
            html.open("tr").element("th", name).element("td", value).close("tr");
        }
    }

    private void entityField(String name, EntityRef value, ScopeTime scope) {
        if (value != null) {
            html.open("tr").element("th", name).open("td");
            entity(value, scope);
            html.close("td").close("tr");
        }
    }

    private void findings(FindingsPanel f, ScopeTime scope) {
        html.open("div", "class", "panel findings").element("h3", "Findings");
        html.element("p", "Overlapping " + f.window(), "class", "scope");
        if (f.findings().isEmpty()) {
            html.element("p", "None.").close("div");
            return;
        }
        headers("severity", "type", "title", "first observed", "last observed", "state", "finding");
        for (FindingSummary s : capped(f.findings())) {
            html.open("tr");
            severity(s.severity().label().name(), s.severity().toString());
            html.element("td", s.type()).element("td", s.title(), "class", "text").element("td", s.firstObserved())
                    .element("td", s.lastObserved()).element("td", s.archived() ? "archived" : "active");
            html.open("td");
            entity(s.finding(), scope);
            html.close("td").close("tr");
        }
        endTable(f.findings().size());
        html.close("div");
    }

    private void apiCalls(ApiCallVolume v) {
        html.open("div", "class", "panel api-calls").element("h3", "Overall API call volume");
        if (v.hours().stream().allMatch(h -> h.total() == 0) && v.baseline().activeHours() == 0) {
            html.element("p", "No API calls around the scope or in the baseline.").close("div");
            return;
        }
        if (!v.hours().isEmpty()) {
            new Timeline("API calls per hour", v.hours().get(0).hour(), v.scope(), List.of(
                    series("successful calls", "success", v.hours(), HourlyCalls::success),
                    series("failed calls", "failure", v.hours(), HourlyCalls::failure)),
                    v.baseline().activeHours() == 0 ? List.of() : List.of( // no baseline is not an average of 0
                    new Timeline.Level("successful calls", "success", v.baseline().averageSuccess()),
                    new Timeline.Level("failed calls", "failure", v.baseline().averageFailure())),
                    Timeline.Unit.CALLS, scale).render(html);
        }
        html.element("p", String.format(Locale.ROOT, "Scope: %,d calls (%,d failed) in %,d active hours. Baseline:"
                + " %s calls per active hour over %,d active hours of %s. Change: %s.", v.total(), v.failure(),
                v.activeHours(), Quantities.count(v.baseline().average()), v.baseline().activeHours(),
                v.baseline().window(), percent(v.percentChange())));
        boolean open = true;
        for (Map.Entry<String, List<CallRow>> drill : drillDowns(v).entrySet()) {
            List<CallRow> rows = drill.getValue();
            if (rows.isEmpty()) {
                continue;
            }
            html.open("details", "class", "drill-down", "open", open && rows.size() <= OPEN_ROWS ? "" : null);
            html.element("summary", drill.getKey() + " (" + rows.size() + " rows)");
            headers(drill.getKey(), "success", "failure");
            for (CallRow row : capped(rows)) {
                html.open("tr").open("td");
                if (row.children().isEmpty()) {
                    callKey(row, v.scope());
                } else {
                    html.open("details").open("summary");
                    callKey(row, v.scope());
                    html.text(" (" + row.children().size() + ")").close("summary");
                    html.open("table", "class", "inner").open("tbody");
                    for (CallRow child : capped(row.children())) {
                        html.open("tr").open("td");
                        callKey(child, v.scope());
                        html.close("td");
                        number(child.success());
                        number(child.failure());
                        html.close("tr");
                    }
                    endTable(row.children().size());
                    html.close("details");
                }
                html.close("td");
                number(row.success());
                number(row.failure());
                html.close("tr");
            }
            endTable(rows.size());
            html.close("details");
            open = false;
        }
        if (v.truncated()) {
            html.element("p", "Drill-downs capped: the (other) rows sum the rest.", "class", "note");
        }
        html.close("div");
    }

    private static Map<String, List<CallRow>> drillDowns(ApiCallVolume v) {
        Map<String, List<CallRow>> drill = new LinkedHashMap<>();
        drill.put("by IP address, then API method", v.byIpAddress());
        drill.put("by API method", v.byApiMethod());
        drill.put("by resource", v.byResource());
        drill.put("by access key", v.byAccessKey());
        drill.put("by principal", v.byPrincipal());
        drill.put("by user agent", v.byUserAgent());
        return drill;
    }

    private void callKey(CallRow row, ScopeTime scope) {
        if (row.entity() != null) {
            entity(row.entity(), scope);
        } else {
            html.text(row.key());
        }
    }

    private void flows(FlowVolume v) {
        html.open("div", "class", "panel flows").element("h3", "Overall VPC flow volume");
        if (!v.hours().isEmpty()) {
            new Timeline("VPC flow bytes per hour", v.hours().get(0).hour(), v.scope(), List.of(
                    series("bytes in", "inbound", v.hours(), HourlyTraffic::bytesIn),
                    series("bytes out", "outbound", v.hours(), HourlyTraffic::bytesOut)),
                    v.baseline().activeHours() == 0 ? List.of() : List.of(
                    new Timeline.Level("bytes in", "inbound", v.baseline().averageBytesIn()),
                    new Timeline.Level("bytes out", "outbound", v.baseline().averageBytesOut())),
                    Timeline.Unit.BYTES, scale).render(html);
        }
        html.element("p", String.format(Locale.ROOT, "Scope: %s in, %s out in %,d active hours. Baseline: %s in and"
                + " %s out per active hour over %,d active hours of %s. Change: %s in, %s out.",
                Quantities.bytes(v.bytesIn()), Quantities.bytes(v.bytesOut()), v.activeHours(),
                Quantities.bytes(v.baseline().averageBytesIn()), Quantities.bytes(v.baseline().averageBytesOut()),
                v.baseline().activeHours(), v.baseline().window(), percent(v.percentChangeIn()),
                percent(v.percentChangeOut())));
        if (!v.rows().isEmpty()) {
            html.open("details", "class", "drill-down", "open", v.rows().size() <= OPEN_ROWS ? "" : null);
            html.element("summary", "by peer, ports and protocol (" + v.rows().size() + " rows)");
            headers("peer", "local port", "remote port", "protocol", "bytes in", "bytes out", "accepted",
                    "rejected");
            for (FlowRow r : capped(v.rows())) {
                html.open("tr").open("td");
                entity(r.peer(), v.scope());
                html.close("td").element("td", r.localPort(), "class", "num").element("td", r.remotePort(), "class",
                        "num").element("td", protocol(r.protocol()));
                number(r.bytesIn());
                number(r.bytesOut());
                number(r.accepted());
                number(r.rejected());
                html.close("tr");
            }
            endTable(v.rows().size());
            html.close("details");
        }
        if (v.truncated()) {
            html.element("p", "Drill-down capped: the row without a peer sums the rest.", "class", "note");
        }
        html.close("div");
    }

    private void distinct(DistinctCounts d) {
        html.open("div", "class", "panel distinct").element("h3", "Distinct ports and peers");
        if (!d.hours().isEmpty()) {
            new Timeline("distinct values per hour", d.hours().get(0).hour(), d.scope(), List.of(
                    series("local ports", "local", d.hours(), HourlyDistinct::localPorts),
                    series("remote ports", "remote", d.hours(), HourlyDistinct::remotePorts),
                    series("inbound peers", "inbound", d.hours(), HourlyDistinct::inboundPeers),
                    series("outbound peers", "outbound", d.hours(), HourlyDistinct::outboundPeers)), List.of(),
                    Timeline.Unit.COUNT, scale).render(html);
        }
        if (d.approximate()) {
            html.element("p", "Drill-down capped: the counts are lower bounds.", "class", "note");
        }
        html.close("div");
    }

    private void instances(CommunicatingInstances c) {
        html.open("div", "class", "panel instances").element("h3", "EC2 instances communicating");
        if (c.instances().isEmpty()) {
            html.element("p", "None.");
        } else {
            headers("instance", "first observed", "last observed", "bytes to instance", "bytes from instance",
                    "active hours", "beacon score");
            for (InstanceTraffic i : capped(c.instances())) {
                html.open("tr").open("td");
                entity(i.instance(), c.scope());
                html.close("td").element("td", i.firstObserved()).element("td", i.lastObserved());
                number(i.bytesToInstance());
                number(i.bytesFromInstance());
                number(i.activeHours());
                html.element("td", i.beacon().label(), "class", "num");
                html.close("tr");
            }
            endTable(c.instances().size());
        }
        relationshipsCapped(c.truncated());
        html.close("div");
    }

    private void interaction(ResourceInteraction r) {
        html.open("div", "class", "panel interaction").element("h3", "Resource interaction");
        if (r.principals().isEmpty() && r.userAgents().isEmpty() && r.ipAddresses().isEmpty()) {
            html.element("p", "None.");
        }
        activity("principal", r.principals(), r.scope());
        activity("user agent", r.userAgents(), r.scope());
        activity("IP address", r.ipAddresses(), r.scope());
        relationshipsCapped(r.truncated());
        html.close("div");
    }

    private void sessions(SessionActivity a) {
        html.open("div", "class", "panel sessions").element("h3", "Sessions");
        if (a.started().isEmpty() && a.startedHere().isEmpty() && a.startedBy().isEmpty()) {
            html.element("p", "None.");
        }
        sessions("sessions of this role", "session calls", a.started(), a.scope());
        sessions("sessions started", "start calls", a.startedHere(), a.scope());
        sessions("started by", "start calls", a.startedBy(), a.scope());
        html.close("div");
    }

    private void sessions(String caption, String calls, List<SessionStart> rows, ScopeTime scope) {
        if (rows.isEmpty()) {
            return;
        }
        html.element("h4", caption);
        headers("session", "started by", "role", calls + " ok", "failed", "first observed", "last observed");
        for (SessionStart s : capped(rows)) {
            html.open("tr").open("td");
            entity(s.session(), scope);
            html.close("td").open("td");
            if (s.startedBy() == null) {
                html.text("(not in the data)");
            } else {
                entity(s.startedBy(), scope);
            }
            html.close("td").open("td");
            if (s.role() != null) {
                entity(s.role(), scope);
            }
            html.close("td");
            number(s.success());
            number(s.failure());
            html.element("td", s.firstObserved()).element("td", s.lastObserved()).close("tr");
        }
        endTable(rows.size());
    }

    /** The note under a list a relationship cap may have cut. */
    private void relationshipsCapped(boolean truncated) {
        if (truncated) {
            html.element("p", "Relationships capped: some entities may be missing.", "class", "note");
        }
    }

    private void activity(String heading, List<EntityActivity> rows, ScopeTime scope) {
        if (rows.isEmpty()) {
            return;
        }
        headers(heading, "success", "failure", "first observed", "last observed");
        for (EntityActivity a : capped(rows)) {
            html.open("tr").open("td");
            entity(a.entity(), scope);
            html.close("td");
            number(a.success());
            number(a.failure());
            html.element("td", a.firstObserved()).element("td", a.lastObserved()).close("tr");
        }
        endTable(rows.size());
    }

    private void finding(FindingOverview o, ScopeTime scope) {
        Finding f = o.finding();
        html.open("div", "class", "panel finding").element("h3", "Finding");
        html.open("table", "class", "fields").open("tbody");
        field("type", f.type());
        field("title", f.title());
        field("description", f.description()); // escaped as any text from the logs
        html.open("tr").element("th", "severity");
        severity(f.severity().label().name(), f.severity().toString());
        html.close("tr");
        field("product", f.sourceProduct());
        field("first observed", f.firstObserved());
        field("last observed", f.lastObserved());
        field("count", f.count());
        field("account", f.accountId());
        field("region", f.region());
        field("state", f.archived() ? "archived" : "active");
        field("id", f.id());
        console.flatMap(c -> c.finding(f)).ifPresent(url -> {
            html.open("tr").element("th", "console").open("td");
            outLink("Open in Amazon Detective \u2197", url);
            html.close("td").close("tr");
        });
        for (EntityRef e : o.involvedEntities()) {
            entityField("involves", e, scope);
        }
        html.close("tbody").close("table").close("div");
    }

    private void remoteIp(RemoteIpTraffic r) {
        html.open("div", "class", "panel remote-ip").element("h3", "VPC flows with the remote IP");
        if (r.pairs().isEmpty()) {
            html.element("p", "None.").close("div");
            return;
        }
        headers("instance", "remote IP", "active hours", "bytes in", "bytes out", "in per active hour",
                "out per active hour", "beacon score");
        for (PairTraffic p : capped(r.pairs())) {
            html.open("tr").open("td");
            entity(p.instance(), r.scope());
            html.close("td").open("td");
            entity(p.remoteIp(), r.scope());
            html.close("td");
            number(p.activeHours());
            html.element("td", Quantities.bytes(p.bytesIn()), "class", "num")
                    .element("td", Quantities.bytes(p.bytesOut()), "class", "num")
                    .element("td", Quantities.bytes(p.averageBytesInPerHour()), "class", "num")
                    .element("td", Quantities.bytes(p.averageBytesOutPerHour()), "class", "num")
                    .element("td", p.beacon().label(), "class", "num").close("tr");
        }
        endTable(r.pairs().size());
        for (PairTraffic p : capped(r.pairs())) {
            if (p.hours().isEmpty()) {
                continue;
            }
            html.element("h4", p.instance().id() + " with " + p.remoteIp().id());
            new Timeline("bytes per hour between " + p.instance().id() + " and " + p.remoteIp().id(),
                    p.hours().get(0).hour(), r.scope(), List.of(
                    series("bytes in", "inbound", p.hours(), HourlyTraffic::bytesIn),
                    series("bytes out", "outbound", p.hours(), HourlyTraffic::bytesOut)), List.of(),
                    Timeline.Unit.BYTES, scale).render(html);
        }
        html.close("div");
    }

    // ---------------------------------------------------------------- new behavior

    private void newBehavior(NewBehavior nb) {
        sectionHeading(nb, "Scope " + nb.scope() + " against the baseline " + nb.baseline().window()
                + (nb.baseline().inTraining() ? " (in training: too little data before the scope to compare with)"
                : ""), nb.entity(), nb.scope());
        if (nb.truncated()) {
            html.element("p", "Capped: addresses and user agents past the entity's drill-down cap are folded"
                    + " together.", "class", "note");
        }
        html.open("p").text("The entity's own section: ");
        entity(nb.entity(), nb.scope());
        html.close("p");
        List<WorldPlot.Place> places = new ArrayList<>();
        for (KnownGeolocation k : nb.knownGeolocations()) {
            places.add(new WorldPlot.Place(k.location().label(), k.location().latitude(), k.location().longitude(),
                    false, k.success() + k.failure()));
        }
        for (NewGeolocation g : nb.geolocations()) {
            places.add(new WorldPlot.Place(g.location().label(), g.location().latitude(), g.location().longitude(),
                    true, g.success() + g.failure()));
        }
        html.open("div", "class", "panel geolocations").element("h3", "Geolocations: new in the scope, known from"
                + " the baseline");
        if (places.isEmpty()) {
            html.element("p", "No located calls (the graph has no GeoLocator, or no call came from a public"
                    + " address).");
        } else {
            WorldPlot.render(html, "new (red) and known (blue) geolocations of " + nb.entity(), places);
        }
        if (!nb.geolocations().isEmpty()) {
            headers("new geolocation", "cell", "IP addresses", "success", "failure", "first observed",
                    "new for account");
            for (NewGeolocation g : capped(nb.geolocations())) {
                html.open("tr").element("td", g.location().label()).element("td", g.cell());
                addresses(g.ipAddresses(), nb.scope());
                number(g.success());
                number(g.failure());
                html.element("td", g.firstObserved()).element("td", yes(g.newForAccount())).close("tr");
            }
            endTable(nb.geolocations().size());
        }
        if (!nb.knownGeolocations().isEmpty()) {
            headers("known geolocation", "cell", "IP addresses", "baseline success", "baseline failure");
            for (KnownGeolocation k : capped(nb.knownGeolocations())) {
                html.open("tr").element("td", k.location().label()).element("td", k.cell());
                addresses(k.ipAddresses(), nb.baseline().window());
                number(k.success());
                number(k.failure());
                html.close("tr");
            }
            endTable(nb.knownGeolocations().size());
        }
        html.close("div");
        html.open("div", "class", "panel new-lists").element("h3", "Newly observed");
        if (nb.isEmpty()) {
            html.element("p", "Nothing new.");
        }
        if (!nb.apiCalls().isEmpty()) {
            headers("new API call", "success", "failure", "first observed", "new for account");
            for (NewApiCall c : capped(nb.apiCalls())) {
                html.open("tr").element("td", c.service() + ":" + c.eventName());
                number(c.success());
                number(c.failure());
                html.element("td", c.firstObserved()).element("td", yes(c.newForAccount())).close("tr");
            }
            endTable(nb.apiCalls().size());
        }
        if (!nb.asos().isEmpty()) {
            headers("new ASO", "IP addresses", "success", "failure", "first observed", "new for account");
            for (NewAso a : capped(nb.asos())) {
                html.open("tr").element("td", a.asn());
                addresses(a.ipAddresses(), nb.scope());
                number(a.success());
                number(a.failure());
                html.element("td", a.firstObserved()).element("td", yes(a.newForAccount())).close("tr");
            }
            endTable(nb.asos().size());
        }
        if (!nb.userAgents().isEmpty()) {
            headers("new user agent", "external calls", "internal calls", "failure", "first observed",
                    "new for account");
            for (NewUserAgent u : capped(nb.userAgents())) {
                html.open("tr").open("td", "class", "text user-agent");
                entity(u.userAgent(), nb.scope());
                html.close("td");
                number(u.externalCalls());
                number(u.internalCalls());
                number(u.failure());
                html.element("td", u.firstObserved()).element("td", yes(u.newForAccount())).close("tr");
            }
            endTable(nb.userAgents().size());
        }
        if (!nb.increasedVolume().isEmpty()) {
            headers("increased volume", "scope calls", "expected", "ratio", "p-value");
            for (VolumeIncrease v : capped(nb.increasedVolume())) {
                html.open("tr").element("td", v.eventSource() + ":" + v.eventName());
                number(v.scopeCalls());
                html.element("td", Quantities.count(v.expectedCalls()), "class", "num")
                        .element("td", String.format(Locale.ROOT, "%.1f", v.ratio()), "class", "num")
                        .element("td", String.format(Locale.ROOT, "%.1e", v.pValue()), "class", "num").close("tr");
            }
            endTable(nb.increasedVolume().size());
        }
        html.close("div");
    }

    private void addresses(List<EntityRef> ips, ScopeTime scope) {
        html.open("td");
        Iterator<EntityRef> it = ips.iterator();
        while (it.hasNext()) {
            entity(it.next(), scope);
            if (it.hasNext()) {
                html.text(", ");
            }
        }
        html.close("td");
    }

    // ---------------------------------------------------------------- investigations and groups

    private void investigation(Investigation inv) {
        sectionHeading(inv, "Investigation " + inv.investigationId() + ", scope " + inv.scope() + ", "
                + inv.indicators().size() + " indicators, " + inv.status() + ", " + inv.state(), inv.entity(),
                inv.scope());
        html.open("p").text("Severity ");
        html.element("span", inv.severity(), "class", "badge " + severityClass(inv.severity().name()));
        html.text(". The entity's section: ");
        entity(inv.entity(), inv.scope());
        html.close("p");
        if (inv.indicators().isEmpty()) {
            html.element("p", "No indicators.");
            return;
        }
        html.open("div", "class", "panel indicators").element("h3", "Indicators");
        headers("indicator", "severity", "detail");
        for (Indicator i : capped(inv.indicators())) {
            html.open("tr", "data-indicator", i.type().name()).element("td", i.type().name());
            severity(i.severity().name(), i.severity().name());
            html.open("td", "class", "text").open("dl", "class", "detail");
            JsonNode detail = JSON.valueToTree(i.detail());
            for (Map.Entry<String, JsonNode> f : detail.properties()) {
                html.element("dt", f.getKey()).open("dd");
                EntityRef linked = linkedBy(i, f.getKey());
                if (linked != null) {
                    entity(linked, inv.scope());
                } else if (f.getValue().isFloatingPointNumber()) { // distances and speeds: a tenth is plenty
                    html.text(Quantities.count(Math.round(f.getValue().asDouble() * 10) / 10.0));
                } else {
                    html.text(f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
                }
                html.close("dd");
            }
            html.close("dl").close("td").close("tr");
        }
        endTable(inv.indicators().size());
        html.close("div");
    }

    /** The entity an indicator's field names, for the fields that are ids of a finding or a group. */
    private static EntityRef linkedBy(Indicator indicator, String field) {
        if (!field.equals("Id")) {
            return null;
        }
        if (indicator.detail() instanceof RelatedFinding f) {
            return EntityRef.finding(f.id());
        }
        return indicator.detail() instanceof RelatedFindingGroup g ? EntityRef.findingGroup(g.id()) : null;
    }

    private void group(FindingGroup g) {
        ScopeTime observed = ScopeTime.coveringLatest(g.firstObserved(), g.lastObserved(), ScopeTime.MAX_LENGTH);
        sectionHeading(g, "Observed " + g.firstObserved() + " to " + g.lastObserved(), null, observed);
        html.open("p").text("Severity ");
        html.element("span", g.severity(), "class", "badge " + severityClass(g.severity().label().name()));
        html.close("p");
        html.open("ol", "class", "tactics");
        for (String tactic : g.tactics()) {
            html.element("li", tactic);
        }
        html.close("ol");
        html.open("div", "class", "panel group-findings").element("h3", "Findings (" + g.findings().size() + ")");
        html.open("ul");
        for (EntityRef f : capped(g.findings())) {
            html.open("li");
            entity(f, observed);
            html.close("li");
        }
        html.close("ul").close("div");
        html.open("div", "class", "panel group-entities").element("h3", "Entities (" + g.entities().size() + ")");
        html.open("ul", "class", "entities");
        for (EntityRef e : capped(g.entities())) {
            html.open("li").element("span", e.type().namespace(), "class", "namespace").text(" ");
            entity(e, observed);
            html.close("li");
        }
        html.close("ul").close("div");
    }

    // ---------------------------------------------------------------- cells

    private static <T> Timeline.Series series(String name, String css, List<T> hours, ToLongFunction<T> value) {
        return new Timeline.Series(name, css, hours.stream().mapToLong(value).toArray());
    }

    private void headers(String... names) {
        html.open("table").open("thead").open("tr");
        for (String name : names) {
            html.element("th", name);
        }
        html.close("tr").close("thead").open("tbody");
    }

    private void endTable(int rows) {
        html.close("tbody").close("table");
        if (rows > MAX_ROWS) {
            html.element("p", (rows - MAX_ROWS) + " more rows; the answer's JSON has them all.", "class", "note");
        }
    }

    private static <T> List<T> capped(List<T> rows) {
        return rows.subList(0, Math.min(rows.size(), MAX_ROWS));
    }

    private void number(long value) {
        html.element("td", String.format(Locale.ROOT, "%,d", value), "class", "num");
    }

    private void severity(String label, String text) {
        html.open("td").element("span", text, "class", "badge " + severityClass(label)).close("td");
    }

    private static String severityClass(String label) {
        return "sev-" + label.toLowerCase(Locale.ROOT);
    }

    private static String yes(boolean value) {
        return value ? "yes" : "no";
    }

    private static String percent(Double change) {
        return change == null ? "n/a" : String.format(Locale.ROOT, "%+.0f%%", change);
    }

    private static String protocol(int number) {
        return switch (number) {
            case NetworkFlow.TCP -> "TCP";
            case NetworkFlow.UDP -> "UDP";
            case NetworkFlow.ICMP -> "ICMP";
            default -> String.valueOf(number);
        };
    }

    /** The style sheet, and its hash for the Content-Security-Policy, which allows it and nothing else. */
    static final class Style {
        static final String CSS = String.join("\n",
                ":root{--ink:#16191f;--muted:#5f6b7a;--line:#d5dbdb;--scope:#fdf0d5;--in:#0972d3;--out:#e07941;"
                        + "--ok:#037f0c;--fail:#d91515;}",
                "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--ink);"
                        + "margin:0;background:#f4f5f7}",
                "header,main{max-width:1180px;margin:0 auto;padding:0 24px}",
                "header{padding-top:16px}h1{font-size:24px;margin:8px 0}h2{font-size:19px;margin:0 0 4px}"
                        + "h3{font-size:15px;margin:14px 0 6px}h4{font-size:13px;margin:10px 0 2px}",
                "section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;"
                        + "margin:16px 0}",
                "nav ol{margin:4px 0 8px;padding-left:22px;columns:2}nav h2{font-size:15px}",
                ".note,.scope{color:var(--muted);font-size:13px;margin:2px 0 8px}",
                "table{border-collapse:collapse;margin:6px 0 10px;font-size:13px}"
                        + "th,td{text-align:left;padding:3px 10px 3px 0;border-bottom:1px solid var(--line);"
                        + "vertical-align:top;white-space:nowrap}td.text{white-space:normal}"
                        + "thead th{color:var(--muted);font-weight:600}",
                "table.fields th{color:var(--muted);font-weight:500;padding-right:18px}",
                "td.num{text-align:right;font-variant-numeric:tabular-nums}",
                "td,dd,summary{overflow-wrap:anywhere}td.user-agent{max-width:520px}",
                "table.inner{margin:4px 0 4px 14px}summary{cursor:pointer}details.drill-down>summary{"
                        + "font-weight:600;margin:6px 0}",
                "dl.detail{margin:0;display:grid;grid-template-columns:max-content 1fr;column-gap:10px}"
                        + "dl.detail dt{color:var(--muted)}dl.detail dd{margin:0}",
                "a{color:#0b5cad}a.out{font-size:12px;margin-left:6px;text-decoration:none;color:var(--muted)}",
                ".badge{display:inline-block;white-space:nowrap;padding:0 7px;border-radius:9px;font-size:12px;"
                        + "font-weight:600;color:#fff;background:#5f6b7a}.sev-critical{background:#7d1a1a}"
                        + ".sev-high{background:#d91515}.sev-medium{background:#c36b00}.sev-low{background:#2d6db3}",
                "ol.tactics{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px}ol.tactics li{"
                        + "background:#eef3fb;border:1px solid #c7d7ee;border-radius:4px;padding:1px 8px}"
                        + "ol.tactics li+li::before{content:'\\2192  ';color:var(--muted)}",
                ".namespace{color:var(--muted);font-size:12px}",
                "svg{display:block;width:100%;height:auto;max-width:960px;margin:4px 0}"
                        + "svg.world{max-width:720px}",
                "svg text{font-size:11px;fill:var(--muted)}svg text.legend{fill:var(--ink)}",
                "rect.scope{fill:var(--scope)}line.grid{stroke:#eaeded}line.hour{stroke:var(--muted)}",
                "path.series{fill:none;stroke-width:1.6}",
                ".inbound{stroke:var(--in);fill:var(--in)}.outbound{stroke:var(--out);fill:var(--out)}"
                        + ".success{stroke:var(--ok);fill:var(--ok)}.failure{stroke:var(--fail);fill:var(--fail)}"
                        + ".local{stroke:#7d4cdb;fill:#7d4cdb}.remote{stroke:#5f6b7a;fill:#5f6b7a}",
                "line.baseline,line.key{stroke-dasharray:6 4;stroke-width:1.2}line.key{stroke:var(--ink)}"
                        + "rect.swatch.scope{stroke:#e3c07b}",
                "rect.earth{fill:#eef5fb;stroke:#9fb6cc}path.land{fill:#dfe6da;stroke:#b9c4b1;stroke-width:.8}"
                        + "line.graticule{stroke:#d3e1ee;stroke-opacity:.8}"
                        + "line.graticule.axis{stroke:#a9c1d8}",
                "g.place circle{fill-opacity:.75;stroke:#fff;stroke-width:1.5}g.known circle{fill:var(--in)}"
                        + "g.new circle{fill:var(--fail)}svg text.place-label{font-size:13px;fill:var(--ink);"
                        + "font-weight:600}",
                "@media print{body{background:#fff}section{break-inside:avoid;border:none}}");
        static final String HASH = "sha256-" + Base64.getEncoder().encodeToString(
                Hashing.sha256().hashString(CSS, StandardCharsets.UTF_8).asBytes());

        private Style() {}
    }
}
