package clippings.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a user tunes tagging in {@code clippings.yml}.
 *
 * @param automatic whether tags are extracted from the text at all
 * @param maxAutomatic at most this many automatic tags per article
 * @param aliases   canonical name → other spellings that mean the same entity
 * @param separate  pairs (or groups) of names that must never be merged automatically
 * @param rename    tag name → the display name to use instead
 * @param drop      tag names never to publish
 */
public record TagRules(boolean automatic, int maxAutomatic, Map<String, List<String>> aliases,
                       List<List<String>> separate, Map<String, String> rename, List<String> drop) {
    public TagRules {
        if (maxAutomatic < 0) throw new IllegalArgumentException("tags.max must not be negative");
        aliases = copy(aliases);
        separate = separate.stream().map(List::copyOf).toList();
        rename = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(rename)));
        drop = List.copyOf(drop);
    }

    public static TagRules defaults() {
        return new TagRules(true, 10, Map.of(), List.of(), Map.of(), List.of());
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> m) {
        TreeMap<String, List<String>> t = new TreeMap<>();
        m.forEach((k, v) -> t.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(t);
    }
}
