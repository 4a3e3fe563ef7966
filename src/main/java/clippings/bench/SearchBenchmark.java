package clippings.bench;

import clippings.model.ArchiveIndex;
import clippings.model.OutputFile;
import clippings.search.SearchIndexer;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code clippings bench search}: the search index of a synthetic archive of N articles ({@link CorpusGenerator}'s
 * stories, indexed by the real {@link SearchIndexer}; no pages are built, which at 100,000 articles would take
 * most of an hour), served over HTTP on the loopback interface to headless Chromium running the theme's
 * {@code assets/search.js}. For typical one-word queries it reports what each downloads and how long it takes
 * to answer (#5: under 500 KB and 300 ms at 100,000 articles).
 * <p>Each query runs on a freshly loaded search page, so nothing an earlier query loaded is reused: the figures
 * are a visitor's first query. The server counts the bytes it sends, and forbids caching.
 * <p>One instance per run; not thread-safe.
 */
public final class SearchBenchmark {
    private final Path work;
    private final Path templates;
    private final PrintWriter out;

    /** One query: the word, the answer time on a loaded page, its downloads, and those of a first visit. */
    private record Measure(String word, double answerMs, double termsMs, long queryBytes, int results,
                           double visitMs, long visitBytes) {
    }

    public SearchBenchmark(Path work, Path templates, PrintWriter out) {
        this.work = work;
        this.templates = templates;
        this.out = out;
    }

    public int run(int articles, long seed, int queries) throws IOException, InterruptedException {
        SearchCorpus corpus = SearchCorpus.generate(articles, seed);
        out.printf(Locale.ROOT, "%d articles generated (%s); indexing…%n", articles, corpus.describe());
        out.flush();
        IndexFiles files = writeIndex(corpus);
        out.printf(Locale.ROOT, "index: %d files, %.1f MB, written in %.1f s; meta.js %.1f KB; term shards: %d, "
                        + "median %.1f KB, p90 %.1f KB, max %.1f KB%n", files.count(), files.bytes() / 1e6,
                files.seconds(), files.meta() / 1e3, files.termShards().size(), kb(pct(files.termShards(), 50)),
                kb(pct(files.termShards(), 90)), kb(pct(files.termShards(), 100)));
        List<String> words = corpus.typicalWords(queries, seed);
        List<Measure> measures = new ArrayList<>();
        try (Served served = Served.start(work); HeadlessChromium browser = HeadlessChromium.start(HeadlessChromium.CHROMIUM)) {
            String page = served.url() + "search.html";
            measure(browser, served, page, words.get(0));  // warms Chromium and the server; not counted
            for (String w : words) {
                Measure m = measure(browser, served, page, w);
                measures.add(m);
                out.printf(Locale.ROOT, "  %-22s %6d results  answer %6.1f ms (terms in %6.1f)  %6.1f KB   "
                                + "first visit %7.1f ms %6.1f KB%n", m.word(), m.results(), m.answerMs(), m.termsMs(),
                        kb(m.queryBytes()), m.visitMs(), kb(m.visitBytes()));
                out.flush();
            }
        }
        report(articles, measures);
        return 0;
    }

    private Measure measure(HeadlessChromium browser, Served served, String page, String word) {
        // A first visit: the page, its script and style, meta.js and the query's shards.
        served.bytes.set(0);
        browser.open(page + "?q=" + word);
        JsonObject visit = browser.evaluate(SearchPageScript.AWAIT_RESULTS).getAsJsonObject();
        long visitBytes = served.bytes.get();
        // The query alone, typed into a loaded page: only what the query needs is downloaded.
        browser.open(page);
        browser.evaluate(SearchPageScript.AWAIT_READY);
        served.bytes.set(0);
        JsonObject query = browser.evaluate(SearchPageScript.query(word)).getAsJsonObject();
        return new Measure(word, query.get("ms").getAsDouble(), query.get("termsMs").getAsDouble(), served.bytes.get(),
                query.get("results").getAsInt(),
                visit.get("ms").getAsDouble(), visitBytes);
    }

    private void report(int articles, List<Measure> measures) {
        List<Double> answer = measures.stream().map(Measure::answerMs).sorted().toList();
        List<Long> bytes = measures.stream().map(Measure::queryBytes).sorted().toList();
        List<Long> visit = measures.stream().map(Measure::visitBytes).sorted().toList();
        List<Double> visitMs = measures.stream().map(Measure::visitMs).sorted().toList();
        List<Double> terms = measures.stream().map(Measure::termsMs).sorted().toList();
        out.printf(Locale.ROOT, "%d one-word queries at %d articles (%d cores, load average %s):%n", measures.size(),
                articles, Runtime.getRuntime().availableProcessors(), loadAverage());
        out.printf(Locale.ROOT, "  answer time on a loaded search page: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                pct(answer, 50), pct(answer, 95), pct(answer, 100));
        out.printf(Locale.ROOT, "  of which until the term shards had arrived: median %.1f ms, p95 %.1f ms%n",
                pct(terms, 50), pct(terms, 95));
        out.printf(Locale.ROOT, "  downloaded per query: median %.1f KB, p95 %.1f KB, max %.1f KB%n",
                kb(pct(bytes, 50)), kb(pct(bytes, 95)), kb(pct(bytes, 100)));
        out.printf(Locale.ROOT, "  first visit (search.html?q=word: page, script, meta.js, shards): median %.1f KB, "
                + "p95 %.1f KB, max %.1f KB; results after median %.1f ms, p95 %.1f ms%n",
                kb(pct(visit, 50)), kb(pct(visit, 95)), kb(pct(visit, 100)), pct(visitMs, 50), pct(visitMs, 95));
        out.flush();
    }

    /** The machine's load while measuring: times on a busy machine are not those of an idle one. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private IndexFiles writeIndex(SearchCorpus corpus) throws IOException {
        Path search = work.resolve("search");
        if (Files.isDirectory(search)) {
            try (var old = Files.walk(search)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work.resolve("assets"));
        Files.copy(templates.resolve("assets/search.js"), work.resolve("assets/search.js"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(work.resolve("search.html"), SearchPageScript.page(corpus.size()));
        List<Long> termShards = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong total = new AtomicLong();
        long[] meta = {0};
        long t0 = System.nanoTime();
        new SearchIndexer().write(corpus.index(), new ArchiveIndex(corpus.months(), List.of(), corpus.sources()),
                (OutputFile f) -> {
                    // Called from several threads: the fields it adds to are thread-safe.
                    Path p = work.resolve(f.path());
                    try {
                        Files.createDirectories(p.getParent());
                        Files.write(p, f.content());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    total.addAndGet(f.content().length);
                    if (f.path().startsWith("search/t/")) termShards.add((long) f.content().length);
                    if (f.path().equals("search/meta.js")) meta[0] = f.content().length;
                });
        double seconds = (System.nanoTime() - t0) / 1e9;
        termShards.sort(null);
        try (var all = Files.walk(search)) {
            return new IndexFiles((int) all.filter(Files::isRegularFile).count(), total.get(), seconds, meta[0], termShards);
        }
    }

    private record IndexFiles(int count, long bytes, double seconds, long meta, List<Long> termShards) {
    }

    /** The value below which {@code p} percent of the sorted values lie (nearest rank). */
    static <T extends Number> double pct(List<T> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))).doubleValue();
    }

    private static double kb(double bytes) {
        return bytes / 1000;
    }

    /** The benchmark's folder over HTTP on the loopback interface, counting the bytes it sends. */
    private static final class Served implements AutoCloseable {
        private final HttpServer server;
        final AtomicLong bytes = new AtomicLong();

        private Served(HttpServer server) {
            this.server = server;
        }

        static Served start(Path root) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            Served served = new Served(server);
            server.createContext("/", exchange -> served.serve(root, exchange));
            // More threads than the 6 connections a browser opens to one host: the server must never be what queues.
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
            server.start();
            return served;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        }

        private void serve(Path root, HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                Path file = root.resolve(path.substring(1)).normalize();
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                exchange.getResponseHeaders().set("Content-Type", name.endsWith(".js") ? "text/javascript; charset=utf-8"
                        : "text/html; charset=utf-8");
                // Every query is measured as a first query: nothing may come from the browser's cache.
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(body);
                }
                bytes.addAndGet(body.length);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
