package clippings.serve;

import clippings.model.Problem;
import com.google.gson.Gson;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The reserved paths of the preview: {@code /__clippings/reload.js}, the script injected into pages, and
 * {@code /__clippings/events}, a server-sent event stream that tells open pages to reload after a build and
 * carries the last build's errors for the overlay. A connection whose {@code Origin} is another site is refused.
 * <p>Thread-safe: builds broadcast from the watcher thread while Jetty threads connect and disconnect clients.
 */
final class LiveReload extends Handler.Abstract {
    static final String SCRIPT_PATH = "/__clippings/reload.js";
    static final String EVENTS_PATH = "/__clippings/events";
    private static final Gson GSON = new Gson();

    private final byte[] script;
    private final Predicate<String> originAllowed;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private volatile String hello = event("hello", GSON.toJson(new Hello(0)));
    private volatile String status = event("status", GSON.toJson(new Status(false, List.of())));

    LiveReload(Predicate<String> originAllowed) {
        this.originAllowed = originAllowed;
        try (InputStream in = LiveReload.class.getResourceAsStream("/clippings/serve/reload.js")) {
            if (in == null) throw new IllegalStateException("reload.js is missing from the jar");
            this.script = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id of the site being served: a page that reconnects and sees a new id reloads. */
    private record Hello(long build) {
    }

    /** What the overlay shows; {@code stale} means the page is the last good site, not the current sources. */
    private record Status(boolean stale, List<Problem> problems) {
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (SCRIPT_PATH.equals(path)) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/javascript; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, script.length);
            boolean head = HttpMethod.HEAD.is(request.getMethod());
            response.write(true, head ? null : ByteBuffer.wrap(script), callback);
            return true;
        }
        if (!EVENTS_PATH.equals(path)) return false;
        if (!originAllowed.test(request.getHeaders().get(HttpHeader.ORIGIN))) {
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403,
                    "Origin not allowed: live reload answers only pages of this server");
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (HttpMethod.HEAD.is(request.getMethod())) {
            response.write(true, null, callback);
            return true;
        }
        Client client = new Client(response, callback);
        // The stream is quiet between builds; that is not a reason to drop it.
        request.addIdleTimeoutListener(timeout -> false);
        request.addFailureListener(failure -> drop(client));
        clients.add(client);
        if (!client.send("retry: 1000\n\n" + hello + status)) drop(client);
        return true;
    }

    /** Tells every open page to reload: a new site has been swapped in. */
    void reload(long build) {
        hello = event("hello", GSON.toJson(new Hello(build)));
        broadcast(event("reload", GSON.toJson(new Hello(build))));
    }

    /** Shows (or, with no problems, clears) the error overlay in every open page. */
    void status(boolean stale, List<Problem> problems) {
        status = event("status", GSON.toJson(new Status(stale, problems)));
        broadcast(status);
    }

    /** Keeps idle connections (and any proxy in between) from timing out, and finds dead ones. */
    void ping() {
        broadcast(": ping\n\n");
    }

    int clients() {
        return clients.size();
    }

    /** Ends every stream, so that Jetty can stop without waiting for them. */
    void closeAll() {
        for (Client c : List.copyOf(clients)) {
            clients.remove(c);
            c.close();
        }
    }

    private void broadcast(String text) {
        for (Client c : List.copyOf(clients)) {
            if (!c.send(text)) drop(c);
        }
    }

    private void drop(Client client) {
        if (clients.remove(client)) client.close();
    }

    private static String event(String name, String json) {
        return "event: " + name + "\ndata: " + json + "\n\n";
    }

    /** One open event stream; writes are serialised because Jetty allows one pending write per response. */
    private static final class Client {
        private final Response response;
        private final Callback done;
        private boolean closed;

        Client(Response response, Callback done) {
            this.response = response;
            this.done = done;
        }

        synchronized boolean send(String text) {
            if (closed) return false;
            Callback.Completable written = new Callback.Completable();
            response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), written);
            try {
                written.get(5, TimeUnit.SECONDS);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                return false;  // the browser went away, or stopped reading
            }
        }

        synchronized void close() {
            if (closed) return;
            closed = true;
            response.write(true, null, done);
        }
    }
}
