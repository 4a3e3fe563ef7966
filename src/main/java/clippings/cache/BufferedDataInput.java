package clippings.cache;

import java.io.DataInput;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A {@link DataInput} over a stream with its own buffer. {@code DataInputStream} over a buffered stream takes a
 * synchronized call per byte of every number: reading the build cache at 10,000 articles took a second (#7).
 * <p>Not thread-safe.
 */
final class BufferedDataInput implements DataInput {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;

    BufferedDataInput(InputStream in) {
        this.in = in;
    }

    /** Makes {@code bytes} (at most the buffer's size) available, or fails at the end of the stream. */
    private void need(int bytes) throws IOException {
        if (end - pos >= bytes) return;
        System.arraycopy(buf, pos, buf, 0, end - pos);
        end -= pos;
        pos = 0;
        while (end < bytes) {
            int r = in.read(buf, end, buf.length - end);
            if (r < 0) throw new EOFException();
            end += r;
        }
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        int buffered = Math.min(len, end - pos);
        System.arraycopy(buf, pos, b, off, buffered);
        pos += buffered;
        for (int done = buffered; done < len; ) {
            int r = in.read(b, off + done, len - done);
            if (r < 0) throw new EOFException();
            done += r;
        }
    }

    @Override
    public int skipBytes(int n) throws IOException {
        readFully(new byte[n]);
        return n;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        need(1);
        return buf[pos++];
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xff;
    }

    @Override
    public short readShort() throws IOException {
        need(2);
        short v = (short) ((buf[pos] & 0xff) << 8 | buf[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xffff;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
        need(4);
        int v = (buf[pos] & 0xff) << 24 | (buf[pos + 1] & 0xff) << 16 | (buf[pos + 2] & 0xff) << 8
                | buf[pos + 3] & 0xff;
        pos += 4;
        return v;
    }

    @Override
    public long readLong() throws IOException {
        return (long) readInt() << 32 | readInt() & 0xffffffffL;
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    @Override
    public String readLine() {
        throw new UnsupportedOperationException("the codec reads no lines");
    }

    @Override
    public String readUTF() {
        throw new UnsupportedOperationException("the codec reads strings as length and UTF-8 bytes");
    }
}
