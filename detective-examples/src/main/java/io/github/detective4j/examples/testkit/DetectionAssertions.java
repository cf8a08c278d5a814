package io.github.detective4j.examples.testkit;

import io.github.detective4j.behavior.NewBehavior;
import io.github.detective4j.investigation.Investigation;

/**
 * Assertions on what detective4j concluded, for unit tests of detection logic: they throw {@link AssertionError}
 * (which JUnit, TestNG and every CI report as a failure) with a message that says what was expected and lists what
 * was found instead.
 *
 * <pre>{@code
 * import static io.github.detective4j.examples.testkit.DetectionAssertions.assertThat;
 *
 * assertThat(graph.investigate(alice, scope))
 *     .hasIndicator(IndicatorType.TTP_OBSERVED, "StopLogging")
 *     .hasIndicator(IndicatorType.NEW_GEOLOCATION, "Ashburn")
 *     .hasNoIndicator(IndicatorType.FLAGGED_IP_ADDRESS)
 *     .hasSeverity(InvestigationSeverity.HIGH);
 * assertThat(graph.newBehavior(alice, scope)).hasNewApiCall("StopLogging").hasNewUserAgent(OLD_CLI);
 * }</pre>
 */
public final class DetectionAssertions {
    private DetectionAssertions() {}

    /**
     * Starts assertions on an investigation.
     *
     * @param investigation the investigation
     * @return its assertions
     */
    public static InvestigationAssert assertThat(Investigation investigation) {
        return new InvestigationAssert(investigation);
    }

    /**
     * Starts assertions on new behavior.
     *
     * @param newBehavior what an entity did that was new
     * @return its assertions
     */
    public static NewBehaviorAssert assertThat(NewBehavior newBehavior) {
        return new NewBehaviorAssert(newBehavior);
    }
}
