package clippings.clean;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlainTextTest {
    @Test
    void separatesBlocksWithABlankLineAndKeepsLineBreaks() {
        assertEquals("One two.\n\nThree\nfour\n\nItem\n\nQuote",
                PlainText.of("<p>One <em>two</em>.</p><p>Three<br>four</p><ul><li>Item</li></ul><blockquote>Quote</blockquote>"));
    }

    @Test
    void neverGluesTheWordsOfTwoBlocks() {
        assertEquals("end\n\nStart", PlainText.of("<div>end</div><div>Start</div>"));
    }
}
