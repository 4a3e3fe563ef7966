package clippings.bench;

import clippings.clean.ArticleCleaner;
import clippings.clean.HtmlSanitiser;
import clippings.model.CleanArticle;
import clippings.model.CleanRules;
import clippings.model.InputFormat;
import clippings.model.RawArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildBenchmarkTest {
    /** The benchmark sizes the site by kind of file, so what grows per article shows (#7). */
    @Test
    void sortsEveryFileOfTheSiteIntoAKind() {
        assertEquals("article pages", BuildBenchmark.kind("articles/2020/01/a-1f2e3d.html"));
        assertEquals("article Markdown", BuildBenchmark.kind("articles/undated/a-1f2e3d.md"));
        assertEquals("article captures", BuildBenchmark.kind("articles/2020/01/a-1f2e3d.source.txt"));
        assertEquals("feeds", BuildBenchmark.kind("tags/moscow.xml"));
        assertEquals("feeds", BuildBenchmark.kind("sources/harbour-times.xml"));
        assertEquals("feeds", BuildBenchmark.kind("feed.xml"));
        assertEquals("tag pages", BuildBenchmark.kind("tags/moscow/page/2.html"));
        assertEquals("tag pages", BuildBenchmark.kind("tags/place/m.html"));
        assertEquals("listings (home, archive, sources)", BuildBenchmark.kind("archive/2020/01.html"));
        assertEquals("listings (home, archive, sources)", BuildBenchmark.kind("page/3.html"));
        assertEquals("search index", BuildBenchmark.kind("search/t/mo.js"));
        assertEquals("articles.json, .csv", BuildBenchmark.kind("articles.csv"));
        assertEquals("other", BuildBenchmark.kind("assets/style.css"));
    }

    /**
     * The edit scenario changes the article's body and nothing other pages show of it. An "edit" that changed
     * nothing once made it time a build with nothing changed; one that put its paragraph among the chrome lines
     * of a text scrape changed the headline, and with it a third of the site.
     */
    @Test
    void theEditScenarioChangesTheBodyOnly(@TempDir Path dir) throws IOException {
        ArticleCleaner cleaner = new ArticleCleaner(CleanRules.defaults(), new HtmlSanitiser());
        for (Path file : new CorpusGenerator(3).write(dir, 6)) {
            String capture = Files.readString(file);
            CleanArticle before = cleaner.clean(raw(file, capture));
            CleanArticle after = cleaner.clean(raw(file, BuildBenchmark.withAddedParagraph(capture)));
            assertEquals(before.meta(), after.meta(), file.toString());
            assertEquals(before.tags(), after.tags(), file.toString());
            assertTrue(after.bodyHtml().startsWith("<p>An added first paragraph"), file + "\n" + after.bodyHtml());
            String rest = after.bodyHtml().substring(after.bodyHtml().indexOf("</p>") + 4);
            assertEquals(before.bodyHtml().strip(), rest.strip(), file.toString());
        }
    }

    @Test
    void theTitleScenarioChangesTheHeadline(@TempDir Path dir) throws IOException {
        ArticleCleaner cleaner = new ArticleCleaner(CleanRules.defaults(), new HtmlSanitiser());
        Path html = new CorpusGenerator(3).write(dir, 6).stream().filter(f -> f.toString().endsWith(".html"))
                .findFirst().orElseThrow();
        String capture = Files.readString(html);
        CleanArticle before = cleaner.clean(raw(html, capture));
        CleanArticle after = cleaner.clean(raw(html, BuildBenchmark.withNewTitle(capture)));
        assertEquals(before.meta().title() + " as talks resume", after.meta().title());
        assertEquals(before.bodyHtml(), after.bodyHtml());
    }

    private static RawArticle raw(Path file, String text) {
        InputFormat format = file.toString().endsWith(".html") ? InputFormat.HTML : InputFormat.TEXT;
        return new RawArticle(file.getFileName().toString(), format, text, "-", "UTF-8");
    }
}
