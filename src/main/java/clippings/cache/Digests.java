package clippings.cache;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/**
 * Digests of model values: the 128-bit XXH3 of their {@link RecordCodec} encoding, in hex. Two values with the
 * same digest produce the same page, feed or cache entry, which is what lets a build skip work safely.
 * <p>Not a cryptographic hash: these digests only tell the build's own values apart, where 128 bits make an
 * accidental collision as unlikely as with SHA-256, and SHA-256 without the C2 compiler (see
 * {@code clippings.cli.TunedJvm}) cost a sixth of an incremental build. What a user can check stays SHA-256: an
 * input's digest, published with its capture.
 */
public final class Digests {
    private static final RecordCodec CODEC = RecordCodec.writer();

    private Digests() {
    }

    /**
     * Per thread: a digest and an encoding buffer, reused. Builds take hundreds of thousands of digests, and a new
     * {@code MessageDigest} and buffer for each showed up in profiles.
     */
    private static final ThreadLocal<Encoder> ENCODERS = ThreadLocal.withInitial(Encoder::new);

    /** The digest of the values, in order; each is encoded by its own class. */
    public static String of(Object... values) {
        Encoder e = ENCODERS.get();
        // A digest taken while encoding another (none today) gets its own encoder rather than corrupting this one.
        if (e.busy) e = new Encoder();
        e.busy = true;
        try {
            e.hash.reset();
            for (Object v : values) CODEC.write(e, v);
            e.flush();
            return hex(e.hash.get());
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        } finally {
            e.busy = false;
        }
    }

    /**
     * Feeds the encoding straight into the digest through a buffer. A {@code DataOutputStream} over a
     * {@code ByteArrayOutputStream} took a synchronized call per byte of every number, and copied the whole
     * encoding once more: most of what digesting a page's model cost.
     */
    private static final class Encoder extends BufferedDataOutput {
        final HashStream128 hash = Hashing.xxh3_128().hashStream();
        boolean busy;

        @Override
        protected void drain(byte[] b, int off, int len) {
            hash.putBytes(b, off, len);
        }
    }

    /** 32 hex digits, most significant first. */
    public static String hex(HashValue128 v) {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(v.getMostSignificantBits()) + hex.toHexDigits(v.getLeastSignificantBits());
    }
}
