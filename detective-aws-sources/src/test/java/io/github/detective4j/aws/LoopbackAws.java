package io.github.detective4j.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A stand-in for SQS, S3 and STS on loopback, for the answers the compatible servers (ElasticMQ, s3proxy) never give
 * (403 for one key, 5xx, 301 for another region's bucket, STS refusing a role): a JDK HTTP server speaking SQS's JSON
 * protocol over one queue (receive counts, visibility timeouts on a clock a test may move, deletes by receipt
 * handle), S3's path-style GetObject and ListObjectsV2 over objects each answering as told, and STS's query protocol
 * refusing AssumeRole as STS does.
 */
final class LoopbackAws implements AutoCloseable {
    static final String ACCOUNT = "111122223333";
    /** SQS's visibility timeout of a queue created with defaults. */
    private static final long DEFAULT_VISIBILITY_MILLIS = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Queued> queue = new ArrayList<>();
    private final AtomicInteger receipts = new AtomicInteger();
    /** Per {@code bucket/key}, the answers still to give; the last one repeats. */
    private final Map<String, List<Answer>> objects = new ConcurrentHashMap<>();
    /** The visibility timeouts the client asked for with ChangeMessageVisibility, in seconds, in order. */
    final List<Integer> visibilityTimeouts = new CopyOnWriteArrayList<>();
    /** The ChangeMessageVisibilityBatch calls, in order. */
    final List<VisibilityChange> visibilityBatches = new CopyOnWriteArrayList<>();
    /** The messages each DeleteMessageBatch call named, by id, in order. */
    final List<List<String>> deleteBatches = new CopyOnWriteArrayList<>();
    /** SQS's clock, in epoch milliseconds: visibility timeouts pass by it. */
    volatile LongSupplier clock = System::currentTimeMillis;
    /** GetObject requests, as {@code bucket/key}. */
    final List<String> gets = new CopyOnWriteArrayList<>();
    /** When set, SQS refuses every call with 403 and this message. */
    volatile String sqsRefusal;

    /** What S3 answers to one GetObject: the object's bytes, or an error. */
    record Answer(int status, String code, String message, Map<String, String> headers, byte[] content) {
        static Answer object(String content) {
            return new Answer(200, null, null, Map.of(), content.getBytes(StandardCharsets.UTF_8));
        }

        static Answer error(int status, String code, String message) {
            return new Answer(status, code, message, Map.of(), null);
        }

        Answer withHeader(String name, String value) {
            Map<String, String> more = new TreeMap<>(headers);
            more.put(name, value);
            return new Answer(status, code, message, more, content);
        }
    }

    /** One ChangeMessageVisibilityBatch call: the messages it named, by id, and the timeout, in seconds. */
    record VisibilityChange(List<String> messageIds, int timeout) {
    }

    private static final class Queued {
        final String id;
        final String body;
        int receives;
        String receipt;
        long visibleAt;

        Queued(String id, String body) {
            this.id = id;
            this.body = body;
        }
    }

    LoopbackAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    String queueUrl() {
        return endpoint() + "/" + ACCOUNT + "/notifications";
    }

    /** SQS and S3 clients of this server, without the SDK's retries: a test sees each answer as the source does. */
    SqsClient sqs() {
        return offline(SqsClient.builder()).build();
    }

    S3Client s3() {
        return offline(S3Client.builder()).forcePathStyle(true)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B offline(B builder) {
        return builder.endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }

    /** Puts a message on the queue. */
    synchronized void send(String body) {
        queue.add(new Queued("m" + (queue.size() + 1), body));
    }

    /** What another consumer of the queue would receive now, by id: the visible messages, which it receives. */
    List<String> receiveAsAnotherConsumer() {
        try (SqsClient other = sqs()) {
            return other.receiveMessage(r -> r.queueUrl(queueUrl()).maxNumberOfMessages(10)).messages().stream()
                    .map(software.amazon.awssdk.services.sqs.model.Message::messageId).toList();
        }
    }

    /** Messages on the queue, visible or not. */
    synchronized int messagesLeft() {
        return queue.size();
    }

    /** Makes every message visible now, as if their visibility timeouts had passed. */
    synchronized void timeoutsPass() {
        queue.forEach(m -> m.visibleAt = 0);
    }

    /** Says what S3 answers for an object, one answer per GetObject; the last one repeats. */
    void answer(String bucket, String key, Answer... answers) {
        objects.put(bucket + "/" + key, new CopyOnWriteArrayList<>(List.of(answers)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String form = new String(request, StandardCharsets.UTF_8);
            if (target != null && target.startsWith("AmazonSQS.")) {
                sqs(exchange, target.substring("AmazonSQS.".length()), JSON.readTree(request));
            } else if (form.startsWith("Action=AssumeRole")) {
                sts(exchange, form);
            } else {
                s3(exchange);
            }
        }
    }

    private void sqs(HttpExchange exchange, String operation, JsonNode request) throws IOException {
        if (sqsRefusal != null) {
            exchange.getResponseHeaders().set("x-amzn-query-error", "AccessDenied;Sender");
            send(exchange, 403, "application/x-amz-json-1.0", JSON.writeValueAsString(Map.of(
                    "__type", "com.amazon.coral.service#AccessDeniedException", "message", sqsRefusal)));
            return;
        }
        ObjectNode response = JSON.createObjectNode();
        synchronized (this) {
            long now = clock.getAsLong();
            switch (operation) {
                case "ReceiveMessage" -> {
                    ArrayNode messages = response.putArray("Messages");
                    int max = request.path("MaxNumberOfMessages").asInt(1);
                    long visibility = request.has("VisibilityTimeout")
                            ? request.path("VisibilityTimeout").asInt() * 1000L : DEFAULT_VISIBILITY_MILLIS;
                    for (Queued m : queue) {
                        if (messages.size() < max && m.visibleAt <= now) {
                            m.receives++;
                            m.receipt = "rh-" + receipts.incrementAndGet();
                            m.visibleAt = now + visibility;
                            ObjectNode message = messages.addObject().put("MessageId", m.id)
                                    .put("ReceiptHandle", m.receipt).put("MD5OfBody", md5(m.body))
                                    .put("Body", m.body);
                            message.putObject("Attributes").put("ApproximateReceiveCount",
                                    Integer.toString(m.receives));
                        }
                    }
                }
                case "ChangeMessageVisibility" -> {
                    int timeout = request.path("VisibilityTimeout").asInt();
                    visibilityTimeouts.add(timeout);
                    String receipt = request.path("ReceiptHandle").asText();
                    queue.stream().filter(m -> receipt.equals(m.receipt))
                            .forEach(m -> m.visibleAt = now + timeout * 1000L);
                }
                case "ChangeMessageVisibilityBatch" -> {
                    ArrayNode successful = response.putArray("Successful");
                    response.putArray("Failed");
                    List<String> ids = new ArrayList<>();
                    int timeout = 0;
                    for (JsonNode entry : request.path("Entries")) {
                        String receipt = entry.path("ReceiptHandle").asText();
                        timeout = entry.path("VisibilityTimeout").asInt();
                        long visibleAt = now + timeout * 1000L;
                        queue.stream().filter(m -> receipt.equals(m.receipt)).forEach(m -> {
                            ids.add(m.id);
                            m.visibleAt = visibleAt;
                        });
                        successful.addObject().put("Id", entry.path("Id").asText());
                    }
                    visibilityBatches.add(new VisibilityChange(ids, timeout));
                }
                case "DeleteMessageBatch" -> {
                    ArrayNode successful = response.putArray("Successful");
                    response.putArray("Failed");
                    List<String> ids = new ArrayList<>();
                    for (JsonNode entry : request.path("Entries")) {
                        String receipt = entry.path("ReceiptHandle").asText();
                        queue.stream().filter(m -> receipt.equals(m.receipt)).forEach(m -> ids.add(m.id));
                        queue.removeIf(m -> receipt.equals(m.receipt));
                        successful.addObject().put("Id", entry.path("Id").asText());
                    }
                    deleteBatches.add(ids);
                }
                default -> throw new IllegalArgumentException("no such SQS operation here: " + operation);
            }
        }
        send(exchange, 200, "application/x-amz-json-1.0", JSON.writeValueAsString(response));
    }

    private void s3(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(1);
        Map<String, String> query = new TreeMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        if ("2".equals(query.get("list-type"))) {
            list(exchange, path.replace("/", ""), query.getOrDefault("prefix", ""), query.get("start-after"));
            return;
        }
        gets.add(path);
        List<Answer> answers = objects.get(path);
        Answer answer = answers == null ? Answer.error(404, "NoSuchKey", "The specified key does not exist.")
                : answers.size() > 1 ? answers.remove(0) : answers.get(0);
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        if (answer.content() != null) {
            send(exchange, answer.status(), "application/octet-stream", answer.content());
        } else {
            send(exchange, answer.status(), "application/xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error>"
                    + "<Code>" + answer.code() + "</Code><Message>" + answer.message() + "</Message>"
                    + "<RequestId>4442587FB7D0A2F9</RequestId></Error>").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One page of ListObjectsV2: every key of the bucket under the prefix, after {@code start-after}. */
    private void list(HttpExchange exchange, String bucket, String prefix, String after) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult"
                + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + bucket + "</Name><Prefix>" + prefix
                + "</Prefix><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>");
        new TreeMap<>(objects).keySet().stream().filter(path -> path.startsWith(bucket + "/"))
                .map(path -> path.substring(bucket.length() + 1))
                .filter(key -> key.startsWith(prefix) && (after == null || key.compareTo(after) > 0))
                .forEach(key -> xml.append("<Contents><Key>").append(key)
                        .append("</Key><LastModified>2026-01-01T00:10:00.000Z</LastModified><Size>100</Size>"
                                + "</Contents>"));
        send(exchange, 200, "application/xml", xml.append("</ListBucketResult>").toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    /** STS refusing a role as it does when the role's trust policy does not name the caller. */
    private void sts(HttpExchange exchange, String form) throws IOException {
        String role = "";
        for (String pair : form.split("&")) {
            if (pair.startsWith("RoleArn=")) {
                role = URLDecoder.decode(pair.substring("RoleArn=".length()), StandardCharsets.UTF_8);
            }
        }
        send(exchange, 403, "text/xml", ("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
                + "<Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::" + ACCOUNT
                + ":user/admin is not authorized to perform: sts:AssumeRole on resource: " + role + "</Message>"
                + "</Error><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ErrorResponse>")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
