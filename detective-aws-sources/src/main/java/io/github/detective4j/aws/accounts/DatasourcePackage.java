package io.github.detective4j.aws.accounts;

import io.github.detective4j.model.Finding;
import io.github.detective4j.model.SecurityEvent;

/**
 * Amazon Detective's data source packages, with its names: which kind of data an event is, for what a graph takes
 * in and for usage. CloudTrail management events, VPC Flow Logs and GuardDuty findings are the core package, which
 * every graph has; EKS audit logs and Security Hub findings are optional.
 *
 * <pre>{@code
 * DatasourcePackage.of(event);   // DETECTIVE_CORE for an ApiCall, a NetworkFlow or a GuardDuty finding
 * }</pre>
 */
public enum DatasourcePackage {
    /** CloudTrail management events, VPC Flow Logs, GuardDuty findings. */
    DETECTIVE_CORE,
    /** Amazon EKS audit logs (detective4j reads none yet, so no event is of this package). */
    EKS_AUDIT,
    /** Findings from Security Hub (ASFF) other than GuardDuty's own. */
    ASFF_SECURITYHUB_FINDING;

    /**
     * Returns the package an event belongs to.
     *
     * @param event the event
     * @return {@link #ASFF_SECURITYHUB_FINDING} for a finding of a product other than GuardDuty, else
     *     {@link #DETECTIVE_CORE}
     */
    public static DatasourcePackage of(SecurityEvent event) {
        if (event instanceof Finding finding && !"GuardDuty".equalsIgnoreCase(finding.sourceProduct())) {
            return ASFF_SECURITYHUB_FINDING;
        }
        return DETECTIVE_CORE;
    }
}
