package clippings.ingest;

import clippings.model.InputFile;
import clippings.model.InputFormat;
import clippings.model.Problem;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
     * What a listing of {@code contentDir} (as given to {@link ContentReader#scan}) would give now, worked out from
     * this one and the paths touched since, when each is a file listed here that is still a regular file (changed
     * in place), a listed input that is gone, or a new regular file of an input format: a scrape or Markdown added
     * or deleted, the usual edits of an archive, are taken in without listing 10,000 files again (#7). Empty when
     * a new listing is needed: a folder or a link touched, a file of another kind added or one skipped removed, or
     * a file added or removed beside another of the same name but its extension (a Markdown file replaces a
     * scrape so named, which a listing sorts out).
     */
    public Optional<ContentFiles> afterTouches(Set<String> touched, Path contentDir) {
        List<String> gone = new ArrayList<>();
        Map<String, InputFile> added = new HashMap<>();
        for (String path : touched) {
            Path file = contentDir.resolve(path);
            boolean regular = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
            boolean input = isInput(path);
            if (input || isSkipped(path)) {
                if (regular) continue;
                if (!input || Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
                gone.add(path);
                continue;
            }
            Optional<InputFormat> format = InputFormat.ofFileName(file.getFileName().toString());
            if (!regular || format.isEmpty() || underSkipped(path)) return Optional.empty();
            added.put(path, new InputFile(path, format.get(), file, contentDir));
        }
        if (gone.isEmpty() && added.isEmpty()) return Optional.of(this);
        // A name added or removed must be the only one of its stem, before and after.
        Map<String, Integer> stems = new HashMap<>();
        for (InputFile f : inputs) stems.merge(ContentReader.stemPath(f.origin()), 1, Integer::sum);
        for (Problem p : skipped) stems.merge(ContentReader.stemPath(p.file()), 1, Integer::sum);
        for (String path : added.keySet()) stems.merge(ContentReader.stemPath(path), 1, Integer::sum);
        for (String path : gone) if (stems.get(ContentReader.stemPath(path)) != 1) return Optional.empty();
        for (String path : added.keySet()) if (stems.get(ContentReader.stemPath(path)) != 1) return Optional.empty();
        Set<String> dropped = new HashSet<>(gone);
        List<InputFile> now = new ArrayList<>(inputs.size() + added.size());
        for (InputFile f : inputs) if (!dropped.contains(f.origin())) now.add(f);
        now.addAll(added.values());
        now.sort(Comparator.comparing(InputFile::origin));
        return Optional.of(new ContentFiles(now, skipped));
    }

    /** Both lists are in path order (see {@link ContentReader#scan}): a path is looked up without a map of them. */
    private boolean isInput(String path) {
        return Collections.binarySearch(inputs, path, (f, p) -> ((InputFile) f).origin().compareTo((String) p)) >= 0;
    }

    private boolean isSkipped(String path) {
        return Collections.binarySearch(skipped, path, (f, p) -> ((Problem) f).file().compareTo((String) p)) >= 0;
    }

    /** Whether a folder above the path was skipped (a link to a folder, one that could not be read). */
    private boolean underSkipped(String path) {
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (isSkipped(path.substring(0, slash))) return true;
        }
        return false;
    }
}
