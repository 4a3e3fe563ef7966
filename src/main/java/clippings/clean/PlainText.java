package clippings.clean;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * The text a reader sees in an HTML body: blocks (paragraphs, headings, list items, quotes, table rows,
 * captions) separated by blank lines, white space inside a block collapsed. Used for tagging, search and
 * extraction scores.
 * <p>Stateless and thread-safe.
 */
public final class PlainText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd",
            "blockquote", "pre", "tr", "figcaption", "figure", "table", "ul", "ol", "dl", "section", "article", "hr",
            "caption", "header", "footer", "main", "aside", "nav");

    private PlainText() {
    }

    public static String of(String html) {
        StringBuilder out = new StringBuilder();
        StringBuilder block = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    block.append(t.getWholeText());
                } else if (node instanceof Element e) {
                    if (BLOCKS.contains(e.normalName())) flush(block, out);
                    else if (e.normalName().equals("br")) block.append(' ');
                    else if (e.normalName().equals("td") || e.normalName().equals("th")) block.append(' ');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) flush(block, out);
            }
        }, Jsoup.parseBodyFragment(html).body());
        flush(block, out);
        return out.toString().strip();
    }

    private static void flush(StringBuilder block, StringBuilder out) {
        String text = block.toString().replaceAll("[\\s\\u00a0]+", " ").strip();
        block.setLength(0);
        if (text.isEmpty()) return;
        if (out.length() > 0) out.append("\n\n");
        out.append(text);
    }
}
