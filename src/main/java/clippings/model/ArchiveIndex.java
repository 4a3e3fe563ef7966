package clippings.model;

import java.util.List;

/**
 * How readers browse the archive besides tags: by month of publication and by source.
 *
 * @param months     every month that has articles, oldest first
 * @param undatedIds ids of the articles whose date is unknown, in site order
 * @param sources    every source (site name) with its articles, sorted by name case-insensitively, then slug
 */
public record ArchiveIndex(List<MonthEntry> months, List<String> undatedIds, List<SourceEntry> sources) {
    public ArchiveIndex {
        months = List.copyOf(months);
        undatedIds = List.copyOf(undatedIds);
        sources = List.copyOf(sources);
    }

    /** The years that have articles, oldest first. */
    public List<Integer> years() {
        return months.stream().map(MonthEntry::year).distinct().toList();
    }
}
