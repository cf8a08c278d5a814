package io.github.detective4j.aws.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.detective4j.aws.LogFormat;
import io.github.detective4j.aws.ParseContext;
import io.github.detective4j.aws.findings.FindingNode.InvalidFieldException;
import io.github.detective4j.model.Finding;
import java.io.IOException;
import java.io.InputStream;

/**
 * AWS Security Hub findings in the AWS Security Finding Format (ASFF) into {@link Finding} events, GuardDuty's
 * findings as Security Hub holds them included.
 *
 * <p>Inputs, which may follow one another in one file (concatenated, or one per line, gzip or not):
 * {@code {"Findings": [...]}} as {@code GetFindings} returns it and {@code BatchImportFindings} takes it; a single
 * finding or a bare array of them; the EventBridge events {@code Security Hub Findings - Imported} and
 * {@code Security Hub Findings - Custom Action}, whose {@code detail.findings[]} are streamed one by one. Other events
 * ({@code Security Hub Insight Results}) hold no finding and are skipped as {@code securityhub.other-event}.
 *
 * <p>Mapping (field names from the ASFF reference, "Required top-level ASFF attributes" and "Optional top-level ASFF
 * attributes" in the Security Hub User Guide):
 * <table>
 *   <caption>ASFF to Finding</caption>
 *   <tr><th>Finding</th><th>ASFF</th></tr>
 *   <tr><td>id</td><td>{@code Id}</td></tr>
 *   <tr><td>arn</td><td>{@code ProductFields."aws/securityhub/FindingId"}, the ARN Security Hub gives the finding;
 *       else none</td></tr>
 *   <tr><td>sourceProduct</td><td>{@code ProductName}, else {@code ProductFields."aws/securityhub/ProductName"},
 *       else the product of {@code ProductArn}, else {@code CompanyName}</td></tr>
 *   <tr><td>type</td><td>{@code Types[0]}, else {@code FindingProviderFields.Types[0]}: the ASFF taxonomy type
 *       ({@code TTPs/Command and Control/CryptoCurrency:EC2-BitcoinTool.B}), which Detective's finding groups are
 *       titled by. GuardDuty findings keep it too: GuardDuty's own type cannot be rebuilt from it reliably (the
 *       GuardDuty guide's table renames some, {@code DefenseEvasion:EC2/UnusualDNSResolver} becomes
 *       {@code TTPs/DefenseEvasion/EC2:Unusual-DNS-Resolver}) and ASFF carries no copy of it.</td></tr>
 *   <tr><td>severity</td><td>{@code Severity.Label} (authoritative) with {@code Normalized} as the score; else
 *       {@code Normalized}; else an {@code Original} naming a label; else, for GuardDuty only, {@code Product} on
 *       GuardDuty's 0.0 to 10.0 scale. {@code FindingProviderFields.Severity} when {@code Severity} is
 *       absent.</td></tr>
 *   <tr><td>firstObserved, lastObserved</td><td>{@code FirstObservedAt}, {@code LastObservedAt}, one of them alone
 *       being both; else {@code CreatedAt}, {@code UpdatedAt}</td></tr>
 *   <tr><td>createdAt, updatedAt, accountId, region, title, description</td><td>{@code CreatedAt},
 *       {@code UpdatedAt}, {@code AwsAccountId}, {@code Region}, {@code Title}, {@code Description}</td></tr>
 *   <tr><td>count</td><td>1; for GuardDuty {@code ProductFields."aws/guardduty/service/count"}</td></tr>
 *   <tr><td>archived</td><td>{@code RecordState} {@code ARCHIVED}, or {@code Workflow.Status} {@code SUPPRESSED} or
 *       {@code RESOLVED} (the retired {@code WorkflowState} when {@code Workflow} is absent): nobody needs to look at
 *       it any more, which is what GuardDuty's {@code archived} means</td></tr>
 * </table>
 *
 * <p>Resources ({@code Resources[]}, {@code Type} and {@code Id} required) become {@code AwsResource}s with the
 * CloudFormation type of the ASFF type ({@code AwsEc2Instance} is {@code AWS::EC2::Instance}, {@code AwsS3Bucket}
 * {@code AWS::S3::Bucket}, ...; a type without a known counterpart keeps its ASFF name), the resource's own id taken
 * from an ARN {@code Id} ({@code arn:aws:ec2:...:instance/i-0c10c2c7863d1a356} is {@code i-0c10c2c7863d1a356},
 * {@code arn:aws:s3:::my-bucket} {@code my-bucket}) and the ARN kept. Entities: the instance ({@code Ec2Instance})
 * and its {@code Details.AwsEc2Instance.IpV4Addresses}/{@code IpV6Addresses} (and, as resources of type
 * {@code AWS::EC2::NetworkInterface}, its {@code NetworkInterfaces[].NetworkInterfaceId}); the bucket
 * ({@code S3Bucket});
 * {@code AwsIamUser}'s {@code Details.AwsIamUser.UserId} ({@code AwsUser}); {@code AwsIamRole}'s
 * {@code Details.AwsIamRole.RoleId} ({@code AwsRole}); {@code AwsIamAccessKey}'s principal from
 * {@code Details.AwsIamAccessKey.PrincipalType}/{@code PrincipalId} (as for CloudTrail: {@code IAMUser} an
 * {@code AwsUser}, {@code AssumedRole} an {@code AwsRoleSession}...); {@code AwsAccount}'s account. IP addresses:
 * {@code Network.SourceIpV4}/{@code SourceIpV6}/{@code DestinationIpV4}/{@code DestinationIpV6}, the remote IP of
 * {@code Action.NetworkConnectionAction} and {@code Action.AwsApiCallAction}, the remote and local IPs of
 * {@code Action.PortProbeAction.PortProbeDetails[]}; for GuardDuty also the IPv4/IPv6 addresses and user agent in its
 * {@code ProductFields."aws/guardduty/service/action/..."}. The finding's account is an {@code AwsAccount} entity.
 * Text that is not an IP literal is left out and the finding kept.
 *
 * <p>A GuardDuty attack sequence in ASFF carries its actors in {@code Detection.Sequence} (Security Hub API
 * reference: {@code Sequence}, {@code Actor}, {@code ActorUser}, {@code NetworkEndpoint}), read as
 * {@code GuardDutyFormat} reads GuardDuty's {@code service.detection.sequence}: {@code Actors[].User}'s
 * {@code CredentialUid} an {@code AWS::IAM::AccessKey}, an {@code IAMUser}'s {@code Name} an {@code AWS::IAM::User},
 * its {@code Type}/{@code Uid} the principal (an {@code IAMUser} an {@code AwsUser}...), its {@code Account.Uid} an
 * {@code AwsAccount}; {@code Endpoints[].Ip} an {@code IpAddress}. The sequence's resources are the finding's
 * {@code Resources[]}; {@code Signals[]} only point at actors, endpoints and resources by id.
 *
 * <p>A finding without {@code Id}, {@code Types} or a usable {@code Severity}, with a label that is none of ASFF's,
 * a {@code Normalized} outside 0 to 100, a timestamp that does not parse, or a field of the wrong JSON type is an
 * error of that finding, naming the field and quoting the value; the next finding is read. A finding nesting deeper
 * than the reader's limit is an error naming it (by its {@code Id}, when that came before the limit) and the limit;
 * in JSON Lines the next line is read, in one pretty-printed document nothing after it is.
 *
 * <pre>{@code
 * LogReader reader = AwsLogs.emptyReader().register(AsffFormat.detectiveFilter()).build();
 * IngestReport report = reader.read(Path.of("securityhub-findings.json"), graph);
 * report.skipped("securityhub.guardduty");   // GuardDuty's own findings, read from GuardDuty instead
 * }</pre>
 *
 * <p>Thread-safe: one instance parses many inputs at once.
 */
