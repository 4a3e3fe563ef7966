package clippings.bench;

import clippings.build.BuildOptions;
import clippings.build.BuildReport;
import clippings.build.SiteBuild;
import clippings.model.SiteConfig;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Times the rebuilds {@code clippings serve} makes: builds run one after another in this JVM, as serve runs them,
 * with the build cache beside the site. After a cold build and a build with nothing changed, one article is
 * edited and the site rebuilt, {@code rounds} times, each time another article; it prints each rebuild's wall
 * time, the CPU time the JVM spent meanwhile (all its threads: a figure that other load on the machine moves less
 * than the wall time, for comparing two versions) and phases, and the medians (#7). Warm JVM, no HTTP: what a
 * change costs before the reload event. As in serve, the cache is written after that point, before the next
 * rebuild.
 * <p>One instance per run; not thread-safe.
 */
public final class ServeBenchmark {
    private final Path work;
    private final SiteConfig config;
    private final PrintWriter out;

    /** @param config the configuration every build is given */
    public ServeBenchmark(Path work, SiteConfig config, PrintWriter out) {
        this.work = work;
        this.config = config;
        this.out = out;
    }

    /** Generates (or reuses) an archive of {@code articles}, builds it, then times {@code rounds} edits. */
    public int run(int articles, long seed, Path templates, int rounds) throws IOException {
        Path content = BuildBenchmark.prepare(work, articles, seed, templates, out);
        BuildOptions options = new BuildOptions(content, Optional.of(work.resolve("templates")), work.resolve("site"),
                config, false, work.resolve("report.json"))
                .withCache(Optional.of(BuildOptions.defaultCache(work.resolve("site"))));
        report("cold build", build(options));
        report("nothing changed", build(options));
        List<Path> files;
        try (Stream<Path> s = Files.list(content)) {
            files = s.sorted().toList();
        }
        List<Long> edits = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Path edited = files.get((int) ((long) files.size() * (2 * i + 1) / (2L * rounds)));
            Files.writeString(edited, BuildBenchmark.withAddedParagraph(Files.readString(edited)));
            Timed t = build(options);
            edits.add(t.millis());
            cpu.add(t.cpuMillis());
            report("one article edited", t);
        }
        if (!edits.isEmpty()) {
            List<Long> sorted = edits.stream().sorted(Comparator.naturalOrder()).toList();
            out.printf(Locale.ROOT,
                    "%nedits: median %d ms, fastest %d ms, slowest %d ms over %d rebuilds; CPU median %d ms%n",
                    sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), sorted.size(),
                    cpu.stream().sorted().toList().get(cpu.size() / 2));
        }
        out.flush();
        return 0;
    }

    /** A rebuild's wall time up to the reload and the CPU time of the whole JVM meanwhile (-1 when unknown). */
    private record Timed(long millis, long cpuMillis, BuildReport report) {
    }

    /** The CPU time of every thread of this JVM so far, in nanoseconds; -1 when the JVM cannot tell. */
    private static long processCpuNanos() {
        try {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }

    /** One rebuild as serve makes it: timed up to the reload, then the cache written before the next one. */
    private static Timed build(BuildOptions options) {
        List<Runnable> saves = new ArrayList<>();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        BuildReport r = new SiteBuild(options, new PrintWriter(Writer.nullWriter())).deferSaveAndReport(saves::add)
                .run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuEnd = processCpuNanos();
        saves.forEach(Runnable::run);
        return new Timed(millis, cpuStart < 0 || cpuEnd < 0 ? -1 : (cpuEnd - cpuStart) / 1_000_000, r);
    }

    private void report(String scenario, Timed t) {
        Map<String, Long> phases = t.report().phases();
        out.printf(Locale.ROOT, "%-20s %7d ms  cpu %6d ms  %d files%s  %s%n", scenario, t.millis(), t.cpuMillis(),
                t.report().pages(), t.report().ok() ? "" : " (failed)", phases);
        out.flush();
    }
}
