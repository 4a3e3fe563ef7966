package clippings.build;

import clippings.ingest.ContentReader;
import clippings.model.Article;
import clippings.model.InputException;
import clippings.model.InputFormat;
import clippings.model.OutputFile;
import clippings.model.InputFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The original capture of each article, published beside its page as {@code <slug>.source.txt} (#5). Always
 * plain text, never {@code .html}, so a scraped page can never run scripts on the archive's origin.
 * <p>When the file on disk is still the one that was read (same SHA-256) and was UTF-8, its exact bytes are
 * published, so {@code sha256sum} of the published file matches the page. Otherwise (another encoding) the
 * file is decoded again as the build decoded it and published in UTF-8; if it changed during the build, what
 * is on disk now is published.
 * <p>Memory: captures are read back from disk one at a time, when their file is written; the build holds no
 * input's text.
 */
final class CaptureFiles {
    private final ContentReader reader;
    private final Path contentDir;
    private final Map<String, String> encodings;

    /** @param encodings each published input's origin → the charset it was decoded with, and why */
    CaptureFiles(ContentReader reader, Path contentDir, Map<String, String> encodings) {
        this.reader = reader;
        this.contentDir = contentDir;
        this.encodings = encodings;
    }

    /** The capture as a pending file: an incremental build keeps the published one while the input is the same. */
    OutputFile capture(Article article, String path) {
        String encoding = encodings.getOrDefault(article.origin(), "");
        String digest = clippings.cache.Digests.of("capture", article.origin(), article.sha256(), encoding);
        return OutputFile.pending(path, digest, () -> bytes(article, encoding));
    }

    private byte[] bytes(Article article, String encoding) {
        Path file = contentDir.resolve(article.origin());
        if (encoding.startsWith("UTF-8")) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                if (ContentReader.sha256(bytes).equals(article.sha256())) return bytes;
            } catch (IOException e) {
                // Fall through to decoding: the capture is still published if the file can be read at all.
            }
        }
        try {
            InputFormat format = InputFormat.ofFileName(file.getFileName().toString()).orElse(InputFormat.TEXT);
            return reader.read(new InputFile(article.origin(), format, file, contentDir)).text().getBytes(StandardCharsets.UTF_8);
        } catch (InputException e) {
            return ("The original capture could not be read back while the site was written: " + e.getMessage() + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
