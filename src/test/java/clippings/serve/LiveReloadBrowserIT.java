package clippings.serve;

import clippings.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reload script in a real browser (headless Chromium): a page reloads by itself after a content change,
 * shows the overlay for a broken template while the last good page stays, and drops it once fixed (#6).
 */
class LiveReloadBrowserIT {
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
        Browser.assumeAvailable();
        ServeFixture.project(dir);
        server = new PreviewServer(ServeFixture.options(dir, "/repo/", 0), ServeFixture.builder(dir),
                new PrintWriter(new StringWriter(), true));
        server.start();
        browser = Browser.start();
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
