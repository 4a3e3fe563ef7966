package clippings.ingest;

import clippings.model.ArticleDate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Capture times recorded beside the captures (#5): a {@code SOURCES.tsv} in a folder of the content tree, with a
 * header row naming a {@code file} column (paths relative to that folder) and a {@code captured_at} or
 * {@code captured} column. A file is looked up in the sidecar of its own folder, then of each folder above it up
 * to the content folder. A table without those columns, or a value that is not a time stamp, says nothing.
 * <p>Thread-safe; it caches each folder's table, so use one per build.
 */
final class CaptureLog {
    static final String FILE_NAME = "SOURCES.tsv";
    private static final List<String> TIME_COLUMNS = List.of("captured_at", "captured");

    private final Path contentDir;
    private final Map<Path, Map<String, ArticleDate>> tables = new java.util.concurrent.ConcurrentHashMap<>();

    CaptureLog(Path contentDir) {
        this.contentDir = contentDir.toAbsolutePath().normalize();
    }

    /**
     * As {@link #capturedAt(Path)} for the input at {@code origin} (its path in the content folder, with forward
     * slashes): one directly in the folder is looked up by its name, without a path made for it and its folder,
     * as every build does for each of 10,000 inputs (#7).
     */
    Optional<ArticleDate> capturedAt(Path file, String origin) {
        if (origin.indexOf('/') >= 0 || origin.indexOf('\\') >= 0) return capturedAt(file);
        return Optional.ofNullable(table(contentDir).get(origin));
    }

    /** When the sidecar says {@code file} was captured; empty when no sidecar names it. */
    Optional<ArticleDate> capturedAt(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(contentDir)) return Optional.empty();
        for (Path dir = abs.getParent(); dir != null && dir.startsWith(contentDir); dir = dir.getParent()) {
            Map<String, ArticleDate> table = table(dir);
            if (table.isEmpty()) continue; // most folders have no sidecar: no name is made for them
            ArticleDate d = table.get(dir.relativize(abs).toString().replace('\\', '/'));
            if (d != null) return Optional.of(d);
        }
        return Optional.empty();
    }

    private Map<String, ArticleDate> table(Path dir) {
        return tables.computeIfAbsent(dir, CaptureLog::read);
    }

    private static Map<String, ArticleDate> read(Path dir) {
        Path tsv = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(tsv)) return Map.of();
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Map.of();  // an unreadable sidecar is reported as a skipped file already; it only lacks times
        }
        if (lines.isEmpty()) return Map.of();
        List<String> header = List.of(lines.get(0).strip().toLowerCase(Locale.ROOT).split("\t", -1));
        int file = header.indexOf("file");
        int time = TIME_COLUMNS.stream().mapToInt(header::indexOf).filter(i -> i >= 0).findFirst().orElse(-1);
        if (file < 0 || time < 0) return Map.of();
        Map<String, ArticleDate> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            if (cells.length <= Math.max(file, time)) continue;
            CaptureEvidence.parse(cells[time]).ifPresent(d -> out.putIfAbsent(cells[file].strip(), d));
        }
        return out;
    }
}
