package clippings.render;

import clippings.cache.EntryDigests;
import clippings.model.ArticleEntry;

import java.util.ArrayList;
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
        // One sort of the pages, then each page's articles in page order: every article's indexes ascend.
        List<String> pages = new ArrayList<>(shown.keySet());
        pages.sort(null);
        Map<String, int[]> counts = new HashMap<>();
        Map<String, int[]> lists = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            for (String id : shown.get(pages.get(i))) {
                int[] n = counts.computeIfAbsent(id, k -> new int[1]);
                int[] list = lists.computeIfAbsent(id, k -> new int[4]);
                if (n[0] > 0 && list[n[0] - 1] == i) continue; // shown twice on one page
                if (n[0] == list.length) {
                    list = java.util.Arrays.copyOf(list, list.length * 2);
                    lists.put(id, list);
                }
                list[n[0]++] = i;
            }
        }
        Map<String, int[]> byArticle = new TreeMap<>();
        lists.forEach((id, list) -> byArticle.put(id, java.util.Arrays.copyOf(list, counts.get(id)[0])));
        return new SummaryReaders(pages, byArticle);
    }
}
