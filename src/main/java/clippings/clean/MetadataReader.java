package clippings.clean;

import clippings.model.ArticleDate;
import clippings.model.ArticleMeta;
import clippings.model.Tag;
import clippings.model.TagKind;
import clippings.model.TagOrigin;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an HTML page's metadata from JSON-LD, Open Graph, Twitter cards, Dublin Core, plain
 * {@code <meta>} tags, {@code <time>} elements, bylines, the canonical link and date patterns in the URL.
 * <p>Stateless and thread-safe. It must see the page before chrome is pruned (bylines live in chrome).
 */
final class MetadataReader {
    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:/|-|\\b)");
    private static final Pattern URL_DAY = Pattern.compile("[/_-]((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?:[/_.-]|$)");
    private static final Pattern BYLINE = Pattern.compile("(?i)^\\s*by\\s+(.{3,80})$");

    private MetadataReader() {
    }

    static PageMeta read(Document doc, LocalDate latest) {
        JsonLd ld = new JsonLd(doc);
        Optional<String> url = first(attr(doc, "link[rel=canonical]", "abs:href"), meta(doc, "og:url"),
                ld.article("url"), ld.article("mainEntityOfPage")).filter(u -> u.matches("(?i)^https?://.*"));
        Optional<String> site = first(meta(doc, "og:site_name"), ld.names("publisher").stream().findFirst(),
                meta(doc, "application-name"), meta(doc, "twitter:site").filter(s -> !s.startsWith("@")));
        List<String> metaTitles = new ArrayList<>();
        for (Optional<String> t : List.of(ld.article("headline"), meta(doc, "og:title"), meta(doc, "twitter:title"),
                meta(doc, "dc.title"), meta(doc, "dcterms.title"), Optional.of(doc.title()))) {
            t.ifPresent(metaTitles::add);
        }
        Optional<String> title = HeadlineFinder.find(doc, metaTitles, site);
        Optional<String> description = first(meta(doc, "og:description"), meta(doc, "description"),
                meta(doc, "twitter:description"), meta(doc, "dc.description"), ld.article("description"));
        Optional<String> image = first(meta(doc, "og:image"), meta(doc, "og:image:url"), meta(doc, "twitter:image"),
                meta(doc, "twitter:image:src"), ld.image()).filter(u -> u.matches("(?i)^(https?:)?//.*"))
                .map(u -> u.startsWith("//") ? "https:" + u : u);
        Optional<String> language = first(attr(doc, "html", "lang"), meta(doc, "og:locale"),
                meta(doc, "dc.language"), meta(doc, "content-language"), ld.article("inLanguage"))
                .map(l -> l.replace('_', '-'));

        DateEvidence dates = new DateEvidence(latest);
        dates.iso(ld.article("datePublished"), "json-ld:datePublished", 4);
        dates.iso(meta(doc, "article:published_time"), "meta:article:published_time", 4);
        dates.iso(meta(doc, "og:published_time"), "meta:og:published_time", 3);
        dates.iso(meta(doc, "datePublished"), "meta:itemprop=datePublished", 3);
        for (String name : List.of("dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
                "date", "pubdate", "publishdate", "publish-date", "publication_date", "sailthru.date",
                "parsely-pub-date", "article.published", "article_date_original", "original-publish-date")) {
            dates.prose(meta(doc, name), "meta:" + name, 2);
        }
        dates.iso(attr(doc, "time[itemprop=datePublished], time[pubdate]", "datetime"), "time:datePublished", 3);
        dates.iso(attr(doc, "time[datetime]", "datetime"), "time", 1);
        url.or(() -> Optional.of(doc.location())).ifPresent(u -> urlDate(u, dates));
        Optional<DateEvidence.Choice> date = dates.choose();

        DateEvidence modifiedDates = new DateEvidence(latest);
        modifiedDates.iso(ld.article("dateModified"), "json-ld:dateModified", 4);
        modifiedDates.iso(meta(doc, "article:modified_time"), "meta:article:modified_time", 3);
        modifiedDates.iso(meta(doc, "og:updated_time"), "meta:og:updated_time", 2);
        Optional<ArticleDate> modified = modifiedDates.choose().map(DateEvidence.Choice::date);

        ArticleMeta meta = new ArticleMeta(title.orElse(""), description, authors(doc, ld), date.map(DateEvidence.Choice::date),
                site, url, image, language);
        return new PageMeta(meta, tags(doc, ld), date.map(DateEvidence.Choice::source), modified);
    }

    private static void urlDate(String url, DateEvidence dates) {
        Matcher m = URL_DATE.matcher(url);
        if (m.find()) {
            dates.prose(Optional.of(String.format("%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)))), "url", 2);
            return;
        }
        m = URL_DAY.matcher(url);
        if (m.find()) dates.prose(Optional.of(m.group(1) + "-" + m.group(2) + "-" + m.group(3)), "url", 1);
    }

    private static List<String> authors(Document doc, JsonLd ld) {
        Set<String> names = new LinkedHashSet<>(ld.names("author"));
        if (names.isEmpty()) {
            meta(doc, "author").ifPresent(names::add);
            meta(doc, "article:author").ifPresent(names::add);
            meta(doc, "dc.creator").ifPresent(names::add);
            meta(doc, "parsely-author").ifPresent(names::add);
        }
        if (names.isEmpty()) {
            for (Element e : doc.select("[itemprop=author] [itemprop=name], [itemprop=author], a[rel=author], .byline a, .author-name")) {
                String t = HeadlineFinder.clean(e.text());
                Matcher by = BYLINE.matcher(t);
                if (by.matches()) t = by.group(1);
                if (t.length() >= 3 && t.length() <= 60) names.add(t);
                if (names.size() >= 4) break;
            }
        }
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String s = HeadlineFinder.clean(n).replaceFirst("(?i)^by\\s+", "");
            if (s.isBlank() || s.matches("(?i)^(https?:|www\\.).*") || s.length() > 80) continue;
            if (out.stream().noneMatch(s::equalsIgnoreCase)) out.add(s);
        }
        return out;
    }

    private static List<Tag> tags(Document doc, JsonLd ld) {
        Set<String> names = new LinkedHashSet<>();
        for (Element m : doc.select("meta[property=article:tag]")) names.add(m.attr("content"));
        for (String key : List.of("news_keywords", "keywords")) {
            meta(doc, key).ifPresent(v -> names.addAll(List.of(v.split(","))));
        }
        names.addAll(ld.keywords());
        List<Tag> tags = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String n : names) {
            String s = HeadlineFinder.clean(n);
            if (!s.isEmpty() && s.length() <= 80 && seen.add(s.toLowerCase(java.util.Locale.ROOT))) {
                tags.add(new Tag(s, TagKind.TOPIC, TagOrigin.PUBLISHER));
            }
        }
        return tags;
    }

    static Optional<String> meta(Document doc, String name) {
        for (Element m : doc.head().select("meta[content]")) {
            if (m.attr("property").equalsIgnoreCase(name) || m.attr("name").equalsIgnoreCase(name)
                    || m.attr("itemprop").equalsIgnoreCase(name) || m.attr("http-equiv").equalsIgnoreCase(name)) {
                String v = HeadlineFinder.clean(m.attr("content"));
                if (!v.isEmpty()) return Optional.of(v);
            }
        }
        if (name.equals("datePublished")) {
            Element m = doc.selectFirst("[itemprop=datePublished][content]");
            if (m != null) return Optional.of(m.attr("content").strip()).filter(s -> !s.isEmpty());
        }
        return Optional.empty();
    }

    private static Optional<String> attr(Document doc, String css, String attr) {
        Element e = doc.selectFirst(css);
        return e == null ? Optional.empty() : Optional.of(e.attr(attr).strip()).filter(s -> !s.isEmpty());
    }

    @SafeVarargs
    private static Optional<String> first(Optional<String>... options) {
        for (Optional<String> o : options) if (o.isPresent()) return o;
        return Optional.empty();
    }
}
