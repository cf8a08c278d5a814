package io.github.detective4j.behavior;

import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.text.TextTable;
import java.util.List;

/**
 * The principals with the most new behavior in a scope, across the whole graph: where to look first. Ask it with
 * {@code BehaviorGraph.newBehavior(scope)}.
 *
 * <p>Ranked are the users, federated users and roles (a role standing for all its sessions) active in the scope
 * with anything new; by {@link PrincipalNewBehavior#score()}, highest first, then by principal.
 *
 * @param scope the scope time
 * @param baseline the baseline compared with
 * @param principals the ranked principals
 */
public record NewBehaviorRanking(ScopeTime scope, Baseline baseline, List<PrincipalNewBehavior> principals) {
    /**
     * Creates the ranking.
     *
     * @param scope the scope time
     * @param baseline the baseline
     * @param principals the ranked principals
     */
    public NewBehaviorRanking {
        principals = List.copyOf(principals);
    }

    /**
     * Returns a table of the first 20 principals.
     *
     * @return the text
     */
    @Override
    public String toString() {
        TextTable t = TextTable.of("principal", "name", "score", "geolocations", "API calls", "ASOs", "user agents",
                "volume");
        for (PrincipalNewBehavior p : principals.subList(0, Math.min(20, principals.size()))) {
            t.row(p.principal().toString(), p.name(), p.score(), p.geolocations(), p.apiCalls(), p.asos(),
                    p.userAgents(), p.increasedVolume());
        }
        return "New behavior ranking, scope " + scope + (baseline.inTraining() ? " (in training)" : "") + "\n" + t
                + (principals.size() > 20 ? "\n... " + (principals.size() - 20) + " more" : "");
    }
}
