/**
 * The vocabulary every detective4j module speaks: entity references, normalized security events, findings, scope
 * time and severities.
 *
 * <p>Everything here is a small immutable value, safe to share between threads, validated on construction and free
 * of dependencies beyond the JDK. Instants are UTC; byte counts are bytes; durations are whole hours where the type
 * says so.
 *
 * <ul>
 *   <li>{@link io.github.detective4j.model.EntityRef} names an entity of the behavior graph, such as
 *       {@code IpAddress/104.16.1.42} or {@code Ec2Instance/i-08a8e40be65425909}.
 *   <li>{@link io.github.detective4j.model.ApiCall}, {@link io.github.detective4j.model.NetworkFlow} and
 *       {@link io.github.detective4j.model.Finding} are the normalized events that sources produce and the graph
 *       ingests, through an {@link io.github.detective4j.model.EventSink}.
 *   <li>{@link io.github.detective4j.model.ScopeTime} is the hour-aligned window an investigator looks at, and its
 *       baseline the window before it.
 *   <li>{@link io.github.detective4j.model.IpAddresses} reads IP literals strictly, writes them canonically and
 *       tells special-purpose addresses (private, link-local, documentation, ...) from global ones;
 *       {@link io.github.detective4j.model.IpNetwork} is a CIDR network.
 *   <li>{@link io.github.detective4j.model.SafeText} says which characters of text from logs must not be written
 *       raw, and escapes them: one definition for every output of every module.
 * </ul>
 */
package io.github.detective4j.model;
