package io.github.detective4j.aws;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * How the live readers reach AWS: credentials and region from the SDK's default chains (environment, system
 * properties, {@code ~/.aws/config} and {@code credentials}, container and instance roles), each of which can be
 * overridden, and the SDK clients built from them. Every client uses the SDK's standard retry strategy (exponential
 * backoff with jitter, throttling errors retried; 3 attempts), whatever {@code AWS_RETRY_MODE} or the profile's
 * {@code retry_mode} say, and the JDK's {@code HttpURLConnection}.
 *
 * <pre>{@code
 * AwsAccess admin = AwsAccess.builder().profile("security-admin").region("us-east-1").build();
 * S3Client s3 = admin.s3();
 * // a member account's logs, read with the role the member lets the administrator assume
 * AwsAccess member = admin.assumingRole("arn:aws:iam::444455556666:role/DetectiveReader", "detective4j");
 * }</pre>
 *
 * <p>Immutable and thread-safe; each call to a client method builds a new client, which the caller closes.
 */
public final class AwsAccess {
    /** A role session name STS takes: 2 to 64 of letters, digits and {@code +=,.@_-}. */
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    /** An external ID STS takes: 2 to 1,224 of letters, digits and {@code _+=,.@:/-}. */
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private final String region;
    private final URI endpoint;
    private final URI stsEndpoint;
    private final String profile;
    private final AwsCredentialsProvider credentials;

    private AwsAccess(String region, URI endpoint, URI stsEndpoint, String profile,
            AwsCredentialsProvider credentials) {
        this.region = region;
        this.endpoint = endpoint;
        this.stsEndpoint = stsEndpoint;
        this.profile = profile;
        this.credentials = credentials;
    }

    /**
     * Returns a builder whose every setting comes from the SDK's default chains until overridden.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns this access with credentials of a role assumed through STS (refreshed before they expire), as an
     * administrator account reads a member account's logs; region, endpoint and profile stay. The STS calls use this
     * access's own credentials and go to {@link Builder#stsEndpoint}, by default the region's STS endpoint.
     *
     * <p>Each call builds an STS client that lives as long as the credentials it refreshes: call this once per role
     * and keep the access, not once per read.
     *
     * @param roleArn the role to assume, such as {@code arn:aws:iam::444455556666:role/DetectiveReader}
     * @param sessionName the session name CloudTrail records for the calls: 2 to 64 of the characters STS allows
     *     (letters, digits and {@code +=,.@_-})
     * @return the access as that role
     * @throws IllegalArgumentException if {@code sessionName} is not such a name
     * @throws IllegalStateException if no region is set and the SDK's chain finds none: STS has no endpoint then
     */
    public AwsAccess assumingRole(String roleArn, String sessionName) {
        return assume(roleArn, sessionName, null);
    }

    /**
     * Returns this access with credentials of a role whose trust policy asks for an external ID
     * ({@code sts:ExternalId}), as a role made for a third party's tool does; otherwise as
     * {@link #assumingRole(String, String)}. The id is sent with every refresh and appears in no message.
     *
     * <pre>{@code
     * AwsAccess member = admin.assumingRole("arn:aws:iam::444455556666:role/SecurityTooling", "detective4j",
     *         System.getenv("DETECTIVE_EXTERNAL_ID"));
     * }</pre>
     *
     * @param roleArn the role to assume
     * @param sessionName the session name, as for {@link #assumingRole(String, String)}
     * @param externalId the external ID the role's owner gave: 2 to 1,224 of letters, digits and {@code _+=,.@:/-},
     *     as STS takes it
     * @return the access as that role
     * @throws IllegalArgumentException if {@code sessionName} or {@code externalId} is not one STS takes
     * @throws IllegalStateException if no region is set and the SDK's chain finds none: STS has no endpoint then
     */
    public AwsAccess assumingRole(String roleArn, String sessionName, String externalId) {
        Objects.requireNonNull(externalId, "externalId");
        if (!EXTERNAL_ID.matcher(externalId).matches()) { // its value is a shared secret: not quoted
            throw new IllegalArgumentException("externalId must be 2 to 1224 letters, digits or _+=,.@:/- (no"
                    + " spaces), was " + externalId.length() + " characters");
        }
        return assume(roleArn, sessionName, externalId);
    }

