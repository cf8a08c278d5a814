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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The indicators that rest on outside knowledge: {@code TTP_OBSERVED} from the graph's API-method technique table
 * (methods whatever their content, from the method drill-downs; content-dependent rules such as a console login
 * without MFA, matched as the calls arrived; and discovery bursts, hour by hour), from GuardDuty's and Security
 * Hub's finding types; and {@code FLAGGED_IP_ADDRESS} from the graph's threat intelligence. Runs under the graph's
 * read lock.
 *
 * <p>A technique's severity follows its tactic ({@code Investigation} documents the table), one level lower when
 * every call failed, and one level lower again when the entity also called the method in its baseline: routine use of
 * a sensitive method is worth seeing, not worth an alarm.
 */
final class TtpIndicators {
    private static final FindingTactics FINDINGS = FindingTactics.builtIn();

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
        Map<Integer, Map<Integer, long[]>> byHour = new TreeMap<>();
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
                boolean before = cells.anyIn(w.baseFrom, w.scopeFrom);
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
                for (int i = cells.lowerBound(w.scopeFrom); i < cells.size() && cells.hour(i) < w.scopeTo; i++) {
                    long[] hourCalls = byHour.computeIfAbsent(cells.hour(i), h -> new HashMap<>())
                            .computeIfAbsent(method, m -> new long[2]);
                    hourCalls[0] += cells.value(i, HourCells.SUCCESS);
                    hourCalls[1] += cells.value(i, HourCells.FAILURE);
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
            InvestigationSeverity severity = severity(match.tactic());
            severity = success == 0 ? severity.lower() : severity;
            boolean usual = byMethod ? routine.contains(method)
                    : routineTechniques.contains(DrillDown.key(DrillDown.TECHNIQUE, DrillDown.first(key), 0));
            severity = usual ? severity.lower() : severity;
            indicators.add(new Indicator(new TtpObserved(match.tactic().displayName(), match.technique().toString(),
                    match.procedure(), ip(source), data.methods.eventName(method), success, failure), severity));
        }
        indicators.addAll(bursts(byHour));
        return indicators;
    }

    /**
     * Discovery bursts, hour by hour: one indicator per technique, with the calls of the bursting hours' discovery
     * methods.
     */
    private List<Indicator> bursts(Map<Integer, Map<Integer, long[]>> byHour) {
        Map<Technique, long[]> calls = new LinkedHashMap<>();
        Map<Technique, TechniqueMatch> matches = new LinkedHashMap<>();
        for (Map<Integer, long[]> hour : byHour.values()) {
            Map<ApiMethod, long[]> methods = new LinkedHashMap<>();
            hour.forEach((method, counts) -> methods.put(
                    new ApiMethod(data.methods.eventSource(method), data.methods.eventName(method)), counts));
            List<TechniqueMatch> burst = data.settings.apiTechniques().matchDiscoveryBurst(methods.keySet());
            if (burst.isEmpty()) {
                continue;
            }
            long[] discovery = new long[2];
            methods.forEach((method, counts) -> {
                if (data.settings.apiTechniques().countsTowardBurst(method)) {
                    discovery[0] += counts[0];
                    discovery[1] += counts[1];
                }
            });
            for (TechniqueMatch m : burst) {
                matches.putIfAbsent(m.technique(), m);
                long[] total = calls.computeIfAbsent(m.technique(), t -> new long[2]);
                total[0] += discovery[0];
                total[1] += discovery[1];
            }
        }
        List<Indicator> indicators = new ArrayList<>();
        matches.forEach((technique, m) -> indicators.add(new Indicator(new TtpObserved(m.tactic().displayName(),
                technique.toString(), m.procedure(), null, null, calls.get(technique)[0], calls.get(technique)[1]),
                severity(m.tactic()))));
        return indicators;
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
                if (c.value.type == RelationshipType.CALLED_FROM && c.value.cells.anyIn(w.scopeFrom, w.scopeTo)) {
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

    /** The severity of a technique by its tactic, as {@code Investigation} documents it. */
    static InvestigationSeverity severity(Tactic tactic) {
        return switch (tactic) {
            case RECONNAISSANCE, DISCOVERY -> InvestigationSeverity.LOW;
            case EXECUTION, COLLECTION, COMMAND_AND_CONTROL, RESOURCE_DEVELOPMENT -> InvestigationSeverity.MEDIUM;
            default -> InvestigationSeverity.HIGH;
        };
    }
}
