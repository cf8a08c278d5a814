package io.github.detective4j.examples.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.detective4j.aws.AwsAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A stand-in for CloudWatch Logs, for which no local server exists: a JDK HTTP server on loopback that speaks the
 * documented AWS JSON 1.1 protocol of one action, {@code FilterLogEvents} ({@code POST /} with
 * {@code X-Amz-Target: Logs_20140328.FilterLogEvents}): {@code logGroupName}, {@code startTime} and {@code endTime}
 * (epoch milliseconds, both inclusive), {@code limit} and {@code nextToken} in; {@code events} (each with
 * {@code logStreamName}, {@code timestamp}, {@code message}, {@code ingestionTime}, {@code eventId}), sorted by
 * timestamp, and an opaque {@code nextToken} while more remain out. Errors come as AWS sends them: HTTP 400 with
 * {@code __type} {@code ResourceNotFoundException} for an unknown group and {@code AccessDeniedException} for the
 * group named {@link #FORBIDDEN}. Pages hold at most {@link #MAX_PAGE} events, fewer than asked, as the real service
 * may return fewer than {@code limit}.
 */
final class LoopbackLogs implements AutoCloseable {
    static final String FORBIDDEN = "restricted-group";
    static final int MAX_PAGE = 700;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One log event, as stored. */
    record LogEvent(String stream, long timestamp, String message, String id) {}

    private final HttpServer server;
    private final Map<String, List<LogEvent>> groups = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();

    LoopbackLogs() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    void put(String group, List<LogEvent> events) {
        List<LogEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(LogEvent::timestamp)); // stable: equal times keep their order
        groups.put(group, List.copyOf(sorted));
    }

    AwsAccess access() {
        return AwsAccess.builder()
                .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .build();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            filterLogEvents(exchange);
        } catch (RuntimeException e) {
            e.printStackTrace(); // a bug of this stand-in, shown instead of a bare closed connection
            throw e;
        }
    }

    private void filterLogEvents(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!"POST".equals(exchange.getRequestMethod()) || !"Logs_20140328.FilterLogEvents".equals(target)) {
            error(exchange, "UnknownOperationException", "only FilterLogEvents is served here");
            return;
        }
        String group = request.path("logGroupName").asText();
        if (FORBIDDEN.equals(group)) {
            error(exchange, "AccessDeniedException", "User: arn:aws:iam::111122223333:user/reader is not "
                    + "authorized to perform: logs:FilterLogEvents");
            return;
        }
        List<LogEvent> events = groups.get(group);
        if (events == null) {
            error(exchange, "ResourceNotFoundException", "The specified log group does not exist.");
            return;
        }
        long start = request.path("startTime").asLong(Long.MIN_VALUE);
        long end = request.path("endTime").asLong(Long.MAX_VALUE);
        int limit = Math.min(request.path("limit").asInt(10_000), MAX_PAGE);
        int offset = request.hasNonNull("nextToken") ? Integer.parseInt(request.get("nextToken").asText()
                .substring("page-".length())) : 0;
        List<LogEvent> matching = events.stream().filter(e -> e.timestamp() >= start && e.timestamp() <= end)
                .toList();
        ObjectNode response = JSON.createObjectNode();
        ArrayNode out = response.putArray("events");
        int next = Math.min(offset + limit, matching.size());
        for (LogEvent event : matching.subList(offset, next)) {
            out.addObject().put("logStreamName", event.stream()).put("timestamp", event.timestamp())
                    .put("message", event.message()).put("ingestionTime", event.timestamp() + 2_000)
                    .put("eventId", event.id());
        }
        response.putArray("searchedLogStreams");
        if (next < matching.size()) {
            response.put("nextToken", "page-" + next);
        }
        send(exchange, 200, response);
    }

    private static void error(HttpExchange exchange, String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("__type", type).put("message", message);
        send(exchange, 400, body);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "4b2f0c6e-8a6e-4f3e-9d0b-0a1c2e3f4a5b");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
