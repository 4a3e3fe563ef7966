package clippings.clean;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the elements that hold a page's article, the way Readability does: every paragraph scores its
 * parent and, less, its further ancestors (longer text and more commas score more); scores are weighed by
 * class names and lowered by link density; the best element wins, together with those of its siblings that
 * score nearly as well or read as prose.
 * <p>Not thread-safe: one instance scores one pruned page.
 */
final class ContentLocator {
    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote", "li", "dd");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "span", "font",
            "center", "td", "body");
    private static final int MIN_PARAGRAPH = 25;
    /** How many wrapper levels the climb looks through for a parent that adds paragraphs. */
    private static final int CLIMB_LEVELS = 3;
    /** Characters of paragraphs a parent must add, beyond a tenth more, to be taken instead: a paragraph or two. */
    private static final int MIN_GAIN = 300;

    private final Element body;
    private final TextStats stats;
    private final Map<Element, double[]> scores = new IdentityHashMap<>();
    /** Characters of prose paragraphs (long enough, few links) under each element. */
    private final Map<Element, int[]> paragraphProse = new IdentityHashMap<>();

    private final ClassHints hints;

    ContentLocator(Element body, ClassHints hints) {
        this.body = body;
        this.hints = hints;
        this.stats = new TextStats(body);
    }

    TextStats stats() {
        return stats;
    }

    /** The article's elements in document order; empty when the page has no scoring paragraph. */
    List<Element> locate() {
        score();
        Element top = null;
        double best = 0;
        for (Map.Entry<Element, double[]> e : scores.entrySet()) {
            double s = finalScore(e.getKey());
            if (s > best || (s == best && top != null && e.getKey().siblingIndex() < top.siblingIndex())) {
                best = s;
                top = e.getKey();
            }
        }
        if (top == null) return List.of();
        top = climb(top, best);
        return withSiblings(top, finalScore(top));
    }

    private void score() {
        for (Element e : body.getAllElements()) {
            String tag = e.normalName();
            boolean paragraph = PARAGRAPHS.contains(tag);
            int length;
            String text;
            if (paragraph) {
                if (tag.equals("li") || tag.equals("td")) {
                    if (hasBlockChild(e)) continue;
                }
                length = stats.text(e) - stats.linkText(e);
                if (length < MIN_PARAGRAPH) continue;
                text = e.text();
            } else if (CONTAINERS.contains(tag)) {
                // Text written straight into a div (lines split by <br>) counts as the div's own paragraph.
                StringBuilder own = new StringBuilder();
                for (Node n : e.childNodes()) if (n instanceof TextNode t) own.append(t.getWholeText());
                text = own.toString().strip();
                length = TextStats.visibleLength(text);
                if (length < MIN_PARAGRAPH) continue;
            } else {
                continue;
            }
            if (stats.linkDensity(e) < 0.3) {
                for (Element a = e; a != null; a = a.parent()) {
                    paragraphProse.computeIfAbsent(a, k -> new int[1])[0] += length;
                    if (a == body) break;
                }
            }
            double contentScore = 1 + commas(text) + Math.min(length / 100.0, 3);
            Element a = paragraph ? e.parent() : e;
            for (int level = 0; a != null && level < 5; level++, a = a.parent()) {
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                init(a)[0] += contentScore / divider;
                if (a == body) break;
            }
        }
    }

    private double[] init(Element e) {
        return scores.computeIfAbsent(e, k -> new double[]{base(k)});
    }

    private double base(Element e) {
        double s = switch (e.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return s + hints.weight(e);
    }

    private double finalScore(Element e) {
        double[] s = scores.get(e);
        return s == null ? 0 : s[0] * (1 - stats.linkDensity(e));
    }

    /**
     * Moves up from the best element while its parent holds much more article-like text: a story split into
     * several sibling blocks scores each block, and their common parent is the article.
     */
    private Element climb(Element top, double best) {
        Element current = top;
        int own = paragraphs(current);
        boolean moved = true;
        while (moved) {
            moved = false;
            // Wrappers that add nothing are passed through: a paragraph per card is common markup.
            Element a = current.parent();
            for (int level = 0; level < CLIMB_LEVELS && a != null && a != body; level++, a = a.parent()) {
                int more = paragraphs(a);
                if (more > own * 1.1 + MIN_GAIN && stats.linkDensity(a) < 0.35) {
                    current = a;
                    own = more;
                    moved = true;
                    break;
                }
            }
        }
        return current;
    }

    private int paragraphs(Element e) {
        int[] n = paragraphProse.get(e);
        return n == null ? 0 : n[0];
    }

    private int prose(Element e) {
        return stats.text(e) - stats.linkText(e);
    }

    private List<Element> withSiblings(Element top, double topScore) {
        Element parent = top.parent();
        if (parent == null || top == body) return List.of(top);
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> out = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                out.add(sibling);
                continue;
            }
            double bonus = !top.className().isEmpty() && sibling.className().equals(top.className()) ? topScore * 0.2 : 0;
            if (finalScore(sibling) + bonus >= threshold) {
                out.add(sibling);
            } else if (sibling.normalName().equals("p") || sibling.normalName().equals("blockquote")) {
                int length = stats.text(sibling);
                double ld = stats.linkDensity(sibling);
                String text = sibling.text();
                if (length > 80 && ld < 0.25) out.add(sibling);
                else if (length > 0 && ld == 0 && text.matches("(?s).*\\.( |$).*")) out.add(sibling);
            }
        }
        return out;
    }

    private static boolean hasBlockChild(Element e) {
        for (Element c : e.children()) if (PlainText.BLOCKS.contains(c.normalName())) return true;
        return false;
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') n++;
        }
        return n;
    }
}
