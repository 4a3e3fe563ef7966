package clippings.taxonomy;

import clippings.model.Article;
import clippings.model.ArticleDate;
import clippings.model.ArticleEntry;
import clippings.model.ArticleMeta;
import clippings.model.SiteIndex;
import clippings.model.Tag;
import clippings.model.TagKind;
import clippings.model.TagOrigin;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class SiteIndexerTest {
    private final SiteIndexer indexer = new SiteIndexer(new Slugger());

    private static Article article(String origin, String title, LocalDate date, String... tags) {
        ArticleMeta meta = ArticleMeta.titled(title).withDate(Optional.ofNullable(date).map(ArticleDate::of));
        List<Tag> t = new ArrayList<>();
        for (String name : tags) t.add(new Tag(name, name.equals("Gaza") ? TagKind.PLACE : TagKind.TOPIC, TagOrigin.AUTOMATIC));
        return new Article(Permalinks.id(Optional.empty(), origin), origin, "0", meta, t, "", "");
    }

    @Test
    void ordersNewestFirstAndUndatedLast() {
        SiteIndex index = indexer.index(List.of(
                article("a.txt", "Undated", null),
                article("b.txt", "Old", LocalDate.of(2010, 1, 1)),
                article("c.txt", "New", LocalDate.of(2020, 5, 1))));
        assertEquals(List.of("New", "Old", "Undated"),
                index.articles().stream().map(e -> e.article().meta().title()).toList());

        SiteIndex ties = indexer.index(List.of(
                article("d.txt", "Zebra undated", null),
                article("e.txt", "Zebra", LocalDate.of(2020, 5, 1)),
                article("f.txt", "Apple undated", null),
                article("g.txt", "Apple", LocalDate.of(2020, 5, 1)),
                article("h.txt", "Newest", LocalDate.of(2021, 1, 1))));
        assertEquals(List.of("Newest", "Apple", "Zebra", "Apple undated", "Zebra undated"),
                ties.articles().stream().map(e -> e.article().meta().title()).toList(), "a tie goes by path");
    }

    @Test
    void pathsCarryDateTitleAndId() {
        Article a = article("story.txt", "Peace talks in Moscow", LocalDate.of(2015, 1, 7));
        ArticleEntry e = indexer.index(List.of(a)).articles().get(0);
        assertEquals("articles/2015/01/peace-talks-in-moscow-" + a.id().substring(0, 6) + ".html", e.path());
        assertEquals("articles/2015/01/peace-talks-in-moscow-" + a.id().substring(0, 6) + ".md", e.markdownPath());
    }

    /** Years and months are zero-padded to four and two digits, whatever the year. */
    @Test
    void monthFoldersArePadded() {
        for (var c : List.of(List.of(LocalDate.of(2024, 12, 31), "articles/2024/12/"),
                List.of(LocalDate.of(1999, 9, 1), "articles/1999/09/"),
                List.of(LocalDate.of(812, 3, 1), "articles/0812/03/"))) {
            Article a = article("story.txt", "Talks", (LocalDate) c.get(0));
            assertEquals(c.get(1) + "talks-" + a.id().substring(0, 6) + ".html",
                    indexer.index(List.of(a)).articles().get(0).path());
        }
    }

    @Test
    void addingArticlesWithTheSameTitleNeverMovesAnExistingOne() {
        Article first = article("one.txt", "Same title", LocalDate.of(2015, 1, 7));
        String alone = indexer.index(List.of(first)).articles().get(0).path();
        SiteIndex both = indexer.index(List.of(article("two.txt", "Same title", LocalDate.of(2015, 1, 8)), first));
        assertEquals(alone, both.articles().stream().filter(e -> e.article() == first).findFirst().orElseThrow().path());
        assertEquals(2, both.articles().stream().map(ArticleEntry::path).distinct().count());
    }

    @Test
    void spellingsOfOneTagAreOneTag() {
        SiteIndex index = indexer.index(List.of(
                article("a.txt", "A", LocalDate.of(2015, 1, 1), "Gaza"),
                article("b.txt", "B", LocalDate.of(2015, 1, 2), "gaza"),
                article("c.txt", "C", LocalDate.of(2015, 1, 3), "Gaza", "Café"),
                article("d.txt", "D", LocalDate.of(2015, 1, 4), "Cafe")));
        assertEquals(List.of("Café", "Gaza"), index.tags().stream().map(t -> t.name()).toList());
        assertEquals(List.of("cafe", "gaza"), index.tags().stream().map(t -> t.slug()).toList());
        assertEquals(TagKind.PLACE, index.tags().get(1).kind());
        assertEquals(3, index.tags().get(1).articleIds().size());
    }

    @Test
    void inputOrderDoesNotChangeTheIndex() {
        List<Article> articles = List.of(article("a.txt", "A", LocalDate.of(2015, 1, 1), "X"),
                article("b.txt", "B", LocalDate.of(2015, 1, 1), "X"), article("c.txt", "C", null, "Y"));
        List<Article> reversed = new ArrayList<>(articles);
        java.util.Collections.reverse(reversed);
        assertEquals(indexer.index(articles), indexer.index(reversed));
    }

    /**
     * Indexing again with the last index at hand gives the same index, reusing the entries of articles that are
     * the same objects with the same tag pages, and making new ones for the rest.
     */
    @Test
    void indexingAgainReusesTheEntriesOfUnchangedArticles() {
        Article a = article("a.txt", "Harbour reopens", LocalDate.of(2020, 5, 1), "Gaza");
        Article b = article("b.txt", "Council meets", LocalDate.of(2021, 1, 1), "Council");
        Article c = article("c.txt", "Port strike", LocalDate.of(2019, 3, 2), "Gaza", "Port");
        SiteIndex first = indexer.index(List.of(a, b, c));
        java.util.Map<String, ArticleEntry> last = new java.util.HashMap<>();
        for (ArticleEntry e : first.articles()) last.put(e.article().id(), e);
        SiteIndex lastOrder = first;

        Article bRetitled = article("b.txt", "Council meets again", LocalDate.of(2021, 1, 1), "Council");
        Article cRetagged = article("c.txt", "Port strike", LocalDate.of(2019, 3, 2), "Port");
        List<Article> now = List.of(a, bRetitled, c);
        SiteIndex again = indexer.index(now, lastOrder);
        assertEquals(indexer.index(now), again);
        assertSame(last.get(a.id()), entryOf(again, a), "the same article with the same tag pages");
        assertSame(last.get(c.id()), entryOf(again, c));
        assertSame(first.tags().get(0), again.tags().get(0), "an unchanged tag is the earlier index's");
        assertNotSame(last.get(b.id()), entryOf(again, bRetitled));

        // Once "Gaza" is c's no more, a's tag page is another (its articles changed): a keeps its entry, whose
        // reference names the tag only.
        List<Article> retagged = List.of(a, b, cRetagged);
        SiteIndex third = indexer.index(retagged, lastOrder);
        assertEquals(indexer.index(retagged), third);
        assertSame(last.get(a.id()), entryOf(third, a));
        assertNotSame(last.get(c.id()), entryOf(third, cRetagged));

        // A new date moves an article: the order is worked out again, not taken from the last index.
        Article cRedated = article("c.txt", "Port strike", LocalDate.of(2022, 3, 2), "Gaza", "Port");
        List<Article> redated = List.of(a, b, cRedated);
        assertEquals(indexer.index(redated), indexer.index(redated, lastOrder));
        assertEquals("Port strike", indexer.index(redated, lastOrder).articles().get(0).article().meta().title());
        List<Article> fewer = List.of(b, c);
        assertEquals(indexer.index(fewer), indexer.index(fewer, lastOrder));
    }

    /**
     * In a process that keeps its work (serve, the daemon), each index is an update of the last one; over random
     * additions, removals, new tags, titles and dates, and many changes at once, it is the index made afresh.
     */
    @Test
    void indexingAgainInOneProcessIndexesAsIndexingAfreshDoes() {
        java.util.Random random = new java.util.Random(20261207);
        // Spellings of one tag whose winner moves with the counts, and with it the tag's place among the others.
        List<String> pool = List.of("Gaza", "gaza", "Café", "Cafe", "Port", "Council", "Al Jazeera", "Al-Jazeera",
                "Al-Arabiya", "Cairo");
        List<String> titles = List.of("Talks", "Port strike", "Council meets", "Harbour reopens");
        java.util.function.IntFunction<Article> make = n -> {
            List<String> tags = new ArrayList<>();
            for (int i = random.nextInt(5); i > 0; i--) tags.add(pool.get(random.nextInt(pool.size())));
            LocalDate date = random.nextInt(6) == 0 ? null : LocalDate.of(2015 + random.nextInt(3), 1 + random.nextInt(2), 1);
            return article("a" + n + ".txt", titles.get(random.nextInt(titles.size())), date, tags.toArray(String[]::new));
        };
        java.util.TreeMap<Integer, Article> articles = new java.util.TreeMap<>();
        for (int i = 0; i < 24; i++) articles.put(i, make.apply(i));
        clippings.cache.ProcessMemory.keep();
        try {
            SiteIndex last = indexer.index(List.copyOf(articles.values()), SiteIndex.EMPTY);
            for (int step = 0; step < 300; step++) {
                List<Integer> ids = new ArrayList<>(articles.keySet());
                int n = ids.get(random.nextInt(ids.size()));
                Article a = articles.get(n);
                switch (random.nextInt(7)) {
                    case 0 -> articles.put(100 + step, make.apply(100 + step));
                    case 1 -> articles.remove(n);
                    case 2 -> articles.put(n, make.apply(n));
                    case 3 -> articles.put(n, article(a.origin(), a.meta().title(), a.meta().date().map(d -> d.day()).orElse(null),
                            a.tags().stream().skip(1).map(Tag::name).toArray(String[]::new)));
                    case 4 -> articles.put(n, article(a.origin(), a.meta().title(), a.meta().date().map(d -> d.day()).orElse(null),
                            a.tags().stream().map(Tag::name).toArray(String[]::new)));
                    case 5 -> {
                        for (int i = 0; i < 8; i++) {
                            int k = ids.get(random.nextInt(ids.size()));
                            articles.put(k, make.apply(k));
                        }
                    }
                    default -> { }
                }
                List<Article> now = new ArrayList<>(articles.values());
                java.util.Collections.shuffle(now, random);
                SiteIndex again = indexer.index(now, last);
                SiteIndex afresh = new SiteIndexer(new Slugger()).indexAfresh(now);
                assertSameIndex(afresh, again, "step " + step);
                last = again;
            }
            // A new tag on one article changes that article's entry and that tag's page, no other.
            List<Article> now = new ArrayList<>(articles.values());
            Article edited = now.get(0);
            Article untouched = now.get(1);
            List<String> tags = new ArrayList<>(edited.tags().stream().map(Tag::name).toList());
            tags.add("Alexandria");
            now.set(0, article(edited.origin(), edited.meta().title(), edited.meta().date().map(d -> d.day()).orElse(null),
                    tags.toArray(String[]::new)));
            SiteIndex next = indexer.index(now, last);
            assertEquals(new SiteIndexer(new Slugger()).indexAfresh(now), next);
            assertSame(entryOf(last, untouched), entryOf(next, untouched));
            java.util.Map<String, clippings.model.TagEntry> pages = new java.util.HashMap<>();
            for (var t : last.tags()) pages.put(t.slug(), t);
            for (var t : next.tags()) {
                if (!t.slug().equals("alexandria")) assertSame(pages.get(t.slug()), t, t.slug());
            }
        } finally {
            clippings.cache.ProcessMemory.forget();
        }
    }

    /** Equal indexes, the first difference named rather than two whole indexes printed. */
    private static void assertSameIndex(SiteIndex expected, SiteIndex actual, String where) {
        assertEquals(expected.articles().size(), actual.articles().size(), where + ": articles");
        for (int i = 0; i < expected.articles().size(); i++) {
            assertEquals(expected.articles().get(i), actual.articles().get(i), where + ": article " + i);
        }
        assertEquals(expected.tags(), actual.tags(), where + ": tags");
        assertEquals(expected, actual, where);
    }

    private static ArticleEntry entryOf(SiteIndex index, Article a) {
        return index.articles().stream().filter(e -> e.article() == a).findFirst().orElseThrow();
    }
}
