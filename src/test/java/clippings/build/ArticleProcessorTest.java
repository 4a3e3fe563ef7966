package clippings.build;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleProcessorTest {
    private final ArticleProcessor processor = new ArticleProcessor(clippings.model.SiteConfig.defaults());

    /** The capture time reaches the article from the capture; a captured: key a person wrote wins (#5). */
    @Test
    void theCaptureTimeComesFromTheCaptureUnlessFrontMatterGivesOne() {
        var when = java.util.Optional.of(clippings.model.ArticleDate.of(java.time.OffsetDateTime.parse("2019-11-21T09:15:23Z")));
        var scrape = new clippings.model.RawArticle("a.txt", clippings.model.InputFormat.TEXT,
                "Harbour closed by storm\n\nThe harbour was closed on Monday as the storm reached the coast.", "0", "UTF-8", when);
        var article = processor.process(scrape).article();
        assertEquals(when, article.meta().captured());
        assertTrue(processor.markdownDocument(article).contains("\ncaptured: 2019-11-21T09:15:23Z\n"));
        assertEquals("Harbour closed by storm", article.meta().title());

        var md = new clippings.model.RawArticle("a.md", clippings.model.InputFormat.MARKDOWN,
                "---\ntitle: T\ncaptured: 2018-01-02\n---\nBody.\n", "0", "UTF-8", when);
        assertEquals("2018-01-02", processor.process(md).article().meta().captured().orElseThrow().iso());
    }

    /** A text dump's own capture line is read by ingest and never becomes the headline. */
    @Test
    void aCaptureLineIsNotTheHeadline() {
        var scrape = new clippings.model.RawArticle("a.txt", clippings.model.InputFormat.TEXT,
                "Captured: 2019-11-21T09:15:23Z\n\nHarbour closed by storm\n\nThe harbour was closed on Monday.", "0", "UTF-8");
        assertEquals("Harbour closed by storm", processor.process(scrape).article().meta().title());
    }

    /** The CNN sample's keywords hold its headline; that is not a tag (#4). */
    @Test
    void publisherKeywordsThatAreTheHeadlineAreNotTags() {
        String title = "Why you just can't trust the White House on Donald Trump's health";
        assertTrue(ArticleProcessor.isHeadline("Why you can't trust the White House on Donald Trump's health - CNNPolitics", title));
        assertTrue(ArticleProcessor.isHeadline("trust the white house on donald trump's health", title));
        assertFalse(ArticleProcessor.isHeadline("politics", title));
        assertFalse(ArticleProcessor.isHeadline("Donald Trump", title));
        assertFalse(ArticleProcessor.isHeadline("Science & Technology", title));
    }
}
