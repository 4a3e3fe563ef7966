package clippings.taxonomy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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

    @Property(tries = 100)
    void slugsAreShortLowerCaseAsciiAndNeverReserved(@ForAll @StringLength(max = 300) String title) {
        String slug = slugger.slug(title, "article");
        assertTrue(slug.matches("[a-z0-9]+(-[a-z0-9]+)*"), slug);
        assertTrue(slug.getBytes(StandardCharsets.UTF_8).length <= Slugger.MAX_LENGTH, slug);
        assertFalse(slug.matches("con|prn|aux|nul|com\\d|lpt\\d|index"), slug);
        assertEquals(slug, slugger.slug(title, "article"), "deterministic");
    }
}
