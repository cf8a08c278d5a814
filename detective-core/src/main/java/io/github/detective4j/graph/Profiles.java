package io.github.detective4j.graph;

import com.carrotsearch.hppc.IntHashSet;
import com.carrotsearch.hppc.cursors.LongObjectCursor;
import io.github.detective4j.beacon.BeaconScore;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.profile.ApiCallVolume;
import io.github.detective4j.profile.CallBaseline;
import io.github.detective4j.profile.CallRow;
import io.github.detective4j.profile.CommunicatingInstances;
import io.github.detective4j.profile.Details;
import io.github.detective4j.profile.DistinctCounts;
import io.github.detective4j.profile.EntityActivity;
import io.github.detective4j.profile.FindingOverview;
import io.github.detective4j.profile.FindingSummary;
import io.github.detective4j.profile.FindingsPanel;
import io.github.detective4j.profile.FlowBaseline;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The read side of profiles: turns a node's series, drill-downs and relationships into the panels of its type. Runs
 * under the graph's read lock and only reads.
 */
final class Profiles {
    private static final long DAY_SECONDS = 24 * GraphData.SECONDS_PER_HOUR;
    private static final Comparator<CallRow> MOST_CALLS =
            Comparator.comparingLong(CallRow::total).reversed().thenComparing(CallRow::key);
    private static final Comparator<EntityActivity> MOST_ACTIVE =
            Comparator.comparingLong(EntityActivity::total).reversed().thenComparing(EntityActivity::entity);
    private static final Comparator<FlowRow> MOST_BYTES = Comparator.comparingLong(FlowRow::bytes).reversed()
            .thenComparing(r -> r.peer() == null ? "\uffff" : r.peer().id())
            .thenComparingInt(FlowRow::localPort).thenComparingInt(FlowRow::remotePort)
            .thenComparingInt(FlowRow::protocol);
    private static final String OTHER = "(other)";

    private final GraphData data;
    private final FindingGroups groups;

    Profiles(GraphData data, FindingGroups groups) {
        this.data = data;
        this.groups = groups;
    }

    Profile profile(EntityRef ref, ScopeTime scope) {
        Node node = data.entities.get(ref);
        HourWindow w = new HourWindow(scope, data.settings);
        List<Panel> panels = new ArrayList<>();
        panels.add(details(ref, node));
        switch (ref.type()) {
            case AWS_ACCOUNT, AWS_USER, AWS_ROLE, AWS_ROLE_SESSION, FEDERATED_USER -> {
                panels.add(findings(ref, node, w));
                panels.add(principalCalls(node, w));
                if (ref.type() != EntityType.AWS_ACCOUNT) {
                    panels.add(sessions(scope, node, w));
                }
            }
            case EC2_INSTANCE -> {
                panels.add(findings(ref, node, w));
                panels.add(instanceFlows(node, w));
                panels.add(distinct(node, w, false));
            }
            case IP_ADDRESS -> {
                panels.add(findings(ref, node, w));
                panels.add(usedCalls(node, w, RelationshipType.CALLED_FROM, RelationshipType.USED_FROM));
                panels.add(ipFlows(node, w));
                panels.add(distinct(node, w, true));
                panels.add(instances(node, w));
                panels.add(new ResourceInteraction(scope, activity(node, w, RelationshipType.CALLED_FROM, true),
                        activity(node, w, RelationshipType.USED_FROM, true), List.of(), capped(node)));
            }
            case USER_AGENT -> {
                panels.add(findings(ref, node, w));
                panels.add(usedCalls(node, w, RelationshipType.USED_USER_AGENT, null));
                panels.add(new ResourceInteraction(scope, activity(node, w, RelationshipType.USED_USER_AGENT, true),
                        List.of(), activity(node, w, RelationshipType.USED_FROM, false), capped(node)));
            }
            case S3_BUCKET -> {
                panels.add(findings(ref, node, w));
                panels.add(usedCalls(node, w, RelationshipType.ACCESSED_BUCKET, null));
                panels.add(new ResourceInteraction(scope, activity(node, w, RelationshipType.ACCESSED_BUCKET, true),
                        List.of(), List.of(), capped(node)));
            }
            case FINDING -> {
                FindingState state = data.findings.get(ref.id());
                if (state != null) {
                    Finding finding = state.view();
                    panels.add(new FindingOverview(finding, finding.entities()));
                    panels.add(remoteIpTraffic(finding, w));
                }
            }
            case FINDING_GROUP -> panels.add(groupFindings(ref, w));
        }
        return new Profile(ref, scope, data.inTraining(scope), panels);
    }

