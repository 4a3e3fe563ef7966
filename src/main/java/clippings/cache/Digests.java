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
     * Feeds the encoding straight into the digest through a small buffer. A {@code DataOutputStream} over a
     * {@code ByteArrayOutputStream} took a synchronized call per byte of every number, and copied the whole
     * encoding once more: most of what digesting a page's model cost.
     */
    private static final class Encoder implements java.io.DataOutput {
        final MessageDigest md = sha256();
        final byte[] buf = new byte[8192];
        int n;
        boolean busy;

        void flush() {
            md.update(buf, 0, n);
            n = 0;
        }

        private void room(int bytes) {
            if (n + bytes > buf.length) flush();
        }

        @Override
        public void write(int b) {
            room(1);
            buf[n++] = (byte) b;
        }

        @Override
        public void write(byte[] b) {
            write(b, 0, b.length);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len > buf.length - n) {
                flush();
                md.update(b, off, len);
            } else {
                System.arraycopy(b, off, buf, n, len);
                n += len;
            }
        }

        @Override
        public void writeBoolean(boolean v) {
            write(v ? 1 : 0);
        }

        @Override
        public void writeByte(int v) {
            write(v);
        }

        @Override
        public void writeShort(int v) {
            room(2);
            buf[n++] = (byte) (v >>> 8);
            buf[n++] = (byte) v;
        }

        @Override
        public void writeChar(int v) {
            writeShort(v);
        }

        @Override
        public void writeInt(int v) {
            room(4);
            buf[n++] = (byte) (v >>> 24);
            buf[n++] = (byte) (v >>> 16);
            buf[n++] = (byte) (v >>> 8);
            buf[n++] = (byte) v;
        }

        @Override
        public void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        @Override
        public void writeFloat(float v) {
            writeInt(Float.floatToIntBits(v));
        }

        @Override
        public void writeDouble(double v) {
            writeLong(Double.doubleToLongBits(v));
        }

        @Override
        public void writeBytes(String s) {
            for (int i = 0; i < s.length(); i++) write(s.charAt(i));
        }

        @Override
        public void writeChars(String s) {
            for (int i = 0; i < s.length(); i++) writeChar(s.charAt(i));
        }

        @Override
        public void writeUTF(String s) {
            throw new UnsupportedOperationException("the codec writes strings as length and UTF-8 bytes");
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
