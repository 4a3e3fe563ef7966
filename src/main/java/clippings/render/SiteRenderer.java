package clippings.render;

import clippings.cache.EntryDigests;
import clippings.model.ArchiveIndex;
import clippings.model.ArticleEntry;
import clippings.model.OutputFile;
import clippings.model.SiteConfig;
import clippings.model.SiteIndex;
import clippings.model.TagEntry;
import clippings.model.TagKind;
import clippings.render.view.HeadView;
import clippings.render.view.TagGroupView;
import clippings.render.view.TagIndexView;
import clippings.render.view.TagLinkView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Renders every page of the site through the theme's templates: article pages, the home index, tag pages,
 * the tag index, the date archive, source pages, the search page and the 404 page, plus the theme's static
 * assets.
 * <p>Thread-safe: one Thymeleaf engine is built per build and shared; each page gets its own context.
 */
public final class SiteRenderer {
    private final Theme theme;
    private final SiteConfig config;
    private final PageEngine pages;

    public SiteRenderer(Theme theme, SiteConfig config) {
        this.theme = theme;
        this.config = config;
        this.pages = new PageEngine(theme, config);
    }

    /** The path of the original capture published beside an article's page ({@code <slug>.source.txt}). */
    public static String capturePath(ArticleEntry e) {
        return ArticlePages.capturePath(e);
    }

    /** Renders the whole site into {@code sink}, which must accept files from several threads. */
    public void render(SiteIndex index, ArchiveIndex archive, Consumer<OutputFile> sink) {
        render(index, archive, new EntryDigests(), sink);
    }

    /**
     * @param digests the build's digests of the index's articles
     * @return which pages read which article's summary
     */
    public SummaryReaders render(SiteIndex index, ArchiveIndex archive, EntryDigests digests, Consumer<OutputFile> sink) {
        PageKeys keys = new PageKeys(digests);
        render(index, archive, keys, path -> true, sink);
        return keys.readers();
    }

    /**
     * Renders only the pages in {@code wanted}, as {@link #render} would: the others are left out before their
     * keys are taken. For an index, theme and configuration that made the last site, the pages of the changed
     * articles and those that read their summaries ({@link SummaryReaders}) are the only ones that change.
     */
    public void renderOnly(SiteIndex index, ArchiveIndex archive, EntryDigests digests, Set<String> wanted,
                           Consumer<OutputFile> sink) {
        render(index, archive, new PageKeys(digests), wanted::contains, sink);
    }

    /**
     * Takes the keys of the pages in {@code wanted} and renders those whose key changed, as {@link #render} would;
     * the others are left out before their keys are taken. Returns which pages read which summary: the
     * {@code previous} readers for the pages left out, the ones found now for the others.
     */
    public SummaryReaders renderAgain(SiteIndex index, ArchiveIndex archive, EntryDigests digests,
                                      Predicate<String> wanted, SummaryReaders previous, Consumer<OutputFile> sink) {
        PageKeys keys = new PageKeys(digests);
        render(index, archive, keys, wanted, sink);
        return keys.readers(previous, wanted);
    }

    private void render(SiteIndex index, ArchiveIndex archive, PageKeys keys, Predicate<String> wanted,
                        Consumer<OutputFile> all) {
        Consumer<OutputFile> sink = f -> {
            if (wanted.test(f.path())) all.accept(f);
        };
        // Assets and the pages below read no summary: in a partial render they are never wanted, and are not
        // modelled only to be left out.
        theme.assets().forEach(sink);
        Map<String, ArticleEntry> byId = new HashMap<>();
        for (ArticleEntry e : index.articles()) byId.put(e.article().id(), e);
        Listings listings = new Listings(pages, keys, config.pageSize(), wanted);
        ArticlePages articles = new ArticlePages(pages, keys, config, index, archive);
        index.articles().parallelStream().filter(e -> wanted.test(e.path())).forEach(e -> sink.accept(articles.render(e)));
        listings.render("index", "Latest articles", Optional.empty(), index.articles(),
                n -> n == 1 ? "index.html" : "page/" + n + ".html", Optional.empty(), sink);
        // Related tags go on a tag's first page only; a partial render that wants none does not rank them.
        Once<RelatedTags> related = new Once<>(() -> new RelatedTags(index));
        index.tags().parallelStream().forEach(tag -> {
            String first = "tags/" + tag.slug() + ".html";
            IntFunction<String> pagePath = n -> n == 1 ? first : "tags/" + tag.slug() + "/page/" + n + ".html";
            listings.render("tag", tag.name(), Optional.of(tag.kind().id()),
                    Listings.lookedUp(tag.articleIds(), byId), pagePath,
                    Optional.of("tags/" + tag.slug() + ".xml"),
                    wanted.test(first) ? related.get().of(tag.slug()) : List.of(), sink);
        });
        new TagIndexPages(pages).render(index, wanted, sink);
        new ArchivePages(pages, listings).render(index, archive, byId, wanted, sink);
        if (wanted.test("search.html")) sink.accept(pages.page("search", "search.html", index.articles().size()));
        if (wanted.test("404.html")) sink.accept(notFound());
    }

    /**
     * GitHub Pages serves {@code 404.html} for a missing path at any depth, so relative links would point
     * nowhere: with a base URL every link is absolute; without one the page's inline script finds the root
     * (#5).
     */
    private OutputFile notFound() {
        String root = config.baseUrl().orElse("");
        HeadView head = new HeadView(Optional.empty(), config.description(), "website", Optional.empty(),
                Optional.empty(), root + "feed.xml");
        return pages.page("404", "404.html", config.baseUrl().isPresent(), head, root);
    }

    /**
     * Whether an article page can read a tag on {@code articles} articles: its related articles leave out tags
     * on too many articles, and nothing else on the page reads a tag's articles.
     */
    public static boolean articlePagesRead(int articles) {
        return RelatedArticles.counts(articles);
    }

    /**
     * Whether article pages can rank related articles alike in archives of {@code before} and {@code now}
     * articles, whose tags' sizes are alike: the weights depend on the archive's size only through its scale.
     */
    public static boolean relatedAlike(int before, int now) {
        return RelatedArticles.scale(before) == RelatedArticles.scale(now);
    }

    /** The pages of the articles next in time to each of {@code articles}, as their article pages show them. */
    public static Set<String> neighbourPages(SiteIndex index, Collection<ArticleEntry> articles) {
        return ArticlePages.neighbourPages(index, articles);
    }

    /** A value made on first use, once, whichever thread asks first. */
    private static final class Once<T> {
        private final java.util.function.Supplier<T> make;
        private volatile T value;

        Once(java.util.function.Supplier<T> make) {
            this.make = make;
        }

        T get() {
            T v = value;
            if (v != null) return v;
            synchronized (this) {
                if (value == null) value = make.get();
                return value;
            }
        }
    }
}
