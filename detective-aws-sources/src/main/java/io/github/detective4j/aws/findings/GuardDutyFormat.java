package io.github.detective4j.aws.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.detective4j.aws.LogFormat;
import io.github.detective4j.aws.ParseContext;
import io.github.detective4j.aws.findings.FindingNode.InvalidFieldException;
import io.github.detective4j.model.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Amazon GuardDuty findings, as GuardDuty writes them, into {@link Finding} events.
 *
 * <p>Inputs, which may follow one another in one file (concatenated, or one per line, gzip or not):
 * <ul>
 *   <li>{@code GetFindings} output, {@code {"findings": [...]}} as the API returns it or {@code {"Findings": [...]}}
 *       with PascalCase fields as the AWS CLI prints it;
 *   <li>a single finding object, or a bare array of them;
 *   <li>the EventBridge event ({@code "detail-type": "GuardDuty Finding"}, the finding in {@code detail}); other
 *       GuardDuty events (malware scan results...) are skipped as {@code guardduty.other-event};
 *   <li>the JSON Lines files GuardDuty exports to S3, one finding per line; a line that is not JSON is an error of
 *       that line only.
 * </ul>
 *
 * <p>Mapping (field names from the GuardDuty API reference, {@code Finding}, {@code Resource}, {@code Action}):
 * <table>
 *   <caption>GuardDuty to Finding</caption>
 *   <tr><th>Finding</th><th>GuardDuty</th></tr>
 *   <tr><td>id, arn, type, title, description, accountId, region, createdAt, updatedAt</td>
 *       <td>the fields of the same names</td></tr>
 *   <tr><td>sourceProduct</td><td>{@code GuardDuty}</td></tr>
 *   <tr><td>severity</td><td>{@code severity}, 0.0 to 10.0, by {@code Severity.ofGuardDuty}</td></tr>
 *   <tr><td>firstObserved, lastObserved</td><td>{@code service.eventFirstSeen}, {@code service.eventLastSeen}, one
 *       of them alone being both; else {@code createdAt}, {@code updatedAt}; a finding with no last time is observed
 *       once</td></tr>
 *   <tr><td>count</td><td>{@code service.count}, else 1</td></tr>
 *   <tr><td>archived</td><td>{@code service.archived}</td></tr>
 * </table>
 *
 * <p>Resources and entities: every details object of {@code resource} is read, whatever {@code resourceType} names
 * as primary (an EKS runtime finding carries the node's {@code instanceDetails} too):
 * <table>
 *   <caption>Resources</caption>
 *   <tr><th>GuardDuty</th><th>resource type</th><th>entity</th></tr>
 *   <tr><td>{@code instanceDetails.instanceId}</td><td>{@code AWS::EC2::Instance}</td><td>{@code Ec2Instance}</td></tr>
 *   <tr><td>{@code instanceDetails.networkInterfaces[]} private, public and IPv6 addresses</td><td></td>
 *       <td>{@code IpAddress}</td></tr>
 *   <tr><td>{@code instanceDetails.networkInterfaces[].networkInterfaceId}</td>
 *       <td>{@code AWS::EC2::NetworkInterface}</td><td></td></tr>
 *   <tr><td>{@code instanceDetails.iamInstanceProfile.arn}</td><td>{@code AWS::IAM::InstanceProfile}</td><td></td></tr>
 *   <tr><td>{@code accessKeyDetails.accessKeyId}</td><td>{@code AWS::IAM::AccessKey}</td>
 *       <td>the principal: {@code IAMUser} and {@code Root} to {@code AwsUser/<principalId>}, {@code AssumedRole}
 *       to {@code AwsRoleSession/<principalId>}, {@code FederatedUser} to {@code FederatedUser/<principalId>}</td></tr>
 *   <tr><td>{@code accessKeyDetails.userName} of an {@code IAMUser}</td><td>{@code AWS::IAM::User}</td><td></td></tr>
 *   <tr><td>{@code s3BucketDetails[].name}</td><td>{@code AWS::S3::Bucket}</td><td>{@code S3Bucket}</td></tr>
 *   <tr><td>{@code eksClusterDetails.name}</td><td>{@code AWS::EKS::Cluster}</td><td></td></tr>
 *   <tr><td>{@code ecsClusterDetails.name}</td><td>{@code AWS::ECS::Cluster}</td><td></td></tr>
 *   <tr><td>{@code lambdaDetails.functionName}</td><td>{@code AWS::Lambda::Function}</td><td></td></tr>
 *   <tr><td>{@code rdsDbInstanceDetails.dbInstanceIdentifier}</td><td>{@code AWS::RDS::DBInstance}</td><td></td></tr>
 *   <tr><td>{@code rdsLimitlessDbDetails.dbShardGroupIdentifier}</td><td>{@code AWS::RDS::DBShardGroup}</td>
 *       <td></td></tr>
 *   <tr><td>{@code ebsVolumeDetails} scanned and skipped {@code volumeArn}</td><td>{@code AWS::EC2::Volume}</td>
 *       <td></td></tr>
 *   <tr><td>{@code ebsSnapshotDetails.snapshotArn}</td><td>{@code AWS::EC2::Snapshot}</td><td></td></tr>
 *   <tr><td>{@code ec2ImageDetails.imageArn}</td><td>{@code AWS::EC2::Image}</td><td></td></tr>
 *   <tr><td>{@code containerDetails.id} (else {@code name})</td><td>{@code GuardDuty::Container} (no CloudFormation
 *       type exists)</td><td></td></tr>
 * </table>
 * The last three are CloudFormation-like names: CloudFormation has no snapshot, image or container type.
 *
 * <p>Attack sequences (Extended Threat Detection, {@code resource.resourceType} {@code AttackSequence}) keep what
 * they involve in {@code service.detection.sequence} (API reference: {@code Sequence}, {@code Actor}, {@code User},
 * {@code NetworkEndpoint}, {@code ResourceV2}), read for any finding that has it:
 * <table>
 *   <caption>Attack sequence</caption>
 *   <tr><th>GuardDuty</th><th>resource type</th><th>entity</th></tr>
 *   <tr><td>{@code actors[].user}: {@code type}, {@code uid} (the principal id), {@code name},
 *       {@code credentialUid}</td><td>{@code AWS::IAM::AccessKey} of {@code credentialUid}, {@code AWS::IAM::User}
 *       of an {@code IAMUser}'s {@code name}</td><td>the principal, as for {@code accessKeyDetails}</td></tr>
 *   <tr><td>{@code actors[].user.account.uid}, the account the activity took place in</td><td></td>
 *       <td>{@code AwsAccount}</td></tr>
 *   <tr><td>{@code endpoints[].ip}</td><td></td><td>{@code IpAddress}</td></tr>
 *   <tr><td>{@code resources[]}: {@code uid} (an ARN, whose own id is taken, or an id), {@code resourceType}</td>
 *       <td>{@code EC2_INSTANCE} {@code AWS::EC2::Instance}, {@code S3_BUCKET} {@code AWS::S3::Bucket},
 *       {@code ACCESS_KEY} {@code AWS::IAM::AccessKey}, {@code EC2_NETWORK_INTERFACE}
 *       {@code AWS::EC2::NetworkInterface}, {@code EKS_CLUSTER} {@code AWS::EKS::Cluster}, {@code CONTAINER}
 *       {@code GuardDuty::Container}; other types as GuardDuty names them</td>
 *       <td>the instance's and the bucket's, as above</td></tr>
 *   <tr><td>{@code resources[].data.accessKey}: {@code principalId}, {@code userName}, {@code userType}</td>
 *       <td>{@code AWS::IAM::User} of an {@code IAMUser}</td><td>the principal, as for
 *       {@code accessKeyDetails}</td></tr>
 * </table>
 * {@code signals[]} add nothing: their {@code actorIds}, {@code endpointIds} and {@code resourceUids} point into
 * those lists. {@code endpoints[].domain}, {@code location}, {@code autonomousSystem} and the other
 * {@code resources[].data} details are not read.
 *
 * <p>Actions ({@code service.action}) add the entities they involve: {@code networkConnectionAction} its remote and
 * local IPs ({@code ipAddressV4}, {@code ipAddressV6}), {@code awsApiCallAction} its remote IP, its
 * {@code userAgent} as a {@code UserAgent} and {@code remoteAccountDetails.accountId} as an {@code AwsAccount},
 * {@code portProbeAction} each probe's remote and local IP, {@code kubernetesApiCallAction} its remote IP, source IPs
 * and user agent, {@code rdsLoginAttemptAction} its remote IP. {@code dnsRequestAction} names a domain, which is no
 * entity. The finding's own account is an {@code AwsAccount} entity too. IP text is normalized
 * ({@code EntityRef.ipAddress}); a value that is not an IP literal is left out and the finding kept.
 *
 * <p>A finding without {@code id}, {@code type} or {@code severity}, with a severity outside 0.0 to 10.0, a timestamp
 * that does not parse, or a field of the wrong JSON type is an error of that finding, naming the field and quoting
 * the value; the next finding is read. A finding nesting deeper than the reader's limit is an error naming it (by
 * its {@code id}, when that came before the limit) and the limit; in the S3 export the next line is read, in one
 * pretty-printed document nothing after it is. Timestamps are ISO-8601 with an offset; the space-separated form SIEM
 * exports write ({@code 2025-02-25 20:40:06.721}) is read as UTC.
 *
 * <pre>{@code
 * LogReader reader = AwsLogs.emptyReader().register(new GuardDutyFormat()).build();
 * reader.read(Path.of("guardduty-export/"), event -> {
 *     Finding finding = (Finding) event;   // CryptoCurrency:EC2/BitcoinTool.B, HIGH (8.0), Ec2Instance/i-..., ...
 * });
 * }</pre>
 *
 * <p>Thread-safe: one instance parses many inputs at once.
 */
