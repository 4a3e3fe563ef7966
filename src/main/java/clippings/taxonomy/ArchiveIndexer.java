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
        // An archive has a few sources over thousands of articles: each spelling is slugged and counted once, and
        // the articles, newest first, come month after month. Looking each one up in three sorted maps was most
        // of the index after a tag changed in serve (#7).
        Map<String, Spelling> spellings = new HashMap<>();
        int month = -1;
        List<String> ofMonth = null;
        for (ArticleEntry e : site.articles()) {
            String id = e.article().id();
            var date = e.article().meta().date();
            if (date.isPresent()) {
                LocalDate d = date.get().day();
                int key = d.getYear() * 100 + d.getMonthValue();
                if (key != month || ofMonth == null) {
                    month = key;
                    ofMonth = byMonth.computeIfAbsent(key, k -> new ArrayList<>());
                }
                ofMonth.add(id);
            } else {
                undated.add(id);
            }
            var source = e.article().meta().source();
            if (source.isPresent()) {
                String s = source.get();
                Spelling spelling = spellings.get(s);
                if (spelling == null) {
                    if (s.isBlank()) continue;
                    String slug = slugger.slug(s, "source");
                    spelling = new Spelling(s.strip(), slug, bySource.computeIfAbsent(slug, k -> new ArrayList<>()));
                    spellings.put(s, spelling);
                }
                spelling.articles.add(id);
                spelling.count++;
            }
        }
        Map<String, Map<String, Integer>> bySlug = new TreeMap<>();
        for (Spelling sp : spellings.values()) {
            bySlug.computeIfAbsent(sp.slug, k -> new TreeMap<>()).merge(sp.name, sp.count, Integer::sum);
        }
        List<MonthEntry> months = new ArrayList<>();
        byMonth.forEach((key, ids) -> months.add(new MonthEntry(key / 100, key % 100, ids)));
        List<SourceEntry> sources = new ArrayList<>();
        bySource.forEach((slug, ids) -> sources.add(new SourceEntry(name(bySlug.get(slug)), slug, ids)));
        sources.sort(Comparator.comparing((SourceEntry s) -> s.name().toLowerCase(Locale.ROOT))
                .thenComparing(SourceEntry::slug));
        return new ArchiveIndex(months, undated, sources);
    }

    /** A source as articles spell it: its slug, the list of the slug's articles, and how often it is so spelt. */
    private static final class Spelling {
        final String name;
        final String slug;
        final List<String> articles;
        int count;

        Spelling(String name, String slug, List<String> articles) {
            this.name = name;
            this.slug = slug;
            this.articles = articles;
        }
    }

    /** The most frequent spelling; on a tie, the first in text order. */
    private static String name(Map<String, Integer> spellings) {
        return spellings.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey();
    }
}
