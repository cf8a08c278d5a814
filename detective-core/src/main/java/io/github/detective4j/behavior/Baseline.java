package io.github.detective4j.behavior;

import io.github.detective4j.model.ScopeTime;

/**
 * The window a scope's behavior is compared with: by default the 45 days before the scope starts, as in Amazon
 * Detective, and how much of it the graph actually holds.
 *
 * <p>While the graph holds less than its training period (14 days by default) of data before the scope start, the
 * baseline is <em>in training</em>: everything a principal did looks new, because there is no history to compare
 * with. Answers built on a baseline in training say so; read them as "not yet meaningful", not as "all new".
 *
 * @param scope the scope time compared
 * @param window the baseline window, {@code [scope.start - length, scope.start)}, UTC
 * @param hoursOfData hours of the window from the hour of the graph's first API call or flow on; that hour counts
 *     whole, since the graph keeps its data by the hour
 * @param inTraining true while the graph holds less than the training period before the scope start, counted the
 *     same way: from the hour of its first API call or flow
 */
public record Baseline(ScopeTime scope, ScopeTime window, long hoursOfData, boolean inTraining) {
}
