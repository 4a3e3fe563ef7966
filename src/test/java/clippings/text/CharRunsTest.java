package clippings.text;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** {@link CharRuns} against the regexes it stands in for, on random text of every kind of character. */
public class CharRunsTest {
    /** Spaces of several kinds, letters and numbers of several scripts, punctuation, a surrogate pair. */
    private static final String[] PIECES = {" ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u00A0", "\u2003", "a", "Z",
            "é", "ß", "Ж", "中", "٣", "7", "Ⅻ", "½", "²", "-", ".", "—", "'", "’", "😀", "𝐀", "_", "#", "word", "Words"};

    /** A random text of a dozen pieces at most. */
    public static String random(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) sb.append(PIECES[r.nextInt(PIECES.length)]);
        return sb.toString();
    }

    /** Runs the check on 20,000 random texts of a seed. */
    public static void forRandomTexts(long seed, java.util.function.Consumer<String> check) {
        Random r = new Random(seed);
        for (int i = 0; i < 20_000; i++) check.accept(random(r));
    }

    @Test
    void collapsesAsTheRegexesDid() {
        Pattern notWord = Pattern.compile("[^\\p{L}\\p{N}]+");
        Pattern spaces = Pattern.compile("\\s+");
        forRandomTexts(7, s -> {
            assertEquals(notWord.matcher(s).replaceAll(" "), CharRuns.collapse(s, CharRuns::letterOrNumber), s);
            assertEquals(spaces.matcher(s).replaceAll(" "), CharRuns.collapse(s, cp -> !CharRuns.regexSpace(cp)), s);
        });
    }

    @Test
    void textWithNothingToCollapseIsGivenBackAsItIs() {
        String s = "three plain words";
        assertSame(s, CharRuns.collapse(s, cp -> !CharRuns.regexSpace(cp)));
        assertEquals("a b", CharRuns.collapse("a  b", cp -> !CharRuns.regexSpace(cp)));
        assertEquals(" a b ", CharRuns.collapse("\ta\n\nb ", cp -> !CharRuns.regexSpace(cp)));
    }
    @Test
    void findsTheRunsTheRegexesFound() {
        Pattern word = Pattern.compile("[\\p{L}\\p{N}]+");
        forRandomTexts(9, s -> {
            java.util.List<String> found = new java.util.ArrayList<>();
            CharRuns.eachRun(s, CharRuns::letterOrNumber, found::add);
            assertEquals(word.matcher(s).results().map(m -> m.group()).toList(), found, s);
            assertEquals(found.size(), CharRuns.countRuns(s, CharRuns::letterOrNumber), s);
        });
    }

    @Test
    void dropsTheMarksTheRegexDropped() {
        Pattern marks = Pattern.compile("\\p{M}+");
        forRandomTexts(13, t -> {
            String s = java.text.Normalizer.normalize(t + "é̃ क़ि ⃝", java.text.Normalizer.Form.NFD);
            assertEquals(marks.matcher(s).replaceAll(""), CharRuns.withoutMarks(s), s);
        });
    }

    @Test
    void findsAnyOfTheCharactersAStreamWouldFind() {
        for (String chars : new String[]{"\\&", "&<>\"", "\u00df\u00e6\u0153", ""}) {
            forRandomTexts(17, s -> assertEquals(s.chars().anyMatch(c -> chars.indexOf(c) >= 0),
                    CharRuns.containsAny(s, chars), chars + " in " + s));
        }
        assertEquals(true, CharRuns.containsAny("a < b", "&<>\""));
        assertEquals(false, CharRuns.containsAny("plain text", "&<>\""));
    }
}
