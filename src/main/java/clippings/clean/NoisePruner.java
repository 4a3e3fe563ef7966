package clippings.clean;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes from a page what is never article text, before the article is looked for: scripts and embeds,
 * forms, navigation, asides and footers, hidden elements, and elements whose class or id marks them as chrome
 * (share bars, related lists, comments, newsletter prompts, ads). An element that holds a large share of the
 * page's prose is kept whatever its names say, so a misnamed article container is never lost.
 * <p>Stateless and thread-safe; it edits the tree it is given.
 */
final class NoisePruner {
    private static final Set<String> NEVER = Set.of("script", "style", "noscript", "template", "svg", "canvas",
            "iframe", "object", "embed", "button", "input", "select", "textarea", "option", "link", "meta", "dialog",
            "map", "audio", "video", "source", "nav", "aside", "menu", "label");
    /** Microdata properties that state metadata, not text: the reader never sees them as the article. */
    private static final Set<String> META_PROPS = Set.of("headline", "alternativeheadline", "author", "creator",
            "keywords", "datepublished", "datemodified", "datecreated", "publisher", "mainentityofpage", "image",
            "thumbnailurl", "logo", "url", "name", "width", "height");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    /** Share of the page's prose above which an element is never removed for its names. */
    private static final double PROTECTED_SHARE = 0.35;

    private NoisePruner() {
    }

    static void prune(Element body, ClassHints hints, Protection protection) {
        List<Element> hinted = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body || protection.covers(e)) continue;
            String tag = e.normalName();
            if (NEVER.contains(tag) || hidden(e)) {
                hinted.add(e);
            } else if (e.hasAttr("itemprop") && META_PROPS.contains(e.attr("itemprop").toLowerCase(java.util.Locale.ROOT))
                    && !tag.equals("img") && !tag.equals("figure")) {
                hinted.add(e);
            } else if (tag.equals("footer") || tag.equals("header") || tag.equals("form")
                    || hints.unlikely(e)) {
                hinted.add(e);
            }
        }
        if (hinted.isEmpty()) return;
        TextStats stats = new TextStats(body);
        double prose = Math.max(1, stats.text(body) - stats.linkText(body));
        for (Element e : hinted) {
            if (e.parent() == null) continue; // already gone with an ancestor
            String tag = e.normalName();
            boolean sure = NEVER.contains(tag);
            double share = (stats.text(e) - stats.linkText(e)) / prose;
            if (sure || share < PROTECTED_SHARE || hints.certain(e)) e.remove();
        }
    }

    private static boolean hidden(Element e) {
        if (e.hasAttr("hidden") || e.attr("aria-hidden").equals("true")) return true;
        String style = e.attr("style");
        return !style.isEmpty() && HIDDEN_STYLE.matcher(style).find();
    }
}
