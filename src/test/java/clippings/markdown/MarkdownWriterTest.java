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

    /**
     * Bold, italic and links keep their text, spaces included, and stay bold or italic, wherever CommonMark would
     * not read a run of asterisks: flexmark dropped a space at the edge of a tag, and wrote asterisks that the
     * page then showed (the sample archive's Sky News story showed "**Pochettino was sacked**last night").
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "<strong><a href=\"https://example.com/s\">Pochettino was sacked</a> </strong>last night",
            "<strong>Bold: </strong>text and <em> spaced </em>words",
            "x<a href=\"https://example.com/u\"> linked </a>y",
            "word<strong>“quoted”</strong>word and <b>Label:</b>value",
            "<strong><a href=\"https://example.com/u\">A link</a></strong>then",
            "a&nbsp;<b>b&nbsp;</b>c",
            "<strong>outer <em>inner </em></strong>after",
            "the <i>(aside)</i>s and <em>*stars*</em>x",
            "<strong> </strong>empty <em></em>marks",
            "H<sub>2</sub>O, 1<sup>st</sup>, <del>removed</del> <ins>added</ins> and <u>underlined</u>",
            "<strong>“It is a &lt;b&gt; &amp; tag”</strong>said",
            "Wow!<a href=\"https://example.com/u\">a link, not an image</a>",
            "2019<span>. The year</span> it began",
    })
    void inlineMarksKeepTheirTextAndTheirMeaning(String inline) {
        String html = "<p>" + inline + "</p>";
        String markdown = writer.toMarkdown(html);
        var rendered = Jsoup.parseBodyFragment(renderer.render(markdown)).body();
        var source = Jsoup.parseBodyFragment(html).body();
        assertEquals(source.text(), rendered.text(), "via Markdown: " + markdown);
        assertEquals(source.select("strong, b").eachText(), rendered.select("strong, b").eachText(), markdown);
        assertEquals(source.select("em, i").eachText(), rendered.select("em, i").eachText(), markdown);
        assertEquals(source.select("a").eachText(), rendered.select("a").eachText(), markdown);
        for (String tag : java.util.List.of("sub", "sup", "del", "ins", "u")) {
            assertEquals(source.select(tag).eachText(), rendered.select(tag).eachText(), tag + ": " + markdown);
        }
    }

    /**
     * As above, for a few thousand random paragraphs of words, punctuation, spaces, marks and links (no mark
     * inside one of its kind: flexmark's own output for {@code <b>x<b>y</b></b>} is not Markdown of it).
     */
    @Test
    void randomInlineMarksKeepTheirTextAndTheirMeaning() {
        java.util.Random random = new java.util.Random(Long.getLong("inlineSeed", 20261208));
        for (int i = 0; i < Integer.getInteger("inlineCount", 3000); i++) {
            String html = "<p>" + randomInline(random, 0, "") + "</p>";
            String markdown = writer.toMarkdown(html);
            var rendered = Jsoup.parseBodyFragment(renderer.render(markdown)).body();
            var source = Jsoup.parseBodyFragment(html).body();
            String why = html + "\nvia Markdown: " + markdown;
            assertEquals(source.text(), rendered.text(), why);
            assertEquals(source.select("strong, b").eachText(), rendered.select("strong, b").eachText(), why);
            assertEquals(source.select("em, i").eachText(), rendered.select("em, i").eachText(), why);
            assertEquals(source.select("a").eachText(), rendered.select("a").eachText(), why);
        }
    }

    /** {@code inside}: the marks around it, none of which is repeated inside itself (as pages do not). */
    private static String randomInline(java.util.Random random, int depth, String inside) {
        String[] words = {"word", "Bold", "2019", "x", "said", "l'art"};
        String[] punctuation = {".", ",", ":", "“", "”", "(", ")", "'", "\"", "-", "!", "?", "…"};
        String[] spaces = {" ", " ", "&nbsp;", ""};
        String[] tags = {"strong", "em", "b", "i", "a", "span"};
        StringBuilder sb = new StringBuilder();
        for (int k = 1 + random.nextInt(5); k > 0; k--) {
            switch (random.nextInt(depth < 2 ? 5 : 3)) {
                case 0 -> sb.append(words[random.nextInt(words.length)]);
                case 1 -> sb.append(org.jsoup.nodes.Entities.escape(punctuation[random.nextInt(punctuation.length)]));
                case 2 -> sb.append(spaces[random.nextInt(spaces.length)]);
                default -> {
                    String tag = tags[random.nextInt(tags.length)];
                    String kind = tag.equals("b") ? "strong" : tag.equals("i") ? "em" : tag;
                    if (!kind.equals("span") && inside.contains(kind)) kind = tag = "span";
                    String open = tag.equals("a") ? "<a href=\"https://example.com/" + k + "\">" : "<" + tag + ">";
                    String inner = randomInline(random, depth + 1, inside + " " + kind);
                    // An empty link or mark is not what a page shows.
                    if (Jsoup.parseBodyFragment(inner).text().replace('\u00a0', ' ').isBlank()) inner = "text";
                    sb.append(open).append(inner).append("</").append(tag).append('>');
                }
            }
        }
        return sb.toString();
    }

    @Test
    void marksThatAsterisksCanHoldStayMarkdown() {
        assertEquals("**[Pochettino was sacked](https://example.com/s)** last night\n", writer.toMarkdown(
                "<p><strong><a href=\"https://example.com/s\">Pochettino was sacked</a> </strong>last night</p>"));
        assertEquals("**Bold:** text\n", writer.toMarkdown("<p><strong>Bold: </strong>text</p>"));
        assertEquals("word<strong>“quoted”</strong>word\n", writer.toMarkdown("<p>word<strong>“quoted”</strong>word</p>"));
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
