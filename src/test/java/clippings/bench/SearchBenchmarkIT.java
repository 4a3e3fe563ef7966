package clippings.bench;

import clippings.testing.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code clippings bench search} keeps working: a small archive, a few queries, real Chromium. The figures
 * themselves are the benchmark's to report (README), not this test's to assert.
 */
class SearchBenchmarkIT {
    @TempDir
    Path work;

    @Test
    void measuresQueriesInHeadlessChromium() throws Exception {
        Browser.assumeAvailable();
        StringWriter text = new StringWriter();
        int code = new SearchBenchmark(work, Path.of("templates"), new PrintWriter(text)).run(300, 7, 3);
        String out = text.toString();
        assertEquals(0, code, out);
        assertTrue(out.contains("3 one-word queries at 300 articles"), out);
        Matcher row = Pattern.compile("(?m)^  \\S+ +(\\d+) results  answer +([\\d.]+) ms .*? ([\\d.]+) KB   first visit").matcher(out);
        int rows = 0;
        while (row.find()) {
            rows++;
            assertTrue(Integer.parseInt(row.group(1)) > 0, "a word of a headline finds its article: " + out);
            assertTrue(Double.parseDouble(row.group(3)) > 0, "the query downloaded its shards: " + out);
        }
        assertEquals(3, rows, out);
    }

    @Test
    void percentilesAreNearestRank() {
        assertEquals(2.0, SearchBenchmark.pct(List.of(1, 2, 3, 4), 50));
        assertEquals(4.0, SearchBenchmark.pct(List.of(1, 2, 3, 4), 95));
        assertEquals(0.0, SearchBenchmark.pct(List.of(), 50));
    }
}
