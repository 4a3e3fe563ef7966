package clippings.build;

import clippings.cache.KeptDigests;
import clippings.clean.ArticleCleaner;
import clippings.clean.HtmlSanitiser;
import clippings.clean.PlainText;
import clippings.markdown.MarkdownReader;
import clippings.markdown.MarkdownRenderer;
import clippings.markdown.MarkdownWriter;
import clippings.model.Article;
import clippings.model.ArticleBody;
import clippings.model.BodyRef;
import clippings.model.InputFormat;
import clippings.model.MarkdownArticle;
import clippings.model.RawArticle;
import clippings.model.SiteConfig;
import clippings.model.Tag;
import clippings.model.TagOrigin;
import clippings.model.ArticleDate;
import clippings.model.ArticleTags;
import clippings.model.Extraction;
import clippings.model.TagMerge;
import clippings.taxonomy.EntityTagger;
import clippings.taxonomy.TagMerger;
import clippings.taxonomy.Permalinks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes one input through the per-article stages: clean (or read Markdown), convert to Markdown, render and
 * sanitise, tag. {@code build} and {@code extract} both use it, so what {@code extract} shows is what is
 * published.
 * <p>Immutable and thread-safe: the engines inside are built once and shared.
 */
public final class ArticleProcessor {
    private final ArticleCleaner cleaner;
    private final HtmlSanitiser sanitiser;
    private final MarkdownWriter writer;
    private final MarkdownReader reader;
    private final MarkdownRenderer renderer;
    /** Built on first use: its gazetteers take a while to load, and a build whose inputs are all cached needs none. */
    private volatile EntityTagger tagger;
    private final SiteConfig config;
    private final TagMerger merger;

    /**
     * One article through the stages: the article, its plain text for search and tagging, and the spellings
     * the tagger merged inside it (for the build report).
     */
    public record Processed(Article article, String text, List<TagMerge> merges, Optional<String> dateSource,
                            Optional<ArticleDate> modified) {
        /** The same, with other tags (after the archive-wide merge). */
        public Processed withTags(List<Tag> tags) {
            return new Processed(article.withTags(tags), text, merges, dateSource, modified);
        }
    }

    public ArticleProcessor(SiteConfig config) {
        this(config, new HtmlSanitiser(), null);
    }

    private ArticleProcessor(SiteConfig config, HtmlSanitiser sanitiser, ArticleCleaner learnt) {
        this.sanitiser = sanitiser;
        this.cleaner = learnt != null ? learnt : new ArticleCleaner(config.clean(), sanitiser);
        this.config = config;
        this.writer = new MarkdownWriter();
        this.reader = new MarkdownReader();
        this.renderer = new MarkdownRenderer();
        this.merger = new TagMerger(config.tags());
    }

    /**
     * A processor whose cleaner also knows each source's chrome, learnt from the archive's text scrapes: lines
     * that recur across many scrapes of one source.
     */
    public ArticleProcessor learnFrom(Iterable<RawArticle> corpus) {
        return new ArticleProcessor(config, sanitiser, cleaner.learnFrom(corpus));
    }

    /**
     * The key under which a build may cache what {@link #process} makes of an input: its path, format and bytes,
     * the capture time a sidecar file gives it (the file's own evidence is covered by its bytes), and what was
     * learnt about its source ({@code source} is empty for inputs that are not text scrapes). The configuration
     * is the cache's own concern.
     */
    public String cacheKey(String origin, InputFormat format, String sha256, Optional<ArticleDate> sidecarCapture,
                           Optional<String> source) {
        return CACHE_KEYS.of(origin, format, sha256, sidecarCapture, source.map(cleaner::learntFor).orElse(""));
    }

    /** Each input's cache key, asked for every input after every edit in serve and the daemon (#7). */
    private static final KeptDigests CACHE_KEYS = new KeptDigests();

    private EntityTagger tagger() {
        EntityTagger t = tagger;
        if (t == null) {
            synchronized (this) {
                if (tagger == null) tagger = new EntityTagger(config.tags());
                t = tagger;
            }
        }
        return t;
    }

