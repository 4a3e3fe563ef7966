package clippings.clean;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A publisher's description cut off in mid-sentence is completed from the article it starts. */
class CutDescriptionTest {
    private static final String TEXT = "The United States faced stiff international and Palestinian criticism on "
            + "Tuesday over its decision to no longer consider Israeli settlements illegal, which Washington's main "
            + "ally welcomed. The U.S. move was announced by Secretary of State Mike Pompeo.";

    @Test
    void aDescriptionCutInAWordOrAfterACommaGetsItsSentence() {
        String sentence = TEXT.substring(0, TEXT.indexOf("welcomed.") + "welcomed.".length());
        assertEquals(sentence, CutDescription.completed("The United States faced stiff international and "
                + "Palestinian criticism on Tuesday over its decision to no longer consider Israeli settlements "
                + "illegal, wh", TEXT));
        assertEquals(sentence, CutDescription.completed("The United States faced stiff international and "
                + "Palestinian criticism on Tuesday over its decision to no longer consider Israeli settlements "
                + "illegal,", TEXT));
        assertEquals(sentence, CutDescription.completed("The United States faced stiff international and "
                + "Palestinian criticism on Tuesday", TEXT), "cut between two words");
    }

    @Test
    void aSentenceTooLongToTakeIsCutAtAWordWithAnEllipsis() {
        String text = "Officials said on Monday that the talks, which " + "went on and on ".repeat(30) + "ended.";
        assertEquals("Officials said on Monday that the talks, which went on…",
                CutDescription.completed("Officials said on Monday that the talks, which went on a", text));
    }

    @Test
    void aWholeSentenceOrAnotherTextIsThePublishers() {
        String first = "The United States faced stiff international and Palestinian criticism on Tuesday.";
        assertEquals(first, CutDescription.completed(first, first + " More follows here."));
        String other = "Washington's decision on settlements angers Palestinians and draws criticism";
        assertEquals(other, CutDescription.completed(other, TEXT));
        assertEquals("The United States faced", CutDescription.completed("The United States faced", TEXT),
                "too short to tell");
        assertEquals("A New York man pleaded guilty to charges he threatened to kill Rep. Ilhan Omar, the U.S.",
                CutDescription.completed("A New York man pleaded guilty to charges he threatened to kill Rep. Ilhan "
                        + "Omar, the U.S.", "A New York man pleaded guilty to charges he threatened to kill Rep. "
                        + "Ilhan Omar, the U.S. Attorney's Office said."), "a full stop is taken for a sentence's");
    }

    @Test
    void abbreviationsDoNotEndTheSentence() {
        String text = "Officials in the region said on Monday that Mr. Smith and the U.S. envoy met in St. Louis. "
                + "Then they left.";
        assertEquals("Officials in the region said on Monday that Mr. Smith and the U.S. envoy met in St. Louis.",
                CutDescription.completed("Officials in the region said on Monday that Mr. Sm", text));
    }
}
