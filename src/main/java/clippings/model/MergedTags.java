package clippings.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The tags of every article once spellings of one entity are merged across the corpus and the rules of
 * {@code clippings.yml} applied, with the list of merges for the build report.
 *
 * @param byArticle article id → its tags, front matter first, then publisher, then automatic by salience
 * @param merges    every merge made, sorted by kept name
 */
public record MergedTags(SortedMap<String, List<Tag>> byArticle, List<TagMerge> merges) {
    public MergedTags {
        // Copied from a sorted map in one pass, not put entry by entry: it holds every article of the archive.
        // (As a Map: natural order whatever the given map's comparator; TreeMap.putAll is linear when they agree.)
        TreeMap<String, List<Tag>> copy = new TreeMap<>((Map<String, List<Tag>>) byArticle);
        copy.replaceAll((id, tags) -> List.copyOf(tags));
        byArticle = Collections.unmodifiableSortedMap(copy);
        merges = List.copyOf(merges);
    }
}
