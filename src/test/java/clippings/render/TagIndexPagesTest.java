package clippings.render;

import clippings.model.ArticleEntry;
import clippings.model.OutputFile;
import clippings.model.SiteConfig;
import clippings.model.SiteIndex;
import clippings.model.TagEntry;
import clippings.model.TagKind;
import clippings.model.TagRef;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tag index stays readable with 20,000 tags, and every tag is still reachable from it (#4). */
class TagIndexPagesTest {
    private final PageEngine pages = new PageEngine(Theme.directory(Path.of("templates")), SiteConfig.defaults());

    @Test
    void twentyThousandTagsAreSplitByKindAndLetterAndAllReachable() {
        List<TagEntry> tags = new ArrayList<>();
        TagKind[] kinds = TagKind.values();
        for (int i = 0; i < 20_000; i++) {
            String name = (char) ('a' + i % 26) + "tag" + i;
            tags.add(new TagEntry(name, kinds[i % kinds.length], name, List.of("a" + (i % 7))));
        }
        Map<String, String> files = new TreeMap<>();
        new TagIndexPages(pages).render(new SiteIndex(List.of(), tags), path -> true, f -> files.put(f.path(), text(f)));

        Document index = Jsoup.parse(files.get("tags/index.html"));
        assertTrue(index.select("a[href$=.html]").size() < 4 * (TagIndexPages.TOP + 27) + 20,
                "the index lists " + index.select("a").size() + " links");
        Set<String> reachable = new HashSet<>();
        for (var e : files.entrySet()) {
            if (!e.getKey().equals("tags/index.html")) {
                Document letter = Jsoup.parse(e.getValue());
                letter.select(".tag-cloud a").forEach(a -> reachable.add(a.attr("href")));
                assertTrue(letter.select(".tag-cloud a").size() < 1000, e.getKey());
            }
        }
        assertEquals(20_000, reachable.size(), "every tag is listed on exactly one A-Z page");
        assertTrue(files.containsKey("tags/person/a.html"));
        assertTrue(files.get("tags/person/a.html").contains("href=\"../atag0.html\""));
    }

    @Test
    void relatedTagsAreThoseFoundOnTheSameArticles() {
        TagRef moscow = new TagRef("Moscow", TagKind.PLACE, "moscow");
        TagRef russia = new TagRef("Russia", TagKind.PLACE, "russia");
        TagRef syria = new TagRef("Syria", TagKind.PLACE, "syria");
        List<ArticleEntry> articles = List.of(entry("1", moscow, russia), entry("2", moscow, russia, syria),
                entry("3", syria));
        SiteIndex index = new SiteIndex(articles, List.of(
                new TagEntry("Moscow", TagKind.PLACE, "moscow", List.of("1", "2")),
                new TagEntry("Russia", TagKind.PLACE, "russia", List.of("1", "2")),
                new TagEntry("Syria", TagKind.PLACE, "syria", List.of("2", "3"))));
        RelatedTags related = new RelatedTags(index);
        assertEquals(List.of("russia", "syria"), related.of("moscow").stream().map(TagEntry::slug).toList());
        assertEquals(List.of("moscow", "russia"), related.of("syria").stream().map(TagEntry::slug).toList());
    }

    private static ArticleEntry entry(String id, TagRef... tags) {
        var meta = clippings.model.ArticleMeta.titled("T" + id);
        var a = new clippings.model.Article(id + "00000", id + ".txt", "0", meta, List.of(), "", "");
        return new ArticleEntry(a, "articles/undated/t-" + id + ".html", List.of(tags));
    }

    private static String text(OutputFile f) {
        return new String(f.content(), StandardCharsets.UTF_8);
    }
}
