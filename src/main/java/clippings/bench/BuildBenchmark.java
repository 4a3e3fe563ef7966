package clippings.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures whole builds the way a user runs them: each build is a fresh {@code java -jar clippings.jar build}
 * process (JVM start included) on a generated archive; wall time, CPU time and peak RSS are read from
 * {@code /proc} while it runs, pages, bytes and per-phase times from its report. Scenarios: a cold build, a
 * build with nothing changed, then one article's body edited, one article's title edited, one added, one deleted, and
 * one template changed. After the
 * cold build it sizes the site by kind of file, per article (#7).
 * <p>One instance per run; not thread-safe.
 */
public final class BuildBenchmark {
    private final Path jar;
    private final Path work;
    private final List<String> javaOptions;
    private final Optional<Path> config;
    private final PrintWriter out;
    private final boolean daemon;

    /** The figures of one build. */
    record Run(String scenario, long wallMillis, long cpuMillis, long peakRssKb, int files, long bytes,
               Map<String, Long> phases, int exit) {
    }

    /**
     * @param config the clippings.yml the builds are given, if any
     * @param daemon whether the builds run in the work folder's build daemon ({@code build --daemon})
     */
    public BuildBenchmark(Path jar, Path work, List<String> javaOptions, Optional<Path> config, boolean daemon,
                          PrintWriter out) {
        this.daemon = daemon;
        this.jar = jar;
        this.work = work;
        this.javaOptions = List.copyOf(javaOptions);
        this.config = config;
        this.out = out;
    }

    /** Generates (or reuses) an archive of {@code articles} and runs every scenario; returns an exit code. */
    public int run(int articles, long seed, Path templates, boolean coldOnly) throws IOException, InterruptedException {
        if (!daemon) return scenarios(articles, seed, templates, coldOnly);
        stopDaemon();
        try {
            return scenarios(articles, seed, templates, coldOnly);
        } finally {
            stopDaemon();
        }
    }

    private int scenarios(int articles, long seed, Path templates, boolean coldOnly) throws IOException,
            InterruptedException {
        Path content = prepare(work, articles, seed, templates, out);
        Path theme = work.resolve("templates");

        List<Run> runs = new ArrayList<>();
        runs.add(build("cold build"));
        Map<String, long[]> kinds = sizesByKind(work.resolve("site"));
        if (coldOnly) return report(runs, articles, kinds);
        runs.add(build("nothing changed"));
        List<Path> files;
        try (Stream<Path> s = Files.list(content)) {
            files = s.sorted().toList();
        }
        Path edited = files.get(files.size() / 2);
        Files.writeString(edited, withAddedParagraph(Files.readString(edited)));
        runs.add(build("one article edited"));
        Path retitled = files.stream().filter(f -> f.toString().endsWith(".html")).skip(files.size() / 4).findFirst()
                .orElseThrow(() -> new IllegalStateException("the benchmark archive has no HTML capture"));
        Files.writeString(retitled, withNewTitle(Files.readString(retitled)));
        runs.add(build("one title edited"));
        Path added = content.resolve("zz_added.txt");
        // Dated after every generated article, as a new scrape of a growing archive mostly is: the newest.
        Files.writeString(added, "An added story\n\nMarch 3, 2025\n\nA new article with a paragraph of text about"
                + " the harbour council and what it decided on the night.\n");
        runs.add(build("one article added"));
        Files.delete(added);
        runs.add(build("one article deleted"));
        Path article = theme.resolve("article.html");
        Files.writeString(article, Files.readString(article).replace("</body>", "<!-- changed --></body>"));
        runs.add(build("template changed"));
        return report(runs, articles, kinds);
    }

    /**
     * Generates the archive into {@code work/content} afresh, copies the theme to {@code work/templates} and
     * removes the last run's site and cache; returns the content folder. The archive is written every time (1.6 s
     * for 10,000 articles) because the scenarios edit it: reusing it made each run edit an archive the runs
     * before had edited already, so no two runs measured the same builds.
     */
    static Path prepare(Path work, int articles, long seed, Path templates, PrintWriter out) throws IOException {
        Path content = work.resolve("content");
        deleteTree(content);
        long t = System.nanoTime();
        new CorpusGenerator(seed).write(content, articles);
        out.printf(Locale.ROOT, "generated %d articles in %s (%.1f s)%n", articles, content,
                (System.nanoTime() - t) / 1e9);
        Path theme = work.resolve("templates");
        deleteTree(theme);
        copyTree(templates, theme);
        deleteTree(work.resolve("site"));
        deleteTree(work.resolve(".clippings"));
        return content;
    }

    /** A body paragraph: the generator's are 200 characters and longer, its chrome lines and bylines shorter. */
    private static final int BODY_PARAGRAPH = 200;
    private static final Pattern HTML_PARAGRAPH = Pattern.compile("<p>([^<]|<a [^>]*>|</a>){" + BODY_PARAGRAPH + ",}</p>");
    private static final Pattern TEXT_PARAGRAPH = Pattern.compile("(?m)^[^\\n]{" + BODY_PARAGRAPH + ",}$");
    private static final Pattern HEADLINE = Pattern.compile("<h1>([^<]+)</h1>");

    /**
     * The text of a capture with a paragraph added before its article's first one, as a correction would be: the
     * page changes, while the title, date, source and tags other pages show of it stay.
     */
    static String withAddedParagraph(String text) {
        boolean html = text.startsWith("<!DOCTYPE html>");
        Matcher m = (html ? HTML_PARAGRAPH : TEXT_PARAGRAPH).matcher(text);
        if (!m.find()) throw new IllegalStateException("the benchmark found no paragraph to edit");
        String added = "An added first paragraph about the harbour council and what it decided on the night.";
        return text.substring(0, m.start()) + (html ? "<p>" + added + "</p>\n" : added + "\n\n")
                + text.substring(m.start());
    }

    /**
     * An HTML capture with its headline changed wherever it appears (title, og:title, h1): the article moves to a
     * new permalink, and every listing, neighbour and search shard that shows it changes.
     */
    static String withNewTitle(String html) {
        Matcher m = HEADLINE.matcher(html);
        if (!m.find()) throw new IllegalStateException("the benchmark found no headline to edit");
        return html.replace(m.group(1), m.group(1) + " as talks resume");
    }

    /** Files and bytes of the site by kind: what each article costs, and what is bounded (feeds of tags). */
    static Map<String, long[]> sizesByKind(Path site) throws IOException {
        Map<String, long[]> kinds = new java.util.TreeMap<>();
        if (!Files.isDirectory(site)) return kinds;
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                long[] k = kinds.computeIfAbsent(kind(site.relativize(f).toString().replace('\\', '/')), x -> new long[2]);
                k[0]++;
                k[1] += Files.size(f);
            }
        }
        return kinds;
    }

    static String kind(String path) {
        if (path.startsWith("articles/")) {
            return path.endsWith(".md") ? "article Markdown" : path.endsWith(".source.txt") ? "article captures"
                    : "article pages";
        }
        if (path.startsWith("search/")) return "search index";
        if (path.endsWith(".xml") && (path.startsWith("tags/") || path.startsWith("sources/")) || path.equals("feed.xml")) {
            return "feeds";
        }
        if (path.equals("articles.json") || path.equals("articles.csv")) return "articles.json, .csv";
        if (path.startsWith("tags/")) return "tag pages";
        if (path.endsWith(".html") && (path.startsWith("archive/") || path.startsWith("sources/")
                || path.startsWith("page/") || path.equals("index.html"))) {
            return "listings (home, archive, sources)";
        }
        return "other";
    }

    private int report(List<Run> runs, int articles, Map<String, long[]> kinds) {
        out.printf("%n%-22s %9s %9s %10s %8s %11s  %s%n", "scenario", "wall s", "CPU s", "peak RSS", "files", "bytes",
                "phases (ms)");
        for (Run r : runs) {
            out.printf(Locale.ROOT, "%-22s %9.2f %9.2f %7d MB %8d %11d  %s%s%n", r.scenario(), r.wallMillis() / 1e3,
                    r.cpuMillis() / 1e3, r.peakRssKb() / 1024, r.files(), r.bytes(), r.phases(),
                    r.exit() == 0 ? "" : "  (exit " + r.exit() + ")");
        }
        Run cold = runs.get(0);
        if (cold.files() > 0) {
            out.printf(Locale.ROOT, "site: %d bytes for %d articles, %.1f kB per article%n", cold.bytes(), articles,
                    cold.bytes() / 1024.0 / articles);
            out.printf("%n%-36s %8s %12s %12s%n", "kind", "files", "bytes", "kB/article");
            kinds.forEach((kind, k) -> out.printf(Locale.ROOT, "%-36s %8d %12d %12.2f%n", kind, k[0], k[1],
                    k[1] / 1024.0 / articles));
        }
        out.flush();
        return runs.stream().allMatch(r -> r.exit() <= 1) ? 0 : 1;
    }

    private Run build(String scenario) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(javaOptions);
        cmd.addAll(List.of("-jar", jar.toString(), "build", "--content", work.resolve("content").toString(),
                "--templates", work.resolve("templates").toString(), "--out", work.resolve("site").toString(),
                "--report", work.resolve("report.json").toString()));
        config.ifPresent(c -> cmd.addAll(List.of("--config", c.toString())));
        if (daemon) {
            cmd.add("--daemon");
            // As between a person's edits: the daemon has written the last build's cache (status waits for it).
            daemonCommand("daemon");
        }
        // A daemon lives on between builds: its share is what its CPU time grew by, and its peak memory.
        Optional<Long> daemonPid = daemonPid();
        long daemonCpu = daemonPid.map(ProcStats::cpuMillis).orElse(0L);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("build.log").toFile()).start();
        // The build runs in a second JVM (see clippings.cli.TunedJvm): the figures are the whole process tree's,
        // each process's CPU time and peak RSS as last seen, summed (the two JVMs live side by side).
        Map<Long, long[]> tree = new java.util.HashMap<>();
        while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
            List<Long> pids = new ArrayList<>(List.of(p.pid()));
            p.descendants().forEach(d -> pids.add(d.pid()));
            for (long pid : pids) {
                long[] seen = tree.computeIfAbsent(pid, x -> new long[2]);
                seen[0] = Math.max(seen[0], ProcStats.peakRssKb(pid));
                seen[1] = Math.max(seen[1], ProcStats.cpuMillis(pid));
            }
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        if (daemon) {
            // A daemon started by this build is the build's child, seen above with all its CPU time.
            Optional<Long> now = daemonPid();
            now.ifPresent(pid -> tree.put(pid, new long[] {ProcStats.peakRssKb(pid),
                    ProcStats.cpuMillis(pid) - (now.equals(daemonPid) ? daemonCpu : 0)}));
        }
        long peakKb = tree.values().stream().mapToLong(v -> v[0]).sum();
        long cpu = tree.values().stream().mapToLong(v -> v[1]).sum();
        Map<String, Long> phases = new LinkedHashMap<>();
        int files = 0;
        long bytes = 0;
        Path report = work.resolve("report.json");
        if (Files.exists(report)) {
            JsonObject r = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
            files = r.get("pages").getAsInt();
            bytes = r.get("bytes").getAsLong();
            r.getAsJsonObject("phaseMillis").entrySet().forEach(e -> phases.put(e.getKey(), e.getValue().getAsLong()));
        }
        out.printf(Locale.ROOT, "%-22s %.2f s%n", scenario, wall / 1e3);
        out.flush();
        return new Run(scenario, wall, cpu, peakKb, files, bytes, phases, p.exitValue());
    }

    private Optional<Long> daemonPid() {
        return clippings.daemon.DaemonState.read(work).map(clippings.daemon.DaemonState::pid);
    }

    /** Stops the work folder's daemon, so that none is left behind and the first build starts a fresh one. */
    private void stopDaemon() throws IOException, InterruptedException {
        Files.createDirectories(work);
        daemonCommand("daemon", "--stop");
    }

    private void daemonCommand(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Reads a process's CPU time and peak resident memory from Linux's /proc; 0 where there is none. */
    static final class ProcStats {
        private ProcStats() {
        }

        static long peakRssKb(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
                    if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
                }
            } catch (IOException | RuntimeException e) {
                // the process has ended, or this is not Linux
            }
            return 0;
        }

        static long cpuMillis(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux)
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }
}
