package clippings.feed;

import clippings.model.ArticleDate;
import clippings.model.ArticleEntry;
import clippings.model.OutputFile;
import clippings.model.SiteConfig;
import clippings.model.TagRef;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Writes Atom feeds (RFC 4287) of the newest articles with their full content, in site order: dated articles
 * newest first, then undated ones, so an undated article is in every feed that has room for it (a tag or source
 * whose articles are all undated still gets a feed with them) (#5).
 * <p>Atom requires an {@code updated} time on every entry, and the build writes no clock time (the same input
 * must give the same site). So an undated entry has no {@code published} (a publication date is never invented)
 * and its {@code updated} is when it was captured, the last moment its text is known to have changed; when
 * that is unknown too, the feed's own {@code updated}: the newest time of its entries, or else the newest time
 * known anywhere in the archive. Only an archive with no time at all falls back to the Unix epoch.
 * <p>Without a base URL, links are relative to the feed (allowed by RFC 4287 and resolved by readers against the
 * feed's address) and ids are {@code urn:sha256:} URIs of the article id, which never change.
 * <p>Immutable and thread-safe.
 */
final class AtomFeeds {
    static final int ENTRIES = 50;
    private static final String EPOCH = "1970-01-01T00:00:00Z";

    private final SiteConfig config;
    /** The newest time known in the archive: a feed whose entries tell none is as recent as that. */
    private final String archiveUpdated;

    /** The newest time known in the archive; a feed's content depends on it. */
    String archiveUpdated() {
        return archiveUpdated;
    }

    /** @param archive every article of the site: the fallback {@code updated} is the newest time they know */
    AtomFeeds(SiteConfig config, List<ArticleEntry> archive) {
        this.config = config;
        this.archiveUpdated = newest(archive).orElse(EPOCH);
    }

    /**
     * @param path     the feed's site path
     * @param htmlPath the page the feed mirrors
     * @param articles in site order (newest first, undated last); only the first {@value #ENTRIES} are written
     * @param bodies   where the entries' escaped bodies come from
     */
    OutputFile feed(String path, String title, String htmlPath, List<ArticleEntry> articles, FeedBodies bodies) {
        List<ArticleEntry> entries = articles.stream().limit(ENTRIES).toList();
        String updated = newest(entries).orElse(archiveUpdated);
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
        for (ArticleEntry e : entries) entry(x, path, e, updated, bodies);
        x.append("</feed>\n");
        return OutputFile.utf8(path, x.toString());
    }

    private void entry(StringBuilder x, String feedPath, ArticleEntry e, String feedUpdated, FeedBodies bodies) {
        var a = e.article();
        var m = a.meta();
        x.append("  <entry>\n");
        x.append("    <id>").append(Xml.escape(id(e.path(), "article:" + a.id()))).append("</id>\n");
        x.append("    <title>").append(Xml.escape(m.title())).append("</title>\n");
        m.date().ifPresent(d -> x.append("    <published>").append(rfc3339(d)).append("</published>\n"));
        x.append("    <updated>").append(knownTime(e).orElse(feedUpdated)).append("</updated>\n");
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
        x.append("    <content type=\"html\">").append(bodies.escaped(a)).append("</content>\n");
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

    /** When the entry last changed, as far as anyone knows: its publication, else its capture (RFC 3339). */
    private static Optional<String> knownTime(ArticleEntry e) {
        return knownDate(e).map(AtomFeeds::rfc3339);
    }

    private static Optional<ArticleDate> knownDate(ArticleEntry e) {
        var m = e.article().meta();
        return m.date().or(m::captured);
    }

    /**
     * The latest of the entries' known times, compared as instants (their offsets may differ), the greater text
     * breaking a tie. Instants come from the dates themselves: parsing the text back took a tenth of an
     * incremental build over a whole archive.
     */
    private static Optional<String> newest(List<ArticleEntry> entries) {
        Instant best = null;
        String bestText = null;
        for (ArticleEntry e : entries) {
            Optional<ArticleDate> d = knownDate(e);
            if (d.isEmpty()) continue;
            Instant at = instant(d.get());
            int order = best == null ? 1 : at.compareTo(best);
            if (order < 0) continue;
            String text = rfc3339(d.get());
            if (order > 0 || text.compareTo(bestText) > 0) {
                best = at;
                bestText = text;
            }
        }
        return Optional.ofNullable(bestText);
    }

    /** The instant {@link #rfc3339} writes. */
    static Instant instant(ArticleDate d) {
        if (d.zoned().isPresent()) return d.zoned().get().withNano(0).toInstant();
        if (d.localTime().isPresent()) return d.localTime().get().withNano(0).toInstant(ZoneOffset.UTC);
        return d.day().atStartOfDay().toInstant(ZoneOffset.UTC);
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
