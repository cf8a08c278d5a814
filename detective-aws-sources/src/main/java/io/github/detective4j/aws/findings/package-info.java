/**
 * Security findings: {@link io.github.detective4j.aws.findings.GuardDutyFormat} reads Amazon GuardDuty's
 * {@code GetFindings} output, single findings, arrays, EventBridge events and the JSON Lines S3 export, and
 * {@link io.github.detective4j.aws.findings.AsffFormat} reads AWS Security Hub findings in the AWS Security Finding
 * Format ({@code GetFindings} and {@code BatchImportFindings} shapes, single findings, arrays, EventBridge events),
 * optionally keeping only what Amazon Detective ingests. Both produce {@link io.github.detective4j.model.Finding}
 * events and share the reading of finding documents.
 */
package io.github.detective4j.aws.findings;
