package clippings.render;

/**
 * Collapses the indentation a template leaves in a rendered page: every run of whitespace in text that holds a
 * line break becomes one line break, which a browser renders the same way (#7). Tags and comments are copied
 * as they are, and so is everything inside {@code pre}, {@code textarea}, {@code script} and {@code style},
 * where whitespace counts. One linear pass over the page, not a parse; the same page always gives the same
 * bytes.
 * <p>Stateless and thread-safe.
 */
final class HtmlWhitespace {
    /** Elements whose content is copied as it is. */
    private static final String[] VERBATIM = {"pre", "textarea", "script", "style"};

    private HtmlWhitespace() {
    }

    /** The page with each whitespace run that contains a line break reduced to {@code "\n"}. */
    static String collapse(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<' && i + 1 < n && startsMarkup(html.charAt(i + 1))) {
                int end = markupEnd(html, i);
                String verbatim = verbatimElement(html, i);
                if (verbatim != null) {
                    int close = indexOfIgnoreCase(html, "</" + verbatim, end);
                    end = close < 0 ? n : close;
                }
                out.append(html, i, end);
                i = end;
            } else if (isSpace(c)) {
                int j = i;
                boolean lineBreak = false;
                while (j < n && isSpace(html.charAt(j))) {
                    lineBreak |= html.charAt(j) == '\n';
                    j++;
                }
                if (lineBreak) out.append('\n');
                else out.append(html, i, j);
                i = j;
            } else {
                // Copy the run of plain text up to the next tag or whitespace in one go.
                int j = i + 1;
                while (j < n && html.charAt(j) != '<' && !isSpace(html.charAt(j))) j++;
                out.append(html, i, j);
                i = j;
            }
        }
        return out.toString();
    }

    private static boolean startsMarkup(char c) {
        return c == '/' || c == '!' || c == '?' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The index just past the tag, comment or declaration that starts at {@code from}; quoted values may hold {@code >}. */
    private static int markupEnd(String html, int from) {
        if (html.startsWith("<!--", from)) {
            int close = html.indexOf("-->", from + 4);
            return close < 0 ? html.length() : close + 3;
        }
        char quote = 0;
        for (int i = from + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return html.length();
    }

    /** The name of the verbatim element whose start tag begins at {@code from}, else null. */
    private static String verbatimElement(String html, int from) {
        for (String name : VERBATIM) {
            int after = from + 1 + name.length();
            if (html.regionMatches(true, from + 1, name, 0, name.length()) && after < html.length()) {
                char c = html.charAt(after);
                if (c == '>' || c == '/' || isSpace(c)) return name;
            }
        }
        return null;
    }

    private static int indexOfIgnoreCase(String html, String needle, int from) {
        for (int i = from; i <= html.length() - needle.length(); i++) {
            if (html.charAt(i) == '<' && html.regionMatches(true, i, needle, 0, needle.length())) return i;
        }
        return -1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }
}
