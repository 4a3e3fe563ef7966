package clippings.clean;

import clippings.model.CleanArticle;
import clippings.model.CleanRules;
import clippings.model.Extraction;
import clippings.model.RawArticle;

/**
 * Reduces a scrape to its article: text scrapes lose their chrome lines, HTML captures are reduced to
 * their main content; both come out with metadata and a sanitised HTML body.
 * <p>Immutable: one instance serves the whole build and may be shared between threads.
 */
public final class ArticleCleaner {
    private final TextScrapeCleaner text;
    private final HtmlArticleExtractor html;

    public ArticleCleaner(CleanRules rules, HtmlSanitiser sanitiser) {
        ChromeLines chrome = new ChromeLines(rules);
        this.text = new TextScrapeCleaner(chrome);
        this.html = new HtmlArticleExtractor(sanitiser, chrome, new SelectorRules(rules));
    }

    private ArticleCleaner(TextScrapeCleaner text, HtmlArticleExtractor html) {
        this.text = text;
        this.html = html;
    }

    /**
     * Returns a cleaner that also knows the chrome of the sources in {@code corpus}: lines that recur across
     * many text scrapes of one source are dropped from that source's scrapes. This cleaner is not changed.
     */
    public ArticleCleaner learnFrom(Iterable<RawArticle> corpus) {
        return new ArticleCleaner(text.learnFrom(corpus), html);
    }

    /** Why a CSS selector of {@code clippings.yml} cannot be used, or empty when it can. */
    public static java.util.Optional<String> selectorProblem(String css) {
        return SelectorRules.problem(css);
    }

    /**
     * What the cleaner learnt from the corpus that applies to this input, as a digest (empty when nothing):
     * part of the key under which the build caches the input's cleaning.
     */
    public String learntFor(RawArticle raw) {
        return scrapeLines(raw).map(s -> text.learntFor(s.source())).orElse("");
    }

    /** The same, for a source key (see {@link ScrapeLines#source}). */
    public String learntFor(String source) {
        return text.learntFor(source);
    }

    /** What a text scrape contributes to learning its source's chrome; empty for other inputs. */
    public static java.util.Optional<ScrapeLines> scrapeLines(RawArticle raw) {
        return SourceChrome.linesOf(raw);
    }

    /** A cleaner that knows each source's chrome, learnt from what each text scrape contributes. */
    public ArticleCleaner learnFromLines(Iterable<ScrapeLines> corpus) {
        return new ArticleCleaner(text.learnFromLines(corpus), html);
    }

    /**
     * Returns the cleaned article; never null.
     *
     * @throws clippings.model.InputException when the input holds no article
     * @throws IllegalArgumentException       for Markdown input, which is not a scrape
     */
    public CleanArticle clean(RawArticle raw) {
        return extract(raw).article();
    }

    /**
     * Returns the cleaned article with the notes {@code clippings extract} shows (where the date came from,
     * the last-modified date); {@link #clean} is this without the notes.
     *
     * @throws clippings.model.InputException when the input holds no article
     * @throws IllegalArgumentException       for Markdown input, which is not a scrape
     */
    public Extraction extract(RawArticle raw) {
        return switch (raw.format()) {
            case TEXT -> text.extract(raw);
            case HTML -> html.extractWithNotes(raw);
            case MARKDOWN -> throw new IllegalArgumentException("Markdown is not cleaned: " + raw.origin());
        };
    }
}
