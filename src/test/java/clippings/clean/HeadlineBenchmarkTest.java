package clippings.clean;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The title of every page of the extraction benchmark is its headline, not the {@code <title>} with the site
 * name appended (issue 3). The expected titles were checked by eye; see the fixtures' README.
 */
class HeadlineBenchmarkTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/extraction-bench");

    @Test
    void everyBenchmarkPageIsTitledWithItsHeadline() throws IOException {
        List<String> rows = Files.readAllLines(FIXTURES.resolve("expected-titles.tsv"), StandardCharsets.UTF_8);
        List<String> wrong = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cols = row.split("\t", 2);
            String html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(FIXTURES.resolve("html/" + cols[0] + ".html.gz")))) {
                html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String title = MetadataReader.read(Jsoup.parse(html), LocalDate.of(2100, 1, 1)).meta().title();
            if (!title.equals(cols[1])) wrong.add(cols[0] + ": expected <" + cols[1] + "> but was <" + title + ">");
        }
        assertEquals(181, rows.size() - 1, "benchmark pages");
        assertEquals(List.of(), wrong);
    }
}
