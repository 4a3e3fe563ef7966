package clippings.clean;

import clippings.model.CleanRules;
import clippings.model.InputFormat;
import clippings.model.RawArticle;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The title of a text scrape is its headline, not the UI text a text browser prints near it (issue 3). */
class TextHeadlineTest {
    private final ArticleCleaner cleaner = new ArticleCleaner(CleanRules.defaults(), new HtmlSanitiser());

    private static final String BODY = "A row involving the singer and her former record label looks like it is coming to"
            + " an end, after the label said she would be allowed to play her old songs at the awards on Sunday.\n\n"
            + "The singer had accused the label of trying to stop her from performing her back catalogue at the awards,"
            + " and won the support of fans and politicians.\n";

    private String title(String scrape) {
        return cleaner.clean(new RawArticle("s.txt", InputFormat.TEXT, scrape, "-", "UTF-8")).meta().title();
    }

    /** The BBC dump gave "Read more about sharing." */
    @Test
    void passesOverASharePanelToTheHeadline() {
        String scrape = "News\n\nSinger allowed to play her old songs at the awards after all\n\n  • 19 November 2019\n"
                + "  • Share this with Facebook\n  • Share this with Twitter\n\nCopy this link\n\n"
                + "These are external links and will open in a new window\n\nRead more about sharing.\n\n"
                + "Close share panel\n\n" + BODY;
        assertEquals("Singer allowed to play her old songs at the awards after all", title(scrape));
    }

    /** A teaser of another story sits nearer the article than the headline, but is about something else. */
    @Test
    void prefersTheLineAboutTheArticleToANearerTeaser() {
        String scrape = "Singer allowed to play her old songs at the awards\n\nBy Jane Smith, Music reporter\n\n"
                + "Watch: Storm closes the harbour for a whole day\n\n" + BODY;
        assertEquals("Singer allowed to play her old songs at the awards", title(scrape));
    }

    /** A standfirst repeats the headline's words at length and ends with a full stop. */
    @Test
    void prefersTheHeadlineToTheStandfirst() {
        String scrape = "Menu\n\nSinger may play her old songs at the awards\n\n"
                + "The label that owns most of her songs now says the singer did not need its permission to play her old songs.\n\n"
                + BODY;
        assertEquals("Singer may play her old songs at the awards", title(scrape));
    }

    @Test
    void aScrapeThatStartsWithItsHeadlineKeepsIt() {
        assertEquals("Singer allowed to play", title("Singer allowed to play\n\n" + BODY));
    }

    @Test
    void termsAreContentWordsAndCharacterPairs() {
        assertEquals(Set.of("singer", "songs"), TextHeadline.terms("The singer and her songs"));
        assertEquals(Set.of("商標", "標法"), TextHeadline.terms("商標法"));
    }

    /** The script check that replaced a regular expression finds the same letters, on any text. */
    @Property(tries = 1000, seed = "20261206")
    void findsChineseJapaneseAndKoreanLettersAsTheRegularExpressionDid(@ForAll @StringLength(max = 8) String text) {
        java.util.regex.Pattern cjk = java.util.regex.Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]");
        assertEquals(cjk.matcher(text).find(), TextHeadline.hasCjk(text));
        for (String s : new String[]{"東京", "ひらがな", "カタカナ", "한국어", "\u1100", "Straße", "x\uD840\uDC00"}) {
            assertEquals(cjk.matcher(s).find(), TextHeadline.hasCjk(s), s);
        }
    }
}
