package clippings.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Extra cleaning rules from {@code clippings.yml}: what to treat as chrome and what never to drop, for every
 * source and per source.
 *
 * @param all     rules for every source
 * @param sources rules for one source each, keyed as written in the file: a site name (matched ignoring case)
 *                or a host name (matching that host and its subdomains)
 */
public record CleanRules(Patterns all, Map<String, Patterns> sources) {
    public CleanRules {
        java.util.Objects.requireNonNull(all);
        sources = java.util.Collections.unmodifiableMap(new TreeMap<>(sources));
    }

    public static CleanRules defaults() {
        return new CleanRules(Patterns.none(), Map.of());
    }

    /**
     * One set of rules.
     *
     * @param chrome          regular expressions of chrome text: whole lines of text scrapes, whole short blocks of
     *                        HTML captures
     * @param keep            regular expressions of text never dropped, even when a chrome pattern or the
     *                        article finder would drop it
     * @param chromeSelectors CSS selectors of elements of HTML captures that are chrome
     * @param keepSelectors   CSS selectors of elements of HTML captures never dropped, with all they hold
     */
    public record Patterns(List<String> chrome, List<String> keep, List<String> chromeSelectors,
                           List<String> keepSelectors) {
        public Patterns {
            chrome = List.copyOf(chrome);
            keep = List.copyOf(keep);
            chromeSelectors = List.copyOf(chromeSelectors);
            keepSelectors = List.copyOf(keepSelectors);
        }

        public static Patterns none() {
            return new Patterns(List.of(), List.of(), List.of(), List.of());
        }
    }
}
