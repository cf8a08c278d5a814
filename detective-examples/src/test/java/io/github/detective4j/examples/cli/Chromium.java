package io.github.detective4j.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Headless Chromium driven through the Chrome DevTools Protocol, with the JDK's own HTTP client and WebSocket and
 * Jackson for the messages: a page is opened, and what it did (console calls, exceptions, log entries, requests,
 * dialogs) is recorded as the protocol's events. One browser per test class; {@link #close} ends the process and
 * deletes its profile folder. Every wait has a timeout, so a browser that hangs fails the test instead of the build.
 */
final class Chromium implements AutoCloseable {
    /** Debian's package, which {@code .ci/run} installs; {@code CHROMIUM} names another binary. */
    static final Path BINARY = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();

    private Chromium(Process process, Path profile, WebSocket.Builder sockets, URI page)
            throws InterruptedException, ExecutionException, TimeoutException {
        this.process = process;
        this.profile = profile;
        this.socket = sockets.buildAsync(page, new Listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Starts a browser with a new profile, the protocol on a port of its choosing, and the flags that keep a closed
     * network quiet (no background fetches, updates, sync or QUIC), and connects to its blank page with the
     * {@code Runtime}, {@code Log}, {@code Network} and {@code Page} domains enabled.
     */
    static Chromium start(int width, int height) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install -y chromium (as .ci/run does),"
                    + " or set CHROMIUM to a Chromium binary");
        }
        Path profile = Files.createTempDirectory("chromium-profile");
        Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--window-size=" + width + "," + height, "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            int port = port(profile.resolve("DevToolsActivePort"), process);
            HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            HttpResponse<String> targets = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            URI page = null;
            for (JsonNode target : JSON.readTree(targets.body())) {
                if (target.path("type").asText().equals("page")) {
                    page = URI.create(target.get("webSocketDebuggerUrl").asText());
                    break;
                }
            }
            if (page == null) {
                throw new IllegalStateException("Chromium opened no page: " + targets.body());
            }
            Chromium browser = new Chromium(process, profile, http.newWebSocketBuilder(), page);
            for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
                browser.send(domain + ".enable", JSON.createObjectNode());
            }
            return browser;
        } catch (IOException | InterruptedException | RuntimeException | ExecutionException | TimeoutException e) {
            stop(process);
            delete(profile);
            throw new IllegalStateException("Chromium did not start: " + e, e);
        }
    }

    /** The port Chromium chose, from the file it writes once the protocol listens. */
    private static int port(Path file, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() >= 2) { // the port, then the browser's path: written whole
                    return Integer.parseInt(lines.get(0).strip());
                }
            }
            if (!process.isAlive()) {
                throw new IOException("Chromium exited with " + process.exitValue());
            }
            Thread.sleep(50);
        }
        throw new IOException("Chromium wrote no " + file + " in " + TIMEOUT);
    }

    /**
     * Sends a command and waits for its result.
     *
     * @return the {@code result} object
     * @throws IllegalStateException if the browser answers with an error or not in time
     */
    JsonNode send(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        try {
            socket.sendText(message.toString(), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            JsonNode reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + ": " + reply.get("error"));
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer in " + TIMEOUT, e);
        } finally {
            pending.remove(id);
        }
    }

    /** Opens a URL, and waits until the page has loaded. */
    void open(String url) {
        CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
        awaited.put("Page.loadEventFired", loaded);
        JsonNode navigated = send("Page.navigate", JSON.createObjectNode().put("url", url));
        if (navigated.hasNonNull("errorText")) {
            throw new IllegalStateException(url + ": " + navigated.get("errorText").asText());
        }
        try {
            loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted loading " + url, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(url + " did not load in " + TIMEOUT, e);
        }
    }

    /** Evaluates a JavaScript expression in the page, by the protocol (the page's own policy allows no script). */
    JsonNode evaluate(String expression) {
        JsonNode result = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException(expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Returns the page's DOM as HTML, as the browser parsed it. */
    String dom() {
        return evaluate("document.documentElement.outerHTML").asText();
    }

    /** Writes a PNG of the viewport. */
    void screenshot(Path file) throws IOException {
        JsonNode shot = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    /** Writes a PNG of one element of the page, wherever it is, such as {@code section.new-behavior}. */
    void screenshot(Path file, String selector) throws IOException {
        JsonNode box = evaluate("(() => { const r = document.querySelector('" + selector + "')"
                + ".getBoundingClientRect(); return {x: r.x + scrollX, y: r.y + scrollY, width: r.width,"
                + " height: r.height}; })()");
        ObjectNode clip = JSON.createObjectNode().put("scale", 1);
        box.properties().forEach(f -> clip.set(f.getKey(), f.getValue()));
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        Files.write(file, Base64.getDecoder().decode(send("Page.captureScreenshot", params).get("data").asText()));
    }

    /** Returns the events of one method recorded so far, such as {@code Network.requestWillBeSent}. */
    List<JsonNode> events(String method) {
        List<JsonNode> of = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.path("method").asText().equals(method)) {
                of.add(e.path("params"));
            }
        }
        return of;
    }

    /** Forgets the events recorded so far, before the next page. */
    void clearEvents() {
        events.clear();
    }

    @Override
    public void close() {
        socket.abort();
        stop(process);
        delete(profile);
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete Chromium's profile " + dir, e);
        }
    }

    /** Puts frames together into messages: answers complete their command, the rest are events. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                try {
                    JsonNode json = JSON.readTree(message.toString());
                    if (json.has("id")) {
                        CompletableFuture<JsonNode> answer = pending.get(json.get("id").asInt());
                        if (answer != null) {
                            answer.complete(json);
                        }
                    } else {
                        events.add(json);
                        CompletableFuture<JsonNode> waiting = awaited.remove(json.path("method").asText());
                        if (waiting != null) {
                            waiting.complete(json);
                        }
                    }
                } catch (IOException e) {
                    pending.values().forEach(p -> p.completeExceptionally(e));
                } finally {
                    message.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
