package clippings.bench;

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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link CorpusGenerator}'s stories as the search indexer sees a built archive: articles in site order (newest
 * first) with their five most mentioned names as tags, and the month, source and tag lists that filters use.
 * <p>Immutable once generated.
 */
final class SearchCorpus {
    private static final int TAGS = 5;

    private final List<ArticleEntry> entries;
    private final List<TagEntry> tags;
    private final List<MonthEntry> months;
    private final List<SourceEntry> sources;

    private SearchCorpus(List<ArticleEntry> entries, List<TagEntry> tags, List<MonthEntry> months,
                         List<SourceEntry> sources) {
        this.entries = entries;
        this.tags = tags;
        this.months = months;
        this.sources = sources;
    }

    static SearchCorpus generate(int count, long seed) {
        List<ArticleEntry> entries = new ArrayList<>(count);
        new CorpusGenerator(seed).stories(count, s -> entries.add(entry(s)));
        entries.sort(Comparator.comparing((ArticleEntry e) -> e.article().meta().date().orElseThrow().sortKey())
                .reversed().thenComparing(e -> e.article().id()));
        Map<String, List<String>> byTag = new TreeMap<>();
        Map<String, String> tagNames = new TreeMap<>();
        Map<Integer, List<String>> byMonth = new TreeMap<>();
        Map<String, List<String>> bySource = new TreeMap<>();
        for (ArticleEntry e : entries) {
            String id = e.article().id();
            for (TagRef t : e.tags()) {
                byTag.computeIfAbsent(t.slug(), k -> new ArrayList<>()).add(id);
                tagNames.put(t.slug(), t.name());
            }
            var day = e.article().meta().date().orElseThrow().day();
            byMonth.computeIfAbsent(day.getYear() * 100 + day.getMonthValue(), k -> new ArrayList<>()).add(id);
            bySource.computeIfAbsent(e.article().meta().source().orElseThrow(), k -> new ArrayList<>()).add(id);
        }
        List<TagEntry> tags = new ArrayList<>();
        byTag.forEach((slug, ids) -> tags.add(new TagEntry(tagNames.get(slug), TagKind.TOPIC, slug, ids)));
        List<MonthEntry> months = new ArrayList<>();
        byMonth.forEach((k, ids) -> months.add(new MonthEntry(k / 100, k % 100, ids)));
        List<SourceEntry> sources = new ArrayList<>();
        bySource.forEach((name, ids) -> sources.add(new SourceEntry(name, slug(name), ids)));
        return new SearchCorpus(entries, tags, months, sources);
    }

    private static ArticleEntry entry(CorpusGenerator.Story s) {
        String id = String.format(Locale.ROOT, "%012x", s.number());
        ArticleMeta meta = new ArticleMeta(s.title(), Optional.empty(), List.of(s.author()),
                Optional.of(ArticleDate.of(s.date())), Optional.of(s.source()), Optional.empty(), Optional.empty(),
                Optional.of("en"));
        String body = "<p>" + String.join("</p>\n<p>", s.paragraphs()) + "</p>";
        List<TagRef> tags = s.entities().stream().limit(TAGS)
                .map(name -> new TagRef(name, TagKind.TOPIC, slug(name))).toList();
        Article a = new Article(id, id + ".txt", "0".repeat(64), meta, List.of(), "", body);
        String path = String.format(Locale.ROOT, "articles/%04d/%02d/%s.html", s.date().getYear(),
                s.date().getMonthValue(), id);
        return new ArticleEntry(a, path, tags);
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    SiteIndex index() {
        return new SiteIndex(entries, tags);
    }

    List<MonthEntry> months() {
        return months;
    }

    List<SourceEntry> sources() {
        return sources;
    }

    int size() {
        return entries.size();
    }

    String describe() {
        return String.format(Locale.ROOT, "%d tags, %d sources, %d months", tags.size(), sources.size(), months.size());
    }

    /**
     * What people type into an archive's search box: a word of a headline, a name or a topic. Taken from the
     * titles of randomly chosen articles, so frequent headline words come up as often as they would in use;
     * words of fewer than four letters (with, after) are left out, as nobody searches for them alone.
     */
    List<String> typicalWords(int count, long seed) {
        Random random = new Random(seed);
        Set<String> words = new LinkedHashSet<>();
        for (int tries = 0; words.size() < count && tries < count * 100; tries++) {
            String title = entries.get(random.nextInt(entries.size())).article().meta().title();
            String[] ws = title.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
            String w = ws[random.nextInt(ws.length)];
            if (w.length() >= 4 && !w.equals("with") && !w.equals("after") && !w.equals("days")) words.add(w);
        }
        return new ArrayList<>(words);
    }
}
