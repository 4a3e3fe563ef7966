package clippings.build;

import clippings.model.Article;
import clippings.model.OutputFile;
import clippings.model.RawArticle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The original capture of each article, published beside its page as {@code <slug>.source.txt} (#5). Always
 * plain text, never {@code .html}, so a scraped page can never run scripts on the archive's origin.
 * <p>When the file on disk is still the one that was read (same SHA-256) and was UTF-8, its exact bytes are
 * published, so {@code sha256sum} of the published file matches the page. Otherwise (another encoding, or the
 * file changed during the build) the text as it was decoded is published in UTF-8.
 * <p>Memory: the decoded texts are those the ingest stage already holds in its {@code ContentSet}; nothing is
 * copied, and the bytes are read back from disk one file at a time.
 */
final class CaptureFiles {
    private final Path contentDir;
    private final Map<String, RawArticle> byOrigin = new HashMap<>();

    CaptureFiles(Path contentDir, List<RawArticle> inputs) {
        this.contentDir = contentDir;
        for (RawArticle r : inputs) byOrigin.put(r.origin(), r);
    }

    /** The capture as a pending file: an incremental build keeps the published one while the input is the same. */
    OutputFile capture(Article article, String path) {
        RawArticle raw = byOrigin.get(article.origin());
        String digest = clippings.cache.Digests.of("capture", article.origin(), article.sha256(),
                raw == null ? "" : raw.encoding());
        return OutputFile.pending(path, digest, () -> bytes(article, raw));
    }

    private byte[] bytes(Article article, RawArticle raw) {
        if (raw != null && raw.encoding().startsWith("UTF-8")) {
            try {
                byte[] bytes = Files.readAllBytes(contentDir.resolve(article.origin()));
                if (sha256(bytes).equals(article.sha256())) return bytes;
            } catch (IOException e) {
                // Fall through to the decoded text: the capture is still published.
            }
        }
        return (raw == null ? "" : raw.text()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
