package clippings.clean;

import clippings.model.ArticleDate;
import clippings.model.ArticleMeta;
import clippings.model.CleanArticle;
import clippings.model.InputException;
import clippings.model.RawArticle;
import clippings.model.Tag;
import clippings.model.TagKind;
import clippings.model.TagOrigin;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * First-pass extraction from a saved HTML page: metadata from meta tags and JSON-LD, the body from
 * {@code <article>}, {@code <main>} or the element holding the most paragraph text.
 * <p>Immutable and thread-safe.
 */
final class HtmlArticleExtractor {
    private static final String NOT_BODY = "script, style, noscript, template, nav, header, footer, aside, form, "
            + "iframe, object, embed, button, input, select, textarea, svg, canvas, [hidden], [aria-hidden=true]";

    private final HtmlSanitiser sanitiser;

    HtmlArticleExtractor(HtmlSanitiser sanitiser) {
        this.sanitiser = sanitiser;
    }

    CleanArticle extract(RawArticle raw) {
        Document doc = Jsoup.parse(raw.text());
        List<JsonObject> ld = jsonLd(doc);
        Optional<String> url = firstPresent(attr(doc, "link[rel=canonical]", "href"),
                meta(doc, "og:url"), ld(ld, "url"));
        String base = url.orElse("");
        doc.setBaseUri(base);

        String title = firstPresent(ld(ld, "headline"), meta(doc, "og:title"), meta(doc, "twitter:title"),
                text(doc, "h1"), Optional.of(doc.title()).filter(t -> !t.isBlank()))
                .orElseThrow(() -> new InputException("no title: the page has no headline, h1 or <title>"));
        Optional<String> description = firstPresent(meta(doc, "og:description"), meta(doc, "description"),
                ld(ld, "description"));
        Optional<ArticleDate> date = firstPresent(meta(doc, "article:published_time"), ld(ld, "datePublished"),
                meta(doc, "date"), meta(doc, "pubdate"), meta(doc, "dc.date"), attr(doc, "time[datetime]", "datetime"))
                .flatMap(DateText::parseIso);
        Optional<String> site = firstPresent(meta(doc, "og:site_name"), ldPublisher(ld));
        Optional<String> image = firstPresent(meta(doc, "og:image"), meta(doc, "twitter:image"));
        Optional<String> language = Optional.of(doc.select("html").attr("lang")).filter(s -> !s.isBlank());

        Element body = mainElement(doc);
        String html = sanitiser.sanitise(body.html(), base);
        if (Jsoup.parseBodyFragment(html).text().isBlank()) {
            throw new InputException("no article text found in the page");
        }
        ArticleMeta meta = new ArticleMeta(title.strip(), description, authors(doc, ld), date, site, url, image,
                language);
        return new CleanArticle(raw.origin(), meta, tags(doc, ld), html, List.of());
    }

    private static Element mainElement(Document doc) {
        Document work = doc.clone();
        work.select(NOT_BODY).remove();
        Element best = null;
        for (Element candidate : work.select("article, main, [role=main]")) {
            if (best == null || paragraphText(candidate) > paragraphText(best)) best = candidate;
        }
        if (best != null && paragraphText(best) > 0) return best;
        // No semantic container: the parent of the most paragraph text wins.
        Element densest = work.body();
        int most = 0;
        for (Element p : work.select("p")) {
            Element parent = p.parent();
            if (parent == null) continue;
            int score = paragraphText(parent);
            if (score > most) {
                most = score;
                densest = parent;
            }
        }
        return densest;
    }

    private static int paragraphText(Element e) {
        int n = 0;
        for (Element p : e.select("p")) n += p.text().length();
        return n;
    }

