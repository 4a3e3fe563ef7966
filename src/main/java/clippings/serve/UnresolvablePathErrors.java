package clippings.serve;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error page, except that a request whose path Jetty cannot even resolve ({@code /../x}, encoded dots
 * above the root, an encoded NUL) is answered 404 like any other path outside the site, not 400 (#6). Jetty
 * rejects those while parsing the request line, before any handler (and so {@link RequestGuard}) sees them;
 * the error handler is the first place they can be answered. Nothing is looked up for them: the request never
 * became one.
 * <p>Stateless and thread-safe.
 */
final class UnresolvablePathErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (isUnresolvablePath(request)) {
            response.setStatus(HttpStatus.NOT_FOUND_404);
            request.setAttribute(ERROR_STATUS, HttpStatus.NOT_FOUND_404);
            request.removeAttribute(ERROR_MESSAGE);
            request.removeAttribute(ERROR_EXCEPTION);
        }
        return super.handle(request, response, callback);
    }

    /**
     * A 400 caused by Jetty's URI parser refusing the path ({@code HttpURI} throws "Bad URI" or "Illegal
     * character in path"). Other 400s (a garbled request line, a second {@code Host}) stay 400: they are not
     * paths at all.
     */
    static boolean isUnresolvablePath(Request request) {
        if (!(request.getAttribute(ERROR_STATUS) instanceof Integer status) || status != HttpStatus.BAD_REQUEST_400) {
            return false;
        }
        for (Object t = request.getAttribute(ERROR_EXCEPTION); t instanceof Throwable e; t = e.getCause()) {
            if (e instanceof IllegalArgumentException && thrownByUriParser(e)) return true;
            if (e.getCause() == e) break;
        }
        return false;
    }

    private static boolean thrownByUriParser(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.eclipse.jetty.http.HttpURI");
    }
}
