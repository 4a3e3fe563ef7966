package clippings.cache;

import clippings.model.ArticleEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The digest of each article of one index, taken once per build and shared by every stage that names what it
 * makes by it: the index's own digest, pages, feeds, search documents, Markdown copies. Each took its own, five
 * passes of encoding and hashing the whole archive per build (#7).
 * <p>Thread-safe; within one index an article id names one entry.
 */
public final class EntryDigests {
    /**
     * The digests the last build took of its index, of each kind in the index's order, for the next build of the
     * process (serve, the build daemon). That build's index holds the very same entry objects, mostly at the same
     * places, for every article an edit left alone: an entry is found at its place by identity, where looking
     * 10,000 of them up by id in maps of the last build's and this build's digests cost a few cache misses each,
     * 13 ms of an edit's CPU (#7). Comparing two records that share most of their parts is cheaper than encoding
     * and hashing one, so an entry made again equal to the last build's also takes its digest.
     */
    private static volatile Memo lastEntries;
    private static volatile Memo lastSummaries;

    private final Memo[] known = {lastEntries, lastSummaries};
    /** This build's digests in the order of the last list asked for, of each kind; two threads may take them twice. */
    private final Memo[] inOrder = new Memo[2];
    /** Where each entry of the first list asked for is in it: the index, which the stages look entries up in. */
    private volatile Places places;
    /** Digests of entries outside that list, by article id. */
    private final Map<String, String[]> others = new ConcurrentHashMap<>();

    /** The entries' digests in order, for the list they were taken of (a second label hashes them again). */
    private record Memo(List<ArticleEntry> entries, List<String> digests) {
    }

    /** A list and the place of each of its entries, by identity. */
    private record Places(List<ArticleEntry> entries, Map<ArticleEntry, Integer> at) {
    }

    static {
        ProcessMemory.onForget(() -> {
            lastEntries = null;
            lastSummaries = null;
        });
    }

    /** Everything about an article as placed in the site: its metadata, tags, body (by digest) and path. */
    public String of(ArticleEntry e) {
        return digest(e, 0);
    }

    /**
     * What other pages show of an article: listings, and the neighbour and related links of article pages
     * ({@code clippings.render.ArticlePages#summary} reads no more). While it and the index are unchanged, an edit
     * of the article changes only its own page.
     */
    public String summary(ArticleEntry e) {
        return digest(e, 1);
    }

    private static String take(ArticleEntry e, int kind) {
        if (kind == 0) return Digests.of("entry", e);
        var m = e.article().meta();
        return Digests.of("summary", e.path(), m.title(), m.date(), m.source(), m.description());
    }

    /** Digest {@code kind} of the entry: read at its place in the index's digests, else taken now. */
    private String digest(ArticleEntry e, int kind) {
        Places p = places;
        Integer at = p == null ? null : p.at().get(e);
        if (at != null) return inOrder(p.entries(), kind).get(at);
        String[] taken = others.computeIfAbsent(e.article().id(), id -> new String[2]);
        String d = taken[kind];
        if (d == null) {
            d = take(e, kind);
            // A race between two threads can only take the same digest twice.
            taken[kind] = d;
        }
        return d;
    }

    /** The digest of a list of entries, in order, each named by its own digest (taken in parallel). */
    public String ofAll(String label, List<ArticleEntry> entries) {
        return Digests.of(label, ofEach(entries));
    }

    /**
     * Each entry's {@link #of digest}, in the list's order: taken once for the list and then read by position.
     * Each stage that went through the index looking every article's digest up by id paid a few cache misses per
     * article, 27 ms of CPU in every edit in serve at 10,000 articles (#7).
     */
    public List<String> ofEach(List<ArticleEntry> entries) {
        return inOrder(entries, 0);
    }

    /** Each entry's {@link #summary}, in the list's order; taken once for the list, as {@link #ofEach}. */
    public List<String> summaryOfEach(List<ArticleEntry> entries) {
        return inOrder(entries, 1);
    }

    private List<String> inOrder(List<ArticleEntry> entries, int kind) {
        Memo memo = inOrder[kind];
        if (memo == null || memo.entries() != entries) {
            memo = new Memo(entries, carried(entries, kind));
            inOrder[kind] = memo;
            if (places == null) placeEntries(entries);
            if (ProcessMemory.keeps(entries.size())) {
                if (kind == 0) lastEntries = memo;
                else lastSummaries = memo;
            }
        }
        return memo.digests();
    }

    private synchronized void placeEntries(List<ArticleEntry> entries) {
        if (places != null) return;
        Map<ArticleEntry, Integer> at = new IdentityHashMap<>(entries.size() * 4 / 3 + 1);
        for (int i = 0; i < entries.size(); i++) at.putIfAbsent(entries.get(i), i);
        places = new Places(entries, at);
    }

    /**
     * The entries' digests of one kind: the last build's for an entry at its last place or near it (an article
     * that came or went moves the ones after it by one), or found by id when more moved; the rest taken now.
     */
    private List<String> carried(List<ArticleEntry> entries, int kind) {
        Memo last = known[kind];
        String[] out = new String[entries.size()];
        List<Integer> missing = new ArrayList<>();
        Map<String, Integer> lastById = null;
        int shift = 0;
        for (int i = 0; i < out.length; i++) {
            ArticleEntry e = entries.get(i);
            if (last != null) {
                int j = lastPlace(last.entries(), e, i + shift);
                if (j < 0) {
                    if (lastById == null) lastById = byId(last.entries());
                    j = lastById.getOrDefault(e.article().id(), -1);
                }
                if (j >= 0) {
                    shift = j - i;
                    ArticleEntry l = last.entries().get(j);
                    // An equal entry that is another object (its article decoded again) still saves the hashing.
                    if (l == e || l.equals(e)) {
                        out[i] = last.digests().get(j);
                        continue;
                    }
                }
            }
            missing.add(i);
        }
        // A cold build takes every digest: on every core.
        (missing.size() > 64 ? missing.parallelStream() : missing.stream())
                .forEach(i -> out[i] = take(entries.get(i), kind));
        return List.of(out);
    }

    /** Where near {@code guess} the last list had the entry (by identity, else its article by id), or -1. */
    private static int lastPlace(List<ArticleEntry> last, ArticleEntry e, int guess) {
        if (at(last, guess) == e) return guess;
        if (at(last, guess + 1) == e) return guess + 1;
        if (at(last, guess - 1) == e) return guess - 1;
        ArticleEntry there = at(last, guess);
        return there != null && there.article().id().equals(e.article().id()) ? guess : -1;
    }

    private static ArticleEntry at(List<ArticleEntry> list, int i) {
        return i >= 0 && i < list.size() ? list.get(i) : null;
    }

    private static Map<String, Integer> byId(List<ArticleEntry> entries) {
        Map<String, Integer> byId = new HashMap<>(entries.size() * 4 / 3 + 1);
        for (int i = 0; i < entries.size(); i++) byId.putIfAbsent(entries.get(i).article().id(), i);
        return byId;
    }
}
