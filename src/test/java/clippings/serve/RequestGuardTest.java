package clippings.serve;

import org.eclipse.jetty.http.HttpURI;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure rules of the preview server: hosts, origins, paths, base paths and the injected tag (#6). */
class RequestGuardTest {
    private final RequestGuard loopbackOnly = new RequestGuard(null, () -> 8000, false);
    private final RequestGuard anyAddress = new RequestGuard(null, () -> 8000, true);

    @Test
    void acceptsLoopbackNamesWithThePortOnly() {
        assertTrue(loopbackOnly.hostAllowed("localhost:8000"));
        assertTrue(loopbackOnly.hostAllowed("LocalHost:8000"));
        assertTrue(loopbackOnly.hostAllowed("127.0.0.1:8000"));
        assertTrue(loopbackOnly.hostAllowed("[::1]:8000"));
        assertFalse(loopbackOnly.hostAllowed("localhost"));
        assertFalse(loopbackOnly.hostAllowed("localhost:8001"));
        assertFalse(loopbackOnly.hostAllowed("evil.example:8000"));
        assertFalse(loopbackOnly.hostAllowed("localhost.evil.example:8000"));
        assertFalse(loopbackOnly.hostAllowed("192.168.1.5:8000"));
        assertFalse(loopbackOnly.hostAllowed("[::1:8000"));
        assertFalse(loopbackOnly.hostAllowed(""));
        assertFalse(loopbackOnly.hostAllowed(null));
    }

    /** Binding a LAN address on purpose: IP literals work, DNS names (rebinding) still do not. */
    @Test
    void acceptsIpLiteralsWhenBoundToANonLoopbackAddress() {
        assertTrue(anyAddress.hostAllowed("192.168.1.5:8000"));
        assertTrue(anyAddress.hostAllowed("[fe80::1]:8000"));
        assertFalse(anyAddress.hostAllowed("evil.example:8000"));
    }

    @Test
    void acceptsOnlyItsOwnOrigin() {
        assertTrue(loopbackOnly.originAllowed(null));
        assertTrue(loopbackOnly.originAllowed("http://localhost:8000"));
        assertTrue(loopbackOnly.originAllowed("http://127.0.0.1:8000"));
        assertFalse(loopbackOnly.originAllowed("null"));
        assertFalse(loopbackOnly.originAllowed("http://evil.example:8000"));
        assertFalse(loopbackOnly.originAllowed("https://localhost:8000"));
        assertFalse(loopbackOnly.originAllowed("http://localhost:8000/x"));
    }

    @Test
    void refusesPathsThatTryToLeaveTheSite() {
        assertTrue(allowed(("/articles/2015/01/a-1b2c3d.html")));
        assertTrue(allowed(("/")));
        assertTrue(allowed(("/tags/caf%C3%A9.html")));
        for (String p : new String[] {"/a/../b", "/%2e%2e/x", "/.%2E/x", "/%252e%252e/x", "/a%2fb", "/a%5cb",
                "/a\\b", "/./x", "/a%00"}) {
            assertFalse(allowed(p), p);
        }
    }

    /** A path Jetty cannot even parse never reaches a handler (Jetty answers 400): refused as well. */
    private static boolean allowed(String path) {
        try {
            return RequestGuard.pathAllowed(HttpURI.from(path));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void normalisesTheBasePath() {
        assertEquals("/", ServeOptions.normaliseBasePath("/"));
        assertEquals("/repo/", ServeOptions.normaliseBasePath("repo"));
        assertEquals("/repo/", ServeOptions.normaliseBasePath("/repo"));
        assertEquals("/a/b/", ServeOptions.normaliseBasePath("/a/b/"));
        for (String bad : new String[] {"/../", "/a b/", "/a/./", "//", "/a%2f/"}) {
            assertThrows(IllegalArgumentException.class, () -> ServeOptions.normaliseBasePath(bad), bad);
        }
    }

    @Test
    void injectsTheScriptBeforeTheLastBodyEndTag() {
        assertEquals("<p>x</p><script src=\"/__clippings/reload.js\"></script></BODY></html>",
                inject("<p>x</p></BODY></html>"));
        assertEquals("no body<script src=\"/__clippings/reload.js\"></script>", inject("no body"));
        assertEquals("é<script src=\"/__clippings/reload.js\"></script></body>", inject("é</body>"));
    }

    private static String inject(String html) {
        return new String(ReloadScriptInjector.inject(html.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
