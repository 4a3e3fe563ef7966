package clippings.cache;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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

    /** The digest of the values, in order; each is encoded by its own class. */
    public static String of(Object... values) {
        MessageDigest md = sha256();
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(new DigestStream(md), 8192))) {
            for (Object v : values) CODEC.write(out, v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Feeds bytes to a digest; buffering is left to the digest, which works in blocks anyway. */
    private static final class DigestStream extends OutputStream {
        private final MessageDigest md;

        DigestStream(MessageDigest md) {
            this.md = md;
        }

        @Override
        public void write(int b) {
            md.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            md.update(b, off, len);
        }
    }
}
