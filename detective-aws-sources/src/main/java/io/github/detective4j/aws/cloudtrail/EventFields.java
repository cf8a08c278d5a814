package io.github.detective4j.aws.cloudtrail;

import io.github.detective4j.aws.cloudtrail.ValuePaths.Values;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.Principal;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one JSON object as they arrive, in whatever order, before anything is decided: a CloudTrail event,
 * or a wrapper around one (an EventBridge envelope, a CloudWatch Logs message, a {@code LookupEvents} entry), or a
 * container of many ({@code Records}), or a digest file. Mutable, one per object, never shared (its
 * {@link Identity} may be).
 */
final class EventFields {
    String eventTime;
    String eventName;
    String eventSource;
    String eventId;
    String region;
    String sourceIp;
    String userAgent;
    String errorCode;
    String errorMessage;
    String eventType;
    String eventCategory;
    String recipientAccountId;
    Boolean readOnly;
    Boolean managementEvent;
    Identity identity;
    /** What the call's resource rule found in {@code requestParameters}, or null. */
    Values request;
    /** What the call's resource rule found in {@code responseElements}, or null. */
    Values response;
    /** {@code requestParameters} kept as bytes, when it came before {@code eventName} said whether it matters. */
    byte[] requestBytes;
    /** {@code responseElements} kept as bytes, likewise. */
    byte[] responseBytes;
    /** {@code additionalEventData} kept as bytes, likewise. */
    byte[] additionalBytes;
    /** A console sign-in event's {@code responseElements.<eventName>} (ConsoleLogin, SwitchRole...): "Failure"? */
    String consoleLogin;
    /** A ConsoleLogin's {@code additionalEventData.MFAUsed}: "Yes" or "No". */
    String mfaUsed;
    List<AwsResource> resources;
    /** The resource rule of {@link #ruleSource} and {@link #ruleName}, which {@link #rule()} looked up last. */
    private ResourceRules.Rule rule;
    private String ruleSource;
    private String ruleName;

    /** Digest-file keys were seen ({@code digestStartTime}, {@code logFiles}, ...). */
    boolean digest;
    /** {@code insightDetails} was seen. */
    boolean insight;
    /** The object held a {@code Records}, {@code Events} or {@code logEvents} array: its elements were the records. */
    boolean container;
    /** The object was a CloudWatch Logs control message, not a log event. */
    boolean controlMessage;
    /** EventBridge's {@code detail-type}, or null. */
    String detailType;
    /** EventBridge's {@code account}, used when the event itself names no recipient account. */
    String envelopeAccount;
    /** EventBridge's {@code detail}: the event this envelope carries. */
    EventFields detail;
    /** The event held as JSON text in {@code message} (CloudWatch Logs) or {@code CloudTrailEvent} (LookupEvents). */
    EventFields embedded;
    /** The first reason this object cannot be read, or null. */
    String problem;

    /**
     * The resource rule of this event's {@code eventSource} and {@code eventName}, looked up once per event rather
     * than at each of the subtrees that ask (a name given twice, the last one wins, gets a new lookup).
     */
    ResourceRules.Rule rule() {
        if (eventName != ruleName || eventSource != ruleSource) {
            rule = ResourceRules.rule(eventSource, eventName);
            ruleName = eventName;
            ruleSource = eventSource;
        }
        return rule;
    }

    /** Stores a string field by its {@link TextFields#EVENT} slot. */
    void text(int slot, String value) {
        switch (slot) {
            case TextFields.EVENT_TIME -> eventTime = value;
            case TextFields.EVENT_NAME -> eventName = value;
            case TextFields.EVENT_SOURCE -> eventSource = value;
            case TextFields.EVENT_ID -> eventId = value;
            case TextFields.AWS_REGION -> region = value;
            case TextFields.SOURCE_IP_ADDRESS -> sourceIp = value;
            case TextFields.USER_AGENT -> userAgent = value;
            case TextFields.ERROR_CODE -> errorCode = value;
            case TextFields.ERROR_MESSAGE -> errorMessage = value;
            case TextFields.EVENT_TYPE -> eventType = value;
            case TextFields.EVENT_CATEGORY -> eventCategory = value;
            case TextFields.RECIPIENT_ACCOUNT_ID -> recipientAccountId = value;
            case TextFields.DETAIL_TYPE -> detailType = value;
            case TextFields.ACCOUNT -> envelopeAccount = value;
            default -> throw new IllegalArgumentException("no event slot " + slot);
        }
    }

    /** Records the first problem only: the first is the cause, later ones are often its consequences. */
    void problem(String reason) {
        if (problem == null) {
            problem = reason;
        }
    }

    /** Returns the CloudTrail event this object stands for: its detail, its embedded event, or itself. */
    EventFields event() {
        if (detail != null) {
            return detail;
        }
        return embedded != null ? embedded : this;
    }

    void addResource(AwsResource resource) {
        if (resources == null) {
            resources = new ArrayList<>(2);
        }
        resources.add(resource);
    }

    /**
     * CloudTrail's {@code userIdentity}, flattened. Filled while it is read, then only read: {@link RecentIdentities}
     * shares one among the records that repeat it.
     */
    static final class Identity {
        String type;
        String principalId;
        String arn;
        String accountId;
        String accessKeyId;
        String userName;
        String invokedBy;
        String identityProvider;
        Boolean mfaAuthenticated;
        String issuerType;
        String issuerPrincipalId;
        String issuerArn;
        String issuerAccountId;
        String issuerUserName;
        String onBehalfOfUserId;
        /** The principal built from this identity alone, once built (see {@code RecordReader.principal}). */
        Principal principal;

        /** Stores a string field by its {@link TextFields#IDENTITY} slot. */
        void text(int slot, String value) {
            switch (slot) {
                case TextFields.TYPE -> type = value;
                case TextFields.PRINCIPAL_ID -> principalId = value;
                case TextFields.ARN -> arn = value;
                case TextFields.ACCOUNT_ID -> accountId = value;
                case TextFields.USER_NAME -> userName = value;
                case TextFields.ACCESS_KEY_ID -> accessKeyId = value;
                case TextFields.INVOKED_BY -> invokedBy = value;
                case TextFields.IDENTITY_PROVIDER -> identityProvider = value;
                default -> throw new IllegalArgumentException("no identity slot " + slot);
            }
        }

        /** Stores a session issuer's string field by its {@link TextFields#ISSUER} slot. */
        void issuerText(int slot, String value) {
            switch (slot) {
                case TextFields.TYPE -> issuerType = value;
                case TextFields.PRINCIPAL_ID -> issuerPrincipalId = value;
                case TextFields.ARN -> issuerArn = value;
                case TextFields.ACCOUNT_ID -> issuerAccountId = value;
                case TextFields.USER_NAME -> issuerUserName = value;
                default -> throw new IllegalArgumentException("no session issuer slot " + slot);
            }
        }

        boolean hasIssuer() {
            return issuerType != null || issuerPrincipalId != null || issuerArn != null || issuerAccountId != null
                    || issuerUserName != null;
        }
    }
}
