package io.github.detective4j.groups;

import java.time.Duration;
import java.util.Objects;

/**
 * When two findings belong to one group: they share a linking entity, and their observations come within
 * {@link #window()} of each other; groups are the connected components of that relation (computed with JGraphT),
 * findings alone in theirs left out.
 *
 * <p>Linking entities are what a finding involves (its instances, principals and IP addresses) and the access keys it
 * names, widened by the graph: an EC2 instance also stands for the principal that launched it, and a role session for
 * its role, so that a finding about an instance and one about the user who launched it join. Only global IP
 * addresses link ({@link io.github.detective4j.model.IpAddresses#isGlobal}): special-purpose ones (private,
 * loopback, link-local and AWS-internal, carrier-grade NAT, unique-local IPv6, documentation, benchmarking,
 * multicast, reserved, ...) do not mean one host everywhere, and the instances of unrelated VPCs would join through
 * them. Neither do accounts link, which every finding of an account would share.
 *
 * <p>Nor does a hub: an entity whose findings involve more than {@link #maxEntitiesPerLink()} other entities
 * (instances, principals, sessions, buckets) between them, such as a scanner's address that probed hundreds of
 * instances, a role whose many sessions each have a finding of their own, or a CI user who launched instance after
 * instance. Through it, unrelated findings would chain into one group of weeks, with its worst member's severity;
 * the findings it shares still link through their other entities. Archived findings (by their product, or
 * {@link io.github.detective4j.graph.BehaviorGraph#archive}) are in no group: archiving is how noise is dismissed.
 *
 * @param window the largest gap between two findings' observations that still links them
 * @param maxEntitiesPerLink the most other entities the findings sharing one entity may involve for it to link them
 */
public record FindingGroupRule(Duration window, int maxEntitiesPerLink) {
    /** The default for {@link #maxEntitiesPerLink()}. */
    public static final int DEFAULT_MAX_ENTITIES_PER_LINK = 20;

    /** Findings within 24 hours of each other, through entities their findings share with at most 20 others. */
    public static final FindingGroupRule DEFAULT = new FindingGroupRule(Duration.ofHours(24));

    /**
     * Creates a rule.
     *
     * @param window the largest gap, zero or more
     * @param maxEntitiesPerLink at least 1
     * @throws IllegalArgumentException if the window is negative or the limit below 1
     */
    public FindingGroupRule {
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("finding group window must not be negative, was " + window);
        }
        if (maxEntitiesPerLink < 1) {
            throw new IllegalArgumentException("maxEntitiesPerLink must be at least 1, was " + maxEntitiesPerLink);
        }
    }

    /**
     * Creates a rule with the default limit on hubs ({@value #DEFAULT_MAX_ENTITIES_PER_LINK}).
     *
     * @param window the largest gap, zero or more
     * @throws IllegalArgumentException if negative
     */
    public FindingGroupRule(Duration window) {
        this(window, DEFAULT_MAX_ENTITIES_PER_LINK);
    }
}
