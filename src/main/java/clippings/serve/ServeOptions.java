package clippings.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how to serve: the address, the sub-path the site lives under, the folder served and the sources
 * whose changes trigger a rebuild. Immutable.
 *
 * @param bind     address to listen on; {@code 127.0.0.1} unless the user asks otherwise
 * @param port     TCP port; 0 picks a free one (tests)
 * @param basePath {@code /} or a sub-path such as {@code /repo/}, as a GitHub Pages project site is served
 * @param siteDir  the built site; replaced as a whole by each build, never written by the server
 * @param watched  folders (watched recursively) and files whose changes trigger a rebuild
 * @param debounce quiet time after the last change before rebuilding, so one save is one build
 */
public record ServeOptions(String bind, int port, String basePath, Path siteDir, List<Path> watched,
                           Duration debounce) {
    public ServeOptions {
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be between 0 and 65535");
        basePath = normaliseBasePath(basePath);
        Objects.requireNonNull(siteDir, "siteDir");
        watched = List.copyOf(watched);
        if (debounce.isNegative()) throw new IllegalArgumentException("debounce must not be negative");
    }

    /**
     * {@code repo}, {@code /repo} and {@code /repo/} all mean {@code /repo/}; a path with {@code .} or {@code ..}
     * segments, backslashes or characters that need encoding is refused.
     */
    static String normaliseBasePath(String path) {
        String p = Objects.requireNonNull(path, "basePath").strip();
        if (!p.startsWith("/")) p = "/" + p;
        if (!p.endsWith("/")) p = p + "/";
        if (!p.matches("(/[A-Za-z0-9._~-]+)*/") || p.matches(".*/\\.{1,2}/.*")) {
            throw new IllegalArgumentException("--base-path must look like /repo/ (letters, digits, . _ ~ -), not "
                    + path);
        }
        return p;
    }
}
