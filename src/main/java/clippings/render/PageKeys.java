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
        return readers(shown);
    }

    /**
     * The pages of {@code previous} that {@code redone} leaves alone, as they read summaries then, with the pages
     * whose keys this render took, as they read them now: for a render that took only some pages' keys.
     */
    SummaryReaders readers(SummaryReaders previous, java.util.function.Predicate<String> redone) {
        Map<String, List<String>> byPage = new HashMap<>();
        previous.byArticle().forEach((id, indexes) -> {
            for (int i : indexes) {
                String page = previous.pages().get(i);
                if (!redone.test(page)) byPage.computeIfAbsent(page, k -> new ArrayList<>()).add(id);
            }
        });
        byPage.putAll(shown);
        return readers(byPage);
    }

    private static SummaryReaders readers(Map<String, List<String>> byPage) {
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
