package clippings.browser;

import clippings.model.SiteConfig;
import clippings.testing.Browser;
import clippings.testing.Fixtures;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads the sample archive as a reader would, in headless Chromium (#5): served under a sub-path
 * ({@code /archive/}, like a GitHub Pages project site) and opened from disk ({@code file://}). Built with two
 * articles a page so listings paginate. Every visited page must log no console error, and axe-core (vendored
 * in {@code src/test/resources/axe/}) must find no serious or critical accessibility violation on the main
 * page kinds. One browser serves the whole class, to keep the suite fast.
 */
class SiteBrowserIT {
    static final String SEED = "articles/undated/syrian-opposition-refuses-invitation-to-join-peace-talks-in-moscow-c9acb4.html";
    @TempDir
    static Path tmp;
    static Path site;
    static HttpServer server;
    static String http;
    static ChromeDriver driver;
    final List<String> visited = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    @BeforeAll
    static void buildServeAndOpen() throws Exception {
        Browser.assumeAvailable();
        site = tmp.resolve("site");
        SiteConfig config = SiteConfig.defaults();
        config = new SiteConfig(config.title(), config.description(), config.language(), config.baseUrl(), 2,
                config.clean(), config.tags(), config.cname(), config.maxInputBytes(), config.publish());
        Fixtures.build(Fixtures.repo().resolve("content"), site, config);
        server = SiteServer.serve(site);
        http = "http://127.0.0.1:" + server.getAddress().getPort() + "/archive/";
        driver = Browser.start(tmp.resolve("profile"));
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.stop(0);
    }

    @BeforeEach
    void drainLog() {
        consoleErrors(driver);
    }

    private void go(String url) {
        driver.get(url);
        check();
    }

    private void click(WebElement link) {
        link.click();
        check();
    }

    /** Records the page and any console error it logged. */
    private void check() {
        visited.add(driver.getCurrentUrl());
        for (String e : consoleErrors(driver)) errors.add(driver.getCurrentUrl() + ": " + e);
    }

    private String h1() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @Test
    void readerBrowsesTheArchiveUnderASubPath() {
        browse(http);
    }

    @Test
    void readerBrowsesTheArchiveFromDisk() {
        browse(site.toUri() + "index.html");
    }

    private void browse(String home) {
        go(home);
        assertEquals("Latest articles", h1());
        // An article, then one of its tags.
        WebElement first = driver.findElement(By.cssSelector(".article-list-title a"));
        String title = first.getText();
        click(first);
        assertEquals(title, h1());
        assertFalse(driver.findElements(By.cssSelector("time[datetime]")).isEmpty(), "no <time datetime>");
        WebElement tag = driver.findElement(By.cssSelector(".tag-list a"));
        String tagName = tag.getText();
        click(tag);
        assertEquals(tagName, h1());
        // Paginate the home listing (two articles a page).
        click(driver.findElement(By.linkText("Latest")));
        click(driver.findElement(By.cssSelector(".pagination a[rel=next]")));
        assertTrue(driver.getCurrentUrl().endsWith("page/2.html"), driver.getCurrentUrl());
        assertEquals(2, driver.findElements(By.cssSelector(".article-list > li")).size());
        // The date archive, then a month.
        click(driver.findElement(By.linkText("Archive")));
        assertEquals("Archive", h1());
        assertFalse(driver.findElements(By.cssSelector("svg.chart rect")).isEmpty(), "no chart");
        click(driver.findElement(By.cssSelector(".month-list a")));
        assertEquals("November 2019", h1());
        // Sources.
        click(driver.findElement(By.linkText("Sources")));
        click(driver.findElement(By.linkText("Middle East Monitor")));
        assertEquals("Middle East Monitor", h1());
        // Search for a word of the seed, from the search page, and reach the seed.
        click(driver.findElement(By.linkText("Search")));
        waiting().until(d -> "true".equals(d.findElement(By.id("main")).getAttribute("data-search-ready")));
        driver.findElement(By.id("q")).sendKeys("Khoja");
        waiting().until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
        WebElement hit = driver.findElement(By.cssSelector("#search-results li a"));
        assertTrue(hit.getText().startsWith("Syrian opposition"), hit.getText());
        assertFalse(driver.findElements(By.cssSelector("#search-results mark")).isEmpty(), "no highlighted match");
        // A result's tags are a line of text: laid out as flex items, "Julian <mark>Assange</mark> · Sweden"
        // came apart at the highlight, with the rest of the tags on a line of their own.
        assertEquals("block", driver.executeScript(
                "return getComputedStyle(document.querySelector('#search-results .result-tags')).display"));
        click(hit);
        assertEquals("Syrian opposition refuses invitation to join peace talks in Moscow", h1());
        assertEquals(List.of(), errors, "console errors on " + visited);
    }

    @Test
    void searchTakesTheQueryFromTheUrlAndFilters() {
        go(http + "search.html?q=assange");
        waiting().until(d -> d.findElement(By.id("search-status")).getText().contains("article"));
        assertEquals("assange", driver.findElement(By.id("q")).getAttribute("value"));
        int all = driver.findElements(By.cssSelector("#search-results > li")).size();
        assertTrue(all >= 2, "results for assange: " + all);
        // Each filter's label stays on the line of its list when the filters wrap (at this width "Year" ended
        // one line and its list began the next).
        assertEquals(List.of(), driver.executeScript(
                "return [...document.querySelectorAll('.filters label')].filter(l => {"
                        + " const r = l.getBoundingClientRect(), s = document.getElementById(l.htmlFor).getBoundingClientRect();"
                        + " return r.bottom <= s.top || r.top >= s.bottom; }).map(l => l.textContent)"));
        new Select(driver.findElement(By.id("f-source"))).selectByValue("bbc-news");
        waiting().until(d -> d.findElements(By.cssSelector("#search-results > li")).size() < all);
        List<WebElement> sources = driver.findElements(By.cssSelector("#search-results .source"));
        assertFalse(sources.isEmpty());
        for (WebElement s : sources) assertEquals("BBC News", s.getText());
        assertTrue(driver.getCurrentUrl().contains("source=bbc-news"), driver.getCurrentUrl());
        // Tag and year filters, taken from the URL.
        go(http + "search.html?q=sweden&tag=julian-assange&year=2019");
        waiting().until(d -> d.findElement(By.id("search-status")).getText().matches("\\d+ articles?\\..*"));
        assertEquals("julian-assange", new Select(driver.findElement(By.id("f-tag"))).getFirstSelectedOption().getAttribute("value"));
        List<WebElement> times = driver.findElements(By.cssSelector("#search-results time"));
        assertFalse(times.isEmpty());
        for (WebElement t : times) assertTrue(t.getAttribute("datetime").startsWith("2019"), t.getAttribute("datetime"));
        go(http + "search.html?q=khoja&year=2019");
        waiting().until(d -> d.findElement(By.id("search-status")).getText().equals("No articles match."));
        // Prefix matching: the word being typed.
        go(http + "search.html?q=khoj");
        waiting().until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
        check();
        assertEquals(List.of(), errors, "console errors on " + visited);
    }

    /**
     * Results that rank alike are listed newest first: the index numbers its documents from the oldest, so that
     * a new article takes the next number (#7), and the browser breaks ties by the higher number.
     */
    @Test
    void equallyRankedResultsAreListedNewestFirst() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("ties/content"));
        String[][] stories = {{"a", "Report alpha", "2019-03-01"}, {"b", "Report bravo", "2021-03-01"},
                {"c", "Report charlie", "2020-03-01"}, {"d", "Report delta", ""}};
        for (String[] s : stories) {
            Files.writeString(content.resolve(s[0] + ".md"), "---\ntitle: " + s[1] + "\n"
                    + (s[2].isEmpty() ? "" : "date: " + s[2] + "\n") + "---\n\nThe harbour board met on a quiet evening.\n");
        }
        Path tiny = tmp.resolve("ties/site");
        Fixtures.build(content, tiny, SiteConfig.defaults());
        go(tiny.toUri() + "search.html?q=harbour");
        waiting().until(d -> d.findElements(By.cssSelector("#search-results > li")).size() == stories.length);
        List<String> titles = driver.findElements(By.cssSelector("#search-results > li h2")).stream()
                .map(WebElement::getText).toList();
        // In site order: newest first, undated last.
        assertEquals(List.of("Report bravo", "Report charlie", "Report alpha", "Report delta"), titles);
        assertEquals(List.of(), errors, "console errors on " + visited);
    }

    /** Keyboard first: the first Tab reaches the skip link, which shows itself with a visible focus ring. */
    @Test
    void keyboardReachesTheSkipLinkWithAVisibleFocus() {
        go(http + "index.html");
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        WebElement focused = driver.switchTo().activeElement();
        assertEquals("Skip to content", focused.getText());
        assertTrue(focused.getRect().getX() >= 0, "skip link stays off screen when focused");
        assertEquals("solid", focused.getCssValue("outline-style"));
        focused.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertTrue(driver.getCurrentUrl().endsWith("#main"), driver.getCurrentUrl());
    }

    /** From 320 px up no page scrolls sideways. */
    @Test
    void pagesFitA320PixelScreen() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 320, "height", 800,
                "deviceScaleFactor", 1, "mobile", true));
        try {
            List<String> wide = new ArrayList<>();
            for (String page : List.of("index.html", SEED, "archive/index.html", "tags/index.html", "sources/index.html",
                    "search.html?q=assange",
                    "articles/2019/11/sweden-drops-assange-rape-investigation-2fda4b.html")) {
                go(http + page);
                Number width = (Number) driver.executeScript("return document.documentElement.scrollWidth;");
                if (width.intValue() > 320) wide.add(page + ": " + width + " px");
            }
            assertEquals(List.of(), wide);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
    }

    /** The same expectations as TextFoldingTest holds the Java side to: both sides fold alike. */
    @Test
    void browserFoldsQueriesLikeTheIndexer() {
        go(http + "search.html");
        waiting().until(d -> "true".equals(d.findElement(By.id("main")).getAttribute("data-search-ready")));
        assertEquals(List.of("beyrouth", "ecole", "strasse", "lodz", "oeuvre", "σοφοσ", "istanbul", "2015", "07"),
                driver.executeScript("return CS.words(arguments[0]);",
                        "Beyrouth, ÉCOLE; Straße — Łódź «Œuvre» ΣΟΦΟΣ İstanbul 2015-07"));
        assertEquals(List.of(), errors, "console errors on " + visited);
    }

    @Test
    void missingPageAtAnyDepthShowsTheStyledNotFoundPage() {
        String missing = http + "no/such/deep/page.html";
        go(missing);
        assertEquals("Page not found", h1());
        // The 404 status of the missing page itself is the one error expected here.
        errors.removeIf(e -> e.startsWith(missing + ": " + missing
                + " - Failed to load resource: the server responded with a status of 404"));
        String href = driver.findElement(By.linkText("Latest")).getAttribute("href");
        // Served from 127.0.0.1 the script takes the root to be "/", which is where the links then point.
        assertTrue(href.endsWith("/index.html"), href);
        assertEquals(List.of(), errors, "console errors on " + visited);
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolations() throws Exception {
        String axe = Files.readString(Fixtures.resources().resolve("axe/axe.min.js"), StandardCharsets.UTF_8);
        List<String> violations = new ArrayList<>();
        for (String page : List.of("index.html", SEED, "tags/moscow.html", "tags/index.html", "archive/index.html",
                "sources/index.html", "search.html?q=khoja")) {
            go(http + page);
            if (page.startsWith("search")) {
                waiting().until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
            }
            driver.executeScript(axe);
            Object result = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']})"
                    + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                    + ".catch(function (e) { done('error: ' + e); });");
            String json = String.valueOf(result);
            assertTrue(json.startsWith("["), page + ": axe did not run: " + json);
            for (JsonElement v : JsonParser.parseString(json).getAsJsonArray()) {
                var o = v.getAsJsonObject();
                String impact = o.get("impact").isJsonNull() ? "" : o.get("impact").getAsString();
                if (impact.equals("serious") || impact.equals("critical")) {
                    violations.add(page + ": " + impact + " " + o.get("id").getAsString() + " — "
                            + o.get("help").getAsString() + " " + o.getAsJsonArray("nodes").get(0).getAsJsonObject()
                            .get("html").getAsString());
                }
            }
        }
        assertEquals(List.of(), violations);
        assertEquals(List.of(), errors, "console errors on " + visited);
    }

    /** Console errors since the last call; pages load nothing from outside the site, so none is excused. */
    private static List<String> consoleErrors(WebDriver driver) {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(e.getMessage());
        }
        return errors;
    }
}
