package io.github.detective4j.examples.testkit;

import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Principal;
import java.util.List;
import java.util.Objects;

/**
 * A principal of a {@link Scenario} making API calls: from an address, with a user agent, succeeding or failing, as
 * set before each {@link #calls}.
 *
 * <pre>{@code
 * story.user("alice").from("153.156.88.21").using("aws-cli/2.22.35 Python/3.12.6 Darwin/24.1.0")
 *     .calls("ec2", "DescribeInstances").every(Duration.ofHours(1)).during(Duration.ofDays(30));
 * story.user("mallory").from("198.51.100.7").failing("AccessDenied").calls("iam", "ListUsers").times(20);
 * story.root().from("198.51.100.7").failsToSignIn().times(12);
 * }</pre>
 *
 * Not thread-safe.
 */
public final class Caller {
    /** A browser's agent, as sign-ins log one when the story set none. */
    private static final String BROWSER =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private final Scenario scenario;
    private final Principal principal;
    private String ip;
    private String service;
    private String userAgent;
    private String errorCode;
    private String errorMessage;

    Caller(Scenario scenario, Principal principal) {
        this.scenario = scenario;
        this.principal = principal;
    }

    /**
     * Returns the entity the calls are attributed to in a graph.
     *
     * @return {@code AwsUser/...} for a user, {@code AwsRoleSession/...} for a role session
     */
    public EntityRef ref() {
        return principal.entity().orElseThrow();
    }

    /**
     * Returns the role of a role session.
     *
     * @return {@code AwsRole/AROA...}
     * @throws java.util.NoSuchElementException for a user
     */
    public EntityRef role() {
        return principal.role().orElseThrow();
    }

    /**
     * Returns the principal as CloudTrail would log it.
     *
     * @return the principal
     */
    public Principal principal() {
        return principal;
    }

    /**
     * Calls from an IP address from now on.
     *
     * @param address an IPv4 or IPv6 address
     * @return this caller
     */
    public Caller from(String address) {
        this.ip = Objects.requireNonNull(address, "address");
        this.service = null;
        return this;
    }

    /**
     * Has an AWS service make the calls on the principal's behalf from now on ({@code sourceIPAddress} a service
     * name): they come from no address.
     *
     * @param serviceName such as {@code ec2.amazonaws.com} or {@code AWS Internal}
     * @return this caller
     */
    public Caller through(String serviceName) {
        this.service = Objects.requireNonNull(serviceName, "service");
        this.ip = null;
        return this;
    }

    /**
     * Calls with a user agent from now on.
     *
     * @param agent the user agent, exactly as it would be logged
     * @return this caller
     */
    public Caller using(String agent) {
        this.userAgent = Objects.requireNonNull(agent, "user agent");
        return this;
    }

    /**
     * Fails the calls from now on with an error code, such as {@code AccessDenied}; null succeeds again. The error
     * message is as AWS words it for {@code AccessDenied} ({@code User: <arn> is not authorized to perform:
     * <service>:<method> on resource: *}) and for {@code Client.UnauthorizedOperation} ({@code You are not authorized
     * to perform this operation.}), else the code; {@link #failing(String, String)} sets another.
     *
     * @param code the error code, or null
     * @return this caller
     */
    public Caller failing(String code) {
        return failing(code, null);
    }

    /**
     * Fails the calls from now on with an error code and message, for a rule that reads the message.
     *
     * @param code the error code, or null to succeed again
     * @param message the error message, or null for the default of {@link #failing(String)}
     * @return this caller
     */
    public Caller failing(String code, String message) {
        this.errorCode = code;
        this.errorMessage = code == null ? null : message;
        return this;
    }

