package io.github.detective4j.aws.findings;

/**
 * Which Security Hub findings Amazon Detective takes in through its optional "AWS security findings" source package
 * ({@code ASFF_SECURITYHUB_FINDING} in Detective's API): findings of AWS services, without the GuardDuty findings
 * that Detective's core package already ingests straight from GuardDuty. See {@link AsffFormat#detectiveFilter()}
 * for the sources and what was left out.
 */
final class DetectiveFilter {
    /** The rule of findings from partner products, custom integrations and anything else not an AWS service. */
    static final String NOT_AN_AWS_SERVICE = "securityhub.filtered";
    /** The rule of GuardDuty findings, which Detective reads from GuardDuty itself. */
    static final String GUARDDUTY = "securityhub.guardduty";

    private DetectiveFilter() {}

    /**
     * Tells why Detective would not ingest a finding.
     *
     * @param finding the finding
     * @return the skip rule, or null when Detective ingests it
     * @throws FindingNode.InvalidFieldException if {@code ProductArn} or {@code ProductName} is not a string
     */
    static String skipRule(FindingNode finding) {
        String productArn = finding.text("ProductArn");
        // AWS services' products are arn:<partition>:securityhub:<region>::product/aws/<service>; partners' and
        // custom integrations' name their company or account instead of "aws"
        if (productArn == null || !productArn.contains(":product/aws/")) {
            return NOT_AN_AWS_SERVICE;
        }
        if (AsffMapping.isGuardDuty(finding)) {
            return GUARDDUTY;
        }
        return null;
    }
}
