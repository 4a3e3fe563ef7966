package clippings.ingest;

import clippings.model.InputException;
import clippings.model.InputFile;
import clippings.model.InputFormat;
import clippings.model.Problem;
import clippings.model.RawArticle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads every file below the content folder, in path order, and decodes the ones Clippings builds from.
 * A Markdown file with the same folder and stem as a scrape replaces that scrape.
 * <p>Immutable and thread-safe.
 */
public final class ContentReader {
    /** The reason a listing gives a capture log until {@link #accountForCaptureLogs} has read it. */
    private static final String CAPTURE_LOG = "a capture log, not an article";
    private final long maxBytes;
    /** Per content folder: the capture times its sidecar files record. */
    private final Map<Path, CaptureLog> captureLogs = new java.util.concurrent.ConcurrentHashMap<>();
    /** The same logs by the content folder's path as the inputs give it, which is not made again for each. */
    private final Map<Path, CaptureLog> logsAsGiven = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param maxBytes files larger than this are reported, not read */
    public ContentReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Reads every input at once; for small archives and tools ({@code extract}). The build reads one at a time. */
    public ContentSet read(Path contentDir) {
        ContentFiles listed = scan(contentDir);
        List<Problem> failed = new ArrayList<>();
        ContentFiles files = accountForCaptureLogs(contentDir, listed, failed);
        List<RawArticle> inputs = new ArrayList<>();
        for (InputFile f : files.inputs()) {
            try {
                inputs.add(read(f));
            } catch (InputException e) {
                failed.add(Problem.of(f.origin(), e.getMessage()));
            }
        }
        failed.sort(java.util.Comparator.comparing(Problem::file));
        return new ContentSet(inputs, files.skipped(), failed);
    }

    /**
     * The listing's capture logs ({@code SOURCES.tsv}) accounted for: each one stays among the skipped files
     * (it is not an article) with a reason that says what it gave, or why it gave nothing; one with lines that
     * mean to give a capture time and cannot (a time that is not one, say) is moved to {@code failed} at its
     * first such line, so that a mistyped time is not lost without a word. Its other lines are used all the same.
     * Each build calls it on its own listing, even one worked out from the last: a log may have been edited, and
     * inputs its lines name added or removed.
     */
    public ContentFiles accountForCaptureLogs(Path contentDir, ContentFiles files, List<Problem> failed) {
        if (files.skipped().stream().noneMatch(p -> p.message().equals(CAPTURE_LOG))) return files;
        List<Problem> skipped = new ArrayList<>(files.skipped().size());
        java.util.Set<String> inputs = null;
        CaptureLog log = captureLogs.computeIfAbsent(contentDir.toAbsolutePath().normalize(), CaptureLog::new);
        for (Problem p : files.skipped()) {
            if (!p.message().equals(CAPTURE_LOG)) {
                skipped.add(p);
                continue;
            }
            if (inputs == null) {
                inputs = new java.util.HashSet<>();
                for (InputFile f : files.inputs()) inputs.add(f.origin());
            }
            int slash = p.file().lastIndexOf('/');
            String folder = slash < 0 ? "" : p.file().substring(0, slash + 1);
            CaptureLog.Sidecar sidecar = log.sidecar(contentDir.resolve(folder.isEmpty() ? "." : folder));
            if (!sidecar.badLines().isEmpty()) {
                CaptureLog.BadLine first = sidecar.badLines().get(0);
                int more = sidecar.badLines().size() - 1;
                failed.add(new Problem(p.file(), first.line(), 0, first.message() + (more == 0 ? "" : "; "
                        + more + (more == 1 ? " more line gives" : " more lines give") + " no capture time either ("
                        + lineNumbers(sidecar.badLines()) + ")")
                        + (sidecar.usable() ? "; the capture times of its other lines are used" : "")));
            } else {
                skipped.add(new Problem(p.file(), 0, 0, captureLogReason(sidecar, folder, inputs)));
            }
        }
        return new ContentFiles(files.inputs(), skipped);
    }

