package clippings.render;

import clippings.model.ArchiveIndex;
import clippings.model.Article;
import clippings.model.ArticleDate;
import clippings.model.ArticleEntry;
import clippings.model.ArticleMeta;
import clippings.model.SiteConfig;
import clippings.model.SiteIndex;
import clippings.model.TagEntry;
import clippings.model.TagKind;
import clippings.model.TagRef;
import com.google.gson.JsonParser;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticlePagesTest {
    private static ArticleEntry entry(String id, String title, int day, List<TagRef> tags) {
        ArticleMeta meta = new ArticleMeta(title, Optional.empty(), List.of(), Optional.of(ArticleDate.of(LocalDate.of(2020, 1, day))),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        Article a = new Article(id, id + ".txt", "00".repeat(32), meta, List.of(), "", "<p>x</p>");
        return new ArticleEntry(a, "articles/2020/01/" + id + ".html", tags);
    }

    private static Map<String, String> render(SiteConfig config, List<ArticleEntry> entries, List<TagEntry> tags) {
        Map<String, String> out = new TreeMap<>();
        new SiteRenderer(Theme.directory(Path.of("templates")), config).render(new SiteIndex(entries, tags),
                new ArchiveIndex(List.of(), List.of(), List.of()),
                f -> { synchronized (out) { out.put(f.path(), new String(f.content(), StandardCharsets.UTF_8)); } });
        return out;
    }

    /** A headline must never close the JSON-LD script element. */
    @Test
    void jsonLdEscapesScriptEndTags() {
        String title = "Breaking </script><script>alert(1)</script> news";
        var pages = render(SiteConfig.defaults(), List.of(entry("a", title, 1, List.of())), List.of());
        String page = pages.get("articles/2020/01/a.html");
        assertEquals(1, page.split("</script>", -1).length - 1, "one </script>: the JSON-LD element's own");
        var doc = Jsoup.parse(page);
        var ld = JsonParser.parseString(doc.select("script[type=application/ld+json]").html()).getAsJsonObject();
        assertEquals(title, ld.get("headline").getAsString());
        assertTrue(doc.select("link[rel=canonical], meta[property^=og:]").isEmpty(), "no absolute URL without a base URL");
    }

    /** Provenance shows when the original was captured, and the lead image its caption (#5). */
    @Test
    void showsTheCaptureTimeAndTheLeadImageCaption() {
        ArticleMeta meta = new ArticleMeta("Captured", Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("https://news.example/lead.jpg"), Optional.empty(),
                Optional.of("The harbour at dawn <b>"),
                Optional.of(ArticleDate.of(java.time.OffsetDateTime.parse("2019-11-21T10:15:23+01:00"))));
        Article a = new Article("c", "c.html", "00".repeat(32), meta, List.of(), "", "<p>x</p>");
        ArticleEntry e = new ArticleEntry(a, "articles/undated/c.html", List.of());
        var doc = Jsoup.parse(render(SiteConfig.defaults(), List.of(e, entry("d", "Dated", 1, List.of())), List.of())
                .get("articles/undated/c.html"));
        var time = doc.selectFirst(".provenance .captured time");
        assertEquals("2019-11-21T10:15:23+01:00", time.attr("datetime"));
        assertEquals("Captured 21 November 2019, 10:15 UTC+01:00", time.parent().text());
        assertEquals("The harbour at dawn <b>", doc.select("figure.lead-image figcaption").text());
        assertEquals("https://news.example/lead.jpg", doc.select("figure.lead-image a").attr("href"));
        assertTrue(doc.select("img").isEmpty(), "the lead image is linked, never hot-linked");

        var dated = Jsoup.parse(render(SiteConfig.defaults(), List.of(entry("d", "Dated", 1, List.of())), List.of())
                .get("articles/2020/01/d.html"));
        assertTrue(dated.select(".captured, figure.lead-image").isEmpty(), "nothing is said when nothing is known");
    }

    @Test
    void relatedArticlesPreferRareSharedTagsThenRecency() {
        TagRef common = new TagRef("Common", TagKind.TOPIC, "common");
        TagRef rare = new TagRef("Rare", TagKind.TOPIC, "rare");
        List<ArticleEntry> entries = new ArrayList<>();
        entries.add(entry("e5", "Newest, common only", 5, List.of(common)));
        entries.add(entry("e4", "Rare and common", 4, List.of(common, rare)));
        entries.add(entry("e3", "Subject", 3, List.of(common, rare)));
        entries.add(entry("e2", "Common only too", 2, List.of(common)));
        entries.add(entry("e1", "Unrelated", 1, List.of()));
        List<TagEntry> tags = List.of(new TagEntry("Common", TagKind.TOPIC, "common", List.of("e5", "e4", "e3", "e2")),
                new TagEntry("Rare", TagKind.TOPIC, "rare", List.of("e4", "e3")));
        String page = render(SiteConfig.defaults(), entries, tags).get("articles/2020/01/e3.html");
        var doc = Jsoup.parse(page);
        assertEquals(List.of("Rare and common", "Newest, common only", "Common only too"),
                doc.select(".related li > a").eachText());
        assertEquals("e2.html", doc.select(".prev-next a[rel=prev]").attr("href"));
        assertEquals("e4.html", doc.select(".prev-next a[rel=next]").attr("href"));
        assertFalse(page.contains("Unrelated</a>"));
    }

    /** With publish.markdown and publish.captures off, the page links to neither file, and still names the capture's SHA-256 (#7). */
    @Test
    void linksOnlyToTheCopiesThatArePublished() {
        SiteConfig d = SiteConfig.defaults();
        List<ArticleEntry> entries = List.of(entry("a", "A", 1, List.of()));
        var full = Jsoup.parse(render(d, entries, List.of()).get("articles/2020/01/a.html"));
        assertEquals(List.of("a.source.txt", "a.md"), full.select(".article-links a").eachAttr("href"));
        SiteConfig lean = new SiteConfig(d.title(), d.description(), d.language(), d.baseUrl(), d.pageSize(), d.clean(),
                d.tags(), d.cname(), d.maxInputBytes(), new clippings.model.PublishRules(false, false));
        var page = Jsoup.parse(render(lean, entries, List.of()).get("articles/2020/01/a.html"));
        assertTrue(page.select(".article-links").isEmpty(), page.select(".provenance").outerHtml());
        assertEquals("00".repeat(32), page.select(".provenance .sha code").text());
    }
    private static Map<String, String> digests(List<ArticleEntry> entries) {
        Map<String, String> out = new TreeMap<>();
        new SiteRenderer(Theme.directory(Path.of("templates")), SiteConfig.defaults()).render(new SiteIndex(entries, List.of()),
                new ArchiveIndex(List.of(), List.of(), List.of()),
                f -> f.digest().ifPresent(d -> { synchronized (out) { out.put(f.path(), d); } }));
        return out;
    }

    private static ArticleEntry withBody(ArticleEntry e, String html) {
        Article a = e.article();
        return new ArticleEntry(new Article(a.id(), a.origin(), a.sha256(), a.meta(), a.tags(), "", html), e.path(), e.tags());
    }

    /**
     * A page is named by what it is made from (#7): a neighbour's new body changes only the neighbour's page, a
     * neighbour's new title every page that shows it.
     */
    @Test
    void aPageChangesWhenWhatItShowsOfItsNeighboursChanges() {
        List<ArticleEntry> entries = List.of(entry("c", "Third", 3, List.of()), entry("b", "Second", 2, List.of()),
                entry("a", "First", 1, List.of()));
        var before = digests(entries);
        var body = digests(List.of(entries.get(0), withBody(entries.get(1), "<p>new</p>"), entries.get(2)));
        assertFalse(before.get("articles/2020/01/b.html").equals(body.get("articles/2020/01/b.html")));
        assertEquals(before.get("articles/2020/01/a.html"), body.get("articles/2020/01/a.html"));
        assertEquals(before.get("index.html"), body.get("index.html"), "a listing shows no body");

        var title = digests(List.of(entries.get(0), entry("b", "Second, retitled", 2, List.of()), entries.get(2)));
        for (String page : List.of("articles/2020/01/a.html", "articles/2020/01/c.html", "index.html")) {
            assertFalse(before.get(page).equals(title.get(page)), page + " shows the neighbour's title");
        }
    }
}
