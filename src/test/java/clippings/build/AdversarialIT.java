package clippings.build;

import clippings.model.Problem;
import clippings.model.SiteConfig;
import clippings.testing.Browser;
import clippings.testing.Fixtures;
import clippings.testing.SiteFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds the adversarial corpus (src/test/resources/adversarial) and checks that nothing is injected, nothing
 * is lost, nothing hangs (issue #8). The last check loads every page in headless Chromium with an oracle that
 * records any call a payload would make.
 */
class AdversarialIT {
    @TempDir
    static Path tmp;
    static Path content;
    static Path site;
    static BuildReport report;
    static long buildMillis;

    @BeforeAll
    static void build() throws IOException {
        content = tmp.resolve("content");
        copy(Fixtures.resources().resolve("adversarial/content"), content);
        // What git cannot hold: random bytes, an oversized file, and a symbolic link out of the folder.
        byte[] noise = new byte[5000];
        new Random(8).nextBytes(noise);
        Files.write(content.resolve("random-bytes.html"), noise);
        Files.writeString(content.resolve("oversized.txt"), "Big\n\n" + "word ".repeat(600_000));
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "Secret title\n\nA file outside the content folder.\n");
        Files.createSymbolicLink(content.resolve("link-out.txt"), secret);

        site = tmp.resolve("site");
        SiteConfig config = new SiteConfig("Adversarial", "x", "en", Optional.empty(), 20,
                clippings.model.CleanRules.defaults(), clippings.model.TagRules.defaults(), Optional.empty(), 2_000_000,
                clippings.model.PublishRules.defaults());
        BuildOptions options = new BuildOptions(content, Optional.of(Fixtures.repo().resolve("templates")), site, config,
                false, tmp.resolve("report.json"), Duration.ofSeconds(5));
        long start = System.nanoTime();
        report = new SiteBuild(options, new PrintWriter(new StringWriter())).run();
        buildMillis = (System.nanoTime() - start) / 1_000_000;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String status(String file) {
        if (report.published().stream().anyMatch(p -> p.file().equals(file))) return "published";
        if (report.duplicates().stream().anyMatch(p -> p.file().equals(file))) return "duplicate";
        if (report.skipped().stream().anyMatch(p -> p.file().equals(file))) return "skipped";
        if (report.failed().stream().anyMatch(p -> p.file().equals(file))) return "failed";
        return "missing";
    }

    private static String failure(String file) {
        return report.failed().stream().filter(p -> p.file().equals(file)).map(Problem::toString).findFirst().orElse("");
    }

    @Test
    void theLedgerBalancesAndEveryFileHasItsExpectedFate() {
        assertTrue(report.balances(), "ledger does not balance");
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("xss-capture.html", "published"), Map.entry("xss-markdown.md", "published"),
                Map.entry("thymeleaf-title.txt", "published"), Map.entry("controls.txt", "published"),
                Map.entry("latin1.html", "published"), Map.entry("bom.txt", "published"),
                Map.entry("image-renamed.txt", "failed"), Map.entry("archive-renamed.html", "failed"),
                Map.entry("random-bytes.html", "failed"), Map.entry("empty.txt", "failed"),
                Map.entry("blank.md", "failed"), Map.entry("no-article.html", "failed"),
                Map.entry("oversized.txt", "failed"), Map.entry("link-out.txt", "skipped"),
                Map.entry("hang.md", "failed"), Map.entry("yaml-java-class.md", "failed"),
                Map.entry("yaml-billion-laughs.md", "failed"), Map.entry("yaml-deep.md", "failed"),
                Map.entry("yaml-wrong-types.md", "failed"), Map.entry("yaml-bad-date.md", "failed"),
                Map.entry("gaza-upper.md", "published"), Map.entry("gaza-lower.md", "published"),
                Map.entry("same-title-1.md", "published"), Map.entry("same-title-2.md", "published"),
                Map.entry("copy-a.txt", "published"), Map.entry("copy-b.txt", "duplicate"),
                Map.entry("same-url-1.html", "published"), Map.entry("same-url-2.html", "duplicate")));
        for (String t : List.of("dotdot", "absolute", "windows", "con", "nul", "trailing-dot", "long", "rtl", "emoji",
                "slug-attack", "slug-con")) {
            expected.put("titles/" + t + ".md", "published");
        }
        Map<String, String> actual = new TreeMap<>();
        expected.keySet().forEach(f -> actual.put(f, status(f)));
        assertEquals(expected, actual, "report: " + report.failed());
        // Deeply nested inputs either build or fail with a reason; never crash the build.
        for (String deep : List.of("deep-emphasis.md", "deep-list.md", "deep-quote.md", "deep-html.html")) {
            String s = status(deep);
            assertTrue(s.equals("published") || (s.equals("failed") && !failure(deep).contains("internal error")),
                    deep + ": " + s + " " + failure(deep));
        }
    }

    @Test
    void failuresNameTheFileAndLineAndSayWhy() {
        assertEquals("hang.md: timed out after 5 s (pathological input?)", failure("hang.md"));
        assertEquals("yaml-java-class.md:2:8: invalid front matter: Global tag is not allowed: "
                + "tag:yaml.org,2002:javax.script.ScriptEngineManager", failure("yaml-java-class.md"));
        assertTrue(failure("yaml-billion-laughs.md").contains("Number of aliases"), failure("yaml-billion-laughs.md"));
        assertEquals("yaml-wrong-types.md:2:1: title must be a single value, not a list", failure("yaml-wrong-types.md"));
        assertEquals("image-renamed.txt: binary file, not text", failure("image-renamed.txt"));
        assertEquals("empty.txt: empty file", failure("empty.txt"));
        assertTrue(failure("oversized.txt").contains("above the limit of 2000000"), failure("oversized.txt"));
        assertTrue(report.duplicates().stream().anyMatch(d -> d.file().equals("copy-b.txt") && d.of().equals("copy-a.txt")
                && d.reason().startsWith("near-identical text")));
    }

    @Test
    void theBuildEndsInBoundedTimeWithNoThreadLeftRunning() throws InterruptedException {
        assertTrue(buildMillis < 180_000, "build took " + buildMillis + " ms");
        long until = System.currentTimeMillis() + 10_000;
        while (busyWorkers() > 0 && System.currentTimeMillis() < until) Thread.sleep(50);
        assertEquals(0, busyWorkers(), "article threads still running");
    }

    private static long busyWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("clippings-article") && t.getState() == Thread.State.RUNNABLE)
                .count();
    }

    /**
     * The theme's own active parts, and nothing else: JSON-LD data blocks, the search script on the search page,
     * the 404 page's inline root finder and style, the search form, the empty favicon and the archive chart.
     */
    private static boolean themeOwned(String path, Element e) {
        return switch (e.normalName()) {
            case "script" -> e.attr("type").equals("application/ld+json")
                    || (path.equals("search.html") && e.attr("src").endsWith("assets/search.js"))
                    || (path.equals("search.html") && e.attr("src").startsWith("search/"))
                    || (path.equals("404.html") && !e.hasAttr("src"));
            case "style" -> path.equals("404.html");
            case "form", "input", "button" -> path.equals("search.html") && e.closest("form#search-form") != null;
            case "svg" -> path.startsWith("archive/") && e.select("script, foreignObject, [href], a").isEmpty();
            default -> false;
        };
    }

    @Test
    void noPageHoldsExecutableContent() throws IOException {
        List<String> found = new ArrayList<>();
        for (String path : SiteFiles.list(site)) {
            if (!path.endsWith(".html")) continue;
            Document doc = Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
            for (Element e : doc.select("script, iframe, object, embed, form, input, button, style, meta[http-equiv], base, svg, math")) {
                if (!themeOwned(path, e)) found.add(path + ": <" + e.normalName() + ">");
            }
            for (Element e : doc.select("script[type=application/ld+json]")) {
                // Data, not code: it must parse as JSON and cannot close its script element early.
                com.google.gson.JsonParser.parseString(e.data());
                if (e.data().toLowerCase(java.util.Locale.ROOT).contains("</script")) found.add(path + ": JSON-LD breaks out");
            }
            for (Element e : doc.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    String v = a.getValue().replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(java.util.Locale.ROOT);
                    boolean emptyIcon = e.normalName().equals("link") && e.attr("rel").equals("icon") && v.equals("data:,");
                    if (a.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on") || a.getKey().equals("style")
                            || a.getKey().equals("srcdoc") || v.startsWith("javascript:") || (v.startsWith("data:") && !emptyIcon)
                            || v.startsWith("vbscript:")) {
                        found.add(path + ": " + e.normalName() + " " + a);
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void textThatLooksLikeATemplateExpressionIsShownLiterally() throws IOException {
        String page = pageOf("thymeleaf-title.txt");
        Document doc = Jsoup.parse(page);
        assertEquals("Budget [[${7*7}]] and __${1+1}__ and [(${'x'})]", doc.selectFirst("h1").text());
        assertTrue(doc.text().contains("th:text=\"${7*7}\""), doc.text());
        String md = pageOf("xss-markdown.md");
        // In Markdown, __x__ is strong emphasis: the underscores go, the expression text stays.
        assertTrue(Jsoup.parse(md).text().contains("[[${7*7}]] and [(${7*7})] and ${T(java.lang.Runtime)"),
                Jsoup.parse(md).text());
        assertFalse(Jsoup.parse(md).select(".article-body").text().contains("49"));
    }

    @Test
    void escapedMetadataIsShownAsText() throws IOException {
        Document doc = Jsoup.parse(pageOf("xss-markdown.md"));
        assertEquals("<script>alert('md-title')</script> Markdown attack", doc.selectFirst("h1").text());
        assertTrue(doc.title().startsWith("<script>"), doc.title());
    }

    @Test
    void encodingsAndControlCharactersAreClean() throws IOException {
        assertEquals("windows-1252 (declared by the page)", report.published().stream()
                .filter(p -> p.file().equals("latin1.html")).findFirst().orElseThrow().encoding(),
                "the report records the encoding and why");
        String latin = Jsoup.parse(pageOf("latin1.html")).text();
        assertTrue(latin.contains("The café on the corner raised prices by 5€ this week"), latin);
        assertTrue(latin.contains("“not amused”"), latin);
        for (String path : SiteFiles.list(site)) {
            // The original capture is published byte for byte (as plain text), so its SHA-256 still matches.
            if (path.endsWith(".source.txt")) continue;
            String text = Files.readString(site.resolve(path), StandardCharsets.UTF_8);
            assertFalse(text.contains("\uFFFD"), path + " holds U+FFFD");
            assertFalse(text.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
                    || (c >= 0x7f && c <= 0x9f) || c == 0xFEFF), path + " holds a control character");
        }
    }

    @Test
    void outputPathsAreLegalAndBounded() throws IOException {
        for (String path : SiteFiles.list(site)) {
            for (String segment : path.split("/")) {
                assertTrue(segment.getBytes(StandardCharsets.UTF_8).length <= 200, path);
                assertTrue(segment.matches("[a-z0-9_][a-z0-9._-]*|\\.nojekyll"), "odd file name: " + path);
                assertFalse(segment.matches("(?i)(con|prn|aux|nul|com\\d|lpt\\d)(\\..*)?"), "reserved name: " + path);
            }
        }
        String attack = report.published().stream().filter(p -> p.file().equals("titles/slug-attack.md")).findFirst()
                .orElseThrow().url();
        assertTrue(attack.matches("articles/undated/etc-passwd-[0-9a-f]{6}\\.html"), attack);
        String con = report.published().stream().filter(p -> p.file().equals("titles/slug-con.md")).findFirst()
                .orElseThrow().url();
        assertTrue(con.matches("articles/undated/con-1-[0-9a-f]{6}\\.html"), con);
        assertEquals(1, SiteFiles.list(site).stream().filter(p -> p.startsWith("tags/gaza") && p.endsWith(".html")).count(),
                "Gaza, gaza and GAZA are one tag");
    }

    @Test
    void noScriptRunsInABrowser() throws IOException {
        ChromeDriver browser = Browser.start();
        try {
            // Runs before any script of the page: records every dialog a payload would open.
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "window.__calls = [];"
                            + "['alert','confirm','prompt','print','open'].forEach(function (f) {"
                            + "  window[f] = function () { window.__calls.push(f + ':' + Array.from(arguments).join(',')); };"
                            + "});"));
            List<String> executed = new ArrayList<>();
            for (String path : SiteFiles.list(site)) {
                if (!path.endsWith(".html")) continue;
                browser.get(site.resolve(path).toUri().toString());
                // Every dialog call, and every script element but the theme's own (JSON-LD data, the search
                // script, the 404 page's root finder).
                Object calls = browser.executeScript("return window.__calls.concat(Array.from(document.scripts)"
                        + ".filter(function (s) { return s.type !== 'application/ld+json'"
                        + "  && !/assets\\/search\\.js$/.test(s.src) && !/\\/search\\/[^/]+(\\/[^/]+)?\\.js$/.test(s.src)"
                        + "  && !(location.pathname.endsWith('/404.html') && !s.src); })"
                        + ".map(function (s) { return 'script:' + (s.src || s.text.slice(0, 40)); }));");
                if (calls instanceof List<?> list && !list.isEmpty()) executed.add(path + " " + list);
            }
            assertEquals(List.of(), executed);
        } finally {
            browser.quit();
        }
    }

    private static String pageOf(String file) throws IOException {
        String url = report.published().stream().filter(p -> p.file().equals(file)).findFirst().orElseThrow().url();
        return Files.readString(site.resolve(url), StandardCharsets.UTF_8);
    }
}
