package io.github.detective4j.aws;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * AWS refused a live reader's call (HTTP 403, or {@code AccessDeniedException}): the caller lacks the named IAM
 * action on the named resource, or its credentials are not valid there. The message says both, and AWS's own error
 * code and message, so that whoever reads the log knows which statement of the policy to add, or that the refusal was
 * another one, such as a KMS key's:
 * {@code access denied (AccessDenied): the reader needs s3:ListBucket on arn:aws:s3:::my-trail-bucket; AWS said:
 * User: arn:aws:sts::111122223333:assumed-role/DetectiveReader/detective4j is not authorized to perform:
 * s3:ListBucket on resource: "arn:aws:s3:::my-trail-bucket" because no identity-based policy allows the s3:ListBucket
 * action}. When the credentials are a role's that STS refused to hand out ({@link AwsAccess#assumingRole}), the
 * action is {@code sts:AssumeRole} and the resource the role, whatever call needed them.
 *
 * <pre>{@code
 * try {
 *     source.read(graph);
 * } catch (MissingPermissionException e) {
 *     log.error("grant {} on {}", e.action(), SafeText.escape(e.resource())); // an S3 key is anyone's text
 * }
 * }</pre>
 */
public final class MissingPermissionException extends IOException {
    private static final long serialVersionUID = 1L;
    /** What STS says when it refuses a role: the action and the role's ARN, for the message to name. */
    private static final Pattern STS_REFUSAL = Pattern.compile(
            "not authorized to perform: (sts:[A-Za-z]+) on resource: (arn:[^\\s]+)");
    /** The IAM action refused. */
    private final String action;
    /** The ARN it was refused on. */
    private final String resource;

    /**
     * Creates the exception. The message ends with AWS's own error message when the cause (or one of its causes) is
     * an {@link AwsServiceException} that has one.
     *
     * @param action the IAM action refused, such as {@code s3:GetObject}
     * @param resource the ARN it was refused on
     * @param errorCode AWS's error code, such as {@code AccessDenied}, or null
     * @param cause what the SDK threw, or null
     */
    public MissingPermissionException(String action, String resource, String errorCode, Throwable cause) {
        super("access denied" + (errorCode == null ? "" : " (" + Escaping.forLog(errorCode) + ")")
                + ": the reader needs " + action + " on " + Escaping.forLog(resource) // keys are data
                + awsSaid(cause), cause);
        this.action = action;
        this.resource = resource;
    }

    /**
     * Returns the IAM action that was refused.
     *
     * @return such as {@code sqs:ReceiveMessage}
     */
    public String action() {
        return action;
    }

    /**
     * Returns the resource the action was refused on.
     *
     * @return an ARN, such as {@code arn:aws:s3:::my-trail-bucket}
     */
    public String resource() {
        return resource;
    }

    /**
     * Turns what the SDK threw for a call into the exception a caller can act on: a 403 into this one (naming
     * {@code sts:AssumeRole} and the role when it was STS's, refusing the credentials the call needed), anything else
     * (another answer of the service, or no answer: the network, the SDK's retries spent) into an
     * {@link IOException} that names the call and the resource, since the SDK's own exceptions are unchecked.
     */
    static IOException of(SdkException e, String action, String resource) {
        // An assumed role's credentials are fetched inside the call: a refusal of STS is not one of the call's service
        AwsServiceException sts = serviceInChain(e, "sts");
        if (sts != null && refused(sts)) {
            Matcher refusal = STS_REFUSAL.matcher(String.valueOf(sts.awsErrorDetails().errorMessage()));
            boolean named = refusal.find();
            return new MissingPermissionException(named ? refusal.group(1) : "sts:AssumeRole",
                    named ? refusal.group(2) : "*", sts.awsErrorDetails().errorCode(), e);
        }
        if (e instanceof AwsServiceException service && refused(service)) {
            return new MissingPermissionException(action, resource, errorCode(service), e);
        }
        return new IOException(action + " on " + Escaping.forLog(resource) + " failed: "
                + Escaping.forLog(e.getMessage()), e); // a key is data, and AWS's message may quote it
    }

    /** S3, SQS and STS answer 403; JSON services such as CloudWatch Logs answer 400 with AccessDeniedException. */
    private static boolean refused(AwsServiceException e) {
        return e.statusCode() == 403 || "AccessDeniedException".equals(errorCode(e));
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    /** The first exception in the cause chain that is an answer of the named service (SDK's service name), or null. */
    private static AwsServiceException serviceInChain(Throwable e, String serviceName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException service && service.awsErrorDetails() != null
                    && serviceName.equalsIgnoreCase(service.awsErrorDetails().serviceName())) {
                return service;
            }
        }
        return null;
    }

    /**
     * {@code "; AWS said: "} and the message of the first AWS answer in the cause chain, escaped and cut short, or
     * nothing: the message names what was refused when it was not the action the reader asked for (a KMS key's
     * {@code kms:Decrypt} behind an S3 object, an explicit deny, a service control policy).
     */
    private static String awsSaid(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException service && service.awsErrorDetails() != null
                    && service.awsErrorDetails().errorMessage() != null) {
                return "; AWS said: " + Escaping.forLog(service.awsErrorDetails().errorMessage());
            }
        }
        return "";
    }
}
