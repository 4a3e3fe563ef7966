package clippings.build;

import clippings.build.BuildCache.CachedArticle;
import clippings.cache.CorruptCacheException;
import clippings.cache.Digests;
import clippings.cache.EntryDigests;
import clippings.cache.FolderWatch;
import clippings.cache.KeptValues;
import clippings.cache.ProcessMemory;
import clippings.cache.SiteFileRecord;
import clippings.dedupe.DuplicateFinder;
import clippings.dedupe.RepeatedDuplicateFinder;
import clippings.dedupe.TextFingerprinter;
import clippings.feed.FeedWriter;
import clippings.ingest.ContentReader;
import clippings.ingest.ContentFiles;
import clippings.clean.ArticleCleaner;
import clippings.clean.ScrapeLines;
import clippings.model.InputFile;
import clippings.model.ArchiveIndex;
import clippings.model.Article;
import clippings.model.ArticleEntry;
import clippings.model.Fingerprint;
import clippings.model.MergedTags;
import clippings.model.Tag;
import clippings.model.TagMerge;
import clippings.model.InputException;
import clippings.model.InputFormat;
import clippings.model.OutputFile;
import clippings.model.Problem;
import clippings.model.RawArticle;
import clippings.model.SiteIndex;
import clippings.model.TagEntry;
import clippings.model.TagKind;
import clippings.output.SiteOutput;
import clippings.publish.PagesFiles;
import clippings.publish.PagesLimits;
import clippings.render.SiteRenderer;
import clippings.render.SummaryReaders;
import clippings.render.TemplateFailure;
import clippings.render.Theme;
import clippings.taxonomy.Permalinks;
import clippings.search.SearchIndexer;
import clippings.taxonomy.ArchiveIndexer;
import clippings.taxonomy.SiteIndexer;
import clippings.taxonomy.Slugger;
import clippings.taxonomy.TagMerger;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Builds the site: reads the content folder, takes every article through the stages in parallel, indexes
 * them, renders the pages and swaps the new site in. Each step's time is logged.
 * <p>One instance runs one build.
 */
public final class SiteBuild {
    private final BuildOptions options;
    private final PrintWriter log;
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private long phaseStart;

    private final Progress progress;
    /** Where {@link #deferSave} hands the build's last step, writing the cache; empty: it is done here. */
    private Optional<Consumer<Runnable>> saver = Optional.empty();

    /** A build that logs one line per phase to {@code log}. */
    public SiteBuild(BuildOptions options, PrintWriter log) {
        this(options, log, Progress.lines(log));
    }

    /** @param log where warnings go (the damaged cache, the Pages size guard); phases go to {@code progress} */
    public SiteBuild(BuildOptions options, PrintWriter log, Progress progress) {
        this.options = options;
        this.log = log;
        this.progress = progress;
    }

    /**
     * Hands the writing of the build cache to {@code saver} instead of doing it before {@link #run} returns:
     * {@code serve} saves on a thread of its own, so the reload does not wait for it (#7). The caller must let
     * the save finish before the next build opens the cache.
     */
    public SiteBuild deferSave(Consumer<Runnable> saver) {
        this.saver = Optional.of(saver);
        return this;
    }

    /** Whether the build report is handed to the saver too, after the cache. */
    private boolean reportDeferred;

    /**
     * As {@link #deferSave}, and hands the writing of the build report there too, after the cache's, and the
     * measure of the site against GitHub Pages' limits before both (its lines then follow the build's): for
     * {@code serve}, whose reload reads neither (writing the report was 35 ms of an edit at 10,000 articles,
     * #7). The build daemon does not: its client may read the report as soon as the build returns.
     */
    public SiteBuild deferSaveAndReport(Consumer<Runnable> saver) {
        reportDeferred = true;
        return deferSave(saver);
    }

    /**
     * Everything the build knows before it renders: the inputs and what became of them (and the encoding each
     * was read in), and the index of the published articles and their tags.
     *
     * @param indexKey what the index was made from, when the build cache names it
     */
    public record IndexedArchive(int inputs, Map<String, String> encodings, List<Problem> skipped, List<Problem> failed,
                                 List<BuildReport.Duplicate> duplicates, List<TagMerge> tagMerges, SiteIndex index,
                                 ArchiveIndex dates, Optional<String> indexKey) {
    }

    /** Runs the stages up to the index, without rendering or writing anything (for {@code clippings tags}). */
    public IndexedArchive index() {
        phaseStart = System.nanoTime();
        return index(new ArticleProcessor(options.config()), Optional.empty());
    }

    /** Each index's shape by the index's key, for the next build of a process that builds again (serve, the daemon). */
    private static final KeptValues<String, IndexShape> SHAPES = new KeptValues<>();

