/**
 * A small kit for unit-testing detection logic built on detective4j, in CI: {@link
 * io.github.detective4j.examples.testkit.Scenario} tells a story of API calls, flows and findings over time and
 * builds a behavior graph of it; {@link io.github.detective4j.examples.testkit.DetectionAssertions} asserts on the
 * investigations and new behavior the graph answers, failing with what was found instead.
 */
package io.github.detective4j.examples.testkit;
