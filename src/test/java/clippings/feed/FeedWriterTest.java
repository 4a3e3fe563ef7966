package clippings.feed;

import clippings.model.ArchiveIndex;
import clippings.model.Article;
import clippings.model.ArticleDate;
import clippings.model.ArticleEntry;
import clippings.model.ArticleMeta;
import clippings.model.OutputFile;
import clippings.model.SiteConfig;
import clippings.model.SiteIndex;
import clippings.model.SourceEntry;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedWriterTest {
    private static ArticleEntry entry(String id, String title, Optional<LocalDate> day) {
        ArticleMeta meta = new ArticleMeta(title, Optional.of("A \"dek\", with commas"), List.of("A. Writer"),
                day.map(ArticleDate::of), Optional.of("Example News"), Optional.of("https://news.example/" + id),
                Optional.empty(), Optional.of("en"));
        Article a = new Article(id, id + ".txt", "ab".repeat(32), meta, List.of(), title, "<p>" + title + "</p>");
        return new ArticleEntry(a, "articles/" + id + ".html", List.of());
    }

    private static Map<String, String> write(SiteConfig config, int maxUrls, List<ArticleEntry> entries) {
        Map<String, String> out = new java.util.concurrent.ConcurrentSkipListMap<>();
        ArchiveIndex archive = new ArchiveIndex(List.of(), List.of(),
                List.of(new SourceEntry("Example News", "example-news", entries.stream().map(e -> e.article().id()).toList())));
        new FeedWriter(config, maxUrls).write(new SiteIndex(entries, List.of()), archive,
                (OutputFile f) -> out.put(f.path(), new String(f.content(), StandardCharsets.UTF_8)));
        return out;
    }

    /** Control characters are not XML 1.0: a feed holding one would not parse at all. */
    @Test
    void feedWithoutBaseUrlHasUrnIdsRelativeLinksAndNoControlCharacters() throws Exception {
        var files = write(SiteConfig.defaults(), 10,
                List.of(entry("a1", "Bell\u0007 and <b>tags</b> & more", Optional.of(LocalDate.of(2020, 1, 2))),
                        entry("u1", "Undated", Optional.empty())));
        String feed = files.get("feed.xml");
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)));
        assertEquals("feed", doc.getDocumentElement().getLocalName());
        assertEquals(2, doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength(),
                "undated articles are in the feed too, after the dated ones");
        assertTrue(feed.contains("<title>Bell and &lt;b&gt;tags&lt;/b&gt; &amp; more</title>"), feed);
        assertTrue(feed.contains("<updated>2020-01-02T00:00:00Z</updated>"), feed);
        assertTrue(feed.contains("<id>urn:sha256:"), feed);
        assertTrue(feed.contains("href=\"articles/a1.html\""), feed);
        assertFalse(files.containsKey("sitemap.xml"), "no sitemap without a base URL");
        assertEquals("User-agent: *\nAllow: /\n", files.get("robots.txt"));
        assertTrue(files.containsKey("sources/example-news.xml"));
    }

    @Test
    void csvFollowsRfc4180() {
        var files = write(SiteConfig.defaults(), 10, List.of(entry("a1", "Line\nbreak", Optional.empty())));
        String csv = files.get("articles.csv");
        assertEquals("id,title,date,source,url,authors,tags,path,sha256,captured\r\n"
                + "a1,\"Line\nbreak\",,Example News,https://news.example/a1,A. Writer,,articles/a1.html," + "ab".repeat(32)
                + ",\r\n", csv);
        assertEquals("\"a \"\"quoted\"\", text\"", ArticleData.field("a \"quoted\", text"));
        assertTrue(files.get("articles.json").contains("\"path\": \"articles/a1.html\""));
    }

    /**
     * {@code articles.json} is Gson's pretty printing of its rows, whether each row was made now or kept from
     * the last build of this process (serve, the daemon); an edited article's row is made again.
     */
    @Test
    void theDataFilesAreTheSameWhetherRowsAreMadeOrKept() {
        List<ArticleEntry> entries = List.of(entry("a1", "First, \"quoted\" <b>", Optional.of(LocalDate.of(2020, 1, 2))),
                captured("c1", "Captured", "2019-11-21T10:15:23+01:00"), entry("u1", "Ünïcode ✓", Optional.empty()));
        var first = write(SiteConfig.defaults(), 10, entries);
        var again = write(SiteConfig.defaults(), 10, entries);
        assertEquals(first.get("articles.json"), again.get("articles.json"));
        assertEquals(first.get("articles.csv"), again.get("articles.csv"));
        var pretty = new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        assertEquals(pretty.toJson(JsonParser.parseString(first.get("articles.json"))) + "\n", first.get("articles.json"));

        List<ArticleEntry> edited = List.of(entries.get(0), entry("c1", "Captured, and retitled", Optional.empty()),
                entries.get(2));
        var changed = write(SiteConfig.defaults(), 10, edited);
        assertTrue(changed.get("articles.json").contains("\"title\": \"Captured, and retitled\""));
        assertTrue(changed.get("articles.csv").contains("c1,\"Captured, and retitled\""));
        assertEquals("[]\n", write(SiteConfig.defaults(), 10, List.of()).get("articles.json"));
    }

    private static ArticleEntry captured(String id, String title, String capturedAt) {
        ArticleEntry e = entry(id, title, Optional.empty());
        var meta = e.article().meta().withCaptured(Optional.of(ArticleDate.of(OffsetDateTime.parse(capturedAt))));
        Article a = new Article(id, id + ".txt", e.article().sha256(), meta, List.of(), title, "<p>" + title + "</p>");
        return new ArticleEntry(a, e.path(), List.of());
    }

    @Test
    void theCaptureTimeIsPublishedWithTheData() {
        var files = write(SiteConfig.defaults(), 10, List.of(captured("c1", "Captured", "2019-11-21T10:15:23+01:00")));
        assertTrue(files.get("articles.csv").endsWith(",2019-11-21T10:15:23+01:00\r\n"), files.get("articles.csv"));
        var row = JsonParser.parseString(files.get("articles.json")).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("2019-11-21T10:15:23+01:00", row.get("captured").getAsString());
        var none = write(SiteConfig.defaults(), 10, List.of(entry("a1", "Not captured", Optional.empty())));
        assertFalse(none.get("articles.json").contains("\"captured\":"), "an unknown capture time is left out, not invented");
    }

    /**
     * Undated articles are in the feeds without a publication date; their {@code updated} is the capture time,
     * else the feed's own time, which is the newest its entries know, else the newest the archive knows (#5).
     */
    @Test
    void undatedArticlesAreInTheFeedsWithADeterministicUpdatedTime() throws Exception {
        ArticleEntry dated = entry("d1", "Dated", Optional.of(LocalDate.of(2020, 1, 2)));
        ArticleEntry capturedOnly = captured("c1", "Captured only", "2021-03-04T05:06:07+02:00");
        ArticleEntry unknown = entry("u1", "Nothing known", Optional.empty());
        List<ArticleEntry> all = List.of(dated, capturedOnly, unknown);
        Map<String, String> out = new java.util.concurrent.ConcurrentSkipListMap<>();
        ArchiveIndex archive = new ArchiveIndex(List.of(), List.of(),
                List.of(new SourceEntry("Only unknown", "only-unknown", List.of("u1"))));
        new FeedWriter(SiteConfig.defaults(), 10).write(new SiteIndex(all, List.of()), archive,
                (OutputFile f) -> out.put(f.path(), new String(f.content(), StandardCharsets.UTF_8)));

        var feed = AtomFeedCheck.parse(out.get("feed.xml"));
        assertEquals(List.of("Dated", "Captured only", "Nothing known"), feed.titles());
        assertEquals("2021-03-04T05:06:07+02:00", feed.updated(), "the newest known time, compared as instants");
        assertEquals(List.of("2020-01-02T00:00:00Z", "2021-03-04T05:06:07+02:00", "2021-03-04T05:06:07+02:00"),
                feed.entryUpdated());
        assertEquals(List.of("2020-01-02T00:00:00Z"), feed.entryPublished(), "no publication date is invented");

        var onlyUnknown = AtomFeedCheck.parse(out.get("sources/only-unknown.xml"));
        assertEquals(List.of("Nothing known"), onlyUnknown.titles());
        assertEquals("2021-03-04T05:06:07+02:00", onlyUnknown.updated(), "the archive's newest time");

        Map<String, String> bare = new java.util.concurrent.ConcurrentSkipListMap<>();
        new FeedWriter(SiteConfig.defaults(), 10).write(new SiteIndex(List.of(unknown), List.of()),
                new ArchiveIndex(List.of(), List.of(), List.of()),
                (OutputFile f) -> bare.put(f.path(), new String(f.content(), StandardCharsets.UTF_8)));
        assertEquals("1970-01-01T00:00:00Z", AtomFeedCheck.parse(bare.get("feed.xml")).updated(),
                "an archive that knows no time at all");
    }

    /**
     * A feed is named by what it is made of: an article newer than all others changes the feeds that list it,
     * and those whose entries know no time (they take the archive's newest), not every feed.
     */
    @Test
    void aNewNewestArticleRenamesOnlyTheFeedsItChanges() {
        ArticleEntry older = entry("d1", "Dated", Optional.of(LocalDate.of(2020, 1, 2)));
        ArticleEntry unknown = entry("u1", "Nothing known", Optional.empty());
        ArticleEntry newest = entry("n1", "Newest", Optional.of(LocalDate.of(2024, 5, 6)));
        ArchiveIndex archive = new ArchiveIndex(List.of(), List.of(), List.of(
                new SourceEntry("Dated only", "dated-only", List.of("d1")),
                new SourceEntry("Only unknown", "only-unknown", List.of("u1"))));
        Map<String, String> before = digests(List.of(older, unknown), archive);
        ArchiveIndex withNewest = new ArchiveIndex(List.of(), List.of(), List.of(
                new SourceEntry("Dated only", "dated-only", List.of("d1")),
                new SourceEntry("Only unknown", "only-unknown", List.of("u1")),
                new SourceEntry("Newest", "newest", List.of("n1"))));
        Map<String, String> after = digests(List.of(newest, older, unknown), withNewest);
        assertEquals(before.get("sources/dated-only.xml"), after.get("sources/dated-only.xml"));
        assertFalse(before.get("sources/only-unknown.xml").equals(after.get("sources/only-unknown.xml")));
        assertFalse(before.get("feed.xml").equals(after.get("feed.xml")));
    }

    private static Map<String, String> digests(List<ArticleEntry> entries, ArchiveIndex archive) {
        return digests(SiteConfig.defaults(), entries, archive);
    }

    private static Map<String, String> digests(SiteConfig config, List<ArticleEntry> entries, ArchiveIndex archive) {
        Map<String, String> out = new java.util.concurrent.ConcurrentSkipListMap<>();
        new FeedWriter(config, 10).write(new SiteIndex(entries, List.of()), archive,
                (OutputFile f) -> out.put(f.path(), f.digest().orElse("")));
        return out;
    }

    /**
     * A process that builds again (serve, the daemon) keeps each feed's name while the feed shows the same entry
     * objects with the same title, page, configuration and archive time: after each change, every feed has the
     * name a build from nothing gives it, and only the feeds the change reaches are renamed.
     */
    @Test
    void feedNamesKeptByAProcessAreTheNamesABuildFromNothingGives() {
        clippings.cache.ProcessMemory.keep();
        try {
            List<ArticleEntry> all = new ArrayList<>();
            for (int i = 0; i < 30; i++) all.add(entry("d" + i, "Dated " + i, Optional.of(LocalDate.of(2020, 1, 30 - i))));
            all.add(entry("u1", "Nothing known", Optional.empty()));
            SiteConfig config = SiteConfig.defaults();
            String[] names = {"Early", "Late", "Undated"};
            Map<String, String> last = null;
            for (int step = 0; step < 6; step++) {
                if (step == 1) all.set(25, entry("d25", "Edited", Optional.of(LocalDate.of(2020, 1, 5))));
                if (step == 2) names[0] = "Early, renamed";
                if (step == 3) all.set(0, entry("d0", "Dated 0", Optional.of(LocalDate.of(2021, 1, 1))));
                if (step == 4) config = SiteConfig.defaults().withBaseUrl(Optional.of("https://example.org/news/"));
                ArchiveIndex archive = new ArchiveIndex(List.of(), List.of(), List.of(
                        new SourceEntry(names[0], "early", ids(all.subList(0, 10))),
                        new SourceEntry(names[1], "late", ids(all.subList(10, 30))),
                        new SourceEntry(names[2], "undated", List.of("u1"))));
                Map<String, String> kept = digests(config, all, archive);
                clippings.cache.ProcessMemory.forget();
                assertEquals(digests(config, all, archive), kept, "step " + step);
                digests(config, all, archive); // what the next step starts from
                if (step == 1) {
                    assertEquals(last.get("sources/early.xml"), kept.get("sources/early.xml"));
                    assertEquals(last.get("sources/undated.xml"), kept.get("sources/undated.xml"));
                    assertFalse(last.get("sources/late.xml").equals(kept.get("sources/late.xml")), "it shows d25");
                }
                if (step == 2) {
                    assertFalse(last.get("sources/early.xml").equals(kept.get("sources/early.xml")), "a new title");
                    assertEquals(last.get("sources/late.xml"), kept.get("sources/late.xml"));
                }
                if (step == 3) {
                    assertFalse(last.get("sources/undated.xml").equals(kept.get("sources/undated.xml")),
                            "its one entry knows no time: it takes the archive's newest, which moved");
                }
                if (step == 4) {
                    assertFalse(last.get("sources/late.xml").equals(kept.get("sources/late.xml")),
                            "every feed is made with the configuration");
                }
                if (step == 5) assertEquals(last, kept, "nothing changed");
                last = kept;
            }
        } finally {
            clippings.cache.ProcessMemory.forget();
        }
    }

    private static List<String> ids(List<ArticleEntry> entries) {
        return entries.stream().map(e -> e.article().id()).toList();
    }

    /** A feed's time is its entries' latest instant, not their latest text: offsets reorder them. */
    @Test
    void theNewestTimeIsComparedAsAnInstantAcrossOffsets() throws Exception {
        ArticleEntry midnightUtc = entry("d1", "Dated", Optional.of(LocalDate.of(2021, 3, 5)));
        ArticleEntry lateInNewYork = captured("c1", "Captured", "2021-03-04T23:00:00-05:00");
        ArticleEntry sameInstant = captured("c2", "Same instant", "2021-03-05T04:00:00Z");
        assertEquals("2021-03-04T23:00:00-05:00",
                AtomFeedCheck.parse(write(SiteConfig.defaults(), 10, List.of(midnightUtc, lateInNewYork)).get("feed.xml")).updated(),
                "04:00 UTC is later than midnight UTC, though its text sorts first");
        assertEquals("2021-03-05T04:00:00Z",
                AtomFeedCheck.parse(write(SiteConfig.defaults(), 10, List.of(lateInNewYork, sameInstant)).get("feed.xml")).updated(),
                "one instant written two ways: the greater text, whatever the order");
    }

    /**
     * A process that builds again (serve, the daemon) keeps the archive's newest time by runs of entries: after
     * each edit, that time is the one a build from nothing finds.
     */
    @Test
    void theArchivesNewestTimeFollowsEditsInAProcessThatBuildsAgain() throws Exception {
        clippings.cache.ProcessMemory.keep();
        List<ArticleEntry> all = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) all.add(entry("d" + i, "Dated " + i, Optional.of(LocalDate.of(2000, 1, 1).plusDays(i))));
        all.add(entry("u1", "Nothing known", Optional.empty()));
        List<String> seen = new java.util.ArrayList<>();
        for (int step = 0; step < 4; step++) {
            if (step == 1) all.set(599, entry("d599", "Moved back", Optional.of(LocalDate.of(1999, 1, 1))));
            if (step == 2) all.set(5, entry("d5", "Moved ahead", Optional.of(LocalDate.of(2030, 6, 1))));
            if (step == 3) all.set(5, captured("d5", "Captured", "2030-06-01T04:00:00+02:00"));
            String again = archiveUpdated(all);
            clippings.cache.ProcessMemory.forget();
            assertEquals(archiveUpdated(all), again, "step " + step);
            archiveUpdated(all); // what the next step starts from
            seen.add(again);
        }
        assertEquals(List.of("2001-08-22T00:00:00Z", "2001-08-21T00:00:00Z", "2030-06-01T00:00:00Z",
                "2030-06-01T04:00:00+02:00"), seen);
    }

    /** The updated time of a feed whose one entry knows none: the archive's newest. */
    private static String archiveUpdated(List<ArticleEntry> all) throws Exception {
        Map<String, String> out = new java.util.concurrent.ConcurrentSkipListMap<>();
        new FeedWriter(SiteConfig.defaults(), 10).write(new SiteIndex(all, List.of()),
                new ArchiveIndex(List.of(), List.of(), List.of(new SourceEntry("Only unknown", "only-unknown", List.of("u1")))),
                (OutputFile f) -> out.put(f.path(), new String(f.content(), StandardCharsets.UTF_8)));
        return AtomFeedCheck.parse(out.get("sources/only-unknown.xml")).updated();
    }

    @Test
    void largeSitemapBecomesAnIndexOfFilesWithinTheLimit() throws Exception {
        List<ArticleEntry> entries = new ArrayList<>();
        for (int i = 0; i < 7; i++) entries.add(entry("a" + i, "T" + i, Optional.of(LocalDate.of(2020, 1, 1 + i))));
        var files = write(SiteConfig.defaults().withBaseUrl(Optional.of("https://example.org/x/")), 4, entries);
        // 5 fixed pages + 7 articles + 1 source = 13 URLs → 4 files of at most 4.
        assertTrue(files.get("sitemap.xml").contains("<sitemapindex"), files.get("sitemap.xml"));
        assertEquals(List.of("sitemaps/1.xml", "sitemaps/2.xml", "sitemaps/3.xml", "sitemaps/4.xml"),
                files.keySet().stream().filter(p -> p.startsWith("sitemaps/")).toList());
        var schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Path res = Path.of("src/test/resources/schemas");
        schemas.newSchema(res.resolve("siteindex.xsd").toFile()).newValidator()
                .validate(new StreamSource(new StringReader(files.get("sitemap.xml"))));
        var urlset = schemas.newSchema(res.resolve("sitemap.xsd").toFile()).newValidator();
        for (int n = 1; n <= 4; n++) urlset.validate(new StreamSource(new StringReader(files.get("sitemaps/" + n + ".xml"))));
        assertTrue(files.get("robots.txt").endsWith("Sitemap: https://example.org/x/sitemap.xml\n"));
    }

    /**
     * The sitemap is named by its URLs and their days: an edit that leaves them alone keeps it (a site with a base
     * URL rebuilt the whole sitemap after every edit), one that moves a date or adds a page makes it again.
     */
    @Test
    void theSitemapIsNamedByItsUrlsAndDays() {
        SiteConfig config = SiteConfig.defaults().withBaseUrl(Optional.of("https://example.org/x/"));
        ArticleEntry a = entry("a1", "First", Optional.of(LocalDate.of(2020, 1, 2)));
        ArticleEntry b = entry("b1", "Second", Optional.of(LocalDate.of(2020, 1, 3)));
        String before = sitemapDigest(config, List.of(b, a));
        assertFalse(before.isEmpty(), "a pending file, made only when its digest is new");
        assertEquals(before, sitemapDigest(config, List.of(b, entry("a1", "First, retitled", Optional.of(LocalDate.of(2020, 1, 2))))),
                "a new title leaves every URL and day alone");
        assertFalse(before.equals(sitemapDigest(config, List.of(b, entry("a1", "First", Optional.of(LocalDate.of(2019, 5, 6)))))),
                "a new day is a new lastmod");
        assertFalse(before.equals(sitemapDigest(config, List.of(b, a, entry("c1", "Third", Optional.empty())))),
                "a new page is a new URL");
        assertFalse(before.equals(sitemapDigest(SiteConfig.defaults().withBaseUrl(Optional.of("https://example.org/y/")),
                List.of(b, a))), "another base URL");
    }

    private static String sitemapDigest(SiteConfig config, List<ArticleEntry> entries) {
        Map<String, OutputFile> out = new java.util.concurrent.ConcurrentSkipListMap<>();
        ArchiveIndex archive = new ArchiveIndex(List.of(), List.of(),
                List.of(new SourceEntry("Example News", "example-news", entries.stream().map(e -> e.article().id()).toList())));
        new FeedWriter(config, 10).write(new SiteIndex(entries, List.of()), archive, (OutputFile f) -> out.put(f.path(), f));
        OutputFile sitemap = out.get("sitemap.xml");
        String xml = new String(sitemap.content(), StandardCharsets.UTF_8);
        for (ArticleEntry e : entries) assertTrue(xml.contains("https://example.org/") && xml.contains(e.path()), xml);
        return sitemap.digest().orElse("");
    }
}
