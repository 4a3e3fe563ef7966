package clippings.render;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlWhitespaceTest {
    @Test
    void indentationBecomesOneLineBreak() {
        assertEquals("<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n",
                HtmlWhitespace.collapse("<ul>\n    <li>a</li>\n    \n    <li>b</li>\r\n  </ul>  \n"));
    }

    @Test
    void spacesWithoutALineBreakStay() {
        assertEquals("<p>a  b\tc <b>d</b> e</p>", HtmlWhitespace.collapse("<p>a  b\tc <b>d</b> e</p>"));
    }

    @Test
    void preTextareaScriptAndStyleAreCopiedAsTheyAre() {
        String page = "<div>\n  <pre class=\"x\">a\n    b\n</pre>\n  <TEXTAREA>\n  x\n</TEXTAREA>\n"
                + "  <script>\n  let a = `\n   `;\n</script>\n  <style>\n  p {}\n</style>\n</div>";
        assertEquals("<div>\n<pre class=\"x\">a\n    b\n</pre>\n<TEXTAREA>\n  x\n</TEXTAREA>\n"
                + "<script>\n  let a = `\n   `;\n</script>\n<style>\n  p {}\n</style>\n</div>", HtmlWhitespace.collapse(page));
    }

    @Test
    void tagsAndCommentsAreCopiedAsTheyAre() {
        assertEquals("<meta content=\"a\n   b > c\">\n<!-- x\n   y -->\n<p>",
                HtmlWhitespace.collapse("<meta content=\"a\n   b > c\">\n  <!-- x\n   y -->\n  <p>"));
    }

    @Test
    void aLessThanSignInTextIsText() {
        assertEquals("<p>1 < 2\nand 3 <\n4</p>", HtmlWhitespace.collapse("<p>1 < 2\n   and 3 <\n   4</p>"));
    }

    @Test
    void preformattedAndSimilarNamesAreNotVerbatim() {
        assertEquals("<prefix>\n<b>", HtmlWhitespace.collapse("<prefix>\n   <b>"));
    }

    /** Browsers match element names in ASCII case only: a long s (ſ) does not make a style element. */
    @Test
    void onlyAsciiCaseIsIgnoredInVerbatimNames() {
        assertEquals("<ſtyle>\np {}", HtmlWhitespace.collapse("<ſtyle>\n   p {}"));
        assertEquals("<StYlE>\n   p {}", HtmlWhitespace.collapse("<StYlE>\n   p {}"));
    }

    @Test
    void anUnclosedVerbatimElementKeepsTheRest() {
        assertEquals("<p>\n<pre>\n   a", HtmlWhitespace.collapse("<p>\n  <pre>\n   a"));
    }

    /** Non-ASCII text around the markup changes nothing: pages with it are the ones the char-array pass is for. */
    @Test
    void nonLatinTextAndUnclosedMarkupAtTheEnd() {
        assertEquals("<p>Zoë — “ş”\n<b>ı</b>\n<!-- open", HtmlWhitespace.collapse("<p>Zoë — “ş”\n   <b>ı</b>\n   <!-- open"));
        assertEquals("<p>\n<a href=\"x", HtmlWhitespace.collapse("<p>\n   <a href=\"x"));
        assertEquals("<Script>\n  a\n</SCRIPT>\n<p>", HtmlWhitespace.collapse("<Script>\n  a\n</SCRIPT>\n  <p>"));
    }

    /** A page written into a larger buffer collapses and encodes as the string pass and {@code getBytes} would. */
    @Test
    void theUtf8PassGivesTheBytesOfTheStringPass() {
        for (String page : new String[]{"<p>Zoë — “ş”\n   <b>ı</b>\n   <!-- open", "<pre>\n  😀 a\n</pre>\n  <p>",
                "<p>\n  <a href=\"x", "", "  \n ", "<style>\n  p {}"}) {
            char[] buffer = java.util.Arrays.copyOf(page.toCharArray(), page.length() + 7);
            java.util.Arrays.fill(buffer, page.length(), buffer.length, '\n');
            assertArrayEquals(HtmlWhitespace.collapse(page).getBytes(StandardCharsets.UTF_8),
                    HtmlWhitespace.collapseToUtf8(buffer, page.length()), page);
        }
    }
}