public final class GuardDutyFormat implements LogFormat {
    /** A GuardDuty finding's ARN: {@code arn:<partition>:guardduty:<region>:<account>:detector/<id>/finding/<id>}. */
    private static final Pattern FINDING_ARN =
            Pattern.compile("arn:aws[a-z-]*:guardduty:[a-z0-9-]+:[0-9]{12}:detector/[^/]+/finding/[^/]+");

    /** Creates the format. */
    public GuardDutyFormat() {}

    /**
     * Returns the format's name.
     *
     * @return {@code guardduty}
     */
    @Override
    public String name() {
        return "guardduty";
    }

    /**
     * Claims an EventBridge {@code GuardDuty Finding} event (95), GuardDuty's lowerCamel finding fields
     * {@code schemaVersion} and {@code service} with {@code resource} or {@code severity} (90), and the CLI's
     * PascalCase {@code SchemaVersion}, {@code Service} and {@code Resource} (85), and else an {@code arn} or
     * {@code Arn} that is a GuardDuty finding's ARN (80); keys count at the finding's own level only. The ARN is for
     * the AWS CLI's output, whose keys are sorted: a finding's {@code Resource} comes before its
     * {@code SchemaVersion} and {@code Service}, and a resource larger than the head hides them, while
     * {@code AccountId} and {@code Arn} come first. CloudTrail records have no such key, and ASFF names the finding's
     * ARN {@code Id}. Anything with Security Hub's {@code ProductArn} is left to the ASFF format, GuardDuty findings
     * in ASFF included.
     *
     * @param sample the input's name and head
     * @return 0, 80, 85, 90 or 95
     */
    @Override
    public int detect(Sample sample) {
        FindingShape shape = FindingShape.of(sample.trimmedHead());
        if ("GuardDuty Finding".equals(shape.detailType())) {
            return 95;
        }
        if (shape.hasKeys("ProductArn")) {
            return 0;
        }
        if (shape.hasKeys("schemaVersion", "service") && (shape.hasKeys("resource") || shape.hasKeys("severity"))) {
            return 90;
        }
        if (shape.hasKeys("SchemaVersion", "Service", "Resource")) {
            return 85;
        }
        return shape.findingArn() != null && FINDING_ARN.matcher(shape.findingArn()).matches() ? 80 : 0;
    }

