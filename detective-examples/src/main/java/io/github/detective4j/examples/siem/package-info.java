/**
 * Embedding detective4j in a SIEM: {@link io.github.detective4j.examples.siem.SiemFeed} follows a directory of
 * incoming AWS logs and writes one JSON line per new finding group, indicator and new behavior, with
 * {@link io.github.detective4j.console.DetectiveConsole} links into the Detective console.
 */
package io.github.detective4j.examples.siem;