    /**
     * Signs in to the console, starting at the story's clock: a {@code ConsoleLogin} event
     * ({@code AwsConsoleSignIn}, {@code signin.amazonaws.com}) as CloudTrail writes one, with or without MFA
     * ({@code additionalEventData.MFAUsed}, which the model keeps as the principal's {@code mfaAuthenticated}), from
     * the caller's address and with its user agent (a browser's when none was set).
     *
     * <pre>{@code
     * story.user("alice").from("153.156.88.21").signsIn(true).every(Duration.ofDays(1)).during(Duration.ofDays(30));
     * story.user("alice").from("198.51.100.7").failsToSignIn().every(Duration.ofSeconds(20)).times(15);
     * }</pre>
     *
     * @param withMfa whether the sign-in used MFA
     * @return the activity, to repeat or not
     */
    public Activity signsIn(boolean withMfa) {
        return signIn(withMfa, null);
    }

    /**
     * Fails to sign in to the console, starting at the story's clock: a {@code ConsoleLogin} refused as CloudTrail
     * writes a wrong password ({@code errorMessage} {@code Failed authentication}, no error code, no MFA used), on
     * the caller's own identity, as for an IAM user or the root user whose name exists.
     *
     * @return the activity, to repeat or not
     */
    public Activity failsToSignIn() {
        return signIn(false, "Failed authentication");
    }

    private Activity signIn(boolean withMfa, String failure) {
        Principal signedIn = new Principal(principal.type(), principal.principalId(), principal.arn(),
                principal.accountId(), principal.userName(), null, principal.sessionIssuer(),
                principal.identityProvider(), principal.invokedBy(), withMfa);
        String from = ip;
        String agent = userAgent != null ? userAgent : BROWSER;
        return new Activity(scenario, (at, n) -> List.of(ApiCall.builder().eventTime(at)
                .eventId(scenario.nextEventId()).accountId(scenario.account()).region(scenario.region())
                .principal(signedIn).sourceIpAddress(from).userAgent(agent).eventSource("signin.amazonaws.com")
                .eventName("ConsoleLogin").errorMessage(failure).eventType("AwsConsoleSignIn").readOnly(false)
                .build()));
    }

    /** The message AWS writes for a refusal of this method, as {@link #failing(String)} says. */
    private String refusal(String code, String eventSource, String method) {
        if (code.equals("AccessDenied")) {
            int dot = eventSource.indexOf('.');
            String service = dot < 0 ? eventSource : eventSource.substring(0, dot);
            return "User: " + principal.arn() + " is not authorized to perform: " + service + ":" + method
                    + " on resource: *";
        }
        return code.equals("Client.UnauthorizedOperation") ? "You are not authorized to perform this operation."
                : code;
    }

    /**
     * Calls an API method, starting at the story's clock: an {@code AwsApiCall} event, read-only when the method's
     * name starts with {@code Get}, {@code List} or {@code Describe}.
     *
     * @param serviceName the service, such as {@code iam} (for {@code iam.amazonaws.com}) or a full event source
     * @param method the API method, such as {@code CreateUser}
     * @param resources the resources the call touches, created or deletes, if the detection looks at them
     * @return the activity, to repeat or not
     */
    public Activity calls(String serviceName, String method, AwsResource... resources) {
        String eventSource = Scenario.eventSource(serviceName);
        String from = ip;
        String on = service;
        String agent = userAgent;
        String error = errorCode;
        String message = error == null ? null : errorMessage != null ? errorMessage
                : refusal(error, eventSource, method);
        List<AwsResource> touched = List.of(resources);
        boolean readOnly = method.startsWith("Get") || method.startsWith("List") || method.startsWith("Describe");
        return new Activity(scenario, (at, n) -> List.of(ApiCall.builder().eventTime(at).eventId(scenario.nextEventId())
                .accountId(scenario.account()).region(scenario.region()).principal(principal)
                .sourceIpAddress(from).sourceService(on).userAgent(agent).eventSource(eventSource).eventName(method)
                .errorCode(error).errorMessage(message)
                .eventType("AwsApiCall").readOnly(readOnly).resources(touched).build()));
    }
}
