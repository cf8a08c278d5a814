/**
 * Entity profiles: the immutable answers of {@code BehaviorGraph.profile}, one {@link io.github.detective4j.profile.Panel}
 * per question Amazon Detective's profile pages answer (details, findings, API call volume, VPC flow volume, distinct
 * ports and peers, communicating instances, resource interaction, sessions (a role's sessions and who started each,
 * the sessions a principal started), a finding's overview and its traffic with its remote IP).
 *
 * <p>Every value here is an immutable record, safe to share between threads, printable as a small table and
 * serialisable to JSON with {@code io.github.detective4j.json.DetectiveJson}. Times are UTC instants, hourly series
 * are keyed by the start of each UTC hour, volumes are in bytes.
 */
package io.github.detective4j.profile;
