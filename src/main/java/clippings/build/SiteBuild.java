package clippings.build;

import clippings.feed.FeedWriter;
import clippings.ingest.ContentReader;
import clippings.ingest.ContentSet;
import clippings.model.ArchiveIndex;
import clippings.model.Article;
import clippings.model.ArticleEntry;
import clippings.model.InputException;
import clippings.model.InputFormat;
import clippings.model.OutputFile;
import clippings.model.Problem;
import clippings.model.RawArticle;
import clippings.model.SiteIndex;
import clippings.output.SiteOutput;
import clippings.render.SiteRenderer;
import clippings.render.TemplateFailure;
import clippings.render.Theme;
import clippings.search.SearchIndexer;
import clippings.taxonomy.ArchiveIndexer;
import clippings.taxonomy.SiteIndexer;
import clippings.taxonomy.Slugger;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

    public SiteBuild(BuildOptions options, PrintWriter log) {
        this.options = options;
        this.log = log;
    }

    public BuildReport run() {
        long start = System.nanoTime();
        phaseStart = start;
        Theme theme = options.templatesDir().map(Theme::directory).orElseGet(Theme::bundled);
        Slugger slugger = new Slugger();

        ContentSet content = new ContentReader(options.config().maxInputBytes()).read(options.contentDir());
        int inputs = content.inputs().size() + content.skipped().size() + content.failed().size();
        phase("ingest", content.inputs().size() + " inputs read");

        ArticleProcessor processor = new ArticleProcessor(options.config(), slugger);
        List<Problem> failed = new ArrayList<>(content.failed());
        List<Article> processed = new ArrayList<>();
        for (Outcome o : content.inputs().parallelStream().map(raw -> process(processor, raw)).toList()) {
            o.article().ifPresent(processed::add);
            o.problem().ifPresent(failed::add);
        }
        phase("articles", processed.size() + " articles cleaned, converted and tagged");

        List<BuildReport.Duplicate> duplicates = new ArrayList<>();
        List<Article> articles = dropDuplicates(processed, duplicates);
        SiteIndex index = new SiteIndexer(slugger).index(articles);
        ArchiveIndex archive = new ArchiveIndexer(slugger).index(index);
        phase("index", index.tags().size() + " tags, " + archive.months().size() + " months, "
                + archive.sources().size() + " sources");

        List<Problem> problems = new ArrayList<>();
        int pages = 0;
        long bytes = 0;
        boolean strictFailure = options.strict() && !failed.isEmpty();
        if (!strictFailure) {
            try (SiteOutput out = SiteOutput.begin(options.outDir())) {
                new SiteRenderer(theme, options.config()).render(index, archive, out::write);
                new FeedWriter(options.config()).write(index, archive, out::write);
                new SearchIndexer().write(index, archive, out::write);
                CaptureFiles captures = new CaptureFiles(options.contentDir(), content.inputs());
                for (ArticleEntry e : index.articles()) {
                    out.write(OutputFile.utf8(e.markdownPath(), processor.markdownDocument(e.article())));
                    out.write(captures.capture(e.article(), SiteRenderer.capturePath(e)));
                }
                out.write(OutputFile.utf8(".nojekyll", ""));
                pages = out.files();
                bytes = out.bytes();
                phase("render", pages + " files, " + bytes + " bytes");
                out.commit();
            } catch (TemplateFailure e) {
                problems.add(e.problem());
            }
        }
        if (strictFailure) {
            problems.add(Problem.of(options.contentDir().toString(),
                    "--strict: " + failed.size() + " input(s) failed; the previous site was left in place"));
        }

        List<BuildReport.Published> published = new ArrayList<>();
        boolean written = problems.isEmpty();
        for (ArticleEntry e : index.articles()) {
            published.add(new BuildReport.Published(e.article().origin(), written ? e.path() : ""));
        }
        published.sort(Comparator.comparing(BuildReport.Published::file));
        failed.sort(Comparator.comparing(Problem::file));
        phases.put("total", (System.nanoTime() - start) / 1_000_000);
        BuildReport report = new BuildReport(inputs, written ? published : List.of(), duplicates, content.skipped(),
                failed, problems, pages, bytes, index.tags().size(), phases);
        if (!written) {
            // Nothing was published: the inputs that would have been are reported as failed with the reason.
            List<Problem> notPublished = new ArrayList<>(failed);
            for (BuildReport.Published p : published) {
                notPublished.add(Problem.of(p.file(), "not published: the build failed (" + problems.get(0) + ")"));
            }
            notPublished.sort(Comparator.comparing(Problem::file));
            report = new BuildReport(inputs, List.of(), duplicates, content.skipped(), notPublished, problems, 0, 0,
                    index.tags().size(), phases);
        }
        ReportWriter.writeJson(report, options.reportFile());
        return report;
    }

    private record Outcome(Optional<Article> article, Optional<Problem> problem) {
    }

    private static Outcome process(ArticleProcessor processor, RawArticle raw) {
        try {
            return new Outcome(Optional.of(processor.process(raw).article()), Optional.empty());
        } catch (InputException e) {
            return new Outcome(Optional.empty(), Optional.of(e.toProblem(raw.origin())));
        } catch (RuntimeException | StackOverflowError e) {
            // A bug or a pathological input must cost one article, never the build.
            return new Outcome(Optional.empty(), Optional.of(Problem.of(raw.origin(),
                    "internal error while processing: " + e)));
        }
    }

    /**
     * One article per id: two captures of the same story (same canonical URL) are published once. A person's
     * Markdown beats an HTML capture, which beats a text scrape; then the first path wins.
     */
    private static List<Article> dropDuplicates(List<Article> articles, List<BuildReport.Duplicate> duplicates) {
        Map<String, List<Article>> byId = new TreeMap<>();
        for (Article a : articles) byId.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(a);
        List<Article> kept = new ArrayList<>();
        for (List<Article> same : byId.values()) {
            same.sort(Comparator.comparing((Article a) -> rank(a.origin())).thenComparing(Article::origin));
            Article winner = same.get(0);
            kept.add(winner);
            for (Article other : same.subList(1, same.size())) {
                duplicates.add(new BuildReport.Duplicate(other.origin(), winner.origin(),
                        winner.meta().url().isPresent() ? "same canonical URL " + winner.meta().url().get()
                                : "same input path"));
            }
        }
        duplicates.sort(Comparator.comparing(BuildReport.Duplicate::file));
        return kept;
    }

    private static int rank(String origin) {
        InputFormat f = InputFormat.ofFileName(origin).orElse(InputFormat.TEXT);
        return switch (f) {
            case MARKDOWN -> 0;
            case HTML -> 1;
            case TEXT -> 2;
        };
    }

    private void phase(String name, String detail) {
        long now = System.nanoTime();
        long ms = (now - phaseStart) / 1_000_000;
        phases.put(name, ms);
        phaseStart = now;
        log.printf("%-9s %6d ms  %s%n", name, ms, detail);
        log.flush();
    }
}
