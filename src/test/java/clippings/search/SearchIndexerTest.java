package clippings.search;

import clippings.model.ArchiveIndex;
import clippings.model.Article;
import clippings.model.ArticleDate;
import clippings.model.ArticleEntry;
import clippings.model.ArticleMeta;
import clippings.model.MonthEntry;
import clippings.model.OutputFile;
import clippings.model.SiteIndex;
import clippings.model.SourceEntry;
import clippings.model.TagEntry;
import clippings.model.TagKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchIndexerTest {
    private static ArticleEntry entry(String id, int year) {
        ArticleMeta meta = new ArticleMeta("Story " + id, Optional.empty(), List.of(),
                Optional.of(ArticleDate.of(LocalDate.of(year, 3, 1))), Optional.of("Example News"), Optional.empty(),
                Optional.empty(), Optional.of("en"));
        Article a = new Article(id, id + ".txt", "ab".repeat(32), meta, List.of(), "Story " + id,
                "<p>The harbour story " + id + ".</p>");
        return new ArticleEntry(a, "articles/" + id + ".html", List.of());
    }

    /**
     * A filter lists the numbers of its documents, ascending, each as the difference from the one before:
     * documents are numbered oldest first (the index lists articles newest first), whatever order the tag,
     * source or month gives its articles in.
     */
    @Test
    void filtersListTheirDocumentNumbersAscendingAsDifferences() {
        // Newest first: a is document 4, e document 0.
        List<ArticleEntry> articles = List.of(entry("a", 2024), entry("b", 2023), entry("c", 2023), entry("d", 2022),
                entry("e", 2021));
        List<TagEntry> tags = List.of(new TagEntry("Harbour", TagKind.PLACE, "harbour", List.of("a", "c", "e")),
                new TagEntry("Council", TagKind.ORGANISATION, "council", List.of("d", "b")));
        ArchiveIndex archive = new ArchiveIndex(
                List.of(new MonthEntry(2024, 3, List.of("a")), new MonthEntry(2023, 3, List.of("b", "c")),
                        new MonthEntry(2022, 3, List.of("d")), new MonthEntry(2021, 3, List.of("e"))),
                List.of(), List.of(new SourceEntry("Example News", "example-news", List.of("a", "b", "c", "d", "e"))));
        Map<String, String> files = new ConcurrentSkipListMap<>();
        new SearchIndexer().write(new SiteIndex(articles, tags), archive,
                (OutputFile f) -> files.put(f.path(), new String(f.content(), StandardCharsets.UTF_8)));

        assertEquals("CS.f(\"tag-harbour\",[0,2,2]);\n", files.get("search/f/tag-harbour.js"));
        assertEquals("CS.f(\"tag-council\",[1,2]);\n", files.get("search/f/tag-council.js"));
        assertEquals("CS.f(\"source-example-news\",[0,1,1,1,1]);\n", files.get("search/f/source-example-news.js"));
        assertEquals("CS.f(\"year-2023\",[2,1]);\n", files.get("search/f/year-2023.js"));
        assertEquals("CS.f(\"year-2021\",[0]);\n", files.get("search/f/year-2021.js"));
        String meta = files.get("search/meta.js");
        assertTrue(meta.contains("\"n\":5"), meta);
        assertTrue(meta.contains("\"tags\":[[\"council\",\"Council\",2],[\"harbour\",\"Harbour\",3]]"), meta);
        assertTrue(meta.contains("\"years\":[[\"2024\",\"2024\",1],[\"2023\",\"2023\",2]"), meta);
    }
}
