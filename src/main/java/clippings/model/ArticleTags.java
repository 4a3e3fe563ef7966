package clippings.model;

import java.util.List;

/**
 * The automatic tags of one article, most salient first, and the spellings merged inside the article to
 * make them (for the build report).
 *
 * @param tags   automatic tags, most salient first
 * @param merges spellings of one entity in this article shown as one tag, and why
 */
public record ArticleTags(List<Tag> tags, List<TagMerge> merges) {
    public ArticleTags {
        tags = List.copyOf(tags);
        merges = List.copyOf(merges);
    }
}
