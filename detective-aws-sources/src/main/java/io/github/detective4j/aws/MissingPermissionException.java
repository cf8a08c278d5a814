package io.github.detective4j.aws;

import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * AWS refused a live reader's call (HTTP 403, or {@code AccessDeniedException}): the caller lacks the named IAM
 * action on the named resource, or its credentials are not valid there. The message says both, and AWS's own error
 * code, so that whoever reads the log knows which statement of the policy to add:
 * {@code access denied (AccessDenied): the reader needs s3:ListBucket on arn:aws:s3:::my-trail-bucket}.
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
    /** The IAM action refused. */
    private final String action;
    /** The ARN it was refused on. */
    private final String resource;

    /**
     * Creates the exception.
     *
     * @param action the IAM action refused, such as {@code s3:GetObject}
     * @param resource the ARN it was refused on
     * @param errorCode AWS's error code, such as {@code AccessDenied}, or null
     * @param cause what the SDK threw, or null
     */
    public MissingPermissionException(String action, String resource, String errorCode, Throwable cause) {
        super("access denied" + (errorCode == null ? "" : " (" + Escaping.forLog(errorCode) + ")")
                + ": the reader needs " + action + " on " + Escaping.forLog(resource), cause); // keys are data
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
     * Turns what the SDK threw for a call into the exception a caller can act on: a 403 into this one, anything else
     * (another answer of the service, or no answer: the network, the SDK's retries spent) into an
     * {@link IOException} that names the call and the resource, since the SDK's own exceptions are unchecked.
     */
    static IOException of(SdkException e, String action, String resource) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            // S3 and SQS answer 403; JSON services such as CloudWatch Logs answer 400 with AccessDeniedException
            if (service.statusCode() == 403 || "AccessDeniedException".equals(code)) {
                return new MissingPermissionException(action, resource, code, e);
            }
        }
        return new IOException(action + " on " + Escaping.forLog(resource) + " failed: "
                + Escaping.forLog(e.getMessage()), e); // a key is data, and AWS's message may quote it
    }
}