    /** What a capture log without bad lines gave, and which of its lines name no input. */
    private static String captureLogReason(CaptureLog.Sidecar sidecar, String folder, java.util.Set<String> inputs) {
        if (!sidecar.usable()) {
            boolean file = sidecar.header().contains("file");
            boolean time = CaptureLog.TIME_COLUMNS.stream().anyMatch(sidecar.header()::contains);
            return "a capture log, not an article; it gives no capture times, as its first line names no "
                    + (file ? "" : "file column") + (file || time ? "" : " and no ")
                    + (time ? "" : "captured_at or captured column") + " (" + named(sidecar.header()) + ")";
        }
        List<String> unknown = new ArrayList<>();
        for (String name : new TreeMap<>(sidecar.times()).keySet()) {
            if (!inputs.contains(folder + name)) unknown.add(name);
        }
        int given = sidecar.times().size() - unknown.size();
        String reason = "a capture log, not an article: the capture times of " + given + " input"
                + (given == 1 ? "" : "s");
        if (unknown.isEmpty()) return reason;
        return reason + "; " + unknown.size() + " of the files it names " + (unknown.size() == 1 ? "is" : "are")
                + " not an input here (" + String.join(", ", unknown.subList(0, Math.min(3, unknown.size())))
                + (unknown.size() > 3 ? ", …" : "") + ")";
    }

    private static String named(List<String> header) {
        List<String> names = header.stream().filter(h -> !h.isEmpty()).toList();
        return names.isEmpty() ? "its first line is empty" : "it names " + String.join(", ", names);
    }

    private static String lineNumbers(List<CaptureLog.BadLine> bad) {
        StringBuilder sb = new StringBuilder("line");
        if (bad.size() > 2) sb.append('s');
        for (int i = 1; i < Math.min(bad.size(), 6); i++) sb.append(i == 1 ? " " : ", ").append(bad.get(i).line());
        return sb.append(bad.size() > 6 ? ", …" : "").toString();
    }

    /**
     * Lists the content folder without reading any file: the inputs to build (a Markdown file with the same
     * folder and stem as a scrape replaces it), and the files skipped. Each input is then read by
     * {@link #read(InputFile)} when the build gets to it.
     */
    public ContentFiles scan(Path contentDir) {
        List<Problem> skipped = new ArrayList<>();
        Map<String, InputFile> markdown = new TreeMap<>();
        Map<String, List<InputFile>> scrapes = new TreeMap<>();
        for (Path file : files(contentDir, skipped)) {
            String origin = relative(contentDir, file);
            Optional<InputFormat> format = InputFormat.ofFileName(file.getFileName().toString());
            if (file.getFileName().toString().equals(CaptureLog.FILE_NAME)) {
                skipped.add(Problem.of(origin, CAPTURE_LOG));
            } else if (format.isEmpty()) {
                skipped.add(Problem.of(origin, "not a .txt, .html, .htm or .md file"));
            } else if (format.get() == InputFormat.MARKDOWN) {
                markdown.put(stemPath(origin), new InputFile(origin, format.get(), file, contentDir));
            } else {
                scrapes.computeIfAbsent(stemPath(origin), k -> new ArrayList<>()).add(new InputFile(origin, format.get(), file, contentDir));
            }
        }
        List<InputFile> inputs = new ArrayList<>(markdown.values());
        scrapes.forEach((key, files) -> {
            InputFile override = markdown.get(key);
            for (InputFile f : files) {
                if (override != null) skipped.add(Problem.of(f.origin(), "replaced by " + override.origin()));
                else inputs.add(f);
            }
        });
        inputs.sort(java.util.Comparator.comparing(InputFile::origin));
        skipped.sort(java.util.Comparator.comparing(Problem::file));
        return new ContentFiles(inputs, skipped);
    }

    /**
     * Reads and decodes one input found by {@link #scan}.
     *
     * @throws InputException when it cannot be read as text (binary, empty, too large, unreadable)
     */
    public RawArticle read(InputFile input) {
        return read(input, bytes(input));
    }

    /**
     * Decodes an input from bytes already read with {@link #bytes}.
     *
     * @throws InputException when they are not text (binary, empty, only white space)
     */
    public RawArticle read(InputFile input, byte[] bytes) {
        return read(input, bytes, sha256(bytes));
    }

    /**
     * As {@link #read(InputFile, byte[])}, for bytes whose SHA-256 the caller has just taken: without the C2
     * compiler (see {@code clippings.cli.TunedJvm}) SHA-256 runs at about 150 MB/s, and each input was hashed
     * twice on its way in (#7).
     */
    public RawArticle read(InputFile input, byte[] bytes, String sha256) {
        java.util.Objects.requireNonNull(sha256, "sha256");
        try {
            return decode(input.origin(), input.format(), input.path(), bytes, sha256, captureLog(input));
        } catch (IOException e) {
            throw new InputException(e.getMessage());
        }
    }

