package clippings.build;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleProcessorTest {
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
