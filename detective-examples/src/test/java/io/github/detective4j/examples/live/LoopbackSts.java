package io.github.detective4j.examples.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A stand-in for STS, which has no local server: a JDK HTTP server on loopback that answers the query protocol's
 * {@code Action=AssumeRole} as STS documents it ({@code AssumeRoleResponse} XML with the temporary
 * {@code Credentials}), handing out one fixed key pair, and remembers each request's form.
 */
final class LoopbackSts implements AutoCloseable {
    private final HttpServer server;
    private final String accessKey;
    private final String secretKey;
    final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

    LoopbackSts(String accessKey, String secretKey) throws IOException {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = Stream.of(body.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> URLDecoder.decode(kv.length > 1 ? kv[1] : "",
                        StandardCharsets.UTF_8)));
        requests.add(form);
        String session = form.getOrDefault("RoleSessionName", "");
        String xml = "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                + "<Credentials><AccessKeyId>" + accessKey + "</AccessKeyId><SecretAccessKey>" + secretKey
                + "</SecretAccessKey><SessionToken>FwoGZXIvYXdzEBYaDLoopbackSessionToken</SessionToken>"
                + "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser>"
                + "<AssumedRoleId>AROAW3PB6VQKDREADER01:" + session + "</AssumedRoleId><Arn>"
                + form.getOrDefault("RoleArn", "").replace(":role/", ":assumed-role/").replace("arn:aws:iam",
                        "arn:aws:sts") + "/" + session + "</Arn></AssumedRoleUser></AssumeRoleResult>"
                + "<ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>"
                + "</ResponseMetadata></AssumeRoleResponse>";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
