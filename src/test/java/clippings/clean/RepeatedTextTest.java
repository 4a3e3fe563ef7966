package clippings.clean;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A text scrape's body does not say a long paragraph twice (issue 3). */
class RepeatedTextTest {
    private static final String P1 = "The road to retiring early is not easy: it takes time and discipline to earn, save"
            + " and invest as much as you can, and what early retirement looks like to you decides what you need to do.";
    private static final String P2 = "The first step is to work out what the phrase means to you, from the ideal day to"
            + " where you will live, because the plan follows from that picture and not the other way round.";

    /** Text browsers print a page's hidden copy of the story (cut into other pieces) after the story. */
    @Test
    void leavesOutALaterCopyCutDifferently() {
        String copy = "as much as you can, and what early retirement looks like to you decides what you need to do."
                + " The first step is to work out what the phrase means to you, from the ideal day to where you will live";
        assertEquals(List.of(P1, P2), RepeatedText.withoutCopies(List.of(P1, P2, copy)));
    }

    /** An interview may ask each guest the same question. */
    @Test
    void keepsAShortParagraphSaidAgain() {
        String question = "What food do you like yourself, and is there a dish you would never cook at home?";
        assertEquals(List.of(question, P1, question, P2), RepeatedText.withoutCopies(List.of(question, P1, question, P2)));
    }
}
