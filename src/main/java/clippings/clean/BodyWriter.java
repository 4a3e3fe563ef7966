package clippings.clean;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Copies the article's elements into a new, structural body: paragraphs, headings, lists, block quotes,
 * tables and figures, with links and emphasis, and nothing else. Text written straight into containers is
 * wrapped into paragraphs (a double line break ends one); links and images are made absolute, or left out
 * when the page's address is unknown. Blocks that {@link BlockFilter} calls chrome are not copied.
 * <p>Not thread-safe: one instance writes one article.
 */
final class BodyWriter {
    private static final Set<String> INLINE_KEPT = Set.of("em", "strong", "b", "i", "u", "s", "sub", "sup", "code",
            "q", "cite", "abbr", "mark", "small", "del", "ins", "kbd", "time", "dfn");
    private static final Set<String> TEXT_BLOCKS = Set.of("p", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dt",
            "dd", "caption", "address", "summary");
    /** Containers that hold text without a paragraph of their own. */
    private static final Set<String> DIRECT = Set.of("li", "blockquote", "td", "th", "dd", "figcaption");

    private final BlockFilter filter;
    private final LinkResolver links;
    private final Document out = Document.createShell("");

    BodyWriter(BlockFilter filter, boolean absolute) {
        this.filter = filter;
        this.links = new LinkResolver(absolute);
        out.outputSettings().prettyPrint(false); // white space added for looks would reach the body
    }

    /** The article body as a document of its own, before sanitising. */
    Document write(List<Element> roots) {
        Element body = out.body();
        Flow flow = new Flow(body);
        int prose = 0;
        for (Element root : roots) prose += filter.prose(root);
        filter.articleProse(prose);
        for (Element root : roots) {
            if (root.normalName().equals("body") || !filter.drop(root)) element(root, flow);
        }
        flow.close();
        filter.trim(body);
        return out;
    }

    /** Whether a relative link or image was left out because the page's address is unknown. */
    boolean droppedRelative() {
        return links.droppedRelative();
    }

    /** Where loose inline content goes: an open paragraph in a container, opened on demand. */
    private class Flow {
        final Element container;
        Element pending;
        int breaks;

        Flow(Element container) {
            this.container = container;
        }

        /** Whether inline content goes straight into the container rather than into a paragraph. */
        boolean direct() {
            return DIRECT.contains(container.normalName());
        }

        Element inline() {
            if (direct()) return container;
            if (pending == null) pending = container.appendElement("p");
            return pending;
        }

        void close() {
            if (pending != null) {
                while (pending.childNodeSize() > 0 && BlockShape.isBreakOrBlank(pending.childNode(pending.childNodeSize() - 1))) {
                    pending.childNode(pending.childNodeSize() - 1).remove();
                }
                if (pending.text().isBlank() && pending.select("img").isEmpty()) pending.remove();
                pending = null;
            }
            breaks = 0;
        }
    }


    private void children(Element from, Flow flow) {
        for (Node n : from.childNodes()) {
            if (n instanceof TextNode t) {
                String text = t.getWholeText();
                if (t.isBlank() && (flow.pending == null || flow.pending.childNodeSize() == 0) && !flow.direct()) {
                    continue;
                }
                flow.inline().appendText(text);
                if (!t.isBlank()) flow.breaks = 0;
            } else if (n instanceof Element e) {
                element(e, flow);
            }
        }
    }

