package clippings.markdown;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PlainTextRenderer} must render exactly what flexmark's core renderer does. */
class PlainTextRendererTest {
    private static final MarkdownRenderer OURS = new MarkdownRenderer();

    private static final MutableDataSet CORE_OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
            .set(HtmlRenderer.SOFT_BREAK, " ");
    private static final Parser CORE_PARSER = Parser.builder(CORE_OPTIONS).build();
    private static final HtmlRenderer CORE_RENDERER = HtmlRenderer.builder(CORE_OPTIONS).build();

    /** flexmark as {@link MarkdownRenderer} sets it up, without the text renderer. */
    private static String core(String markdown) {
        return CORE_RENDERER.render(CORE_PARSER.parse(markdown));
    }

    @Test
    void textWithCharactersToEscapeOrUnescapeIsRenderedAsTheCoreRendererDoes() {
        List<String> cases = List.of(
                "Plain words only.",
                "Fish & chips, \"quoted\", 1 < 2 > 0",
                "An escaped \\* star, a \\\\ backslash and \\_ underscore",
                "Entities: &amp; &lt; &copy; &#169; &#xA9; &bogus; & alone",
                "Lines\r\nwith\rcarriage\r\nreturns\r",
                "*emphasis & more* and **strong \"text\"** with `code & <b>`",
                "| a & b | c |\n| --- | --- |\n| <i>x</i> | \\| pipe |\n",
                "Curly ‘quotes’ — dashes … and ümlauts",
                "[a link & more](https://example.com/?a=1&b=2 \"title & co\")");
        for (String md : cases) assertEquals(core(md), OURS.render(md), md);
    }

    @Test
    void randomTextIsRenderedAsTheCoreRendererDoes() {
        Random random = new Random(7);
        String alphabet = "ab &<>\"\\*_`#-[]()\r\n!|é’;x1.";
        for (int i = 0; i < 2000; i++) {
            StringBuilder md = new StringBuilder();
            int n = random.nextInt(60);
            for (int j = 0; j < n; j++) md.append(alphabet.charAt(random.nextInt(alphabet.length())));
            assertEquals(core(md.toString()), OURS.render(md.toString()), md.toString());
        }
    }

    @Test
    void theRepositorysMarkdownIsRenderedAsTheCoreRendererDoes() throws IOException {
        List<Path> files = new ArrayList<>();
        // The adversarial inputs are left out: some overflow flexmark's own regular expressions.
        for (String root : List.of("content", "src/test/resources/golden", "src/test/resources/cases", "README.md")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
            }
        }
        assertTrue(files.size() >= 20, "found " + files.size());
        for (Path p : files) {
            String md = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            assertEquals(core(md), OURS.render(md), p.toString());
        }
    }
}
