package clippings.clean;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The elements of a page that {@code clippings.yml} protects ({@code keep} text patterns, {@code keep_selectors}),
 * with all they hold and every element that holds one: none of them is pruned, filtered out or left outside the
 * article.
 * <p>Not thread-safe: one instance belongs to one page being extracted.
 */
final class Protection {
    /** Blocks whose whole text a keep pattern is matched against. */
    private static final Set<String> TEXT_BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption",
            "blockquote", "dt", "dd", "td", "th", "caption", "pre");

    /**
     * Marks the blocks written from protected elements, so that trimming the written body spares them; the
     * sanitiser's safelist drops the attribute.
     */
    static final String WRITTEN_MARK = "data-clippings-keep";

    private final List<Element> marked;
    private final Set<Element> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Element> covered = Collections.newSetFromMap(new IdentityHashMap<>());

    private Protection(List<Element> marked) {
        this.marked = marked;
        for (Element e : marked) {
            kept.addAll(e.getAllElements());
            for (Element a = e.parent(); a != null; a = a.parent()) covered.add(a);
        }
        covered.addAll(kept);
    }

    static Protection of(Element body, SelectorRules.Scope selectors, ChromeLines.Scope lines) {
        List<Element> marked = new ArrayList<>(selectors.keptIn(body));
        if (lines.protects()) {
            for (Element e : body.getAllElements()) {
                if (TEXT_BLOCKS.contains(e.normalName()) && lines.isKept(e.text())) marked.add(e);
            }
        }
        return new Protection(marked);
    }

    /** Whether the element is protected, lies inside a protected one, or holds one. */
    boolean covers(Element e) {
        return !covered.isEmpty() && covered.contains(e);
    }

    /** Whether the element is protected or lies inside a protected one. */
    boolean keeps(Element e) {
        return !kept.isEmpty() && kept.contains(e);
    }

    /** Removes the chrome the selectors name, unless it is protected. */
    void removeChrome(Element body, SelectorRules.Scope selectors) {
        for (Element e : selectors.chromeIn(body)) if (!covers(e) && e.parent() != null) e.remove();
    }

    /**
     * The article's roots with every protected element that lies outside them (still in the page), in the
     * order of the page.
     */
    List<Element> withOutside(List<Element> roots, Element body) {
        List<Element> extra = new ArrayList<>();
        for (Element e : marked) {
            if (!attached(e, body) || inside(e, roots) || inside(e, extra)) continue;
            boolean holdsRoot = false;
            for (Element r : roots) if (inside(r, List.of(e))) holdsRoot = true;
            if (!holdsRoot) extra.add(e);
        }
        if (extra.isEmpty()) return roots;
        Map<Element, Integer> order = new IdentityHashMap<>();
        int n = 0;
        for (Element e : body.getAllElements()) order.put(e, n++);
        List<Element> all = new ArrayList<>(roots);
        all.addAll(extra);
        all.sort(java.util.Comparator.comparingInt(e -> order.getOrDefault(e, Integer.MAX_VALUE)));
        return all;
    }

    private static boolean inside(Element e, List<Element> containers) {
        for (Element a = e; a != null; a = a.parent()) {
            for (Element c : containers) if (a == c) return true;
        }
        return false;
    }

    private static boolean attached(Element e, Element body) {
        for (Element a = e; a != null; a = a.parent()) if (a == body) return true;
        return false;
    }
}
