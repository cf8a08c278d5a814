package io.github.detective4j.graph;

import io.github.detective4j.attack.FindingTactics;
import io.github.detective4j.model.Finding;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * A finding as the graph knows it: the newest version ingested, under one canonical id, and the archive state an
 * investigator set in this graph, which wins over the product's own flag. Guarded by the graph's lock.
 *
 * <p>Which version is newest does not depend on arrival order: the later {@link Finding#time()} wins, then the
 * higher count, then the later last observation, then GuardDuty's own record over its Security Hub copy (its type
 * the more specific, {@code Backdoor:EC2/C&CActivity.B} rather than {@code TTPs/Command and Control/...}), then the
 * product's own id.
 */
final class FindingState {
    private static final Comparator<Finding> NEWEST = Comparator.comparing(Finding::time)
            .thenComparingLong(Finding::count)
            .thenComparing(Finding::lastObserved)
            .thenComparing((Finding f) -> FindingTactics.isGuardDutyType(f.type()))
            .thenComparing(Finding::id)
            .thenComparing(Finding::archived);
    /** A GuardDuty ARN in any partition: {@code aws}, {@code aws-us-gov}, {@code aws-cn}, ... */
    private static final Pattern GUARDDUTY_ARN = Pattern.compile(
            "arn:aws(-[a-z]+)*:guardduty:.*");
    private static final String FINDING_PATH = "/finding/";

    final String id;
    Finding latest;
    /** Null until an investigator archives or unarchives the finding in this graph. */
    Boolean archived;

    FindingState(String id, Finding first) {
        this.id = id;
        this.latest = first;
    }

    void update(Finding finding) {
        if (NEWEST.compare(finding, latest) > 0) {
            latest = finding;
        }
    }

    boolean isArchived() {
        return archived != null ? archived : latest.archived();
    }

    /** The finding as the graph reports it: its canonical id, and the archive state in force here. */
    Finding view() {
        Finding f = latest;
        if (f.id().equals(id) && f.archived() == isArchived()) {
            return f;
        }
        return new Finding(id, f.arn() != null ? f.arn() : arnOf(f), f.sourceProduct(), f.type(), f.title(),
                f.description(), f.severity(), f.firstObserved(), f.lastObserved(), f.createdAt(), f.updatedAt(),
                f.count(), f.accountId(), f.region(), f.resources(), f.entities(), isArchived());
    }

    /**
     * Returns the id under which a finding is kept: GuardDuty findings imported into Security Hub carry the
     * GuardDuty finding's ARN as their ASFF {@code Id}, and GuardDuty's own export the bare id that ends that ARN;
     * both are the one finding, so both are kept under the bare id.
     */
    static String canonicalId(Finding finding) {
        return canonicalId(finding.id());
    }

    /** The canonical form of a finding id or GuardDuty finding ARN. */
    static String canonicalId(String id) {
        if (id.startsWith("arn:") && GUARDDUTY_ARN.matcher(id).matches()) {
            int at = id.lastIndexOf(FINDING_PATH);
            if (at > 0 && at + FINDING_PATH.length() < id.length()) {
                return id.substring(at + FINDING_PATH.length());
            }
        }
        return id;
    }

    private static String arnOf(Finding finding) {
        return GUARDDUTY_ARN.matcher(finding.id()).matches() ? finding.id() : null;
    }
}
