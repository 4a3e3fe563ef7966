package clippings.ingest;

import clippings.model.Problem;
import clippings.model.RawArticle;

import java.util.List;

/**
 * What {@link ContentReader} found: the inputs to build, the files it skipped and why, and the files it
 * could not read. Every file of the content folder is in exactly one of the three lists.
 */
public record ContentSet(List<RawArticle> inputs, List<Problem> skipped, List<Problem> failed) {
    public ContentSet {
        inputs = List.copyOf(inputs);
        skipped = List.copyOf(skipped);
        failed = List.copyOf(failed);
    }
}
