package io.github.detective4j.examples.rules;

import io.github.detective4j.behavior.NewAso;
import io.github.detective4j.behavior.NewBehavior;
import io.github.detective4j.behavior.NewGeolocation;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.hunt.ApiCallActivity;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.ScopeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A team's own detection rule, written against detective4j's public API: a principal stops a CloudTrail trail
 * ({@code StopLogging}) from an autonomous system new to it, within a window (24 hours by default) of calling from a
 * new geolocation. Each half alone is common (people travel, admins stop trails); together they are how a stolen
 * key is used to go dark. The unit test next to it, {@code StopLoggingFromNewPlaceTest}, shows how to hold such a
 * rule to true and false positives in CI with the test kit.
 *
 * <pre>{@code
 * List<StopLoggingFromNewPlace.Alert> alerts = StopLoggingFromNewPlace.DEFAULT.evaluate(graph, user, scope);
 * }</pre>
 *
 * <p>New means what {@code BehaviorGraph.newBehavior} says: seen in the scope and not in the 45 days before; so the
 * graph needs a geolocator and an ASN resolver. The {@code StopLogging} counts when it succeeded and its principal's
 * first one from that address is in the scope; a role's sessions count for the role. The scope must hold both
 * halves: scopes a day long miss a new place at 23:00 and a trail stopped at 01:00, which a scope of two days or
 * more catches. Hours are UTC and hour-aligned, as the graph keeps them. Immutable and thread-safe.
 *
 * @param window how close in time the new geolocation and the {@code StopLogging} must be, either way
 */
public record StopLoggingFromNewPlace(Duration window) {
    /** The rule with a 24-hour window. */
    public static final StopLoggingFromNewPlace DEFAULT = new StopLoggingFromNewPlace(Duration.ofHours(24));

    /**
     * Creates the rule.
     *
     * @param window the window, positive
     * @throws IllegalArgumentException if not positive
     */
    public StopLoggingFromNewPlace {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the window must be positive, was " + window);
        }
    }

    /**
     * One firing of the rule.
     *
     * @param principal who stopped the trail
     * @param aso the new autonomous system it was stopped from
     * @param ipAddress the address it was stopped from
     * @param stoppedHour the start of the hour of the first {@code StopLogging} from there, UTC
     * @param newGeolocation the new geolocation within the window
     */
    public record Alert(EntityRef principal, NewAso aso, EntityRef ipAddress, Instant stoppedHour,
            NewGeolocation newGeolocation) {}

    /**
     * Evaluates the rule for one principal over a scope.
     *
     * @param graph the graph, with a geolocator and an ASN resolver
     * @param principal a user, role or role session
     * @param scope the scope time
     * @return the alerts, none when the rule does not fire
     */
    public List<Alert> evaluate(BehaviorGraph graph, EntityRef principal, ScopeTime scope) {
        Objects.requireNonNull(principal, "principal");
        NewBehavior nb = graph.newBehavior(principal, scope);
        List<Alert> alerts = new ArrayList<>();
        for (NewAso aso : nb.asos()) {
            for (EntityRef ip : aso.ipAddresses()) {
                for (ApiCallActivity call : graph.hunt().ip(ip.id()).apiCalls()) {
                    // a role's sessions stop trails for it; a refused call stopped nothing
                    boolean byPrincipal = call.principal().equals(principal)
                            || call.principal().issuingRole().filter(principal::equals).isPresent();
                    if (!byPrincipal || !call.eventName().equals("StopLogging") || call.success() == 0
                            || !scope.contains(call.firstHour())) {
                        continue;
                    }
                    for (NewGeolocation place : nb.geolocations()) {
                        if (Duration.between(place.firstObserved(), call.firstHour()).abs().compareTo(window) <= 0) {
                            alerts.add(new Alert(call.principal(), aso, ip, call.firstHour(), place));
                            break; // one alert per trail stopped, with the first new place near it
                        }
                    }
                }
            }
        }
        return List.copyOf(alerts);
    }
}
