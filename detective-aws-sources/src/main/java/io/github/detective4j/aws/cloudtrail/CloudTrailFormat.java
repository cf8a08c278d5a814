package io.github.detective4j.aws.cloudtrail;

import io.github.detective4j.aws.LogFormat;
import io.github.detective4j.aws.ParseContext;
import java.io.IOException;
import java.io.InputStream;

/**
 * AWS CloudTrail events, as {@link io.github.detective4j.model.ApiCall}s: the format named {@value #NAME}.
 *
 * <pre>{@code
 * LogReader reader = AwsLogs.reader().register(new CloudTrailFormat()).build();
 * IngestReport report = reader.read(Path.of("AWSLogs/111122223333/CloudTrail/"), events::add);
 * report.skipped(CloudTrailFormat.SKIP_DIGEST);   // digest files met on the way
 * }</pre>
 *
 * <h2>Shapes read</h2>
 * <ul>
 *   <li>log files as CloudTrail delivers them to S3, {@code {"Records":[...]}}, compact or pretty (gzip is the
 *       reader's business);
 *   <li>a bare JSON array of events, and a single event;
 *   <li>one event per line (NDJSON: CloudTrail Lake exports, Firehose, exports from SIEMs); a line that is not JSON
 *       is an error of that line and the next line is read as usual;
 *   <li>EventBridge events whose {@code detail-type} ends in "via CloudTrail" ({@code AWS API Call via CloudTrail},
 *       {@code AWS Console Sign In via CloudTrail}, ...), alone, in an array or one per line, the CloudTrail event
 *       being the {@code detail}; other EventBridge events are skipped;
 *   <li>CloudWatch Logs subscription payloads ({@code {"messageType":"DATA_MESSAGE","logEvents":[{"message":
 *       "<event JSON>"},...]}}, as Firehose writes them) and single {@code {"message":"<event JSON>"}} objects;
 *   <li>{@code aws cloudtrail lookup-events} output ({@code {"Events":[{"CloudTrailEvent":"<event JSON>"},...]}}).
 * </ul>
 * Records are read one at a time, in constant memory, and their fields may come in any order.
 *
 * <h2>Speed</h2>
 * The hot path does not use Jackson's parser: {@code JsonParser.skipChildren()} still tokenizes every field name of
 * what it skips, and that put the mapping at the speed of {@code ObjectMapper.readTree}. A byte-level cursor reads
 * the dozen fields an {@code ApiCall} needs, passes over everything else by counting brackets outside strings (eight
 * bytes at a time inside strings), and reads {@code requestParameters}/{@code responseElements} only for the calls
 * whose resources it maps, only along the paths it needs. It honours the reader's {@code StreamReadConstraints}
 * (nesting depth, string, name and number lengths); a string it reads over the limit, a nesting over the limit, or a
 * string with an escape JSON has not, is an error of its record. What it passes over is checked for balanced
 * brackets, depth and terminated strings, not for every scalar's grammar, nor for the length of its strings, which
 * it never keeps.
 * Input is UTF-8, as CloudTrail writes it; invalid UTF-8 inside a string becomes U+FFFD.
 *
 * <h2>Records that are not API calls</h2>
 * Counted, not errors: digest files (skip rule {@value #SKIP_DIGEST}), Insights events ({@value #SKIP_INSIGHT}),
 * data events ({@code eventCategory} Data, or {@code managementEvent} false on an AwsApiCall:
 * {@value #SKIP_DATA_EVENT}; Detective does not ingest them either, and they can outnumber management events by
 * orders of magnitude), network activity events ({@code eventCategory} NetworkActivity, {@code eventType}
 * AwsVpceEvent: {@value #SKIP_NETWORK_ACTIVITY}; they record VPC endpoint traffic, not a principal's call),
 * EventBridge events of other kinds ({@value #SKIP_OTHER_EVENTBRIDGE}) and CloudWatch Logs control messages
 * ({@value #SKIP_CWL_CONTROL}). Service events ({@code AwsServiceEvent}: a service acting on its own, such as a KMS
 * key rotation), console sign-ins and console actions are kept, with their {@code eventType}, so that callers can
 * filter them.
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li>{@code userIdentity} becomes the {@link io.github.detective4j.model.Principal} of its {@code type}, with
 *       {@code sessionContext.sessionIssuer}, {@code sessionContext.attributes.mfaAuthenticated} ("true"/"false"),
 *       {@code invokedBy}, {@code identityProvider} and {@code accessKeyId}. An IAM Identity Center user, who has no
 *       {@code principalId}, is named by {@code onBehalfOf.userId}. For a {@code ConsoleLogin} whose session says
 *       nothing about MFA, {@code additionalEventData.MFAUsed} ("Yes"/"No") says it. A record without
 *       {@code userIdentity} has an {@code Unknown} principal.
 *   <li>{@code sourceIPAddress} goes to {@code sourceIpAddress} when it is an IP literal and to
 *       {@code sourceService} when it names a service ({@code ec2.amazonaws.com}, {@code AWS Internal}). A value
 *       shaped like an address but not one ({@code 1.2.3.999}, the zero-padded {@code 035.249.253.232} of
 *       anonymised logs) and anything else ({@code <Victim source IP>}) is dropped: both fields stay null and the
 *       event is kept, since who did what still holds without the address.
 *   <li>Account ids ({@code recipientAccountId}, {@code userIdentity.accountId}, the session issuer's) that are not
 *       12 digits, as redacted and synthetic logs write them ({@code xxx}, {@code 123}), are dropped the same way,
 *       and the event is kept. An EventBridge envelope's {@code account} stands in for a missing recipient.
 *   <li>A console sign-in event ({@code ConsoleLogin}, {@code SwitchRole}, {@code ExitRole}, {@code RenewRole},
 *       {@code CheckMfa}) whose {@code responseElements.<eventName>} is {@code Failure} but that carries no error
 *       fields gets the error message "Failure", so that it does not count as a success.
 *   <li>Resources: the event's own {@code resources} list (TOUCHED), and the rules of {@code ResourceRules} for
 *       RunInstances, AssumeRole, CreateUser, CreateAccessKey, StopLogging, S3 buckets and others; a failed call's
 *       CREATED and DELETED become TOUCHED.
 *   <li>{@code eventTime} is read fast in CloudTrail's own form ({@code 2026-11-20T03:12:45Z}); other ISO-8601
 *       forms, and {@code 2026-11-20 03:12:45[.fff]} as SQL exports write it (UTC), are read too.
 * </ul>
 *
 * <h2>Errors</h2>
 * A record without {@code eventTime}, {@code eventName} or {@code eventSource}, with a time that cannot be read, or
 * with a field of the wrong JSON type ({@code eventTime} a number, {@code userIdentity} a string) is an error of
 * that record, reported with the line it starts on; the next record is read. In one-record-per-line input a line
 * that is not JSON is an error of that line. JSON broken beyond repair in a file that is not one record per line (a
 * truncated log file) ends the input with an {@link IOException} naming line and column; the events read before
 * stay delivered.
 *
 * <p>Thread-safe and stateless: every call to {@link #parse} has its own state, its large buffers lent from a small
 * pool the process shares (see {@code LogReader}'s memory note).
 */
