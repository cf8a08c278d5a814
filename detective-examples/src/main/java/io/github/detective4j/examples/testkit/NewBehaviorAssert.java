package io.github.detective4j.examples.testkit;

import io.github.detective4j.behavior.NewApiCall;
import io.github.detective4j.behavior.NewBehavior;
import io.github.detective4j.behavior.NewGeolocation;
import io.github.detective4j.behavior.VolumeIncrease;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Assertions on {@link NewBehavior}: what an entity did in a scope that it had not done in its baseline; get one with
 * {@link DetectionAssertions#assertThat(NewBehavior)}. A failure lists what was new instead, and says when the
 * baseline was in training. While it is, everything looks new, so an assertion that something is new fails unless
 * the test says {@link #allowingTraining()}: a test that passes only because the story was too short to learn from
 * proves nothing. Each method returns this, to chain. Not thread-safe.
 */
public final class NewBehaviorAssert {
    private final NewBehavior newBehavior;
    private boolean allowTraining;

    NewBehaviorAssert(NewBehavior newBehavior) {
        this.newBehavior = Objects.requireNonNull(newBehavior, "new behavior");
    }

    /**
     * Lets the assertions that something is new pass while the baseline is in training, for a test about a new
     * entity's first days.
     *
     * @return this
     */
    public NewBehaviorAssert allowingTraining() {
        allowTraining = true;
        return this;
    }

    /**
     * Asserts a new geolocation in a city.
     *
     * @param city the city, as the geolocator names it, such as {@code Ashburn}
     * @return this
     * @throws AssertionError if none, listing the new geolocations
     */
    public NewBehaviorAssert hasNewGeolocation(String city) {
        return has("a new geolocation in " + city, newBehavior.geolocations(), NewBehaviorAssert::place, city);
    }

    /**
     * Asserts that no geolocation was new.
     *
     * @return this
     * @throws AssertionError if one was, listing the new geolocations
     */
    public NewBehaviorAssert hasNoNewGeolocation() {
        return hasNone("no new geolocation", newBehavior.geolocations(), NewBehaviorAssert::place);
    }

    /**
     * Asserts a new API method.
     *
     * @param eventName the method, such as {@code StopLogging}
     * @return this
     * @throws AssertionError if it was not new, listing the new methods
     */
    public NewBehaviorAssert hasNewApiCall(String eventName) {
        return has("a new API call " + eventName, newBehavior.apiCalls(), NewApiCall::eventName, eventName);
    }

    /**
     * Asserts that a method was not new: not called in the scope, or called in the baseline too.
     *
     * @param eventName the method
     * @return this
     * @throws AssertionError if it was new, listing the new methods
     */
    public NewBehaviorAssert hasNoNewApiCall(String eventName) {
        if (newBehavior.apiCalls().stream().anyMatch(c -> c.eventName().equals(eventName))) {
            throw failure("no new API call " + eventName, newBehavior.apiCalls(), NewApiCall::eventName);
        }
        return this;
    }

    /**
     * Asserts a volume increase of a method: more calls in the scope than its baseline makes likely
     * ({@code VolumeIncreaseRule}).
     *
     * @param eventName the method, such as {@code ListBuckets}
     * @return this
     * @throws AssertionError if none, listing the methods whose volume rose
     */
    public NewBehaviorAssert hasIncreasedVolume(String eventName) {
        return has("an increased volume of " + eventName, newBehavior.increasedVolume(), VolumeIncrease::eventName,
                eventName);
    }

    /**
     * Asserts that no method's volume rose.
     *
     * @return this
     * @throws AssertionError if one did, listing them
     */
    public NewBehaviorAssert hasNoIncreasedVolume() {
        return hasNone("no increased volume", newBehavior.increasedVolume(), VolumeIncrease::eventName);
    }

    /**
     * Asserts a new user agent.
     *
     * @param userAgent the user agent, exactly as logged
     * @return this
     * @throws AssertionError if it was not new, listing the new user agents
     */
    public NewBehaviorAssert hasNewUserAgent(String userAgent) {
        return has("a new user agent " + userAgent, newBehavior.userAgents(), u -> u.userAgent().id(), userAgent);
    }

    /**
     * Asserts that no user agent was new.
     *
     * @return this
     * @throws AssertionError if one was, listing the new user agents
     */
    public NewBehaviorAssert hasNoNewUserAgent() {
        return hasNone("no new user agent", newBehavior.userAgents(), u -> u.userAgent().id());
    }

    /**
     * Asserts a new autonomous system.
     *
     * @param asn the AS number, such as 14618
     * @return this
     * @throws AssertionError if it was not new, listing the new ASOs
     */
    public NewBehaviorAssert hasNewAso(long asn) {
        return has("a new ASO AS" + asn, newBehavior.asos(), a -> "AS" + a.asn().number(), "AS" + asn);
    }

    /**
     * Asserts that nothing was new: no geolocation, API call, ASO, user agent or volume increase.
     *
     * @return this
     * @throws AssertionError if something was, printing the new behavior
     */
    public NewBehaviorAssert hasNothingNew() {
        if (!newBehavior.isEmpty()) {
            throw new AssertionError(expected("nothing new") + "; it has:\n" + newBehavior);
        }
        return this;
    }

    private static String place(NewGeolocation g) {
        return g.location().label();
    }

    private <T> NewBehaviorAssert has(String expected, List<T> found, Function<T, String> name, String wanted) {
        if (found.stream().map(name).noneMatch(n -> n.equals(wanted) || n.startsWith(wanted + ","))) {
            throw failure(expected, found, name);
        }
        if (newBehavior.baseline().inTraining() && !allowTraining) {
            throw new AssertionError(expected(expected) + ", and found it, but everything looks new to a baseline in"
                    + " training: tell a longer story before the scope, or call allowingTraining()");
        }
        return this;
    }

    private <T> NewBehaviorAssert hasNone(String expected, List<T> found, Function<T, String> name) {
        if (!found.isEmpty()) {
            throw failure(expected, found, name);
        }
        return this;
    }

    private <T> AssertionError failure(String expected, List<T> found, Function<T, String> name) {
        return new AssertionError(expected(expected) + "; new were: " + found.stream().map(name).toList());
    }

    private String expected(String what) {
        return "expected " + what + " for " + newBehavior.entity() + " over " + newBehavior.scope()
                + (newBehavior.baseline().inTraining() ? " (the baseline is in training, with "
                        + newBehavior.baseline().hoursOfData() + " hours of data before the scope)" : "");
    }
}