    private static List<String> authors(Document doc, List<JsonObject> ld) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonObject o : ld) {
            JsonElement a = o.get("author");
            if (a == null) continue;
            JsonArray arr = a.isJsonArray() ? a.getAsJsonArray() : wrap(a);
            for (JsonElement e : arr) {
                if (e.isJsonObject() && e.getAsJsonObject().has("name")) names.add(str(e.getAsJsonObject().get("name")));
                else if (e.isJsonPrimitive()) names.add(e.getAsString());
            }
        }
        if (names.isEmpty()) meta(doc, "author").ifPresent(names::add);
        names.removeIf(n -> n.isBlank() || n.startsWith("http"));
        return List.copyOf(names);
    }

    private static List<Tag> tags(Document doc, List<JsonObject> ld) {
        Set<String> names = new LinkedHashSet<>();
        for (Element m : doc.select("meta[property=article:tag]")) names.add(m.attr("content"));
        for (String key : List.of("news_keywords", "keywords")) {
            meta(doc, key).ifPresent(v -> names.addAll(List.of(v.split(","))));
        }
        for (JsonObject o : ld) {
            JsonElement k = o.get("keywords");
            if (k == null) continue;
            if (k.isJsonArray()) k.getAsJsonArray().forEach(e -> names.add(str(e)));
            else names.addAll(List.of(str(k).split(",")));
        }
        List<Tag> tags = new ArrayList<>();
        for (String n : names) {
            String s = n.strip();
            if (!s.isEmpty() && s.length() <= 80) tags.add(new Tag(s, TagKind.TOPIC, TagOrigin.PUBLISHER));
        }
        return tags;
    }

    private static List<JsonObject> jsonLd(Document doc) {
        List<JsonObject> out = new ArrayList<>();
        for (Element s : doc.select("script[type=application/ld+json]")) {
            try {
                collect(JsonParser.parseString(s.data()), out);
            } catch (RuntimeException e) {
                // Broken JSON-LD is common on real pages; the meta tags still tell enough.
            }
        }
        return out;
    }

    private static void collect(JsonElement e, List<JsonObject> out) {
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collect(x, out));
        } else if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("@graph")) collect(o.get("@graph"), out);
            String type = o.has("@type") ? o.get("@type").toString() : "";
            if (type.contains("Article") || type.contains("Posting") || type.contains("Report")) out.add(o);
        }
    }

    private static Optional<String> ld(List<JsonObject> ld, String key) {
        for (JsonObject o : ld) {
            if (o.has(key) && o.get(key).isJsonPrimitive()) return Optional.of(o.get(key).getAsString().strip());
        }
        return Optional.empty();
    }

    private static Optional<String> ldPublisher(List<JsonObject> ld) {
        for (JsonObject o : ld) {
            JsonElement p = o.get("publisher");
            if (p != null && p.isJsonObject() && p.getAsJsonObject().has("name")) {
                return Optional.of(str(p.getAsJsonObject().get("name")));
            }
        }
        return Optional.empty();
    }

    private static JsonArray wrap(JsonElement e) {
        JsonArray a = new JsonArray();
        a.add(e);
        return a;
    }

    private static String str(JsonElement e) {
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    private static Optional<String> meta(Document doc, String name) {
        Element m = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "], meta[itemprop=" + name + "]");
        return m == null ? Optional.empty() : Optional.of(m.attr("content").strip()).filter(s -> !s.isEmpty());
    }

    private static Optional<String> attr(Document doc, String css, String attr) {
        Element e = doc.selectFirst(css);
        return e == null ? Optional.empty() : Optional.of(e.attr(attr).strip()).filter(s -> !s.isEmpty());
    }

    private static Optional<String> text(Document doc, String css) {
        Element e = doc.selectFirst(css);
        return e == null ? Optional.empty() : Optional.of(e.text().strip()).filter(s -> !s.isEmpty());
    }

    @SafeVarargs
    private static Optional<String> firstPresent(Optional<String>... options) {
        for (Optional<String> o : options) if (o.isPresent()) return o;
        return Optional.empty();
    }
}
