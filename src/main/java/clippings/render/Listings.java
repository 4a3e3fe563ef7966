package clippings.render;

import clippings.cache.Digests;
import clippings.model.ArticleEntry;
import clippings.model.OutputFile;
import clippings.model.TagEntry;
import clippings.render.view.ArticleSummaryView;
import clippings.render.view.HeadView;
import clippings.render.view.ListPageView;
import clippings.render.view.PaginationView;
import clippings.render.view.TagLinkView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Renders a paginated listing of articles (home, tag, year, month, undated and source pages), {@code pageSize}
 * articles a page.
 * <p>Thread-safe; a listing's pages go to the sink from several threads.
 */
final class Listings {
    private final PageEngine pages;
    private final PageKeys keys;
    private final int pageSize;
    private final Predicate<String> wanted;

    /** @param wanted the pages to produce, by path; the others are left out before their keys are taken */
    Listings(PageEngine pages, PageKeys keys, int pageSize, Predicate<String> wanted) {
        this.pages = pages;
        this.keys = keys;
        this.pageSize = pageSize;
        this.wanted = wanted;
    }

    /**
     * The articles of {@code ids}, looked up in {@code byId} only when read: a partial render wants few of the
     * thousands of listings, and only its wanted pages' articles are looked up (#7).
     */
    static List<ArticleEntry> lookedUp(List<String> ids, Map<String, ArticleEntry> byId) {
        return new java.util.AbstractList<>() {
            @Override
            public ArticleEntry get(int i) {
                return byId.get(ids.get(i));
            }

            @Override
            public int size() {
                return ids.size();
            }
        };
    }

    /**
     * @param pagePath site path of page {@code n} (1-based)
     * @param feed     the site path of the listing's own feed, if it has one
     */
    void render(String template, String heading, Optional<String> kind, List<ArticleEntry> entries,
                IntFunction<String> pagePath, Optional<String> feed, Consumer<OutputFile> sink) {
        render(template, heading, kind, entries, pagePath, feed, List.of(), sink);
    }

    /** @param related tags to link to from every page of the listing (a tag page's related tags) */
    void render(String template, String heading, Optional<String> kind, List<ArticleEntry> entries,
                IntFunction<String> pagePath, Optional<String> feed, List<TagEntry> related, Consumer<OutputFile> sink) {
        int total = Paginator.pageCount(entries.size(), pageSize);
        java.util.stream.IntStream.rangeClosed(1, total).parallel().forEach(n -> {
            String path = pagePath.apply(n);
            if (!wanted.test(path)) return;
            List<ArticleEntry> shown = entries.subList((n - 1) * pageSize, Math.min(entries.size(), n * pageSize));
            // Related tags go on the first page only and without their counts: a count on every page of every
            // listing made one edited article rewrite nearly all tag pages (#7). A tag's count is on its own page.
            List<TagLinkView> links = new ArrayList<>();
            if (n == 1) {
                for (TagEntry t : related) {
                    links.add(new TagLinkView(t.name(), t.kind().id(), RelativeLinks.href(path, "tags/" + t.slug() + ".html"), 0));
                }
            }
            PaginationView bar = Paginator.bar(n, total, pagePath);
            String key = Digests.of(heading, kind, entries.size(), bar, links, feed,
                    keys.summaries(path, shown));
            sink.accept(pages.page(template, path, key, () -> {
                List<ArticleSummaryView> items = new ArrayList<>();
                for (ArticleEntry e : shown) items.add(ArticlePages.summary(path, e));
                return new ListPageView(heading, kind, entries.size(), items, bar, links);
            }, () -> {
                HeadView head = pages.head(path);
                return feed.map(f -> new HeadView(head.canonical(), head.description(), head.ogType(), head.image(),
                        head.jsonLd(), RelativeLinks.href(path, f))).orElse(head);
            }));
        });
    }
}
