package clippings.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Extra chrome patterns from {@code clippings.yml}: regular expressions matched against whole lines
 * (text scrapes) or whole blocks (HTML captures).
 *
 * @param chrome  patterns that are chrome for every source
 * @param keep    patterns that are never chrome, even when a chrome pattern matches
 * @param sources per source name (as in {@code source:}), patterns that apply to that source only
 */
public record CleanRules(List<String> chrome, List<String> keep, Map<String, SourceRules> sources) {
    public CleanRules {
        chrome = List.copyOf(chrome);
        keep = List.copyOf(keep);
        sources = java.util.Collections.unmodifiableMap(new TreeMap<>(sources));
    }

    public static CleanRules defaults() {
        return new CleanRules(List.of(), List.of(), Map.of());
    }

    /** Chrome and keep patterns of one source. */
    public record SourceRules(List<String> chrome, List<String> keep) {
        public SourceRules {
            chrome = List.copyOf(chrome);
            keep = List.copyOf(keep);
        }
    }
}