public final class AsffFormat implements LogFormat {

    private final boolean detectiveFilter;

    /** Creates the format; it keeps every finding. */
    public AsffFormat() {
        this(false);
    }

    private AsffFormat(boolean detectiveFilter) {
        this.detectiveFilter = detectiveFilter;
    }

    /**
     * Returns the format that keeps only the Security Hub findings Amazon Detective ingests through its optional
     * "AWS security findings" source package, skipping the others:
     * <ul>
     *   <li>{@code securityhub.filtered}: the finding's {@code ProductArn} is not an AWS service's
     *       ({@code arn:<partition>:securityhub:<region>::product/aws/<service>}): partner products, custom
     *       integrations ({@code product/<account>/default}) and findings without a {@code ProductArn}. The package
     *       is named, and documented as, findings of AWS services.
     *   <li>{@code securityhub.guardduty}: GuardDuty's findings ({@code product/aws/guardduty}). Detective's core
     *       package ingests GuardDuty findings from GuardDuty itself, so taking them again from Security Hub would
     *       count each twice; read GuardDuty's export with {@code GuardDutyFormat} instead.
     * </ul>
     * Archived, suppressed and resolved findings are kept, with {@code archived} set: Detective shows a finding's
     * status and can archive it, so it holds them rather than dropping them. Sample findings are kept too.
     *
     * <p>Sources: Amazon Detective User Guide, "Source data used in a behavior graph"
     * (https://docs.aws.amazon.com/detective/latest/userguide/detective-source-data-about.html: the core package is
     * CloudTrail, VPC Flow Logs and "for accounts that are enrolled in GuardDuty, Detective also ingests GuardDuty
     * findings"; optional packages come in addition), "How Amazon Detective uses source data to populate a behavior
     * graph" (https://docs.aws.amazon.com/detective/latest/userguide/behavior-graph-population-about.html: "Findings
     * from AWS Security Hub"), the Detective API's {@code DatasourcePackage} value {@code ASFF_SECURITYHUB_FINDING},
     * and the Security Hub User Guide's AWS service integrations, where Detective is the receiving side. The
     * Detective page that lists the package's exact admission rules could not be consulted when this was written; if
     * it names rules beyond these two, this filter does not apply them.
     *
     * @return a format named {@code securityhub}, like the default one, which it replaces when registered
     */
    public static AsffFormat detectiveFilter() {
        return new AsffFormat(true);
    }

