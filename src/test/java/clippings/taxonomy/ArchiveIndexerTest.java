package clippings.taxonomy;

import clippings.model.ArchiveIndex;
import clippings.model.Article;
import clippings.model.ArticleDate;
import clippings.model.ArticleEntry;
import clippings.model.ArticleMeta;
import clippings.model.MonthEntry;
import clippings.model.SiteIndex;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArchiveIndexerTest {
    private static ArticleEntry entry(String id, Optional<LocalDate> day, String source) {
        ArticleMeta meta = new ArticleMeta(id, Optional.empty(), List.of(), day.map(ArticleDate::of),
                Optional.of(source), Optional.empty(), Optional.empty(), Optional.empty());
        return new ArticleEntry(new Article(id, id, "00", meta, List.of(), "", ""), id + ".html", List.of());
    }

    @Test
    void groupsByMonthOldestFirstAndBySourceFoldingSpellings() {
        SiteIndex site = new SiteIndex(List.of(
                entry("c", Optional.of(LocalDate.of(2020, 2, 1)), "BBC News"),
                entry("b", Optional.of(LocalDate.of(2020, 1, 20)), "bbc news"),
                entry("a", Optional.of(LocalDate.of(2019, 12, 5)), "BBC News"),
                entry("u", Optional.empty(), "Al Bawaba")), List.of());
        ArchiveIndex archive = new ArchiveIndexer(new Slugger()).index(site);
        assertEquals(List.of(new MonthEntry(2019, 12, List.of("a")), new MonthEntry(2020, 1, List.of("b")),
                new MonthEntry(2020, 2, List.of("c"))), archive.months());
        assertEquals(List.of(2019, 2020), archive.years());
        assertEquals(List.of("u"), archive.undatedIds());
        assertEquals(List.of("Al Bawaba", "BBC News"), archive.sources().stream().map(s -> s.name()).toList());
        assertEquals("bbc-news", archive.sources().get(1).slug());
        assertEquals(List.of("c", "b", "a"), archive.sources().get(1).articleIds());
    }

    /** Articles in any order, months met again after others, spellings that differ in spaces, blank sources. */
    @Test
    void groupsArticlesInAnyOrder() {
        SiteIndex site = new SiteIndex(List.of(
                entry("a", Optional.of(LocalDate.of(2020, 1, 3)), " BBC News "),
                entry("b", Optional.of(LocalDate.of(2020, 2, 1)), "bbc news"),
                entry("c", Optional.of(LocalDate.of(2020, 1, 20)), "BBC News"),
                entry("d", Optional.empty(), "  "),
                entry("e", Optional.of(LocalDate.of(2020, 1, 9)), "bbc news"),
                entry("f", Optional.of(LocalDate.of(2020, 2, 9)), "bbc news")), List.of());
        ArchiveIndex archive = new ArchiveIndexer(new Slugger()).index(site);
        assertEquals(List.of(new MonthEntry(2020, 1, List.of("a", "c", "e")),
                new MonthEntry(2020, 2, List.of("b", "f"))), archive.months());
        assertEquals(List.of("d"), archive.undatedIds());
        assertEquals(1, archive.sources().size(), "a blank source is none");
        // "BBC News" twice (once with spaces around it), "bbc news" three times: the most frequent spelling wins.
        assertEquals("bbc news", archive.sources().get(0).name());
        assertEquals(List.of("a", "b", "c", "e", "f"), archive.sources().get(0).articleIds());
    }
}
