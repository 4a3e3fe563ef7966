package clippings.clean;

import clippings.model.CleanArticle;
import clippings.model.CleanRules;
import clippings.model.InputFormat;
import clippings.model.RawArticle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArticleCleanerTest {
    private final ArticleCleaner cleaner = new ArticleCleaner(CleanRules.defaults(), new HtmlSanitiser());

    private static RawArticle html(String body) {
        String page = "<html><head><title>Storm closes harbour</title>"
                + "<link rel=canonical href='https://news.example/harbour'></head><body>" + body + "</body></html>";
        return new RawArticle("page.html", InputFormat.HTML, page, "-", "UTF-8");
    }

    private static final String P1 = "<p>The harbour was closed on Monday as the storm reached the coast, and ferries stayed in port all day.</p>";
    private static final String P2 = "<p>Engineers will inspect the outer wall on Tuesday, the port authority said, before boats may leave.</p>";

    @Test
    void dropsShareBarButKeepsParagraphs() {
        CleanArticle out = cleaner.clean(html("<article>" + P1 + "<div class=share-tools><a href=/s>Share</a> <a href=/t>Tweet</a></div>" + P2 + "</article>"));
        assertEquals(PlainText.of(P1 + P2), PlainText.of(out.bodyHtml()));
    }

    @Test
    void makesRelativeLinksAbsoluteFromTheCanonicalUrl() {
        CleanArticle out = cleaner.clean(html("<article>" + P1 + "<p>Read the <a href='/report'>full report</a> of the port authority on its site, published this morning.</p>" + P2 + "</article>"));
        assertEquals(true, out.bodyHtml().contains("<a href=\"https://news.example/report\">full report</a>"), out.bodyHtml());
    }

    @Test
    void keepsFigureWithCaption() {
        CleanArticle out = cleaner.clean(html("<article>" + P1 + "<figure><img src='/h.jpg' alt='Harbour'><figcaption>The empty harbour.</figcaption></figure>" + P2 + "</article>"));
        assertEquals(true, out.bodyHtml().contains("<figure><img src=\"https://news.example/h.jpg\" alt=\"Harbour\"><figcaption>The empty harbour.</figcaption></figure>"), out.bodyHtml());
    }

    private String leadCaption(String head, String body) {
        String page = "<html><head><title>Storm closes harbour</title><meta property=og:site_name content='Port News'>"
                + "<meta property=og:image content='https://cdn.news.example/1200/harbour.jpg?v=2'>" + head
                + "</head><body><article>" + P1 + body + P2 + "</article></body></html>";
        return cleaner.clean(new RawArticle("page.html", InputFormat.HTML, page, "-", "UTF-8")).meta().imageCaption()
                .orElse("(none)");
    }

    /** The lead image's caption: its figure's caption, else the JSON-LD image's, else its description (#5). */
    @Test
    void findsTheLeadImageCaption() {
        String figure = "<figure><img src='https://cdn.news.example/320/harbour.jpg'><figcaption><span class=sr>Image caption</span> "
                + "The empty harbour at dawn.</figcaption></figure>";
        String other = "<figure><img src='/other.jpg'><figcaption>Another picture.</figcaption></figure>";
        String ld = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Storm closes harbour\","
                + "\"image\":{\"@type\":\"ImageObject\",\"url\":\"https://cdn.news.example/1200/harbour.jpg\","
                + "\"caption\":\"Caption from JSON-LD\"}}</script>";
        String alt = "<meta property='og:image:alt' content='Port News. Ferries tied up in the harbour'>";
        assertEquals("The empty harbour at dawn.", leadCaption(ld + alt, other + figure));
        assertEquals("Caption from JSON-LD", leadCaption(ld + alt, other));
        assertEquals("Ferries tied up in the harbour", leadCaption(alt, other));
        assertEquals("(none)", leadCaption("", other), "a caption of another picture is not the lead image's");
    }

    @Test
    void learnsASourcesChromeFromTheCorpus() {
        List<RawArticle> corpus = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String text = "Storm number " + i + " reaches the coast\n\n"
                    + "The storm number " + i + " reached the coast on Monday and closed the harbour for the whole day, the port authority said.\n\n"
                    + "Support local radio: our newsroom depends on listeners like you, so please give what you can today.\n";
            corpus.add(new RawArticle("radio/" + i + ".txt", InputFormat.TEXT, text, "-", "UTF-8"));
        }
        String before = cleaner.clean(corpus.get(0)).bodyHtml();
        String after = cleaner.learnFrom(corpus).clean(corpus.get(0)).bodyHtml();
        assertEquals(true, before.contains("Support local radio"), before);
        assertEquals("<p>The storm number 0 reached the coast on Monday and closed the harbour for the whole day, the port authority said.</p>\n", after);
    }
}
