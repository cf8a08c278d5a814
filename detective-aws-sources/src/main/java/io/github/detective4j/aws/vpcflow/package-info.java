/**
 * Amazon VPC Flow Logs: {@link io.github.detective4j.aws.vpcflow.FlowLogFormat} reads flow log records (default and
 * custom formats, S3 files with header lines, CloudWatch Logs wrappers) into
 * {@link io.github.detective4j.model.NetworkFlow} events.
 */
package io.github.detective4j.aws.vpcflow;
