package clippings.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextFoldingTest {
    /** SiteBrowserIT holds assets/search.js to the very same expectation. */
    @Test
    void foldsCaseDiacriticsAndSpecialLettersLikeTheBrowser() {
        assertEquals(List.of("beyrouth", "ecole", "strasse", "lodz", "oeuvre", "σοφοσ", "istanbul", "2015", "07"),
                TextFolding.terms("Beyrouth, ÉCOLE; Straße — Łódź «Œuvre» ΣΟΦΟΣ İstanbul 2015-07"));
    }

    @Test
    void shardFileNamesAreAsciiAndUnambiguous() {
        assertEquals("kh", SearchIndexer.fileName("kh"));
        assertEquals("_43c__43e_", SearchIndexer.fileName("мо"));
        assertEquals("tag-khaled-khoja", SearchIndexer.fileName("tag-khaled-khoja"));
    }
}