    // ---------------------------------------------------------------- details and findings

    Details details(EntityRef ref, Node node) {
        if (node == null || !node.observed()) {
            return new Details(ref, null, null, null, null, null, null, null, null, null, null, null, null,
                    List.of(), List.of());
        }
        Attributes a = node.attributes == null ? new Attributes() : node.attributes;
        return new Details(ref, Instant.ofEpochSecond(node.firstSeen), Instant.ofEpochSecond(node.lastSeen),
                a.accountId, a.arn, a.name, a.principalType, a.role == null ? null : a.role.ref,
                a.createdBy == null ? null : a.createdBy.ref,
                a.createdBy == null ? null : Instant.ofEpochSecond(a.createdAt), a.region, a.vpcId, a.subnetId,
                a.interfaces == null ? List.of() : List.copyOf(a.interfaces),
                a.addresses == null ? List.of() : List.copyOf(a.addresses));
    }

    private FindingsPanel findings(EntityRef ref, Node node, HourWindow w) {
        List<FindingSummary> found = new ArrayList<>();
        if (ref.type() == EntityType.AWS_ACCOUNT) {
            for (FindingState state : data.findings.values()) {
                if (ref.id().equals(state.latest.accountId())) {
                    add(found, state, w);
                }
            }
        } else if (node != null && node.in != null) {
            for (Edge edge : node.in) {
                if (edge.type == RelationshipType.INVOLVES) {
                    FindingState state = data.findings.get(edge.source.ref.id());
                    if (state != null) {
                        add(found, state, w);
                    }
                }
            }
        }
        found.sort(Comparator.comparing(FindingSummary::severity).reversed()
                .thenComparing(FindingSummary::lastObserved, Comparator.reverseOrder())
                .thenComparing(FindingSummary::finding));
        return new FindingsPanel(w.windowScope(), found);
    }

    /** A finding group's findings, whenever observed: the group is what the investigator asked about. */
    private FindingsPanel groupFindings(EntityRef ref, HourWindow w) {
        List<FindingSummary> found = new ArrayList<>();
        groups.all().stream().filter(g -> g.id().equals(ref.id())).findFirst().ifPresent(g -> {
            for (EntityRef f : g.findings()) {
                FindingState state = data.findings.get(f.id());
                Finding finding = state.view();
                found.add(new FindingSummary(finding.ref(), finding.type(), finding.title(), finding.severity(),
                        finding.firstObserved(), finding.lastObserved(), finding.archived()));
            }
        });
        return new FindingsPanel(w.windowScope(), found);
    }

    private static void add(List<FindingSummary> found, FindingState state, HourWindow w) {
        Finding f = state.view();
        if (f.firstObserved().getEpochSecond() < w.toSecond() && f.lastObserved().getEpochSecond() >= w.fromSecond()) {
            found.add(new FindingSummary(f.ref(), f.type(), f.title(), f.severity(), f.firstObserved(),
                    f.lastObserved(), f.archived()));
        }
    }

    // ---------------------------------------------------------------- API calls

    /** A principal's calls: its own series, and drill-downs over itself and, for roles and accounts, its members. */
    private ApiCallVolume principalCalls(Node node, HourWindow w) {
        CallDrillDown drill = new CallDrillDown();
        if (node != null) {
            drill.add(node, w);
            for (Node member : members(node)) {
                if (node.ref.type() == EntityType.AWS_ACCOUNT && inSeveralAccounts(member)) {
                    // no account of its own (a SAML or web identity user): its rows mix the accounts it called
                    // into, so they stay out of each, and the rows say they may lack some calls of the scope
                    drill.truncated |= member.calls != null && member.calls.anyIn(w.scopeFrom, w.scopeTo);
                    continue;
                }
                drill.add(member, w);
            }
        }
        return callVolume(node, w, drill.bySource(), drill.rows(drill.byMethod, this::methodName),
                drill.rows(drill.byResource, this::valueName), drill.rows(drill.byAccessKey, this::valueName),
                List.of(), List.of(), drill.truncated);
    }

