/**
 * MITRE ATT&amp;CK for AWS activity: the Enterprise {@link io.github.detective4j.attack.Tactic tactics} in
 * kill-chain order, {@link io.github.detective4j.attack.Technique techniques}, the built-in, overridable mapping
 * of CloudTrail API methods to techniques ({@link io.github.detective4j.attack.ApiTechniques}), and what GuardDuty
 * and Security Hub finding types stand for ({@link io.github.detective4j.attack.FindingTactics}). These feed an
 * investigation's {@code TTP_OBSERVED} indicators and a finding group's tactics chain.
 *
 * <p>Every rule is documented in a table where it is defined, with the conditions it checks and the request
 * parameters it would check if the model carried them. Values are immutable records; mappings are immutable and
 * thread-safe.
 */
package io.github.detective4j.attack;
