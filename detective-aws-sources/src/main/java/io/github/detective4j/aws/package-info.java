/**
 * Reading what AWS writes: CloudTrail logs, VPC Flow Logs, GuardDuty findings and Security Hub ASFF findings, from
 * files, directory trees and streams, into detective4j's normalized events.
 *
 * <p>The entry point is {@link io.github.detective4j.aws.AwsLogs}. A {@link io.github.detective4j.aws.LogReader}
 * detects each input's compression and format, hands it to a {@link io.github.detective4j.aws.LogFormat} parser,
 * and delivers the events to an {@link io.github.detective4j.model.EventSink}, in constant memory. A record that
 * cannot be read becomes a {@link io.github.detective4j.aws.ParseError} naming its source, line and record, goes to
 * the {@link io.github.detective4j.aws.ErrorHandler}, and reading goes on with the next record; the
 * {@link io.github.detective4j.aws.IngestReport} counts it all.
 *
 * <pre>{@code
 * IngestReport report = AwsLogs.read(Path.of("logs/")).into(graph);
 * System.out.println(report);   // files, records read, events produced, skipped by rule, errors
 * }</pre>
 *
 * <p>Formats of your own plug in next to the built-in ones:
 * <pre>{@code
 * LogReader reader = AwsLogs.reader().register(new MyFirewallFormat()).build();
 * }</pre>
 */
package io.github.detective4j.aws;
