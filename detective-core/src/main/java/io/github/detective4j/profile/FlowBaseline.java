package io.github.detective4j.profile;

import io.github.detective4j.model.ScopeTime;

/**
 * The typical hourly traffic before a scope: averages over the hours of the baseline window that had any flow record,
 * hours without traffic left out as in {@link CallBaseline}. Seen from the entity whose panel it is in.
 *
 * @param window the baseline window, by default the 45 days before the scope start
 * @param activeHours hours of the window with at least one flow record
 * @param averageBytesIn bytes received per active hour, 0 when there was none
 * @param averageBytesOut bytes sent per active hour, 0 when there was none
 */
public record FlowBaseline(ScopeTime window, long activeHours, double averageBytesIn, double averageBytesOut) {
}
