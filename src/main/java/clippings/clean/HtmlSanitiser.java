package clippings.clean;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Copies what is allowed of an HTML fragment into a new document: article structure and links, never
 * scripts, styles, event handlers, frames, forms or unsafe link schemes. Used on scraped HTML and again on
 * the HTML that Markdown renders to.
 * <p>Immutable and thread-safe: one instance serves the whole build.
 */
public final class HtmlSanitiser {
    // Compiled once, not per call: they run for every article (#7).
    private static final Pattern PLAIN_URL = Pattern.compile("(?i)https?://[^\\s\\p{Cntrl}<>\"'`\\\\]+");
    private static final Evaluator TABLE_PARTS = QueryParser.parse("td, th, tr, tbody, thead, tfoot, caption");
    private static final Evaluator NESTED_LINKS = QueryParser.parse("a a");

    private final Cleaner cleaner;

    public HtmlSanitiser() {
        this.cleaner = new Cleaner(safelist());
    }

    /**
     * The URL if it is an absolute http(s) URL that can be written into an attribute as it is; otherwise empty.
     * Metadata URLs (canonical, image) come from untrusted pages and front matter: a {@code javascript:} or
     * {@code data:} URL there must never become a link.
     */
    public static Optional<String> safeUrl(String url) {
        String u = url.strip();
        if (!PLAIN_URL.matcher(u).matches()) return Optional.empty();
        try {
            URI uri = new URI(u);
            return uri.getHost() == null ? Optional.empty() : Optional.of(u);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The project's safelist: what an archived news article may contain. */
    static Safelist safelist() {
        return new Safelist()
                .addTags("a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dfn",
                        "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i",
                        "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong",
                        "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul")
                .addAttributes("a", "href", "title")
                .addAttributes("img", "src", "alt", "title", "width", "height")
                .addAttributes("blockquote", "cite")
                .addAttributes("q", "cite")
                .addAttributes("time", "datetime")
                .addAttributes("td", "colspan", "rowspan")
                .addAttributes("th", "colspan", "rowspan", "scope")
                .addAttributes("ol", "start", "reversed")
                .addProtocols("a", "href", "http", "https", "mailto")
                .addProtocols("img", "src", "http", "https")
                .addProtocols("blockquote", "cite", "http", "https")
                .addProtocols("q", "cite", "http", "https")
                // Links are made absolute from the base URI; relative ones with no base cannot be resolved and go.
                .preserveRelativeLinks(false);
    }

    /** The safe form of a document's body, without serialising and parsing it again first. */
    String sanitise(Document dirty) {
        return finish(cleaner.clean(dirty));
    }

    /**
     * The safe form of a body fragment; relative links are made absolute against {@code baseUri}, or dropped
     * when it is empty.
     */
    public String sanitise(String bodyHtml, String baseUri) {
        return finish(cleaner.clean(Jsoup.parseBodyFragment(bodyHtml, baseUri)));
    }

    /**
     * The same sanitised HTML with every image turned into a link to it. Pages load nothing from outside the
     * archive: a hot-linked image would tell the publisher who reads the archive, and break when it is taken
     * down; the Markdown keeps the image itself.
     */
    public String linkImages(String safeHtml) {
        // Most articles have no image: skip parsing them again (this runs once per article).
        if (!safeHtml.contains("<img")) return safeHtml;
        Document doc = Jsoup.parseBodyFragment(safeHtml);
        for (Element img : doc.body().select("img")) {
            String alt = img.attr("alt").strip();
            Element link = new Element("a").attr("href", img.attr("src")).addClass("image-link")
                    .text(alt.isEmpty() ? "Image (on the original site)" : "Image: " + alt);
            img.replaceWith(link);
        }
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }

    /** Deeper trees are flattened: browsers flatten past 513 levels anyway, and no article nests that far. */
    static final int MAX_DEPTH = 64;

    private static String finish(Document clean) {
        clean.outputSettings().prettyPrint(false);
        // An allowed element found inside svg or math content keeps that namespace through the copy, and empty
        // it is written self-closing (<a />), which the next parse reads as an open tag that takes in whatever
        // follows: make it an HTML element, so that sanitising is idempotent and the page shows what the capture
        // showed. Innermost first, so that each moves its already converted children.
        List<Element> foreign = new ArrayList<>();
        for (Element e : clean.body().getAllElements()) {
            if (!e.tag().namespace().equals(org.jsoup.parser.Parser.NamespaceHtml)) foreign.add(e);
        }
        java.util.Collections.reverse(foreign);
        for (Element e : foreign) {
            Element html = new Element(e.tagName());
            html.attributes().addAll(e.attributes());
            html.appendChildren(e.childNodes());
            e.replaceWith(html);
        }
        List<Element> tooDeep = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (depth > MAX_DEPTH && node instanceof Element e) tooDeep.add(e);
        }, clean.body());
        for (Element e : tooDeep) e.unwrap();
        // A table cell or row outside a table survives the copy but not the next parse: unwrap it, so that
        // sanitising is idempotent and the page shows what the Markdown says.
        for (Element e : clean.body().select(TABLE_PARTS)) {
            if (e.closest("table") == null) e.unwrap();
        }
        // Likewise a link inside a link: the parser closes the outer one when it meets the inner, so the inner
        // keeps its text and loses its link.
        for (Element e : clean.body().select(NESTED_LINKS)) e.unwrap();
        String html = clean.body().html();
        // Anything else inside a table but outside its cells is moved out in front of the table by the next parse
        // ("foster parenting"); letting the parser do that once here keeps sanitising idempotent. Only tables can
        // need it, so other bodies are not parsed again.
        if (!html.contains("<table")) return html;
        Document again = Jsoup.parseBodyFragment(html);
        again.outputSettings().prettyPrint(false);
        return again.body().html();
    }
}
