package clippings.markdown;

import java.util.regex.Pattern;

/**
 * Escapes plain text so that Markdown shows it exactly as written: a scraped paragraph that starts with
 * {@code 1.} or {@code #}, or holds {@code *}, {@code _}, backticks, {@code <} or {@code [}, must not turn
 * into a list, a heading, emphasis, code, HTML or a link.
 * <p>Stateless and thread-safe.
 */
final class MarkdownEscaper {
    /** Characters with inline meaning anywhere in a line. */
    private static final String INLINE = "\\`*_[]<>~|";
    /** What makes a line start a block: heading, quote, list item, thematic break, setext underline. */
    private static final Pattern BLOCK_START = Pattern.compile("^(\\s*)(#|>|[-+=]|\\d{1,9}(?=[.)]))");
    private static final Pattern ENTITY = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");

    private MarkdownEscaper() {
    }

    /** Text escaped for use inside a Markdown paragraph; {@code atLineStart} when it may begin a line. */
    static String escape(String text, boolean atLineStart) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (INLINE.indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        String out = ENTITY.matcher(sb).replaceAll("\\\\&");
        if (atLineStart) {
            var m = BLOCK_START.matcher(out);
            if (m.find()) {
                String marker = m.group(2);
                if (Character.isDigit(marker.charAt(0))) {
                    // 1. → 1\.  (the delimiter is what makes the list)
                    int after = m.end(2);
                    out = out.substring(0, after) + "\\" + out.substring(after);
                } else {
                    out = out.substring(0, m.start(2)) + "\\" + out.substring(m.start(2));
                }
            }
        }
        return out;
    }
}
