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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        Map<String, String> tags = metaTags(doc);
        java.util.function.Function<String, Optional<String>> meta = k -> Optional.ofNullable(tags.get(k.toLowerCase(Locale.ROOT)));
        Optional<String> url = first(attr(doc, "link[rel=canonical]", "abs:href"), meta.apply("og:url"),
                ld.article("url"), ld.article("mainEntityOfPage")).filter(u -> u.matches("(?i)^https?://.*"));
        Optional<String> site = first(meta.apply("og:site_name"), ld.names("publisher").stream().findFirst(),
                meta.apply("application-name"), meta.apply("twitter:site").filter(s -> !s.startsWith("@")));
        List<String> metaTitles = new ArrayList<>();
        for (Optional<String> t : List.of(ld.article("headline"), meta.apply("og:title"), meta.apply("twitter:title"),
                meta.apply("dc.title"), meta.apply("dcterms.title"), Optional.of(doc.title()))) {
            t.ifPresent(metaTitles::add);
        }
        Optional<String> title = HeadlineFinder.find(doc, metaTitles, site);
        Optional<String> description = first(meta.apply("og:description"), meta.apply("description"),
                meta.apply("twitter:description"), meta.apply("dc.description"), ld.article("description"));
        Optional<String> image = first(meta.apply("og:image"), meta.apply("og:image:url"), meta.apply("twitter:image"),
                meta.apply("twitter:image:src"), ld.image()).filter(u -> u.matches("(?i)^(https?:)?//.*"))
                .map(u -> u.startsWith("//") ? "https:" + u : u);
        Optional<String> language = first(attr(doc, "html", "lang"), meta.apply("og:locale"),
                meta.apply("dc.language"), meta.apply("content-language"), ld.article("inLanguage"))
                .map(l -> l.replace('_', '-'));

        DateEvidence dates = new DateEvidence(latest);
        dates.iso(ld.article("datePublished"), "json-ld:datePublished", 4);
        dates.iso(meta.apply("article:published_time"), "meta:article:published_time", 4);
        dates.iso(meta.apply("og:published_time"), "meta:og:published_time", 3);
        dates.iso(meta.apply("datePublished").or(() -> attr(doc, "[itemprop=datePublished][content]", "content")),
                "meta:itemprop=datePublished", 3);
        for (String name : List.of("dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
                "date", "pubdate", "publishdate", "publish-date", "publication_date", "sailthru.date",
                "parsely-pub-date", "article.published", "article_date_original", "original-publish-date")) {
            dates.prose(meta.apply(name), "meta:" + name, 2);
        }
        dates.iso(attr(doc, "time[itemprop=datePublished], time[pubdate]", "datetime"), "time:datePublished", 3);
        dates.iso(attr(doc, "time[datetime]", "datetime"), "time", 1);
        url.or(() -> Optional.of(doc.location())).ifPresent(u -> urlDate(u, dates));
        visibleDate(doc).ifPresent(d -> dates.add(d, "visible date", 1));
        Optional<DateEvidence.Choice> date = dates.choose();

        DateEvidence modifiedDates = new DateEvidence(latest);
        modifiedDates.iso(ld.article("dateModified"), "json-ld:dateModified", 4);
        modifiedDates.iso(meta.apply("article:modified_time"), "meta:article:modified_time", 3);
        modifiedDates.iso(meta.apply("og:updated_time"), "meta:og:updated_time", 2);
        Optional<ArticleDate> modified = modifiedDates.choose().map(DateEvidence.Choice::date);

        ArticleMeta articleMeta = new ArticleMeta(title.orElse(""), description, authors(doc, ld, tags), date.map(DateEvidence.Choice::date),
                site, url, image, language, LeadImageCaption.find(doc, ld, meta, image, site), Optional.empty());
        return new PageMeta(articleMeta, tags(doc, ld, tags), date.map(DateEvidence.Choice::source), modified);
    }

    /**
     * The date a page shows by its headline in an element named for it ({@code <div class="article_date">November
     * 20, 2019 - 11:28 AMT</div>}), for pages that state it nowhere else: the first such date after the
     * {@code h1}, else the first on the page. Update dates ({@code class="updated"}, "Updated: …") are not taken.
     */
    private static Optional<ArticleDate> visibleDate(Document doc) {
        Element h1 = doc.selectFirst("h1");
        Optional<ArticleDate> first = Optional.empty();
        boolean afterHeadline = h1 == null;
        for (Element e : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
            if (e == h1) afterHeadline = true;
            // Every element of the page is looked at: no string is made for one without such a name.
            if (!VISIBLE_DATE.matcher(e.className()).find() && !VISIBLE_DATE.matcher(e.id()).find()) continue;
            if (UPDATE.matcher(e.className()).find() || UPDATE.matcher(e.id()).find()) continue;
            String text = e.text();
            if (text.isEmpty() || text.length() > 80 || text.toLowerCase(Locale.ROOT).startsWith("updated")) continue;
            Optional<ArticleDate> d = DateText.parseIso(text).or(() -> DateText.parseLeadingProse(text));
            if (d.isEmpty()) continue;
            if (afterHeadline) return d;
            if (first.isEmpty()) first = d;
        }
        return first;
    }

    private static final Pattern VISIBLE_DATE = Pattern.compile("(?i)date|publish|posted|timestamp");
    private static final Pattern UPDATE = Pattern.compile("(?i)update|modified");

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

    private static List<String> authors(Document doc, JsonLd ld, Map<String, String> tags) {
        Set<String> names = new LinkedHashSet<>(ld.names("author"));
        if (names.isEmpty()) {
            Optional.ofNullable(tags.get("author")).ifPresent(names::add);
            Optional.ofNullable(tags.get("article:author")).ifPresent(names::add);
            Optional.ofNullable(tags.get("dc.creator")).ifPresent(names::add);
            Optional.ofNullable(tags.get("parsely-author")).ifPresent(names::add);
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

    private static List<Tag> tags(Document doc, JsonLd ld, Map<String, String> metaTags) {
        Set<String> names = new LinkedHashSet<>();
        for (Element m : doc.select("meta[property=article:tag]")) names.add(m.attr("content"));
        for (String key : List.of("news_keywords", "keywords")) {
            Optional.ofNullable(metaTags.get(key)).ifPresent(v -> names.addAll(List.of(v.split(","))));
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

    /** The first non-empty value of each meta tag name, property, itemprop or http-equiv, by lower-case key. */
    private static Map<String, String> metaTags(Document doc) {
        Map<String, String> tags = new HashMap<>();
        for (Element m : doc.select("meta[content]")) {
            String v = HeadlineFinder.clean(m.attr("content"));
            if (v.isEmpty()) continue;
            for (String key : List.of("property", "name", "itemprop", "http-equiv")) {
                String k = m.attr(key);
                if (!k.isEmpty()) tags.putIfAbsent(k.toLowerCase(Locale.ROOT), v);
            }
        }
        return tags;
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
