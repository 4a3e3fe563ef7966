package clippings.clean;

import clippings.model.ArticleMeta;
import clippings.model.CleanArticle;
import clippings.model.Extraction;
import clippings.model.InputException;
import clippings.model.RawArticle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts the article from a saved HTML page: metadata first (from the whole page), then the main content,
 * found by scoring paragraphs once chrome is pruned, copied into structural HTML and sanitised.
 * <p>Immutable and thread-safe: each call works on its own parse of the page.
 */
final class HtmlArticleExtractor {
    /** Fewer characters than this in the body, and the page is not taken for an article. */
    private static final int MIN_ARTICLE_CHARS = 120;

    private final HtmlSanitiser sanitiser;
    private final ChromeLines chrome;
    private final SelectorRules selectors;

    HtmlArticleExtractor(HtmlSanitiser sanitiser, ChromeLines chrome, SelectorRules selectors) {
        this.sanitiser = sanitiser;
        this.chrome = chrome;
        this.selectors = selectors;
    }

    CleanArticle extract(RawArticle raw) {
        return extractWithNotes(raw).article();
    }


    /** The article and what was learnt about its metadata on the way. */
    Extraction extractWithNotes(RawArticle raw) {
        Document doc = Jsoup.parse(raw.text());
        // Dates after the capture are rejected; the capture is at the latest today (the clock is not injected
        // because only impossible future dates depend on it).
        PageMeta pm = MetadataReader.read(doc, LocalDate.now(ZoneOffset.UTC).plusDays(1));
        ArticleMeta meta = pm.meta();
        if (meta.title().isBlank()) {
            throw new InputException("no title: the page has no headline, h1 or <title>");
        }
        meta.url().ifPresent(doc::setBaseUri);
        Element body = doc.body();
        SourceIdentity source = SourceIdentity.of(meta.source(), meta.url());
        ChromeLines.Scope lines = chrome.forSource(source);
        SelectorRules.Scope css = selectors.forSource(source);
        Protection protection = Protection.of(body, css, lines);
        protection.removeChrome(body, css);
        ClassHints hints = new ClassHints();
        NoisePruner.prune(body, hints, protection);
        ContentLocator locator = new ContentLocator(body, hints);
        List<Element> roots = locator.locate();
        if (roots.isEmpty()) throw new InputException("no article text found in the page");
        roots = protection.withOutside(roots, body);
        BlockFilter filter = new BlockFilter(locator.stats(), hints, lines, meta.title(), protection);
        BodyWriter writer = new BodyWriter(filter, meta.url().isPresent());
        Document written = writer.write(roots);
        String text = written.body().text();
        if (TextStats.visibleLength(text) < MIN_ARTICLE_CHARS) {
            throw new InputException("no article text found in the page (an index page or a gallery?)");
        }
        meta = meta.withDescription(meta.description().map(d -> CutDescription.completed(d, text)));
        String html = sanitiser.sanitise(written);
        List<String> warnings = new ArrayList<>();
        if (writer.droppedRelative()) {
            warnings.add("relative links and images were left out: the page names no canonical URL");
        }
        CleanArticle article = new CleanArticle(raw.origin(), meta, pm.tags(), html, warnings);
        return new Extraction(article, pm.dateSource(), pm.modified());
    }
}
