package io.github.detective4j.model;

/** Whether security groups and network ACLs let a {@link NetworkFlow}'s traffic through (VPC Flow Logs' {@code action}). */
public enum FlowAction {
    /** The traffic was accepted. */
    ACCEPT,
    /** The traffic was rejected. */
    REJECT
}
