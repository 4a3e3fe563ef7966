package clippings.render;

import clippings.model.Article;
import clippings.model.ArticleDate;
import clippings.model.ArticleEntry;
import clippings.model.ArticleMeta;
import clippings.model.OutputFile;
import clippings.model.SiteConfig;
import clippings.model.TagEntry;
import clippings.model.TagKind;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tag listing links its related tags once, on its first page, in a form one edit elsewhere leaves alike (#7). */
class ListingsTest {
    private final PageEngine engine = new PageEngine(Theme.directory(Path.of("templates")), SiteConfig.defaults());
    private final PageKeys keys = new PageKeys(new clippings.cache.EntryDigests());
    private final Listings listings = new Listings(engine, keys, 20, path -> true);

    private static ArticleEntry entry(int i) {
        ArticleMeta meta = new ArticleMeta("Story " + i, Optional.empty(), List.of(),
                Optional.of(ArticleDate.of(LocalDate.of(2020, 1, 1).plusDays(i))), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        Article a = new Article("s" + i, "s" + i + ".txt", "00".repeat(32), meta, List.of(), "", "<p>x</p>");
        return new ArticleEntry(a, "articles/2020/s" + i + ".html", List.of());
    }

    private Map<String, OutputFile> render(List<TagEntry> related) {
        return render(listings, related);
    }

    private Map<String, OutputFile> render(Listings listings, List<TagEntry> related) {
        List<ArticleEntry> entries = new ArrayList<>();
        for (int i = 0; i < 45; i++) entries.add(entry(i));
        Map<String, OutputFile> out = new TreeMap<>();
        listings.render("tag", "Moscow", Optional.of("place"), entries,
                n -> n == 1 ? "tags/moscow.html" : "tags/moscow/page/" + n + ".html", Optional.of("tags/moscow.xml"),
                related, f -> { synchronized (out) { out.put(f.path(), f); } });
        return out;
    }

    private static String text(OutputFile f) {
        return new String(f.content(), StandardCharsets.UTF_8);
    }

    @Test
    void relatedTagsAreOnTheFirstPageOnlyAndWithoutCounts() {
        var pages = render(List.of(new TagEntry("Russia", TagKind.PLACE, "russia", List.of("s1", "s2", "s3"))));
        assertEquals(3, pages.size());
        var first = Jsoup.parse(text(pages.get("tags/moscow.html")));
        assertEquals(List.of("Russia"), first.select(".related-tags a").eachText());
        assertEquals("russia.html", first.select(".related-tags a").attr("href"));
        for (String later : List.of("tags/moscow/page/2.html", "tags/moscow/page/3.html")) {
            assertTrue(Jsoup.parse(text(pages.get(later))).select(".related-tags").isEmpty(), later);
        }
    }

    @Test
    void aRelatedTagGainingArticlesChangesNoPageOfTheListing() {
        var before = render(List.of(new TagEntry("Russia", TagKind.PLACE, "russia", List.of("s1", "s2", "s3"))));
        var after = render(List.of(new TagEntry("Russia", TagKind.PLACE, "russia", List.of("s1", "s2", "s3", "s4"))));
        before.forEach((path, f) -> assertEquals(f.digest(), after.get(path).digest(), path));
    }

    /** Each page's key notes the articles it lists, so a later build knows which pages a new summary changes. */
    @Test
    void theKeysNoteWhichPageListsWhichArticle() {
        render(List.of());
        SummaryReaders readers = keys.readers();
        assertEquals(java.util.Set.of("tags/moscow.html"), readers.pagesReading(List.of("s0")));
        assertEquals(java.util.Set.of("tags/moscow/page/2.html", "tags/moscow/page/3.html"),
                readers.pagesReading(List.of("s25", "s44")));
        assertEquals(java.util.Set.of(), readers.pagesReading(List.of("unknown")));
    }

    @Test
    void onlyTheWantedPagesAreProduced() {
        var all = render(List.of());
        var some = render(new Listings(engine, keys, 20, "tags/moscow/page/2.html"::equals), List.of());
        assertEquals(java.util.Set.of("tags/moscow/page/2.html"), some.keySet());
        assertEquals(all.get("tags/moscow/page/2.html").digest(), some.get("tags/moscow/page/2.html").digest());
    }
}
