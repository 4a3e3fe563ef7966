package clippings.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client, for benchmarks that
 * measure pages as a browser runs them. Selenium would do the same, but it would add some 25 MB to
 * {@code clippings.jar}, which {@code clippings init} copies into every new archive; the benchmark needs only
 * "open this page" and "evaluate this script".
 * <p>One instance drives one page; not thread-safe. Close it to end the browser.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts Chromium with a fresh profile and connects to its first page. */
    static HeadlessChromium start(Path binary) throws IOException, InterruptedException {
        if (!Files.isExecutable(binary)) {
            throw new IOException(binary + " not found: install Chromium (apt-get install chromium)");
        }
        Path profile = Files.createTempDirectory("clippings-bench-chromium");
        Process p = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = devToolsPort(profile, p);
            HttpClient http = HttpClient.newHttpClient();
            String pageSocket = pageSocket(http, port);
            Holder holder = new Holder();
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .buildAsync(URI.create(pageSocket), holder).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            HeadlessChromium chromium = new HeadlessChromium(p, profile, ws);
            holder.owner = chromium;
            return chromium;
        } catch (IOException | InterruptedException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("cannot connect to Chromium: " + e, e);
        }
    }

    /** Chromium writes the port it chose into its profile once it listens. */
    private static int devToolsPort(Path profile, Process p) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IOException("Chromium exited with code " + p.exitValue());
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && lines.get(0).matches("\\d+")) return Integer.parseInt(lines.get(0));
            }
            Thread.sleep(50);
        }
        throw new IOException("Chromium did not open its DevTools port within " + TIMEOUT.toSeconds() + " s");
    }

    private static String pageSocket(HttpClient http, int port) throws IOException, InterruptedException {
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonElement t : JsonParser.parseString(list.body()).getAsJsonArray()) {
            JsonObject target = t.getAsJsonObject();
            if ("page".equals(target.get("type").getAsString())) return target.get("webSocketDebuggerUrl").getAsString();
        }
        throw new IOException("Chromium has no page to drive");
    }

    /** Opens a URL and returns once the page has loaded (its {@code load} event). */
    void open(String url) {
        call("Page.enable", new JsonObject());
        JsonObject params = new JsonObject();
        params.addProperty("url", url);
        call("Page.navigate", params);
        // Page.navigate answers when navigation starts; wait for the document itself.
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!"complete".equals(evaluate("document.readyState").getAsString())) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("page did not load: " + url);
            sleep(5);
        }
    }

    /**
     * Evaluates a script expression in the page; a promise is awaited. Returns its value (JSON-serialisable).
     *
     * @throws IllegalStateException when the script throws
     */
    JsonElement evaluate(String expression) {
        JsonObject params = new JsonObject();
        params.addProperty("expression", expression);
        params.addProperty("awaitPromise", true);
        params.addProperty("returnByValue", true);
        JsonObject result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
        }
        JsonObject value = result.getAsJsonObject("result");
        return value.has("value") ? value.get("value") : com.google.gson.JsonNull.INSTANCE;
    }

    private JsonObject call(String method, JsonObject params) {
        int id = ids.incrementAndGet();
        JsonObject msg = new JsonObject();
        msg.addProperty("id", id);
        msg.addProperty("method", method);
        msg.add("params", params);
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        try {
            socket.sendText(msg.toString(), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            JsonObject reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) throw new IllegalStateException(method + ": " + reply.get("error"));
            return reply.getAsJsonObject("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + " got no answer: " + e, e);
        } finally {
            waiting.remove(id);
        }
    }

    private void received(String text) {
        JsonObject msg = JsonParser.parseString(text).getAsJsonObject();
        if (!msg.has("id")) return;  // an event; nothing here listens to events
        CompletableFuture<JsonObject> f = waiting.get(msg.get("id").getAsInt());
        if (f != null) f.complete(msg);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary profile left behind is harmless.
        }
    }

    /** Collects a message's fragments and hands whole messages to the page's owner. */
    private static final class Holder implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile HeadlessChromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (owner != null) owner.received(text);
            }
            ws.request(1);
            return null;
        }
    }
}
