package io.github.detective4j.graph;

import com.carrotsearch.hppc.cursors.LongObjectCursor;
import io.github.detective4j.attack.FindingTactics;
import io.github.detective4j.attack.Tactic;
import io.github.detective4j.attack.TechniqueMatch;
import io.github.detective4j.intel.ThreatMatch;
import io.github.detective4j.investigation.FlaggedIpAddress;
import io.github.detective4j.investigation.Indicator;
import io.github.detective4j.investigation.InvestigationSeverity;
import io.github.detective4j.investigation.TtpObserved;
import io.github.detective4j.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The indicators that rest on outside knowledge: {@code TTP_OBSERVED} from the graph's API-method technique table
 * and GuardDuty's and Security Hub's finding types, and {@code FLAGGED_IP_ADDRESS} from its threat intelligence.
 * Runs under the graph's read lock.
 */
final class TtpIndicators {
    private final GraphData data;

    TtpIndicators(GraphData data) {
        this.data = data;
    }

    /** The tactic a finding type names, for finding groups' chains. */
    Optional<String> tacticOf(String findingType) {
        return FindingTactics.tactic(findingType).map(Tactic::displayName);
    }

    /** One indicator per (address or service, API method) the actors called in the scope that maps to a technique. */
    List<Indicator> observed(List<Node> actors, HourWindow w) {
        Map<Long, long[]> calls = new TreeMap<>();
        for (Node actor : actors) {
            if (actor.drillDown == null) {
                continue;
            }
            for (LongObjectCursor<HourCells> c : actor.drillDown) {
                if (DrillDown.kind(c.key) != DrillDown.SOURCE_METHOD || DrillDown.first(c.key) == DrillDown.OTHER) {
                    continue;
                }
                long[] sums = new long[HourCells.CALL_STRIDE];
                if (c.value.sum(w.scopeFrom, w.scopeTo, sums) > 0) {
                    long[] total = calls.computeIfAbsent(c.key, k -> new long[2]);
                    total[0] += sums[HourCells.SUCCESS];
                    total[1] += sums[HourCells.FAILURE];
                }
            }
        }
        List<Indicator> indicators = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : calls.entrySet()) {
            int source = DrillDown.first(e.getKey());
            int method = DrillDown.second(e.getKey());
            String eventSource = data.methods.eventSource(method);
            String eventName = data.methods.eventName(method);
            Optional<TechniqueMatch> match = data.settings.apiTechniques().match(eventSource, eventName);
            if (match.isEmpty()) {
                continue;
            }
            long success = e.getValue()[0];
            long failure = e.getValue()[1];
            String ip = (source & DrillDown.SERVICE) != 0 ? null : data.entities.get(source).ref.id();
            TechniqueMatch m = match.get();
            InvestigationSeverity severity = severity(m.tactic());
            indicators.add(new Indicator(new TtpObserved(m.tactic().displayName(), m.technique().toString(),
                    m.procedure(), ip, eventName, success, failure), success == 0 ? severity.lower() : severity));
        }
        return indicators;
    }

    /** The tactic and technique a related finding's type names, as Detective reports GuardDuty's TTP findings. */
    List<Indicator> ofFinding(Finding finding, String ip) {
        return FindingTactics.match(finding.type())
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

    /** The severity of a technique by its tactic, as {@code Investigation} documents it. */
    static InvestigationSeverity severity(Tactic tactic) {
        return switch (tactic) {
            case RECONNAISSANCE, DISCOVERY -> InvestigationSeverity.LOW;
            case EXECUTION, COLLECTION, COMMAND_AND_CONTROL, RESOURCE_DEVELOPMENT -> InvestigationSeverity.MEDIUM;
            default -> InvestigationSeverity.HIGH;
        };
    }
}
