package clippings.build;

import clippings.model.PublishRules;
import clippings.model.SiteConfig;
import clippings.testing.Fixtures;
import clippings.testing.SiteFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds the sample archive in {@code content/} end to end and checks the site as a whole. */
class SiteBuildIT {
    private static final List<String> CHROME = List.of("Site icon", "Exit mobile version", "Advertisement",
            "Share this article", "Skip to content");

    @TempDir
    static Path tmp;
    static Path site;
    static BuildReport report;

    @BeforeAll
    static void build() {
        site = tmp.resolve("site");
        report = Fixtures.build(Fixtures.repo().resolve("content"), site, SiteConfig.defaults());
    }

    @Test
    void everyInputIsPublishedOrReported() throws IOException {
        long inputs;
        try (var files = Files.list(Fixtures.repo().resolve("content"))) {
            inputs = files.count();
        }
        assertEquals(inputs, report.inputs());
        assertTrue(report.balances(), "ledger does not balance");
        assertTrue(report.published().size() >= 11, "published: " + report.published());
        List<String> files = report.published().stream().map(BuildReport.Published::file).toList();
        assertEquals(files.stream().sorted().toList(), files, "listed by input file");
        for (var p : report.published()) {
            assertFalse(p.encoding().isEmpty(), "the encoding of " + p.file());
            assertTrue(Files.isRegularFile(site.resolve(p.url())), "no page for " + p.file());
            String md = p.url().replaceFirst("\\.html$", ".md");
            assertTrue(Files.isRegularFile(site.resolve(md)), "no Markdown beside " + p.url());
        }
    }

    /** The JSON report says, for every published input, its encoding and where each of its tags came from (#4, #8). */
    @Test
    void reportRecordsEncodingsTagSourcesAndMerges() throws IOException {
        var json = com.google.gson.JsonParser.parseString(Files.readString(
                site.resolveSibling(site.getFileName() + "-report.json"))).getAsJsonObject();
        var seed = java.util.stream.StreamSupport.stream(json.getAsJsonArray("published").spliterator(), false)
                .map(e -> e.getAsJsonObject()).filter(o -> o.get("file").getAsString().startsWith("000_"))
                .findFirst().orElseThrow();
        assertEquals("UTF-8 (valid UTF-8)", seed.get("encoding").getAsString());
        assertTrue(seed.getAsJsonArray("tags").toString().contains(
                "{\"name\":\"Moscow\",\"kind\":\"place\",\"source\":\"automatic\"}"), seed.toString());
        assertTrue(json.getAsJsonArray("tagMerges").toString().contains("Khalid Khoja"), json.get("tagMerges").toString());
    }

    @Test
    void onePagePerPublishedArticle() throws IOException {
        List<String> pages = SiteFiles.list(site).stream()
                .filter(p -> p.startsWith("articles/") && p.endsWith(".html")).toList();
        assertEquals(report.published().size(), pages.size(), pages.toString());
    }

    @Test
    void noChromeStringOnAnyPage() throws IOException {
        for (String path : SiteFiles.list(site)) {
            if (!path.endsWith(".html") && !path.endsWith(".md")) continue;
            String text = Files.readString(site.resolve(path), StandardCharsets.UTF_8);
            // The theme's own skip link is not scraped chrome: look at what the page shows as content.
            if (path.endsWith(".html")) text = Jsoup.parse(text).select("main").text();
            for (String chrome : CHROME) assertTrue(!text.contains(chrome), path + " contains '" + chrome + "'");
        }
    }

    @Test
    void everyRelativeLinkAndAssetResolves() throws IOException {
        assertEquals(List.of(), brokenLinks(site));
    }

    /**
     * With {@code publish: {markdown: false, captures: false}} the Markdown and captures are not written and no
     * page links to them; every other file is the same as with the defaults (#7).
     */
    @Test
    void leavingOutMarkdownAndCapturesChangesOnlyTheArticlePages() throws IOException {
        SiteConfig d = SiteConfig.defaults();
        Path lean = tmp.resolve("lean");
        Fixtures.build(Fixtures.repo().resolve("content"), lean, new SiteConfig(d.title(), d.description(),
                d.language(), d.baseUrl(), d.pageSize(), d.clean(), d.tags(), d.cname(), d.maxInputBytes(),
                new PublishRules(false, false)));
        Map<String, String> full = new java.util.TreeMap<>(SiteFiles.digests(site));
        Map<String, String> leaner = SiteFiles.digests(lean);
        full.keySet().removeIf(p -> p.endsWith(".md") || p.endsWith(".source.txt"));
        assertEquals(full.keySet(), leaner.keySet());
        for (String path : full.keySet()) {
            boolean articlePage = path.startsWith("articles/") && path.endsWith(".html");
            if (!articlePage) assertEquals(full.get(path), leaner.get(path), path);
        }
        assertEquals(List.of(), brokenLinks(lean));
        for (var p : report.published()) {
            Document page = Jsoup.parse(lean.resolve(p.url()).toFile(), "UTF-8");
            assertEquals(List.of(), page.select("a[href$=.md], a[href$=.source.txt]").eachAttr("href"), p.url());
            assertTrue(!page.select(".provenance .sha code").text().isEmpty(), "the capture's SHA-256 stays");
        }
    }

