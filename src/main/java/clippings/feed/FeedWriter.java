package clippings.feed;

import clippings.cache.Digests;
import clippings.cache.EntryDigests;
import clippings.cache.KeptValues;

import clippings.model.ArchiveIndex;
import clippings.model.ArticleDate;
import clippings.model.ArticleEntry;
import clippings.model.MonthEntry;
import clippings.model.OutputFile;
import clippings.model.SiteConfig;
import clippings.model.SiteIndex;
import clippings.model.SourceEntry;
import clippings.model.TagEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes what machines read (#5): {@code feed.xml} and an Atom feed per tag ({@code tags/<slug>.xml}) and per
 * source ({@code sources/<slug>.xml}); {@code sitemap.xml} when the base URL is known; {@code robots.txt};
 * {@code articles.json} and {@code articles.csv}.
 * <p>Immutable and thread-safe; {@link #write} hands files to its sink from several threads.
 */
public final class FeedWriter {
    private final SiteConfig config;
    private final int maxSitemapUrls;

    public FeedWriter(SiteConfig config) {
        this(config, Sitemaps.MAX_URLS);
    }

    FeedWriter(SiteConfig config, int maxSitemapUrls) {
        this.config = config;
        this.maxSitemapUrls = maxSitemapUrls;
    }

    public void write(SiteIndex index, ArchiveIndex archive, Consumer<OutputFile> sink) {
        write(index, archive, new EntryDigests(), sink);
    }

    /** @param digests the build's digests of the index's articles */
    public void write(SiteIndex index, ArchiveIndex archive, EntryDigests digests, Consumer<OutputFile> sink) {
        Map<String, ArticleEntry> byId = new HashMap<>(2 * index.articles().size());
        for (ArticleEntry e : index.articles()) byId.put(e.article().id(), e);
        List<Feed> all = new ArrayList<>();
        all.add(new Feed("feed.xml", config.title(), "index.html", index.articles()));
        for (TagEntry t : index.tags()) {
            all.add(new Feed("tags/" + t.slug() + ".xml", t.name() + " · " + config.title(),
                    "tags/" + t.slug() + ".html", newest(t.articleIds(), byId)));
        }
        for (SourceEntry s : archive.sources()) {
            all.add(new Feed("sources/" + s.slug() + ".xml", s.name() + " · " + config.title(),
                    "sources/" + s.slug() + ".html", newest(s.articleIds(), byId)));
        }
        List<String> shown = new ArrayList<>();
        for (Feed f : all) for (ArticleEntry e : f.shown()) shown.add(e.article().body().digest());
        // Both list every article: named by the digest of all entries, they are kept while no article changed.
        String entries = digests.ofAll("data", index.articles());
        ArticleData data = new ArticleData(index.articles(), digests.ofEach(index.articles()));
        try (KeptValues<String, Named>.Round names = NAMES.sharedRound(index.articles().size())) {
            Feeds feeds = new Feeds(new AtomFeeds(config, index.articles()),
                    new FeedBodies(shown, MAX_SHARED_BODY_CHARS), digests, names);
            List<Runnable> jobs = new ArrayList<>(all.size() + 1);
            // First, so that the calling thread takes them while the pool's threads take feeds: made after the
            // feeds, one after the other, they were half of an edit's feeds phase (#7).
            jobs.add(() -> {
                sink.accept(OutputFile.pending("articles.json", entries, () -> data.json().content()));
                sink.accept(OutputFile.pending("articles.csv", entries, () -> data.csv().content()));
            });
            for (Feed f : all) jobs.add(() -> sink.accept(feeds.feed(f)));
            jobs.parallelStream().forEach(Runnable::run);
        }
        StringBuilder robots = new StringBuilder("User-agent: *\nAllow: /\n");
        if (config.baseUrl().isPresent()) {
            new Sitemaps(config.baseUrl().get(), maxSitemapUrls).write(urls(index, archive)).forEach(sink);
            robots.append("\nSitemap: ").append(config.baseUrl().get()).append("sitemap.xml\n");
        }
        sink.accept(OutputFile.utf8("robots.txt", robots.toString()));
    }

    /**
     * The newest articles of a tag or source, for its feed: fewer than the site's feed, because an archive has
     * thousands of tags and every entry carries the article's full text (at 100,000 articles, 50 entries in each
     * of 2,000 tag feeds would be half a gigabyte); feed readers look at the newest entries anyway.
     */
    private static List<ArticleEntry> newest(List<String> ids, Map<String, ArticleEntry> byId) {
        // A loop: 1,650 short streams after every edit at 10,000 articles cost 3 ms under C1 (#7).
        List<ArticleEntry> shown = new ArrayList<>(Math.min(ids.size(), LISTING_FEED_ENTRIES));
        for (int i = 0; i < ids.size() && i < LISTING_FEED_ENTRIES; i++) shown.add(byId.get(ids.get(i)));
        return Collections.unmodifiableList(shown);
    }

    /** Entries in each tag's and source's feed; {@code feed.xml} has {@value AtomFeeds#ENTRIES}. */
    static final int LISTING_FEED_ENTRIES = 20;

    /**
     * How much escaped text {@link FeedBodies} may keep for bodies that several feeds show: about 3,000 articles
     * of 5 kB, at most 32 MB of memory whatever the size of the archive.
     */
    private static final long MAX_SHARED_BODY_CHARS = 16_000_000;

    /** One feed: its site path, title, the page it mirrors and the entries it shows, newest first. */
    private record Feed(String path, String title, String htmlPath, List<ArticleEntry> shown) {
        Feed {
            shown = shown.subList(0, Math.min(AtomFeeds.ENTRIES, shown.size()));
        }
    }

    /**
     * Each feed's name as the last build of the process made it, by path: an edit leaves all but a few feeds
     * showing the very same entry objects, and naming all 1,650 feeds again (twenty entries' digests looked up
     * and hashed together for each) was 12 ms of an edit's CPU in serve at 10,000 articles (#7).
     */
    private static final KeptValues<String, Named> NAMES = new KeptValues<>();

    /** A feed's name and all it was made of but its path; an entry's digest is a function of the entry. */
    private record Named(String common, String title, String htmlPath, ArticleEntry[] shown, String fromArchive,
                         String digest) {
        boolean names(String common, Feed f, String fromArchive) {
            List<ArticleEntry> now = f.shown();
            if (now.size() != shown.length || !common.equals(this.common) || !f.title().equals(title)
                    || !f.htmlPath().equals(htmlPath) || !fromArchive.equals(this.fromArchive)) {
                return false;
            }
            for (int i = 0; i < shown.length; i++) if (now.get(i) != shown[i]) return false;
            return true;
        }
    }

    /**
     * Feeds as pending files, named by the digest of their entries: an incremental build writes only the feeds
     * that list a changed article, and loads no article body for the others.
     */
    private final class Feeds {
        private final AtomFeeds atom;
        private final FeedBodies bodies;
        private final EntryDigests entryDigests;
        private final KeptValues<String, Named>.Round names;
        /**
         * What every feed is made with, digested once: encoding the whole configuration again for each of
         * 2,000 feeds was most of naming them (#7).
         */
        private final String common;

        Feeds(AtomFeeds atom, FeedBodies bodies, EntryDigests entryDigests, KeptValues<String, Named>.Round names) {
            this.atom = atom;
            this.bodies = bodies;
            this.entryDigests = entryDigests;
            this.names = names;
            this.common = Digests.of("atom", config);
        }

        OutputFile feed(Feed f) {
            String fromArchive = atom.fromArchive(f.shown());
            String digest = names.get(f.path(), n -> n.names(common, f, fromArchive), path -> {
                List<String> entries = new ArrayList<>(f.shown().size());
                for (ArticleEntry e : f.shown()) entries.add(entryDigests.of(e));
                return new Named(common, f.title(), f.htmlPath(), f.shown().toArray(new ArticleEntry[0]), fromArchive,
                        Digests.of(common, path, f.title(), f.htmlPath(), entries, fromArchive));
            }).digest();
            return OutputFile.pending(f.path(), digest,
                    () -> atom.feed(f.path(), f.title(), f.htmlPath(), f.shown(), bodies).content());
        }
    }

    /** The first page of every listing and every article page; listing pages past the first are left to links. */
    private static List<Sitemaps.Url> urls(SiteIndex index, ArchiveIndex archive) {
        List<Sitemaps.Url> urls = new ArrayList<>();
        Optional<LocalDate> none = Optional.empty();
        for (String p : List.of("index.html", "archive/index.html", "sources/index.html", "tags/index.html",
                "search.html")) {
            urls.add(new Sitemaps.Url(p, none));
        }
        for (ArticleEntry e : index.articles()) {
            Optional<ArticleDate> date = e.article().meta().date();
            urls.add(new Sitemaps.Url(e.path(), date.isPresent() ? Optional.of(date.get().day()) : none));
        }
        for (TagEntry t : index.tags()) urls.add(new Sitemaps.Url("tags/" + t.slug() + ".html", none));
        for (SourceEntry s : archive.sources()) urls.add(new Sitemaps.Url("sources/" + s.slug() + ".html", none));
        for (int year : archive.years()) {
            urls.add(new Sitemaps.Url(String.format(Locale.ROOT, "archive/%04d.html", year), none));
        }
        for (MonthEntry m : archive.months()) {
            urls.add(new Sitemaps.Url(String.format(Locale.ROOT, "archive/%04d/%02d.html", m.year(), m.month()), none));
        }
        if (!archive.undatedIds().isEmpty()) urls.add(new Sitemaps.Url("archive/undated.html", none));
        return urls;
    }
}
