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
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|\\-–—:·•»/]{1,2}\\s+|\\s*\\|\\s*");
    private static final int MAX_HEADLINE = 300;

    private HeadlineFinder() {
    }

    static Optional<String> find(Document doc, List<String> metaTitles, Optional<String> site) {
        List<String> titles = new ArrayList<>();
        for (String t : metaTitles) if (!t.isBlank()) titles.add(clean(t));
        List<String> headings = new ArrayList<>();
        for (Element h : doc.select("h1")) {
            String t = clean(h.text());
            if (!t.isEmpty() && t.length() <= MAX_HEADLINE) headings.add(t);
        }
        // An <h1> that a metadata title repeats (perhaps with the site name) is the headline.
        for (String title : titles) {
            String nt = normal(title);
            for (String h : headings) {
                String nh = normal(h);
                if (nh.length() >= 10 && (nt.startsWith(nh) || nt.endsWith(nh) || nh.equals(nt))) return Optional.of(h);
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
        if (!ns.isEmpty() && normal(last).equals(ns)) return title.substring(0, title.lastIndexOf(last)).replaceAll(SEPARATOR.pattern() + "$", "").strip();
        if (!ns.isEmpty() && normal(first).equals(ns)) return title.substring(title.indexOf(first) + first.length()).replaceFirst("^" + SEPARATOR.pattern(), "").strip();
        // Without a known site name, a short last part after a bar is taken to be one.
        if (title.contains("|") && last.split("\\s+").length <= 4 && first.length() > last.length() * 2) {
            return title.substring(0, title.lastIndexOf('|')).strip();
        }
        return title;
    }

    static String clean(String s) {
        return s.replaceAll("[\\s\\u00A0]+", " ").strip();
    }

    static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
