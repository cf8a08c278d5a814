package io.github.detective4j.graph;

import com.carrotsearch.hppc.IntHashSet;
import com.carrotsearch.hppc.cursors.LongObjectCursor;
import io.github.detective4j.attack.ApiMethod;
import io.github.detective4j.attack.FindingTactics;
import io.github.detective4j.attack.Tactic;
import io.github.detective4j.attack.Technique;
import io.github.detective4j.attack.TechniqueMatch;
import io.github.detective4j.intel.ThreatMatch;
import io.github.detective4j.investigation.FlaggedIpAddress;
import io.github.detective4j.investigation.Indicator;
import io.github.detective4j.investigation.InvestigationSeverity;
import io.github.detective4j.investigation.TtpObserved;
import io.github.detective4j.model.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The indicators that rest on outside knowledge: {@code TTP_OBSERVED} from the graph's API-method technique table
 * (methods whatever their content, from the method drill-downs; content-dependent rules such as a console login
 * without MFA, matched as the calls arrived; and discovery bursts, in an hour or across two), from GuardDuty's and
 * Security Hub's finding types; and {@code FLAGGED_IP_ADDRESS} from the graph's threat intelligence. Runs under the
 * graph's read lock.
 *
 * <p>A technique's severity follows its tactic ({@code Investigation} documents the table), one level lower when
 * every call failed, and one level lower again when the entity also called the method in its baseline (a discovery
 * burst: when a baseline hour of the entity's was a burst of the same technique, by the same detection): routine use
 * of a sensitive method is worth seeing, not worth an alarm.
 */
final class TtpIndicators {
    private static final FindingTactics FINDINGS = FindingTactics.builtIn();
    private static final ApiMethod CONSOLE_LOGIN = new ApiMethod("signin.amazonaws.com", "ConsoleLogin");

    private final GraphData data;

    TtpIndicators(GraphData data) {
        this.data = data;
    }

    /** The tactic a finding type names, for finding groups' chains. */
    Optional<String> tacticOf(String findingType) {
        return FINDINGS.tactic(findingType).map(Tactic::displayName);
    }

    /** The techniques of the actors' calls in the scope. */
    List<Indicator> observed(List<Node> actors, HourWindow w) {
        Map<Long, long[]> scoped = new TreeMap<>();
        IntHashSet routine = new IntHashSet();
        Set<Long> routineTechniques = new HashSet<>();
        // by actor and hour: a burst is one principal's, so a role's sessions, each at its own work, make none together
        Map<Long, Map<Integer, long[]>> byHour = new TreeMap<>();
        Map<Long, Map<Integer, long[]>> baseByHour = new TreeMap<>();
        // refused console sign-ins by actor and hour, for password guessing: many addresses may share the guessing
        Map<Long, long[]> signIns = new TreeMap<>();
        Map<Long, long[]> baseSignIns = new TreeMap<>();
        for (Node actor : actors) {
            if (actor.drillDown == null) {
                continue;
            }
            for (LongObjectCursor<HourCells> c : actor.drillDown) {
                int kind = DrillDown.kind(c.key);
                if (kind != DrillDown.SOURCE_METHOD && kind != DrillDown.TECHNIQUE) {
                    continue;
                }
                HourCells cells = c.value;
                long[] sums = new long[HourCells.CALL_STRIDE];
                if (cells.sum(w.scopeFrom, w.scopeTo, sums) > 0) {
                    long[] total = scoped.computeIfAbsent(c.key, k -> new long[2]);
                    total[0] += sums[HourCells.SUCCESS];
                    total[1] += sums[HourCells.FAILURE];
                }
                // "also did it in its baseline": a refused attempt there did not do it
                boolean before = cells.anyIn(w.baseFrom, w.scopeFrom, HourCells.SUCCESS);
                if (kind == DrillDown.TECHNIQUE) {
                    // Routine is judged on the technique's own calls: logins with MFA do not make one without routine.
                    if (before) {
                        routineTechniques.add(DrillDown.key(DrillDown.TECHNIQUE, DrillDown.first(c.key), 0));
                    }
                    continue;
                }
                int method = DrillDown.second(c.key);
                if (before) {
                    routine.add(method);
                }
                // Only discovery methods make or count in a burst; keeping just them bounds the baseline's hours.
                ApiMethod called = new ApiMethod(data.methods.eventSource(method), data.methods.eventName(method));
                if (data.settings.apiTechniques().countsTowardBurst(called)) {
                    byHour(actor, cells, w.scopeFrom, w.scopeTo, method, byHour);
                    byHour(actor, cells, w.baseFrom, w.scopeFrom, method, baseByHour);
                } else if (data.settings.apiTechniques().countsTowardGuessing(called)) {
                    byHour(actor, cells, w.scopeFrom, w.scopeTo, signIns);
                    byHour(actor, cells, w.baseFrom, w.scopeFrom, baseSignIns);
                }
            }
        }
        List<Indicator> indicators = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : scoped.entrySet()) {
            long key = e.getKey();
            boolean byMethod = DrillDown.kind(key) == DrillDown.SOURCE_METHOD;
            int source = byMethod ? DrillDown.first(key) : DrillDown.second(key);
            int method;
            TechniqueMatch match;
            if (byMethod) {
                method = DrillDown.second(key);
                Optional<TechniqueMatch> found = data.settings.apiTechniques()
                        .match(data.methods.eventSource(method), data.methods.eventName(method));
                if (found.isEmpty()) {
                    continue;
                }
                match = found.get();
            } else {
                GraphData.MethodTechnique t = data.techniques.get(DrillDown.first(key));
                method = t.method();
                match = t.match();
            }
            long success = e.getValue()[0];
            long failure = e.getValue()[1];
            boolean usual = byMethod ? routine.contains(method)
                    : routineTechniques.contains(DrillDown.key(DrillDown.TECHNIQUE, DrillDown.first(key), 0));
            indicators.add(new Indicator(new TtpObserved(match.tactic().displayName(), match.technique().toString(),
                    match.procedure(), ip(source), data.methods.eventName(method), success, failure),
                    severity(match.tactic(), success, usual)));
        }
        Set<Technique> routineBursts = bursts(baseByHour).keySet();
        for (Burst b : bursts(byHour).values()) {
            Tactic tactic = b.match().tactic();
            indicators.add(new Indicator(new TtpObserved(tactic.displayName(), b.match().technique().toString(),
                    b.match().procedure(), null, null, b.success(), b.failure()),
                    severity(tactic, b.success(), routineBursts.contains(b.match().technique()))));
        }
        Guessing guessing = guessing(signIns);
        if (guessing != null) {
            Tactic tactic = guessing.match().tactic();
            indicators.add(new Indicator(new TtpObserved(tactic.displayName(), guessing.match().technique().toString(),
                    guessing.match().procedure(), null, "ConsoleLogin", guessing.success(), guessing.failure()),
                    severity(tactic, guessing.success(), guessing(baseSignIns) != null)));
        }
        return indicators;
    }

    /**
     * Adds an actor's calls of a method in the hours {@code [from, to)} to the counts of its hours, successes and
     * failures, keyed by the actor's index and the hour.
     */
    private static void byHour(Node actor, HourCells cells, int from, int to, int method,
            Map<Long, Map<Integer, long[]>> into) {
        long ofActor = (long) actor.index << 32;
        for (int i = cells.lowerBound(from); i < cells.size() && cells.hour(i) < to; i++) {
            long[] hourCalls = into.computeIfAbsent(ofActor | (cells.hour(i) & 0xFFFF_FFFFL), h -> new HashMap<>())
                    .computeIfAbsent(method, m -> new long[2]);
            hourCalls[0] += cells.value(i, HourCells.SUCCESS);
            hourCalls[1] += cells.value(i, HourCells.FAILURE);
        }
    }

    /** As {@link #byHour(Node, HourCells, int, int, int, Map)}, for one method: the console sign-in. */
    private static void byHour(Node actor, HourCells cells, int from, int to, Map<Long, long[]> into) {
        long ofActor = (long) actor.index << 32;
        for (int i = cells.lowerBound(from); i < cells.size() && cells.hour(i) < to; i++) {
            long[] hourCalls = into.computeIfAbsent(ofActor | (cells.hour(i) & 0xFFFF_FFFFL), h -> new long[2]);
            hourCalls[0] += cells.value(i, HourCells.SUCCESS);
            hourCalls[1] += cells.value(i, HourCells.FAILURE);
        }
    }

    /** Password guessing: the match of its largest window, and the sign-ins of every hour in one. */
    private record Guessing(TechniqueMatch match, long success, long failure) {}

    /**
     * Password guessing in refused sign-ins by actor and hour, or null: a window is an hour, or two adjacent hours
     * of one actor neither of which is guessing alone (as for bursts); the match is that of the window with the most
     * refusals, the counts those of every hour in a window, each hour once.
     */
    private Guessing guessing(Map<Long, long[]> byHour) {
        TechniqueMatch most = null;
        long mostFailures = 0;
        Set<Long> hours = new HashSet<>();
        for (Map.Entry<Long, long[]> e : byHour.entrySet()) {
            long hour = e.getKey();
            long before = hour - 1; // the actor's index is in the high half: the same actor's previous hour
            long[] previous = (before >>> 32) == (hour >>> 32) ? byHour.get(before) : null;
            long failures = e.getValue()[1];
            Optional<TechniqueMatch> found = match(failures);
            if (found.isEmpty() && previous != null && match(previous[1]).isEmpty()) {
                found = match(previous[1] + failures);
                if (found.isPresent()) {
                    hours.add(before);
                    failures += previous[1];
                }
            }
            if (found.isPresent()) {
                hours.add(hour);
                if (failures > mostFailures) {
                    most = found.get();
                    mostFailures = failures;
                }
            }
        }
        if (most == null) {
            return null;
        }
        long success = 0;
        long failure = 0;
        for (long hour : hours) {
            success += byHour.get(hour)[0];
            failure += byHour.get(hour)[1];
        }
        return new Guessing(most, success, failure);
    }

    private Optional<TechniqueMatch> match(long failures) {
        return data.settings.apiTechniques().matchFailedSignIns(CONSOLE_LOGIN, failures);
    }

    /** A discovery technique's bursts: its match and the successes and failures of its methods in the bursts. */
    private record Burst(TechniqueMatch match, long success, long failure) {}

    /**
     * Discovery bursts, actor by actor, from each hour's discovery methods (the only ones kept): per technique, the
     * calls of its own methods in the windows that burst. A window is an hour, or two adjacent hours of one actor
     * neither of which bursts alone, so that a burst across the top of an hour is one. The same detection runs over
     * the scope and over the baseline, so that a burst the entity also made in its baseline is lowered as a routine
     * method is.
     */
    private Map<Technique, Burst> bursts(Map<Long, Map<Integer, long[]>> byHour) {
        Map<Technique, TechniqueMatch> matches = new LinkedHashMap<>();
        Map<Technique, Set<Long>> burstHours = new HashMap<>();
        Map<Long, Boolean> alone = new HashMap<>();
        for (long hour : byHour.keySet()) {
            alone.put(hour, burst(List.of(byHour.get(hour)), List.of(hour), matches, burstHours));
        }
        for (long hour : byHour.keySet()) {
            long before = hour - 1; // the actor's index is in the high half: the same actor's previous hour
            if ((before >>> 32) == (hour >>> 32) && byHour.containsKey(before) && !alone.get(before)
                    && !alone.get(hour)) {
                burst(List.of(byHour.get(before), byHour.get(hour)), List.of(before, hour), matches, burstHours);
            }
        }
        Map<Integer, Optional<Technique>> kinds = new HashMap<>();
        Map<Technique, Burst> bursts = new LinkedHashMap<>();
        matches.forEach((technique, match) -> {
            long success = 0;
            long failure = 0;
            for (long hour : burstHours.get(technique)) {
                for (Map.Entry<Integer, long[]> calls : byHour.get(hour).entrySet()) {
                    if (technique.equals(kinds.computeIfAbsent(calls.getKey(), this::discoveryKind).orElse(null))) {
                        success += calls.getValue()[0];
                        failure += calls.getValue()[1];
                    }
                }
            }
            bursts.put(technique, new Burst(match, success, failure));
        });
        return bursts;
    }

    /** Whether the window of these hours bursts; if so its techniques and hours are added to those found. */
    private boolean burst(List<Map<Integer, long[]>> window, List<Long> hours, Map<Technique, TechniqueMatch> matches,
            Map<Technique, Set<Long>> burstHours) {
        Set<ApiMethod> methods = new LinkedHashSet<>();
        for (Map<Integer, long[]> hour : window) {
            hour.keySet().forEach(method -> methods.add(
                    new ApiMethod(data.methods.eventSource(method), data.methods.eventName(method))));
        }
        List<TechniqueMatch> burst = data.settings.apiTechniques().matchDiscoveryBurst(methods);
        for (TechniqueMatch m : burst) {
            matches.putIfAbsent(m.technique(), m);
            burstHours.computeIfAbsent(m.technique(), t -> new HashSet<>()).addAll(hours);
        }
        return !burst.isEmpty();
    }

    private Optional<Technique> discoveryKind(int method) {
        return data.settings.apiTechniques().discoveryTechnique(
                new ApiMethod(data.methods.eventSource(method), data.methods.eventName(method)));
    }

    /** The tactic and technique a related finding's type names, as Detective reports GuardDuty's TTP findings. */
    List<Indicator> ofFinding(Finding finding, String ip) {
        return FINDINGS.match(finding.type())
                .map(m -> List.of(new Indicator(new TtpObserved(m.tactic().displayName(), m.technique().toString(),
                        finding.type(), ip, null, finding.count(), 0), severity(m.tactic()))))
                .orElse(List.of());
    }

    /** One indicator per address the actors called from in the scope that the threat intelligence lists. */
    List<Indicator> flagged(List<Node> actors, HourWindow w) {
        Map<String, ThreatMatch> flagged = new TreeMap<>();
        for (Node actor : actors) {
            if (actor.out == null) {
                continue;
            }
            for (LongObjectCursor<Edge> c : actor.out) {
                // an address the credentials worked from: a refused sign-in from a listed address is an attempt
                if (c.value.type == RelationshipType.CALLED_FROM
                        && c.value.cells.anyIn(w.scopeFrom, w.scopeTo, HourCells.SUCCESS)) {
                    String ip = c.value.target.ref.id();
                    data.settings.threatIntel().lookup(ip).ifPresent(m -> flagged.put(ip, m));
                }
            }
        }
        List<Indicator> indicators = new ArrayList<>();
        flagged.forEach((ip, m) -> indicators.add(new Indicator(new FlaggedIpAddress(ip, m.reason(), m.source()),
                InvestigationSeverity.HIGH)));
        return indicators;
    }

    /** The address of a source part; null for a service, or for a source folded past the cap. */
    private String ip(int source) {
        return DrillDown.isAddress(source) ? data.entities.get(source).ref.id() : null;
    }

    /**
     * The severity of a technique the entity's calls show, as {@code Investigation} documents it: its tactic's, one
     * level lower when every call failed (an attempt, not an act), one level lower again when the entity also did it
     * in its baseline (routine). Methods, content-judged techniques and discovery bursts alike.
     */
    private static InvestigationSeverity severity(Tactic tactic, long success, boolean inBaseline) {
        InvestigationSeverity severity = severity(tactic);
        severity = success == 0 ? severity.lower() : severity;
        return inBaseline ? severity.lower() : severity;
    }

    /** The severity of a technique by its tactic, as {@code Investigation} documents it. */
    static InvestigationSeverity severity(Tactic tactic) {
        return switch (tactic) {
            case RECONNAISSANCE, DISCOVERY -> InvestigationSeverity.LOW;
            case EXECUTION, COLLECTION, COMMAND_AND_CONTROL, RESOURCE_DEVELOPMENT -> InvestigationSeverity.MEDIUM;
            default -> InvestigationSeverity.HIGH;
        };
    }
}