    /** A processor whose cleaner knows each source's chrome, learnt from what each text scrape contributes. */
    public ArticleProcessor learnFromLines(Iterable<clippings.clean.ScrapeLines> corpus) {
        return new ArticleProcessor(config, sanitiser, cleaner.learnFromLines(corpus));
    }

    /**
     * @throws clippings.model.InputException when the input holds no usable article
     */
    public Processed process(RawArticle raw) {
        Optional<Extraction> extraction = raw.format() == InputFormat.MARKDOWN
                ? Optional.empty() : Optional.of(cleaner.extract(raw));
        MarkdownArticle md = withCaptureTime(withSafeLinks(extraction.isEmpty()
                ? reader.read(raw)
                : writer.write(extraction.get().article())), raw);
        String body = sanitiser.linkImages(sanitiser.sanitise(renderer.render(md.markdown()), md.meta().url().orElse("")));
        String text = PlainText.of(body);
        List<TagMerge> merges = new ArrayList<>();
        List<Tag> tags = tags(md, text, merges);
        String id = md.id().orElseGet(() -> Permalinks.id(md.meta().url(), raw.origin()));
        Article article = new Article(id, raw.origin(), raw.sha256(), md.meta(), tags,
                BodyRef.of(new ArticleBody(md.markdown(), body, text)), md.slug());
        return new Processed(article, text, merges, extraction.flatMap(Extraction::dateSource),
                extraction.flatMap(Extraction::modified));
    }

    /** Drops a canonical or image URL that is not plain http(s): it would become a link on the page. */
    private static MarkdownArticle withSafeLinks(MarkdownArticle md) {
        Optional<String> image = md.meta().image().flatMap(HtmlSanitiser::safeUrl);
        // A caption without its image would describe nothing on the page.
        var meta = md.meta().withLinks(md.meta().url().flatMap(HtmlSanitiser::safeUrl), image)
                .withImageCaption(image.isPresent() ? md.meta().imageCaption() : Optional.empty());
        return new MarkdownArticle(md.origin(), meta, md.tags(), md.id(), md.markdown(), md.slug());
    }

    /** A {@code captured:} key a person wrote wins; otherwise what the capture or its sidecar says, if anything. */
    private static MarkdownArticle withCaptureTime(MarkdownArticle md, RawArticle raw) {
        if (md.meta().captured().isPresent() || raw.captured().isEmpty()) return md;
        return new MarkdownArticle(md.origin(), md.meta().withCaptured(raw.captured()), md.tags(), md.id(),
                md.markdown(), md.slug());
    }

    /** The Markdown file published beside the article's page. */
    public String markdownDocument(Article article) {
        return writer.document(article);
    }

    /**
     * Front matter and publisher tags first; automatic tags only when a person has not chosen the tags, and
     * never a second spelling of a tag already there.
     */
    private List<Tag> tags(MarkdownArticle md, String text, List<TagMerge> merges) {
        Map<String, Tag> byKey = new LinkedHashMap<>();
        for (Tag t : md.tags()) {
            if (t.origin() == TagOrigin.PUBLISHER && isHeadline(t.name(), md.meta().title())) continue;
            byKey.putIfAbsent(merger.key(t.name()), t);
        }
        boolean chosenByPerson = md.tags().stream().anyMatch(t -> t.origin() == TagOrigin.FRONT_MATTER);
        if (!chosenByPerson) {
            ArticleTags auto = tagger().tagWithMerges(md.meta().title(), text);
            for (Tag t : auto.tags()) byKey.putIfAbsent(merger.key(t.name()), t);
            merges.addAll(auto.merges());
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * Publishers' keyword fields often hold the headline itself ("Why you can't trust … - CNNPolitics"): a
     * sentence, not a tag. Seven words or more, or the headline's own words, are dropped.
     */
    static boolean isHeadline(String tag, String title) {
        String t = tag.strip();
        if (t.split("\\s+").length >= 7) return true;
        String folded = t.toLowerCase(java.util.Locale.ROOT);
        String headline = title.toLowerCase(java.util.Locale.ROOT);
        return folded.length() > 20 && (headline.contains(folded) || folded.contains(headline));
    }
}
