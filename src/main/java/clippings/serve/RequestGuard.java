package clippings.serve;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Refuses what a preview server has no business answering, before any file is looked up: methods other than
 * GET and HEAD (405), a {@code Host} that is not this machine's loopback name and port (403; a page on another
 * site that rebinds its DNS name to 127.0.0.1 would otherwise read the archive), and paths that try to leave
 * the site (404: {@code ..} segments, encoded dots, slashes or percent signs, backslashes, NUL).
 * <p>Immutable after construction and thread-safe.
 */
final class RequestGuard extends Handler.Wrapper {
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final IntSupplier port;
    private final boolean anyAddress;

    /**
     * @param port       the port actually listened on (known only once the connector is open)
     * @param anyAddress also accept IP-literal hosts: the user bound a non-loopback address on purpose, and
     *                   an IP literal cannot be rebound by DNS
     */
    RequestGuard(Handler handler, IntSupplier port, boolean anyAddress) {
        super(handler);
        this.port = port;
        this.anyAddress = anyAddress;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        if (!hostAllowed(request.getHeaders().get(HttpHeader.HOST))) {
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403,
                    "Host not allowed: clippings serve answers only to localhost");
            return true;
        }
        if (!pathAllowed(request.getHttpURI())) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        return super.handle(request, response, callback);
    }

    /** Whether {@code Host} names this server: a loopback name and the port listened on. */
    boolean hostAllowed(String host) {
        Optional<HostPort> hp = HostPort.parse(host);
        if (hp.isEmpty() || hp.get().port() != port.getAsInt()) return false;
        String name = hp.get().host().toLowerCase(Locale.ROOT);
        return LOOPBACK_NAMES.contains(name) || (anyAddress && isIpLiteral(name));
    }

    /** Whether an {@code Origin} header (of a live-reload connection) is this server itself. */
    boolean originAllowed(String origin) {
        if (origin == null) return true;  // same-origin requests may leave it out; foreign pages cannot
        String prefix = "http://";
        if (!origin.regionMatches(true, 0, prefix, 0, prefix.length())) return false;
        String authority = origin.substring(prefix.length());
        return !authority.contains("/") && hostAllowed(authority);
    }

    static boolean pathAllowed(HttpURI uri) {
        String raw = uri.getPath();
        String decoded = uri.getDecodedPath();
        if (raw == null || decoded == null || uri.hasViolations()) return false;
        String lower = raw.toLowerCase(Locale.ROOT);
        // Encoded dots, slashes, backslashes and percent signs have no place in a link to a built page; they
        // are how traversal hides from one decoding step.
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%25")
                || lower.contains("%00")) {
            return false;
        }
        for (String s : (raw + "/" + decoded).split("/", -1)) {
            if (s.equals("..") || s.equals(".")) return false;
        }
        return decoded.indexOf('\\') < 0 && decoded.indexOf('\0') < 0 && decoded.indexOf('%') < 0;
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.matches("\\[[0-9a-f:.]+]");
    }

    /** A {@code Host} header split into name and port; the port is 80 when left out. */
    record HostPort(String host, int port) {
        static Optional<HostPort> parse(String value) {
            if (value == null || value.isBlank()) return Optional.empty();
            String v = value.strip();
            int colon = v.startsWith("[") ? v.indexOf(':', Math.max(v.indexOf(']'), 0)) : v.lastIndexOf(':');
            if (v.startsWith("[") && v.indexOf(']') < 0) return Optional.empty();
            if (colon < 0) return Optional.of(new HostPort(v, 80));
            String digits = v.substring(colon + 1);
            if (!digits.matches("\\d{1,5}")) return Optional.empty();
            return Optional.of(new HostPort(v.substring(0, colon), Integer.parseInt(digits)));
        }
    }
}
