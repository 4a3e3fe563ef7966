package clippings.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of {@code content/} that the build will read, found but not yet read: large archives are read one
 * file at a time by the stage that needs it, never all at once (#7).
 *
 * @param origin path relative to the content folder, with {@code /} separators
 * @param format how the text is to be read
 * @param path   where the file is
 * @param contentDir the content folder it was found in (sidecar files there may say more about it)
 */
public record InputFile(String origin, InputFormat format, Path path, Path contentDir) {
    public InputFile {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(contentDir, "contentDir");
    }
}
