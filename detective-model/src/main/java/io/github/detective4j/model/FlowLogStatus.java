package io.github.detective4j.model;

/** The logging status of a VPC flow log record ({@code log-status}). */
public enum FlowLogStatus {
    /** Data is logging normally. */
    OK,
    /** There was no network traffic to or from the interface during the aggregation interval. */
    NODATA,
    /** Some records were skipped during the aggregation interval, for capacity or internal errors. */
    SKIPDATA
}
