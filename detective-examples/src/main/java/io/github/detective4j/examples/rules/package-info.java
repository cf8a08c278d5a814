/**
 * A detection rule of the kind a team writes on detective4j's public API, and unit-tests with the test kit:
 * {@link io.github.detective4j.examples.rules.StopLoggingFromNewPlace}.
 */
package io.github.detective4j.examples.rules;
