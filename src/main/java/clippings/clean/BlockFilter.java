package clippings.clean;

import clippings.text.CharRuns;
import org.jsoup.nodes.Element;

import java.util.Locale;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, block by block inside the article's container, what is chrome: link lists and link-only
 * paragraphs, blocks whose names say chrome, boilerplate phrases ("Advertisement", "Read more", share and
 * newsletter prompts, the same patterns text scrapes use), the repeated headline, and headings left with no
 * text after them at the end.
 * <p>Not thread-safe: one instance serves one page (it holds the page's {@link TextStats}).
 */
final class BlockFilter {
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "ul", "ol", "dl", "table",
            "form", "header", "footer", "center");
    private static final int SHORT_BLOCK = 200;
    private static final Set<String> LEAVES = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "dt", "dd",
            "li", "caption");
    private static final Pattern NO_LETTERS = Pattern.compile("[^\\p{L}]*");
    private static final Pattern ADDRESS_ONLY = Pattern.compile("(?i)\\s*(\\S+@\\S+\\.\\w+|(https?://|www\\.|twitter\\.com/)\\S+|@\\w+)\\s*");

    private final TextStats stats;
    private final ChromeLines.Scope chrome;
    private final Protection protection;
    private final String title;
    private double prose = 1;
    private final Set<String> seen = new HashSet<>();
    /** What {@link #shortChrome} said of each text, as blocks are checked when read and again when written. */
    private final java.util.Map<String, Boolean> shortChrome = new java.util.HashMap<>();

    private final ClassHints hints;

    BlockFilter(TextStats stats, ClassHints hints, ChromeLines.Scope chrome, String title, Protection protection) {
        this.stats = stats;
        this.hints = hints;
        this.chrome = chrome;
        this.protection = protection;
        this.title = normal(title);
    }

    /** Whether the block was written from a protected element of the page. */
    boolean protects(Element e) {
        return protection.keeps(e);
    }

    /** Tells the filter how much prose the article's containers hold, so a large block is never dropped for its names. */
    void articleProse(int chars) {
        prose = Math.max(1, chars);
    }

    int prose(Element e) {
        return stats.text(e) - stats.linkText(e);
    }

    private boolean unlikely(Element e) {
        if (!hints.unlikely(e)) return false;
        return hints.certain(e) || (stats.text(e) - stats.linkText(e)) / prose < 0.35;
    }

    /** Whether the block (and all it holds) is left out of the body. */
    boolean drop(Element e) {
        if (protection.covers(e)) return false;
        String tag = e.normalName();
        int text = stats.text(e);
        double ld = stats.linkDensity(e);
        if (CONTAINERS.contains(tag)) {
            if (text == 0) return e.select("img").isEmpty();
            if (unlikely(e) && !tag.equals("table")) return true;
            boolean list = tag.equals("ul") || tag.equals("ol") || tag.equals("dl");
            if (list && ld > 0.5) return true;
            if (!list && ld > 0.5 && text < 2000) return true;
            if (text < SHORT_BLOCK && shortChrome(e.text())) return true;
            return teasers(e);
        }
        if (tag.equals("li")) {
            return ld > 0.8 && text < 120 || text < SHORT_BLOCK && chrome.isChrome(e.text());
        }
        if (tag.equals("figure")) return unlikely(e);
        if (tag.equals("figcaption")) return unlikely(e) || text < SHORT_BLOCK && shortChrome(e.text());
        if (text == 0) return e.select("img").isEmpty();
        String plain = e.text();
        if (!tag.equals("td") && !tag.equals("th") && text < SHORT_BLOCK && shortChrome(plain)) return true;
        // The same text twice is a caption or teaser repeated by a gallery or a sticky bar, not prose.
        if (text >= 20 && LEAVES.contains(tag) && !seen.add(normal(plain))) return true;
        if (ld > 0.6 && text < 400) return true;
        return unlikely(e);
    }

    /**
     * Whether a short text is chrome: a boilerplate phrase, the headline again, a date line, a bare address
     * or handle, or a counter with no letters at all.
     */
    private boolean shortChrome(String text) {
        return shortChrome.computeIfAbsent(text, this::readShortChrome);
    }

    private boolean readShortChrome(String text) {
        if (chrome.isKept(text)) return false;
        if (chrome.isChrome(text)) return true;
        if (NO_LETTERS.matcher(text).matches() || ADDRESS_ONLY.matcher(text).matches()) return true;
        if (text.length() < 100 && DateText.mentionsDate(text)) return true;
        return !title.isEmpty() && normal(text).equals(title);
    }

    /**
     * A list of teasers: three or more headline links, with little text besides them, in a block that is a
     * small part of the article's prose (related stories, "more from" rails).
     */
    private boolean teasers(Element e) {
        int prose = prose(e);
        if (prose > this.prose * 0.4) return false;
        int headlines = 0;
        for (Element a : e.getElementsByTag("a")) {
            if (stats.text(a) >= 20) headlines++;
        }
        return headlines >= 3 && stats.text(e) < headlines * 160;
    }

    /**
     * Removes what only shows once the body is written: paragraphs made of loose text that are chrome, and
     * headings and rules that end the body with nothing after them.
     */
    void trim(Element body) {
        for (Element p : body.select("p, h2, h3, h4, h5, h6, figcaption")) {
            String text = p.text();
            if (p.childrenSize() == 1 && p.child(0).normalName().equals("time") && p.child(0).text().equals(text)) {
                p.remove(); // a time stamp standing alone is a date line
                continue;
            }
            if (p.hasAttr(Protection.WRITTEN_MARK)) continue;
            if (text.length() < SHORT_BLOCK && p.closest("td, th") == null && shortChrome(text)) p.remove();
        }
        while (body.childrenSize() > 0) {
            Element last = body.child(body.childrenSize() - 1);
            String t = last.normalName();
            if (t.matches("h[1-6]|hr") && !last.hasAttr(Protection.WRITTEN_MARK)) last.remove();
            else break;
        }
        while (body.childrenSize() > 0 && body.child(0).normalName().equals("hr")) body.child(0).remove();
    }

    private static String normal(String s) {
        return CharRuns.collapse(s.toLowerCase(Locale.ROOT), CharRuns::letterOrNumber).strip();
    }
}
