package clippings.dedupe;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TextFingerprinterTest {
    /** The words as the first version found them, with regular expressions: fingerprints must not change. */
    private static int[] regexWordHashes(String text) {
        String folded = Pattern.compile("\\p{M}+").matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("").toLowerCase(Locale.ROOT);
        return Arrays.stream(Pattern.compile("[^\\p{L}\\p{N}]+").split(folded)).filter(w -> !w.isEmpty())
                .mapToInt(String::hashCode).toArray();
    }

    @Test
    void findsTheSameWordsAsTheRegularExpressions() {
        for (String text : List.of("", "  ", "One", "Crème brûlée, café-au-lait!", "İstanbul’s “mayor” said…",
                "Ⅻ chapters, ½ done, ٣ items", "Москва и Київ", "東京 2020年", "x\uD800y \uDC00z", "a\u0301\u0327b",
                "ﬁnance ǅemal", "end.")) {
            assertArrayEquals(regexWordHashes(text), TextFingerprinter.wordHashes(TextFingerprinter.folded(text)), text);
        }
    }

    @Property(tries = 500, seed = "20261206")
    void findsTheSameWordsAsTheRegularExpressionsOnAnyText(@ForAll @StringLength(max = 30) String text) {
        assertArrayEquals(regexWordHashes(text), TextFingerprinter.wordHashes(TextFingerprinter.folded(text)));
    }

    @Test
    void sameStoryWithOtherQuotesAndSpacesHasTheSameFingerprint() {
        TextFingerprinter f = new TextFingerprinter();
        String a = "The minister said “we will not resign” on Tuesday in Beirut.";
        String b = "the  minister said \"we will not resign\"\non Tuesday in Beirut";
        assertArrayEquals(f.fingerprint(a).minHashes(), f.fingerprint(b).minHashes());
        assertEquals(f.fingerprint(a).shingles(), f.fingerprint(b).shingles());
    }
}