    private AwsAccess assume(String roleArn, String sessionName, String externalId) {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(sessionName, "sessionName");
        if (!SESSION_NAME.matcher(sessionName).matches()) { // STS would say so only at the first read
            throw new IllegalArgumentException("sessionName must be 2 to 64 letters, digits or +=,.@_-, was "
                    + Escaping.quote(sessionName));
        }
        StsClient sts;
        try {
            sts = configure(StsClient.builder(), stsEndpoint).build();
        } catch (SdkClientException e) { // the SDK resolves the region as it builds, and says so at length
            throw new IllegalStateException("no region to assume " + Escaping.quote(roleArn) + " in: set one with"
                    + " AwsAccess.Builder.region, AWS_REGION or the profile's region", e);
        }
        AwsCredentialsProvider role = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request -> request.roleArn(roleArn).roleSessionName(sessionName)
                        .externalId(externalId))
                .build();
        return new AwsAccess(region, endpoint, stsEndpoint, profile, role);
    }

    /**
     * Builds an S3 client. Without an endpoint override it reaches a bucket in any region (the SDK's cross-region
     * access: a log bucket is often in another region than the reader); with one it addresses buckets by path
     * ({@code endpoint/bucket/key}), as S3-compatible servers expect. It computes and checks checksums only where S3
     * requires them (the readers only list and get, and some compatible servers refuse the newer trailing checksums).
     *
     * @return a new client; close it when done
     */
    public S3Client s3() {
        return configure(S3Client.builder(), endpoint)
                .forcePathStyle(endpoint != null)
                .crossRegionAccessEnabled(endpoint == null) // else S3 answers 301 for another region's bucket
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /**
     * Builds an SQS client.
     *
     * @return a new client; close it when done
     */
    public SqsClient sqs() {
        return configure(SqsClient.builder(), endpoint).build();
    }

    /**
     * Builds a CloudWatch Logs client.
     *
     * @return a new client; close it when done
     */
    public CloudWatchLogsClient logs() {
        return configure(CloudWatchLogsClient.builder(), endpoint).build();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, URI endpoint) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        // one call: each overrideConfiguration replaces what an earlier one set
        builder.overrideConfiguration(o -> {
            o.retryStrategy(RetryMode.STANDARD); // the SDK's default mode is still LEGACY
            if (profile != null) {
                o.defaultProfileName(profile); // region and credentials of it
            }
        });
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        } else if (profile != null) {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().profileName(profile).build());
        }
        return builder;
    }

    /** Configures an {@link AwsAccess}. Not thread-safe. */
    public static final class Builder {
        private String region;
        private URI endpoint;
        private URI stsEndpoint;
        private String profile;
        private AwsCredentialsProvider credentials;

        private Builder() {}

        /**
         * Sets the region instead of the default chain's ({@code AWS_REGION}, the profile's {@code region}, ...).
         *
         * @param region such as {@code us-east-1}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Sends the S3, SQS and CloudWatch Logs calls to this endpoint instead of AWS's: an S3- or SQS-compatible
         * server, say. (For AWS's own per-service endpoints, such as VPC endpoints, the SDK's
         * {@code AWS_ENDPOINT_URL_<SERVICE>} settings apply as usual.)
         *
         * @param endpoint such as {@code http://127.0.0.1:9324}
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /**
         * Sends the STS calls of {@link AwsAccess#assumingRole} to this endpoint instead of the region's.
         *
         * @param stsEndpoint such as {@code https://sts.eu-west-1.amazonaws.com}
         * @return this builder
         */
        public Builder stsEndpoint(URI stsEndpoint) {
            this.stsEndpoint = Objects.requireNonNull(stsEndpoint, "stsEndpoint");
            return this;
        }

        /**
         * Takes credentials and region from this profile of {@code ~/.aws/config} instead of the default one.
         *
         * @param profile the profile name
         * @return this builder
         */
        public Builder profile(String profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * Uses these credentials instead of the default chain.
         *
         * @param credentials any SDK provider, such as {@code StaticCredentialsProvider.create(...)}
         * @return this builder
         */
        public Builder credentials(AwsCredentialsProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * Builds the access; nothing is called until a client makes a request.
         *
         * @return the access
         */
        public AwsAccess build() {
            return new AwsAccess(region, endpoint, stsEndpoint, profile, credentials);
        }
    }
}
