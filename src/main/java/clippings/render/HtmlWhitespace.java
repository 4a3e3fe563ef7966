package clippings.render;

/**
 * Collapses the indentation a template leaves in a rendered page: every run of whitespace in text that holds a
 * line break becomes one line break, which a browser renders the same way (#7). Tags and comments are copied
 * as they are, and so is everything inside {@code pre}, {@code textarea}, {@code script} and {@code style},
 * where whitespace counts. One linear pass over the page, not a parse; the same page always gives the same
 * bytes.
 * <p>The pass runs over a {@code char[]}: through {@code String.charAt}, each character of a page holding any
 * non-Latin-1 text paid a bounds check the builds' C1 compiler leaves in, and collapsing took a third of
 * rendering a listing page.
 * <p>Stateless and thread-safe.
 */
final class HtmlWhitespace {
    /** Elements whose content is copied as it is. */
    private static final String[] VERBATIM = {"pre", "textarea", "script", "style"};

    private HtmlWhitespace() {
    }

    /** The page with each whitespace run that contains a line break reduced to {@code "\n"}. */
    static String collapse(String html) {
        char[] in = html.toCharArray();
        char[] out = new char[in.length];
        return new String(out, 0, collapse(in, in.length, out));
    }

    /**
     * The first {@code length} characters of a rendered page, collapsed and encoded as UTF-8: the same bytes as
     * {@code collapse(page).getBytes(UTF_8)}, without the two strings and copies between the template's output
     * and the file, which took a tenth of rendering a listing page (#7).
     */
    static byte[] collapseToUtf8(char[] page, int length) {
        char[] out = new char[length];
        return Utf8.encode(out, collapse(page, length, out));
    }

    /** Collapses {@code in[0, n)} into {@code out}, which has room for {@code n} characters; returns the length. */
    private static int collapse(char[] in, int n, char[] out) {
        int o = 0;
        int i = 0;
        while (i < n) {
            char c = in[i];
            int j;
            if (c == '<' && i + 1 < n && startsMarkup(in[i + 1])) {
                j = markupEnd(in, i, n);
                String verbatim = verbatimElement(in, i, n);
                if (verbatim != null) {
                    int close = indexOfEndTag(in, verbatim, j, n);
                    j = close < 0 ? n : close;
                }
            } else if (isSpace(c)) {
                j = i;
                boolean lineBreak = false;
                while (j < n && isSpace(in[j])) {
                    lineBreak |= in[j] == '\n';
                    j++;
                }
                if (lineBreak) {
                    out[o++] = '\n';
                    i = j;
                    continue;
                }
            } else {
                // The run of plain text up to the next tag or whitespace, copied in one go.
                j = i + 1;
                while (j < n && in[j] != '<' && !isSpace(in[j])) j++;
            }
            System.arraycopy(in, i, out, o, j - i);
            o += j - i;
            i = j;
        }
        return o;
    }

    private static boolean startsMarkup(char c) {
        return c == '/' || c == '!' || c == '?' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The index just past the tag, comment or declaration that starts at {@code from}; quoted values may hold {@code >}. */
    private static int markupEnd(char[] html, int from, int n) {
        if (from + 3 < n && html[from + 1] == '!' && html[from + 2] == '-' && html[from + 3] == '-') {
            for (int i = from + 4; i + 2 < n; i++) {
                if (html[i] == '-' && html[i + 1] == '-' && html[i + 2] == '>') return i + 3;
            }
            return n;
        }
        char quote = 0;
        for (int i = from + 1; i < n; i++) {
            char c = html[i];
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return n;
    }

    /** The name of the verbatim element whose start tag begins at {@code from}, else null. */
    private static String verbatimElement(char[] html, int from, int n) {
        // Most tags are none of them: their first letter tells, without comparing names case-insensitively.
        char first = (char) (html[from + 1] | 0x20);
        if (first != 'p' && first != 't' && first != 's') return null;
        for (String name : VERBATIM) {
            int after = from + 1 + name.length();
            if (after < n && matches(html, from + 1, name, n)) {
                char c = html[after];
                if (c == '>' || c == '/' || isSpace(c)) return name;
            }
        }
        return null;
    }

    /** Where {@code "</" + name} starts at or after {@code from}, in any case; -1 if nowhere. */
    private static int indexOfEndTag(char[] html, String name, int from, int n) {
        for (int i = from; i + 2 + name.length() <= n; i++) {
            if (html[i] == '<' && html[i + 1] == '/' && matches(html, i + 2, name, n)) return i;
        }
        return -1;
    }

    /** Whether {@code name} is at {@code at}, case ignored as {@link String#regionMatches(boolean, int, String, int, int)} ignores it. */
    private static boolean matches(char[] html, int at, String name, int n) {
        if (at + name.length() > n) return false;
        for (int k = 0; k < name.length(); k++) {
            char a = html[at + k];
            char b = name.charAt(k);
            if (a == b) continue;
            char ua = Character.toUpperCase(a);
            char ub = Character.toUpperCase(b);
            if (ua != ub && Character.toLowerCase(ua) != Character.toLowerCase(ub)) return false;
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }
}
