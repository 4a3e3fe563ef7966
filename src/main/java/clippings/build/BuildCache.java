package clippings.build;

import clippings.cache.BodyStore;
import clippings.cache.CacheFile;
import clippings.cache.CacheTable;
import clippings.cache.CorruptCacheException;
import clippings.cache.FileStamp;
import clippings.cache.Digests;
import clippings.cache.KeptDigests;
import clippings.cache.ProcessMemory;
import clippings.cache.RecordCodec;
import clippings.cache.SiteFileRecord;
import clippings.model.ArchiveIndex;
import clippings.model.Article;
import clippings.model.ArticleEntry;
import clippings.model.SiteIndex;
import clippings.model.Tag;
import clippings.model.TagEntry;
import clippings.model.TagRef;
import clippings.clean.ScrapeLines;
import clippings.search.SearchDoc;
import clippings.search.SearchIndexer;
import clippings.model.Fingerprint;
import clippings.model.SiteConfig;
import clippings.model.TagMerge;
import clippings.render.SummaryReaders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The persistent build cache (#7): what each input became (its article, fingerprint and tag merges, the body
 * on disk), and what the last build wrote into the site. With it, a build after a small change processes only
 * the inputs that changed and renders only the pages whose inputs changed.
 * <p>Versioned and self-healing: the files name the code and configuration that wrote them and are ignored
 * otherwise; a damaged file throws {@link CorruptCacheException}, after which the build runs again without the
 * cache and replaces it.
 * <p>Thread-safe for {@link #article} and {@link #store}.
 */
final class BuildCache {
    /**
     * One input's cached processing; the article's body lives in the body store.
     *
     * @param encoding the charset the input was decoded with, and why
     * @param indexed  the digest of what the index stage reads of it besides its fingerprint (see {@link #indexed})
     */
    record CachedArticle(Article article, Fingerprint fingerprint, List<TagMerge> merges, String encoding,
                         String indexed) {
        CachedArticle(Article article, Fingerprint fingerprint, List<TagMerge> merges, String encoding) {
            this(article, fingerprint, merges, encoding, indexed(article, merges));
        }

        /**
         * What the index (duplicates aside) is made of: the article's input, id, slug, title, date, source and
         * tags, and its tag merges; not its body, description or authors. An edit that leaves these alike lets
         * the build reuse the last index, which picks up the article's new body and metadata by its input (#7).
         */
        static String indexed(Article a, List<TagMerge> merges) {
            var m = a.meta();
            return Digests.of("indexed", a.origin(), a.id(), a.slug(), m.title(), m.date(), m.source(), a.tags(),
                    merges);
        }
    }

    private final BodyStore bodies;
    private final CacheTable<CachedArticle> articles;
    private final CacheTable<SearchDoc> searchDocs;
    private final CacheTable<ScrapeLines> scrapes;
    private final CacheTable<InputStamp> stamps;
    private final CacheTable<StoredIndex> indexes;
    private final CacheFile<SiteFiles> siteFile;
    private final Path site;
    /** What the last build recorded of the site, read in the background from the start. */
    private final java.util.concurrent.CompletableFuture<Optional<SiteFiles>> lastSiteRead;
    private final boolean kept;
    private volatile boolean searchRebuilt;

    /**
     * What a build saw of an input file before hashing it.
     *
     * @param modified the modification time, in nanoseconds since the epoch
     * @param changed  the inode change time where the file system has one (else the modification time): it
     *                 moves on every write and cannot be set back, unlike the modification time, which copying
     *                 tools restore
     * @param identity the file system's identity of the file (device and inode), when it has one
     * @param seenAt   when the file was looked at, in nanoseconds since the epoch
     */
    record InputStamp(long size, long modified, long changed, String identity, long seenAt, String sha256) {
        /** Time granularities of file systems go up to 2 s (FAT); changes within it may not move the time. */
        private static final long GRANULARITY = 2_000_000_000L;

        /** What the file looks like now, to be hashed. */
        static Optional<InputStamp> of(Path file) {
            long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
            try {
                Optional<FileStamp> f = FileStamp.of(file);
                if (f.isPresent()) {
                    FileStamp s = f.get();
                    return Optional.of(new InputStamp(s.size(), s.modified(), s.changed(), s.identity(), now, ""));
                }
                var a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                long modified = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                return Optional.of(new InputStamp(a.size(), modified, modified, String.valueOf(a.fileKey()), now, ""));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        /** This stamp as seen now: for a file a watch saw nobody touch since it was last looked at. */
        InputStamp seenNow() {
            return new InputStamp(size, modified, changed, identity,
                    TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()), "");
        }

        InputStamp hashed(String sha) {
            return new InputStamp(size, modified, changed, identity, seenAt, sha);
        }

        boolean sameFileAs(InputStamp other) {
            return size == other.size && modified == other.modified && changed == other.changed
                    && identity.equals(other.identity);
        }

        /** Whether the file had been left alone for longer than the clock granularity when it was hashed. */
        boolean settled() {
            return Math.max(modified, changed) < seenAt - GRANULARITY;
        }
    }

    /**
     * What the last build wrote into which site folder.
     *
     * @param digest the digest of everything the site was made from (see {@link #siteDigest})
     * @param pages  what its pages were rendered from
     */
    record SiteFiles(String site, String digest, Map<String, SiteFileRecord> files, RenderedPages pages) {
    }

    /**
     * What a build rendered the pages from: the index's shape, theme and configuration ({@code context}, empty
     * when unknown), each article's entry and summary digests by id, which pages read which summary, and, to
     * tell an index whose tags alone changed, the shape but for the tags ({@code frame}) and each tag's digest,
     * and to tell one whose articles came, went or moved, the theme and configuration alone ({@code look}).
     * With the same context, an article whose entry changed changes its own page, and if its summary changed,
     * the pages that read it; no other (#7).
     */
    record RenderedPages(String context, Map<String, String> entries, Map<String, String> summaries,
                         SummaryReaders readers, String frame, Map<String, String> tags, String look) {
        static final RenderedPages NONE = new RenderedPages("", Map.of(), Map.of(), SummaryReaders.NONE, "", Map.of(),
                "");
    }

    private BuildCache(Path dir, SiteConfig config, Path site, boolean kept) {
        this.kept = kept;
        this.site = site;
        this.bodies = new BodyStore(dir.resolve("bodies"), kept);
        RecordCodec codec = new RecordCodec(bodies::ref);
        // Cleaning and tagging depend on these parts of the configuration only; a new site title re-renders
        // pages but needs no input processed again.
        this.articles = new CacheTable<>(new CacheFile<>(dir.resolve("articles.bin"), CachedArticle.class,
                Digests.of(config.clean(), config.tags(), config.maxInputBytes()), codec));
        // The largest table, read only by a build that makes the search index again, and then beside the pages.
        this.searchDocs = new CacheTable<>(new CacheFile<>(dir.resolve("search.bin"), SearchDoc.class, "", codec),
                false);
        this.scrapes = new CacheTable<>(new CacheFile<>(dir.resolve("scrapes.bin"), ScrapeLines.class, "", codec));
        this.stamps = new CacheTable<>(new CacheFile<>(dir.resolve("inputs.bin"), InputStamp.class, "", codec));
        this.indexes = new CacheTable<>(new CacheFile<>(dir.resolve("index.bin"), StoredIndex.class,
                "", codec));
        this.siteFile = new CacheFile<>(dir.resolve("site.bin"), SiteFiles.class, "", codec);
        // Every build that writes the site reads it; in the background, it is ready by then.
        this.lastSiteRead = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Optional.ofNullable(siteFile.read().get("site")).filter(x -> x.site().equals(site.toString())));
    }

    /**
     * Opens the cache in {@code dir} for a build of {@code site}; its tables are read in the background, and a
     * damaged one throws {@link CorruptCacheException} on first use.
     */
    static BuildCache open(Path dir, SiteConfig config, Path site) {
        return new BuildCache(dir, config, site.toAbsolutePath().normalize(), true);
    }

    /** A cache in {@code dir} used for one build only: nothing is saved (a {@code --no-cache} build's scratch space). */
    static BuildCache forOneBuild(Path dir, SiteConfig config, Path site) {
        return new BuildCache(dir, config, site.toAbsolutePath().normalize(), false);
    }

    /** A fresh scratch folder for one build's bodies, beside the output folder (where the staged site goes too). */
    static Path scratch(Path outDir) {
        Path parent = outDir.toAbsolutePath().normalize().getParent();
        try {
            Files.createDirectories(parent);
            removeScratch(outDir);
            return Files.createTempDirectory(parent, "." + outDir.getFileName() + ".scratch-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create a scratch folder beside " + outDir, e);
        }
    }

    /** Removes scratch folders that killed builds left beside the output folder. */
    static void removeScratch(Path outDir) {
        Path abs = outDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs.getParent())) return;
        try (var siblings = Files.newDirectoryStream(abs.getParent(), "." + abs.getFileName() + ".scratch-*")) {
            for (Path p : siblings) clear(p);
        } catch (IOException | RuntimeException e) {
            // Left for a later build: a stale scratch folder only takes space.
        }
    }

    /** Forgets everything: the next build is a full one. */
    static void clear(Path dir) {
        BodyStore.forgetKept(dir.resolve("bodies"));
        try {
            clippings.output.SiteOutput.deleteTree(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot clear the build cache " + dir, e);
        }
    }

    /**
     * Waits for the tables the article stage reads, which are read in the background: their damage must fail the
     * use of the cache before that stage, whose inputs fail one by one.
     *
     * @throws CorruptCacheException when one is damaged
     */
    void awaitArticles() {
        articles.await();
        indexes.await();
    }

    /** The cached processing of an input, when its key is known and its body is still on disk. */
    Optional<CachedArticle> article(String key) {
        return articles.reuseIf(key, c -> bodies.has(c.article().body().digest()));
    }

    /**
     * Ends the storing of bodies: the pack they went to gets its index, so that a later process finds them. Called
     * when the article stage is over; saving calls it too.
     */
    void bodiesStored() {
        bodies.finishWriting();
    }

    /** Caches a freshly processed input, moving its body to disk; returns the entry whose body loads from there. */
    CachedArticle store(String key, CachedArticle fresh) {
        CachedArticle c = new CachedArticle(fresh.article().withBody(bodies.put(fresh.article().body())),
                fresh.fingerprint(), fresh.merges(), fresh.encoding(), fresh.indexed());
        articles.put(key, c);
        return c;
    }

    /**
     * An input's SHA-256 as hashed by an earlier build, when the file still has the size, modification time and
     * identity it had then. Like Git's index, a file modified too close to when it was hashed is not trusted:
     * a second change within the file system's clock granularity would leave the same time behind.
     */
    Optional<String> knownSha256(String origin, InputStamp now) {
        return stamps.peek(origin).flatMap(then -> knownSha256(origin, then, now));
    }

    /** {@link #knownSha256(String, InputStamp)} from the stamp the last build left, already looked up. */
    Optional<String> knownSha256(String origin, InputStamp then, InputStamp now) {
        if (!then.sameFileAs(now) || !then.settled()) return Optional.empty();
        stamps.put(origin, then);
        return Optional.of(then.sha256());
    }

    /**
     * The stamp the last build left for an input; for one a watch saw nobody touch since, it is what the file
     * looks like now (see {@link InputStamp#seenNow}).
     */
    Optional<InputStamp> lastStamp(String origin) {
        return stamps.peek(origin);
    }

    void storeStamp(String origin, InputStamp stamp) {
        stamps.put(origin, stamp);
    }

    /**
     * The index the last build made of the same articles, when it made one; {@code articles} are this build's
     * articles by input file, of which the stored index names each by its file.
     */
    Optional<SiteBuild.IndexedArticles> index(String key, Map<String, Article> articles) {
        return indexes.reuse(key).map(stored -> {
            boolean keep = kept && ProcessMemory.keeps(stored.entries().size());
            // Entries of inputs gone long since are not held for ever.
            if (keep && RESOLVED.size() > 2 * stored.entries().size()) RESOLVED.clear();
            return stored.resolve(articles, keep ? RESOLVED : null);
        });
    }

    /**
     * Each article's entry as the last build resolved it, with what it was resolved from, for the next build of
     * a process that builds again (serve, the daemon): an entry resolved from the same stored entry and the same
     * article is the same object, which every later comparison of entries then finds equal at once. A record's
     * own {@code equals} walks all its parts, and for 10,000 new entries that took 20 ms of an edit (#7).
     */
    private static final Map<String, ResolvedEntry> RESOLVED = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        ProcessMemory.onForget(RESOLVED::clear);
    }

    private record ResolvedEntry(StoredEntry stored, Article article, ArticleEntry entry) {
    }

    /**
     * Keeps the index for the next build of the same articles.
     *
     * @param articles the articles the index was made from, by input file
     */
    void storeIndex(String key, SiteBuild.IndexedArticles index, Map<String, Article> articles) {
        StoredIndex stored = StoredIndex.of(index);
        indexes.put(key, stored);
        // The next build that takes this index from the cache finds its entries resolved already: the same
        // objects as this build's, rather than 10,000 equal ones that every comparison would walk (#7).
        if (kept && ProcessMemory.keeps(stored.entries().size())) {
            List<ArticleEntry> made = index.index().articles();
            for (int i = 0; i < made.size(); i++) {
                StoredEntry e = stored.entries().get(i);
                Article a = articles.get(e.origin());
                if (a != null) RESOLVED.put(e.origin(), new ResolvedEntry(e, a, made.get(i)));
            }
        }
    }

    /**
     * An index as the cache keeps it: each article by its input file and what the index changed of it (its id,
     * its merged tags) rather than whole, since the articles table holds it already; stored whole, the index
     * doubled what every build read and every edit wrote (#7).
     */
    record StoredIndex(List<BuildReport.Duplicate> duplicates, List<TagMerge> merges, List<StoredEntry> entries,
                       List<TagEntry> tags, ArchiveIndex dates) {
        static StoredIndex of(SiteBuild.IndexedArticles indexed) {
            List<StoredEntry> entries = new ArrayList<>();
            for (ArticleEntry e : indexed.index().articles()) {
                Article a = e.article();
                entries.add(new StoredEntry(a.origin(), a.id(), a.tags(), e.path(), e.tags()));
            }
            return new StoredIndex(indexed.duplicates(), indexed.merges(), entries, indexed.index().tags(),
                    indexed.dates());
        }

        /** @param last the entries the last build resolved, by input file, updated here; null to keep none */
        SiteBuild.IndexedArticles resolve(Map<String, Article> articles, Map<String, ResolvedEntry> last) {
            List<ArticleEntry> resolved = new ArrayList<>(entries.size());
            for (StoredEntry e : entries) {
                Article a = articles.get(e.origin());
                if (a == null) throw new CorruptCacheException("the stored index names an unknown input " + e.origin());
                ResolvedEntry before = last == null ? null : last.get(e.origin());
                ArticleEntry entry = before != null && before.stored() == e && before.article() == a ? before.entry()
                        : new ArticleEntry(a.withId(e.id()).withTags(e.tags()), e.path(), e.refs());
                if (last != null && entry != (before == null ? null : before.entry())) {
                    last.put(e.origin(), new ResolvedEntry(e, a, entry));
                }
                resolved.add(entry);
            }
            return new SiteBuild.IndexedArticles(duplicates, merges, new SiteIndex(resolved, tags), dates);
        }
    }

    /** An article of a stored index: its input file, and its id, tags, path and tag pages in the index. */
    record StoredEntry(String origin, String id, List<Tag> tags, String path, List<TagRef> refs) {
    }

    /** What an unchanged text scrape contributes to learning its source's chrome. */
    Optional<ScrapeLines> scrapeLines(String origin, String sha256) {
        return scrapes.reuse(SCRAPE_KEYS.of(origin, sha256));
    }

    void storeScrapeLines(String origin, String sha256, ScrapeLines lines) {
        scrapes.put(SCRAPE_KEYS.of(origin, sha256), lines);
    }

    /** Each text scrape's key in the scrapes table, asked for every input after every edit in serve (#7). */
    private static final KeptDigests SCRAPE_KEYS = new KeptDigests();

    /** What the search index needs of an article, from the cache when the article's entry is unchanged. */
    SearchDoc searchDoc(ArticleEntry e, String key) {
        searchRebuilt = true;
        return searchDocs.reuse(key).orElseGet(() -> {
            SearchDoc doc = SearchIndexer.doc(e);
            searchDocs.put(key, doc);
            return doc;
        });
    }

    /** What the last build recorded of the files in the site folder, if it built the same folder. */
    Map<String, SiteFileRecord> siteFiles() {
        return lastSite().map(SiteFiles::files).orElse(Map.of());
    }

    /** What the last build rendered the site folder's pages from, if it built the same folder. */
    RenderedPages renderedPages() {
        return lastSite().map(SiteFiles::pages).orElse(RenderedPages.NONE);
    }

    /** The digest of everything the last build made the site folder from, if it built the same folder. */
    String siteDigest() {
        return lastSite().map(SiteFiles::digest).orElse("");
    }

    private Optional<SiteFiles> lastSite() {
        try {
            return lastSiteRead.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }


    /**
     * Saves the inputs this build used (forgetting deleted ones), drops unused bodies, and records the files of
     * the site when one was written.
     */
    void save(Optional<Map<String, SiteFileRecord>> written, String digest, RenderedPages pages) {
        bodies.finishWriting();
        if (!kept) return;
        // The files are independent: written side by side, on two cores they take half the time (#7).
        java.util.stream.Stream.<Runnable>of(() -> {
            boolean bodiesChanged = articles.changed();
            articles.save();
            if (bodiesChanged) {
                Set<String> keep = new HashSet<>();
                for (CachedArticle c : articles.used()) keep.add(c.article().body().digest());
                bodies.keepOnly(keep);
            }
        }, () -> {
            // A build that kept the search index asked for no document: the table stays for the next that
            // rebuilds it, which would otherwise read and parse every body again.
            if (searchRebuilt) searchDocs.save();
        }, () -> {
            scrapes.save();
            stamps.save();
            indexes.save();
        }, () -> {
            // Compared before it is sorted, and from the last record's side, whose map is walked while the new
            // one is looked up by hash: sorting 40,000 paths first took most of saving a build that changed
            // nothing (#7).
            SiteFiles now = written.map(w -> new SiteFiles(site.toString(), digest, w, pages)).orElse(null);
            Optional<SiteFiles> last = lastSite();
            if (now != null && last.filter(l -> l.equals(now)).isEmpty()) {
                Map<String, SiteFileRecord> lastFiles = last.map(SiteFiles::files).orElse(Map.of());
                siteFile.write(Map.of("site", new SiteFiles(now.site(), now.digest(),
                        clippings.cache.SortedLike.sorted(lastFiles, now.files()), now.pages())));
            }
        }).parallel().forEach(Runnable::run);
    }

}
