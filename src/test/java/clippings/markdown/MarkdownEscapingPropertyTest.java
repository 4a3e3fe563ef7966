package clippings.markdown;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Any scraped paragraph goes through Markdown and comes out of the page exactly as it went in (#2, #8). */
class MarkdownEscapingPropertyTest {
    private final MarkdownWriter writer = new MarkdownWriter();
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Provide
    Arbitrary<String> scrapedText() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("1.", "2)", "#", "##", ">", "-", "+", "*", "_", "__", "`", "```", "<b>", "</p>", "[",
                        "]", "(", ")", "![", "](", "&amp;", "&copy;", "&#35;", "\\", "|", "~~", "===", "---", "<!--",
                        "http://example.org", "<http://x>", "{", "}", "$", "[[${7*7}]]", "“", "’", "…", "é"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
        return token.list().ofMinSize(1).ofMaxSize(12).map(l -> String.join(" ", l).strip())
                .filter(s -> !s.isBlank());
    }

    @Property(tries = 400, seed = "20261206")
    void pageTextEqualsScrapedText(@ForAll("scrapedText") String text) {
        String markdown = writer.toMarkdown("<p>" + Entities.escape(text) + "</p>");
        String shown = Jsoup.parseBodyFragment(renderer.render(markdown)).body().text();
        assertEquals(text, shown, "Markdown was: " + markdown);
    }
}
