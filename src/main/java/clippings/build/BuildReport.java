package clippings.build;

import clippings.model.Problem;
import clippings.model.Tag;
import clippings.model.TagMerge;

import java.util.List;
import java.util.Map;

/**
 * The ledger of one build: every input is published, a duplicate, skipped or failed, and the counts add up
 * to the number of inputs.
 *
 * @param problems  template and site-level errors that belong to no single input
 * @param tagMerges every automatic merge of tag spellings, and merges asked for by {@code clippings.yml}
 * @param phases    milliseconds spent in each phase, in execution order
 */
public record BuildReport(int inputs, List<Published> published, List<Duplicate> duplicates, List<Problem> skipped,
                          List<Problem> failed, List<Problem> problems, int pages, long bytes, int tags,
                          List<TagMerge> tagMerges, Map<String, Long> phases) {
    public BuildReport {
        tagMerges = List.copyOf(tagMerges);
        published = List.copyOf(published);
        duplicates = List.copyOf(duplicates);
        skipped = List.copyOf(skipped);
        failed = List.copyOf(failed);
        problems = List.copyOf(problems);
        phases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phases));
    }

    /** An input that became a page, the encoding it was read with and why, and its tags with where each came from. */
    public record Published(String file, String url, String encoding, List<Tag> tags) {
        public Published {
            tags = List.copyOf(tags);
        }
    }

    /** An input that was the same story as another one, which was published instead. */
    public record Duplicate(String file, String of, String reason) {
    }

    public boolean ok() {
        return failed.isEmpty() && problems.isEmpty();
    }

    /** Whether every input is accounted for exactly once. */
    public boolean balances() {
        return published.size() + duplicates.size() + skipped.size() + failed.size() == inputs;
    }
}
