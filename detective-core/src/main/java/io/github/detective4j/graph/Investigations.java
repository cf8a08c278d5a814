package io.github.detective4j.graph;

import com.carrotsearch.hppc.cursors.LongObjectCursor;
import com.google.common.hash.Hashing;
import io.github.detective4j.behavior.NewAso;
import io.github.detective4j.behavior.NewBehavior;
import io.github.detective4j.behavior.NewGeolocation;
import io.github.detective4j.behavior.NewUserAgent;
import io.github.detective4j.enrich.Asn;
import io.github.detective4j.enrich.Geolocation;
import io.github.detective4j.investigation.ImpossibleTravel;
import io.github.detective4j.investigation.ImpossibleTravelRule;
import io.github.detective4j.investigation.Indicator;
import io.github.detective4j.investigation.Investigation;
import io.github.detective4j.investigation.InvestigationSeverity;
import io.github.detective4j.investigation.InvestigationState;
import io.github.detective4j.investigation.InvestigationStatus;
import io.github.detective4j.investigation.NewAsoDetail;
import io.github.detective4j.investigation.NewGeolocationDetail;
import io.github.detective4j.investigation.NewUserAgentDetail;
import io.github.detective4j.investigation.RelatedFinding;
import io.github.detective4j.investigation.RelatedFindingGroup;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.IpAddresses;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.model.SeverityLabel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs investigations: gathers an IAM user's or role's indicators of compromise over a scope from new behavior, its
 * calls' ATT&amp;CK techniques, travel between its addresses, threat intelligence and findings, and derives the
 * severity by the rule documented on {@link Investigation}. Runs under the graph's read lock; the investigations' state
 * (created time, active or archived) is kept in a synchronized map of its own, of the last {@value #MAX_KEPT}.
 */
final class Investigations {
    /** By type, the most severe first, then by detail: never by the order events arrived in. */
    private static final Comparator<Indicator> ORDER = Comparator.comparing(Indicator::type)
            .thenComparing(Indicator::severity, Comparator.reverseOrder())
            .thenComparing(indicator -> indicator.detail().toString());

    private final GraphData data;
    private final NewBehaviors newBehaviors;
    private final FindingGroups groups;
    private final TtpIndicators ttps;
    /** Investigations kept at most; past it the one created first is forgotten. */
    static final int MAX_KEPT = 10_000;

    /** By id, in the order created: a sliding scope makes a new investigation each time, so the map is bounded. */
    private final Map<String, Record> known = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Record> eldest) {
            return size() > MAX_KEPT;
        }
    });

    /** What an investigation keeps between runs. */
    private record Record(EntityRef entity, ScopeTime scope, Instant createdTime, InvestigationState state) {}

    Investigations(GraphData data, NewBehaviors newBehaviors, FindingGroups groups, TtpIndicators ttps) {
        this.data = data;
        this.newBehaviors = newBehaviors;
        this.groups = groups;
        this.ttps = ttps;
    }

    Investigation investigate(EntityRef entity, ScopeTime scope) {
        if (!entity.type().isInvestigable()) {
            String hint = entity.issuingRole().map(role -> "; investigate its role, " + role).orElse("");
            throw new IllegalArgumentException("investigations are of IAM users and roles, not " + entity + hint);
        }
        String id = id(entity, scope);
        Record record;
        synchronized (known) {
            record = known.computeIfAbsent(id, k -> new Record(entity, scope, data.settings.clock().instant(),
                    InvestigationState.ACTIVE));
        }
        Node node = data.entities.get(entity);
        Map<Evidence, List<Indicator>> evidence = new EnumMap<>(Evidence.class);
        for (Evidence e : Evidence.values()) {
            evidence.put(e, new ArrayList<>());
        }
        if (node != null) {
            HourWindow w = new HourWindow(scope, data.settings);
            List<Node> actors = actors(node);
            newBehavior(newBehaviors.of(entity, scope), evidence.get(Evidence.BEHAVIOR));
            evidence.get(Evidence.CALLS).addAll(ttps.observed(actors, w));
            impossibleTravel(actors, w, evidence.get(Evidence.TRAVEL));
            evidence.get(Evidence.INTEL).addAll(ttps.flagged(actors, w));
            related(node, actors, w, evidence.get(Evidence.FINDINGS));
        }
        List<Indicator> indicators = new ArrayList<>();
        evidence.values().forEach(indicators::addAll);
        indicators.sort(ORDER);
        String arn = node == null || node.attributes == null ? null : node.attributes.arn;
        boolean inTraining = data.inTraining(scope);
        return new Investigation(id, entity, arn, scope, record.createdTime(), InvestigationStatus.SUCCESSFUL,
                severity(evidence, inTraining), inTraining, record.state(), indicators);
    }

    List<Investigation> all() {
        List<Record> records;
        synchronized (known) {
            records = new ArrayList<>(new TreeMap<>(known).values());
        }
        List<Investigation> all = new ArrayList<>();
        for (Record r : records) {
            all.add(investigate(r.entity(), r.scope()));
        }
        return all;
    }

    void updateState(String id, InvestigationState state) {
        synchronized (known) {
            Record r = known.get(id);
            if (r == null) {
                throw new NoSuchElementException("no investigation '" + id + "' in this graph");
            }
            known.put(id, new Record(r.entity(), r.scope(), r.createdTime(), state));
        }
    }

    /** Detective's investigation ids are 21 digits: here, from a hash of the entity and scope, so reruns keep it. */
    static String id(EntityRef entity, ScopeTime scope) {
        long hash = Hashing.sha256().hashString(entity + "|" + scope, StandardCharsets.UTF_8).asLong();
        String digits = Long.toUnsignedString(hash);
        return "0".repeat(21 - digits.length()) + digits;
    }

    /** The principals whose calls are the entity's: a user itself, a role its sessions (and itself). */
    static List<Node> actors(Node node) {
        List<Node> actors = new ArrayList<>(Profiles.members(node));
        actors.add(node);
        return actors;
    }

    // ---------------------------------------------------------------- new behavior

    /** New places, networks and agents the entity's credentials worked from: refused calls alone are attempts. */
    private static void newBehavior(NewBehavior nb, List<Indicator> into) {
        for (NewGeolocation g : nb.geolocations()) {
            if (g.success() > 0) {
                into.add(new Indicator(new NewGeolocationDetail(g.location().label(), g.ipAddresses().get(0).id(),
                        g.newForAccount()), newSeverity(g.newForAccount())));
            }
        }
        for (NewAso a : nb.asos()) {
            if (a.success() > 0) {
                into.add(new Indicator(new NewAsoDetail(a.asn().toString(), a.newForAccount()),
                        newSeverity(a.newForAccount())));
            }
        }
        for (NewUserAgent u : nb.userAgents()) {
            if (u.success() > 0) {
                into.add(new Indicator(new NewUserAgentDetail(u.userAgent().id(), u.newForAccount()),
                        newSeverity(u.newForAccount())));
            }
        }
    }

    private static InvestigationSeverity newSeverity(boolean newForAccount) {
        return newForAccount ? InvestigationSeverity.MEDIUM : InvestigationSeverity.LOW;
    }

    // ---------------------------------------------------------------- impossible travel

    /** One address used in one hour of the scope, with where it is. */
    private record Sighting(int hour, Node ip, Geolocation location) {}

    /**
     * Impossible travel of each actor on its own: a role's sessions are different people or workloads, and two of
     * them in two places prove nothing.
     */
    private void impossibleTravel(List<Node> actors, HourWindow w, List<Indicator> into) {
        ImpossibleTravelRule rule = data.settings.impossibleTravel();
        Map<String, ImpossibleTravel> fastest = new LinkedHashMap<>();
        for (Node actor : actors) {
            if (actor.out != null) {
                travels(sightings(actor, w, rule), rule, fastest);
            }
        }
        for (ImpossibleTravel t : fastest.values()) {
            into.add(new Indicator(t, InvestigationSeverity.HIGH));
        }
    }

    /**
     * Every (hour, address) of an actor's successful calls in the scope, with where the address is, in time order;
     * within an hour, whose calls' order is unknown, in address order ({@link IpAddresses#compare}: IPv4 before
     * IPv6, then by number), so the pair is reported the same way whatever the ids' text.
     */
    private List<Sighting> sightings(Node actor, HourWindow w, ImpossibleTravelRule rule) {
        List<Edge> calledFrom = new ArrayList<>();
        for (LongObjectCursor<Edge> c : actor.out) {
            if (c.value.type == RelationshipType.CALLED_FROM && c.value.cells.anyIn(w.scopeFrom, w.scopeTo)) {
                calledFrom.add(c.value);
            }
        }
        // Addresses in order once; the stable sort by hour below keeps it within each hour.
        calledFrom.sort(Comparator.comparing((Edge e) -> e.target.ref.id(), IpAddresses::compare));
        List<Sighting> sightings = new ArrayList<>();
        for (Edge edge : calledFrom) {
            Optional<Geolocation> where = data.settings.geoLocator().locate(edge.target.ref.id());
            Optional<Asn> asn = data.settings.asnResolver().resolve(edge.target.ref.id());
            // A place known only to its country has the country's centroid for coordinates: not where the address is.
            if (where.isEmpty() || where.get().city() == null && where.get().region() == null
                    || asn.map(a -> rule.excludedAsns().contains(a.number())).orElse(false)) {
                continue;
            }
            HourCells cells = edge.cells;
            for (int i = cells.lowerBound(w.scopeFrom); i < cells.size() && cells.hour(i) < w.scopeTo; i++) {
                if (cells.value(i, HourCells.SUCCESS) > 0) { // where the credentials worked, not where they were tried
                    sightings.add(new Sighting(cells.hour(i), edge.target, where.get()));
                }
            }
        }
        sightings.sort(Comparator.comparingInt(Sighting::hour));
        return sightings;
    }

    /** Each sighting against those of its own hour after it and of the next hour with any: consecutive calls. */
    private static void travels(List<Sighting> sightings, ImpossibleTravelRule rule,
            Map<String, ImpossibleTravel> fastest) {
        for (int i = 0; i < sightings.size(); i++) {
            Sighting a = sightings.get(i);
            int next = -1;
            for (int j = i + 1; j < sightings.size(); j++) {
                Sighting b = sightings.get(j);
                if (b.hour() != a.hour()) {
                    if (next < 0) {
                        next = b.hour();
                    }
                    if (b.hour() != next) {
                        break;
                    }
                }
                travel(a, b, rule).ifPresent(t -> fastest.merge(t.startingIpAddress() + ">" + t.endingIpAddress(),
                        t, (x, y) -> x.speedKilometersPerHour() >= y.speedKilometersPerHour() ? x : y));
            }
        }
    }

    private static Optional<ImpossibleTravel> travel(Sighting a, Sighting b, ImpossibleTravelRule rule) {
        if (a.location().cell().equals(b.location().cell())) {
            return Optional.empty();
        }
        double km = ImpossibleTravelRule.distanceKm(a.location().latitude(), a.location().longitude(),
                b.location().latitude(), b.location().longitude());
        // Each address is anywhere within its radius of its point: the nearest they can be is what is judged.
        double shortest = Math.max(0, km - a.location().accuracyRadiusKm() - b.location().accuracyRadiusKm());
        int delta = b.hour() - a.hour();
        double speed = shortest / (delta + 1);
        if (shortest < rule.minDistanceKm() || speed <= rule.maxSpeedKmh()) {
            return Optional.empty();
        }
        return Optional.of(new ImpossibleTravel(a.ip().ref.id(), b.ip().ref.id(), a.location().label(),
                b.location().label(), delta, km, speed));
    }

    // ---------------------------------------------------------------- findings

    /**
     * Findings about the entity, its sessions or role, or the instances they launched, observed around the scope;
     * and the groups that hold them.
     */
    private void related(Node node, List<Node> actors, HourWindow w, List<Indicator> into) {
        Set<Node> subjects = new LinkedHashSet<>(actors);
        if (node.attributes != null && node.attributes.role != null) {
            subjects.add(node.attributes.role);
        }
        for (Node actor : actors) {
            if (actor.out != null) {
                for (LongObjectCursor<Edge> c : actor.out) {
                    if (c.value.type == RelationshipType.CREATED_INSTANCE) {
                        subjects.add(c.value.target);
                    }
                }
            }
        }
        Map<String, Finding> findings = new TreeMap<>();
        for (Node subject : subjects) {
            for (Edge edge : subject.incoming(RelationshipType.INVOLVES)) {
                FindingState state = data.findings.get(edge.source.ref.id());
                if (state != null) {
                    Finding f = state.view();
                    if (f.firstObserved().getEpochSecond() < w.toSecond()
                            && f.lastObserved().getEpochSecond() >= w.fromSecond()) {
                        findings.put(f.id(), f);
                    }
                }
            }
        }
        Set<String> groupIds = new LinkedHashSet<>();
        for (Finding f : findings.values()) {
            into.add(new Indicator(new RelatedFinding(f.arn(), f.type(), remoteIp(f), f.id()),
                    severity(f.severity().label())));
            into.addAll(ttps.ofFinding(f, remoteIp(f)));
            groups.of(f.id()).ifPresent(g -> {
                if (groupIds.add(g.id())) {
                    into.add(new Indicator(new RelatedFindingGroup(g.id(), g.title()), severity(g.severity().label())));
                }
            });
        }
    }

    /** The finding's remote address: one its instance exchanged traffic with, else its first global address. */
    private String remoteIp(Finding f) {
        String first = null;
        for (EntityRef e : f.entities()) {
            if (e.type() != EntityType.IP_ADDRESS) {
                continue;
            }
            Node ip = data.entities.get(e);
            if (ip != null && ip.in != null) {
                for (Edge edge : ip.in) {
                    if (edge.type == RelationshipType.COMMUNICATED_WITH && f.entities().contains(edge.source.ref)) {
                        return e.id();
                    }
                }
            }
            if (first == null && IpAddresses.isGlobal(e.id())) {
                first = e.id();
            }
        }
        return first;
    }

    static InvestigationSeverity severity(SeverityLabel label) {
        return switch (label) {
            case INFORMATIONAL -> InvestigationSeverity.INFORMATIONAL;
            case LOW -> InvestigationSeverity.LOW;
            case MEDIUM -> InvestigationSeverity.MEDIUM;
            case HIGH -> InvestigationSeverity.HIGH;
            case CRITICAL -> InvestigationSeverity.CRITICAL;
        };
    }

    // ---------------------------------------------------------------- severity

    /**
     * Where an indicator's evidence comes from. Corroboration needs two independent ones: a finding's type, its group
     * and the finding itself are one piece of evidence told three ways.
     */
    enum Evidence {
        /** The entity's own calls: their techniques and discovery bursts. */
        CALLS,
        /** Where the calls came from, one place after another. */
        TRAVEL,
        /** Threat intelligence about the addresses. */
        INTEL,
        /** Findings, their groups and the techniques their types name. */
        FINDINGS,
        /** New geolocations, ASOs and user agents. */
        BEHAVIOR
    }

    /**
     * The rule documented on {@link Investigation}: while the baseline is in training, new behavior is left out of it,
     * everything looking new without history to compare with.
     */
    static InvestigationSeverity severity(Map<Evidence, List<Indicator>> evidence, boolean inTraining) {
        InvestigationSeverity max = InvestigationSeverity.INFORMATIONAL;
        Set<Evidence> high = EnumSet.noneOf(Evidence.class);
        for (Map.Entry<Evidence, List<Indicator>> e : evidence.entrySet()) {
            if (inTraining && e.getKey() == Evidence.BEHAVIOR) {
                continue;
            }
            for (Indicator i : e.getValue()) {
                max = max.max(i.severity());
                if (i.severity().compareTo(InvestigationSeverity.HIGH) >= 0) {
                    high.add(e.getKey());
                }
            }
        }
        boolean newBehavior = !inTraining && !evidence.getOrDefault(Evidence.BEHAVIOR, List.of()).isEmpty();
        if (max == InvestigationSeverity.HIGH && high.size() >= 2 && newBehavior) {
            return InvestigationSeverity.CRITICAL;
        }
        return max;
    }
}
