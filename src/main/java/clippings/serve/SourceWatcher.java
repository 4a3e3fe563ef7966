package clippings.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Watches the sources of the site (folders recursively, single files through their folder) and calls back once
 * the changes have settled for the debounce time, so that an editor's burst of writes costs one build.
 * Callbacks run on the watching thread, one at a time; changes made during a build trigger the next one.
 * <p>Not reusable: {@link #run()} once, on its own thread; {@link #close()} from any thread stops it.
 */
final class SourceWatcher implements Runnable, AutoCloseable {
    /** One settled burst of changes: the paths seen and when the first of them was noticed. */
    record Change(List<Path> paths, long firstSeenNanos) {
    }

    interface Listener {
        void changed(Change change);
    }

    private final WatchService service;
    private final Duration debounce;
    private final Listener listener;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    /** Folders watched only for some of their files (the config beside site/ and its staging folders). */
    private final Map<Path, Set<Path>> onlyFiles = new HashMap<>();
    private final Set<Path> recursive = new HashSet<>();

    SourceWatcher(List<Path> watched, Duration debounce, Listener listener) {
        this.debounce = debounce;
        this.listener = listener;
        try {
            this.service = FileSystems.getDefault().newWatchService();
            for (Path p : watched) {
                Path abs = p.toAbsolutePath().normalize();
                if (Files.isDirectory(abs)) {
                    recursive.add(abs);
                    registerTree(abs);
                } else if (abs.getParent() != null && Files.isDirectory(abs.getParent())) {
                    // The file may not exist yet (clippings.yml added later): watch its folder for its name.
                    onlyFiles.computeIfAbsent(abs.getParent(), k -> new HashSet<>()).add(abs);
                    register(abs.getParent());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the sources", e);
        }
    }

    @Override
    public void run() {
        List<Path> pending = new ArrayList<>();
        long firstSeen = 0;
        try {
            while (true) {
                WatchKey key = pending.isEmpty() ? service.take()
                        : service.poll(Math.max(1, debounce.toMillis()), TimeUnit.MILLISECONDS);
                if (key == null) {
                    listener.changed(new Change(List.copyOf(pending), firstSeen));
                    pending.clear();
                    continue;
                }
                long now = System.nanoTime();
                Path folder = folders.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    Path changed = event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null ? folder
                            : folder.resolve((Path) event.context());
                    if (changed == null || !relevant(folder, changed)) continue;
                    if (pending.isEmpty()) firstSeen = now;
                    pending.add(changed);
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)
                            && isRecursive(changed)) {
                        pending.addAll(registerTree(changed));
                    }
                }
                if (!key.reset()) folders.remove(key);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // close() was called: done.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // Nothing left to release that the JVM will not release at exit.
        }
    }

    private boolean relevant(Path folder, Path changed) {
        Set<Path> files = onlyFiles.get(folder);
        return isRecursive(changed) || (files != null && files.contains(changed));
    }

    private boolean isRecursive(Path p) {
        for (Path root : recursive) if (p.startsWith(root)) return true;
        return false;
    }

    /**
     * Registers a folder before listing it, then its sub-folders: a sub-folder created meanwhile is either listed
     * or reported by the registered parent, never missed (as it would be if the tree were listed first).
     *
     * @return the files found: in a folder created while watching, they were written before it was registered
     */
    private List<Path> registerTree(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                register(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                files.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;  // deleted while we walked: its parent reports that
            }
        });
        return files;
    }

    private void register(Path dir) throws IOException {
        if (folders.containsValue(dir)) return;
        WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
        folders.put(key, dir);
    }
}
