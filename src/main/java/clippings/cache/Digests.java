package clippings.cache;

import java.io.DataOutputStream;
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
            e.bytes.reset();
            for (Object v : values) CODEC.write(e.out, v);
            e.out.flush();
            e.md.reset();
            e.md.update(e.bytes.buffer(), 0, e.bytes.size());
            return HexFormat.of().formatHex(e.md.digest());
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        } finally {
            e.busy = false;
        }
    }

    private static final class Encoder {
        final MessageDigest md = sha256();
        final Buffer bytes = new Buffer();
        final DataOutputStream out = new DataOutputStream(bytes);
        boolean busy;
    }

    /** A byte buffer whose array can be read without a copy. */
    private static final class Buffer extends java.io.ByteArrayOutputStream {
        Buffer() {
            super(8192);
        }

        byte[] buffer() {
            return buf;
        }

        @Override
        public synchronized void reset() {
            // A buffer grown by one huge value is not kept for the life of the thread.
            if (buf.length > 1 << 20) buf = new byte[8192];
            super.reset();
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
