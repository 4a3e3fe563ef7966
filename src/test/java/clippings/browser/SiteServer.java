package clippings.browser;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A static file server for a built site under a sub-path, as GitHub Pages serves a project site, for the
 * browser tests ({@link clippings.testing.Browser} starts the browser).
 */
final class SiteServer {
    private SiteServer() {
    }

    /** Serves {@code site} at {@code http://127.0.0.1:<port>/archive/}; a folder serves its index.html. */
    static HttpServer serve(Path site) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/archive/", exchange -> {
            String rel = exchange.getRequestURI().getPath().substring("/archive/".length());
            Path file = site.resolve(rel).normalize();
            if (Files.isDirectory(file)) file = file.resolve("index.html");
            int status = 200;
            if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                file = site.resolve("404.html");
                status = 404;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", type(file.getFileName().toString()));
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static String type(String name) {
        if (name.endsWith(".html")) return "text/html; charset=utf-8";
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".xml")) return "application/xml; charset=utf-8";
        return "text/plain; charset=utf-8";
    }
}
