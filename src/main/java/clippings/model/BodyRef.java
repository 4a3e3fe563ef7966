package clippings.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An article's body, named by the digest of its content. Large archives keep bodies on disk and load one when
 * a page needs it, so no stage holds every article's text at once (#7); pages and feeds are compared by the
 * digest, so an unchanged body is never read at all.
 * <p>Equal when the digests are equal; immutable and thread-safe as long as the loader is.
 */
public final class BodyRef {
    private final String digest;
    private final Supplier<ArticleBody> loader;

    private BodyRef(String digest, Supplier<ArticleBody> loader) {
        this.digest = Objects.requireNonNull(digest, "digest");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** A body held in memory. */
    public static BodyRef of(ArticleBody body) {
        return new BodyRef(digestOf(body), () -> body);
    }

    /** A body held elsewhere, loaded on each use; {@code digest} must be {@link #digestOf} of what it loads. */
    public static BodyRef stored(String digest, Supplier<ArticleBody> loader) {
        return new BodyRef(digest, loader);
    }

    /** Hex SHA-256 over the three forms, each prefixed by its length so no two bodies share an encoding. */
    public static String digestOf(ArticleBody body) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{body.markdown(), body.html(), body.text()}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                md.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                md.update(bytes);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String digest() {
        return digest;
    }

    public ArticleBody load() {
        return loader.get();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BodyRef b && b.digest.equals(digest);
    }

    @Override
    public int hashCode() {
        return digest.hashCode();
    }

    @Override
    public String toString() {
        return "BodyRef[" + digest + "]";
    }
}
