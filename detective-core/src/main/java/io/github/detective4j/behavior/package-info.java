/**
 * Baselines and new behavior: what an entity did in a scope that it had not done in the baseline before it
 * ({@link io.github.detective4j.behavior.NewBehavior}), which principals did the most of it
 * ({@link io.github.detective4j.behavior.NewBehaviorRanking}), and the documented test for increased volume
 * ({@link io.github.detective4j.behavior.VolumeIncreaseRule}).
 *
 * <p>Every value here is an immutable record, safe to share between threads, printable as tables and serialisable
 * with {@code DetectiveJson}. Times are UTC; rates are calls per hour.
 */
package io.github.detective4j.behavior;
