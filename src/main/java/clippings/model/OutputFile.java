package clippings.model;

import java.util.Objects;

/**
 * One file of the generated site.
 *
 * @param path    relative to the site root, {@code /}-separated, never starting with {@code /} or holding {@code ..}
 * @param content the bytes to write
 */
public record OutputFile(String path, byte[] content) {
    public OutputFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("//")
                || ("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./")) {
            throw new IllegalArgumentException("not a safe site path: " + path);
        }
    }

    public static OutputFile utf8(String path, String text) {
        return new OutputFile(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
