package io.github.detective4j.examples.live;

import io.github.detective4j.aws.AwsAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server in the test JVM: s3proxy over jclouds' transient (in-memory) blob store, on
 * 127.0.0.1 at a free port, checking AWS Signature V4 against one key pair, so that a wrong secret is refused as
 * AWS refuses it (HTTP 403).
 */
final class LoopbackS3 implements AutoCloseable {
    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final URI endpoint;

    LoopbackS3() throws Exception {
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(5);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    URI endpoint() {
        return endpoint;
    }

    /** Access to this server with its key pair. */
    AwsAccess access() {
        return access(SECRET_KEY);
    }

    AwsAccess access(String secret) {
        return AwsAccess.builder().endpoint(endpoint).region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secret)))
                .build();
    }

    /** Creates a bucket holding every file below a folder, each under its path relative to the folder. */
    void upload(Path dir, String bucket) throws IOException {
        try (S3Client s3 = access().s3(); Stream<Path> walk = Files.walk(dir)) {
            s3.createBucket(r -> r.bucket(bucket));
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            files.parallelStream().forEach(file -> s3.putObject(r -> r.bucket(bucket).key(key(dir, file)),
                    RequestBody.fromFile(file)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static String key(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
