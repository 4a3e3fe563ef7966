package clippings.clean;

import clippings.model.CleanRules;
import clippings.model.InputFormat;
import clippings.model.RawArticle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What neighbouring paragraphs of a text scrape tell about each other (issue 3). */
class TextLayoutTest {
    private final ArticleCleaner cleaner = new ArticleCleaner(CleanRules.defaults(), new HtmlSanitiser());

    private static final String P1 = "The final standings were published on Monday after the last race of the season,"
            + " which the champion won by five points after a tense duel over the closing laps.";
    private static final String P2 = "Organisers said the points system will change next year, when the final race"
            + " will no longer count double and the top ten drivers will meet in a play-off.";

    private String text(String scrape) {
        return PlainText.of(cleaner.clean(new RawArticle("s.txt", InputFormat.TEXT, scrape, "-", "UTF-8")).bodyHtml());
    }

    /** A text browser prints a table's rows as short lines with columns; they are the article's data. */
    @Test
    void keepsTheRowsOfADataTable() {
        String scrape = "Home\n\nNews\n\nFinal standings\n\n" + P1 + "\n\n"
                + "Pos.  Driver            Points  Wins\n\n"
                + "1     Kyle Busch          5040     5\n\n"
                + "2     Martin Truex Jr.    5035     7\n\n"
                + "3     Kevin Harvick       5033     4\n\n"
                + P2 + "\n\nContact us\n";
        assertEquals(P1 + "\n\nPos. Driver Points Wins\n\n1 Kyle Busch 5040 5\n\n2 Martin Truex Jr. 5035 7\n\n"
                + "3 Kevin Harvick 5033 4\n\n" + P2, text(scrape));
    }

    /** An image's alternative text and its caption, printed back to back, are not prose of the story. */
    @Test
    void dropsACaptionPrintedTwice() {
        String caption = "Drivers line up on the grid before the last race of the season in Homestead, Florida, on Sunday"
                + " afternoon, as fans fill the stands.";
        String scrape = "Final standings\n\n" + P1 + "\n\n" + caption + "\n\n" + caption + "\n\n" + P2 + "\n";
        assertEquals(P1 + "\n\n" + P2, text(scrape));
    }

    /** More stories below the article: headline, date and summary, again and again. */
    @Test
    void leavesOutAGridOfTeasersAfterTheStory() {
        StringBuilder scrape = new StringBuilder("Final standings\n\n" + P1 + "\n\n" + P2 + "\n\nMore in Motor Racing\n\n");
        for (int i = 1; i <= 4; i++) {
            scrape.append("Rookie driver number ").append(i).append(" signs for next season's team\n\n")
                    .append("November ").append(10 + i).append(", 2019\n\n")
                    .append("The team confirmed on Tuesday that its young driver will race a full season next year,"
                            + " after a string of strong results in the junior series this summer.\n\n");
        }
        assertEquals(P1 + "\n\n" + P2, text(scrape.toString()));
    }

    private static final String[] ANSWERS = {"That patience pays when the tyres of the others fade",
        "That a team which trusts its driver gives him the calm to win", "That rain levels the field for everyone",
        "That the last lap is the one people remember"};

    /** Questions and answers alternate as teasers do, but belong to the story. */
    @Test
    void keepsTheAnswersOfAnInterview() {
        StringBuilder scrape = new StringBuilder("Five questions for the champion\n\n" + P1 + "\n\n");
        StringBuilder expected = new StringBuilder(P1);
        for (int i = 1; i <= 4; i++) {
            String q = "Q: What did you learn in race number " + i + " of the season?";
            String a = "A: " + ANSWERS[i - 1] + ", and that is what I will try to remember when the next season starts.";
            scrape.append(q).append("\n\n").append(a).append("\n\n");
            expected.append("\n\n").append(q).append("\n\n").append(a);
        }
        assertEquals(expected.toString(), text(scrape.toString()));
    }

    /** Photo credits, alternative text glued to an identical caption, and "Related:" links are not the story. */
    @Test
    void dropsCreditsDoubledCaptionsAndRelatedLinks() {
        String scrape = "Final standings\n\n" + P1 + "\n\n"
                + "The champion lifts the trophy in Homestead (Image: Getty)\n\n"
                + "Champion with trophyChampion with trophy\n\n"
                + "Related: The ten closest title fights of the decade\n\n" + P2 + "\n";
        assertEquals(P1 + "\n\n" + P2, text(scrape));
    }

    /** A Japanese paragraph is short in characters but long in what it says. */
    @Test
    void countsChineseAndJapaneseCharactersAsWords() {
        String ja1 = "キンドルのデスクトップアプリは起動のショートカットキーが他のソフトと重なるため、設定を変えて使いやすくする方法を紹介します。";
        String ja2 = "まずスタートメニューからプログラムを探して右クリックし、表示されるメニューからファイルの場所を開いてください。";
        List<String> menu = new ArrayList<>();
        for (int i = 0; i < 8; i++) menu.add("• カテゴリ " + i);
        String scrape = "ブログ\n\n" + String.join("\n", menu) + "\n\n見出しの記事\n\n" + ja1 + "\n\n" + ja2 + "\n\n"
                + String.join("\n", menu) + "\n";
        assertEquals(ja1 + "\n\n" + ja2, text(scrape));
    }

    @Test
    void readingLengthWeighsScripts() {
        assertEquals(3, TextRegion.readingLength("abc"));
        assertEquals(6, TextRegion.readingLength("記事"));
        assertEquals(4, TextRegion.readingLength("기사"));
    }

    @Test
    void countsTheCellGapsTheRegexCounted() {
        java.util.regex.Pattern gap = java.util.regex.Pattern.compile("\\S {2,}(?=\\S)");
        clippings.text.CharRunsTest.forRandomTexts(10, s -> assertEquals(gap.matcher(s).results().count(), TextLayout.cellGaps(s), s));
    }
}
