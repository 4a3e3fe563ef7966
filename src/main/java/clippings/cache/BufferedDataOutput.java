package clippings.cache;

import java.io.DataOutput;
import java.io.IOException;

/**
 * A {@link DataOutput} that fills its own buffer and hands it on whole. {@code DataOutputStream} over a
 * buffered stream takes a synchronized call per byte of every number, which showed up in profiles of digests
 * and of the build cache (#7).
 * <p>Not thread-safe.
 */
abstract class BufferedDataOutput implements DataOutput {
    private final byte[] buf = new byte[1 << 16];
    private int n;

    /** Takes {@code len} bytes; called when the buffer is full, and by {@link #flush}. */
    protected abstract void drain(byte[] b, int off, int len) throws IOException;

    /** Hands on what the buffer holds. */
    public void flush() throws IOException {
        drain(buf, 0, n);
        n = 0;
    }

    private void room(int bytes) throws IOException {
        if (n + bytes > buf.length) flush();
    }

    /**
     * Writes an ASCII string as {@code writeInt(length)} and its bytes, which is its UTF-8 encoding, and says
     * whether it was ASCII; if not, nothing is written.
     */
    boolean writeAscii(String s) throws IOException {
        int len = s.length();
        if (len > buf.length - 4) return false;
        room(4 + len);
        int at = n + 4;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) return false;
            buf[at + i] = (byte) c;
        }
        writeInt(len);
        n += len;
        return true;
    }

    @Override
    public void write(int b) throws IOException {
        room(1);
        buf[n++] = (byte) b;
    }

    @Override
    public void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - n) {
            flush();
            drain(b, off, len);
        } else {
            System.arraycopy(b, off, buf, n, len);
            n += len;
        }
    }

    @Override
    public void writeBoolean(boolean v) throws IOException {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) throws IOException {
        write(v);
    }

    @Override
    public void writeShort(int v) throws IOException {
        room(2);
        buf[n++] = (byte) (v >>> 8);
        buf[n++] = (byte) v;
    }

    @Override
    public void writeChar(int v) throws IOException {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) throws IOException {
        room(4);
        buf[n++] = (byte) (v >>> 24);
        buf[n++] = (byte) (v >>> 16);
        buf[n++] = (byte) (v >>> 8);
        buf[n++] = (byte) v;
    }

    @Override
    public void writeLong(long v) throws IOException {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    @Override
    public void writeFloat(float v) throws IOException {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) throws IOException {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) write(s.charAt(i));
    }

    @Override
    public void writeChars(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) writeChar(s.charAt(i));
    }

    @Override
    public void writeUTF(String s) {
        throw new UnsupportedOperationException("the codec writes strings as length and UTF-8 bytes");
    }
}
