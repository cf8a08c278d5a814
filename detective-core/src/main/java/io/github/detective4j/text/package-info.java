/**
 * Plain-text rendering of answers for JShell and terminals: aligned tables whose cells are safe to print whatever a
 * log put in them ({@link io.github.detective4j.text.TextTable}), and sparklines of hourly series
 * ({@link io.github.detective4j.text.Sparkline}).
 */
package io.github.detective4j.text;
