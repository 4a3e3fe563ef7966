package clippings.output;

import clippings.model.OutputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The site being written. Files go to a staging folder beside the output folder; {@link #commit()} swaps it in,
 * so a failed or killed build leaves the previous site as it was. Two files whose paths differ only in case
 * are refused: they would overwrite each other on macOS and Windows.
 * <p>Thread-safe: pages may be written from several threads.
 */
public final class SiteOutput implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final ConcurrentHashMap<String, String> paths = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private boolean committed;

    private SiteOutput(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Starts writing a new site for {@code target}, removing what earlier interrupted builds left behind. */
    public static SiteOutput begin(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.getParent());
            removeLeftovers(abs);
            Path staging = Files.createTempDirectory(abs.getParent(), leftoverPrefix(abs) + "staging-");
            // Temp folders are private (0700); a published site must be readable by the web server.
            if (staging.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return new SiteOutput(abs, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + target, e);
        }
    }

    /** Writes one file of the site. */
    public void write(OutputFile file) {
        String previous = paths.putIfAbsent(file.path().toLowerCase(Locale.ROOT), file.path());
        if (previous != null) {
            throw new IllegalStateException(previous.equals(file.path())
                    ? "two pages would be written to " + file.path()
                    : "pages " + previous + " and " + file.path() + " differ only in case");
        }
        Path p = staging.resolve(file.path());
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, file.content());
            bytes.addAndGet(file.content().length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p, e);
        }
    }

    public int files() {
        return paths.size();
    }

    public long bytes() {
        return bytes.get();
    }

    /** Replaces the output folder by the new site. */
    public void commit() {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling(leftoverPrefix(target) + "old-" + System.nanoTime());
                move(target, old);
            }
            move(staging, target);
            committed = true;
            if (old != null) delete(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + target, e);
        }
    }

    /** Throws the staging folder away unless the site was committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                delete(staging);
            } catch (IOException e) {
                // The next build removes it (removeLeftovers); a failed build should report its own error.
            }
        }
    }

    private static String leftoverPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    /**
     * Removes what killed builds left. A build killed between its two renames leaves no output folder but the
     * previous site under {@code .NAME.old-*}: that site is put back first.
     */
    private static void removeLeftovers(Path target) throws IOException {
        String prefix = leftoverPrefix(target);
        if (!Files.exists(target)) {
            try (DirectoryStream<Path> olds = Files.newDirectoryStream(target.getParent(), prefix + "old-*")) {
                for (Path old : olds) {
                    move(old, target);
                    break;
                }
            }
        }
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(), prefix + "*")) {
            for (Path p : siblings) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix + "staging-") || name.startsWith(prefix + "old-")) delete(p);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
