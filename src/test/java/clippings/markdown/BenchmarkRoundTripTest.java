package clippings.markdown;

import clippings.clean.ArticleCleaner;
import clippings.clean.HtmlSanitiser;
import clippings.model.CleanRules;
import clippings.model.InputFormat;
import clippings.model.RawArticle;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The page of each of the extraction benchmark's 181 real articles shows the text the cleaner kept, word for
 * word and space for space, after the trip through Markdown that every article makes. Before bold, italic and
 * links were prepared for the converter ({@link InlineMarks}), 55 of them lost a space ("the journalNature
 * Astronomy") or showed asterisks ("**Note:**The bundle").
 */
class BenchmarkRoundTripTest {
    private static final Path PAGES = Path.of("src/test/resources/fixtures/extraction-bench/html");

    /**
     * A list inside a heading ({@code <h3><ol><li>…}), which the Markdown writes as the heading "1. …": a
     * browser shows the number too.
     */
    private static final List<String> LIST_IN_HEADING =
            List.of("7a664e40d256470fdb12d10c3f8d1c6db0581e9b080c71765e55f273a3ac7d03");

    @Test
    void everyBenchmarkPageShowsTheCleanedTextAfterTheMarkdownRoundTrip() throws IOException {
        ArticleCleaner cleaner = new ArticleCleaner(CleanRules.defaults(), new HtmlSanitiser());
        MarkdownWriter writer = new MarkdownWriter();
        MarkdownRenderer renderer = new MarkdownRenderer();
        List<Path> pages;
        try (Stream<Path> files = Files.list(PAGES)) {
            pages = files.filter(p -> p.toString().endsWith(".html.gz")).sorted().toList();
        }
        assertEquals(181, pages.size(), "benchmark pages");
        List<String> differ = new ArrayList<>();
        for (Path page : pages) {
            String html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String id = page.getFileName().toString().replace(".html.gz", "");
            String body = cleaner.clean(new RawArticle(id + ".html", InputFormat.HTML, html, "0".repeat(64), "UTF-8"))
                    .bodyHtml();
            String shown = Jsoup.parseBodyFragment(renderer.render(writer.toMarkdown(body))).text();
            String kept = Jsoup.parseBodyFragment(body).text();
            if (!shown.equals(kept)) differ.add(id + ": " + firstDifference(kept, shown));
        }
        assertEquals(LIST_IN_HEADING, differ.stream().map(d -> d.substring(0, d.indexOf(':'))).toList(),
                String.join("\n", differ));
    }

    private static String firstDifference(String expected, String actual) {
        int i = 0;
        while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i)) i++;
        return "kept <…" + expected.substring(Math.max(0, i - 40), Math.min(expected.length(), i + 40))
                + "…> but the page shows <…" + actual.substring(Math.max(0, i - 40), Math.min(actual.length(), i + 40))
                + "…>";
    }
}
