package clippings.taxonomy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written scan finds exactly the words the regular expression it replaced found (#7). */
class TokenScannerTest {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}’'.&\\-]*");

    @Test void findsWordsWithApostrophesDotsAndHyphens() {
        assertEquals(List.of("President", "Bashar", "Al-Assad’s", "U.S.", "AT&T", "2019", "café"),
                words("President Bashar Al-Assad’s (U.S.) — AT&T, 2019: café"));
    }

    @Test void marksContinueButNeverStartAWord() {
        assertEquals(List.of("e\u0301te\u0301"), words("\u0301e\u0301te\u0301"));
    }

    @Property(tries = 300, seed = "20261206")
    void sameWordsAsTheRegex(@ForAll @StringLength(max = 60) String any) {
        assertEquals(regexWords(any), words(any));
    }

    @Property(tries = 300, seed = "20261206")
    void sameWordsAsTheRegexOnPunctuatedText(@ForAll @StringLength(max = 60)
            @Chars({' ', '.', '\'', '’', '&', '-', '(', '\u0301', '٣', 'Ⅻ', '²', 'ǅ', 'ʰ'}) @CharRange(from = 'a', to = 'e')
            @CharRange(from = 'X', to = 'Z') @CharRange(from = '0', to = '2') @CharRange(from = '\uD800', to = '\uD801')
            @CharRange(from = '\uDC00', to = '\uDC01') String text) {
        assertEquals(regexWords(text), words(text));
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (int start, from = 0; (start = TokenScanner.start(s, from)) >= 0; from = TokenScanner.end(s, start)) {
            out.add(s.substring(start, TokenScanner.end(s, start)));
        }
        return out;
    }

    private static List<String> regexWords(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) out.add(m.group());
        return out;
    }
}
