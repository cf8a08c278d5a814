package io.github.detective4j.examples.live;

import io.github.detective4j.aws.AwsAccess;
import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A real SQS-compatible server in the test JVM: ElasticMQ, on 127.0.0.1 at a free port. */
final class LoopbackSqs implements AutoCloseable {
    private final SQSRestServer server;
    private final URI endpoint;

    LoopbackSqs() {
        server = SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();
        endpoint = URI.create("http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort());
    }

    AwsAccess access() {
        return AwsAccess.builder().endpoint(endpoint).region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .build();
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
