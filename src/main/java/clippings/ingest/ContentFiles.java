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

    /**
     * Whether a listing of {@code contentDir} now would give these same files, given the paths touched since
     * this one was made: it would when each is a file listed here that is still a regular file (changed in
     * place). Anything else (a file added, removed or replaced by a folder, a folder touched) needs a new listing.
     */
    public boolean listsTheSameAfter(java.util.Set<String> touched, java.nio.file.Path contentDir) {
        if (touched.isEmpty()) return true;
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (InputFile f : inputs) listed.add(f.origin());
        for (Problem p : skipped) listed.add(p.file());
        for (String path : touched) {
            if (!listed.contains(path) || !java.nio.file.Files.isRegularFile(contentDir.resolve(path),
                    java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return true;
    }
}