public final class CloudTrailFormat implements LogFormat {
    /** The format's name. */
    public static final String NAME = "cloudtrail";
    /** Skip rule of CloudTrail digest files (log file integrity validation). */
    public static final String SKIP_DIGEST = "cloudtrail.digest";
    /** Skip rule of CloudTrail Insights events. */
    public static final String SKIP_INSIGHT = "cloudtrail.insight";
    /** Skip rule of data events (S3 object, Lambda invoke, DynamoDB item, ... operations). */
    public static final String SKIP_DATA_EVENT = "cloudtrail.data-event";
    /** Skip rule of network activity events (VPC endpoint events). */
    public static final String SKIP_NETWORK_ACTIVITY = "cloudtrail.network-activity";
    /** Skip rule of EventBridge events that do not come from CloudTrail (GuardDuty findings, say). */
    public static final String SKIP_OTHER_EVENTBRIDGE = "cloudtrail.other-eventbridge";
    /** Skip rule of CloudWatch Logs control messages ("CWL CONTROL MESSAGE: Checking health of destination"). */
    public static final String SKIP_CWL_CONTROL = "cloudtrail.cwl-control";

    /** Creates the format; it holds no state, one instance serves every reader. */
    public CloudTrailFormat() {
        // nothing to set up
    }

    /**
     * Returns {@value #NAME}.
     *
     * @return the format's name
     */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * Scores the input's head: 100 for CloudTrail log files and EventBridge CloudTrail events, 95 for events one
     * per line, 90 for digest and Insights files, less for partial events, 0 for GuardDuty, Security Hub, S3
     * notifications, VPC flow logs and anything that is not CloudTrail.
     *
     * @param sample the input's name and head
     * @return 0 to 100
     */
    @Override
    public int detect(Sample sample) {
        return CloudTrailDetector.score(sample.trimmedHead());
    }

    /**
     * Reads CloudTrail records into {@link io.github.detective4j.model.ApiCall}s.
     *
     * @param in the decompressed input
     * @param context where records, events, skips and errors go
     * @throws IOException when the stream fails; JSON that breaks where records cannot be told apart is an error
     *     reported to the context, which ends the input
     */
    @Override
    public void parse(InputStream in, ParseContext context) throws IOException {
        new RecordReader(context).read(in);
    }
}
