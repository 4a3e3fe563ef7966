package clippings.clean;

import clippings.model.RawArticle;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The chrome of each source, learnt from a corpus of its text scrapes: a line that recurs in many scrapes of
 * one source (menus, footers, subscription prompts) is that source's chrome. Safeguards keep quotes and stock
 * phrases that two or three stories share: a line must recur in at least {@value #MIN_SCRAPES} scrapes and in
 * at least half of the source's scrapes, and long lines (prose) must recur in nearly all of them.
 * <p>Immutable and thread-safe once learnt.
 */
final class SourceChrome {
    static final int MIN_SCRAPES = 4;
    private static final double MIN_SHARE = 0.5;
    private static final double PROSE_SHARE = 0.9;
    private static final int PROSE_CHARS = 200;

    /** Source key (site name, else the scrape's folder) → normalised chrome lines. */
    private final Map<String, Set<String>> lines;

    private SourceChrome(Map<String, Set<String>> lines) {
        this.lines = lines;
    }

    static SourceChrome none() {
        return new SourceChrome(Map.of());
    }

    /** Learns from the text scrapes of the corpus; other inputs are ignored. */
    static SourceChrome learn(Iterable<RawArticle> corpus) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        Map<String, Integer> scrapes = new HashMap<>();
        for (RawArticle raw : corpus) {
            if (raw.format() != clippings.model.InputFormat.TEXT) continue;
            List<String> lines = raw.text().lines().toList();
            String key = key(raw.origin(), TextScrapeCleaner.siteIcon(lines));
            scrapes.merge(key, 1, Integer::sum);
            Set<String> distinct = new HashSet<>();
            for (String line : lines) {
                String n = normal(line);
                if (!n.isEmpty()) distinct.add(n);
            }
            Map<String, Integer> c = counts.computeIfAbsent(key, k -> new HashMap<>());
            for (String n : distinct) c.merge(n, 1, Integer::sum);
        }
        Map<String, Set<String>> learnt = new TreeMap<>();
        counts.forEach((key, c) -> {
            int n = scrapes.get(key);
            if (n < MIN_SCRAPES) return;
            Set<String> chrome = new HashSet<>();
            c.forEach((line, k) -> {
                double share = (double) k / n;
                double needed = line.length() >= PROSE_CHARS ? PROSE_SHARE : MIN_SHARE;
                if (k >= MIN_SCRAPES && share >= needed) chrome.add(line);
            });
            if (!chrome.isEmpty()) learnt.put(key, Set.copyOf(chrome));
        });
        return new SourceChrome(Map.copyOf(learnt));
    }

    /** Whether the line is learnt chrome of the scrape's source. */
    boolean isChrome(String origin, Optional<String> site, String line) {
        if (lines.isEmpty()) return false;
        Set<String> chrome = lines.get(key(origin, site));
        return chrome != null && chrome.contains(normal(line));
    }

    /**
     * What was learnt for the scrape's source, as a digest (empty when nothing was): a cached cleaning of the
     * scrape is only valid while this stays the same.
     */
    String learntFor(String origin, Optional<String> site) {
        if (lines.isEmpty()) return "";
        Set<String> chrome = lines.get(key(origin, site));
        return chrome == null ? "" : digests.computeIfAbsent(key(origin, site),
                k -> clippings.cache.Digests.of(new java.util.ArrayList<>(new java.util.TreeSet<>(chrome))));
    }

    private final java.util.concurrent.ConcurrentHashMap<String, String> digests = new java.util.concurrent.ConcurrentHashMap<>();

    /** How many sources have learnt chrome; for reports. */
    int sources() {
        return lines.size();
    }

    /** A scrape's source: its site name when it announces one, else the folder it sits in. */
    private static String key(String origin, Optional<String> site) {
        if (site.isPresent()) return "site:" + site.get().toLowerCase(Locale.ROOT);
        int slash = origin.lastIndexOf('/');
        return "dir:" + (slash < 0 ? "" : origin.substring(0, slash));
    }

    private static String normal(String line) {
        return line.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
