package clippings.render;

import clippings.cache.EntryDigests;
import clippings.model.ArticleEntry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Digests of what pages are made from, taken once per article and build. A page is named by the digest of its
 * inputs (its key) rather than of its model, so an incremental build neither models nor renders a page whose
 * inputs are the last build's (#7): after one edit at 10,000 articles, building and digesting the models of
 * every page took longer than rendering the few that changed.
 * <p>Also notes which page shows which articles' summaries ({@link #readers}), so that a later build can tell
 * which pages an article's new summary changes without taking every page's key.
 * <p>Thread-safe; one instance per render of an index, in which each article id names one entry.
 */
final class PageKeys {
    private final EntryDigests entries;
    /** Page path → the ids of the articles whose summaries its key read; one entry per page, made once. */
    private final Map<String, List<String>> shown = new ConcurrentHashMap<>();

    PageKeys(EntryDigests entries) {
        this.entries = entries;
    }

    /** Everything about an article: its metadata, tags, body (by digest) and path. */
    String entry(ArticleEntry e) {
        return entries.of(e);
    }

    /**
     * What a listing or a neighbour link shows of each article ({@link ArticlePages#summary} reads no more),
     * for the key of the page at {@code page}, which shows these and no other summaries.
     */
    List<String> summaries(String page, List<ArticleEntry> shownThere) {
        List<String> ids = new ArrayList<>(shownThere.size());
        List<String> digests = new ArrayList<>(shownThere.size());
        for (ArticleEntry e : shownThere) {
            ids.add(e.article().id());
            digests.add(entries.summary(e));
        }
        if (!ids.isEmpty()) shown.put(page, ids);
        return digests;
    }

    /** The pages whose keys read each article's summary so far, in a stable order. */
    SummaryReaders readers() {
        return of(shown);
    }

    /**
     * The pages of {@code previous} that {@code redone} leaves alone, as they read summaries then, with the pages
     * whose keys this render took, as they read them now: for a render that took only some pages' keys.
     */
    SummaryReaders readers(SummaryReaders previous, java.util.function.Predicate<String> redone) {
        return update(previous, redone, shown);
    }

    /**
     * {@code previous} with the pages {@code redone} names (and those in {@code shown}) replaced by what
     * {@code shown} says they read now. Works on the page indexes: a page is tested once, where going through
     * every (article, page) pair tested each page once per summary it shows, some 300,000 times at 10,000
     * articles.
     */
    static SummaryReaders update(SummaryReaders previous, java.util.function.Predicate<String> redone,
                                 Map<String, List<String>> shown) {
        List<String> old = previous.pages();
        boolean[] read = new boolean[old.size()];
        for (int[] indexes : previous.byArticle().values()) for (int i : indexes) read[i] = true;
        List<String> mine = new ArrayList<>(shown.keySet());
        mine.sort(null);
        // Both lists are in order and share no page: merged, they are the new pages in order.
        int[] remap = new int[old.size()];
        int[] mineAt = new int[mine.size()];
        List<String> pages = new ArrayList<>(old.size() + mine.size());
        int m = 0;
        for (int i = 0; i < old.size(); i++) {
            String page = old.get(i);
            remap[i] = -1;
            if (!read[i] || shown.containsKey(page) || redone.test(page)) continue;
            for (; m < mine.size() && mine.get(m).compareTo(page) < 0; m++) mineAt[m] = add(pages, mine.get(m));
            remap[i] = add(pages, page);
        }
        for (; m < mine.size(); m++) mineAt[m] = add(pages, mine.get(m));

        Map<String, Ints> added = new HashMap<>();
        for (int k = 0; k < mine.size(); k++) {
            for (String id : shown.get(mine.get(k))) added.computeIfAbsent(id, x -> new Ints()).add(mineAt[k]);
        }
        // In id order, as the last map iterates (checked on the way): put in order into a hash map, not sorted
        // into a tree again, which was a quarter of this after a tag changed (#7).
        List<String> fresh = new ArrayList<>();
        for (String id : added.keySet()) if (!previous.byArticle().containsKey(id)) fresh.add(id);
        fresh.sort(null);
        Map<String, int[]> byArticle =
                new java.util.LinkedHashMap<>(previous.byArticle().size() * 4 / 3 + fresh.size() + 16);
        int f = 0;
        String last = null;
        boolean inOrder = true;
        for (Map.Entry<String, int[]> e : previous.byArticle().entrySet()) {
            String id = e.getKey();
            if (last != null && last.compareTo(id) >= 0) inOrder = false;
            last = id;
            for (; f < fresh.size() && fresh.get(f).compareTo(id) < 0; f++) {
                byArticle.put(fresh.get(f), added.get(fresh.get(f)).toArray());
            }
            Ints kept = new Ints();
            for (int i : e.getValue()) if (remap[i] >= 0) kept.add(remap[i]);
            Ints more = added.get(id);
            int[] merged = more == null ? kept.toArray() : merge(kept.toArray(), more.toArray());
            if (merged.length > 0) byArticle.put(id, merged);
        }
        for (; f < fresh.size(); f++) byArticle.put(fresh.get(f), added.get(fresh.get(f)).toArray());
        return new SummaryReaders(pages, inOrder ? byArticle : new TreeMap<>(byArticle));
    }

    private static int add(List<String> pages, String page) {
        pages.add(page);
        return pages.size() - 1;
    }

    /** Two ascending lists of page indexes with none in common, as one. */
    private static int[] merge(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0, j = 0, k = 0;
        while (i < a.length || j < b.length) out[k++] = j >= b.length || i < a.length && a[i] < b[j] ? a[i++] : b[j++];
        return out;
    }

    /** Which pages read which summaries, from each page's list of the articles whose summaries it read. */
    static SummaryReaders of(Map<String, List<String>> byPage) {
        // One sort of the pages, then each page's articles in page order: every article's indexes ascend.
        List<String> pages = new ArrayList<>(byPage.keySet());
        pages.sort(null);
        Map<String, Ints> byId = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            for (String id : byPage.get(pages.get(i))) byId.computeIfAbsent(id, k -> new Ints()).add(i);
        }
        Map<String, int[]> byArticle = new TreeMap<>();
        byId.forEach((id, ints) -> byArticle.put(id, ints.toArray()));
        return new SummaryReaders(pages, byArticle);
    }

    /** A growing list of ascending page indexes, each once. */
    private static final class Ints {
        private int[] values = new int[4];
        private int size;

        void add(int i) {
            if (size > 0 && values[size - 1] == i) return; // shown twice on one page
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = i;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
