package clippings.clean;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Copies what is allowed of an HTML fragment into a new document: article structure and links, never
 * scripts, styles, event handlers, frames, forms or unsafe link schemes. Used on scraped HTML and again on
 * the HTML that Markdown renders to.
 * <p>Immutable and thread-safe: one instance serves the whole build.
 */
public final class HtmlSanitiser {
    private final Cleaner cleaner;

    public HtmlSanitiser() {
        this.cleaner = new Cleaner(safelist());
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
                .preserveRelativeLinks(true);
    }

    /** The safe form of a document's body, without serialising and parsing it again first. */
    String sanitise(Document dirty) {
        Document clean = cleaner.clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** The safe form of a body fragment; relative links are resolved against {@code baseUri} when given. */
    public String sanitise(String bodyHtml, String baseUri) {
        Document dirty = Jsoup.parseBodyFragment(bodyHtml, baseUri);
        Document clean = cleaner.clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