    /**
     * Returns the format's name.
     *
     * @return {@code securityhub}
     */
    @Override
    public String name() {
        return "securityhub";
    }

    /**
     * Claims an EventBridge event whose {@code detail-type} starts {@code Security Hub Findings} (95), and ASFF's
     * PascalCase {@code SchemaVersion} with {@code ProductArn} at the finding's own level (95),
     * GuardDuty findings in ASFF included.
     *
     * @param sample the input's name and head
     * @return 0 or 95
     */
    @Override
    public int detect(Sample sample) {
        FindingShape shape = FindingShape.of(sample.trimmedHead());
        if (shape.detailType() != null && shape.detailType().startsWith("Security Hub Findings")) {
            return 95;
        }
        return shape.hasKeys("SchemaVersion", "ProductArn") ? 95 : 0;
    }

    /**
     * Parses ASFF findings, one record per finding.
     *
     * @param in the decompressed input
     * @param context where findings, skips and errors go
     * @throws IOException if the stream fails, a pretty-printed document is broken, or the error handler stops
     */
    @Override
    public void parse(InputStream in, ParseContext context) throws IOException {
        new FindingDocuments(context, context.objectMapper(), true, record -> "ASFF finding " + describe(record),
                (record, line) -> record(record, line, context)).read(in);
    }

    private void record(ObjectNode record, long line, ParseContext context) throws IOException {
        long index = context.recordRead();
        if (record.has("detail-type")) {
            // an event with findings was streamed finding by finding; this one holds none (insight results...)
            context.skip("securityhub.other-event");
            return;
        }
        FindingNode node = FindingNode.root(record);
        Finding mapped;
        try {
            if (detectiveFilter) {
                String rule = DetectiveFilter.skipRule(node);
                if (rule != null) {
                    context.skip(rule);
                    return;
                }
            }
            mapped = AsffMapping.map(node);
        } catch (InvalidFieldException | IllegalArgumentException | NullPointerException invalid) {
            context.error(line, index, "ASFF finding " + describe(record) + ": " + FindingNode.reasonOf(invalid));
            return;
        }
        context.emit(mapped);
    }


    private static String describe(JsonNode finding) {
        JsonNode id = finding.get("Id");
        return id != null && id.isTextual() ? ParseContext.quote(id.textValue()) : "without an Id";
    }



}