    /**
     * The calls from an IP address, with a user agent or on a bucket, by principal (with methods for an IP address)
     * and, for an IP address, by user agent.
     */
    private ApiCallVolume usedCalls(Node node, HourWindow w, RelationshipType byPrincipal, RelationshipType byUserAgent) {
        List<CallRow> principals = new ArrayList<>();
        List<CallRow> userAgents = new ArrayList<>();
        boolean truncated = false;
        if (node != null && node.in != null) {
            for (Edge edge : node.in) {
                if (edge.type == byPrincipal) {
                    long[] sums = scopeSums(edge.cells, w);
                    if (sums[0] + sums[1] > 0) {
                        List<CallRow> methods = edge.type == RelationshipType.CALLED_FROM
                                ? methodsFrom(edge.source, node, w) : List.of();
                        // The principal's drill-down cap folded some of its calls from here into its (other) row.
                        truncated |= edge.type == RelationshipType.CALLED_FROM
                                && methods.stream().mapToLong(CallRow::total).sum() < sums[0] + sums[1];
                        principals.add(new CallRow(edge.source.ref.toString(), edge.source.ref, sums[0], sums[1],
                                methods));
                    }
                } else if (edge.type == byUserAgent) {
                    long[] sums = scopeSums(edge.cells, w);
                    if (sums[0] + sums[1] > 0) {
                        userAgents.add(new CallRow(edge.source.ref.id(), edge.source.ref, sums[0], sums[1],
                                List.of()));
                    }
                }
            }
        }
        principals.sort(MOST_CALLS);
        userAgents.sort(MOST_CALLS);
        // a caller at its relationship cap still counted its calls in this entity's series, but no row shows them
        truncated |= capped(node);
        return callVolume(node, w, List.of(), List.of(), List.of(), List.of(), principals, userAgents, truncated);
    }

    /** Whether a cap dropped a relationship of the entity, or of one related to it ({@link Node#capped}). */
    private static boolean capped(Node node) {
        return node != null && node.capped;
    }

    /** The methods a principal called from one IP address, from its drill-down. */
    private List<CallRow> methodsFrom(Node principal, Node ip, HourWindow w) {
        List<CallRow> rows = new ArrayList<>();
        if (principal.drillDown == null) {
            return rows;
        }
        for (LongObjectCursor<HourCells> c : principal.drillDown) {
            if (DrillDown.kind(c.key) == DrillDown.SOURCE_METHOD && DrillDown.first(c.key) == ip.index) {
                long[] sums = scopeSums(c.value, w);
                if (sums[0] + sums[1] > 0) {
                    rows.add(new CallRow(methodName(DrillDown.second(c.key)), null, sums[0], sums[1], List.of()));
                }
            }
        }
        rows.sort(MOST_CALLS);
        return rows;
    }

    private ApiCallVolume callVolume(Node node, HourWindow w, List<CallRow> byIp, List<CallRow> byMethod,
            List<CallRow> byResource, List<CallRow> byAccessKey, List<CallRow> byPrincipal,
            List<CallRow> byUserAgent, boolean truncated) {
        HourCells calls = node == null ? null : node.calls;
        long[] dense = w.dense(calls, HourCells.CALL_STRIDE);
        List<HourlyCalls> hours = new ArrayList<>(w.hours());
        for (int i = 0; i < w.hours(); i++) {
            hours.add(new HourlyCalls(w.instant(i), dense[2 * i], dense[2 * i + 1]));
        }
        long[] base = new long[HourCells.CALL_STRIDE];
        long baseHours = calls == null ? 0 : calls.sum(w.baseFrom, w.scopeFrom, base);
        long[] scope = new long[HourCells.CALL_STRIDE];
        long scopeHours = calls == null ? 0 : calls.sum(w.scopeFrom, w.scopeTo, scope);
        CallBaseline baseline = new CallBaseline(w.baselineScope(), baseHours, average(base[0], baseHours),
                average(base[1], baseHours));
        Double change = change(scope[0] + scope[1], scopeHours, baseline.average(), baseHours);
        return new ApiCallVolume(w.scope, hours, baseline, scope[0], scope[1], scopeHours, change, byIp, byMethod,
                byResource, byAccessKey, byPrincipal, byUserAgent, truncated);
    }

