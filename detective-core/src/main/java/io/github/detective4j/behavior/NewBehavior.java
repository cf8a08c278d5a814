package io.github.detective4j.behavior;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.text.TextTable;
import java.util.List;
import java.util.Locale;

/**
 * What an entity did in a scope that it had not done in its baseline: Amazon Detective's "newly observed" panels,
 * with the numbers behind each entry. Ask it with {@code BehaviorGraph.newBehavior(entity, scope)}.
 *
 * <p>Newly observed means seen in the scope and not in the baseline window ({@link Baseline}). What is compared:
 * <ul>
 *   <li>a user, federated user or account with its own history; a role with the history of all its sessions;
 *   <li>a role session with the history of its role (sessions are short-lived; what matters is whether the role does
 *       something new), falling back to its own when the role is unknown;
 *   <li>an S3 bucket with the history of the calls on it.
 * </ul>
 * Geolocations and ASOs need the graph's {@code GeoLocator} and {@code AsnResolver}; without them those lists are
 * empty. Each list is ordered by the most calls first, but increased volume by significance.
 *
 * <pre>{@code
 * NewBehavior nb = graph.newBehavior(EntityRef.user("AIDA..."), scope);
 * nb.geolocations();    // Ashburn, US: new (Tokyo was seen before)
 * nb.apiCalls();        // StopLogging, CreateUser, DeleteAccessKey, GenerateCredentialReport
 * nb.userAgents();      // aws-cli/1.16.300 ...
 * }</pre>
 *
 * @param entity the entity
 * @param scope the scope time
 * @param baseline the baseline compared with
 * @param geolocations newly observed geolocations
 * @param knownGeolocations the geolocations of the baseline, most calls first: what the new ones are new against, for
 *     a map of both; not counted as new behavior
 * @param apiCalls newly observed API methods
 * @param asos newly observed autonomous system organizations
 * @param userAgents newly observed user agents
 * @param increasedVolume API methods called significantly more than their baseline rate, the most significant (lowest
 *     p-value) first
 * @param truncated true when the entity (or a session or member compared) reached a drill-down or relationship cap:
 *     past it, addresses and user agents are folded together, so a new geolocation, ASO or user agent may hide among
 *     them, while new API methods are still seen (folding keeps the method)
 */
public record NewBehavior(EntityRef entity, ScopeTime scope, Baseline baseline, List<NewGeolocation> geolocations,
        List<KnownGeolocation> knownGeolocations, List<NewApiCall> apiCalls, List<NewAso> asos, List<NewUserAgent> userAgents,
        List<VolumeIncrease> increasedVolume, boolean truncated) {
    /**
     * Creates the answer.
     *
     * @param entity the entity
     * @param scope the scope time
     * @param baseline the baseline
     * @param geolocations new geolocations
     * @param knownGeolocations the baseline's geolocations
     * @param apiCalls new API methods
     * @param asos new ASOs
     * @param userAgents new user agents
     * @param increasedVolume methods with increased volume
     * @param truncated whether a cap was reached
     */
    public NewBehavior {
        geolocations = List.copyOf(geolocations);
        knownGeolocations = List.copyOf(knownGeolocations);
        apiCalls = List.copyOf(apiCalls);
        asos = List.copyOf(asos);
        userAgents = List.copyOf(userAgents);
        increasedVolume = List.copyOf(increasedVolume);
    }

    /**
     * Tells whether nothing is new.
     *
     * @return true when every list is empty
     */
    public boolean isEmpty() {
        return count() == 0;
    }

    /**
     * Counts the new things of every kind.
     *
     * @return the sum of the lists' sizes
     */
    public int count() {
        return geolocations.size() + apiCalls.size() + asos.size() + userAgents.size() + increasedVolume.size();
    }

    /**
     * Returns one table per kind of new behavior, or a line saying nothing is new.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("New behavior of ").append(TextTable.clean(entity.toString()))
                .append(", scope ").append(scope).append(", baseline ").append(baseline.window());
        if (baseline.inTraining()) {
            out.append(" (in training: too little data before the scope to compare with)");
        }
        if (truncated) {
            out.append(" (capped: addresses and user agents past the entity's drill-down cap are folded together)");
        }
        if (isEmpty()) {
            return out.append("\nnothing new").toString();
        }
        TextTable geo = TextTable.of("new geolocation", "IP addresses", "success", "failure", "new for account");
        for (NewGeolocation g : geolocations) {
            geo.row(g.location().label() + " (" + g.cell() + ")", addresses(g.ipAddresses()), g.success(),
                    g.failure(), yes(g.newForAccount()));
        }
        TextTable calls = TextTable.of("new API call", "success", "failure", "success rate", "new for account");
        for (NewApiCall c : apiCalls) {
            calls.row(c.service() + ":" + c.eventName(), c.success(), c.failure(),
                    String.format(Locale.ROOT, "%.0f%%", 100 * c.successRate()), yes(c.newForAccount()));
        }
        TextTable aso = TextTable.of("new ASO", "IP addresses", "success", "failure", "new for account");
        for (NewAso a : asos) {
            aso.row(a.asn().toString(), addresses(a.ipAddresses()), a.success(), a.failure(),
                    yes(a.newForAccount()));
        }
        TextTable agents = TextTable.of("new user agent", "external", "internal", "failure", "new for account");
        for (NewUserAgent u : userAgents) {
            agents.row(u.userAgent().id(), u.externalCalls(), u.internalCalls(), u.failure(),
                    yes(u.newForAccount()));
        }
        TextTable volume = TextTable.of("increased volume", "scope calls", "expected", "ratio", "p-value");
        for (VolumeIncrease v : increasedVolume) {
            volume.row(v.eventSource() + ":" + v.eventName(), v.scopeCalls(), v.expectedCalls(), v.ratio(),
                    String.format(Locale.ROOT, "%.1e", v.pValue()));
        }
        for (TextTable t : List.of(geo, calls, aso, agents, volume)) {
            if (!t.isEmpty()) {
                out.append("\n\n").append(t);
            }
        }
        return out.toString();
    }

    private static String addresses(List<EntityRef> ips) {
        String text = String.join(", ", ips.stream().limit(3).map(EntityRef::id).toList());
        return ips.size() > 3 ? text + " +" + (ips.size() - 3) : text;
    }

    private static String yes(boolean value) {
        return value ? "yes" : "no";
    }
}
