package clippings.model;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One file of the generated site. A file may be <em>pending</em>: named by a digest of everything it is made
 * from and produced only when asked for, so an incremental build keeps the previous build's file when the
 * digest is unchanged and never renders it (#7).
 * <p>Immutable; a pending file produces its content at most once.
 */
public final class OutputFile {
    private final String path;
    private final Optional<String> digest;
    private Supplier<byte[]> producer;
    private byte[] content;

    /**
     * @param path    relative to the site root, {@code /}-separated, never starting with {@code /} or holding {@code ..}
     * @param content the bytes to write
     */
    public OutputFile(String path, byte[] content) {
        this(path, Optional.empty(), null, Objects.requireNonNull(content, "content"));
    }

    private OutputFile(String path, Optional<String> digest, Supplier<byte[]> producer, byte[] content) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("//")
                || ("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./")) {
            throw new IllegalArgumentException("not a safe site path: " + path);
        }
        this.path = path;
        this.digest = digest;
        this.producer = producer;
        this.content = content;
    }

    public static OutputFile utf8(String path, String text) {
        return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A file produced only when needed. {@code digest} must change whenever the content would: it is the
     * digest of every input of the producer.
     */
    public static OutputFile pending(String path, String digest, Supplier<byte[]> producer) {
        return new OutputFile(path, Optional.of(digest), Objects.requireNonNull(producer, "producer"), null);
    }

    /** A UTF-8 text file produced only when needed; see {@link #pending}. */
    public static OutputFile pendingUtf8(String path, String digest, Supplier<String> producer) {
        return pending(path, digest, () -> producer.get().getBytes(StandardCharsets.UTF_8));
    }

    public String path() {
        return path;
    }

    /** The digest of the file's inputs, when it is known without producing the file. */
    public Optional<String> digest() {
        return digest;
    }

    /** The bytes; a pending file is produced now (template errors surface here). */
    public synchronized byte[] content() {
        if (content == null) {
            content = Objects.requireNonNull(producer.get(), "content");
            producer = null;
        }
        return content;
    }

    @Override
    public String toString() {
        return "OutputFile[" + path + "]";
    }
}
