/**
 * The behavior graph: {@link io.github.detective4j.graph.BehaviorGraph} ingests the model's events into entities,
 * relationships and hourly aggregates, and answers searches, relationship questions, profiles and JGraphT
 * algorithms. Everything public here is immutable except the graph itself, which is thread-safe.
 */
package io.github.detective4j.graph;
