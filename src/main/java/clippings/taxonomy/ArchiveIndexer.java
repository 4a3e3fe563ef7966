package clippings.taxonomy;

import clippings.model.ArchiveIndex;
import clippings.model.ArticleEntry;
import clippings.model.MonthEntry;
import clippings.model.SiteIndex;
import clippings.model.SourceEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups the articles of a site by month of publication and by source, for the date archive and the source
 * pages (#5). Sources whose names fold to the same slug are one source; the most frequent spelling names it.
 * <p>Immutable and thread-safe.
 */
public final class ArchiveIndexer {
    private final Slugger slugger;

    public ArchiveIndexer(Slugger slugger) {
        this.slugger = slugger;
    }

    public ArchiveIndex index(SiteIndex site) {
        Map<Integer, List<String>> byMonth = new TreeMap<>();
        List<String> undated = new ArrayList<>();
        Map<String, List<String>> bySource = new TreeMap<>();
        Map<String, Map<String, Integer>> spellings = new TreeMap<>();
        // An archive has a few sources over thousands of articles: each spelling is slugged once.
        Map<String, String> slugs = new HashMap<>();
        for (ArticleEntry e : site.articles()) {
            String id = e.article().id();
            var date = e.article().meta().date();
            if (date.isPresent()) {
                LocalDate d = date.get().day();
                byMonth.computeIfAbsent(d.getYear() * 100 + d.getMonthValue(), k -> new ArrayList<>()).add(id);
            } else {
                undated.add(id);
            }
            e.article().meta().source().filter(s -> !s.isBlank()).ifPresent(s -> {
                String slug = slugs.computeIfAbsent(s, name -> slugger.slug(name, "source"));
                bySource.computeIfAbsent(slug, k -> new ArrayList<>()).add(id);
                spellings.computeIfAbsent(slug, k -> new TreeMap<>()).merge(s.strip(), 1, Integer::sum);
            });
        }
        List<MonthEntry> months = new ArrayList<>();
        byMonth.forEach((key, ids) -> months.add(new MonthEntry(key / 100, key % 100, ids)));
        List<SourceEntry> sources = new ArrayList<>();
        bySource.forEach((slug, ids) -> sources.add(new SourceEntry(name(spellings.get(slug)), slug, ids)));
        sources.sort(Comparator.comparing((SourceEntry s) -> s.name().toLowerCase(Locale.ROOT))
                .thenComparing(SourceEntry::slug));
        return new ArchiveIndex(months, undated, sources);
    }

    /** The most frequent spelling; on a tie, the first in text order. */
    private static String name(Map<String, Integer> spellings) {
        return spellings.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey();
    }
}
