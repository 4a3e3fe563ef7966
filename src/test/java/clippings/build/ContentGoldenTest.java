package clippings.build;

import clippings.model.SiteConfig;
import clippings.testing.Fixtures;
import clippings.testing.Golden;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden files for the sample archive: for every input in {@code content/}, the exact Markdown published
 * beside its page and the exact article page. {@code -Dgolden.update=true} rewrites them; review the diff.
 */
class ContentGoldenTest {
    private static final Path GOLDEN = Fixtures.resources().resolve("golden/content");
    @TempDir
    static Path tmp;
    static BuildReport report;
    static Path site;

    @BeforeAll
    static void buildSampleArchive() {
        site = tmp.resolve("site");
        report = Fixtures.build(Fixtures.repo().resolve("content"), site, SiteConfig.defaults());
    }

    static Stream<String> inputs() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.repo().resolve("content"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".txt") || n.endsWith(".html"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void markdownAndPageMatchGoldenFiles(String input) throws IOException {
        String stem = input.substring(0, input.lastIndexOf('.'));
        var published = report.published().stream().filter(p -> p.file().equals(input)).findFirst();
        var failed = report.failed().stream().filter(p -> p.file().equals(input)).findFirst();
        if (published.isEmpty()) {
            // An input that is not published must be reported, and the report is golden too.
            assertTrue(failed.isPresent(), input + " is neither published nor failed");
            Golden.assertMatches(GOLDEN.resolve(stem + ".failed.txt"), failed.get().toString() + "\n");
            return;
        }
        String page = published.get().url();
        String md = page.substring(0, page.length() - ".html".length()) + ".md";
        Golden.assertMatches(GOLDEN.resolve(stem + ".md"), Files.readString(site.resolve(md), StandardCharsets.UTF_8));
        Golden.assertMatches(GOLDEN.resolve(stem + ".html"), Files.readString(site.resolve(page), StandardCharsets.UTF_8));
    }

    @Test
    void everyInputIsAccountedFor() {
        assertTrue(report.balances(), "ledger does not balance: " + report);
        assertEquals(List.of(), report.problems());
    }
}
