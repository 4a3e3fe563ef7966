package clippings.dedupe;

import clippings.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateFinderTest {
    private final TextFingerprinter fp = new TextFingerprinter();
    private final DuplicateFinder finder = new DuplicateFinder();

    private static String seed() throws IOException {
        return Files.readString(Fixtures.repo().resolve("content/000_259fb651ae3d4348.txt"));
    }

    private DuplicateFinder.Candidate c(String origin, String url, String text, int rank) {
        return new DuplicateFinder.Candidate(origin, url, fp.fingerprint(text), rank);
    }

    @Test
    void sameStoryWithTypographicDifferencesIsOneStory() throws IOException {
        String a = seed();
        String b = a.replace("’", "'").replace("“", "\"").replace("”", "\"").replace("\n\n", "\n");
        var dups = finder.find(List.of(c("b.txt", "", b, 2), c("a.html", "", a, 1)));
        assertEquals(1, dups.size());
        assertEquals("b.txt", dups.get(0).file());
        assertEquals("a.html", dups.get(0).of());
        assertTrue(dups.get(0).reason().startsWith("near-identical text"), dups.get(0).reason());
    }

    @Test
    void articleInsideMoreChromeIsTheSameStory() throws IOException {
        String article = seed();
        StringBuilder page = new StringBuilder("Home News Opinion Video Subscribe\n");
        page.append(article);
        page.append("\nMore from Middle East Monitor: Egypt court jails activists; Gaza fishermen report attacks; "
                + "Turkey and Russia sign gas deal; Lebanon protests enter second week\nCopyright 2015 All rights reserved");
        var dups = finder.find(List.of(c("page.txt", "", page.toString(), 2), c("clean.html", "", article, 1)));
        assertEquals(1, dups.size(), dups.toString());
    }

    @Test
    void differentStoriesOfOneSourceAreKept() throws IOException {
        String a = seed();
        String b = "Site icon Middle East Monitor\n\nEgypt court sentences 12 activists\n\nAn Egyptian court on Sunday "
                + "sentenced twelve activists to three years in prison for protesting without a permit, lawyers said. "
                + "The activists were arrested in Cairo last April during demonstrations against the transfer of two "
                + "Red Sea islands to Saudi Arabia. Rights groups condemned the verdict.\n\nExit mobile version";
        assertEquals(List.of(), finder.find(List.of(c("a.txt", "", a, 2), c("b.txt", "", b, 2))));
    }

    @Test
    void sameCanonicalUrlIsOneStoryWhateverTheText() {
        var dups = finder.find(List.of(c("x.html", "https://www.example.com/story/", "one text", 1),
                c("y.html", "http://example.com/story", "another text entirely", 1)));
        assertEquals(List.of(new DuplicateFinder.Duplicate("y.html", "x.html", "same canonical URL http://example.com/story")),
                dups);
    }

    @Test
    void shortTextsAreNeverCalledDuplicates() {
        assertEquals(List.of(), finder.find(List.of(c("a.txt", "", "Photo: Reuters", 2), c("b.txt", "", "Photo: Reuters", 2))));
    }
}
