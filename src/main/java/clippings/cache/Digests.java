package clippings.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Digests of model values: SHA-256 of their {@link RecordCodec} encoding. Two values with the same digest
 * produce the same page, feed or cache entry, which is what lets a build skip work safely.
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
            e.md.reset();
            for (Object v : values) CODEC.write(e, v);
            e.flush();
            return HexFormat.of().formatHex(e.md.digest());
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
        final MessageDigest md = sha256();
        boolean busy;

        @Override
        protected void drain(byte[] b, int off, int len) {
            md.update(b, off, len);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
