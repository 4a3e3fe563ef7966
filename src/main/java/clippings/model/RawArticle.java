package clippings.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One input file of {@code content/}, decoded to text.
 *
 * @param origin   path relative to the content folder, with {@code /} separators
 * @param format   how the text is to be read
 * @param text     the decoded text
 * @param sha256   hex SHA-256 of the file's bytes as they were on disk
 * @param encoding the charset the bytes were decoded with, and why (e.g. {@code UTF-8 (BOM)})
 * @param captured when the file was captured, as the file (a SingleFile or HTTrack comment, saved HTTP headers, a
 *                 {@code Captured:} header line) or its {@code SOURCES.tsv} sidecar states it
 */
public record RawArticle(String origin, InputFormat format, String text, String sha256, String encoding,
                         Optional<ArticleDate> captured) {
    /** An input whose capture time is unknown. */
    public RawArticle(String origin, InputFormat format, String text, String sha256, String encoding) {
        this(origin, format, text, sha256, encoding, Optional.empty());
    }

    public RawArticle {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(captured, "captured");
    }

    /** The file name without folders and extension; a {@code .md} with the same stem replaces this input. */
    public String stem() {
        String name = origin.substring(origin.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
