package io.github.detective4j.graph;

import com.carrotsearch.hppc.IntHashSet;
import com.carrotsearch.hppc.cursors.IntCursor;
import com.carrotsearch.hppc.cursors.LongObjectCursor;
import io.github.detective4j.behavior.Baseline;
import io.github.detective4j.behavior.KnownGeolocation;
import io.github.detective4j.behavior.NewApiCall;
import io.github.detective4j.behavior.NewAso;
import io.github.detective4j.behavior.NewBehavior;
import io.github.detective4j.behavior.NewBehaviorRanking;
import io.github.detective4j.behavior.NewGeolocation;
import io.github.detective4j.behavior.NewUserAgent;
import io.github.detective4j.behavior.PrincipalNewBehavior;
import io.github.detective4j.behavior.VolumeIncrease;
import io.github.detective4j.behavior.VolumeIncreaseRule;
import io.github.detective4j.enrich.Asn;
import io.github.detective4j.enrich.GeoCell;
import io.github.detective4j.enrich.Geolocation;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.ScopeTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.math3.special.Gamma;

/**
 * The read side of new behavior: what an entity did in a scope and not in its baseline, from its drill-down series
 * and relationships. Runs under the graph's read lock and only reads; geolocations and ASOs are asked of the graph's
 * enrichment seams, which are thread-safe.
 */
final class NewBehaviors {
    private static final Set<EntityType> RANKED = Set.of(EntityType.AWS_USER, EntityType.FEDERATED_USER,
            EntityType.AWS_ROLE);

    private final GraphData data;

    NewBehaviors(GraphData data) {
        this.data = data;
    }

    Baseline baseline(ScopeTime scope) {
        HourWindow w = new HourWindow(scope, data.settings);
        return new Baseline(scope, w.baselineScope(), data.hoursOfData(w.baseFrom, w.scopeFrom),
                data.inTraining(scope));
    }

