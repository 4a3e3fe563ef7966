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

    /**
     * What a feed of these articles takes from the rest of the archive: the archive's newest time when none of
     * its entries knows a time of its own, else nothing. A feed named by the archive's newest time was made
     * again, all 1,650 of them, whenever an article newer than all others came or went (#7).
     */
    String fromArchive(List<ArticleEntry> articles) {
        for (ArticleEntry e : articles.subList(0, Math.min(ENTRIES, articles.size()))) {
            if (knownDate(e).isPresent()) return "";
        }
        return archiveUpdated;
    }

    /** @param archive every article of the site: the fallback {@code updated} is the newest time they know */
    AtomFeeds(SiteConfig config, List<ArticleEntry> archive) {
        this.config = config;
        this.archiveUpdated = newestOfArchive(archive).orElse(EPOCH);
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
        Time best = null;
        for (ArticleEntry e : entries) best = Time.later(best, e);
        return Optional.ofNullable(best).map(Time::text);
    }

    /**
     * As {@link #newest}, for the whole archive, by runs of {@value #RUN} entries: a run whose entries are the
     * very objects the last build of the process (serve, the daemon) had gives the newest time it found then.
     * An edit changes one run, and going through the other 10,000 dates was a fiftieth of it (#7).
     */
    private static Optional<String> newestOfArchive(List<ArticleEntry> entries) {
        boolean keep = clippings.cache.ProcessMemory.keeps(entries.size());
        Run[] known = keep ? lastRuns : new Run[0];
        Run[] runs = new Run[(entries.size() + RUN - 1) / RUN];
        Time best = null;
        for (int r = 0; r < runs.length; r++) {
            List<ArticleEntry> run = entries.subList(r * RUN, Math.min(entries.size(), (r + 1) * RUN));
            runs[r] = r < known.length && known[r].holds(run) ? known[r] : new Run(run.toArray(ArticleEntry[]::new), newestOf(run));
            best = Time.later(best, runs[r].newest());
        }
        lastRuns = keep ? runs : new Run[0];
        return Optional.ofNullable(best).map(Time::text);
    }

    private static final int RUN = 256;
    private static volatile Run[] lastRuns = new Run[0];

    static {
        clippings.cache.ProcessMemory.onForget(() -> lastRuns = new Run[0]);
    }

    private static Time newestOf(List<ArticleEntry> run) {
        Time best = null;
        for (ArticleEntry e : run) best = Time.later(best, e);
        return best;
    }

    /** A run of entries and the newest time they know (null when none). */
    private record Run(ArticleEntry[] entries, Time newest) {
        boolean holds(List<ArticleEntry> run) {
            if (run.size() != entries.length) return false;
            for (int i = 0; i < entries.length; i++) if (run.get(i) != entries[i]) return false;
            return true;
        }
    }

    /** A known time: as an instant, and as written; the greater text breaks a tie between equal instants. */
    private record Time(Instant at, String text) {
        static Time later(Time best, ArticleEntry e) {
            Optional<ArticleDate> d = knownDate(e);
            if (d.isEmpty()) return best;
            Instant at = instant(d.get());
            int order = best == null ? 1 : at.compareTo(best.at());
            if (order < 0) return best;
            String text = rfc3339(d.get());
            return order > 0 || text.compareTo(best.text()) > 0 ? new Time(at, text) : best;
        }

        static Time later(Time a, Time b) {
            if (a == null) return b;
            if (b == null) return a;
            int order = b.at().compareTo(a.at());
            return order > 0 || order == 0 && b.text().compareTo(a.text()) > 0 ? b : a;
        }
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
