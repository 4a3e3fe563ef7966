package clippings.taxonomy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SluggerTest {
    private final Slugger slugger = new Slugger();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Syrian opposition refuses invitation to join peace talks in Moscow|syrian-opposition-refuses-invitation-to-join-peace-talks-in-moscow",
            "Taylor Swift’s AMA row ‘seems to be over’|taylor-swifts-ama-row-seems-to-be-over",
            "Café|cafe",
            "Gaza|gaza",
            "Бейрут|bejrut",
            "Ελλάδα|ellada",
            "東京|dong-jing",
            "../../x|x",
            "C:\\x|c-x",
            "con|con-1",
            "index|index-1",
    })
    void makesReadableAsciiSlugs(String text, String slug) {
        assertEquals(slug, slugger.slug(text, "t"));
    }

    @Test
    void neverEmpty() {
        assertEquals("t-" + Slugger.shortHash("😀", 8), slugger.slug("😀", "t"));
        assertEquals("t-" + Slugger.shortHash("", 8), slugger.slug("", "t"));
    }

    @Test
    void cappedAtAWordBoundary() {
        String s = slugger.slug("word ".repeat(2000), "t");
        assertTrue(s.length() <= Slugger.MAX_LENGTH, s);
        assertTrue(s.endsWith("word"), s);
    }
}
