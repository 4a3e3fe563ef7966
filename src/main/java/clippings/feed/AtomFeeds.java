package clippings.feed;

import clippings.model.ArticleDate;
import clippings.model.ArticleEntry;
import clippings.model.OutputFile;
import clippings.model.SiteConfig;
import clippings.model.TagRef;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Writes Atom feeds (RFC 4287) of the newest dated articles with their full content. Undated articles have no
 * place in a feed ordered by time and are left out. Without a base URL, links are relative to the feed (allowed
 * by RFC 4287 and resolved by readers against the feed's address) and ids are {@code urn:sha256:} URIs of the
 * article id, which never change.
 * <p>Immutable and thread-safe.
 */
final class AtomFeeds {
    static final int ENTRIES = 50;
    private static final String EPOCH = "1970-01-01T00:00:00Z";

    private final SiteConfig config;

    AtomFeeds(SiteConfig config) {
        this.config = config;
    }

    /**
     * @param path     the feed's site path
     * @param htmlPath the page the feed mirrors
     * @param articles in site order; only the newest {@value #ENTRIES} dated ones are written
     */
    OutputFile feed(String path, String title, String htmlPath, List<ArticleEntry> articles) {
        List<ArticleEntry> entries = articles.stream().filter(e -> e.article().meta().date().isPresent())
                .limit(ENTRIES).toList();
        String updated = entries.stream().map(e -> rfc3339(e.article().meta().date().get()))
                .max(String::compareTo).orElse(EPOCH);
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        x.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(Xml.escape(config.language()))
                .append("\">\n");
        x.append("  <id>").append(Xml.escape(id(path, "feed:" + path))).append("</id>\n");
        x.append("  <title>").append(Xml.escape(title)).append("</title>\n");
        x.append("  <subtitle>").append(Xml.escape(config.description())).append("</subtitle>\n");
        x.append("  <updated>").append(updated).append("</updated>\n");
        x.append("  <author><name>").append(Xml.escape(config.title())).append("</name></author>\n");
        x.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(Xml.escape(href(path, path)))
                .append("\"/>\n");
        x.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(href(path, htmlPath)))
                .append("\"/>\n");
        x.append("  <generator>Clippings</generator>\n");
        for (ArticleEntry e : entries) entry(x, path, e);
        x.append("</feed>\n");
        return OutputFile.utf8(path, x.toString());
    }

    private void entry(StringBuilder x, String feedPath, ArticleEntry e) {
        var a = e.article();
        var m = a.meta();
        String date = rfc3339(m.date().get());
        x.append("  <entry>\n");
        x.append("    <id>").append(Xml.escape(id(e.path(), "article:" + a.id()))).append("</id>\n");
        x.append("    <title>").append(Xml.escape(m.title())).append("</title>\n");
        x.append("    <published>").append(date).append("</published>\n");
        x.append("    <updated>").append(date).append("</updated>\n");
        for (String author : m.authors()) {
            x.append("    <author><name>").append(Xml.escape(author)).append("</name></author>\n");
        }
        x.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(href(feedPath, e.path())))
                .append("\"/>\n");
        m.url().filter(u -> u.startsWith("http://") || u.startsWith("https://")).ifPresent(u ->
                x.append("    <link rel=\"via\" type=\"text/html\" href=\"").append(Xml.escape(u)).append("\"/>\n"));
        for (TagRef t : e.tags()) {
            x.append("    <category term=\"").append(Xml.escape(t.slug())).append("\" label=\"")
                    .append(Xml.escape(t.name())).append("\"/>\n");
        }
        m.description().ifPresent(d -> x.append("    <summary>").append(Xml.escape(d)).append("</summary>\n"));
        x.append("    <content type=\"html\">").append(Xml.escape(a.bodyHtml())).append("</content>\n");
        x.append("  </entry>\n");
    }

    /** The absolute URL of a site path when the base URL is known, else a link relative to the feed. */
    private String href(String feedPath, String target) {
        Optional<String> base = config.baseUrl();
        return base.map(b -> b + target).orElseGet(() -> Xml.relative(feedPath, target));
    }

    /** An absolute IRI that never changes: the page's URL when known, else a {@code urn:sha256:} of a key. */
    private String id(String path, String key) {
        return config.baseUrl().map(b -> b + path).orElseGet(() -> "urn:sha256:" + sha256(key));
    }

    /** RFC 3339: a time without a zone is taken as UTC, a day without a time as its start. */
    static String rfc3339(ArticleDate d) {
        if (d.zoned().isPresent()) {
            return d.zoned().get().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        if (d.localTime().isPresent()) {
            return d.localTime().get().withNano(0).atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return d.day() + "T00:00:00Z";
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
