package clippings.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    /** An "edit" that changed nothing once made the edit scenario time a build with nothing changed. */
    @Test
    void theEditScenarioReallyChangesTheArticle(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        for (java.nio.file.Path file : new CorpusGenerator(3).write(dir, 4)) {
            String capture = java.nio.file.Files.readString(file);
            String edited = BuildBenchmark.withAddedParagraph(capture);
            org.junit.jupiter.api.Assertions.assertNotEquals(capture, edited);
            org.junit.jupiter.api.Assertions.assertTrue(edited.contains("An added first paragraph"));
        }
    }
}
