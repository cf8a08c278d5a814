/**
 * Investigations: {@link io.github.detective4j.investigation.Investigation}s of IAM users and roles, their typed
 * indicators of compromise in the shape of Amazon Detective's, and the documented rules behind them (severity on
 * {@code Investigation}, {@link io.github.detective4j.investigation.ImpossibleTravelRule}). Immutable values; times
 * UTC; distances in km.
 */
package io.github.detective4j.investigation;
