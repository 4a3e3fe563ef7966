package clippings.render;

import clippings.cache.Digests;
import clippings.model.ArchiveIndex;
import clippings.model.Article;
import clippings.model.ArticleDate;
import clippings.model.ArticleEntry;
import clippings.model.OutputFile;
import clippings.model.SiteConfig;
import clippings.model.SiteIndex;
import clippings.model.SourceEntry;
import clippings.model.TagKind;
import clippings.model.TagRef;
import clippings.render.view.ArticleSummaryView;
import clippings.render.view.ArticleView;
import clippings.render.view.HeadView;
import clippings.render.view.TagGroupView;
import clippings.render.view.TagLinkView;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders article pages: the article with its provenance, its neighbours in time, related articles, and the
 * head that crawlers read (canonical URL, Open Graph, {@code NewsArticle} JSON-LD) (#5).
 * <p>Thread-safe once built: pages may be rendered in parallel.
 */
final class ArticlePages {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final PageEngine pages;
    private final PageKeys keys;
    private final SiteConfig config;
    private final RelatedArticles related;
    private final Map<String, SourceEntry> sourceOf = new HashMap<>();
    /** Dated articles in site order (newest first): neighbours in time. */
    private final List<ArticleEntry> dated;
    private final Map<String, Integer> datedPosition = new HashMap<>();

    ArticlePages(PageEngine pages, PageKeys keys, SiteConfig config, SiteIndex index, ArchiveIndex archive) {
        this.pages = pages;
        this.keys = keys;
        this.config = config;
        this.related = new RelatedArticles(index);
        for (SourceEntry s : archive.sources()) for (String id : s.articleIds()) sourceOf.put(id, s);
        this.dated = dated(index);
        for (int i = 0; i < dated.size(); i++) datedPosition.put(dated.get(i).article().id(), i);
    }

    private static List<ArticleEntry> dated(SiteIndex index) {
        // A loop: a stream over 10,000 articles, twice a build, showed in serve's edits under C1 (#7).
        List<ArticleEntry> dated = new ArrayList<>(index.articles().size());
        for (ArticleEntry e : index.articles()) if (e.article().meta().date().isPresent()) dated.add(e);
        return Collections.unmodifiableList(dated);
    }

    /** See {@link SiteRenderer#neighbourPages}. */
    static Set<String> neighbourPages(SiteIndex index, Collection<ArticleEntry> articles) {
        Set<String> ids = new HashSet<>();
        for (ArticleEntry e : articles) ids.add(e.article().id());
        List<ArticleEntry> dated = dated(index);
        Set<String> pages = new HashSet<>();
        for (int i = 0; i < dated.size(); i++) {
            if (!ids.contains(dated.get(i).article().id())) continue;
            if (i > 0) pages.add(dated.get(i - 1).path());
            if (i + 1 < dated.size()) pages.add(dated.get(i + 1).path());
        }
        return pages;
    }

    /** The path of the original capture published beside an article's page. */
    static String capturePath(ArticleEntry e) {
        return e.path().substring(0, e.path().length() - ".html".length()) + ".source.txt";
    }

    /**
     * The page of an article. Its key names all the page reads: the article, its source's page, and what it
     * shows of its neighbours in time and of its related articles.
     */
    OutputFile render(ArticleEntry e) {
        Article a = e.article();
        Optional<SourceEntry> source = Optional.ofNullable(sourceOf.get(a.id()));
        Integer at = datedPosition.get(a.id());
        Optional<ArticleEntry> older = at != null && at + 1 < dated.size() ? Optional.of(dated.get(at + 1)) : Optional.empty();
        Optional<ArticleEntry> newer = at != null && at > 0 ? Optional.of(dated.get(at - 1)) : Optional.empty();
        List<ArticleEntry> rel = related.of(e);
        List<ArticleEntry> shown = new java.util.ArrayList<>(rel.size() + 2);
        older.ifPresent(shown::add);
        newer.ifPresent(shown::add);
        shown.addAll(rel);
        // The neighbours' summaries first (the older, then the newer, where there are), then the related ones'.
        String key = Digests.of(keys.entry(e), source.map(SourceEntry::slug).orElse(""), older.isPresent(),
                newer.isPresent(), keys.summaries(e.path(), shown));
        return pages.page("article", e.path(), key, () -> view(e, source, older, newer, rel), () -> head(e));
    }

    private ArticleView view(ArticleEntry e, Optional<SourceEntry> source, Optional<ArticleEntry> older,
                             Optional<ArticleEntry> newer, List<ArticleEntry> related) {
        Article a = e.article();
        var m = a.meta();
        String path = e.path();
        Optional<String> sourceHref = source.map(s -> RelativeLinks.href(path, "sources/" + s.slug() + ".html"));
        Optional<String> image = m.image().filter(ArticlePages::isWebUrl);
        return new ArticleView(m.title(), m.description(), m.source(), sourceHref, m.url(),
                m.date().map(d -> d.iso()), m.date().map(d -> d.day().format(DAY)), m.authors(),
                tagGroups(path, e.tags()), image, image.flatMap(i -> m.imageCaption()), a.body(),
                linkIf(config.publish().markdown(), path, e.markdownPath()), a.sha256(),
                linkIf(config.publish().captures(), path, capturePath(e)),
                m.captured().map(ArticleDate::iso), m.captured().map(ArticlePages::timeText),
                older.map(o -> summary(path, o)), newer.map(o -> summary(path, o)),
                related.stream().map(r -> summary(path, r)).toList());
    }

    /** A link to a file published beside the page, or none when {@code clippings.yml} leaves it out. */
    private static Optional<String> linkIf(boolean published, String from, String to) {
        return published ? Optional.of(RelativeLinks.href(from, to)) : Optional.empty();
    }

    /** A day, with the time and its offset when known: {@code 21 November 2019, 09:15 UTC}. */
    static String timeText(ArticleDate d) {
        String day = d.day().format(DAY);
        if (d.zoned().isPresent()) {
            var z = d.zoned().get();
            String offset = z.getOffset().getTotalSeconds() == 0 ? "UTC" : "UTC" + z.getOffset().getId();
            return day + ", " + z.format(CLOCK) + " " + offset;
        }
        return d.localTime().map(t -> day + ", " + t.format(CLOCK)).orElse(day);
    }

    static ArticleSummaryView summary(String from, ArticleEntry e) {
        var m = e.article().meta();
        return new ArticleSummaryView(m.title(), RelativeLinks.href(from, e.path()), m.date().map(d -> d.iso()),
                m.date().map(d -> d.day().format(DAY)), m.source(), m.description());
    }

    static List<TagGroupView> tagGroups(String from, List<TagRef> tags) {
        Map<TagKind, List<TagLinkView>> byKind = new EnumMap<>(TagKind.class);
        for (TagRef t : tags) {
            byKind.computeIfAbsent(t.kind(), k -> new ArrayList<>())
                    .add(new TagLinkView(t.name(), t.kind().id(), RelativeLinks.href(from, "tags/" + t.slug() + ".html"), 0));
        }
        List<TagGroupView> groups = new ArrayList<>();
        byKind.forEach((k, links) -> groups.add(new TagGroupView(k.plural(), k.id(), links)));
        return groups;
    }

    private HeadView head(ArticleEntry e) {
        var m = e.article().meta();
        Optional<String> canonical = pages.absolute(e.path());
        Optional<String> image = m.image().filter(ArticlePages::isWebUrl);
        return new HeadView(canonical, m.description().orElse(config.description()), "article",
                canonical.isPresent() ? image : Optional.empty(), Optional.of(jsonLd(e, canonical, image)),
                RelativeLinks.href(e.path(), "feed.xml"));
    }

    /**
     * {@code NewsArticle} structured data. Gson escapes {@code <}, {@code >} and {@code &} as {@code \u003c}…,
     * so no text of the capture can close the {@code <script>} element; {@code </} is replaced as well in case
     * that default ever changes.
     */
    private String jsonLd(ArticleEntry e, Optional<String> canonical, Optional<String> image) {
        var m = e.article().meta();
        JsonObject o = new JsonObject();
        o.addProperty("@context", "https://schema.org");
        o.addProperty("@type", "NewsArticle");
        o.addProperty("headline", m.title());
        m.description().ifPresent(d -> o.addProperty("description", d));
        m.date().ifPresent(d -> o.addProperty("datePublished", d.iso()));
        if (!m.authors().isEmpty()) {
            JsonArray authors = new JsonArray();
            for (String name : m.authors()) {
                JsonObject p = new JsonObject();
                p.addProperty("@type", "Person");
                p.addProperty("name", name);
                authors.add(p);
            }
            o.add("author", authors);
        }
        m.source().ifPresent(s -> {
            JsonObject org = new JsonObject();
            org.addProperty("@type", "Organization");
            org.addProperty("name", s);
            o.add("publisher", org);
        });
        image.ifPresent(i -> o.addProperty("image", i));
        m.url().filter(ArticlePages::isWebUrl).ifPresent(u -> o.addProperty("isBasedOn", u));
        canonical.ifPresent(c -> {
            o.addProperty("url", c);
            o.addProperty("mainEntityOfPage", c);
        });
        m.language().ifPresent(l -> o.addProperty("inLanguage", l));
        if (!e.tags().isEmpty()) o.addProperty("keywords", String.join(", ", e.tags().stream().map(TagRef::name).toList()));
        String json = new GsonBuilder().create().toJson(o);
        return json.replace("</", "<\\/").replace("<!--", "<\\!--");
    }

    static boolean isWebUrl(String u) {
        String l = u.toLowerCase(Locale.ROOT);
        return l.startsWith("https://") || l.startsWith("http://");
    }
}
