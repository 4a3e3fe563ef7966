package clippings.clean;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a page's headline: the {@code <h1>} that the metadata titles (JSON-LD headline, Open Graph, Twitter,
 * {@code <title>}) confirm, else the first metadata title with the site name cut off ({@code Headline | Site},
 * {@code Headline - Site}), else the first {@code <h1>}.
 * <p>Stateless and thread-safe.
 */
final class HeadlineFinder {
    // Compiled once, not per call: these run on every title and meta field of every article (#7).
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|\\-–—:·•»/]{1,2}\\s+|\\s*\\|\\s*");
    private static final int MAX_HEADLINE = 300;

    private HeadlineFinder() {
    }

    static Optional<String> find(Document doc, List<String> metaTitles, Optional<String> site) {
        List<String> titles = new ArrayList<>();
        for (String t : metaTitles) if (!t.isBlank()) titles.add(clean(t));
        String siteName = site.map(HeadlineFinder::normal).orElse("");
        List<String> headings = new ArrayList<>();
        for (Element h : doc.select("h1")) {
            String t = clean(h.text());
            // A site's logo is often its first <h1>; the site name is never the headline.
            if (!t.isEmpty() && t.length() <= MAX_HEADLINE && !normal(t).equals(siteName)) headings.add(t);
        }
        // An <h1> that a metadata title repeats (perhaps with the site name) is the headline.
        for (String title : titles) {
            String nt = normal(title);
            for (String h : headings) {
                String nh = normal(h);
                if (nh.length() >= 10 && (nt.startsWith(nh) || nt.endsWith(nh))) return Optional.of(h);
            }
        }
        // Unconfirmed, an <h1> that the page marks as the headline is still the headline the reader sees.
        var marked = doc.select("h1[itemprop=headline], h1.headline, h1.entry-title, h1.post-title, "
                + "h1.article-title, h1.article__title, h1.story-title, h1[class*=headline]");
        if (marked.size() == 1) { // several marked headlines are teasers, and say nothing
            String t = clean(marked.first().text());
            boolean related = titles.isEmpty() || titles.stream().anyMatch(title -> shared(title, t) >= 2);
            if (t.length() >= 10 && t.length() <= MAX_HEADLINE && !normal(t).equals(siteName) && related) {
                return Optional.of(t);
            }
        }
        for (String title : titles) {
            String cut = withoutSite(title, site);
            if (!cut.isEmpty()) return Optional.of(cut);
        }
        return headings.stream().findFirst();
    }

    /** The title without a site name appended or prepended after a separator. */
    static String withoutSite(String title, Optional<String> site) {
        String[] parts = SEPARATOR.split(title);
        if (parts.length < 2) return title;
        String ns = site.map(HeadlineFinder::normal).orElse("");
        String first = parts[0].strip();
        String last = parts[parts.length - 1].strip();
        if (!ns.isEmpty() && normal(last).equals(ns)) return title.substring(0, title.lastIndexOf(last)).replaceAll("(?:" + SEPARATOR.pattern() + ")$", "").strip();
        if (!ns.isEmpty() && normal(first).equals(ns)) return title.substring(title.indexOf(first) + first.length()).replaceFirst("^(?:" + SEPARATOR.pattern() + ")", "").strip();
        // Without a known site name, a short last part after a bar or a spaced dash is taken to be one.
        if (last.split("\\s+").length <= 3 && first.length() > last.length() * 2) {
            var m = java.util.regex.Pattern.compile("\\s*(\\||\\s[-–—]\\s)\\s*" + java.util.regex.Pattern.quote(last) + "\\s*$")
                    .matcher(title);
            if (m.find()) return title.substring(0, m.start()).strip();
        }
        return title;
    }

    /** How many words of four letters or more two titles share (shorter words are mostly function words). */
    private static int shared(String a, String b) {
        java.util.Set<String> words = new java.util.HashSet<>();
        for (String w : normal(a).split(" ")) if (w.length() >= 4) words.add(w);
        int n = 0;
        for (String w : new java.util.HashSet<>(List.of(normal(b).split(" ")))) if (words.contains(w)) n++;
        return n;
    }

    static String clean(String s) {
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    static String normal(String s) {
        return NOT_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
