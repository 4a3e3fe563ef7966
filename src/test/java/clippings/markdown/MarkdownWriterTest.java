package clippings.markdown;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkdownWriterTest {
    private final MarkdownWriter writer = new MarkdownWriter();
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    /** Scraped text that looks like Markdown syntax must come out of the page exactly as it went in (#2). */
    @ParameterizedTest
    @ValueSource(strings = {
            "1. This is not a list item",
            "2015. The year it began",
            "# Not a heading",
            "> Not a quote",
            "- not a bullet",
            "+ not a bullet either",
            "* starred",
            "=== not a setext underline",
            "--- not a rule",
            "Snake_case_words and _underscores_ and *stars* and **bold**",
            "Back`ticks` and <b>tags</b> and [brackets](http://example.com)",
            "An &amp; entity &copy; and a backslash \\ and a pipe | here",
            "Tilde ~~strike~~ and ![image](x.png)",
            "“Curly quotes”, an apostrophe’s, an ellipsis… and a dash — stay",
    })
    void renderedTextIsExactlyTheScrapedText(String text) {
        String html = "<p>" + org.jsoup.nodes.Entities.escape(text) + "</p>";
        String markdown = writer.toMarkdown(html);
        String rendered = renderer.render(markdown);
        assertEquals(text, Jsoup.parseBodyFragment(rendered).body().text(), "via Markdown: " + markdown);
        assertEquals(1, Jsoup.parseBodyFragment(rendered).select("p").size(), "one paragraph: " + rendered);
    }

    @Test
    void keepsStructureOfCleanHtml() {
        String md = writer.toMarkdown("<h2>Sub</h2><p>Text with <a href=\"https://example.com/a\">a link</a> and "
                + "<em>emphasis</em>.</p><ul><li>one</li><li>two</li></ul><blockquote><p>Quoted</p></blockquote>");
        assertEquals("## Sub\n\nText with [a link](https://example.com/a) and *emphasis*.\n\n- one\n- two\n\n> Quoted\n", md);
    }

    @Test
    void figureCaptionBecomesAParagraphAfterTheImage() {
        String md = writer.toMarkdown("<figure><img src=\"https://example.com/a.jpg\" alt=\"A\">"
                + "<figcaption>The caption</figcaption></figure>");
        assertEquals("![A](https://example.com/a.jpg)\n\n*The caption*\n", md);
    }

    @Test
    void leavesAtMostOneBlankLineAsTheRegexDid() {
        java.util.regex.Pattern blank = java.util.regex.Pattern.compile("\n{3,}");
        java.util.Random r = new java.util.Random(12);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(12); k > 0; k--) sb.append(new String[]{"\n", "\n\n", "a", " ", "\r"}[r.nextInt(5)]);
            String s = sb.toString();
            assertEquals(blank.matcher(s).replaceAll("\n\n"), MarkdownWriter.atMostOneBlankLine(s), s);
        }
    }
}
