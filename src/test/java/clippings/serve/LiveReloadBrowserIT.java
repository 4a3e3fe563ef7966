package clippings.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reload script in a real browser (headless Chromium): a page reloads by itself after a content change,
 * shows the overlay for a broken template while the last good page stays, and drops it once fixed (#6).
 */
class LiveReloadBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;
    private PreviewServer server;
    private WebDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    @Test
    void pageReloadsOnChangeAndShowsBuildErrorsUntilFixed() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "needs chromium and chromedriver");
        ServeFixture.project(dir);
        server = new PreviewServer(ServeFixture.options(dir, "/repo/", 0), ServeFixture.builder(dir),
                new PrintWriter(new StringWriter(), true));
        server.start();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort().build(), options);
        browser.get(server.url().toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertTrue(browser.getPageSource().contains("First story about harbours"));
        wait.until(b -> js.executeScript("return window.clippingsBuild") != null);

        // A marker on the window survives until the page reloads.
        js.executeScript("window.__beforeReload = true;");
        Files.writeString(dir.resolve("content/second.txt"),
                "Site icon Test Paper\n\nSecond story about lighthouses\n\nThe lighthouse was repainted.\n");
        wait.until(b -> js.executeScript("return window.__beforeReload") == null
                && b.getPageSource().contains("Second story about lighthouses"));

        Path template = dir.resolve("templates/index.html");
        String good = Files.readString(template);
        Files.writeString(template, good.replace("</main>", "<p th:text=\"${page.noSuchField}\">x</p></main>"));
        wait.until(b -> overlayText(js).contains("index.html"));
        assertTrue(overlayText(js).contains("Build failed"), overlayText(js));
        assertTrue(browser.getPageSource().contains("Second story about lighthouses"));

        Files.writeString(template, good.replace("</main>", "<p>Fixed theme</p></main>"));
        wait.until(b -> b.getPageSource().contains("Fixed theme"));
        wait.until(b -> overlayText(js).isEmpty());
        assertEquals(server.url().toString(), browser.getCurrentUrl());
    }

    private static String overlayText(JavascriptExecutor js) {
        Object text = js.executeScript("var o = document.querySelector('clippings-overlay');"
                + "return o ? (o.shadowRoot || o).textContent : '';");
        return String.valueOf(text);
    }
}
