package clippings.markdown;

import clippings.model.Article;
import clippings.model.CleanArticle;
import clippings.model.MarkdownArticle;
import com.vladsch.flexmark.html2md.converter.ExtensionConversion;
import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Optional;

/**
 * Converts a clean article's HTML body to Markdown with flexmark's HTML converter. Text is escaped by
 * {@link MarkdownEscaper} first (the converter's own escaping misses list and heading starts), so the
 * Markdown renders back to exactly the scraped text.
 * <p>Thread-safe: the converter is built once and shared, the YAML writer of front matter is kept per thread.
 */
public final class MarkdownWriter {

    private final FlexmarkHtmlConverter converter;
    /**
     * One YAML writer per thread: building one costs about a fifth of writing a front matter block, and the
     * build writes one for every article (#7).
     */
    private final ThreadLocal<Yaml> dumpers = ThreadLocal.withInitial(FrontMatter::dumper);

    public MarkdownWriter() {
        MutableDataSet options = new MutableDataSet();
        options.set(FlexmarkHtmlConverter.SKIP_CHAR_ESCAPE, true);
        // Curly quotes, dashes and ellipses are the publisher's text: never turn them into ASCII.
        options.set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false);
        options.set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false);
        options.set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false);
        options.set(FlexmarkHtmlConverter.LISTS_END_ON_DOUBLE_BLANK, false);
        options.set(FlexmarkHtmlConverter.UNORDERED_LIST_DELIMITER, '-');
        // The parser reads CommonMark and tables: strike-through, insertions, sub- and superscripts would come out
        // as ~~, ++, ~ and ^ around the text. Inline HTML keeps them (the build sanitises it like any page).
        for (var inline : List.of(FlexmarkHtmlConverter.EXT_INLINE_DEL, FlexmarkHtmlConverter.EXT_INLINE_INS,
                FlexmarkHtmlConverter.EXT_INLINE_SUB, FlexmarkHtmlConverter.EXT_INLINE_SUP)) {
            options.set(inline, ExtensionConversion.HTML);
        }
        List<String> wrapped = new java.util.ArrayList<>(List.of("kbd", "var"));
        wrapped.addAll(InlineMarks.MARKERS);
        options.set(FlexmarkHtmlConverter.WRAPPED_TAGS, wrapped.toArray(String[]::new));
        this.converter = FlexmarkHtmlConverter.builder(options).build();
    }

    /** The article as Markdown; its id is left to the build. */
    public MarkdownArticle write(CleanArticle article) {
        return new MarkdownArticle(article.origin(), article.meta(), article.tags(), Optional.empty(),
                toMarkdown(article.bodyHtml()));
    }

    /** The Markdown file published beside an article's page: front matter, a blank line, the body. */
    public String document(Article article) {
        return FrontMatter.write(article.id(), article.origin(), article.sha256(), article.meta(), article.tags(),
                article.slug(), dumpers.get())
                + "\n" + article.markdown();
    }

    /**
     * The text with each run of three line breaks or more made two, as {@code \n{3,}} replaced by a blank line
     * would be: by hand, since the regex looked at every character of every article.
     */
    static String atMostOneBlankLine(String s) {
        int at = s.indexOf("\n\n\n");
        if (at < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        int from = 0;
        while (at >= 0) {
            int end = at + 3;
            while (end < s.length() && s.charAt(end) == '\n') end++;
            out.append(s, from, at).append("\n\n");
            from = end;
            at = s.indexOf("\n\n\n", end);
        }
        return out.append(s, from, s.length()).toString();
    }

    /** Markdown for a fragment of clean HTML. */
    String toMarkdown(String bodyHtml) {
        Document doc = Jsoup.parseBodyFragment(bodyHtml);
        doc.outputSettings().prettyPrint(false);
        captionsAsParagraphs(doc);
        InlineMarks.prepare(doc.body());
        InlineMarks.flatten(doc.body());
        NodeTraversor.traverse(new TextEscaper(), doc.body());
        InlineMarks.escapeBangsBeforeLinks(doc.body());
        String md = InlineMarks.markupForMarkers(converter.convert(doc.body().html()));
        return atMostOneBlankLine(md).strip() + "\n";
    }

    /** A figure's caption becomes an emphasised paragraph after its image, so Markdown keeps it. */
    private static void captionsAsParagraphs(Document doc) {
        for (Element caption : doc.select("figcaption")) {
            Element p = new Element("p");
            Element em = p.appendElement("em");
            for (Node child : caption.childNodes().toArray(new Node[0])) em.appendChild(child);
            caption.replaceWith(p);
        }
        for (Element img : doc.select("figure > img")) img.wrap("<p></p>");
    }

    private static final class TextEscaper implements NodeVisitor {
        @Override
        public void head(Node node, int depth) {
            if (!(node instanceof TextNode text) || insideCode(text)) return;
            String collapsed = MarkdownEscaper.collapseSpaces(text.getWholeText());
            // Any text node may end up at the start of a line (after <br>, or first in a block); an
            // escaped block marker in mid-line renders the same, so every node is escaped as a line start.
            text.text(MarkdownEscaper.escape(collapsed, true));
        }

        private static boolean insideCode(Node node) {
            for (Node p = node.parent(); p != null; p = p.parent()) {
                if (p instanceof Element e && (e.normalName().equals("code") || e.normalName().equals("pre"))) {
                    return true;
                }
            }
            return false;
        }
    }
}
