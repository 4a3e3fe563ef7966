package clippings.markdown;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.List;

/**
 * Renders an article's Markdown to HTML with flexmark (CommonMark plus tables). The HTML is not yet safe:
 * the build sanitises it like any scraped HTML.
 * <p>Immutable and thread-safe: parser and renderer are built once and shared.
 */
public final class MarkdownRenderer {
    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        options.set(HtmlRenderer.SOFT_BREAK, " ");
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).nodeRendererFactory(o -> new PlainTextRenderer()).build();
    }

    public String render(String markdown) {
        return renderer.render(parser.parse(markdown));
    }
}
