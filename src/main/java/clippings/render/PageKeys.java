package clippings.render;

import clippings.cache.EntryDigests;
import clippings.model.ArticleEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Digests of what pages are made from, taken once per article and build. A page is named by the digest of its
 * inputs (its key) rather than of its model, so an incremental build neither models nor renders a page whose
 * inputs are the last build's (#7): after one edit at 10,000 articles, building and digesting the models of
 * every page took longer than rendering the few that changed.
 * <p>Also notes which page read which article's summary ({@link #readers}), so that a later build can tell
 * which pages an article's new summary changes without taking every page's key.
 * <p>Thread-safe; one instance per render of an index, in which each article id names one entry.
 */
final class PageKeys {
    private final EntryDigests entries;
    private final Map<String, Set<String>> readers = new ConcurrentHashMap<>();

    PageKeys(EntryDigests entries) {
        this.entries = entries;
    }

    /** Everything about an article: its metadata, tags, body (by digest) and path. */
    String entry(ArticleEntry e) {
        return entries.of(e);
    }

    /**
     * What a listing or a neighbour link shows of an article ({@link ArticlePages#summary} reads no more), for
     * the key of the page at {@code page}.
     */
    String summary(ArticleEntry e, String page) {
        readers.computeIfAbsent(e.article().id(), id -> ConcurrentHashMap.newKeySet()).add(page);
        return entries.summary(e);
    }

    /** The pages whose keys read each article's summary so far, in a stable order. */
    SummaryReaders readers() {
        TreeSet<String> all = new TreeSet<>();
        readers.values().forEach(all::addAll);
        List<String> pages = new ArrayList<>(all);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) index.put(pages.get(i), i);
        Map<String, int[]> byArticle = new TreeMap<>();
        readers.forEach((id, read) -> byArticle.put(id,
                read.stream().mapToInt(index::get).sorted().toArray()));
        return new SummaryReaders(pages, byArticle);
    }
}