    /** Accumulates a principal's drill-down rows, over itself and its members. */
    private final class CallDrillDown {
        final Map<Integer, long[]> bySourceTotal = new HashMap<>();
        final Map<Integer, Map<Integer, long[]>> bySourceMethod = new HashMap<>();
        final Map<Integer, long[]> byMethod = new HashMap<>();
        final Map<Integer, long[]> byResource = new HashMap<>();
        final Map<Integer, long[]> byAccessKey = new HashMap<>();
        boolean truncated;

        void add(Node owner, HourWindow w) {
            if (owner.drillDown == null) {
                return;
            }
            for (LongObjectCursor<HourCells> c : owner.drillDown) {
                int kind = DrillDown.kind(c.key);
                if (kind != DrillDown.SOURCE_METHOD && kind != DrillDown.ACCESS_KEY && kind != DrillDown.RESOURCE) {
                    continue;
                }
                int first = DrillDown.first(c.key);
                long[] sums = scopeSums(c.value, w);
                if (sums[0] + sums[1] == 0) {
                    continue; // an (other) row with nothing in the scope folded nothing the panel shows
                }
                truncated |= first == DrillDown.OTHER;
                switch (kind) {
                    case DrillDown.SOURCE_METHOD -> {
                        int method = DrillDown.second(c.key);
                        accumulate(bySourceTotal, first, sums);
                        accumulate(bySourceMethod.computeIfAbsent(first, k -> new HashMap<>()), method, sums);
                        accumulate(byMethod, method, sums);
                    }
                    case DrillDown.ACCESS_KEY -> accumulate(byAccessKey, first, sums);
                    default -> accumulate(byResource, first, sums);
                }
            }
        }

        List<CallRow> bySource() {
            List<CallRow> rows = new ArrayList<>();
            for (Map.Entry<Integer, long[]> e : bySourceTotal.entrySet()) {
                int source = e.getKey();
                List<CallRow> methods = new ArrayList<>();
                for (Map.Entry<Integer, long[]> m : bySourceMethod.get(source).entrySet()) {
                    methods.add(new CallRow(methodName(m.getKey()), null, m.getValue()[0], m.getValue()[1],
                            List.of()));
                }
                methods.sort(MOST_CALLS);
                EntityRef ip = DrillDown.isAddress(source) ? data.entities.get(source).ref : null;
                rows.add(new CallRow(sourceName(source), ip, e.getValue()[0], e.getValue()[1], methods));
            }
            rows.sort(MOST_CALLS);
            return rows;
        }

        List<CallRow> rows(Map<Integer, long[]> byKey, IntFunction<String> label) {
            List<CallRow> rows = new ArrayList<>();
            for (Map.Entry<Integer, long[]> e : byKey.entrySet()) {
                rows.add(new CallRow(label.apply(e.getKey()), null, e.getValue()[0], e.getValue()[1], List.of()));
            }
            rows.sort(MOST_CALLS);
            return rows;
        }

        private void accumulate(Map<Integer, long[]> into, int key, long[] sums) {
            long[] total = into.computeIfAbsent(key, k -> new long[2]);
            total[0] += sums[0];
            total[1] += sums[1];
        }
    }

