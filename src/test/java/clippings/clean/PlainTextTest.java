package clippings.clean;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

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

    /**
     * A paragraph's white space is what this plain definition makes of it: runs of it within a line replaced by
     * one space, the text split into lines, each stripped, the empty ones dropped. Checked on random text of
     * letters, every kind of white space (and some that is not collapsed: an em space) and line breaks.
     */
    @Test
    void aParagraphIsThePlainDefinition() {
        Pattern spaces = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0]+");
        char[] alphabet = {'a', 'b', 'é', ' ', ' ', '\t', '\u000B', '\f', '\r', '\u00A0', '\u2003', '\n', '\n', '.'};
        Random random = new Random(20261207);
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) text.append(alphabet[random.nextInt(alphabet.length)]);
            List<String> lines = new ArrayList<>();
            for (String line : spaces.matcher(text).replaceAll(" ").split("\n")) {
                if (!line.strip().isEmpty()) lines.add(line.strip());
            }
            assertEquals(String.join("\n", lines), PlainText.paragraph(text), text.toString());
        }
        assertEquals("", PlainText.paragraph(" \u00A0\n\t\n"));
        assertEquals("a b\nc", PlainText.paragraph("  a \t\u00A0 b \r\n\n  c  "));
    }
}
