package clippings.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What changed in a folder (the site, the content, the cache's bodies) between two builds, as the operating
 * system reports it. A process that builds one archive again and again (serve, the build daemon) keeps a watch
 * on its folders, so that an incremental build looks only at the files something touched instead of at each of
 * the tens of thousands it has (#7); a one-shot build has no watch and looks at every file. Only folders on a
 * local file system of Linux are watched.
 * <p>The report is trusted only when it is complete: a watch just started, one whose folder was swapped for a
 * new one, or one whose events overflowed gives no report, and the build looks at every file as before. A new
 * site that a build swaps in through {@link #swapIn} is watched from before the swap.
 * Changes are reported late rather than never: the build's own writes show up in the next report, where they
 * cost a look each. Writes that no folder event shows (through another hard link, or a memory mapping) are
 * not seen.
 * <p>Thread-safe.
 */
public final class FolderWatch {
    /** How long a report waits for the operating system to deliver the events before it: far longer than it takes. */
    private static final long SYNC_MILLIS = 2000;
    /** A process builds one archive, or a few (tests): each watch is an operating-system resource, so few are kept. */
    private static final int MAX_WATCHES = 6;
    private static final Map<Path, FolderWatch> WATCHES = new java.util.LinkedHashMap<>();
    /**
     * File systems whose changes the kernel itself makes, so that it reports every one of them. A network or
     * shared file system (NFS, SMB, FUSE, 9p, virtiofs, a VM's shared folder) can be changed from elsewhere
     * without an event here: such a folder gets no watch, and builds look at each of its files.
     */
    private static final Set<String> LOCAL = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "ramfs",
            "zfs", "f2fs", "jfs", "reiserfs", "bcachefs", "overlay");
    private static final Map<Path, Boolean> ON_LOCAL = new java.util.concurrent.ConcurrentHashMap<>();
    private static final boolean NATIVE = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT)
            .startsWith("linux");

    /** The watched folder; a folder watched before it was moved into place is known by its new path. */
    private Path root;
    private final WatchService service;
    /** Each watched folder, relative to the root ("" is the root itself); the sync folder is not among them. */
    private final Map<WatchKey, String> folders = new HashMap<>();
    private final Path syncDir;
    private final WatchKey syncKey;
    private final Set<String> touched = new HashSet<>();
    /** The root's identity when it was first watched: a folder swapped in under the same name is another. */
    private Object rootKey;
    private int syncs;
    /** Whether events may have been missed since the watch started: the next report is then not trusted. */
    private boolean lost = true;

    private FolderWatch(Path root) throws IOException {
        this(root, null);
    }

    /** @param files the files under the root, relative to it, when known: their folders are all it has */
    private FolderWatch(Path root, Collection<String> files) throws IOException {
        this.root = root;
        this.service = FileSystems.getDefault().newWatchService();
        try {
            this.syncDir = Files.createTempDirectory("clippings-watch-");
            syncDir.toFile().deleteOnExit(); // empty between reports: each sync file goes once it has come through
            this.syncKey = syncDir.register(service, StandardWatchEventKinds.ENTRY_CREATE);
            if (files == null) registerTree(root);
            else for (String dir : foldersOf(files)) register(root.resolve(dir));
            rootKey = identity(root);
            lost = rootKey == null;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * The folders holding these files (paths relative to a root, {@code /}-separated) and the folders above them,
     * and the root (""): a folder of a site that this process filled holds a file, or it would not have been made.
     */
    public static Set<String> foldersOf(Collection<String> files) {
        Set<String> folders = new HashSet<>();
        folders.add("");
        for (String f : files) {
            int end = f.lastIndexOf('/');
            while (end > 0 && folders.add(f.substring(0, end))) end = f.lastIndexOf('/', end - 1);
        }
        return folders;
    }

    /**
     * The paths (relative to {@code folder}) changed in it since the last call for it, or nothing when that is
     * not known: on the first call, which starts the watch, and whenever events may have been missed. A path
     * stands for everything under it when it is a folder.
     */
    public static synchronized Optional<Changes> changesTo(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        FolderWatch watch = WATCHES.get(root);
        if (watch == null) {
            boolean watchable = Files.isDirectory(root) && ON_LOCAL.computeIfAbsent(root, FolderWatch::local);
            if (!watchable) return Optional.empty();
            WATCHES.entrySet().removeIf(w -> {
                boolean gone = !Files.isDirectory(w.getKey());
                if (gone) w.getValue().close();
                return gone;
            });
            while (WATCHES.size() >= MAX_WATCHES) {
                var oldest = WATCHES.entrySet().iterator().next();
                oldest.getValue().close();
                WATCHES.remove(oldest.getKey());
            }
            try {
                WATCHES.put(root, new FolderWatch(root));
            } catch (IOException | RuntimeException e) {
                // No watch (too many watched folders, say): every build looks at every file, as a one-shot build does.
            }
            return Optional.empty();
        }
        Optional<Changes> changes = watch.report();
        if (changes.isEmpty()) {
            // Lost track (the folder was swapped for a new one, or events overflowed): start again from here.
            watch.close();
            WATCHES.remove(root);
            return changesTo(root);
        }
        return changes;
    }

    /** Moves a folder into place, as {@link #swapIn} asks. */
    @FunctionalInterface
    public interface Move {
        void run() throws IOException;
    }

    /**
     * Moves {@code folder}, which this process has just filled, to {@code target} (by {@code move}), watched from
     * before the move: the next {@link #changesTo} of {@code target} reports what was touched since, where a watch
     * started after the move would give no report, and that build would look at each of the new folder's files.
     * Nothing else knows of {@code folder} before it is moved, so nothing is missed; what is in it, its filler
     * knows. A watch of the folder that {@code target} named before is closed.
     *
     * @param files every file in {@code folder}, relative to it: the folders holding them are watched, which
     *              spares walking the folder (a site's 40,000 files took 400 ms to walk)
     */
    public static synchronized void swapIn(Path folder, Path target, Collection<String> files, Move move)
            throws IOException {
        Path root = target.toAbsolutePath().normalize();
        FolderWatch old = WATCHES.remove(root);
        if (old != null) old.close();
        FolderWatch watch = null;
        if (Files.isDirectory(folder) && local(folder)) {
            try {
                watch = new FolderWatch(folder.toAbsolutePath().normalize(), files);
            } catch (IOException | RuntimeException e) {
                // No watch: the next build looks at every file, as after any other swap.
            }
        }
        try {
            move.run();
        } catch (IOException | RuntimeException e) {
            if (watch != null) watch.close();
            throw e;
        }
        if (watch == null) return;
        watch.root = root;
        while (WATCHES.size() >= MAX_WATCHES) {
            var oldest = WATCHES.entrySet().iterator().next();
            oldest.getValue().close();
            WATCHES.remove(oldest.getKey());
        }
        WATCHES.put(root, watch);
    }

    /**
     * Whether the folder is on Linux, on a file system whose every change the kernel here reports (see
     * {@link #LOCAL}): whether it can have a watch.
     */
    public static boolean local(Path folder) {
        // Elsewhere the JDK's watch service scans folders on a timer: slower than looking at the files once.
        if (!NATIVE) return false;
        try {
            return LOCAL.contains(Files.getFileStore(folder).type().toLowerCase(java.util.Locale.ROOT));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Everything reported since the last report. The sync file written here arrives after every event that came
     * before it, so no change made before this call is left behind in the operating system's queue.
     */
    private Optional<Changes> report() {
        try {
            String marker = "sync-" + (++syncs);
            Files.createFile(syncDir.resolve(marker));
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SYNC_MILLIS);
            boolean synced = false;
            while (!synced) {
                long left = deadline - System.nanoTime();
                WatchKey key = left > 0 ? service.poll(left, TimeUnit.NANOSECONDS) : null;
                if (key == null) return Optional.empty();
                if (key == syncKey) {
                    for (WatchEvent<?> e : key.pollEvents()) {
                        if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                            lost = true;
                            continue;
                        }
                        Files.deleteIfExists(syncDir.resolve(e.context().toString()));
                        synced |= e.context().toString().equals(marker);
                    }
                    if (!key.reset()) return Optional.empty();
                } else {
                    take(key);
                }
            }
            if (lost || !rootKey.equals(identity(root))) return Optional.empty();
            Changes changes = new Changes(touched);
            touched.clear();
            return Optional.of(changes);
        } catch (IOException | UncheckedIOException | ClosedWatchServiceException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void take(WatchKey key) throws IOException {
        String folder = folders.get(key);
        if (folder == null) {
            key.cancel();
            return;
        }
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                lost = true;
                continue;
            }
            String path = folder.isEmpty() ? e.context().toString() : folder + "/" + e.context();
            touched.add(path);
            // A new folder: watched from now on; what was put into it before then counts as touched with it.
            Path p = root.resolve(path);
            if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p)) registerTree(p);
        }
        if (!key.reset()) {
            folders.remove(key);
            // The root itself was moved or removed (a build swapped in a new site): nothing is watched any more.
            if (folder.isEmpty()) lost = true;
        }
    }

    private void registerTree(Path top) throws IOException {
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path dir : (Iterable<Path>) walk.filter(Files::isDirectory)::iterator) register(dir);
        }
    }

    private void register(Path dir) throws IOException {
        WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
        folders.put(key, root.relativize(dir).toString().replace('\\', '/'));
    }

    /** The folder's device and inode: another folder put under the same name has others. */
    private static Object identity(Path folder) throws IOException {
        return Files.readAttributes(folder, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private void close() {
        try {
            service.close();
        } catch (IOException e) {
            // Closing only frees the operating system's watch; nothing to report.
        }
        try (Stream<Path> left = Files.list(syncDir)) {
            for (Path marker : (Iterable<Path>) left::iterator) Files.deleteIfExists(marker);
            Files.deleteIfExists(syncDir);
        } catch (IOException | RuntimeException e) {
            // A stray folder of empty files in the temporary folder.
        }
    }

    /** The paths something touched: a file changed, added or removed, or a folder added or removed. */
    public static final class Changes {
        private final Set<String> paths;
        /** The paths' hash codes, sorted: most lookups end at a miss here. */
        private final int[] hashes;

        public Changes(Set<String> paths) {
            this.paths = Set.copyOf(paths);
            this.hashes = this.paths.stream().mapToInt(String::hashCode).sorted().distinct().toArray();
        }

        public Set<String> paths() {
            return paths;
        }

        /**
         * Whether the file at {@code path} or a folder above it was touched. Asked for each of 40,000 files after
         * every build: each folder above the file is looked up by the hash code of its part of the path, worked
         * out as the path is read, without a substring or a comparison with each touched path (#7).
         */
        public boolean touches(String path) {
            if (hashes.length == 0) return false;
            int h = 0;
            for (int i = 0; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c == '/' && i > 0 && touched(h, path, i)) return true;
                h = 31 * h + c;
            }
            return touched(h, path, path.length());
        }

        /** Whether {@code path.substring(0, end)}, whose hash code is {@code hash}, was touched. */
        private boolean touched(int hash, String path, int end) {
            return java.util.Arrays.binarySearch(hashes, hash) >= 0 && paths.contains(path.substring(0, end));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Changes c && c.paths.equals(paths);
        }

        @Override
        public int hashCode() {
            return paths.hashCode();
        }

        @Override
        public String toString() {
            return "Changes" + paths;
        }
    }
}
