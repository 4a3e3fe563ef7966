package clippings.publish;

import clippings.model.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GitHub Pages size guard and the CNAME file (#6); small limits stand in for 1 GB and 100 MB. */
class PagesLimitsTest {
    @TempDir
    Path site;
    private final StringWriter log = new StringWriter();

    private void file(String path, int bytes) throws IOException {
        Path p = site.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[bytes]);
    }

    @Test
    void reportsFileCountAndSizeWithoutWarningsWhenWellUnder() throws IOException {
        file("index.html", 600);
        file("a/b.html", 424);
        PagesUsage usage = new PagesLimits(10_000, 5_000, 0.8).report(site, new PrintWriter(log));
        assertEquals(new PagesUsage(2, 1024, 0, List.of()), usage);
        assertEquals("site: 2 files, 1.0 kB\n", log.toString().replace("\r", ""));
    }

    @Test
    void warnsNearTheSiteLimitAndAboutEveryFileOverTheFileLimit() throws IOException {
        file("index.html", 100);
        file("big/one.bin", 4_500);
        file("big/two.bin", 4_600);
        PagesUsage usage = new PagesLimits(10_000, 4_550, 0.8).report(site, new PrintWriter(log));
        assertEquals(List.of("big/two.bin is 4.5 kB, over GitHub Pages' 4.4 kB limit for one file",
                "the site is 9.0 kB, near GitHub Pages' 9.8 kB limit"), usage.warnings(), log.toString());
        assertTrue(log.toString().contains("warning: the site is"), log.toString());
    }

    @Test
    void saysWhenTheSiteIsOverTheLimit() throws IOException {
        file("index.html", 2_000);
        PagesUsage usage = new PagesLimits(1_000, 5_000, 0.8).report(site, new PrintWriter(log));
        assertEquals(List.of("the site is 2.0 kB, over GitHub Pages' 1000 bytes limit: the deploy will fail"),
                usage.warnings());
    }

    /** The summary sizes the site per article, and an oversized site is told which copies it may leave out (#7). */
    @Test
    void reportsBytesPerArticleAndNamesTheKeysThatPublishLess() throws IOException {
        file("index.html", 1_000);
        file("articles/2020/01/a.html", 2_000);
        file("articles/2020/01/a.md", 1_000);
        file("articles/2020/01/a.source.txt", 1_048);
        file("articles/2020/02/b.html", 2_096);
        PagesUsage usage = new PagesLimits(1_000_000, 5_000, 0.8).report(site, new PrintWriter(log));
        assertEquals(2, usage.articles());
        assertEquals("site: 5 files, 7.0 kB, 3.5 kB per article (2 articles)\n", log.toString().replace("\r", ""));
        usage = new PagesLimits(5_000, 5_000, 0.8).report(site, new PrintWriter(new StringWriter()));
        assertEquals(List.of("the site is 7.0 kB, over GitHub Pages' 4.9 kB limit: the deploy will fail; the Markdown "
                + "and original captures beside the article pages take 2.0 kB, and 'publish: {markdown: false, "
                + "captures: false}' in clippings.yml leaves them out"), usage.warnings());
    }

    @Test
    void writesCnameOnlyWhenConfigured() {
        assertEquals(Optional.empty(), PagesFiles.cname(SiteConfig.defaults()));
        SiteConfig c = withCname("https://Archive.Example.org/");
        assertEquals("archive.example.org\n",
                new String(PagesFiles.cname(c).orElseThrow().content(), StandardCharsets.UTF_8));
        assertEquals("CNAME", PagesFiles.cname(c).orElseThrow().path());
        assertThrows(IllegalArgumentException.class, () -> PagesFiles.cname(withCname("not a domain")));
    }

    private static SiteConfig withCname(String cname) {
        SiteConfig d = SiteConfig.defaults();
        return new SiteConfig(d.title(), d.description(), d.language(), d.baseUrl(), d.pageSize(), d.clean(), d.tags(),
                Optional.of(cname), d.maxInputBytes(), d.publish());
    }
}
