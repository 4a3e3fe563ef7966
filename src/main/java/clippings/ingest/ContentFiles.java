package clippings.ingest;

import clippings.model.InputFile;
import clippings.model.Problem;

import java.util.List;

/**
 * What {@link ContentReader#scan} found: the inputs to build, in path order, and the files skipped and why.
 * Every file of the content folder is in one of the two lists.
 */
public record ContentFiles(List<InputFile> inputs, List<Problem> skipped) {
    public ContentFiles {
        inputs = List.copyOf(inputs);
        skipped = List.copyOf(skipped);
    }
}
