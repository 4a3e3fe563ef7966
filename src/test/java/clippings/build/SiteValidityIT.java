package clippings.build;

import clippings.model.SiteConfig;
import clippings.testing.Fixtures;
import clippings.testing.SiteFiles;
import com.google.gson.JsonParser;
import nu.validator.client.EmbeddedValidator;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample archive, built with a base URL, is valid (#5): every page passes the Nu Html Checker (offline,
 * in-process) with no error, every Atom feed parses and has what RFC 4287 requires, and {@code sitemap.xml}
 * validates against the sitemap schema (vendored in {@code src/test/resources/schemas/}).
 */
class SiteValidityIT {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String BASE = "https://example.org/clippings/";
    @TempDir
    static Path tmp;
    static Path site;

    @BeforeAll
    static void build() {
        site = tmp.resolve("site");
        Fixtures.build(Fixtures.repo().resolve("content"), site, SiteConfig.defaults().withBaseUrl(Optional.of(BASE)));
    }

    @Test
    void everyPagePassesTheNuHtmlChecker() throws Exception {
        List<String> errors = new ArrayList<>();
        Checker checker = new Checker(errors);
        int pages = checker.checkSite(site);
        assertTrue(pages > 100, "pages checked: " + pages);
        // The checker is live: a page with a known error is caught.
        Path bad = tmp.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=en><head><title>x</title></head><body><img src=a.png></body></html>");
        checker.check("bad.html", bad);
        assertTrue(errors.removeIf(e -> e.startsWith("bad.html:")), "the checker found no error in bad.html");
        assertEquals(List.of(), errors);
    }

    /** Hostile input must not make invalid pages or feeds either (#8). */
    @Test
    void theAdversarialCorpusBuildsValidPagesAndFeeds() throws Exception {
        Path adversarial = tmp.resolve("adversarial");
        BuildOptions options = new BuildOptions(Fixtures.resources().resolve("adversarial/content"),
                Optional.of(Fixtures.repo().resolve("templates")), adversarial,
                SiteConfig.defaults().withBaseUrl(Optional.of(BASE)), false, tmp.resolve("adversarial.json"),
                java.time.Duration.ofSeconds(5));
        BuildReport report = new SiteBuild(options, new java.io.PrintWriter(new java.io.StringWriter())).run();
        assertTrue(report.published().size() > 20, "published: " + report.published().size());
        List<String> errors = new ArrayList<>();
        assertTrue(new Checker(errors).checkSite(adversarial) > 20);
        assertEquals(List.of(), errors);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        for (String path : SiteFiles.list(adversarial)) {
            if (path.endsWith(".xml")) f.newDocumentBuilder().parse(adversarial.resolve(path).toFile());
        }
    }

    /** One Nu Html Checker for many pages: the schema is compiled once (EmbeddedValidator compiles it per page). */
    private static final class Checker {
        private final SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
        private final String[] current = {""};

        Checker(List<String> errors) throws Exception {
            ErrorHandler handler = new ErrorHandler() {
                @Override public void warning(SAXParseException e) {
                }

                @Override public void error(SAXParseException e) {
                    errors.add(current[0] + ":" + e.getLineNumber() + ": " + e.getMessage());
                }

                @Override public void fatalError(SAXParseException e) {
                    errors.add(current[0] + ":" + e.getLineNumber() + ": fatal: " + e.getMessage());
                }
            };
            validator.setUpMainSchema(EmbeddedValidator.SCHEMA_URL, handler);
            validator.setUpValidatorAndParsers(handler, false, false);
        }

        int checkSite(Path root) throws Exception {
            int pages = 0;
            for (String path : SiteFiles.list(root)) {
                if (!path.endsWith(".html")) continue;
                pages++;
                check(path, root.resolve(path));
            }
            return pages;
        }

        void check(String name, Path file) throws Exception {
            current[0] = name;
            validator.checkHtmlFile(file.toFile(), true);
        }
    }

