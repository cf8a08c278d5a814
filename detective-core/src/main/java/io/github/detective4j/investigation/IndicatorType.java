package io.github.detective4j.investigation;

/** The kinds of indicator of compromise an investigation reports: Amazon Detective's {@code IndicatorType}. */
public enum IndicatorType {
    /** Tactics, techniques and procedures observed: API calls or findings that match MITRE ATT&amp;CK. */
    TTP_OBSERVED,
    /** Consecutive calls from places too far apart for the time between them. */
    IMPOSSIBLE_TRAVEL,
    /** Calls from an address that threat intelligence flags. */
    FLAGGED_IP_ADDRESS,
    /** Calls from a geolocation not seen in the baseline. */
    NEW_GEOLOCATION,
    /** Calls from an autonomous system organization not seen in the baseline. */
    NEW_ASO,
    /** Calls with a user agent not seen in the baseline. */
    NEW_USER_AGENT,
    /** A finding about the entity or what it touched. */
    RELATED_FINDING,
    /** A finding group holding a related finding. */
    RELATED_FINDING_GROUP
}