    NewBehavior of(EntityRef ref, ScopeTime scope) {
        HourWindow w = new HourWindow(scope, data.settings);
        Baseline baseline = baseline(scope);
        Node node = data.entities.get(ref);
        if (node == null || !(ref.type().isPrincipal() || ref.type() == EntityType.S3_BUCKET)) {
            return new NewBehavior(ref, scope, baseline, List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), false);
        }
        return compute(node, w, baseline);
    }

    NewBehaviorRanking rank(ScopeTime scope) {
        HourWindow w = new HourWindow(scope, data.settings);
        Baseline baseline = baseline(scope);
        List<PrincipalNewBehavior> rows = new ArrayList<>();
        Map<Node, AccountHistory> histories = new HashMap<>();
        for (EntityType type : RANKED) {
            for (Node node : data.entities.ofType(type)) {
                if (!activeInScope(node, w)) {
                    continue;
                }
                NewBehavior nb = compute(node, w, baseline, histories, false); // a ranking counts what is new
                if (!nb.isEmpty()) {
                    rows.add(new PrincipalNewBehavior(node.ref, node.attributes == null ? null : node.attributes.name,
                            nb.geolocations().size(), nb.apiCalls().size(), nb.asos().size(),
                            nb.userAgents().size(), nb.increasedVolume().size()));
                }
            }
        }
        rows.sort(Comparator.comparingInt(PrincipalNewBehavior::score).reversed()
                .thenComparing(PrincipalNewBehavior::principal));
        return new NewBehaviorRanking(scope, baseline, rows);
    }

    private static boolean activeInScope(Node node, HourWindow w) {
        if (node.calls != null && node.calls.anyIn(w.scopeFrom, w.scopeTo)) {
            return true;
        }
        for (Node member : Profiles.members(node)) {
            if (member.calls != null && member.calls.anyIn(w.scopeFrom, w.scopeTo)) {
                return true;
            }
        }
        return false;
    }

    private NewBehavior compute(Node node, HourWindow w, Baseline baseline) {
        return compute(node, w, baseline, new HashMap<>(), true);
    }

    /**
     * New behavior of one node; {@code histories} holds the accounts' histories already built, which a ranking
     * shares across every principal of an account; {@code withKnown} false leaves the known places' rows out.
     */
    private NewBehavior compute(Node node, HourWindow w, Baseline baseline, Map<Node, AccountHistory> histories,
            boolean withKnown) {
        Usage scope = new Usage();
        for (Node n : scopeSide(node)) {
            scope.add(n, w.scopeFrom, w.scopeTo);
        }
        Usage before = new Usage();
        for (Node n : baselineSide(node)) {
            before.add(n, w.baseFrom, w.scopeFrom);
        }
        Node accountNode = accountOf(node);
        AccountHistory account = accountNode == null ? new AccountHistory(null, w)
                : histories.computeIfAbsent(accountNode, a -> new AccountHistory(a, w));
        List<NewApiCall> apiCalls = newApiCalls(scope, before, account, w);
        List<NewUserAgent> agents = newUserAgents(scope, before, account, w);
        // Each address is located once: a second answer of a locator that changed its mind would not match the cell.
        Map<Integer, Geolocation> located = new HashMap<>();
        Function<Integer, Optional<GeoCell>> cell = source -> cellOf(source, located);
        List<KnownGeolocation> known = withKnown ? places(before, cell, c -> true,
                (c, ips, s) -> new KnownGeolocation(c, located.get(ips.get(0).index), refs(ips), s.success,
                        s.failure)) : List.of();
        Set<GeoCell> knownCells = withKnown
                ? known.stream().map(KnownGeolocation::cell).collect(Collectors.toSet()) : placesOf(before, cell);
        List<NewGeolocation> geos = places(scope, cell, c -> !knownCells.contains(c),
                (c, ips, s) -> new NewGeolocation(c, located.get(ips.get(0).index), refs(ips), s.success,
                        s.failure, HourWindow.startOf(s.first), !account.locations().contains(c)));
        List<NewAso> asos = newPlaces(scope, before, this::asn,
                (asn, ips, s) -> new NewAso(asn, refs(ips), s.success, s.failure, HourWindow.startOf(s.first),
                        !account.asns().contains(asn)));
        List<VolumeIncrease> volume = baseline.hoursOfData() == 0 ? List.of()
                : increases(scope, before, w.scope.hours(), baseline.hoursOfData());
        return new NewBehavior(node.ref, w.scope, baseline, geos, known, apiCalls, asos, agents, volume,
                scope.truncated || before.truncated);
    }

    /** Whose calls the scope looks at: a role's are its sessions', an account's everyone's in it. */
    private static List<Node> scopeSide(Node node) {
        List<Node> nodes = new ArrayList<>(Profiles.members(node));
        nodes.add(node);
        return nodes;
    }

    /** Whose history it is compared with: a session's is its role's, that is every session of the role. */
    private static List<Node> baselineSide(Node node) {
        Attributes a = node.attributes;
        if (node.ref.type() == EntityType.AWS_ROLE_SESSION && a != null && a.role != null) {
            return scopeSide(a.role);
        }
        return scopeSide(node);
    }

    private Node accountOf(Node node) {
        if (node.ref.type() == EntityType.AWS_ACCOUNT) {
            return node;
        }
        String id = node.attributes == null ? null : node.attributes.accountId;
        return id == null ? null : data.entities.get(EntityRef.account(id));
    }

    // ---------------------------------------------------------------- what was used

    /** Calls in some hours, by source, by method and by user agent, summed over the nodes added. */
    private static final class Usage {
        final Map<Integer, Sums> bySource = new HashMap<>();
        final Map<Integer, Sums> byMethod = new HashMap<>();
        final Map<Integer, Sums> byUserAgent = new HashMap<>();
        /** Calls an AWS service made for the caller, by user agent. */
        final Map<Integer, Sums> internalByUserAgent = new HashMap<>();
        /** Whether a node added had reached a drill-down or relationship cap. */
        boolean truncated;

        void add(Node node, int from, int to) {
            if (node.drillDown != null) {
                truncated |= node.capped;
                for (LongObjectCursor<HourCells> c : node.drillDown) {
                    int kind = DrillDown.kind(c.key);
                    int first = DrillDown.first(c.key);
                    if (kind == DrillDown.SOURCE_METHOD) {
                        // A folded key has lost its source but kept its method: a new method stays new.
                        Sums s = Sums.of(c.value, from, to);
                        if (s != null) {
                            if (first != DrillDown.OTHER) {
                                merge(bySource, first, s);
                            }
                            merge(byMethod, DrillDown.second(c.key), s);
                        }
                    } else if (first == DrillDown.OTHER) {
                        continue;
                    } else if (kind == DrillDown.USER_AGENT && node.ref.type() != EntityType.AWS_ACCOUNT) {
                        Sums s = Sums.of(c.value, from, to);
                        if (s != null) {
                            boolean internal = DrillDown.second(c.key) == 1;
                            if (internal) {
                                merge(internalByUserAgent, first, s);
                            }
                            // A principal's relationships count its agents; a bucket has only this series.
                            if (node.ref.type() == EntityType.S3_BUCKET) {
                                merge(byUserAgent, first, s);
                            }
                        }
                    }
                }
            }
            if (node.out != null) {
                for (LongObjectCursor<Edge> c : node.out) {
                    if (c.value.type == RelationshipType.USED_USER_AGENT) {
                        Sums s = Sums.of(c.value.cells, from, to);
                        if (s != null) {
                            merge(byUserAgent, c.value.target.index, s);
                        }
                    }
                }
            }
        }

        private static void merge(Map<Integer, Sums> into, int key, Sums s) {
            into.merge(key, s, Sums::plus);
        }
    }

    /** Successful and failed calls in some hours, and the first of those hours with a call. */
    private static final class Sums {
        long success;
        long failure;
        int first;

        static Sums of(HourCells cells, int from, int to) {
            int i = cells.lowerBound(from);
            if (i >= cells.size() || cells.hour(i) >= to) {
                return null;
            }
            Sums s = new Sums();
            s.first = cells.hour(i);
            for (; i < cells.size() && cells.hour(i) < to; i++) {
                s.success += cells.value(i, HourCells.SUCCESS);
                s.failure += cells.value(i, HourCells.FAILURE);
            }
            return s;
        }

        Sums plus(Sums other) {
            Sums s = new Sums();
            s.success = success + other.success;
            s.failure = failure + other.failure;
            s.first = Math.min(first, other.first);
            return s;
        }

        long total() {
            return success + failure;
        }
    }

    /** What anybody in the account did in the baseline, asked only when something of the entity's is new. */
    private final class AccountHistory {
        private final Node account;
        private final HourWindow w;
        private IntHashSet methods;
        private IntHashSet agents;
        private Set<GeoCell> locations;
        private Set<Asn> asns;

        AccountHistory(Node account, HourWindow w) {
            this.account = account;
            this.w = w;
        }

        boolean calledMethod(int method) {
            if (methods == null) {
                methods = keys(DrillDown.METHOD);
            }
            return methods.contains(method);
        }

        boolean usedAgent(int agent) {
            if (agents == null) {
                agents = keys(DrillDown.USER_AGENT);
            }
            return agents.contains(agent);
        }

        Set<GeoCell> locations() {
            if (locations == null) {
                locations = new HashSet<>();
                for (IntCursor source : keys(DrillDown.SOURCE)) {
                    cell(source.value).ifPresent(locations::add);
                }
            }
            return locations;
        }

        Set<Asn> asns() {
            if (asns == null) {
                asns = new HashSet<>();
                for (IntCursor source : keys(DrillDown.SOURCE)) {
                    asn(source.value).ifPresent(asns::add);
                }
            }
            return asns;
        }

        /** The first parts of the account's drill-down keys of one kind with calls in the baseline. */
        private IntHashSet keys(int kind) {
            IntHashSet keys = new IntHashSet();
            if (account != null && account.drillDown != null) {
                for (LongObjectCursor<HourCells> c : account.drillDown) {
                    if (DrillDown.kind(c.key) == kind && c.value.anyIn(w.baseFrom, w.scopeFrom)) {
                        keys.add(DrillDown.first(c.key));
                    }
                }
            }
            return keys;
        }
    }

    // ---------------------------------------------------------------- what is new

    private List<NewApiCall> newApiCalls(Usage scope, Usage before, AccountHistory account, HourWindow w) {
        List<NewApiCall> calls = new ArrayList<>();
        for (Map.Entry<Integer, Sums> e : scope.byMethod.entrySet()) {
            int method = e.getKey();
            if (!before.byMethod.containsKey(method)) {
                Sums s = e.getValue();
                calls.add(new NewApiCall(data.methods.eventSource(method), data.methods.eventName(method), s.success,
                        s.failure, HourWindow.startOf(s.first), !account.calledMethod(method)));
            }
        }
        calls.sort(Comparator.comparingLong((NewApiCall c) -> c.success() + c.failure()).reversed()
                .thenComparing(NewApiCall::eventSource).thenComparing(NewApiCall::eventName));
        return calls;
    }

    private List<NewUserAgent> newUserAgents(Usage scope, Usage before, AccountHistory account, HourWindow w) {
        List<NewUserAgent> agents = new ArrayList<>();
        for (Map.Entry<Integer, Sums> e : scope.byUserAgent.entrySet()) {
            int agent = e.getKey();
            if (!before.byUserAgent.containsKey(agent)) {
                Sums s = e.getValue();
                Sums internal = scope.internalByUserAgent.get(agent);
                long in = internal == null ? 0 : internal.total();
                agents.add(new NewUserAgent(data.entities.get(agent).ref, s.success, s.failure, in, s.total() - in,
                        HourWindow.startOf(s.first), !account.usedAgent(agent)));
            }
        }
        agents.sort(Comparator.comparingLong((NewUserAgent a) -> a.success() + a.failure()).reversed()
                .thenComparing(NewUserAgent::userAgent));
        return agents;
    }

    /** Builds one new place (a geolocation cell, an ASN) from its addresses and their summed calls. */
    @FunctionalInterface
    private interface PlaceRow<K, R> {
        R build(K key, List<Node> ips, Sums sums);
    }

    /**
     * The places (cells, ASNs) the scope's addresses map to that no baseline address maps to, a row each, most calls
     * first; the row builder judges whether each is new for the account too.
     */
    private <K, R> List<R> newPlaces(Usage scope, Usage before, Function<Integer, Optional<K>> place,
            PlaceRow<K, R> row) {
        Set<K> known = placesOf(before, place);
        return places(scope, place, key -> !known.contains(key), row);
    }

    /** The places (cells, ASNs) one side's addresses map to. */
    private static <K> Set<K> placesOf(Usage side, Function<Integer, Optional<K>> place) {
        Set<K> places = new HashSet<>();
        for (int source : side.bySource.keySet()) {
            if (DrillDown.isAddress(source)) {
                place.apply(source).ifPresent(places::add);
            }
        }
        return places;
    }

    /** The places (cells, ASNs) one side's addresses map to, those kept a row each, most calls first. */
    private <K, R> List<R> places(Usage side, Function<Integer, Optional<K>> place, Predicate<K> keep,
            PlaceRow<K, R> row) {
        Map<K, List<Node>> ips = new LinkedHashMap<>();
        Map<K, Sums> sums = new HashMap<>();
        for (Map.Entry<Integer, Sums> e : new TreeMap<>(side.bySource).entrySet()) {
            int source = e.getKey();
            if (!DrillDown.isAddress(source)) {
                continue;
            }
            Optional<K> key = place.apply(source);
            if (key.isPresent() && keep.test(key.get())) {
                ips.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(data.entities.get(source));
                sums.merge(key.get(), e.getValue(), Sums::plus);
            }
        }
        List<R> rows = new ArrayList<>();
        List<Map.Entry<K, Sums>> ordered = new ArrayList<>(sums.entrySet());
        ordered.sort(Comparator.comparingLong((Map.Entry<K, Sums> e) -> e.getValue().total()).reversed()
                .thenComparing(e -> e.getKey().toString()));
        for (Map.Entry<K, Sums> e : ordered) {
            List<Node> at = ips.get(e.getKey());
            at.sort(Comparator.comparing(n -> n.ref));
            rows.add(row.build(e.getKey(), at, e.getValue()));
        }
        return rows;
    }

    private List<VolumeIncrease> increases(Usage scope, Usage before, long scopeHours, long baselineHours) {
        VolumeIncreaseRule rule = data.settings.volumeIncrease();
        List<VolumeIncrease> flagged = new ArrayList<>();
        for (Map.Entry<Integer, Sums> e : scope.byMethod.entrySet()) {
            Sums base = before.byMethod.get(e.getKey());
            long calls = e.getValue().total();
            if (base == null || calls < rule.minCalls()) {
                continue;
            }
            double expected = (double) base.total() / baselineHours * scopeHours;
            double ratio = calls / expected;
            if (ratio < rule.minRatio()) {
                continue;
            }
            // P(X >= k) for X ~ Poisson(mu) is the regularized lower incomplete gamma P(k, mu), exact far into the
            // tail, where 1 - cdf(k - 1) would round to 0.
            double p = Gamma.regularizedGammaP(calls, expected);
            if (p <= rule.maxPValue()) {
                int method = e.getKey();
                flagged.add(new VolumeIncrease(data.methods.eventSource(method), data.methods.eventName(method), calls,
                        scopeHours, base.total(), baselineHours, expected, ratio, p));
            }
        }
        flagged.sort(Comparator.comparingDouble(NewBehaviors::logSignificance)
                .thenComparing(VolumeIncrease::eventSource).thenComparing(VolumeIncrease::eventName));
        return flagged;
    }

    /**
     * The natural logarithm of an increase's p-value, for ordering: where the p-value underflows to 0 (a thousand
     * calls against one expected), the log of the tail's first term, {@code k ln(mu) - mu - ln k!}, which orders the
     * deep tail as the p-values would, and lies below every p-value a double holds.
     */
    private static double logSignificance(VolumeIncrease v) {
        if (v.pValue() > 0) {
            return Math.log(v.pValue());
        }
        double k = v.scopeCalls();
        double mu = v.expectedCalls();
        return k * Math.log(mu) - mu - Gamma.logGamma(k + 1);
    }

    // ---------------------------------------------------------------- enrichment

    private Optional<Geolocation> locate(Node ip) {
        return data.settings.geoLocator().locate(ip.ref.id());
    }

    /** The cell of a source, its location kept in {@code located}. */
    private Optional<GeoCell> cellOf(int source, Map<Integer, Geolocation> located) {
        if (!DrillDown.isAddress(source)) {
            return Optional.empty();
        }
        Geolocation where = located.computeIfAbsent(source, k -> locate(data.entities.get(k)).orElse(null));
        return Optional.ofNullable(where).map(Geolocation::cell);
    }

    private Optional<GeoCell> cell(int source) {
        return DrillDown.isAddress(source) ? locate(data.entities.get(source)).map(Geolocation::cell) : Optional.empty();
    }

    private Optional<Asn> asn(int source) {
        return DrillDown.isAddress(source) ? data.settings.asnResolver().resolve(data.entities.get(source).ref.id())
                : Optional.empty();
    }

    private static List<EntityRef> refs(List<Node> nodes) {
        return nodes.stream().map(n -> n.ref).toList();
    }
}
