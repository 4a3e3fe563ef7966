package clippings.build;

import clippings.clean.ArticleCleaner;
import clippings.clean.HtmlSanitiser;
import clippings.clean.PlainText;
import clippings.markdown.MarkdownReader;
import clippings.markdown.MarkdownRenderer;
import clippings.markdown.MarkdownWriter;
import clippings.model.Article;
import clippings.model.InputFormat;
import clippings.model.MarkdownArticle;
import clippings.model.RawArticle;
import clippings.model.SiteConfig;
import clippings.model.Tag;
import clippings.model.TagOrigin;
import clippings.model.ArticleTags;
import clippings.model.TagMerge;
import clippings.taxonomy.EntityTagger;
import clippings.taxonomy.TagMerger;
import clippings.taxonomy.Permalinks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final EntityTagger tagger;
    private final TagMerger merger;

    /**
     * One article through the stages: the article, its plain text for search and tagging, and the spellings
     * the tagger merged inside it (for the build report).
     */
    public record Processed(Article article, String text, List<TagMerge> merges) {
    }

    public ArticleProcessor(SiteConfig config) {
        this.sanitiser = new HtmlSanitiser();
        this.cleaner = new ArticleCleaner(config.clean(), sanitiser);
        this.writer = new MarkdownWriter();
        this.reader = new MarkdownReader();
        this.renderer = new MarkdownRenderer();
        this.tagger = new EntityTagger(config.tags());
        this.merger = new TagMerger(config.tags());
    }

    /**
     * @throws clippings.model.InputException when the input holds no usable article
     */
    public Processed process(RawArticle raw) {
        MarkdownArticle md = withSafeLinks(raw.format() == InputFormat.MARKDOWN
                ? reader.read(raw)
                : writer.write(cleaner.clean(raw)));
        String body = sanitiser.sanitise(renderer.render(md.markdown()), md.meta().url().orElse(""));
        String text = PlainText.of(body);
        List<TagMerge> merges = new ArrayList<>();
        List<Tag> tags = tags(md, text, merges);
        String id = md.id().orElseGet(() -> Permalinks.id(md.meta().url(), raw.origin()));
        Article article = new Article(id, raw.origin(), raw.sha256(), md.meta(), tags, md.markdown(), body);
        return new Processed(article, text, merges);
    }

    /** Drops a canonical or image URL that is not plain http(s): it would become a link on the page. */
    private static MarkdownArticle withSafeLinks(MarkdownArticle md) {
        var meta = md.meta().withLinks(md.meta().url().flatMap(HtmlSanitiser::safeUrl),
                md.meta().image().flatMap(HtmlSanitiser::safeUrl));
        return new MarkdownArticle(md.origin(), meta, md.tags(), md.id(), md.markdown());
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
        for (Tag t : md.tags()) byKey.putIfAbsent(merger.key(t.name()), t);
        boolean chosenByPerson = md.tags().stream().anyMatch(t -> t.origin() == TagOrigin.FRONT_MATTER);
        if (!chosenByPerson) {
            ArticleTags auto = tagger.tagWithMerges(md.meta().title(), text);
            for (Tag t : auto.tags()) byKey.putIfAbsent(merger.key(t.name()), t);
            merges.addAll(auto.merges());
        }
        return new ArrayList<>(byKey.values());
    }
}
