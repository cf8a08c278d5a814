/**
 * Finding groups: findings linked through the entities they share within a time window
 * ({@link io.github.detective4j.groups.FindingGroupRule}), each with its highest severity, its entities and its
 * MITRE ATT&amp;CK tactics chain ({@link io.github.detective4j.groups.FindingGroup}). Immutable values; times UTC.
 */
package io.github.detective4j.groups;
