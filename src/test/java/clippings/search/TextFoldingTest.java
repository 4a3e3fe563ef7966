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

    /** Folding and splitting by hand give what the regexes ({@code \\p{M}+} dropped, {@code [\\p{L}\\p{N}]+} found) gave. */
    @Test
    void foldsAndSplitsAsTheRegexesDid() {
        java.util.regex.Pattern marks = java.util.regex.Pattern.compile("\\p{M}+");
        java.util.regex.Pattern word = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+");
        clippings.text.CharRunsTest.forRandomTexts(14, t -> {
            String s = t + " Ærø Straße Łódź naïve क़िला";
            String folded = marks.matcher(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)).replaceAll("")
                    .toLowerCase(java.util.Locale.ROOT);
            for (String[] l : new String[][]{{"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"ø", "o"}, {"đ", "d"}, {"ð", "d"},
                    {"ł", "l"}, {"ı", "i"}, {"þ", "th"}, {"ς", "σ"}}) {
                folded = folded.replace(l[0], l[1]);
            }
            org.junit.jupiter.api.Assertions.assertEquals(folded, TextFolding.fold(s), s);
            org.junit.jupiter.api.Assertions.assertEquals(word.matcher(folded).results().map(m -> m.group())
                    .filter(w -> w.length() <= TextFolding.MAX_TERM).toList(), TextFolding.terms(s), s);
        });
    }

    @Test
    void everyCharacterLeftUndecomposedIsOneNfdKeepsAndNotAMark() {
        int skipped = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String s = String.valueOf(c);
            if (Character.isSurrogate(c) || TextFolding.decomposable(s)) continue;
            skipped++;
            assertEquals(s, java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD), "U+" + (int) c);
            int type = Character.getType(c);
            org.junit.jupiter.api.Assertions.assertFalse(type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK, "U+" + (int) c);
        }
        assertEquals(0xC0 + (0x205E - 0x2010 + 1), skipped);
        // And text that has one is folded the long way.
        assertEquals("ecole", TextFolding.fold("École"));
        assertEquals("a\u2019b", TextFolding.fold("A\u2019B"));
    }
}
