/**
 * The {@code detective} command line: {@link io.github.detective4j.examples.cli.Detective} and one subcommand a class
 * ({@code demo}, {@code ingest}, {@code search}, {@code profile}, {@code new-behavior}, {@code investigate},
 * {@code hunt}, {@code groups}, {@code report}), a thin layer of picocli over the public API of detective4j. Every
 * answer prints as the library's own text tables, or as the library's JSON with {@code --json}; {@code report} writes
 * an HTML file.
 */
package io.github.detective4j.examples.cli;
