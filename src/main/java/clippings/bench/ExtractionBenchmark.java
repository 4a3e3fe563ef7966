package clippings.bench;

import clippings.clean.ArticleCleaner;
import clippings.clean.HtmlSanitiser;
import clippings.clean.PlainText;
import clippings.model.CleanRules;
import clippings.model.InputException;
import clippings.model.InputFormat;
import clippings.model.RawArticle;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs article extraction over the extraction benchmark ({@code scrapinghub/html} and
 * {@code scrapinghub-text}), writes one prediction per page as {@code score.py} reads them, lets
 * {@code score.py} print precision, recall and F1 against {@code scrapinghub/ground-truth.json}, and prints
 * pages per second. The text scored is what a reader sees of the cleaned body: {@link PlainText}.
 * <p>Stateless; {@link #run} may be called from any thread, each call working in its own temp folder.
 */
public final class ExtractionBenchmark {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/extraction-bench");
        System.exit(run(dir, out));
    }

    /** Runs the benchmark in {@code benchDir}; returns 0, or 2 when the data or {@code score.py} is unusable. */
    public static int run(Path benchDir, PrintWriter out) {
        Path truth = benchDir.resolve("scrapinghub/ground-truth.json");
        Path htmlDir = benchDir.resolve("scrapinghub/html");
        Path textDir = benchDir.resolve("scrapinghub-text");
        if (!Files.isRegularFile(truth) || !Files.isDirectory(htmlDir)) {
            out.println("extraction benchmark: no scrapinghub/ground-truth.json and html/ in " + benchDir);
            return 2;
        }
        ArticleCleaner cleaner = new ArticleCleaner(CleanRules.defaults(), new HtmlSanitiser());
        Path work = null;
        try {
            work = Files.createTempDirectory("clippings-bench-");
            List<RawArticle> html = read(htmlDir, ".html", InputFormat.HTML);
            extract(cleaner, html, work.resolve("clippings-html"));
            // Timed on a second pass, once the JIT has compiled the hot paths.
            long start = System.nanoTime();
            long cpu = CPU.getCurrentThreadCpuTime();
            int pages = extract(cleaner, html, work.resolve("clippings-html"));
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpu) / 1e9;
            int status = score(benchDir, truth, work.resolve("clippings-html"), out);
            speed(out, "HTML", pages, seconds, cpuSeconds);
            if (Files.isDirectory(textDir)) {
                List<RawArticle> text = read(textDir, ".txt", InputFormat.TEXT);
                ArticleCleaner learnt = cleaner.learnFrom(text);
                start = System.nanoTime();
                cpu = CPU.getCurrentThreadCpuTime();
                pages = extract(learnt, text, work.resolve("clippings-text"));
                seconds = (System.nanoTime() - start) / 1e9;
                cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpu) / 1e9;
                status = Math.max(status, score(benchDir, truth, work.resolve("clippings-text"), out));
                speed(out, "text", pages, seconds, cpuSeconds);
            }
            return status;
        } catch (IOException e) {
            out.println("extraction benchmark: " + e.getMessage());
            return 2;
        } finally {
            if (work != null && System.getProperty("clippings.bench.keep") == null) delete(work);
            else if (work != null) out.println("predictions kept in " + work);
        }
    }

    /**
     * Prints speed both ways: wall-clock time depends on what else the machine runs, the thread's CPU time
     * gives pages per second per core. Both include writing each prediction file.
     */
    private static void speed(PrintWriter out, String set, int pages, double seconds, double cpuSeconds) {
        out.printf(Locale.ROOT, "%s: %d pages, %.2f s wall (%.0f pages/s), %.2f s CPU on one thread (%.0f pages/s per core)%n",
                set, pages, seconds, pages / seconds, cpuSeconds, pages / cpuSeconds);
    }

    private static List<RawArticle> read(Path dir, String ext, InputFormat format) throws IOException {
        List<RawArticle> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(ext)).sorted().toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                out.add(new RawArticle(p.getFileName().toString(), format, text, "-", "UTF-8"));
            }
        }
        return out;
    }

    private static int extract(ArticleCleaner cleaner, List<RawArticle> pages, Path into) throws IOException {
        Files.createDirectories(into);
        for (RawArticle raw : pages) {
            String text;
            try {
                text = PlainText.of(cleaner.clean(raw).bodyHtml());
            } catch (InputException e) {
                text = ""; // not taken for an article: scored as empty output
            }
            Files.writeString(into.resolve(raw.stem() + ".txt"), text, StandardCharsets.UTF_8);
        }
        return pages.size();
    }

    private static int score(Path benchDir, Path truth, Path predictions, PrintWriter out) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("python3", benchDir.resolve("score.py").toString(), truth.toString(),
                predictions.toString()).redirectErrorStream(true);
        if (System.getProperty("clippings.bench.perdoc") != null) {
            pb.command().add("--per-doc");
            pb.command().add(System.getProperty("clippings.bench.perdoc") + "-" + predictions.getFileName() + ".tsv");
        }
        Process p = pb.start();
        out.print(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        out.flush();
        try {
            return p.waitFor() == 0 ? 0 : 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
