package io.github.detective4j.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One CloudTrail management event: who called which API, from where, with what result.
 *
 * <p>Strings that CloudTrail leaves out are null here, never blank. {@link #sourceIpAddress()} and
 * {@link #sourceService()} split CloudTrail's {@code sourceIPAddress}, which holds either an IP address or, for
 * calls an AWS service makes on a principal's behalf, the service's name ({@code ec2.amazonaws.com},
 * {@code AWS Internal}).
 *
 * <pre>{@code
 * ApiCall call = ApiCall.builder()
 *     .eventTime(Instant.parse("2026-11-20T03:12:45Z"))
 *     .principal(Principal.builder(PrincipalType.IAM_USER).principalId("AIDACKCEVSQ6C2EXAMPLE").build())
 *     .eventSource("cloudtrail.amazonaws.com").eventName("StopLogging")
 *     .sourceIpAddress("198.51.100.7")
 *     .build();
 * }</pre>
 *
 * @param eventTime when the call was made ({@code eventTime}), UTC, to the second
 * @param eventId CloudTrail's unique id of the event ({@code eventID}), or null
 * @param accountId the account that received the event ({@code recipientAccountId}), or null
 * @param region the region the call was made to ({@code awsRegion}), or null
 * @param principal who made the call ({@code userIdentity})
 * @param sourceIpAddress the caller's IP address in canonical form ({@code sourceIPAddress} when it is an IP
 *     literal), or null
 * @param sourceService the AWS service that made the call ({@code sourceIPAddress} when it is not an IP literal),
 *     or null
 * @param userAgent the caller's user agent ({@code userAgent}) exactly as logged, or null; attacker-controlled
 * @param eventSource the service endpoint called ({@code eventSource}), such as {@code iam.amazonaws.com}
 * @param eventName the API method ({@code eventName}), such as {@code CreateUser}
 * @param errorCode the error code of a failed call ({@code errorCode}), or null
 * @param errorMessage the error message of a failed call ({@code errorMessage}), or null; attacker-influenced
 * @param eventType CloudTrail's {@code eventType}, such as {@code AwsApiCall} or {@code AwsConsoleSignIn}, or null
 * @param readOnly CloudTrail's {@code readOnly}, or null when the event does not say
 * @param resources the resources the call touched, created or deleted, in the order found
 */
public record ApiCall(
        Instant eventTime,
        String eventId,
        String accountId,
        String region,
        Principal principal,
        String sourceIpAddress,
        String sourceService,
        String userAgent,
        String eventSource,
        String eventName,
        String errorCode,
        String errorMessage,
        String eventType,
        Boolean readOnly,
        List<AwsResource> resources) implements SecurityEvent {
    /**
     * Returns the fields, every string {@linkplain SafeText#describe escaped}: they come from logs.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return SafeText.describe(this);
    }


    private static final String AMAZONAWS_SUFFIX = ".amazonaws.com";

    /**
     * Creates an API call; blank strings become null and the source IP is normalized.
     *
     * @param eventTime when the call was made ({@code eventTime}), UTC, to the second
     * @param eventId CloudTrail's unique id of the event ({@code eventID}), or null
     * @param accountId the account that received the event ({@code recipientAccountId}), or null
     * @param region the region the call was made to ({@code awsRegion}), or null
     * @param principal who made the call ({@code userIdentity})
     * @param sourceIpAddress the caller's IP address in canonical form ({@code sourceIPAddress} when it is an IP
     *     literal), or null
     * @param sourceService the AWS service that made the call ({@code sourceIPAddress} when it is not an IP literal),
     *     or null
     * @param userAgent the caller's user agent ({@code userAgent}) exactly as logged, or null; attacker-controlled
     * @param eventSource the service endpoint called ({@code eventSource}), such as {@code iam.amazonaws.com}
     * @param eventName the API method ({@code eventName}), such as {@code CreateUser}
     * @param errorCode the error code of a failed call ({@code errorCode}), or null
     * @param errorMessage the error message of a failed call ({@code errorMessage}), or null; attacker-influenced
     * @param eventType CloudTrail's {@code eventType}, such as {@code AwsApiCall} or {@code AwsConsoleSignIn}, or null
     * @param readOnly CloudTrail's {@code readOnly}, or null when the event does not say
     * @param resources the resources the call touched, created or deleted, in the order found
     * @throws IllegalArgumentException if a required field is missing, the account id is not 12 digits or the
     *     source IP is not an IP literal
     */
    public ApiCall {
        Require.nonNull(eventTime, "eventTime");
        eventId = Require.blankToNull(eventId);
        accountId = Require.accountId(Require.blankToNull(accountId), "recipientAccountId");
        region = Require.blankToNull(region);
        Require.nonNull(principal, "principal");
        sourceIpAddress = Require.blankToNull(sourceIpAddress);
        if (sourceIpAddress != null) {
            sourceIpAddress = IpAddresses.normalizeShared(sourceIpAddress);
        }
        sourceService = Require.blankToNull(sourceService);
        userAgent = Require.blankToNull(userAgent);
        Require.nonBlank(eventSource, "eventSource");
        Require.nonBlank(eventName, "eventName");
        errorCode = Require.blankToNull(errorCode);
        errorMessage = Require.blankToNull(errorMessage);
        eventType = Require.blankToNull(eventType);
        resources = resources == null ? List.of() : Require.immutableList(resources, "resources");
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns {@link #eventTime()}.
     *
     * @return the call's time
     */
    @Override
    public Instant time() {
        return eventTime;
    }

    /**
     * Tells whether the call succeeded: CloudTrail recorded neither an error code nor an error message.
     *
     * @return true for a successful call
     */
    public boolean isSuccess() {
        return errorCode == null && errorMessage == null;
    }

    /**
     * Returns the short service name: the event source without {@code .amazonaws.com}.
     *
     * @return for example {@code iam}
     */
    public String service() {
        return eventSource.endsWith(AMAZONAWS_SUFFIX)
                ? eventSource.substring(0, eventSource.length() - AMAZONAWS_SUFFIX.length())
                : eventSource;
    }

    /**
     * Returns the caller's IP address as an entity.
     *
     * @return {@code IpAddress/<sourceIpAddress>}, or empty when the caller was an AWS service
     */
    public Optional<EntityRef> sourceIpEntity() {
        return Optional.ofNullable(sourceIpAddress).map(EntityRef::ipAddress);
    }

    /**
     * Builds an {@link ApiCall}. Not thread-safe.
     */
    public static final class Builder {
        private Instant eventTime;
        private String eventId;
        private String accountId;
        private String region;
        private Principal principal;
        private String sourceIpAddress;
        private String sourceService;
        private String userAgent;
        private String eventSource;
        private String eventName;
        private String errorCode;
        private String errorMessage;
        private String eventType;
        private Boolean readOnly;
        private List<AwsResource> resources = List.of();

        private Builder() {}

        /**
         * Sets when the call was made.
         *
         * @param eventTime {@code eventTime}, UTC
         * @return this builder
         */
        public Builder eventTime(Instant eventTime) {
            this.eventTime = eventTime;
            return this;
        }

        /**
         * Sets the event id.
         *
         * @param eventId {@code eventID}
         * @return this builder
         */
        public Builder eventId(String eventId) {
            this.eventId = eventId;
            return this;
        }

        /**
         * Sets the recipient account.
         *
         * @param accountId {@code recipientAccountId}
         * @return this builder
         */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /**
         * Sets the region.
         *
         * @param region {@code awsRegion}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Sets the caller.
         *
         * @param principal {@code userIdentity}
         * @return this builder
         */
        public Builder principal(Principal principal) {
            this.principal = principal;
            return this;
        }

        /**
         * Sets the caller's IP address.
         *
         * @param sourceIpAddress an IP literal
         * @return this builder
         */
        public Builder sourceIpAddress(String sourceIpAddress) {
            this.sourceIpAddress = sourceIpAddress;
            return this;
        }

        /**
         * Sets the AWS service that made the call.
         *
         * @param sourceService such as {@code ec2.amazonaws.com}
         * @return this builder
         */
        public Builder sourceService(String sourceService) {
            this.sourceService = sourceService;
            return this;
        }

        /**
         * Sets the user agent.
         *
         * @param userAgent {@code userAgent}
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /**
         * Sets the service endpoint.
         *
         * @param eventSource {@code eventSource}
         * @return this builder
         */
        public Builder eventSource(String eventSource) {
            this.eventSource = eventSource;
            return this;
        }

        /**
         * Sets the API method.
         *
         * @param eventName {@code eventName}
         * @return this builder
         */
        public Builder eventName(String eventName) {
            this.eventName = eventName;
            return this;
        }

        /**
         * Sets the error code.
         *
         * @param errorCode {@code errorCode}
         * @return this builder
         */
        public Builder errorCode(String errorCode) {
            this.errorCode = errorCode;
            return this;
        }

        /**
         * Sets the error message.
         *
         * @param errorMessage {@code errorMessage}
         * @return this builder
         */
        public Builder errorMessage(String errorMessage) {
            this.errorMessage = errorMessage;
            return this;
        }

        /**
         * Sets the event type.
         *
         * @param eventType {@code eventType}
         * @return this builder
         */
        public Builder eventType(String eventType) {
            this.eventType = eventType;
            return this;
        }

        /**
         * Sets whether the call only reads.
         *
         * @param readOnly {@code readOnly}, or null
         * @return this builder
         */
        public Builder readOnly(Boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /**
         * Sets the resources the call touched, created or deleted.
         *
         * @param resources the resources
         * @return this builder
         */
        public Builder resources(List<AwsResource> resources) {
            this.resources = resources;
            return this;
        }

        /**
         * Builds the API call.
         *
         * @return the API call
         * @throws IllegalArgumentException or NullPointerException as the record's constructor does
         */
        public ApiCall build() {
            return new ApiCall(eventTime, eventId, accountId, region, principal, sourceIpAddress, sourceService,
                    userAgent, eventSource, eventName, errorCode, errorMessage, eventType, readOnly, resources);
        }
    }
}