    private static List<String> brokenLinks(Path site) throws IOException {
        List<String> broken = new ArrayList<>();
        for (String path : SiteFiles.list(site)) {
            if (!path.endsWith(".html")) continue;
            Document doc = Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
            for (Element e : doc.select("[href], [src]")) {
                String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (ref.isEmpty() || ref.startsWith("#") || URI.create(ref.replace(" ", "%20")).isAbsolute()
                        || ref.startsWith("//")) {
                    continue;
                }
                Path target = site.resolve(path).getParent().resolve(ref.replaceFirst("#.*$", "")).normalize();
                if (!target.startsWith(site) || !Files.isRegularFile(target)) broken.add(path + " → " + ref);
            }
        }
        return broken;
    }

    /** Provenance (#5): the original capture is beside every page, and a UTF-8 capture is published byte for byte. */
    @Test
    void everyArticleHasItsOriginalCaptureBesideIt() throws Exception {
        int identical = 0;
        for (var p : report.published()) {
            Path capture = site.resolve(p.url().replaceFirst("\\.html$", ".source.txt"));
            assertTrue(Files.size(capture) > 0, "no capture for " + p.url());
            String sha = Jsoup.parse(site.resolve(p.url()).toFile(), "UTF-8").select(".sha code").text();
            String actual = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(capture)));
            String original = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(Fixtures.repo().resolve("content").resolve(p.file()))));
            assertEquals(original, sha, p.url());
            if (actual.equals(sha)) identical++;
        }
        assertTrue(identical >= 1, "no capture published byte for byte");
        String seed = Files.readString(site.resolve(
                "articles/undated/syrian-opposition-refuses-invitation-to-join-peace-talks-in-moscow-c9acb4.source.txt"));
        assertTrue(seed.contains("Site icon Middle East Monitor"), "the capture is the raw scrape, chrome included");
    }

    /** Crawls every page: each internal link with a fragment must land on an element with that id (#5). */
    @Test
    void everyInternalAnchorExists() throws IOException {
        List<String> broken = new ArrayList<>();
        Map<Path, Document> cache = new java.util.HashMap<>();
        for (String path : SiteFiles.list(site)) {
            if (!path.endsWith(".html")) continue;
            Path page = site.resolve(path);
            Document doc = cache.computeIfAbsent(page, SiteBuildIT::parse);
            for (Element e : doc.select("a[href*=#]")) {
                String ref = e.attr("href");
                if (URI.create(ref.replace(" ", "%20")).isAbsolute()) continue;
                String file = ref.substring(0, ref.indexOf('#'));
                String id = ref.substring(ref.indexOf('#') + 1);
                Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.isRegularFile(target) || cache.computeIfAbsent(target, SiteBuildIT::parse).getElementById(id) == null) {
                    broken.add(path + " → " + ref);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    private static Document parse(Path p) {
        try {
            return Jsoup.parse(p.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Pages need only their HTML, the one stylesheet and (search) one script, all from the site; no image is hot-linked. */
    @Test
    void noPageRequestsAnythingOutsideTheSite() throws IOException {
        List<String> outside = new ArrayList<>();
        for (String path : SiteFiles.list(site)) {
            if (!path.endsWith(".html")) continue;
            Document doc = Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
            for (Element e : doc.select("link[href], script[src], iframe, object, embed, img[src], source, video, audio")) {
                String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (ref.startsWith("http") || ref.startsWith("//")) outside.add(path + " → " + e.tagName() + " " + ref);
            }
            assertTrue(doc.select("link[rel=stylesheet]").size() <= 1, path + " loads more than one stylesheet");
        }
        assertEquals(List.of(), outside);
    }

    @Test
    void everyPageParsesAsHtml5WithoutErrors() throws IOException {
        for (String path : SiteFiles.list(site)) {
            if (!path.endsWith(".html")) continue;
            String html = Files.readString(site.resolve(path), StandardCharsets.UTF_8);
            Parser parser = Parser.htmlParser().setTrackErrors(20);
            Jsoup.parse(html, "", parser);
            assertEquals(List.of(), parser.getErrors().stream().map(Object::toString).toList(), path);
            assertTrue(html.startsWith("<!DOCTYPE html>"), path + " has no HTML5 doctype");
        }
    }

    @Test
    void twoBuildsAreByteIdentical() throws IOException {
        Path again = tmp.resolve("again");
        Fixtures.build(Fixtures.repo().resolve("content"), again, SiteConfig.defaults());
        Map<String, String> first = SiteFiles.digests(site);
        Map<String, String> second = SiteFiles.digests(again);
        assertEquals(first, second);
    }
}