    /**
     * An input's bytes, without decoding them: their SHA-256 tells whether it changed.
     *
     * @throws InputException when it is above the size limit or cannot be read
     */
    public byte[] bytes(InputFile input) {
        try {
            return readBytes(input.path());
        } catch (IOException e) {
            throw new InputException(e instanceof UnreadableInput ? e.getMessage() : "cannot read: " + e.getMessage());
        }
    }

    /**
     * One file, for {@code extract}. Its origin is its path relative to the content folder when it lies inside
     * it (so its id is the one {@code build} gives it), otherwise the path as given.
     *
     * @throws InputException when it is not a kind of file Clippings reads, or cannot be read as text
     */
    public RawArticle readFile(Path contentDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = contentDir.toAbsolutePath().normalize();
        String origin = abs.startsWith(base) ? relative(base, abs) : file.toString().replace('\\', '/');
        InputFormat format = InputFormat.ofFileName(file.getFileName().toString())
                .orElseThrow(() -> new InputException("not a .txt, .html, .htm or .md file"));
        try {
            byte[] bytes = readBytes(file);
            return decode(origin, format, file, bytes, sha256(bytes), new CaptureLog(contentDir));
        } catch (IOException e) {
            throw new InputException(e instanceof UnreadableInput ? e.getMessage() : "cannot read: " + e.getMessage());
        }
    }

    /** When a sidecar file beside the input (not the input itself) says it was captured. */
    public Optional<clippings.model.ArticleDate> sidecarCapture(InputFile input) {
        return captureLog(input).capturedAt(input.path(), input.origin());
    }

    private CaptureLog captureLog(InputFile input) {
        // By the folder as given first: the inputs of a listing share one path, whose hash is kept.
        return logsAsGiven.computeIfAbsent(input.contentDir(),
                dir -> captureLogs.computeIfAbsent(dir.toAbsolutePath().normalize(), CaptureLog::new));
    }

    /** A file's bytes; one above the size limit is refused before it is read. */
    private byte[] readBytes(Path file) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new UnreadableInput(false, "file is " + size + " bytes, above the limit of " + maxBytes);
        }
        return Files.readAllBytes(file);
    }

    private RawArticle decode(String origin, InputFormat format, Path file, byte[] bytes, String sha256,
                              CaptureLog captureLog) throws IOException {
        if (bytes.length == 0) throw new UnreadableInput(false, "empty file");
        if (TextDecoder.looksBinary(bytes)) throw new UnreadableInput(false, "binary file, not text");
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes, format == InputFormat.HTML);
        if (decoded.text().isBlank()) throw new UnreadableInput(false, "file holds only white space");
        // What the capture says of itself comes first: it is covered by the SHA-256; the sidecar may be edited.
        var captured = CaptureEvidence.find(format, decoded.text()).or(() -> captureLog.capturedAt(file));
        return new RawArticle(origin, format, decoded.text(), sha256, decoded.encoding(), captured);
    }

    /** The regular files under {@code dir} in path order; each entry is looked at once, without following links. */
    private static List<Path> files(Path dir, List<Problem> skipped) {
        List<Path> out = new ArrayList<>();
        List<Path> links = new ArrayList<>();
        List<Problem> unreadable = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                    if (a.isSymbolicLink()) links.add(p);
                    else if (a.isRegularFile()) out.add(p);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                    if (a.isSymbolicLink()) {
                        links.add(d);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
                    if (p.equals(dir)) throw e;
                    unreadable.add(Problem.of(relative(dir, p), "cannot be read (" + e.getMessage() + ")"));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        out.sort(null);
        links.sort(null);
        for (Path p : links) skipped.add(Problem.of(relative(dir, p), "symbolic links are not followed"));
        skipped.addAll(unreadable);
        return out;
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    static String stemPath(String origin) {
        int slash = origin.lastIndexOf('/');
        int dot = origin.lastIndexOf('.');
        return dot > slash + 1 ? origin.substring(0, dot) : origin;
    }

    /** Hex SHA-256 of bytes: how inputs and captures are identified. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An input that cannot become an article; {@code skip} when it is simply not an article. */
    private static final class UnreadableInput extends IOException {
        private final boolean skip;

        UnreadableInput(boolean skip, String message) {
            super(message);
            this.skip = skip;
        }
    }
}
