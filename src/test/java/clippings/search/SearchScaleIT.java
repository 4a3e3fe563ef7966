package clippings.search;

import clippings.model.ArchiveIndex;
import clippings.model.Article;
import clippings.model.ArticleDate;
import clippings.model.ArticleEntry;
import clippings.model.ArticleMeta;
import clippings.model.MonthEntry;
import clippings.model.SiteIndex;
import clippings.model.SourceEntry;
import clippings.model.TagEntry;
import clippings.model.TagKind;
import clippings.model.TagRef;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How big the search index's downloads are for a large archive (#5): a synthetic archive of
 * {@code -Dscale.articles} articles (100,000 by default) of 400 words drawn from a Zipf distribution over
 * 200,000 word forms, 5 tags each from 20,000, 50 sources, ten years. Prints the size of {@code meta.js}, of
 * the term shards, and what a one-word query downloads for words of several frequencies. Opt-in:
 * {@code mvn verify -Dgroups=long-running -Dit.test=SearchScaleIT}.
 */
@Tag("long-running")
class SearchScaleIT {
    private static final int WORDS = 200_000;

    @Test
    void oneWordQueryDownloadsStayUnder500KB() {
        int n = Integer.getInteger("scale.articles", 100_000);
        Random random = new Random(5);
        double[] zipf = cumulative(WORDS, 1.0);
        double[] tagZipf = cumulative(20_000, 1.0);
        List<ArticleEntry> entries = new ArrayList<>(n);
        Map<Integer, List<String>> byMonth = new TreeMap<>();
        Map<Integer, List<String>> byTag = new TreeMap<>();
        Map<Integer, List<String>> bySource = new TreeMap<>();
        LocalDate start = LocalDate.of(2025, 12, 31);
        for (int i = 0; i < n; i++) {
            String id = String.format("%016x", i);
            StringBuilder body = new StringBuilder("<p>");
            for (int w = 0; w < 400; w++) body.append(word(draw(zipf, random))).append(w % 20 == 19 ? ". " : " ");
            body.append("</p>");
            StringBuilder title = new StringBuilder();
            for (int w = 0; w < 8; w++) title.append(word(draw(zipf, random))).append(' ');
            LocalDate day = start.minusDays(i * 3650L / n);
            int source = random.nextInt(50);
            List<TagRef> tags = new ArrayList<>();
            for (int t = 0; t < 5; t++) {
                int tag = draw(tagZipf, random);
                TagRef ref = new TagRef("Tag " + word(tag), TagKind.TOPIC, "tag-" + tag);
                if (!tags.contains(ref)) {
                    tags.add(ref);
                    byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(id);
                }
            }
            ArticleMeta meta = new ArticleMeta(title.toString().strip(), Optional.empty(), List.of(),
                    Optional.of(ArticleDate.of(day)), Optional.of("Source " + source), Optional.empty(), Optional.empty(),
                    Optional.empty());
            entries.add(new ArticleEntry(new Article(id, id + ".txt", "00", meta, List.of(), "", body.toString()),
                    "articles/" + id + ".html", tags));
            byMonth.computeIfAbsent(day.getYear() * 100 + day.getMonthValue(), k -> new ArrayList<>()).add(id);
            bySource.computeIfAbsent(source, k -> new ArrayList<>()).add(id);
        }
        List<TagEntry> tagEntries = new ArrayList<>();
        byTag.forEach((t, ids) -> tagEntries.add(new TagEntry("Tag " + word(t), TagKind.TOPIC, "tag-" + t, ids)));
        List<MonthEntry> months = new ArrayList<>();
        byMonth.forEach((k, ids) -> months.add(new MonthEntry(k / 100, k % 100, ids)));
        List<SourceEntry> sources = new ArrayList<>();
        bySource.forEach((s, ids) -> sources.add(new SourceEntry("Source " + s, "source-" + s, ids)));

        Map<String, Integer> sizes = new java.util.concurrent.ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        new SearchIndexer().write(new SiteIndex(entries, tagEntries), new ArchiveIndex(months, List.of(), sources),
                f -> sizes.put(f.path(), f.content().length));
        long ms = (System.nanoTime() - t0) / 1_000_000;

        List<Integer> termShards = sizes.entrySet().stream().filter(e -> e.getKey().startsWith("search/t/"))
                .map(Map.Entry::getValue).sorted().toList();
        List<Integer> docShards = sizes.entrySet().stream().filter(e -> e.getKey().startsWith("search/d/"))
                .map(Map.Entry::getValue).sorted().toList();
        int meta = sizes.get("search/meta.js");
        int maxDoc = docShards.get(docShards.size() - 1);
        StringBuilder report = new StringBuilder();
        report.append(String.format("%d articles indexed in %d ms; %d files, %d MB in all%n", n, ms, sizes.size(),
                sizes.values().stream().mapToLong(Integer::longValue).sum() / 1_000_000));
        report.append(String.format("meta.js %d KB; term shards: %d, median %d KB, p90 %d KB, max %d KB; "
                        + "doc shards: %d, max %d KB%n", meta / 1000, termShards.size(),
                termShards.get(termShards.size() / 2) / 1000, termShards.get(termShards.size() * 9 / 10) / 1000,
                termShards.get(termShards.size() - 1) / 1000, docShards.size(), maxDoc / 1000));
        int worst = 0;
        for (int rank : new int[]{1, 10, 100, 1000, 10_000, 100_000}) {
            String w = TextFolding.fold(word(rank));
            // As assets/search.js does: the shard of the longest prefix that is a key, plus, for the word being
            // typed, the shards split below it when there are at most three in all.
            String own = "";
            for (int k = Math.min(w.length(), SearchIndexer.MAX_KEY); k >= 1 && own.isEmpty(); k--) {
                if (sizes.containsKey(shardFile(w.substring(0, k)))) own = w.substring(0, k);
            }
            String ownKey = own;
            List<String> below = sizes.keySet().stream().filter(p -> p.startsWith("search/t/" + SearchIndexer.fileName(w))
                    && !p.equals(shardFile(ownKey))).toList();
            int shard = sizes.get(shardFile(own));
            if (below.size() + 1 <= 3) for (String b : below) shard += sizes.get(b);
            // Worst case for the first page of 20 results: each in a different doc shard.
            int total = meta + shard + 20 * maxDoc;
            worst = Math.max(worst, total);
            report.append(String.format("word of rank %6d ('%s'): term shards %d KB; with meta and 20 doc shards %d KB%n",
                    rank, w, shard / 1000, total / 1000));
        }
        System.out.print(report);
        assertTrue(worst < 500_000, report.toString());
    }

    private static String shardFile(String key) {
        return "search/t/" + SearchIndexer.fileName(key) + ".js";
    }

    private static double[] cumulative(int size, double s) {
        double[] c = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) c[i] = sum += 1 / Math.pow(i + 1, s);
        for (int i = 0; i < size; i++) c[i] /= sum;
        return c;
    }

    private static int draw(double[] cumulative, Random random) {
        int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, i < 0 ? -i - 1 : i) + 1;
    }

    /** A pronounceable word for a rank: frequent words are short, like in real text. */
    private static String word(int rank) {
        String[] syllables = {"ka", "lo", "mi", "ne", "ru", "ta", "shi", "vo", "de", "pa", "zu", "ro", "el", "an",
                "or", "is", "ba", "ce", "fi", "go", "hu", "ja", "ki", "ly", "mo", "nu", "pe", "qi", "sa", "te", "ul"};
        StringBuilder sb = new StringBuilder();
        int r = rank;
        do {
            sb.append(syllables[r % syllables.length]);
            r /= syllables.length;
        } while (r > 0);
        return sb.toString();
    }
}
