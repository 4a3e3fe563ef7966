package clippings.cli;

import clippings.bench.BuildBenchmark;
import clippings.bench.ServeBenchmark;
import clippings.bench.ExtractionBenchmark;
import clippings.bench.SearchBenchmark;
import clippings.bench.TagBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code clippings bench …}: the benchmarks that ship with Clippings; figures, never pass/fail tests. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs a benchmark: whole builds of a generated archive, search in a browser, or tag quality on real pages.",
        subcommands = {BenchCommand.Build.class, BenchCommand.Serve.class, BenchCommand.Extraction.class,
                BenchCommand.Tags.class, BenchCommand.Search.class})
final class BenchCommand implements Runnable {
    static final String THEME = "templates/ when present, else the default theme packaged in the jar";

    /**
     * The theme a benchmark uses, found as {@code build} finds it: a benchmark run outside a project (the jar
     * alone) measures the default theme rather than stopping for want of a folder.
     */
    static Path theme(CommandLine.Model.CommandSpec spec, Path given) {
        if (given != null) {
            if (!Files.isDirectory(given)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "templates folder not found: " + given);
            }
            return given;
        }
        Path local = Path.of("templates");
        return Files.isDirectory(local) ? local : clippings.render.Theme.bundled().root();
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark: build, search, extraction or tags");
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Generates a synthetic archive and times cold and repeated builds, each a fresh "
                    + "'java -jar clippings.jar build' process: wall and CPU time, peak RSS, files, bytes, phases.")
    static final class Build implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Option(names = "--articles", paramLabel = "N", description = "Articles to generate (default: ${DEFAULT-VALUE}).")
        int articles = 1000;

        @Option(names = "--seed", description = "Seed of the generated archive (default: ${DEFAULT-VALUE}).")
        long seed = 42;

        @Option(names = "--workdir", paramLabel = "DIR",
                description = "Where to generate and build (default: target/bench-N); its archive is generated afresh each run.")
        Path workdir;

        @Option(names = "--templates", paramLabel = "DIR", description = "Theme to build with (default: " + THEME + ").")
        Path templates;

        @Option(names = "--cold-only", description = "Time only the cold build (large archives).")
        boolean coldOnly;

        @Option(names = "--config", paramLabel = "FILE",
                description = "clippings.yml for the measured builds, e.g. one with publish: {markdown: false} (default: none).")
        Path config;

        @Option(names = "--java-opt", paramLabel = "OPT", description = "JVM option for the measured builds, e.g. -Xmx2g (repeatable).")
        List<String> javaOptions = List.of();

        @Option(names = "--daemon", description = "Run the builds in the work folder's build daemon (build --daemon).")
        boolean daemon;

        @Override
        public Integer call() throws Exception {
            if (articles < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--articles must be at least 1");
            Path theme = theme(spec, templates);
            if (config != null && !Files.isRegularFile(config)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "configuration file not found: " + config);
            }
            Path jar = runningJar();
            Path work = workdir != null ? workdir : Path.of("target", "bench-" + articles);
            return new BuildBenchmark(jar, work.toAbsolutePath(), javaOptions,
                    java.util.Optional.ofNullable(config).map(Path::toAbsolutePath), daemon, spec.commandLine().getOut())
                    .run(articles, seed, theme, coldOnly);
        }

        private Path runningJar() {
            try {
                Path p = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) return p;
            } catch (URISyntaxException | SecurityException e) {
                // fall through
            }
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "bench build times the packaged jar: run it as java -jar target/clippings.jar bench build");
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Times the rebuilds serve makes: in this JVM, one after another, a cold build, one with "
                    + "nothing changed, then one article edited and the site rebuilt, N times (wall time and phases "
                    + "of each, and the median).")
    static final class Serve implements Callable<Integer> {
        static final int DEFAULT_ARTICLES = 10_000;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Option(names = "--articles", paramLabel = "N", description = "Articles to generate (default: ${DEFAULT-VALUE}).")
        int articles = DEFAULT_ARTICLES;

        @Option(names = "--edits", paramLabel = "N", description = "Edits to time (default: ${DEFAULT-VALUE}).")
        int edits = 10;

        @Option(names = "--seed", description = "Seed of the generated archive (default: ${DEFAULT-VALUE}).")
        long seed = 42;

        @Option(names = "--workdir", paramLabel = "DIR",
                description = "Where the archive and the site go (default: target/bench-serve-N).")
        Path workdir;

        @Option(names = "--templates", paramLabel = "DIR", description = "Theme to build with (default: " + THEME + ").")
        Path templates;

        @Option(names = "--config", paramLabel = "FILE",
                description = "clippings.yml for the builds, e.g. one with a base_url, as a site published with a sitemap has (default: none).")
        Path config;

        @Override
        public Integer call() throws Exception {
            if (config != null && !Files.isRegularFile(config)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "configuration file not found: " + config);
            }
            if (articles < 1 || edits < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--articles must be at least 1, --edits at least 0");
            }
            Path theme = theme(spec, templates);
            clippings.cache.ProcessMemory.keep(); // as serve does
            Path work = workdir != null ? workdir : Path.of("target", "bench-serve-" + articles);
            clippings.model.SiteConfig site = clippings.build.ConfigLoader.load(java.util.Optional.ofNullable(config));
            return new ServeBenchmark(work.toAbsolutePath(), site, spec.commandLine().getOut())
                    .run(articles, seed, theme, edits);
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Indexes a synthetic archive of N articles for search (no pages are built), serves it on "
                    + "the loopback interface to headless Chromium (/usr/bin/chromium) and runs typical one-word "
                    + "queries with the theme's search script: bytes downloaded and answer time per query, median and p95.")
    static final class Search implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Option(names = "--articles", paramLabel = "N", description = "Articles to generate (default: ${DEFAULT-VALUE}).")
        int articles = 100_000;

        @Option(names = "--queries", paramLabel = "N", description = "One-word queries to run (default: ${DEFAULT-VALUE}).")
        int queries = 40;

        @Option(names = "--seed", description = "Seed of the generated archive and of the queries (default: ${DEFAULT-VALUE}).")
        long seed = 42;

        @Option(names = "--workdir", paramLabel = "DIR", description = "Where to write the index (default: target/bench-search-N).")
        Path workdir;

        @Option(names = "--templates", paramLabel = "DIR", description = "Theme whose assets/search.js runs the queries (default: " + THEME + ").")
        Path templates;

        @Override
        public Integer call() throws Exception {
            if (articles < 1 || queries < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--articles and --queries must be at least 1");
            }
            Path theme = theme(spec, templates);
            if (!Files.isRegularFile(theme.resolve("assets/search.js"))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no assets/search.js in " + theme);
            }
            Path work = workdir != null ? workdir : Path.of("target", "bench-search-" + articles);
            return new SearchBenchmark(work.toAbsolutePath(), theme, spec.commandLine().getOut())
                    .run(articles, seed, queries);
        }
    }

    @Command(name = "extraction", mixinStandardHelpOptions = true,
            description = "Extracts every page of the extraction benchmark (HTML captures and their text dumps) and "
                    + "scores it with the benchmark's score.py (precision, recall, F1), plus pages per second.")
    static final class Extraction implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "BENCH_DIR", description = "The benchmark folder, e.g. ../shared/extraction-bench")
        Path bench;

        @Override
        public Integer call() {
            return ExtractionBenchmark.run(bench, spec.commandLine().getOut());
        }
    }

    @Command(name = "tags", mixinStandardHelpOptions = true,
            description = "Precision and recall of automatic tags against publisher tags (hidden from the tagger) "
                    + "on real HTML pages, and the time tagging takes.")
    static final class Tags implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "HTML_DIR", description = "Folder of HTML pages, e.g. ../shared/extraction-bench/scrapinghub/html")
        Path html;

        @Override
        public Integer call() {
            return TagBenchmark.run(html, spec.commandLine().getOut());
        }
    }
}