    /** The last listing of each content folder, for builds told by its watch what changed since. */
    private static final Map<Path, ContentFiles> LAST_SCANS = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        ProcessMemory.onForget(LAST_SCANS::clear);
    }

    private IndexedArchive index(ArticleProcessor plain, Optional<BuildCache> cache) {
        progress.begin("ingest", -1);
        ContentReader reader = new ContentReader(options.config().maxInputBytes());
        // In serve and the daemon, the content folder's watch says which inputs were touched: the others are
        // neither listed again nor looked at (#7).
        Path contentDir = options.contentDir().toAbsolutePath().normalize();
        boolean watched = cache.isPresent() && ProcessMemory.keeping();
        Optional<FolderWatch.Changes> touched = watched ? FolderWatch.changesTo(contentDir) : Optional.empty();
        ContentFiles last = LAST_SCANS.get(contentDir);
        Optional<ContentFiles> listed = touched.isPresent() && last != null
                ? last.afterTouches(touched.get().paths(), options.contentDir()) : Optional.empty();
        ContentFiles listing = listed.orElseGet(() -> reader.scan(options.contentDir()));
        if (watched) LAST_SCANS.put(contentDir, listing);
        List<Problem> failed = new ArrayList<>();
        ContentFiles content = reader.accountForCaptureLogs(contentDir, listing, failed);
        int inputs = content.inputs().size() + content.skipped().size() + failed.size();
        // Each input's bytes are hashed here, and a text scrape's lines summed up to learn its source's chrome
        // (from the cache when the scrape is unchanged); the article stage then reads each changed input again,
        // one at a time: holding every text of a large archive at once would not fit in memory.
        List<Stamped> stamped = content.inputs().parallelStream().map(f -> stamp(reader, f, cache,
                touched.isPresent() && !touched.get().touches(f.origin()))).toList();
        List<ScrapeLines> corpus = new ArrayList<>();
        for (Stamped s : stamped) s.lines().ifPresent(corpus::add);
        ArticleProcessor processor = plain.learnFromLines(corpus);
        cache.ifPresent(BuildCache::awaitArticles);
        String watchedNote = touched.map(t -> " (" + content.inputs().stream().filter(f -> t.touches(f.origin()))
                .count() + " touched since the last build, by the content folder's watch; the others not looked at)")
                .orElse("");
        phase("ingest", content.inputs().size() + " inputs found and hashed, " + corpus.size()
                + " text scrapes learnt from" + watchedNote);

        TextFingerprinter fingerprinter = new TextFingerprinter();
        List<CachedArticle> processed = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        progress.begin("articles", content.inputs().size());
        // What the cache has is taken first, on every core but without the runner: a deadline and a task for each
        // of 10,000 unchanged inputs were most of an edit's article stage (#7). The runner processes the rest.
        List<Keyed> hits = stamped.parallelStream().map(s -> {
            Optional<String> key = s.sha256().isEmpty() ? Optional.empty() : cache.map(c -> processor.cacheKey(
                    s.file().origin(), s.file().format(), s.sha256(), reader.sidecarCapture(s.file()),
                    s.lines().map(ScrapeLines::source)));
            Optional<CachedArticle> hit = key.flatMap(k -> cache.get().article(k));
            if (hit.isEmpty()) return new Keyed(key, null);
            progress.advance();
            return new Keyed(key, hit.get());
        }).toList();
        List<Integer> misses = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) if (hits.get(i).article() == null) misses.add(i);
        List<ArticleRunner.Result<Keyed>> results;
        try (ArticleRunner runner = new ArticleRunner(Runtime.getRuntime().availableProcessors(),
                options.articleDeadline())) {
            results = runner.runAll(misses, i -> {
                progress.advance();
                InputFile input = stamped.get(i).file();
                Optional<String> key = hits.get(i).key();
                RawArticle raw = reader.read(input);
                ArticleProcessor.Processed p = processor.process(raw);
                CachedArticle fresh = new CachedArticle(p.article(), fingerprinter.fingerprint(p.text()), p.merges(),
                        raw.encoding());
                // A file that changed since it was hashed is published as read now, but not cached under the old key.
                boolean same = raw.sha256().equals(stamped.get(i).sha256());
                return key.isPresent() && same ? new Keyed(key, cache.get().store(key.get(), fresh))
                        : new Keyed(Optional.empty(), fresh);
            });
            for (int m = 0, i = 0; i < hits.size(); i++) {
                Keyed k = hits.get(i);
                if (k.article() == null) {
                    var r = results.get(m++);
                    if (r.value() == null) {
                        failed.add(problem(content.inputs().get(i).origin(), r, runner.deadline()));
                        continue;
                    }
                    k = r.value();
                }
                processed.add(k.article());
                keys.add(k.key().orElse(""));
            }
        }
        cache.ifPresent(BuildCache::bodiesStored);
        // Counted here: asking the cache's table meant looking each of 10,000 keys up again (2 ms of an edit, #7).
        int fromCache = hits.size() - misses.size();
        phase("articles", processed.size() + " articles cleaned, converted and tagged"
                + cache.map(c -> " (" + fromCache + " unchanged, from the cache)").orElse(""));

        // The index is a function of the duplicates, of what it reads of each article (CachedArticle.indexed) and
        // of the tag rules: when they are the last build's, so is the index, and it comes from the cache. Finding
        // duplicates is cheap; the rest (tag merging, permalinks, archives) is what reusing saves.
        List<DuplicateFinder.Duplicate> found = findDuplicates(processed);
        Optional<String> indexKey = keys.contains("") || cache.isEmpty() ? Optional.empty()
                : Optional.of(Digests.of("index", options.config().clean(), options.config().tags(), found,
                processed.stream().map(CachedArticle::indexed).toList()));
        Map<String, Article> origins = indexKey.isPresent() ? byOrigin(processed) : Map.of();
        Optional<IndexedArticles> known = indexKey.flatMap(k -> cache.get().index(k, origins));
        IndexedArticles indexed = known.orElseGet(() -> indexArticles(processed, found));
        if (known.isEmpty()) indexKey.ifPresent(k -> cache.get().storeIndex(k, indexed, origins));
        SiteIndex index = indexed.index();
        LAST_INDEX.set(ProcessMemory.keeps(index.articles().size()) ? index : null);
        ArchiveIndex dates = indexed.dates();
        phase("index", indexed.duplicates().size() + " duplicates; " + index.tags().size() + " tags, "
                + dates.months().size() + " months, " + dates.sources().size() + " sources"
                + (known.isPresent() ? " (unchanged, from the cache)" : ""));
        Map<String, String> encodings = new TreeMap<>();
        for (CachedArticle c : processed) encodings.put(c.article().origin(), c.encoding());
        return new IndexedArchive(inputs, encodings, content.skipped(), failed, indexed.duplicates(),
                indexed.merges(), index, dates, indexKey);
    }

    /**
     * The article with its merged tags: the last index's article when that is equal to it and made from the same
     * objects, which an article taken from the same cache again shares with the last build's. (An equal body of
     * another build's cache is not this one's: it is read from the store that made it.)
     */
    private static Article tagged(Article a, List<Tag> tags, ArticleEntry last) {
        if (last != null) {
            Article l = last.article();
            if (l.meta() == a.meta() && l.body() == a.body()
                    && l.id().equals(a.id()) && l.origin().equals(a.origin()) && l.sha256().equals(a.sha256())
                    && l.slug().equals(a.slug()) && l.tags().equals(tags)) {
                return l;
            }
        }
        return a.withTags(tags);
    }

    /**
     * The last build's index, for the next build of a process that builds again (serve, the daemon) to take its
     * unchanged articles, entries and order from (see {@link SiteIndexer#index(List, SiteIndex)}); null when none is kept.
     */
    private static final java.util.concurrent.atomic.AtomicReference<SiteIndex> LAST_INDEX =
            new java.util.concurrent.atomic.AtomicReference<>();

    static {
        ProcessMemory.onForget(() -> LAST_INDEX.set(null));
    }

    private static Map<String, Article> byOrigin(List<CachedArticle> processed) {
        Map<String, Article> byOrigin = new HashMap<>();
        for (CachedArticle c : processed) byOrigin.put(c.article().origin(), c.article());
        return byOrigin;
    }

    /** An article as processed, with the cache key it is stored under (empty when it is not cached). */
    private record Keyed(Optional<String> key, CachedArticle article) {
    }

    /** What the index stage makes of the processed articles; the cache keeps it while they are the same. */
    record IndexedArticles(List<BuildReport.Duplicate> duplicates, List<TagMerge> merges, SiteIndex index,
                           ArchiveIndex dates) {
    }

    private IndexedArticles indexArticles(List<CachedArticle> processed, List<DuplicateFinder.Duplicate> found) {
        List<BuildReport.Duplicate> duplicates = new ArrayList<>();
        List<Article> articles = dropDuplicates(processed, found, duplicates);
        MergedTags merged = mergeTags(articles, processed);
        Map<String, ArticleEntry> last = new HashMap<>();
        SiteIndex lastIndex = LAST_INDEX.get();
        if (lastIndex != null) for (ArticleEntry e : lastIndex.articles()) last.put(e.article().id(), e);
        // Looked up by hash: 10,000 lookups in the sorted map took 10 ms of an edit that changed a tag (#7).
        Map<String, List<Tag>> tagsOf = new HashMap<>(merged.byArticle());
        articles = articles.stream().map(a -> tagged(a, tagsOf.get(a.id()), last.get(a.id()))).toList();
        Slugger slugger = new Slugger();
        SiteIndex index = new SiteIndexer(slugger).index(articles, lastIndex == null ? SiteIndex.EMPTY : lastIndex);
        ArchiveIndex dates = new ArchiveIndexer(slugger).index(index);
        return new IndexedArticles(duplicates, merged.merges(), index, dates);
    }

    /**
     * Builds the site. With a cache, only changed inputs are processed and only pages whose inputs changed are
     * rendered; a damaged cache is thrown away and the build runs again in full.
     */
    public BuildReport run() {
        if (options.cacheDir().isEmpty()) {
            // Without a cache, bodies still go to disk for the build's duration, so memory stays bounded.
            Path scratch = BuildCache.scratch(options.outDir());
            try {
                return run(BuildCache.forOneBuild(scratch, options.config(), options.outDir()));
            } finally {
                BuildCache.clear(scratch);
            }
        }
        Path dir = options.cacheDir().get();
        BuildCache.removeScratch(options.outDir());
        try {
            return run(BuildCache.open(dir, options.config(), options.outDir()));
        } catch (CorruptCacheException e) {
            log.println("cache    the build cache is damaged (" + e.getMessage() + "); building everything again");
            log.flush();
            BuildCache.clear(dir);
            phases.clear();
            return run(BuildCache.open(dir, options.config(), options.outDir()));
        }
    }

    private BuildReport run(BuildCache cache) {
        long start = System.nanoTime();
        phaseStart = start;
        Theme theme = options.templatesDir().map(Theme::directory).orElseGet(Theme::bundled);
        ArticleProcessor processor = new ArticleProcessor(options.config());
        IndexedArchive indexed = index(processor, Optional.of(cache));
        SiteIndex index = indexed.index();
        ArchiveIndex archive = indexed.dates();
        List<Problem> failed = new ArrayList<>(indexed.failed());
        int inputs = indexed.inputs();

        List<Problem> problems = new ArrayList<>();
        int pages = 0;
        long bytes = 0;
        boolean strictFailure = options.strict() && !failed.isEmpty();
        Optional<Map<String, SiteFileRecord>> siteFiles = Optional.empty();
        String siteDigest = "";
        BuildCache.RenderedPages rendered = BuildCache.RenderedPages.NONE;
        if (!strictFailure) {
            progress.begin("pages", -1);
            try (SiteOutput out = SiteOutput.begin(options.outDir(), cache.siteFiles(),
                    options.cacheDir().isPresent() && ProcessMemory.keeps(index.articles().size()))) {
                // Everything the site's files are made from (the code is named by the cache): when it is what the
                // last build had, no page needs even its model built.
                // The index is hashed once: the site's digest and the search index's both name it.
                EntryDigests entries = new EntryDigests();
                // A function of what the index is made from: an index taken from the cache has the last shape.
                IndexShape shape = indexed.indexKey()
                        .map(k -> SHAPES.only(index.articles().size(), k, x -> IndexShape.of(index, archive)))
                        .orElseGet(() -> IndexShape.of(index, archive));
                String indexDigest = Digests.of(entries.ofAll("index", index.articles()), shape.whole());
                siteDigest = Digests.of("site", theme.fingerprint(), options.config(), indexDigest,
                        indexed.encodings());
                if (siteDigest.equals(cache.siteDigest()) && out.keepAll()) {
                    rendered = cache.renderedPages();
                } else {
                    rendered = writeFiles(out, theme, processor, indexed, entries, indexDigest, shape, cache);
                }
                pages = out.files();
                bytes = out.bytes();
                phase("files", pages + " files, " + bytes + " bytes"
                        + (out.kept() > 0 ? ", " + out.kept() + " unchanged" : ""));
                out.commit();
                siteFiles = Optional.of(out.record());
                Map<String, SiteFileRecord> record = out.record();
                Runnable limits = () -> PagesLimits.github().report(record, SiteFileRecord::size, log);
                // Serve measures the site against Pages' limits after the reload, with the cache and the report:
                // a tally of 40,000 files is not what someone waiting for the page should wait for (#7).
                if (reportDeferred) saver.orElseThrow().accept(limits);
                else limits.run();
                phase("commit", "the new site swapped in");
            } catch (TemplateFailure e) {
                problems.add(e.problem());
            } catch (CorruptCacheException e) {
                throw e;
            } catch (RuntimeException e) {
                // Writing failed (disk full, a path clash): the previous site stays, and the report says why.
                problems.add(Problem.of(options.outDir().toString(), "cannot write the site: " + e.getMessage()));
            }
        }
        if (strictFailure) {
            problems.add(Problem.of(options.contentDir().toString(),
                    "--strict: " + failed.size() + " input(s) failed; the previous site was left in place"));
        }

        boolean written = problems.isEmpty();
        List<BuildReport.Published> published = published(index.articles(), indexed.encodings(), written);
        failed.sort(Comparator.comparing(Problem::file));
        Optional<Map<String, SiteFileRecord>> record = siteFiles;
        String digest = siteDigest;
        BuildCache.RenderedPages pagesFrom = rendered;
        Runnable save = () -> cache.save(record, digest, pagesFrom);
        saver.ifPresentOrElse(s -> s.accept(save), save);
        phase("save", saver.isPresent() ? "build cache handed on to be written" : "build cache written");
        phases.put("total", (System.nanoTime() - start) / 1_000_000);
        BuildReport report = new BuildReport(inputs, written ? published : List.of(), indexed.duplicates(),
                indexed.skipped(), failed, problems, pages, bytes, index.tags().size(), indexed.tagMerges(), phases);
        if (!written) {
            // Nothing was published: the inputs that would have been are reported as failed with the reason.
            List<Problem> notPublished = new ArrayList<>(failed);
            for (BuildReport.Published p : published) {
                notPublished.add(Problem.of(p.file(), "not published: the build failed (" + problems.get(0) + ")"));
            }
            notPublished.sort(Comparator.comparing(Problem::file));
            report = new BuildReport(inputs, List.of(), indexed.duplicates(), indexed.skipped(), notPublished, problems,
                    0, 0, index.tags().size(), indexed.tagMerges(), phases);
        }
        BuildReport finished = report;
        Runnable writeReport = () -> ReportWriter.writeJson(finished, options.reportFile());
        if (reportDeferred) saver.orElseThrow().accept(writeReport);
        else writeReport.run();
        return report;
    }

    /**
     * Produces every file of the site whose digest changed since the last build; keeps the others. Returns what
     * the pages were rendered from.
     */
    private BuildCache.RenderedPages writeFiles(SiteOutput out, Theme theme, ArticleProcessor processor,
                                                IndexedArchive indexed, EntryDigests entries, String indexDigest,
                                                IndexShape shape, BuildCache cache) {
        SiteIndex index = indexed.index();
        ArchiveIndex archive = indexed.dates();
        // The articles whose entries the last build's pages and copies were not made from.
        Map<String, String> lastEntries = cache.renderedPages().entries();
        List<String> digests = entries.ofEach(index.articles());
        List<ArticleEntry> changed = new ArrayList<>();
        for (int i = 0; i < digests.size(); i++) {
            ArticleEntry e = index.articles().get(i);
            if (!digests.get(i).equals(lastEntries.get(e.article().id()))) changed.add(e);
        }
        AtomicInteger pages = new AtomicInteger();
        Consumer<OutputFile> sink = f -> {
            out.write(f);
            progress.advance();
        };
        // The search index is built on a thread of its own, beside the pages and feeds: its postings are one
        // thread's work, and so is much of an incremental build's pages (their keys), so together they keep two
        // cores busy (#7). Its phase figure is its own time, which overlaps theirs.
        FutureTask<Long> searchTask = new FutureTask<>(() -> {
            long t = System.nanoTime();
            String search = Digests.of("search", indexDigest);
            if (!out.keepGroup("search", search)) {
                // Files are named by their content: shards a change leaves alike are kept, not rewritten.
                new SearchIndexer().write(index, archive, e -> cache.searchDoc(e, entries.of(e)),
                        f -> out.write(f, "search@" + search));
            }
            return (System.nanoTime() - t) / 1_000_000;
        });
        Thread searcher = new Thread(searchTask, "clippings-search");
        searcher.start();
        Rendered rendered;
        try {
            rendered = renderPages(out, theme, indexed, shape, entries, changed, cache, f -> {
                pages.incrementAndGet();
                progress.advance();
                return f;
            });
            phase("pages", pages.get() + " pages and assets" + switch (rendered.render()) {
                case CHANGED -> " of the changed articles and of those showing them; the other pages kept (same index)";
                case TAGS -> " of the changed articles, of those showing them and of what reads the changed tags;"
                        + " the other pages kept (same index but for tags)";
                case PLACEMENT -> " of the changed articles, of those showing them, of their neighbours, of what reads"
                        + " the changed tags and of the other listings; the other pages kept (articles came, went or"
                        + " moved)";
                case ALL -> "";
            });
            progress.begin("feeds", -1);
            new FeedWriter(options.config()).write(index, archive, entries, sink);
            phase("feeds", "feeds, sitemap and data files");
        } finally {
            // Never leave it writing into a site that is being closed, whatever failed here.
            awaitQuietly(searchTask);
        }
        phaseBeside("search", await(searchTask), "search index (built beside the pages and feeds)");
        // Same frame: the same articles at the same paths as the last build, so none of its copies is gone.
        boolean placed = rendered.pages().frame().equals(cache.renderedPages().frame());
        writeCopies(out, processor, indexed, shape, entries, changed, placed);
        out.write(OutputFile.utf8(".nojekyll", ""));
        PagesFiles.cname(options.config()).ifPresent(out::write);
        return rendered.pages();
    }

    /**
     * Publishes each article's Markdown and capture beside its page. A copy is made of its article alone (its
     * entry names the path and the capture's SHA-256, and an input's encoding follows from its bytes), so they are
     * written as a group named by the configuration: while it is the last build's, only the copies of the articles
     * whose entries changed are made, the copies of the others are kept without a key taken for each, whichever
     * articles came, went or moved, and those of gone articles are left to be removed (#7).
     */
    private void writeCopies(SiteOutput out, ArticleProcessor processor, IndexedArchive indexed, IndexShape shape,
                             EntryDigests entries, List<ArticleEntry> changed, boolean placed) {
        var publish = options.config().publish();
        if (!publish.markdown() && !publish.captures()) return;
        CaptureFiles captures = new CaptureFiles(reader(), options.contentDir(), indexed.encodings());
        List<ArticleEntry> articles = indexed.index().articles();
        // Only a cached build has an index key, and only it has a last build to keep copies from.
        Optional<String> context = indexed.indexKey().map(k -> Digests.of("copies", options.config()));
        String group = context.map(c -> "copies@" + c).orElse("");
        if (context.isPresent()) {
            Set<String> remade = new HashSet<>();
            for (ArticleEntry e : changed) remade.addAll(copyPaths(e, publish));
            // The copies of gone articles are not kept (the site drops them), nor those of changed ones. With the
            // last build's articles at the same paths none is gone: looking each of 20,000 copies up among the
            // paths of now was 7 ms of every edit (#7).
            Predicate<String> except = remade::contains;
            if (!placed) {
                Set<String> now;
                try (var kept = COPY_PATHS.round(articles.size())) {
                    List<ArticleEntry> all = articles;
                    now = kept.get(Digests.of(shape.articles(), publish), k -> {
                        Set<String> paths = new HashSet<>();
                        for (ArticleEntry e : all) paths.addAll(copyPaths(e, publish));
                        return paths;
                    });
                }
                except = except.or(p -> !now.contains(p));
            }
            if (out.keepGroup("copies", context.get(), context.get(), except)) articles = changed;
        }
        // In parallel: on a cold build each copy is made here (a Markdown document, a capture read back).
        articles.parallelStream().forEach(e -> {
            Article a = e.article();
            if (publish.markdown()) {
                out.write(OutputFile.pendingUtf8(e.markdownPath(), Digests.of("markdown", entries.of(e)),
                        () -> processor.markdownDocument(a)), group);
                progress.advance();
            }
            if (publish.captures()) {
                out.write(captures.capture(a, SiteRenderer.capturePath(e)), group);
                progress.advance();
            }
        });
    }

    /**
     * The copies' paths by the digest of the articles' ids, order and paths ({@link IndexShape#articles}) and of
     * what is published, for the next build of a process that builds again: an edit seldom moves an article, and
     * naming 20,000 paths again showed in its allocations (#7). Read only.
     */
    private static final KeptValues<String, Set<String>> COPY_PATHS = new KeptValues<>();

    private static List<String> copyPaths(ArticleEntry e, clippings.model.PublishRules publish) {
        List<String> paths = new ArrayList<>(2);
        if (publish.markdown()) paths.add(e.markdownPath());
        if (publish.captures()) paths.add(SiteRenderer.capturePath(e));
        return paths;
    }

    /**
     * All that pages read of the index besides each article's own entry and summary ({@code whole}): which
     * articles there are, in what order and at what paths ({@code articles}), the archive (with the articles,
     * {@code placement}), and the tags with their articles ({@code tags}, a digest per tag slug). A page's key
     * reads the index through nothing else (tag pages, neighbours, related articles and tags, archives and the
     * tag index are all made of these), so two indexes of one shape give the same pages for the same entries
     * and summaries. A body edit often changes what the index is made from, such as the order of the article's
     * automatic tags, and the index is made again, but seldom its shape; when it does, it is most often in the
     * tags alone (#7).
     */
    record IndexShape(String articles, String placement, Map<String, String> tags, String whole) {
        static IndexShape of(SiteIndex index, ArchiveIndex archive) {
            List<String> placed = new ArrayList<>(index.articles().size() * 2);
            for (ArticleEntry e : index.articles()) {
                placed.add(e.article().id());
                placed.add(e.path());
            }
            // Kept by what they are made of: an edit that changes tags has the same articles at the same paths,
            // and encoding their 20,000 ids and paths twice was 12 ms of it (#7). Equal keys compare fast: most
            // of their strings are the very ones the last build had.
            String articles = PLACED.only(index.articles().size(), placed, x -> Digests.of("articles", x));
            String placement = PLACEMENTS.only(index.articles().size(), List.of(articles, archive),
                    x -> Digests.of("placement", articles, archive));
            Map<String, String> tags = new TreeMap<>();
            List<String> inOrder = new ArrayList<>(index.tags().size());
            try (var kept = TAG_SHAPES.round(index.articles().size())) {
                for (TagEntry t : index.tags()) {
                    String d = kept.get(t, x -> Digests.of("tag", x));
                    tags.put(t.slug(), d);
                    inOrder.add(d);
                }
            }
            return new IndexShape(articles, placement, tags, Digests.of("shape", placement, inOrder));
        }

        /**
         * Each tag's digest, for the next build of a process that builds again: an index made again keeps most
         * tags as they were (the same objects, see {@link SiteIndexer#index(List, SiteIndex)}), and hashing
         * every tag's articles again was a third of taking the shape after a tag changed (#7).
         */
        private static final KeptValues<TagEntry, String> TAG_SHAPES = new KeptValues<>();

        /** The digest of the articles' ids and paths in order, by them. */
        private static final KeptValues<List<String>, String> PLACED = new KeptValues<>();
        /** The digest of the placement, by the articles' digest and the archive. */
        private static final KeptValues<List<Object>, String> PLACEMENTS = new KeptValues<>();
    }

    /** What the pages were rendered from, and which pages' keys were taken. */
    private record Rendered(BuildCache.RenderedPages pages, Render render) {
    }

    /** Which pages' keys a build took: every page's, or only those its changes can reach. */
    private enum Render { ALL, CHANGED, TAGS, PLACEMENT }

    /**
     * Renders the pages, or, when the index's {@link IndexShape shape}, the theme and the configuration are the
     * last build's, only the pages of the articles that changed and, for those whose summary changed, the pages
     * that read it: every other page is the last build's, which is kept without its key even being taken (#7).
     * With the theme and configuration alike, an index whose tags alone changed, or whose articles came, went or
     * moved, takes the keys of the pages that can read that ({@link #tagsChanged}, {@link #placementPages}).
     * Pages are written as a group named by what they were rendered from, so that a later build can tell.
     */
    private Rendered renderPages(SiteOutput out, Theme theme, IndexedArchive indexed, IndexShape shape,
                                 EntryDigests entries, List<ArticleEntry> changed, BuildCache cache,
                                 UnaryOperator<OutputFile> counted) {
        SiteIndex index = indexed.index();
        // Only a cached build has an index key, and only it has a last build to keep pages from.
        Optional<String> context = indexed.indexKey().map(k -> Digests.of("pages", theme.fingerprint(),
                options.config(), shape.whole()));
        String look = Digests.of("look", theme.fingerprint(), options.config());
        String frame = Digests.of("frame", look, shape.placement());
        String group = context.map(c -> "pages@" + c).orElse("");
        Consumer<OutputFile> sink = f -> out.write(counted.apply(f), group);
        SiteRenderer renderer = new SiteRenderer(theme, options.config());
        Map<String, String> entryDigests = byId(index.articles(), entries.ofEach(index.articles()));

        BuildCache.RenderedPages last = cache.renderedPages();
        if (context.isPresent() && last.context().equals(context.get())) {
            Set<String> wanted = changedPages(changed, last, entries);
            Map<String, String> summaries = new HashMap<>(last.summaries());
            for (ArticleEntry e : changed) summaries.put(e.article().id(), entries.summary(e));
            if (out.keepGroup("pages", context.get(), wanted)) {
                renderer.renderOnly(index, indexed.dates(), entries, wanted, sink);
                return new Rendered(new BuildCache.RenderedPages(context.get(), entryDigests, summaries,
                        last.readers(), frame, shape.tags(), look), Render.CHANGED);
            }
        }
        boolean placed = last.frame().equals(frame);
        if (context.isPresent() && !last.context().isEmpty() && last.look().equals(look)
                && (placed || SiteRenderer.relatedAlike(last.entries().size(), index.articles().size()))) {
            Set<String> pages = changedPages(changed, last, entries);
            if (!placed) pages.addAll(placementPages(index, last, changed));
            Predicate<String> redo = tagsChanged(index, shape, last, pages, changed);
            if (!placed) redo = redo.or(listingsAndGone(index));
            if (out.keepGroup("pages", last.context(), context.get(), redo)) {
                SummaryReaders readers = renderer.renderAgain(index, indexed.dates(), entries, redo, last.readers(),
                        sink);
                return new Rendered(new BuildCache.RenderedPages(context.get(), entryDigests,
                        summaries(index, entries), readers, frame, shape.tags(), look),
                        placed ? Render.TAGS : Render.PLACEMENT);
            }
        }
        SummaryReaders readers = renderer.render(index, indexed.dates(), entries, sink);
        // Taken by the render already: the site record reads them from the same memo.
        return new Rendered(new BuildCache.RenderedPages(context.orElse(""), entryDigests, summaries(index, entries),
                readers, frame, shape.tags(), look), Render.ALL);
    }

    /**
     * The article pages that articles which came, went or moved can change, besides those {@link #tagsChanged}
     * names: the pages that showed a changed or gone article (its old neighbours in time among them), and the
     * pages of a changed article's new neighbours. Related articles are ranked within tags, which
     * {@code tagsChanged} covers, by weights that the archive's size changes only past a power of two (checked
     * before), and an article's position changes no other article's page (#7).
     */
    private static Set<String> placementPages(SiteIndex index, BuildCache.RenderedPages last,
                                              List<ArticleEntry> changed) {
        Set<String> now = new HashSet<>();
        for (ArticleEntry e : index.articles()) now.add(e.article().id());
        List<String> shownBefore = new ArrayList<>();
        for (String id : last.entries().keySet()) if (!now.contains(id)) shownBefore.add(id);
        for (ArticleEntry e : changed) shownBefore.add(e.article().id());
        Set<String> pages = new HashSet<>(last.readers().pagesReading(shownBefore));
        pages.addAll(SiteRenderer.neighbourPages(index, changed));
        return pages;
    }

    /**
     * When articles came, went or moved: every listing but the tags' (the home pages, archives, sources and what
     * counts the articles), and the pages of articles that are gone, so that none is kept.
     */
    private static Predicate<String> listingsAndGone(SiteIndex index) {
        Set<String> articlePages = new HashSet<>();
        for (ArticleEntry e : index.articles()) articlePages.add(e.path());
        return path -> path.startsWith("articles/") ? !articlePages.contains(path) : !path.startsWith("tags/");
    }

    private static Map<String, String> summaries(SiteIndex index, EntryDigests entries) {
        return byId(index.articles(), entries.summaryOfEach(index.articles()));
    }

    /** Each article's digest by its id, from the digests in the articles' order. */
    private static Map<String, String> byId(List<ArticleEntry> articles, List<String> digests) {
        Map<String, String> byId = new HashMap<>();
        for (int i = 0; i < digests.size(); i++) byId.put(articles.get(i).article().id(), digests.get(i));
        return byId;
    }

    /** The changed articles' pages, and the pages that showed the last summary of those whose summary changed. */
    private static Set<String> changedPages(List<ArticleEntry> changed, BuildCache.RenderedPages last,
                                            EntryDigests entries) {
        Set<String> pages = new HashSet<>();
        List<String> newSummaries = new ArrayList<>();
        for (ArticleEntry e : changed) {
            pages.add(e.path());
            if (!entries.summary(e).equals(last.summaries().get(e.article().id()))) newSummaries.add(e.article().id());
        }
        pages.addAll(last.readers().pagesReading(newSummaries));
        return pages;
    }

    /**
     * The pages whose keys an index whose tags alone changed can change: {@code changedPages}; every page of a
     * tag that changed, came or went; the first page (with its related tags) of each tag that meets a changed
     * tag or is on a changed article; the tag index and its A–Z pages; and the pages of the articles on a changed
     * tag, whose related articles are ranked by its articles, unless it is on too many articles to count for
     * them, now and before. Neighbours, archives, sources and the home listing read no tag, and an article on no
     * changed tag has the related articles it had (#7).
     */
    private static Predicate<String> tagsChanged(SiteIndex index, IndexShape shape, BuildCache.RenderedPages last,
                                                 Set<String> changedPages, List<ArticleEntry> changed) {
        Set<String> tags = new HashSet<>();
        shape.tags().forEach((slug, d) -> {
            if (!d.equals(last.tags().get(slug))) tags.add(slug);
        });
        for (String slug : last.tags().keySet()) if (!shape.tags().containsKey(slug)) tags.add(slug);
        Map<String, ArticleEntry> byId = new HashMap<>();
        for (ArticleEntry e : index.articles()) byId.put(e.article().id(), e);
        Set<String> pages = new HashSet<>(changedPages);
        // A tag's related tags are the tags it meets most on articles, ties to the rarer: they can change only
        // where it meets a changed tag or a changed article's tags (a changed tag's new size moves it alone in
        // the tie order, and what a related tag shows changes only when it is itself a changed tag).
        Set<String> relatedChanged = new HashSet<>(tags);
        for (ArticleEntry e : changed) for (var ref : e.tags()) relatedChanged.add(ref.slug());
        for (TagEntry t : index.tags()) {
            if (!tags.contains(t.slug())) continue;
            // Only a changed article can have joined or left the tag, so it had at least this many articles.
            int before = t.articleIds().size() - changed.size();
            boolean read = SiteRenderer.articlePagesRead(t.articleIds().size())
                    || SiteRenderer.articlePagesRead(before);
            for (String id : t.articleIds()) {
                ArticleEntry e = byId.get(id);
                if (read) pages.add(e.path());
                for (var ref : e.tags()) relatedChanged.add(ref.slug());
            }
        }
        Set<String> kinds = new HashSet<>();
        for (TagKind k : TagKind.values()) kinds.add(k.id());
        // Asked of every page kept: the parts of a path are found without splitting it (#7).
        return path -> {
            if (pages.contains(path)) return true;
            if (!path.startsWith("tags/")) return false;
            int from = "tags/".length();
            int slash = path.indexOf('/', from);
            if (slash < 0) {                                            // a tag's first page, the tag index
                return !path.endsWith(".html") || path.equals("tags/index.html")
                        || relatedChanged.contains(path.substring(from, path.length() - ".html".length()));
            }
            String first = path.substring(from, slash);
            int second = path.indexOf('/', slash + 1);
            if (second < 0) return kinds.contains(first);               // an A–Z page of the tag index
            return path.indexOf('/', second + 1) < 0 && tags.contains(first);  // tags/<slug>/page/N.html
        };
    }

    private ContentReader reader() {
        return new ContentReader(options.config().maxInputBytes());
    }

    /** An input with the SHA-256 of its bytes (empty when unreadable) and, for a text scrape, its lines. */
    private record Stamped(InputFile file, String sha256, Optional<ScrapeLines> lines) {
    }

    private static Stamped stamp(ContentReader reader, InputFile f, Optional<BuildCache> cache, boolean untouched) {
        try {
            // The file is looked at before it is read: a change after the look is caught by the next build.
            // Looked up once for an untouched input: twice for each of 10,000 was 2 ms of every edit in serve (#7).
            Optional<BuildCache.InputStamp> last = untouched
                    ? cache.flatMap(c -> c.lastStamp(f.origin())) : Optional.empty();
            Optional<BuildCache.InputStamp> now = last.isPresent()
                    ? Optional.of(last.get().seenNow()) : BuildCache.InputStamp.of(f.path());
            Optional<String> known = now.flatMap(n -> cache.flatMap(c -> last.isPresent()
                    ? c.knownSha256(f.origin(), last.get(), n) : c.knownSha256(f.origin(), n)));
            Optional<ScrapeLines> cached = known.flatMap(sha -> cache.flatMap(c -> c.scrapeLines(f.origin(), sha)));
            if (known.isPresent() && (f.format() != InputFormat.TEXT || cached.isPresent())) {
                return new Stamped(f, known.get(), cached);
            }
            byte[] bytes = reader.bytes(f);
            String sha = ContentReader.sha256(bytes);
            now.ifPresent(n -> cache.ifPresent(c -> c.storeStamp(f.origin(), n.hashed(sha))));
            if (f.format() != InputFormat.TEXT) return new Stamped(f, sha, Optional.empty());
            Optional<ScrapeLines> lines = cache.flatMap(c -> c.scrapeLines(f.origin(), sha));
            if (lines.isPresent()) return new Stamped(f, sha, lines);
            lines = ArticleCleaner.scrapeLines(reader.read(f, bytes, sha));
            lines.ifPresent(l -> cache.ifPresent(c -> c.storeScrapeLines(f.origin(), sha, l)));
            return new Stamped(f, sha, lines);
        } catch (InputException e) {
            // Reported by the article stage, which reads the file again and fails the same way.
            return new Stamped(f, "", Optional.empty());
        }
    }

    /**
     * The published articles by input file. The encodings are a sorted map of every input processed, published
     * articles among them, so the articles are taken in its order: sorting 10,000 of them and looking each up in
     * it was a few per cent of an edit in serve (#7). Sorted when an article is missing from it.
     */
    private static List<BuildReport.Published> published(List<ArticleEntry> articles, Map<String, String> encodings,
                                                         boolean written) {
        List<BuildReport.Published> out = new ArrayList<>(articles.size());
        if (encodings instanceof java.util.SortedMap<String, String> sorted && sorted.comparator() == null) {
            Map<String, ArticleEntry> byOrigin = new HashMap<>(articles.size() * 2);
            for (ArticleEntry e : articles) byOrigin.put(e.article().origin(), e);
            for (var en : sorted.entrySet()) {
                ArticleEntry e = byOrigin.get(en.getKey());
                if (e != null) out.add(published(e, en.getValue(), written));
            }
            if (out.size() == articles.size()) return out;
            out.clear();
        }
        for (ArticleEntry e : articles) {
            out.add(published(e, encodings.getOrDefault(e.article().origin(), ""), written));
        }
        out.sort(Comparator.comparing(BuildReport.Published::file));
        return out;
    }

    private static BuildReport.Published published(ArticleEntry e, String encoding, boolean written) {
        return new BuildReport.Published(e.article().origin(), written ? e.path() : "", encoding, e.article().tags());
    }

    /** Why one input failed: its own error, a deadline, nesting too deep, or (reported as such) a bug. */
    private static Problem problem(String origin, ArticleRunner.Result<?> r, java.time.Duration deadline) {
        Throwable t = r.failure();
        if (t instanceof InputException e) return e.toProblem(origin);
        if (r.timedOut()) return Problem.of(origin, "timed out after " + deadline.toSeconds() + " s (pathological input?)");
        if (t instanceof StackOverflowError) return Problem.of(origin, "nesting too deep to process");
        return Problem.of(origin, "internal error while processing: " + t);
    }

    /** One tag per entity across the archive: spellings merged, clippings.yml's aliases, renames and drops applied. */
    private MergedTags mergeTags(List<Article> articles, List<CachedArticle> processed) {
        // A hash map: in serve and the daemon the merge sorts nothing but the articles merged again.
        Map<String, List<Tag>> byId = new HashMap<>();
        for (Article a : articles) byId.put(a.id(), a.tags());
        Set<String> published = new HashSet<>();
        articles.forEach(a -> published.add(a.origin()));
        List<TagMerge> inArticles = new ArrayList<>();
        for (CachedArticle f : processed) if (published.contains(f.article().origin())) inArticles.addAll(f.merges());
        return new TagMerger(options.config().tags()).merge(byId, inArticles);
    }

    /** Captures of one story: the same canonical URL or near-identical text. */
    private static List<DuplicateFinder.Duplicate> findDuplicates(List<CachedArticle> articles) {
        Function<CachedArticle, DuplicateFinder.Candidate> candidate = f -> new DuplicateFinder.Candidate(
                f.article().origin(), f.article().meta().url().orElse(""), f.fingerprint(), rank(f.article().origin()));
        if (!ProcessMemory.keeps(articles.size())) {
            return new DuplicateFinder().find(articles.stream().map(candidate).toList());
        }
        RepeatedDuplicateFinder finder = DUPLICATES.get();
        synchronized (finder) {
            return finder.find(articles, candidate);
        }
    }

    /**
     * The last build's duplicate search, for the next build of a process that builds again (serve, the daemon):
     * an unchanged input is the same {@code CachedArticle} from one build to the next, so the search sees which
     * inputs changed.
     */
    private static final java.util.concurrent.atomic.AtomicReference<RepeatedDuplicateFinder> DUPLICATES =
            new java.util.concurrent.atomic.AtomicReference<>(new RepeatedDuplicateFinder());

    static {
        ProcessMemory.onForget(() -> DUPLICATES.set(new RepeatedDuplicateFinder()));
    }

    /**
     * One article per story: captures with the same canonical URL or near-identical text are published once.
     * A person's Markdown beats an HTML capture, which beats a text scrape; then the first path wins. Two
     * different stories that still share an id (same file name, different extension, no URL) are told apart
     * by giving the later one an id from its full path.
     */
    private static List<Article> dropDuplicates(List<CachedArticle> articles, List<DuplicateFinder.Duplicate> found,
                                                List<BuildReport.Duplicate> duplicates) {
        Map<String, String> losers = new TreeMap<>();
        for (DuplicateFinder.Duplicate d : found) {
            duplicates.add(new BuildReport.Duplicate(d.file(), d.of(), d.reason()));
            losers.put(d.file(), d.of());
        }
        // Each input's rank is taken once, not at every comparison of the sort (a lower-cased name each time).
        record Ranked(int rank, Article article) {
        }
        List<Ranked> kept = new ArrayList<>();
        for (CachedArticle f : articles) {
            if (!losers.containsKey(f.article().origin())) kept.add(new Ranked(rank(f.article().origin()), f.article()));
        }
        kept.sort(Comparator.comparingInt(Ranked::rank).thenComparing(r -> r.article().origin()));
        Map<String, Article> byId = new HashMap<>();
        List<Article> out = new ArrayList<>();
        for (Ranked r : kept) {
            Article a = r.article();
            Article unique = byId.containsKey(a.id())
                    ? a.withId(Permalinks.idOfFullPath(a.origin()))
                    : a;
            byId.put(unique.id(), unique);
            out.add(unique);
        }
        return out;
    }

    private static int rank(String origin) {
        InputFormat f = InputFormat.ofFileName(origin).orElse(InputFormat.TEXT);
        return switch (f) {
            case MARKDOWN -> 0;
            case HTML -> 1;
            case TEXT -> 2;
        };
    }

    /** Waits for a task, and gives its result; a failure is the task's own exception, unwrapped. */
    private static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the search index", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits for a task to end, however it ends; its failure is for {@link #await} to raise. */
    private static void awaitQuietly(Future<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // Raised by await, or superseded by the failure that ended the caller's work.
        }
    }

    /** A phase that ran beside others: its own duration; the next phase is timed from now. */
    private void phaseBeside(String name, long ms, String detail) {
        phases.put(name, ms);
        phaseStart = System.nanoTime();
        progress.end(name, ms, detail);
    }

    private void phase(String name, String detail) {
        long now = System.nanoTime();
        long ms = (now - phaseStart) / 1_000_000;
        phases.put(name, ms);
        phaseStart = now;
        progress.end(name, ms, detail);
    }
}
