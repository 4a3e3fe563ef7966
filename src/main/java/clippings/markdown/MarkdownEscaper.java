package clippings.markdown;

/**
 * Escapes plain text so that Markdown shows it exactly as written: a scraped paragraph that starts with
 * {@code 1.} or {@code #}, or holds {@code *}, {@code _}, backticks, {@code <} or {@code [}, must not turn
 * into a list, a heading, emphasis, code, HTML or a link.
 * <p>Stateless and thread-safe. This runs for every text node of every article, so it is one pass by hand
 * rather than the regular expressions it replaced (#7): an entity-like {@code &name;} gets its {@code &}
 * escaped, and a block marker after the leading white space gets a backslash. White space is collapsed the
 * same way, by hand.
 */
final class MarkdownEscaper {
    /** Characters with inline meaning anywhere in a line. */
    private static final String INLINE = "\\`*_[]<>~|";
    /** What makes a line start a block, besides a number before {@code .} or {@code )}: heading, list item, setext underline. */
    private static final String BLOCK_MARKS = "#>-+=";
    /** The inline characters and {@code &}, as a table: this is asked of every character of every article. */
    private static final boolean[] MARKED = new boolean[128];

    static {
        for (char c : (INLINE + "&").toCharArray()) MARKED[c] = true;
    }

    /** Up to this many digits before {@code .} or {@code )} make an ordered list item. */
    private static final int MAX_LIST_DIGITS = 9;

    private MarkdownEscaper() {
    }

    /** Text escaped for use inside a Markdown paragraph; {@code atLineStart} when it may begin a line. */
    static String escape(String text, boolean atLineStart) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        int copied = 0; // text before this is in sb
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < MARKED.length && MARKED[c] && (c != '&' || entityAfter(text, i + 1))) {
                sb.append(text, copied, i).append('\\');
                copied = i;
            }
        }
        sb.append(text, copied, text.length());
        if (atLineStart) {
            int start = 0;
            while (start < sb.length() && isSpace(sb.charAt(start))) start++;
            if (start < sb.length() && BLOCK_MARKS.indexOf(sb.charAt(start)) >= 0) {
                sb.insert(start, '\\');
            } else {
                int digits = 0;
                while (start + digits < sb.length() && isDigit(sb.charAt(start + digits))) digits++;
                int after = start + digits;
                // 1. → 1\.  (the delimiter is what makes the list)
                if (digits >= 1 && digits <= MAX_LIST_DIGITS && after < sb.length()
                        && (sb.charAt(after) == '.' || sb.charAt(after) == ')')) {
                    sb.insert(after, '\\');
                }
            }
        }
        return sb.toString();
    }

    /** Each run of white space ({@code \s+}: ASCII only) as one space. */
    static String collapseSpaces(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSpace(c) || c == ' ' && (i + 1 == s.length() || !isSpace(s.charAt(i + 1)))) {
                if (b != null) b.append(c); // a lone space, or no space: as it is
                continue;
            }
            if (b == null) b = new StringBuilder(s.length()).append(s, 0, i);
            b.append(' ');
            while (i + 1 < s.length() && isSpace(s.charAt(i + 1))) i++;
        }
        return b == null ? s : b.toString();
    }

    /** Whether {@code #?[A-Za-z0-9]+;} starts at {@code i}: what a character reference looks like. */
    private static boolean entityAfter(String s, int i) {
        if (i < s.length() && s.charAt(i) == '#') i++;
        int start = i;
        while (i < s.length() && (isDigit(s.charAt(i)) || isAsciiLetter(s.charAt(i)))) i++;
        return i > start && i < s.length() && s.charAt(i) == ';';
    }

    /** {@code \s} of a regular expression: ASCII white space. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
