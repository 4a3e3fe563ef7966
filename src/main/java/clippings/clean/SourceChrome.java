package clippings.clean;

import clippings.model.RawArticle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

    /** Source key (site name, else the scrape's folder) → sorted hashes of its chrome lines. */
    private final Map<String, long[]> lines;
    private final java.util.concurrent.ConcurrentHashMap<String, String> digests = new java.util.concurrent.ConcurrentHashMap<>();

    private SourceChrome(Map<String, long[]> lines) {
        this.lines = lines;
    }

    static SourceChrome none() {
        return new SourceChrome(Map.of());
    }

    /** Learns from the text scrapes of the corpus; other inputs are ignored. */
    static SourceChrome learn(Iterable<RawArticle> corpus) {
        List<ScrapeLines> all = new ArrayList<>();
        for (RawArticle raw : corpus) linesOf(raw).ifPresent(all::add);
        return learnFromLines(all);
    }

    /**
     * What a text scrape contributes to learning: its source and its distinct lines, hashed. Lines are compared
     * by 64-bit hashes so the learning keeps no text; two different lines sharing a hash is vanishingly rare
     * and would at worst drop one line of chrome-like text.
     */
    static Optional<ScrapeLines> linesOf(RawArticle raw) {
        if (raw.format() != clippings.model.InputFormat.TEXT) return Optional.empty();
        List<String> text = raw.text().lines().toList();
        long[] hashes = text.stream().map(SourceChrome::normal).filter(n -> !n.isEmpty())
                .mapToLong(SourceChrome::hash).sorted().distinct().toArray();
        return Optional.of(new ScrapeLines(key(raw.origin(), TextScrapeCleaner.siteIcon(text)), hashes));
    }

    /** Learns from what each scrape contributes (see {@link #linesOf}). */
    static SourceChrome learnFromLines(Iterable<ScrapeLines> corpus) {
        Map<String, List<ScrapeLines>> bySource = new TreeMap<>();
        for (ScrapeLines s : corpus) bySource.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(s);
        Map<String, Learnt> known = lastLearnt;
        Map<String, Learnt> now = new HashMap<>();
        Map<String, long[]> learnt = new TreeMap<>();
        bySource.forEach((source, scrapes) -> {
            Learnt l = known.get(source);
            if (l == null || !sameObjects(l.scrapes(), scrapes)) l = new Learnt(scrapes, chromeOf(scrapes));
            now.put(source, l);
            if (l.chrome().length > 0) learnt.put(source, l.chrome());
        });
        if (clippings.cache.ProcessMemory.keeping()) lastLearnt = now;
        return new SourceChrome(Map.copyOf(learnt));
    }

    /**
     * What the last learning of this process (serve, the build daemon) learnt of each source, and from which
     * scrapes: an edit changes one source's scrapes at most, and counting every line of every scrape again was
     * a twentieth of an edit at 10,000 articles (#7). The scrapes are the build cache's own objects.
     */
    private static volatile Map<String, Learnt> lastLearnt = Map.of();

    static {
        clippings.cache.ProcessMemory.onForget(() -> lastLearnt = Map.of());
    }

    private record Learnt(List<ScrapeLines> scrapes, long[] chrome) {
    }

    private static boolean sameObjects(List<ScrapeLines> a, List<ScrapeLines> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
        return true;
    }

    /** The sorted hashes of the lines that are chrome in one source's scrapes (each holds a line once at most). */
    private static long[] chromeOf(List<ScrapeLines> scrapes) {
        int n = scrapes.size();
        if (n < MIN_SCRAPES) return new long[0];
        int total = 0;
        for (ScrapeLines s : scrapes) total += s.hashes().length;
        long[] all = new long[total];
        int at = 0;
        for (ScrapeLines s : scrapes) {
            long[] h = s.hashes();
            System.arraycopy(h, 0, all, at, h.length);
            at += h.length;
        }
        // Sorted, each line's scrapes are one run: counted without a map of boxed hashes.
        Arrays.sort(all);
        long[] chrome = new long[Math.min(total, 64)];
        int found = 0;
        for (int i = 0; i < total; ) {
            int j = i + 1;
            while (j < total && all[j] == all[i]) j++;
            int count = j - i;
            double needed = (all[i] & 1) == 1 ? PROSE_SHARE : MIN_SHARE;
            if (count >= MIN_SCRAPES && (double) count / n >= needed) {
                if (found == chrome.length) chrome = Arrays.copyOf(chrome, found * 2);
                chrome[found++] = all[i];
            }
            i = j;
        }
        return Arrays.copyOf(chrome, found);
    }

    /** Whether the line is learnt chrome of the scrape's source. */
    boolean isChrome(String origin, Optional<String> site, String line) {
        if (lines.isEmpty()) return false;
        long[] chrome = lines.get(key(origin, site));
        return chrome != null && Arrays.binarySearch(chrome, hash(normal(line))) >= 0;
    }

    /**
     * What was learnt for a source, as a digest (empty when nothing was): a cached cleaning of one of its scrapes
     * is only valid while this stays the same.
     */
    String learntFor(String source) {
        long[] chrome = lines.get(source);
        return chrome == null ? "" : digests.computeIfAbsent(source, k -> clippings.cache.Digests.of((Object) chrome));
    }

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

    /** Trimmed, runs of white space as one space, lower case: what two copies of a chrome line share. */
    private static String normal(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        boolean space = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) sb.append(' ');
                space = false;
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** FNV-1a over the line's chars, with the lowest bit marking a long line (prose needs a higher share). */
    private static long hash(String normal) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < normal.length(); i++) {
            h ^= normal.charAt(i);
            h *= 0x100000001b3L;
        }
        return (h & ~1L) | (normal.length() >= PROSE_CHARS ? 1 : 0);
    }
}