    private void element(Element e, Flow flow) {
        String tag = e.normalName();
        if (tag.equals("br")) {
            flow.breaks++;
            if (flow.breaks >= 2 && flow.pending != null) flow.close();
            else if (flow.pending != null || flow.direct()) flow.inline().appendElement("br");
            return;
        }
        boolean block = PlainText.BLOCKS.contains(tag) || tag.equals("figure") || tag.equals("center");
        if (!block) {
            inline(e, flow);
            return;
        }
        if (filter.drop(e)) return;
        flow.close();
        Element c = flow.container;
        if (TEXT_BLOCKS.contains(tag)) {
            String name = switch (tag) {
                case "h1" -> "h2";
                case "caption", "address", "summary" -> "p";
                default -> tag;
            };
            Element b = c.appendElement(name);
            if (filter.protects(e)) b.attr(Protection.WRITTEN_MARK, "");
            children(e, new Flow(b) {
                @Override
                boolean direct() {
                    return true;
                }

                @Override
                Element inline() {
                    return b;
                }
            });
            BlockShape.trimBlock(b);
        } else if (tag.equals("ul") || tag.equals("ol") || tag.equals("dl")) {
            Element list = c.appendElement(tag);
            if (tag.equals("ol") && e.hasAttr("start")) list.attr("start", e.attr("start"));
            Flow inner = new Flow(list);
            for (Element item : e.children()) {
                String it = item.normalName();
                if ((it.equals("li") || it.equals("dt") || it.equals("dd")) && !filter.drop(item)) {
                    Element li = list.appendElement(it);
                    Flow f = new Flow(li);
                    children(item, f);
                    f.close();
                    BlockShape.trimBlock(li);
                } else if (!it.equals("li")) {
                    element(item, inner);
                }
            }
            inner.close();
            if (list.children().isEmpty()) list.remove();
        } else if (tag.equals("blockquote") || tag.equals("figcaption")) {
            Element q = c.appendElement(tag);
            if (filter.protects(e)) q.attr(Protection.WRITTEN_MARK, "");
            Flow f = new Flow(q);
            children(e, f);
            f.close();
            BlockShape.trimBlock(q);
        } else if (tag.equals("figure")) {
            Element fig = c.appendElement("figure");
            Flow f = new Flow(fig);
            children(e, f);
            f.close();
            if (fig.childrenSize() == 0) fig.remove();
        } else if (tag.equals("table") && BlockShape.dataTable(e)) {
            table(e, c);
        } else if (tag.equals("hr")) {
            c.appendElement("hr");
        } else {
            // div, section, article, layout tables and their parts: only their content counts.
            children(e, flow);
            flow.close();
        }
    }

    private void inline(Element e, Flow flow) {
        String tag = e.normalName();
        if (tag.equals("img")) {
            image(e, flow);
            return;
        }
        if (tag.equals("a")) {
            Optional<String> href = links.url(e, "href");
            if (href.isPresent() && !href.get().startsWith("javascript:")) {
                Element a = flow.inline().appendElement("a").attr("href", href.get());
                inlineChildren(e, a);
                if (a.childNodeSize() == 0) a.remove();
                flow.breaks = 0;
                return;
            }
            children(e, flow);
            return;
        }
        if (INLINE_KEPT.contains(tag)) {
            Element kept = flow.inline().appendElement(tag.equals("b") ? "strong" : tag.equals("i") ? "em" : tag);
            if (tag.equals("time") && e.hasAttr("datetime")) kept.attr("datetime", e.attr("datetime"));
            inlineChildren(e, kept);
            if (kept.childNodeSize() == 0) kept.remove();
            flow.breaks = 0;
            return;
        }
        children(e, flow); // span, font and unknown elements: their content only
    }

    private void inlineChildren(Element from, Element into) {
        Flow f = new Flow(into) {
            @Override
            boolean direct() {
                return true;
            }

            @Override
            Element inline() {
                return into;
            }
        };
        children(from, f);
    }

    private void image(Element img, Flow flow) {
        Optional<String> src = links.url(img, "src").or(() -> links.url(img, "data-src"));
        if (src.isEmpty() || src.get().startsWith("data:")) return;
        Element target;
        if (flow.container.normalName().equals("figure") || flow.pending != null
                || flow.direct() || !flow.container.normalName().equals("body")) {
            target = flow.container.normalName().equals("figure") ? flow.container : flow.inline();
        } else {
            target = flow.container.appendElement("figure");
        }
        Element copy = target.appendElement("img").attr("src", src.get());
        if (!img.attr("alt").isBlank()) copy.attr("alt", img.attr("alt").strip());
    }

    private void table(Element table, Element into) {
        Element t = into.appendElement("table");
        for (Element row : table.select("tr")) {
            if (row.closest("table") != table) continue;
            Element r = t.appendElement("tr");
            for (Element cell : row.children()) {
                String ct = cell.normalName();
                if (!ct.equals("td") && !ct.equals("th")) continue;
                Element c = r.appendElement(ct);
                if (cell.hasAttr("colspan")) c.attr("colspan", cell.attr("colspan"));
                Flow f = new Flow(c);
                children(cell, f);
                f.close();
                BlockShape.trimBlock(c);
            }
            if (r.childrenSize() == 0) r.remove();
        }
        if (t.childrenSize() == 0) t.remove();
    }
}
