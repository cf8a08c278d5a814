/**
 * Links into the Amazon Detective console, in the URL format Detective documents
 * ({@link io.github.detective4j.console.DetectiveConsole}): one piece of code for the SIEM feed's links and the HTML
 * report's.
 */
package io.github.detective4j.console;
