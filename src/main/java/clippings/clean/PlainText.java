package clippings.clean;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a cleaned article body (sanitised HTML) into the plain text a reader sees: one paragraph per block
 * element, paragraphs separated by a blank line, line breaks kept inside a paragraph.
 * <p>Stateless and thread-safe. This is the {@code text} of {@code clippings extract} and what the extraction
 * benchmark scores (issue 3).
 */
public final class PlainText {
    /** Elements that end the paragraph before them and start a new one. */
    static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "caption", "dd", "details",
            "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
            "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
            "thead", "tr", "ul");

    /** White space within a line: ASCII white space but the line break, and the no-break space. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0]+");

    private PlainText() {
    }

    /** The plain text of an HTML body fragment; empty when it holds no text. */
    public static String of(String bodyHtml) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        walk(Jsoup.parseBodyFragment(bodyHtml).body(), current, paragraphs);
        flush(current, paragraphs);
        return String.join("\n\n", paragraphs);
    }

    private static void walk(Element e, StringBuilder current, List<String> paragraphs) {
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                current.append(t.getWholeText());
            } else if (child instanceof Element c) {
                String tag = c.normalName();
                if (tag.equals("br")) {
                    current.append('\n');
                } else if (BLOCKS.contains(tag)) {
                    flush(current, paragraphs);
                    walk(c, current, paragraphs);
                    flush(current, paragraphs);
                } else {
                    walk(c, current, paragraphs);
                }
            }
        }
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        if (current.length() == 0) return; // every block's start and end: most often nothing to flush
        List<String> lines = new ArrayList<>();
        // One pass over the paragraph, not one per line (#7): a run of spaces never spans a line break.
        for (String line : SPACES.matcher(current).replaceAll(" ").split("\n")) {
            String s = line.strip();
            if (!s.isEmpty()) lines.add(s);
        }
        if (!lines.isEmpty()) paragraphs.add(String.join("\n", lines));
        current.setLength(0);
    }
}
