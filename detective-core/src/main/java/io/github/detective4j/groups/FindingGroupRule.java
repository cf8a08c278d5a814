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
 * @param window the largest gap between two findings' observations that still links them
 */
public record FindingGroupRule(Duration window) {
    /** Findings within 24 hours of each other. */
    public static final FindingGroupRule DEFAULT = new FindingGroupRule(Duration.ofHours(24));

    /**
     * Creates a rule.
     *
     * @param window the largest gap, zero or more
     * @throws IllegalArgumentException if negative
     */
    public FindingGroupRule {
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("finding group window must not be negative, was " + window);
        }
    }
}
