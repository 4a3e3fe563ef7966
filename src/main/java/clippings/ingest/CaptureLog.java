package clippings.ingest;

import clippings.model.ArticleDate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Capture times recorded beside the captures (#5): a {@code SOURCES.tsv} in a folder of the content tree, with a
 * header row naming a {@code file} column (paths relative to that folder) and a {@code captured_at} or
 * {@code captured} column. A file is looked up in the sidecar of its own folder, then of each folder above it up
 * to the content folder. A table without those columns, or a value that is not a time stamp, says nothing (the
 * build reports either: see {@link ContentReader#accountForCaptureLogs}).
 * <p>Thread-safe; it caches each folder's table, so use one per build.
 */
final class CaptureLog {
    static final String FILE_NAME = "SOURCES.tsv";
    static final List<String> TIME_COLUMNS = List.of("captured_at", "captured");

    private final Path contentDir;
    private final Map<Path, Sidecar> tables = new java.util.concurrent.ConcurrentHashMap<>();

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

    /** {@code dir} is absolute and normal already: the lookups of 10,000 inputs make no path for it (#7). */
    private Map<String, ArticleDate> table(Path dir) {
        return tables.computeIfAbsent(dir, CaptureLog::read).times();
    }

    /** The sidecar of a folder of the content tree; an empty one where there is none. */
    Sidecar sidecar(Path dir) {
        return tables.computeIfAbsent(dir.toAbsolutePath().normalize(), CaptureLog::read);
    }

    /**
     * What one {@code SOURCES.tsv} says.
     *
     * @param header   its columns, as its first line names them
     * @param usable   whether they include a file and a time column; if not, nothing is read from it
     * @param times    each file's capture time, by its path from the sidecar's folder; the first line naming a
     *                 file wins
     * @param badLines lines that give no capture time where they mean to: a time that is not one, a time
     *                 without a file name, another time for a file named above
     */
    record Sidecar(List<String> header, boolean usable, Map<String, ArticleDate> times, List<BadLine> badLines) {
        static final Sidecar NONE = new Sidecar(List.of(), false, Map.of(), List.of());

        Sidecar {
            header = List.copyOf(header);
            badLines = List.copyOf(badLines);
        }
    }

    /** A line of a sidecar that could not be used, numbered from 1 (the header). */
    record BadLine(int line, String message) {
    }

    private static Sidecar read(Path dir) {
        Path tsv = dir.resolve(FILE_NAME);
        // A link is not followed: the listing reports it as skipped, so it must not give times either.
        if (!Files.isRegularFile(tsv, LinkOption.NOFOLLOW_LINKS)) return Sidecar.NONE;
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            String why = e instanceof java.nio.charset.MalformedInputException
                    || e.getCause() instanceof java.nio.charset.MalformedInputException ? "it is not UTF-8 text"
                    : e.getMessage();
            return new Sidecar(List.of(), false, Map.of(), List.of(new BadLine(0, "cannot be read (" + why + ")")));
        }
        if (lines.isEmpty()) return Sidecar.NONE;
        List<String> header = new ArrayList<>();
        // A spreadsheet saving "UTF-8 text" often starts it with a byte-order mark.
        String first = lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(0);
        for (String cell : first.strip().split("\t", -1)) header.add(cell.strip().toLowerCase(Locale.ROOT));
        int file = header.indexOf("file");
        int time = TIME_COLUMNS.stream().mapToInt(header::indexOf).filter(i -> i >= 0).findFirst().orElse(-1);
        if (file < 0 || time < 0) return new Sidecar(header, false, Map.of(), List.of());
        Map<String, ArticleDate> out = new HashMap<>();
        Map<String, Integer> namedOn = new HashMap<>();
        List<BadLine> bad = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String[] cells = lines.get(i).split("\t", -1);
            String name = cells.length > file ? cells[file].strip() : "";
            String value = cells.length > time ? cells[time].strip() : "";
            // An empty time, or "-" as the sample's log writes, says that the time is not known: nothing is lost.
            if (value.isEmpty() || value.equals("-")) continue;
            Optional<ArticleDate> d = CaptureEvidence.parse(value);
            if (d.isEmpty()) {
                bad.add(new BadLine(i + 1, "\"" + value + "\" in the " + header.get(time) + " column is not a time "
                        + "(ISO 8601 such as 2024-01-31T09:15:00Z or 2024-01-31, or an HTTP date)"));
            } else if (name.isEmpty()) {
                bad.add(new BadLine(i + 1, "a capture time without a file name"));
            } else if (out.putIfAbsent(name, d.get()) != null && !out.get(name).equals(d.get())) {
                bad.add(new BadLine(i + 1, name + " is given another capture time on line " + namedOn.get(name)
                        + ", which is the one used"));
            } else {
                namedOn.putIfAbsent(name, i + 1);
            }
        }
        return new Sidecar(header, true, out, bad);
    }
}
