package io.github.detective4j.examples.incident;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * One CloudTrail management event to write, with CloudTrail's fields in CloudTrail's order. Built by
 * {@link ApiCalls}; the optional parts are set with the chained setters. Not thread-safe.
 */
final class ApiEvent {
    /** The CLI of the attacker's user agent speaks TLS 1.2, everything else TLS 1.3. */
    private static final String OLD_CLI = "aws-cli/1.";

    final Instant time;
    final String region;
    final Identity identity;
    final String eventSource;
    final String eventName;
    private final String requestId;
    private final String eventId;
    private String sourceIp;
    private String userAgent;
    private String eventVersion = "1.10";
    private String eventType = "AwsApiCall";
    private boolean readOnly;
    private String errorCode;
    private String errorMessage;
    private Map<String, Object> request;
    private Map<String, Object> response;
    private Map<String, Object> additional;
    private List<Object> resources;
    private boolean fromConsole;
    private boolean withRequestId = true;
    private String host;

    ApiEvent(Dice dice, Instant time, String region, Identity identity, String eventSource, String eventName) {
        this.time = time.truncatedTo(ChronoUnit.SECONDS);
        this.region = region;
        this.identity = identity;
        this.eventSource = eventSource;
        this.eventName = eventName;
        this.requestId = dice.uuid();
        this.eventId = dice.uuid();
        this.readOnly = eventName.startsWith("Describe") || eventName.startsWith("List")
                || eventName.startsWith("Get") || eventName.startsWith("Lookup");
    }

    /** Where the call came from: an IP address, or the name of the AWS service that made it. */
    ApiEvent from(String sourceIpOrService, String agent) {
        this.sourceIp = sourceIpOrService;
        this.userAgent = agent;
        return this;
    }

    ApiEvent request(Map<String, Object> parameters) {
        this.request = parameters;
        return this;
    }

    ApiEvent response(Map<String, Object> elements) {
        this.response = elements;
        return this;
    }

    ApiEvent additional(Map<String, Object> data) {
        this.additional = data;
        return this;
    }

    ApiEvent resources(List<Object> list) {
        this.resources = list;
        return this;
    }

    ApiEvent readOnly(boolean value) {
        this.readOnly = value;
        return this;
    }

    ApiEvent version(String value) {
        this.eventVersion = value;
        return this;
    }

    ApiEvent type(String value) {
        this.eventType = value;
        return this;
    }

    ApiEvent failed(String code, String message) {
        this.errorCode = code;
        this.errorMessage = message;
        return this;
    }

    ApiEvent console() {
        this.fromConsole = true;
        return this;
    }

    /** Leaves {@code requestID} out, as CloudTrail does for console sign-ins. */
    ApiEvent withoutRequestId() {
        this.withRequestId = false;
        return this;
    }

    /** Sets the host the client asked for in TLS, where it is not the service's regional endpoint. */
    ApiEvent host(String value) {
        this.host = value;
        return this;
    }

    String sourceIp() {
        return sourceIp;
    }

    String userAgent() {
        return userAgent;
    }

    void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("eventVersion", eventVersion);
        g.writeFieldName("userIdentity");
        identity.write(g);
        g.writeStringField("eventTime", time.toString());
        g.writeStringField("eventSource", eventSource);
        g.writeStringField("eventName", eventName);
        g.writeStringField("awsRegion", region);
        g.writeStringField("sourceIPAddress", sourceIp);
        g.writeStringField("userAgent", userAgent);
        if (errorCode != null) {
            g.writeStringField("errorCode", errorCode);
        }
        if (errorMessage != null) {
            g.writeStringField("errorMessage", errorMessage);
        }
        g.writeFieldName("requestParameters");
        g.writeObject(request);
        g.writeFieldName("responseElements");
        g.writeObject(response);
        if (additional != null) {
            g.writeFieldName("additionalEventData");
            g.writeObject(additional);
        }
        if (withRequestId) {
            g.writeStringField("requestID", requestId);
        }
        g.writeStringField("eventID", eventId);
        g.writeBooleanField("readOnly", readOnly);
        if (resources != null) {
            g.writeFieldName("resources");
            g.writeObject(resources);
        }
        g.writeStringField("eventType", eventType);
        g.writeBooleanField("managementEvent", true);
        g.writeStringField("recipientAccountId", Cast.ACCOUNT);
        g.writeStringField("eventCategory", "Management");
        if (fromConsole) {
            g.writeStringField("sessionCredentialFromConsole", "true");
        }
        if (!(identity instanceof Identity.Service)) { // a service's own calls carry no client TLS details
            boolean old = userAgent != null && userAgent.startsWith(OLD_CLI);
            g.writeObjectFieldStart("tlsDetails");
            g.writeStringField("tlsVersion", old ? "TLSv1.2" : "TLSv1.3");
            g.writeStringField("cipherSuite", old ? "ECDHE-RSA-AES128-GCM-SHA256" : "TLS_AES_128_GCM_SHA256");
            g.writeStringField("clientProvidedHostHeader", host != null ? host : endpoint());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private String endpoint() {
        String service = eventSource.substring(0, eventSource.indexOf('.'));
        switch (service) {
            case "iam":
            case "sts":
            case "s3":
                return eventSource; // global endpoints
            default:
                return service + "." + region + ".amazonaws.com";
        }
    }
}
