/**
 * The behavior graph: {@link io.github.detective4j.graph.BehaviorGraph} ingests the model's events into entities,
 * relationships and hourly aggregates, and answers searches, relationship questions, profiles and JGraphT
 * algorithms; {@link io.github.detective4j.graph.GraphStore} keeps one in a directory, with snapshots and retention
 * (its files are described in {@code FORMAT.md} next to it). Everything public here is immutable except the graph
 * and the store, which are thread-safe.
 */
package io.github.detective4j.graph;
