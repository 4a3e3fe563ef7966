package clippings.bench;

import clippings.model.Tag;
import clippings.model.TagRules;
import clippings.taxonomy.EntityTagger;
import clippings.taxonomy.TagMerger;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Measures automatic tags against the tags publishers put in their pages ({@code article:tag},
 * {@code news_keywords}, {@code keywords}, JSON-LD {@code keywords}), which the tagger never sees: precision
 * and recall by identity key, and the time tagging adds per article (#4).
 * <p>Stateless; {@link #run} may be called from any thread.
 */
public final class TagBenchmark {
    private TagBenchmark() { }

    /** One page: its id, the publisher's tags (keys), and the text the tagger gets. */
    private record Page(String id, Set<String> truth, String title, String body, String folded) { }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/extraction-bench/scrapinghub/html");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        int code = run(dir, out);
        out.flush();
        System.exit(code);
    }

    /**
     * Tags every English page of {@code htmlDir} that carries publisher tags and prints the figures; returns
     * 0, or 2 when the folder cannot be read or holds no such page.
     */
    public static int run(Path htmlDir, PrintWriter out) {
        EntityTagger tagger = new EntityTagger(TagRules.defaults());
        TagMerger merger = new TagMerger(TagRules.defaults());
        List<Page> pages = new ArrayList<>();
        int skippedLanguage = 0, skippedNoTags = 0, total = 0;
        try (Stream<Path> files = Files.list(htmlDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                total++;
                Document doc = Jsoup.parse(Files.readString(f, StandardCharsets.UTF_8));
                String lang = doc.select("html").attr("lang").toLowerCase(Locale.ROOT);
                if (!lang.isEmpty() && !lang.startsWith("en")) { skippedLanguage++; continue; }
                Set<String> truth = new LinkedHashSet<>();
                for (String t : publisherTags(doc)) {
                    String k = merger.key(t);
                    if (!k.isEmpty()) truth.add(k);
                }
                if (truth.isEmpty()) { skippedNoTags++; continue; }
                String title = doc.select("meta[property=og:title]").attr("content");
                if (title.isBlank()) title = doc.title();
                List<String> paragraphs = new ArrayList<>();
                // paragraphs of the <article> when the page marks one, else all: a simple stand-in for clean
                org.jsoup.select.Elements paras = doc.select("article p");
                if (paras.size() < 3) paras = doc.select("p");
                for (Element p : paras) {
                    String text = p.text().strip();
                    if (!text.isEmpty()) paragraphs.add(text);
                }
                String body = String.join("\n\n", paragraphs);
                String folded = " " + merger.key(title + " " + body) + " ";
                pages.add(new Page(f.getFileName().toString().replace(".html", ""), truth, title, body, folded));
            }
        } catch (IOException e) {
            out.println("tag benchmark: cannot read " + htmlDir + ": " + e.getMessage());
            return 2;
        }
        if (pages.isEmpty()) {
            out.println("tag benchmark: no English page with publisher tags in " + htmlDir);
            return 2;
        }
        for (Page p : pages) tagger.tag(p.title(), p.body()); // warm-up, so the timing is of steady state

        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long nanos = 0, cpuNanos = 0;
        int autoCount = 0, autoHits = 0, truthCount = 0, truthHits = 0, namedCount = 0, namedHits = 0;
        List<String> rows = new ArrayList<>();
        for (Page p : pages) {
            long t0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
            List<Tag> tags = tagger.tag(p.title(), p.body());
            nanos += System.nanoTime() - t0;
            cpuNanos += threads.getCurrentThreadCpuTime() - c0;
            Set<String> auto = new LinkedHashSet<>();
            for (Tag t : tags) auto.add(merger.key(t.name()));
            int hits = 0;
            for (String k : auto) if (p.truth().contains(k)) hits++;
            int found = 0, named = 0, namedFound = 0;
            for (String k : p.truth()) {
                boolean hit = auto.contains(k);
                if (hit) found++;
                if (p.folded().contains(" " + k + " ")) {
                    named++;
                    if (hit) namedFound++;
                }
            }
            autoCount += auto.size();
            autoHits += hits;
            truthCount += p.truth().size();
            truthHits += found;
            namedCount += named;
            namedHits += namedFound;
            rows.add(String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%s", p.id().substring(0, Math.min(12, p.id().length())), p.truth().size(),
                    auto.size(), hits, String.join("|", auto)));
        }
        out.printf(Locale.ROOT, "tag benchmark: %d pages with publisher tags (of %d; %d not English, %d without tags)%n",
                pages.size(), total, skippedLanguage, skippedNoTags);
        out.printf(Locale.ROOT, "precision %.3f (%d of %d automatic tags are publisher tags)%n",
                ratio(autoHits, autoCount), autoHits, autoCount);
        out.printf(Locale.ROOT, "recall    %.3f (%d of %d publisher tags found)%n",
                ratio(truthHits, truthCount), truthHits, truthCount);
        out.printf(Locale.ROOT, "recall of publisher tags the text names %.3f (%d of %d)%n",
                ratio(namedHits, namedCount), namedHits, namedCount);
        // CPU time is the figure to quote: wall time on a shared machine measures the neighbours too
        out.printf(Locale.ROOT, "time      %.2f ms CPU, %.2f ms wall per article (tagging only, after warm-up)%n",
                cpuNanos / 1e6 / pages.size(), nanos / 1e6 / pages.size());
        out.println("page\tpublisher\tautomatic\tmatched\tautomatic tags");
        rows.forEach(out::println);
        return 0;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    /**
     * The publisher's tags, split at commas and semicolons. Tracking and layout tokens some sites put there
     * ({@code @hp-top-stories}, {@code ctp_video}, {@code section: Article}) are left out.
     */
    static List<String> publisherTags(Document doc) {
        List<String> raw = new ArrayList<>();
        for (Element m : doc.select("meta[property=article:tag], meta[name=news_keywords], meta[name=keywords]")) {
            raw.add(m.attr("content"));
        }
        for (Element s : doc.select("script[type=application/ld+json]")) {
            try {
                collectKeywords(JsonParser.parseString(s.data()), raw);
            } catch (RuntimeException e) {
                // broken JSON-LD is common in captures; its keywords are simply not counted
            }
        }
        List<String> out = new ArrayList<>();
        for (String r : raw) {
            for (String t : r.split("[,;]")) {
                String tag = t.strip();
                if (tag.isEmpty() || tag.startsWith("@") || tag.contains("_") || tag.contains(":") || tag.contains("/")) continue;
                out.add(tag);
            }
        }
        return out;
    }

    private static void collectKeywords(JsonElement e, List<String> out) {
        if (e.isJsonArray()) {
            for (JsonElement x : e.getAsJsonArray()) collectKeywords(x, out);
        } else if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            JsonElement k = o.get("keywords");
            if (k != null && k.isJsonPrimitive()) out.add(k.getAsString());
            if (k != null && k.isJsonArray()) {
                JsonArray a = k.getAsJsonArray();
                for (JsonElement x : a) if (x.isJsonPrimitive()) out.add(x.getAsString());
            }
            JsonElement graph = o.get("@graph");
            if (graph != null) collectKeywords(graph, out);
        }
    }
}