    /** Whether a principal is a member of more than one account: its calls are filed under the one called into. */
    private static boolean inSeveralAccounts(Node member) {
        int accounts = 0;
        if (member.out != null) {
            for (LongObjectCursor<Edge> c : member.out) {
                if (c.value.type == RelationshipType.MEMBER_OF && ++accounts > 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The principals whose calls a role (its sessions) or an account (everyone in it) sums. */
    static List<Node> members(Node node) {
        return switch (node.ref.type()) {
            case AWS_ROLE -> node.sources(RelationshipType.ASSUMED_ROLE);
            case AWS_ACCOUNT -> node.sources(RelationshipType.MEMBER_OF);
            default -> List.of();
        };
    }

    private String sourceName(int source) {
        if (source == DrillDown.OTHER) {
            return OTHER;
        }
        if ((source & DrillDown.SERVICE) != 0) {
            return data.values.value(source & ~DrillDown.SERVICE);
        }
        return data.entities.get(source).ref.id();
    }

    private String valueName(int id) {
        return id == DrillDown.OTHER ? OTHER : data.values.value(id);
    }

    private String methodName(int method) {
        return method == DrillDown.OTHER ? OTHER : data.methods.eventSource(method) + ":" + data.methods.eventName(method);
    }

    // ---------------------------------------------------------------- sessions

    /**
     * The sessions around a principal: a role's sessions active in the scope (each with the principal that last
     * started it by the scope's end), the sessions the principal started, and for a session the principals that
     * started it. The relationships these follow are never capped: the lists are whole.
     */
    private SessionActivity sessions(ScopeTime scope, Node node, HourWindow w) {
        List<SessionStart> started = new ArrayList<>();
        List<SessionStart> startedHere = new ArrayList<>();
        List<SessionStart> startedBy = new ArrayList<>();
        if (node != null && node.in != null) {
            for (Edge edge : node.in) {
                if (edge.type == RelationshipType.ASSUMED_ROLE) {
                    Edge start = latestStart(edge.source, w);
                    addSession(started, edge, edge.source, start == null ? null : start.source, node, w);
                } else if (edge.type == RelationshipType.STARTED_SESSION) {
                    addSession(startedBy, edge, node, edge.source, roleOf(node), w);
                }
            }
        }
        if (node != null && node.out != null) {
            for (LongObjectCursor<Edge> c : node.out) {
                if (c.value.type == RelationshipType.STARTED_SESSION) {
                    addSession(startedHere, c.value, c.value.target, node, roleOf(c.value.target), w);
                }
            }
        }
        return new SessionActivity(scope, sorted(started), sorted(startedHere), sorted(startedBy));
    }

    /**
     * The call that last started a session before the scope's end (a session name anyone may use again: a later
     * start is another principal's session), or null when the data holds none; a tie goes to the latest start.
     */
    private static Edge latestStart(Node session, HourWindow w) {
        Edge latest = null;
        int latestHour = Integer.MIN_VALUE;
        if (session.in != null) {
            for (Edge edge : session.in) {
                if (edge.type != RelationshipType.STARTED_SESSION) {
                    continue;
                }
                int before = edge.cells.lowerBound(w.scopeTo) - 1; // its last hour before the scope's end
                int hour = before < 0 ? Integer.MIN_VALUE : edge.cells.hour(before);
                if (before >= 0 && (latest == null || hour > latestHour
                        || (hour == latestHour && edge.lastSeen > latest.lastSeen))) {
                    latest = edge;
                    latestHour = hour;
                }
            }
        }
        return latest;
    }

    private static Node roleOf(Node session) {
        return session.attributes == null ? null : session.attributes.role;
    }

    /** A row of the relationship's calls in the scope, unless it had none. */
    private static void addSession(List<SessionStart> rows, Edge edge, Node session, Node startedBy, Node role,
            HourWindow w) {
        EntityActivity calls = activity(edge, session, w.scopeFrom, w.scopeTo);
        if (calls.total() > 0) {
            rows.add(new SessionStart(session.ref, startedBy == null ? null : startedBy.ref,
                    role == null ? null : role.ref, calls.firstObserved(), calls.lastObserved(), calls.success(),
                    calls.failure()));
        }
    }

    private static List<SessionStart> sorted(List<SessionStart> rows) {
        rows.sort(Comparator.comparingLong(SessionStart::total).reversed()
                .thenComparing(SessionStart::session)
                .thenComparing(SessionStart::startedBy, Comparator.nullsFirst(Comparator.naturalOrder())));
        return rows;
    }

    /** The entities related to {@code node} by {@code type}, with their calls in the scope, most active first. */
    private List<EntityActivity> activity(Node node, HourWindow w, RelationshipType type, boolean incoming) {
        List<EntityActivity> rows = new ArrayList<>();
        if (node == null) {
            return rows;
        }
        if (incoming && node.in != null) {
            for (Edge edge : node.in) {
                if (edge.type == type) {
                    addActivity(rows, edge, edge.source, w);
                }
            }
        } else if (!incoming && node.out != null) {
            for (LongObjectCursor<Edge> c : node.out) {
                if (c.value.type == type) {
                    addActivity(rows, c.value, c.value.target, w);
                }
            }
        }
        rows.sort(MOST_ACTIVE);
        return rows;
    }

    private static void addActivity(List<EntityActivity> rows, Edge edge, Node other, HourWindow w) {
        EntityActivity a = activity(edge, other, w.scopeFrom, w.scopeTo);
        if (a.total() > 0) {
            rows.add(a);
        }
    }

    /** The other end of an API-call relationship, with its calls in {@code [fromHour, toHour)}. */
    static EntityActivity activity(Edge edge, Node other, int fromHour, int toHour) {
        long[] sums = new long[HourCells.CALL_STRIDE];
        edge.cells.sum(fromHour, toHour, sums);
        return new EntityActivity(other.ref, Instant.ofEpochSecond(edge.firstSeen),
                Instant.ofEpochSecond(edge.lastSeen), sums[HourCells.SUCCESS], sums[HourCells.FAILURE]);
    }

    // ---------------------------------------------------------------- traffic

    private FlowVolume instanceFlows(Node node, HourWindow w) {
        List<FlowRow> rows = new ArrayList<>();
        boolean truncated = false;
        if (node != null && node.drillDown != null) {
            for (LongObjectCursor<HourCells> c : node.drillDown) {
                if (DrillDown.kind(c.key) != DrillDown.FLOW) {
                    continue;
                }
                boolean other = DrillDown.first(c.key) == DrillDown.OTHER;
                long[] s = new long[HourCells.TRAFFIC_STRIDE];
                if (c.value.sum(w.scopeFrom, w.scopeTo, s) == 0) {
                    continue; // as for calls: an (other) row quiet in the scope folded nothing shown
                }
                truncated |= other;
                EntityRef peer = other ? null : data.entities.get(DrillDown.first(c.key)).ref;
                long tuple = other ? 0 : data.values.longValue(DrillDown.second(c.key));
                rows.add(flowRow(peer, tuple, s, false));
            }
        }
        return flowVolume(node, w, rows, truncated);
    }

    private FlowVolume ipFlows(Node node, HourWindow w) {
        List<FlowRow> rows = new ArrayList<>();
        boolean truncated = false;
        for (Edge edge : (node == null ? List.<Edge>of() : node.incoming(RelationshipType.COMMUNICATED_WITH))) {
            Node instance = edge.source;
            if (instance.drillDown == null) {
                continue;
            }
            truncated |= instance.drillDown.containsKey(DrillDown.key(DrillDown.FLOW, DrillDown.OTHER, DrillDown.OTHER));
            for (LongObjectCursor<HourCells> c : instance.drillDown) {
                if (DrillDown.kind(c.key) != DrillDown.FLOW || DrillDown.first(c.key) != node.index) {
                    continue;
                }
                long[] s = new long[HourCells.TRAFFIC_STRIDE];
                if (c.value.sum(w.scopeFrom, w.scopeTo, s) > 0) {
                    rows.add(flowRow(instance.ref, data.values.longValue(DrillDown.second(c.key)), s, true));
                }
            }
        }
        // an instance at its relationship cap still counted its flows in this address's series, but no row shows them
        return flowVolume(node, w, rows, truncated || capped(node));
    }

    /** A drill-down row from an instance's tuple; {@code flip} turns it to the peer's side. */
    private static FlowRow flowRow(EntityRef peer, long tuple, long[] s, boolean flip) {
        int local = (int) (tuple >>> 24) & 0xffff;
        int remote = (int) (tuple >>> 8) & 0xffff;
        int protocol = (int) tuple & 0xff;
        long in = s[HourCells.BYTES_IN];
        long out = s[HourCells.BYTES_OUT];
        long pin = s[HourCells.PACKETS_IN];
        long pout = s[HourCells.PACKETS_OUT];
        return flip
                ? new FlowRow(peer, remote, local, protocol, out, in, pout, pin, s[HourCells.ACCEPTED],
                        s[HourCells.REJECTED])
                : new FlowRow(peer, local, remote, protocol, in, out, pin, pout, s[HourCells.ACCEPTED],
                        s[HourCells.REJECTED]);
    }

    private FlowVolume flowVolume(Node node, HourWindow w, List<FlowRow> rows, boolean truncated) {
        HourCells traffic = node == null ? null : node.traffic;
        List<HourlyTraffic> hours = hourlyTraffic(traffic, w, w.fromHour, w.toHour);
        long[] base = new long[HourCells.TRAFFIC_STRIDE];
        long baseHours = traffic == null ? 0 : traffic.sum(w.baseFrom, w.scopeFrom, base);
        long[] scope = new long[HourCells.TRAFFIC_STRIDE];
        long scopeHours = traffic == null ? 0 : traffic.sum(w.scopeFrom, w.scopeTo, scope);
        FlowBaseline baseline = new FlowBaseline(w.baselineScope(), baseHours,
                average(base[HourCells.BYTES_IN], baseHours), average(base[HourCells.BYTES_OUT], baseHours));
        rows.sort(MOST_BYTES);
        return new FlowVolume(w.scope, hours, baseline, scope[HourCells.BYTES_IN], scope[HourCells.BYTES_OUT],
                scopeHours, change(scope[HourCells.BYTES_IN], scopeHours, baseline.averageBytesIn(), baseHours),
                change(scope[HourCells.BYTES_OUT], scopeHours, baseline.averageBytesOut(), baseHours), rows,
                truncated);
    }

    private static List<HourlyTraffic> hourlyTraffic(HourCells traffic, HourWindow w, int fromHour, int toHour) {
        int n = toHour - fromHour;
        long[] dense = new long[n * HourCells.TRAFFIC_STRIDE];
        if (traffic != null) {
            traffic.addInto(fromHour, toHour, dense);
        }
        List<HourlyTraffic> hours = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = i * HourCells.TRAFFIC_STRIDE;
            hours.add(new HourlyTraffic(Instant.ofEpochSecond((fromHour + i) * GraphData.SECONDS_PER_HOUR),
                    dense[at + HourCells.BYTES_IN], dense[at + HourCells.BYTES_OUT], dense[at + HourCells.PACKETS_IN],
                    dense[at + HourCells.PACKETS_OUT], dense[at + HourCells.ACCEPTED],
                    dense[at + HourCells.REJECTED]));
        }
        return hours;
    }

    /** Distinct ports and peers per hour, from an instance's rows or, for an IP, from its instances' rows. */
    private DistinctCounts distinct(Node node, HourWindow w, boolean ofIp) {
        int n = w.hours();
        IntHashSet[][] sets = new IntHashSet[n][];
        boolean approximate = false;
        if (node != null) {
            List<Node> owners = new ArrayList<>();
            if (ofIp) {
                for (Edge edge : (node == null ? List.<Edge>of() : node.incoming(RelationshipType.COMMUNICATED_WITH))) {
                    owners.add(edge.source);
                }
            } else {
                owners.add(node);
            }
            for (Node owner : owners) {
                if (owner.drillDown == null) {
                    continue;
                }
                for (LongObjectCursor<HourCells> c : owner.drillDown) {
                    if (DrillDown.kind(c.key) != DrillDown.FLOW) {
                        continue;
                    }
                    if (DrillDown.first(c.key) == DrillDown.OTHER) {
                        approximate = true;
                        continue;
                    }
                    if (ofIp && DrillDown.first(c.key) != node.index) {
                        continue;
                    }
                    long tuple = data.values.longValue(DrillDown.second(c.key));
                    int local = (int) (tuple >>> 24) & 0xffff;
                    int remote = (int) (tuple >>> 8) & 0xffff;
                    int peer = ofIp ? owner.index : DrillDown.first(c.key);
                    HourCells cells = c.value;
                    for (int i = cells.lowerBound(w.fromHour); i < cells.size() && cells.hour(i) < w.toHour; i++) {
                        int h = cells.hour(i) - w.fromHour;
                        if (sets[h] == null) {
                            sets[h] = new IntHashSet[] {new IntHashSet(), new IntHashSet(), new IntHashSet(),
                                    new IntHashSet()};
                        }
                        // For an IP the instance's remote side is the IP's local side, and its inbound the IP's
                        // outbound.
                        boolean in = cells.value(i, HourCells.PACKETS_IN) > 0 || cells.value(i, HourCells.BYTES_IN) > 0;
                        boolean out = cells.value(i, HourCells.PACKETS_OUT) > 0
                                || cells.value(i, HourCells.BYTES_OUT) > 0;
                        sets[h][0].add(ofIp ? remote : local);
                        sets[h][1].add(ofIp ? local : remote);
                        if (ofIp ? out : in) {
                            sets[h][2].add(peer);
                        }
                        if (ofIp ? in : out) {
                            sets[h][3].add(peer);
                        }
                    }
                }
            }
        }
        List<HourlyDistinct> hours = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            IntHashSet[] s = sets[i];
            hours.add(s == null ? new HourlyDistinct(w.instant(i), 0, 0, 0, 0)
                    : new HourlyDistinct(w.instant(i), s[0].size(), s[1].size(), s[2].size(), s[3].size()));
        }
        return new DistinctCounts(w.scope, hours, approximate);
    }

    private CommunicatingInstances instances(Node node, HourWindow w) {
        List<InstanceTraffic> rows = new ArrayList<>();
        for (Edge edge : (node == null ? List.<Edge>of() : node.incoming(RelationshipType.COMMUNICATED_WITH))) {
            long[] s = new long[HourCells.TRAFFIC_STRIDE];
            long active = edge.cells.sum(w.scopeFrom, w.scopeTo, s);
            if (active > 0) {
                rows.add(new InstanceTraffic(edge.source.ref, Instant.ofEpochSecond(edge.firstSeen),
                        Instant.ofEpochSecond(edge.lastSeen), s[HourCells.BYTES_IN], s[HourCells.BYTES_OUT],
                        active, beacon(edge, w)));
            }
        }
        rows.sort(Comparator.comparingLong((InstanceTraffic i) -> i.bytesToInstance() + i.bytesFromInstance())
                .reversed().thenComparing(InstanceTraffic::instance));
        return new CommunicatingInstances(w.scope, rows, capped(node));
    }

    /** Traffic between each instance and each IP address the finding involves, over the scope. */
    private RemoteIpTraffic remoteIpTraffic(Finding finding, HourWindow w) {
        List<PairTraffic> pairs = new ArrayList<>();
        for (EntityRef i : finding.entities()) {
            if (i.type() != EntityType.EC2_INSTANCE) {
                continue;
            }
            Node instance = data.entities.get(i);
            if (instance == null) {
                continue;
            }
            for (EntityRef p : finding.entities()) {
                Node ip = p.type() == EntityType.IP_ADDRESS ? data.entities.get(p) : null;
                Edge edge = ip == null ? null : instance.outgoing(RelationshipType.COMMUNICATED_WITH, ip);
                if (edge == null) {
                    continue;
                }
                long[] s = new long[HourCells.TRAFFIC_STRIDE];
                long active = edge.cells.sum(w.scopeFrom, w.scopeTo, s);
                if (active > 0) {
                    pairs.add(new PairTraffic(i, p, hourlyTraffic(edge.cells, w, w.scopeFrom, w.scopeTo), active,
                            s[HourCells.BYTES_IN], s[HourCells.BYTES_OUT], average(s[HourCells.BYTES_IN], active),
                            average(s[HourCells.BYTES_OUT], active), beacon(edge, w)));
                }
            }
        }
        return new RemoteIpTraffic(w.scope, pairs);
    }

    // ---------------------------------------------------------------- shared

    /** The beacon score of an instance–IP pair's traffic in the scope, from its latest flow records. */
    /**
     * The pair's beacon score over the scope; a scope shorter than RITA's day is judged over the 24 hours ending with
     * it, as RITA reads a pair's last day: in an hour's window one hourly bin has no spread and a quarter of an hour
     * is a full run, so the histogram and duration scores would be perfect for any four connections. A pair without
     * traffic in the scope itself scores as one without samples.
     */
    BeaconScore beacon(Edge edge, HourWindow w) {
        long scopeFrom = w.scopeFrom * GraphData.SECONDS_PER_HOUR;
        long to = w.scopeTo * GraphData.SECONDS_PER_HOUR;
        long from = Math.min(scopeFrom, to - DAY_SECONDS);
        long[][] samples = edge.samples == null ? new long[][] {{}, {}} : edge.samples.between(from, to);
        long[] starts = samples[0];
        if (starts.length == 0 || starts[starts.length - 1] < scopeFrom) {
            return data.settings.beacons().score(new long[0], new long[0], scopeFrom, to);
        }
        return data.settings.beacons().score(starts, samples[1], from, to);
    }


    private static long[] scopeSums(HourCells cells, HourWindow w) {
        long[] sums = new long[cells.stride()];
        cells.sum(w.scopeFrom, w.scopeTo, sums);
        return sums;
    }

    private static double average(long total, long hours) {
        return hours == 0 ? 0 : (double) total / hours;
    }

    /** Percent change of the scope's amount per active hour against the baseline's; null without both. */
    private static Double change(long scopeTotal, long scopeHours, double baselineAverage, long baselineHours) {
        if (scopeHours == 0 || baselineHours == 0 || baselineAverage == 0) {
            return null;
        }
        return ((double) scopeTotal / scopeHours - baselineAverage) / baselineAverage * 100;
    }
}
