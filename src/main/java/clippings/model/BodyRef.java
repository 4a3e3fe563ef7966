package clippings.model;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;

import java.nio.charset.StandardCharsets;
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

    /**
     * The 128-bit XXH3 over the three forms, each prefixed by its length so no two bodies share an encoding, in
     * 32 hex digits. It only names bodies within the build's cache, so it need not be cryptographic; SHA-256 hashes
     * about 100 MB/s with the C1 compiler builds run under, XXH3 well over 1 GB/s.
     */
    public static String digestOf(ArticleBody body) {
        HashStream128 hash = Hashing.xxh3_128().hashStream();
        for (String part : new String[]{body.markdown(), body.html(), body.text()}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            hash.putInt(bytes.length).putBytes(bytes);
        }
        HashValue128 v = hash.get();
        return HexFormat.of().toHexDigits(v.getMostSignificantBits()) + HexFormat.of().toHexDigits(v.getLeastSignificantBits());
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
