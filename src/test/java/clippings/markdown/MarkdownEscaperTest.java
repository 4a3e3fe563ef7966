package clippings.markdown;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The escaping by hand (#7) is the escaping the regular expressions did. */
class MarkdownEscaperTest {
    private static final String INLINE = "\\`*_[]<>~|";
    private static final Pattern BLOCK_START = Pattern.compile("^(\\s*)(#|>|[-+=]|\\d{1,9}(?=[.)]))");
    private static final Pattern ENTITY = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");

    @Test void escapesInlineMarksEntitiesAndBlockStarts() {
        assertEquals("\\*a\\_b\\&amp; c &d", MarkdownEscaper.escape("*a_b&amp; c &d", true));
        assertEquals("  \\# title", MarkdownEscaper.escape("  # title", true));
        assertEquals("123456789\\. x", MarkdownEscaper.escape("123456789. x", true));
        assertEquals("1234567890. x", MarkdownEscaper.escape("1234567890. x", true));
        assertEquals("# mid-line", MarkdownEscaper.escape("# mid-line", false));
    }

    @Property(tries = 1000, seed = "20261206")
    void sameAsTheRegularExpressions(@ForAll @StringLength(max = 16)
            @Chars({' ', '\t', '\n', '\u00A0', '#', '>', '-', '+', '=', '.', ')', '&', ';', '*', '\\', '<', 'é'})
            @CharRange(from = '0', to = '2') @CharRange(from = '8', to = '9') @CharRange(from = 'a', to = 'b')
            @CharRange(from = 'Z', to = 'Z') String text, @ForAll boolean atLineStart) {
        assertEquals(reference(text, atLineStart), MarkdownEscaper.escape(text, atLineStart));
    }

    @Property(tries = 300, seed = "20261206")
    void sameAsTheRegularExpressionsOnAnyText(@ForAll @StringLength(max = 30) String text, @ForAll boolean atLineStart) {
        assertEquals(reference(text, atLineStart), MarkdownEscaper.escape(text, atLineStart));
    }

    @Property(tries = 500, seed = "20261206")
    void collapsesSpacesAsTheRegularExpressionDid(@ForAll @StringLength(max = 12)
            @Chars({' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2003', 'a'}) String text) {
        assertEquals(text.replaceAll("\\s+", " "), MarkdownEscaper.collapseSpaces(text));
    }

    private static String reference(String text, boolean atLineStart) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (INLINE.indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        String out = ENTITY.matcher(sb).replaceAll("\\\\&");
        if (atLineStart) {
            var m = BLOCK_START.matcher(out);
            if (m.find()) {
                String marker = m.group(2);
                int at = Character.isDigit(marker.charAt(0)) ? m.end(2) : m.start(2);
                out = out.substring(0, at) + "\\" + out.substring(at);
            }
        }
        return out;
    }
}