    /**
     * Parses GuardDuty findings, one record per finding.
     *
     * @param in the decompressed input
     * @param context where findings, skips and errors go
     * @throws IOException if the stream fails, a pretty-printed document is broken, or the error handler stops
     */
    @Override
    public void parse(InputStream in, ParseContext context) throws IOException {
        new FindingDocuments(context, context.objectMapper(), false, GuardDutyFormat::name,
                (record, line) -> record(record, line, context)).read(in);
    }

    private static void record(ObjectNode record, long line, ParseContext context) throws IOException {
        long index = context.recordRead();
        JsonNode finding = record;
        JsonNode detailType = record.get("detail-type");
        if (detailType != null) {
            JsonNode detail = record.get("detail");
            if (!"GuardDuty Finding".equals(detailType.asText()) || detail == null || !detail.isObject()) {
                context.skip("guardduty.other-event");
                return;
            }
            finding = detail;
        }
        FindingNode node = FindingNode.root(finding);
        Finding mapped;
        try {
            mapped = GuardDutyMapping.map(node);
        } catch (InvalidFieldException | IllegalArgumentException | NullPointerException invalid) {
            context.error(line, index, "GuardDuty finding " + describe(finding) + ": " + FindingNode.reasonOf(invalid));
            return;
        }
        context.emit(mapped);
    }


    /** Names a record read in part: an EventBridge event's {@code id} is the event's, not its finding's. */
    private static String name(ObjectNode record) {
        return (record.has("detail-type") ? "GuardDuty event " : "GuardDuty finding ") + describe(record);
    }

    private static String describe(JsonNode finding) {
        JsonNode id = finding.get("id");
        if (id == null) {
            id = finding.get("Id");
        }
        return id != null && id.isTextual() ? ParseContext.quote(id.textValue()) : "without an id";
    }



}
