package clippings.clean;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Small judgements about the shape of blocks while a body is written: whether a table holds data or page
 * layout, and how a written block is trimmed of leading and trailing breaks.
 * <p>Stateless and thread-safe.
 */
final class BlockShape {
    private BlockShape() {
    }

    /** A table of data rather than page layout: no nested tables and no long prose in its cells. */
    static boolean dataTable(Element table) {
        if (!table.select("table table").isEmpty()) return false;
        for (Element cell : table.select("td, th")) {
            if (cell.select("p, div > div, ul, ol").size() > 2 || cell.text().length() > 400) return false;
        }
        return true;
    }

    static boolean isBreakOrBlank(Node n) {
        return (n instanceof Element e && e.normalName().equals("br")) || (n instanceof TextNode t && t.isBlank());
    }

    static void trimBlock(Element b) {
        while (b.childNodeSize() > 0 && isBreakOrBlank(b.childNode(b.childNodeSize() - 1))) {
            b.childNode(b.childNodeSize() - 1).remove();
        }
        while (b.childNodeSize() > 0 && isBreakOrBlank(b.childNode(0))) b.childNode(0).remove();
        if (b.text().isBlank() && b.select("img").isEmpty()) b.remove();
    }
}