    @Test
    void everyFeedIsAtomWithWhatRfc4287Requires() throws Exception {
        List<String> feeds = SiteFiles.list(site).stream().filter(p -> p.endsWith(".xml")
                && (p.equals("feed.xml") || p.startsWith("tags/") || p.startsWith("sources/"))).toList();
        assertTrue(feeds.size() > 10, feeds.toString());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        int entries = 0;
        int undated = 0;
        for (String path : feeds) {
            DocumentBuilder b = f.newDocumentBuilder();
            Document doc = b.parse(site.resolve(path).toFile());
            Element feed = doc.getDocumentElement();
            assertEquals(ATOM, feed.getNamespaceURI(), path);
            assertEquals("feed", feed.getLocalName(), path);
            assertAbsolute(path, one(feed, "id"));
            one(feed, "title");
            assertRfc3339(path, one(feed, "updated"));
            boolean feedAuthor = children(feed, "author").size() > 0;
            for (Element entry : children(feed, "entry")) {
                entries++;
                assertAbsolute(path, one(entry, "id"));
                one(entry, "title");
                assertRfc3339(path, one(entry, "updated"));
                if (children(entry, "published").isEmpty()) undated++;
                assertTrue(feedAuthor || !children(entry, "author").isEmpty(), path + ": entry without author");
                Element content = children(entry, "content").get(0);
                assertEquals("html", content.getAttribute("type"));
                assertFalse(content.getTextContent().isBlank(), path + ": empty content");
                for (Element link : children(entry, "link")) assertAbsolute(path, link.getAttribute("href"));
            }
        }
        assertTrue(entries > 0);
        // The seed is undated: it is in feed.xml and its tags' feeds, with an updated time but no published (#5).
        assertTrue(undated > 1, "undated entries: " + undated);
    }

    @Test
    void sitemapValidatesAgainstTheSitemapSchema() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Fixtures.resources().resolve("schemas/sitemap.xsd").toFile());
        schema.newValidator().validate(new StreamSource(site.resolve("sitemap.xml").toFile()));
        String xml = Files.readString(site.resolve("sitemap.xml"), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<loc>" + BASE + "</loc>"), "home page missing");
        assertTrue(Files.readString(site.resolve("robots.txt")).contains("Sitemap: " + BASE + "sitemap.xml"));
    }

    @Test
    void articlePagesCarryCanonicalOpenGraphAndJsonLd() throws Exception {
        String seed = Files.readString(site.resolve(
                "articles/undated/syrian-opposition-refuses-invitation-to-join-peace-talks-in-moscow-c9acb4.html"));
        var doc = org.jsoup.Jsoup.parse(seed);
        String canonical = BASE + "articles/undated/syrian-opposition-refuses-invitation-to-join-peace-talks-in-moscow-c9acb4.html";
        assertEquals(canonical, doc.select("link[rel=canonical]").attr("href"));
        assertEquals(canonical, doc.select("meta[property=og:url]").attr("content"));
        assertEquals("article", doc.select("meta[property=og:type]").attr("content"));
        var ld = JsonParser.parseString(doc.select("script[type=application/ld+json]").html()).getAsJsonObject();
        assertEquals("NewsArticle", ld.get("@type").getAsString());
        assertEquals(canonical, ld.get("url").getAsString());
    }

    /** With a base URL the 404 page, served at any depth, links absolutely and needs no script. */
    @Test
    void notFoundPageLinksAbsolutelyWithABaseUrl() throws Exception {
        var doc = org.jsoup.Jsoup.parse(site.resolve("404.html").toFile(), "UTF-8");
        assertTrue(doc.select("script").isEmpty());
        assertEquals(BASE + "assets/style.css", doc.select("link[rel=stylesheet]").attr("href"));
        for (var a : doc.select("a[href]")) {
            String href = a.attr("href");
            assertTrue(href.startsWith(BASE) || href.startsWith("#"), href);
        }
    }

    private static void assertAbsolute(String path, String uri) {
        assertTrue(URI.create(uri.strip()).isAbsolute(), path + ": not an absolute IRI: " + uri);
    }

    private static void assertRfc3339(String path, String date) {
        assertTrue(date.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)"),
                path + ": not RFC 3339: " + date);
    }

    private static String one(Element parent, String name) {
        List<Element> list = children(parent, name);
        assertEquals(1, list.size(), parent.getLocalName() + " must have one " + name);
        return list.get(0).getTextContent();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}
