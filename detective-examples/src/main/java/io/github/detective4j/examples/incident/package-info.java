/**
 * The reference incident of detective4j as real AWS files: {@link io.github.detective4j.examples.incident.ReferenceIncident}
 * writes weeks of CloudTrail, VPC Flow Logs and GuardDuty data with a crypto-mining attack in its last days, and
 * {@link io.github.detective4j.examples.incident.Facts} says what a reader must find in them.
 */
package io.github.detective4j.examples.incident;
