package clippings.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The daemon's replies: a stream of frames, each a kind byte and a length-prefixed payload. {@link #OUT} and
 * {@link #ERR} carry UTF-8 text for the client's standard output and error, as the command flushes it (a live
 * progress line is redrawn as it is drawn); {@link #EXIT} carries the exit code and ends the reply.
 */
final class Frames {
    static final byte OUT = 'o';
    static final byte ERR = 'e';
    static final byte EXIT = 'x';

    private final DataOutputStream out;

    Frames(OutputStream out) {
        this.out = new DataOutputStream(out);
    }

    synchronized void text(byte kind, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.writeByte(kind);
        out.writeInt(b.length);
        out.write(b);
        out.flush();
    }

    synchronized void exit(int code) throws IOException {
        out.writeByte(EXIT);
        out.writeInt(code);
        out.flush();
    }

    /**
     * A writer whose text goes out as frames of {@code kind} when flushed. A client that went away (Ctrl-C) does
     * not fail the command: the build goes on, so the site and cache end whole, and its output is dropped.
     */
    Writer writer(byte kind) {
        return new Writer() {
            private final StringBuilder pending = new StringBuilder();
            private boolean gone;

            @Override
            public synchronized void write(char[] cbuf, int off, int len) {
                pending.append(cbuf, off, len);
                if (pending.length() > 1 << 16) flush();
            }

            @Override
            public synchronized void flush() {
                if (pending.length() == 0 || gone) {
                    pending.setLength(0);
                    return;
                }
                try {
                    text(kind, pending.toString());
                } catch (IOException e) {
                    gone = true;
                }
                pending.setLength(0);
            }

            @Override
            public void close() {
                flush();
            }
        };
    }

    /**
     * Copies a reply to the client's streams; returns the exit code.
     *
     * @throws Unanswered when the daemon closed the connection without a frame (a wrong token, a dying daemon)
     */
    static int relay(DataInputStream in, OutputStream stdout, OutputStream stderr) throws IOException {
        boolean answered = false;
        while (true) {
            byte kind;
            try {
                kind = in.readByte();
            } catch (java.io.EOFException e) {
                if (!answered) throw new Unanswered();
                throw e;
            }
            answered = true;
            int n = in.readInt();
            if (kind == EXIT) return n;
            if (n < 0 || n > 1 << 24) throw new IOException("bad frame length " + n);
            byte[] b = new byte[n];
            in.readFully(b);
            OutputStream to = kind == ERR ? stderr : stdout;
            to.write(b);
            to.flush();
        }
    }

    /** The connection closed before the first frame: the command never began. */
    static final class Unanswered extends IOException {
        Unanswered() {
            super("the daemon closed the connection without an answer");
        }
    }
}
