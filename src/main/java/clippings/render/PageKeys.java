package clippings.render;

import clippings.cache.EntryDigests;
import clippings.model.ArticleEntry;

/**
 * Digests of what pages are made from, taken once per article and build. A page is named by the digest of its
 * inputs (its key) rather than of its model, so an incremental build neither models nor renders a page whose
 * inputs are the last build's (#7): after one edit at 10,000 articles, building and digesting the models of
 * every page took longer than rendering the few that changed.
 * <p>Thread-safe; one instance per render of an index, in which each article id names one entry.
 */
final class PageKeys {
    private final EntryDigests entries;

    PageKeys(EntryDigests entries) {
        this.entries = entries;
    }

    /** Everything about an article: its metadata, tags, body (by digest) and path. */
    String entry(ArticleEntry e) {
        return entries.of(e);
    }

    /** What a listing or a neighbour link shows of an article: {@link ArticlePages#summary} reads no more. */
    String summary(ArticleEntry e) {
        return entries.summary(e);
    }
}
