package clippings.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Starts {@code serve} in-process on a free port, with a real build, and talks to it over HTTP (#6). */
class PreviewServerIT {
    /** Generous: a wait for an event that must come, never a timing assertion. */
    private static final long EVENT_WAIT_SECONDS = 120;
    private static final String SECRET = "TOP-SECRET-NOT-IN-THE-SITE";

    @TempDir
    Path dir;
    private final List<PreviewServer> servers = new ArrayList<>();
    private final StringWriter log = new StringWriter();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stopServers() {
        servers.forEach(PreviewServer::close);
    }

    private PreviewServer start(String basePath) throws IOException {
        return start(basePath, 0);
    }

    private PreviewServer start(String basePath, int port) throws IOException {
        if (!Files.exists(dir.resolve("content"))) {
            ServeFixture.project(dir);
            Files.writeString(dir.resolve("outside.txt"), SECRET);
        }
        PreviewServer server = new PreviewServer(ServeFixture.options(dir, basePath, port), ServeFixture.builder(dir),
                new PrintWriter(log, true));
        servers.add(server);
        server.start();
        return server;
    }

    private HttpResponse<String> get(PreviewServer s, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(30)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheSiteAtTheRootWithTheReloadScriptInjected() throws Exception {
        PreviewServer s = start("/");
        HttpResponse<String> index = get(s, "/");
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("First story about harbours"), index.body());
        assertTrue(index.body().contains("<script src=\"/__clippings/reload.js\"></script></body>"), index.body());
        assertEquals(String.valueOf(index.body().getBytes(StandardCharsets.UTF_8).length),
                index.headers().firstValue("content-length").orElse("chunked"));
        assertEquals(200, get(s, "/index.html").statusCode());
        assertEquals(200, get(s, "/tags/").statusCode());
        assertEquals(200, get(s, "/__clippings/reload.js").statusCode());
        HttpResponse<String> css = get(s, "/assets/style.css");
        assertEquals(200, css.statusCode());
        assertFalse(css.body().contains("__clippings"));
        // The script is added on the way out only: the built site stays as build wrote it.
        try (Stream<Path> files = Files.walk(dir.resolve("site"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f, StandardCharsets.ISO_8859_1).contains("__clippings"), f.toString());
            }
        }
        assertEquals(s.url(), URI.create("http://127.0.0.1:" + s.port() + "/"));
    }

    @Test
    void headAndNotModifiedAnswersCarryNoScript() throws Exception {
        PreviewServer s = start("/");
        long length = Files.size(dir.resolve("site/index.html"));
        String host = "127.0.0.1:" + s.port();
        String head = raw(s, "HEAD /index.html HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
        assertTrue(head.startsWith("HTTP/1.1 200"), head);
        assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("content-length: " + length + "\r\n"), head);
        String notModified = raw(s, "GET /index.html HTTP/1.1\r\nHost: " + host
                + "\r\nIf-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r\nConnection: close\r\n\r\n");
        if (notModified.startsWith("HTTP/1.1 304")) {
            assertTrue(notModified.endsWith("\r\n\r\n"), notModified);
            assertFalse(notModified.contains("__clippings"), notModified);
        } else {
            assertTrue(notModified.startsWith("HTTP/1.1 200"), notModified);
        }
    }

    @Test
    void servesUnderABasePathLikeAGitHubPagesProjectSite() throws Exception {
        PreviewServer s = start("repo");
        assertEquals(200, get(s, "/repo/").statusCode());
        assertTrue(get(s, "/repo/index.html").body().contains("First story about harbours"));
        assertEquals(200, get(s, "/repo/assets/style.css").statusCode());
        HttpResponse<String> root = get(s, "/");
        assertEquals(302, root.statusCode());
        assertEquals("/repo/", root.headers().firstValue("location").orElse(""));
        assertEquals(404, get(s, "/index.html").statusCode());
        assertEquals(404, get(s, "/assets/style.css").statusCode());
        HttpResponse<String> noSlash = get(s, "/repo");
        assertTrue(noSlash.statusCode() == 301 || noSlash.statusCode() == 302, "status " + noSlash.statusCode());
        assertTrue(noSlash.headers().firstValue("location").orElse("").endsWith("/repo/"));
    }

    @Test
    void refusesEveryWayOutOfTheSiteAndForeignHostsAndStaysUp() throws Exception {
        PreviewServer s = start("/");
        Path site = dir.resolve("site");
        Files.createSymbolicLink(site.resolve("link.txt"), dir.resolve("outside.txt"));
        Files.createSymbolicLink(site.resolve("linkdir"), dir);
        String host = "127.0.0.1:" + s.port();
        String[] paths = {"/../outside.txt", "/%2e%2e/" + "outside.txt", "/%2E%2E/" + "outside.txt",
                "/.%2e/" + "outside.txt", "/%252e%252e/" + "outside.txt", "/..%2f" + "outside.txt",
                "/..%252f" + "outside.txt", "/..\\" + "outside.txt", "/%5c..%5c" + "outside.txt",
                "/assets/../../" + "outside.txt", "/assets/%2e%2e/%2e%2e/" + "outside.txt",
                "/link.txt", "/linkdir/" + "outside.txt", "/articles/", "/assets/", "/index.html%00",
                "//" + dir.resolve("outside.txt"), "/" + dir.resolve("outside.txt"),
                // Paths Jetty's parser cannot resolve at all: refused before any handler, still 404 (#6).
                "/..", "/%2e%2e", "/%2e%2e%2f" + "outside.txt", "/a/../../" + "outside.txt", "/%00",
                "/a%00b/index.html", "/index.html%00.txt", "/..%00/" + "outside.txt", "/./../" + "outside.txt"};
        for (String p : paths) {
            String answer = raw(s, "GET " + p + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertRefused(answer, p, "404");
        }
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"}) {
            String target = method.equals("CONNECT") ? host : "/index.html";
            String answer = raw(s, method + " " + target + " HTTP/1.1\r\nHost: " + host
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            assertRefused(answer, method, "405", "400");
        }
        String[] hosts = {"evil.example", "evil.example:" + s.port(), "localhost.evil.example:" + s.port(),
                "127.0.0.1.nip.io:" + s.port(), "localhost:" + (s.port() == 1 ? 2 : s.port() - 1), "localhost",
                "[::2]:" + s.port(), "127.0.0.2:" + s.port(), "localhost:" + s.port() + "x"};
        for (String h : hosts) {
            String answer = raw(s, "GET /index.html HTTP/1.1\r\nHost: " + h + "\r\nConnection: close\r\n\r\n");
            assertRefused(answer, "Host " + h, "403", "400");
        }
        assertRefused(raw(s, "GET /index.html HTTP/1.0\r\n\r\n"), "HTTP/1.0 without Host", "403", "400");
        for (String origin : new String[] {"http://evil.example", "null", "http://evil.example:" + s.port(),
                "https://localhost:" + s.port(), "http://localhost:" + s.port() + ".evil.example"}) {
            String answer = raw(s, "GET /__clippings/events HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + origin
                    + "\r\nConnection: close\r\n\r\n");
            assertRefused(answer, "Origin " + origin, "403");
        }
        for (String garbage : new String[] {"GARBAGE\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "\u0000\u0001\u0002\r\n\r\n",
                "GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: " + host + "\r\nX: " + "b".repeat(70_000) + "\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: " + host + "\r\nHost: evil.example\r\n\r\n"}) {
            String answer = raw(s, garbage);
            assertFalse(answer.startsWith("HTTP/1.1 200"), answer);
        }
        // Still up, and the allowed names work.
        for (String h : new String[] {host, "localhost:" + s.port(), "LOCALHOST:" + s.port(), "[::1]:" + s.port()}) {
            String ok = raw(s, "GET /index.html HTTP/1.1\r\nHost: " + h + "\r\nConnection: close\r\n\r\n");
            assertTrue(ok.startsWith("HTTP/1.1 200"), h + ": " + ok);
        }
        String events = raw(s, "HEAD /__clippings/events HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://" + host
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(events.startsWith("HTTP/1.1 200"), events);
        assertEquals(200, get(s, "/").statusCode());
    }

    private static void assertRefused(String answer, String what, String... statuses) {
        assertFalse(answer.contains(SECRET), what + " leaked the file: " + answer);
        for (String status : statuses) if (answer.startsWith("HTTP/1.1 " + status + " ")) return;
        fail(what + ": expected " + String.join(" or ", statuses) + ", got "
                + answer.lines().findFirst().orElse("(nothing)"));
    }

    @Test
    void aContentChangeRebuildsAndSendsAReloadEvent() throws Exception {
        PreviewServer s = start("/");
        BlockingQueue<String> events = subscribe(s);
        awaitLine(events, "event: hello");
        Files.writeString(dir.resolve("content/second.txt"),
                "Site icon Test Paper\n\nSecond story about lighthouses\n\nThe lighthouse was repainted.\n");
        awaitLine(events, "event: reload");
        assertTrue(get(s, "/").body().contains("Second story about lighthouses"));
        assertTrue(log.toString().contains("rebuilt in"), log.toString());
    }

    @Test
    void aBrokenTemplateKeepsTheLastGoodSiteAndReportsItUntilFixed() throws Exception {
        PreviewServer s = start("/");
        BlockingQueue<String> events = subscribe(s);
        awaitLine(events, "event: hello");
        Path template = dir.resolve("templates/index.html");
        String good = Files.readString(template);
        Files.writeString(template, good.replace("</main>", "<p th:text=\"${page.noSuchField}\">x</p></main>"));
        String status = awaitLine(events, "data: {\"stale\":true");
        assertTrue(status.contains("index.html"), status);
        HttpResponse<String> still = get(s, "/");
        assertEquals(200, still.statusCode());
        assertTrue(still.body().contains("First story about harbours"));
        assertTrue(log.toString().contains("index.html"), log.toString());
        assertTrue(log.toString().contains("still serving the last good site"), log.toString());

        Files.writeString(template, good.replace("</main>", "<p>Fixed theme</p></main>"));
        awaitLine(events, "event: reload");
        assertTrue(get(s, "/").body().contains("Fixed theme"));
    }

    @Test
    void aBrokenInputIsReportedAndTheRestOfTheSiteStaysServed() throws Exception {
        PreviewServer s = start("/");
        BlockingQueue<String> events = subscribe(s);
        awaitLine(events, "event: hello");
        Files.writeString(dir.resolve("content/broken.md"), "---\ntitle: [unclosed\n---\nBody\n");
        String status = awaitLine(events, "data: {\"stale\":false,\"problems\":[{\"file\":\"broken.md\"");
        assertTrue(status.contains("\"line\":"), status);
        assertTrue(get(s, "/").body().contains("First story about harbours"));
        assertTrue(log.toString().contains("broken.md"), log.toString());
        awaitLine(events, "event: reload");  // the rest of the site was rebuilt without it

        Files.writeString(dir.resolve("content/broken.md"), "---\ntitle: Mended story\n---\nBody\n");
        awaitLine(events, "event: reload");
        assertTrue(get(s, "/").body().contains("Mended story"));
    }

    @Test
    void closeStopsTheServerAndFreesThePort() throws Exception {
        PreviewServer s = start("/");
        int port = s.port();
        assertEquals(200, get(s, "/").statusCode());
        s.close();
        s.close();  // twice is harmless (Ctrl-C after a stop)
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void aBusyPortIsReportedWithAHint() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServeException e = assertThrows(ServeException.class, () -> start("/", taken.getLocalPort()));
            assertTrue(e.getMessage().contains("in use") && e.getMessage().contains("--port"), e.getMessage());
        }
    }

    /** Reads the event stream on a background thread, line by line. */
    private BlockingQueue<String> subscribe(PreviewServer s) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/__clippings/events"))
                .header("Accept", "text/event-stream").build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(lines::add));
        return lines;
    }

    private static String awaitLine(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EVENT_WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(prefix)) return line;
        }
        fail("no '" + prefix + "' on the event stream");
        return null;
    }

    /** Sends bytes as they are (HttpClient would fix the Host header and the path) and reads the answer. */
    private static String raw(PreviewServer s, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), s.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[8192];
            StringBuilder answer = new StringBuilder();
            try {
                int n;
                while ((n = in.read(buf)) > 0 && answer.length() < 65536) {
                    answer.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                    if (answer.indexOf("\r\n\r\n") >= 0 && request.startsWith("HEAD")) break;
                }
            } catch (IOException e) {
                // A reset after an error answer is fine: what was read is the answer.
            }
            return answer.toString();
        }
    }
}
