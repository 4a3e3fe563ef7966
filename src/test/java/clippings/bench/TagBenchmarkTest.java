package clippings.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagBenchmarkTest {
    @Test void scoresAutomaticTagsAgainstHiddenPublisherTags(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.html"), "<html lang=en><head><title>Talks in Moscow</title>"
                + "<meta name=keywords content=\"Moscow, Russia, ctp_video, @river, diplomacy\"></head><body>"
                + "<p>Talks in Moscow began on Monday.</p><p>Moscow hosts the delegates from Istanbul.</p>"
                + "<p>Russia said little. Moscow again.</p></body></html>");
        Files.writeString(dir.resolve("b.html"), "<html lang=de><head><meta name=keywords content=\"Berlin\"></head>"
                + "<body><p>Berlin.</p></body></html>");
        StringWriter s = new StringWriter();
        assertEquals(0, TagBenchmark.run(dir, new PrintWriter(s)));
        String out = s.toString();
        assertTrue(out.contains("1 pages with publisher tags (of 2; 1 not English, 0 without tags)"), out);
        assertTrue(out.contains("recall    0.667 (2 of 3 publisher tags found)"), out); // diplomacy is not named
    }

    @Test void failsOnAFolderWithoutPages(@TempDir Path dir) {
        StringWriter s = new StringWriter();
        assertEquals(2, TagBenchmark.run(dir, new PrintWriter(s)));
    }
}
