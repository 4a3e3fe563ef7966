package clippings.clean;

import clippings.model.CleanArticle;
import clippings.model.CleanRules;
import clippings.model.InputException;
import clippings.model.InputFormat;
import clippings.model.RawArticle;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text cleaner never crashes, never invents text and always gives the same answer (#8). */
class TextCleanerPropertyTest {
    private final ArticleCleaner cleaner = new ArticleCleaner(CleanRules.defaults(), new HtmlSanitiser());

    @Provide
    Arbitrary<String> scrape() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("Site icon Middle East Monitor", "Exit mobile version", "Advertisement", "Share this",
                        "Read more", "By Jane Doe", "January 7, 2015", "", "", "- a bullet item", "1. numbered",
                        "© 2015 Example", "\t  indented  ", "Related", "\u0000\u0007", "<script>x</script>"),
                Arbitraries.strings().withCharRange('a', 'z').withChars(" ,.’“”é").ofMinLength(1).ofMaxLength(120));
        return line.list().ofMinSize(0).ofMaxSize(30).map(l -> String.join("\n", l));
    }

    @Property(tries = 300)
    void neverCrashesNeverInventsWordsAndIsDeterministic(@ForAll("scrape") String text) {
        RawArticle raw = new RawArticle("x.txt", InputFormat.TEXT, text, "0", "UTF-8");
        CleanArticle a;
        try {
            a = cleaner.clean(raw);
        } catch (InputException e) {
            return; // an input with no article is reported, which is a fine answer
        }
        assertFalse(a.meta().title().isBlank());
        Set<String> inputWords = words(text);
        String output = a.meta().title() + " " + org.jsoup.Jsoup.parseBodyFragment(a.bodyHtml()).text() + " "
                + String.join(" ", a.meta().authors()) + " " + a.meta().source().orElse("");
        for (String w : words(output)) assertTrue(inputWords.contains(w), "invented '" + w + "' from: " + text);
        assertFalse(a.bodyHtml().chars().anyMatch(c -> c < 0x20 && c != '\n'), "control character in output");
        assertEquals(a, cleaner.clean(raw));
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>(Arrays.asList(s.replace('…', ' ').split("[^\\p{L}\\p{N}]+")));
        out.remove("");
        return out;
    }
}
