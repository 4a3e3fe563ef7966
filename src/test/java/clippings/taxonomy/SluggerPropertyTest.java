package clippings.taxonomy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever the title (any script, control characters, path tricks), the slug is safe (#8). Titles of 10,000
 * characters are covered by {@link SluggerTest}; generated ones stay shorter to keep the suite fast.
 */
class SluggerPropertyTest {
    private final Slugger slugger = new Slugger();

    @Property(tries = 100, seed = "20261206")
    void slugsAreShortLowerCaseAsciiAndNeverReserved(@ForAll @StringLength(max = 300) String title) {
        String slug = slugger.slug(title, "article");
        assertTrue(slug.matches("[a-z0-9]+(-[a-z0-9]+)*"), slug);
        assertTrue(slug.getBytes(StandardCharsets.UTF_8).length <= Slugger.MAX_LENGTH, slug);
        assertFalse(slug.matches("con|prn|aux|nul|com\\d|lpt\\d|index"), slug);
        assertEquals(slug, slugger.slug(title, "article"), "deterministic");
    }

    /**
     * ASCII skips the transliterator and the regular expressions are a loop now (#7): the slugs are still the
     * ones the transliterator and the regular expressions made.
     */
    @Property(tries = 300, seed = "20261206")
    void sameSlugsAsTransliteratingEverything(@ForAll @StringLength(max = 40) String any,
                                              @ForAll @StringLength(max = 40) @CharRange(from = 0, to = 127) String ascii) {
        assertEquals(reference(any), slugger.slug(any, "t"));
        assertEquals(reference(ascii), slugger.slug(ascii, "t"));
        assertEquals(reference(ascii + any), slugger.slug(ascii + any, "t"));
    }

    private static final com.ibm.icu.text.Transliterator ICU =
            com.ibm.icu.text.Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");

    private static synchronized String reference(String text) {
        String s = ICU.transliterate(text).toLowerCase(java.util.Locale.ROOT).replace("'", "").replace("’", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > Slugger.MAX_LENGTH) {
            int cut = s.lastIndexOf('-', Slugger.MAX_LENGTH);
            s = s.substring(0, cut > Slugger.MAX_LENGTH / 2 ? cut : Slugger.MAX_LENGTH);
        }
        if (s.isEmpty()) return "t-" + Slugger.shortHash(text, 8);
        if (s.matches("con|prn|aux|nul|com\\d|lpt\\d|index|page|feed|tags|archive|sources|search")) return s + "-1";
        return s;
    }
}
