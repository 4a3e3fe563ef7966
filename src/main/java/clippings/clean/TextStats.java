package clippings.clean;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Text and link-text lengths of every element of a tree, counted once bottom-up, so that scoring a page is
 * linear in its size rather than quadratic (issue 3 asks for 100 pages a second).
 * <p>Not thread-safe: one instance belongs to one page being extracted, and is stale once the tree changes.
 */
final class TextStats {
    private final Map<Element, int[]> counts = new IdentityHashMap<>();

    TextStats(Element root) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
            }

            @Override
            public void tail(Node node, int depth) {
                if (!(node instanceof Element e)) return;
                int text = 0;
                int links = 0;
                for (Node child : e.childNodes()) {
                    if (child instanceof TextNode t) {
                        text += visibleLength(t.getWholeText());
                    } else if (child instanceof Element c) {
                        int[] n = counts.get(c);
                        if (n != null) {
                            text += n[0];
                            links += n[1];
                        }
                    }
                }
                if (e.normalName().equals("a")) links = text;
                counts.put(e, new int[]{text, links});
            }
        }, root);
    }

    /** Characters of text under the element, runs of white space counted as one. */
    int text(Element e) {
        int[] n = counts.get(e);
        return n == null ? 0 : n[0];
    }

    /** Characters of text inside links under the element. */
    int linkText(Element e) {
        int[] n = counts.get(e);
        return n == null ? 0 : n[1];
    }

    /** Share of the element's text that sits in links: 0 for none, 1 for all. */
    double linkDensity(Element e) {
        int t = text(e);
        return t == 0 ? 0 : Math.min(1.0, (double) linkText(e) / t);
    }

    static int visibleLength(String s) {
        int n = 0;
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ws = Character.isWhitespace(c) || c == '\u00A0';
            if (!ws) {
                n++;
                space = false;
            } else if (!space) {
                n++;
                space = true;
            }
        }
        return n;
    }
}
