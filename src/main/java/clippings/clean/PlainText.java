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

    /** Ends the paragraph being gathered, keeping it when it has any text. */
    private static void flush(StringBuilder current, List<String> paragraphs) {
        if (current.length() == 0) return; // every block's start and end: most often nothing to flush
        String paragraph = paragraph(current);
        if (!paragraph.isEmpty()) paragraphs.add(paragraph);
        current.setLength(0);
    }

    /**
     * A paragraph's text: each run of white space within a line (ASCII white space but the line break, and the
     * no-break space) becomes one space, each line is stripped, and empty lines go; empty when nothing is left.
     * One pass by hand: a regular expression's replacement and a split were 4 % of the article stage of a cold
     * build (#7).
     */
    static String paragraph(CharSequence current) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(Math.min(current.length(), 1024));
        boolean inSpace = false;
        for (int i = 0; i <= current.length(); i++) {
            char c = i < current.length() ? current.charAt(i) : '\n';
            if (c == '\n') {
                String s = line.toString().strip();
                if (!s.isEmpty()) lines.add(s);
                line.setLength(0);
                inSpace = false;
            } else if (c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0') {
                if (!inSpace) line.append(' ');
                inSpace = true;
            } else {
                line.append(c);
                inSpace = false;
            }
        }
        return String.join("\n", lines);
    }
}
