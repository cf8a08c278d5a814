package io.github.detective4j.model;

/** Which way a {@link NetworkFlow}'s traffic went, seen from its network interface. */
public enum FlowDirection {
    /** From the remote address to the interface ({@code flow-direction} {@code ingress}). */
    INBOUND,
    /** From the interface to the remote address ({@code flow-direction} {@code egress}). */
    OUTBOUND,
    /** The record did not say and the interface's own addresses were not known. */
    UNKNOWN
}
