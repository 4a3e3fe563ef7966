package clippings.model;

import java.util.List;
import java.util.Objects;

/**
 * One merge of tag spellings, for the build report: the name kept, the names merged into it, and why.
 *
 * @param kept   the display name of the merged tag
 * @param merged the other names now shown as {@code kept}, sorted
 * @param reason why they are one entity, e.g. "same name after folding case, accents and hyphens"
 */
public record TagMerge(String kept, List<String> merged, String reason) {
    public TagMerge {
        Objects.requireNonNull(kept, "kept");
        Objects.requireNonNull(reason, "reason");
        merged = List.copyOf(merged);
    }
}
