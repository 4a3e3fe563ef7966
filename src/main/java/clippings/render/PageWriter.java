package clippings.render;

import java.io.Writer;
import java.util.Arrays;

/**
 * What a template writes, kept as characters for {@link HtmlWhitespace#collapseToUtf8}: a string writer would
 * copy the page once more into a string only to have it taken apart again (#7).
 * <p>Not thread-safe: one per page render.
 */
final class PageWriter extends Writer {
    private char[] chars;
    private int length;

    PageWriter(int capacity) {
        chars = new char[Math.max(16, capacity)];
    }

    @Override
    public void write(int c) {
        room(1);
        chars[length++] = (char) c;
    }

    @Override
    public void write(char[] buffer, int offset, int count) {
        room(count);
        System.arraycopy(buffer, offset, chars, length, count);
        length += count;
    }

    @Override
    public void write(String text, int offset, int count) {
        room(count);
        text.getChars(offset, offset + count, chars, length);
        length += count;
    }

    @Override
    public Writer append(CharSequence text) {
        String s = String.valueOf(text);
        write(s, 0, s.length());
        return this;
    }

    private void room(int more) {
        if (length + more > chars.length) chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
    }

    /** The characters written so far; {@link #length()} of them count. */
    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
