package clippings.output;

import clippings.cache.FolderWatch;
import clippings.cache.ProcessMemory;
import clippings.cache.SiteFileRecord;
import clippings.cache.SortedLike;
import clippings.model.OutputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The site being written. Files go to a staging folder beside the output folder; {@link #commit()} swaps it in,
 * so a failed or killed build leaves the previous site as it was. Two files whose paths differ only in case
 * are refused: they would overwrite each other on macOS and Windows.
 * <p>Incremental builds: given what the previous build wrote (a digest of each file's inputs), a pending file
 * whose digest is unchanged is not produced at all, and the site is updated in place: only the files produced
 * are staged, and {@link #commit()} moves each into the site (one atomic rename per file) and removes files
 * the new site no longer has, unless nearly every file changed. Swapping a whole copy in would cost a hard link
 * per unchanged file and the removal of the old tree, which at tens of thousands of files takes longer than the
 * rest of a small rebuild.
 * A build killed while moving files in leaves a marker beside the site; the next build then writes a whole new
 * site and swaps it in. Either way the result is byte for byte what writing every file would give.
 * <p>Thread-safe: pages may be written from several threads.
 */
public final class SiteOutput implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final ConcurrentHashMap<String, String> paths;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger kept = new AtomicInteger();
    private final Map<String, SiteFileRecord> previous;
    /**
     * The previous files of each group by the group's name (before its {@code @}), made on first use: each kept
     * group looked through all the site's files for its own, three times a build (#7).
     */
    private Map<String, List<Map.Entry<String, SiteFileRecord>>> previousGroups;
    /** Whether the site in {@code target} is updated rather than replaced; see the class comment. */
    private final boolean inPlace;
    /** The files produced in the staging folder, to move into the site when updating it in place. */
    private final Set<String> produced = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, SiteFileRecord> written;
    private final ConcurrentHashMap<Path, Boolean> directories = new ConcurrentHashMap<>();
    /** What was touched in the site since the last build, when a watch knows it; null when every file is looked at. */
    private final FolderWatch.Changes changes;
    /**
     * The last site's files that {@code changes} touches, found by range in its sorted record; null when it is not
     * sorted, and {@code changes} is asked of each file: hashing each of 40,000 paths as it was read was 10 ms
     * of every edit in serve (#7).
     */
    private final Set<String> touched;
    /** Whether the site is kept under a watch from one build to the next (see {@link #begin(Path, Map, boolean)}). */
    private final boolean watched;
    /**
     * The named groups of the last site this process committed to each folder that have a file whose path has
     * capitals. A named group's files are a function of its name (keepGroup relies on it), so the files of a kept
     * group not among them need no look at their case: looking at each of the 38,800 kept paths took 6 ms of
     * every edit in serve at 10,000 articles (#7).
     */
    private static final ConcurrentHashMap<Path, Set<String>> CAPITALISED = new ConcurrentHashMap<>();

    static {
        ProcessMemory.onForget(CAPITALISED::clear);
    }

    /** {@link #CAPITALISED} for the last site, when this process committed it under a watch; else null. */
    private final Set<String> lastCapitalised;
    /** The groups of this site that have a file whose path has capitals (so far). */
    private final Set<String> capitalised = ConcurrentHashMap.newKeySet();
    private boolean committed;

    private SiteOutput(Path target, Path staging, Map<String, SiteFileRecord> previous, boolean inPlace,
                       Optional<FolderWatch.Changes> changes, boolean watched) {
        this.watched = watched;
        this.lastCapitalised = watched && inPlace ? CAPITALISED.get(target) : null;
        this.target = target;
        this.staging = staging;
        this.previous = previous;
        this.inPlace = inPlace;
        this.changes = changes.orElse(null);
        this.touched = this.changes == null ? null : SortedLike.ranges(previous)
                .map(r -> touchedFiles(this.changes, previous, r)).orElse(null);
        // Sized for the last site: growing two maps of tens of thousands of files, entry by entry, showed in
        // every incremental build's profile (#7).
        int expected = Math.max(16, previous.size() + previous.size() / 2);
        this.paths = new ConcurrentHashMap<>(expected);
        this.written = new ConcurrentHashMap<>(expected);
    }

    /** Starts writing a new site for {@code target}, removing what earlier interrupted builds left behind. */
    public static SiteOutput begin(Path target) {
        return begin(target, Map.of());
    }

    /**
     * Starts writing a new site that may reuse files of the site now in {@code target}.
     *
     * @param previous what the build that wrote {@code target} recorded of its files
     */
    public static SiteOutput begin(Path target, Map<String, SiteFileRecord> previous) {
        return begin(target, previous, false);
    }

    /**
     * Like {@link #begin(Path, Map)}; when {@code watched}, the site is kept under a {@link FolderWatch} from one
     * build to the next, for processes that build it again and again, and only the files it reports touched are
     * looked at.
     */
    public static SiteOutput begin(Path target, Map<String, SiteFileRecord> previous, boolean watched) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.getParent());
            // A build killed while updating the site in place left it half updated: nothing of it can be trusted.
            boolean interrupted = Files.exists(updatingMarker(abs));
            removeLeftovers(abs);
            Path staging = Files.createTempDirectory(abs.getParent(), leftoverPrefix(abs) + "staging-");
            // Temp folders are private (0700); a published site must be readable by the web server.
            if (staging.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            boolean reusable = Files.isDirectory(abs) && !interrupted && !previous.isEmpty();
            Optional<FolderWatch.Changes> changes = watched ? FolderWatch.changesTo(abs) : Optional.empty();
            return new SiteOutput(abs, staging, reusable ? previous : Map.of(), reusable,
                    reusable ? changes : Optional.empty(), watched);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + target, e);
        }
    }

    /** Writes one file of the site. */
    public void write(OutputFile file) {
        write(file, "");
    }

    /**
     * Writes one file of a group of files produced together, named {@code name@digest} where the digest is of
     * all the group's inputs: {@link #keepGroup} can later keep the whole group without producing any of it.
     */
    public void write(OutputFile file, String group) {
        if (claim(file.path())) capitalised.add(group);
        Path p = staging.resolve(file.path());
        if (file.digest().isPresent() && keep(file.path(), file.digest().get(), group)) return;
        try {
            byte[] content = file.content();
            // Every file is recorded, so that an in-place update knows which files of the site are its own.
            String digest = file.digest().orElseGet(() -> "content:" + clippings.cache.Digests.of(content));
            if (file.digest().isEmpty() && keep(file.path(), digest, group)) return;
            createParent(p);
            Files.write(p, content);
            produced.add(file.path());
            bytes.addAndGet(content.length);
            written.put(file.path(), new SiteFileRecord(digest, content.length,
                    Files.getLastModifiedTime(p).toMillis(), group));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p, e);
        }
    }

    /**
     * Keeps every file the previous build wrote for the group {@code name} when it was made from the same
     * inputs ({@code digest}), and says whether it did; if not, the caller produces the group again.
     */
    public boolean keepGroup(String name, String digest) {
        return keepGroup(name, digest, Set.of());
    }

    /**
     * Like {@link #keepGroup(String, String)}, but leaves out the members in {@code except}, which the caller
     * produces again whether or not this keeps the rest.
     */
    public boolean keepGroup(String name, String digest, Set<String> except) {
        return keepGroup(name, digest, digest, except::contains);
    }

    /**
     * Keeps, under {@code name@digest}, every file the previous build wrote for the group {@code name@from} but
     * those {@code except} names, and says whether it did: for a caller that knows which of the group's files
     * its new inputs can change, and produces those again.
     */
    public boolean keepGroup(String name, String from, String digest, java.util.function.Predicate<String> except) {
        String previousGroup = name + "@" + from;
        String group = name + "@" + digest;
        List<Map.Entry<String, SiteFileRecord>> members = new ArrayList<>();
        String same = null; // the group's name as the records hold it: most share one string
        for (var e : previousGroups().getOrDefault(name, List.of())) {
            String g = e.getValue().group();
            if (except.test(e.getKey())) continue;
            if (g != same) {
                if (!g.equals(previousGroup)) return false;
                same = g;
            }
            members.add(e);
        }
        // One look at each file, on every core: tens of thousands of pages are kept after an edit (#7).
        if (members.isEmpty() || !members.parallelStream().allMatch(m -> unchangedOnDisk(m.getKey(), m.getValue()))) {
            return false;
        }
        recordKept(members, group);
        return true;
    }

    /**
     * Records kept files, each under {@code group} or, when it is null, under its own: on every core, as recording
     * 20,000 kept files one by one was 10-20 ms of an edit. The last build claimed them without a clash, so their
     * order cannot change which clash is told.
     */
    private void recordKept(java.util.Collection<Map.Entry<String, SiteFileRecord>> files, String group) {
        files.parallelStream().forEach(f -> {
            String path = f.getKey();
            String into = group != null ? group : f.getValue().group();
            if (knownLowerCase(f.getValue().group()) || isLowerCase(path)) {
                record(path, f.getValue(), into);
                claimedKept(path);
            } else {
                claim(path);
                capitalised.add(into);
                record(path, f.getValue(), into);
            }
        });
        // Counted once: two threads adding each file's size to the same counters made them wait on each other.
        long size = 0;
        for (var f : files) size += f.getValue().size();
        bytes.addAndGet(size);
        kept.addAndGet(files.size());
    }

    private synchronized Map<String, List<Map.Entry<String, SiteFileRecord>>> previousGroups() {
        if (previousGroups == null) {
            previousGroups = new HashMap<>();
            // A site has a few dozen groups: a record's list is found by its whole group, rather than by a name
            // cut out of each of 40,000 records, which showed in what an edit allocated (#7).
            Map<String, List<Map.Entry<String, SiteFileRecord>>> byGroup = new HashMap<>();
            // In any order: a group's members are claimed without a clash whatever their order (see keepGroup).
            for (var e : SortedLike.unordered(previous).entrySet()) {
                String g = e.getValue().group();
                List<Map.Entry<String, SiteFileRecord>> members = byGroup.get(g);
                if (members == null) {
                    int at = g.indexOf('@');
                    members = at > 0 ? previousGroups.computeIfAbsent(g.substring(0, at), k -> new ArrayList<>())
                            : new ArrayList<>();
                    byGroup.put(g, members);
                }
                members.add(e);
            }
        }
        return previousGroups;
    }

    /**
     * Keeps every file of the previous site when none was changed on disk since, and says whether it did; if
     * not, nothing was kept and the caller produces the site's files.
     */
    public boolean keepAll() {
        if (!inPlace || !paths.isEmpty() || !written.isEmpty()) return false;
        if (!previous.entrySet().parallelStream().allMatch(e -> unchangedOnDisk(e.getKey(), e.getValue()))) return false;
        recordKept(previous.entrySet(), null);
        return true;
    }

    /** What this build wrote or kept, for the next build. */
    public Map<String, SiteFileRecord> record() {
        // A view, not a sorted copy: the cache sorts it when it writes it, which serve and the daemon do after
        // the reply (#7).
        return java.util.Collections.unmodifiableMap(written);
    }

    /** How many files were kept from the previous site rather than produced. */
    public int kept() {
        return kept.get();
    }

    /**
     * Claims a path for one file, and says whether it has capitals: refused when another file has it, or a path
     * that differs only in case. A kept file whose path is in lower case, as nearly all are, is not claimed (see
     * {@link #claimedKept}): putting 38,800 paths into the map of claims after every edit in serve was 14 ms of
     * its CPU at 10,000 articles (#7). So a path is checked against the files recorded so far too; a kept file
     * recorded meanwhile checks the claims after it is recorded, and of two threads doing so at once one sees the
     * other's entry.
     */
    private boolean claim(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String previousPath = paths.putIfAbsent(lower, path);
        // Each side writes its map, then reads the other's: fenced, one of two threads sees the other.
        java.lang.invoke.VarHandle.fullFence();
        if (previousPath == null && written.containsKey(lower)) previousPath = lower;
        if (previousPath != null) throw clash(previousPath, path);
        return !lower.equals(path);
    }

    /** Whether every file of the last site's named group has a lower-case path, as this process committed it. */
    private boolean knownLowerCase(String group) {
        return lastCapitalised != null && !group.isEmpty() && !lastCapitalised.contains(group);
    }

    /** Checks a kept file recorded under its own lower-case path against the claims (see {@link #claim}). */
    private void claimedKept(String path) {
        java.lang.invoke.VarHandle.fullFence();
        String claimed = paths.get(path);
        if (claimed != null) throw clash(path, claimed);
    }

    private static IllegalStateException clash(String previousPath, String path) {
        return new IllegalStateException(previousPath.equals(path)
                ? "two pages would be written to " + path
                : "pages " + previousPath + " and " + path + " differ only in case");
    }

    /**
     * Whether {@code path.toLowerCase(Locale.ROOT)} is the path itself. ASCII is looked at a character at a time:
     * the JDK's lower-casing and a check of each code point took 8 and 22 ms for a site's 38,800 paths (#7).
     */
    static boolean isLowerCase(String path) {
        for (int i = 0, n = path.length(); i < n; i++) {
            char c = path.charAt(i);
            if (c < 'A') continue;
            if (c <= 'Z') return false;
            if (c >= 0x80) return path.toLowerCase(Locale.ROOT).equals(path);
        }
        return true;
    }

    /** Keeps the site's file when it was made from the same inputs (only when updating the site in place). */
    private boolean keep(String path, String digest, String group) {
        SiteFileRecord old = previous.get(path);
        if (old == null || !old.digest().equals(digest) || !unchangedOnDisk(path, old)) return false;
        recordKept(path, old, group);
        return true;
    }

    private void recordKept(String path, SiteFileRecord old, String group) {
        record(path, old, group);
        bytes.addAndGet(old.size());
        kept.incrementAndGet();
    }

    /** Records a kept file without counting it; refused when another file has its path. */
    private void record(String path, SiteFileRecord old, String group) {
        // Most edits keep a group under its own name: its 20,000 records are then taken as they are.
        SiteFileRecord before = written.put(path, old.group().equals(group) ? old
                : new SiteFileRecord(old.digest(), old.size(), old.modified(), group));
        if (before != null) throw clash(path, path);
    }

    private boolean unchangedOnDisk(String path, SiteFileRecord old) {
        if (touched != null ? !touched.contains(path) : changes != null && !changes.touches(path)) return true;
        try {
            BasicFileAttributes a = Files.readAttributes(target.resolve(path), BasicFileAttributes.class);
            return a.isRegularFile() && a.size() == old.size() && a.lastModifiedTime().toMillis() == old.modified();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The files of {@code record} that {@link FolderWatch.Changes#touches} names: touched, or under a touched
     * folder.
     */
    static Set<String> touchedFiles(FolderWatch.Changes changes, Map<String, ?> record, SortedLike.Ranges ranges) {
        Set<String> files = new HashSet<>();
        for (String path : changes.paths()) {
            if (record.containsKey(path)) files.add(path);
            // '0' follows '/': the range holds every path that starts with the folder and a slash.
            files.addAll(ranges.keysBetween(path + "/", path + "0"));
        }
        return files;
    }

    /** Creates each folder once; another thread writing into the same folder waits until it exists. */
    private void createParent(Path p) throws IOException {
        try {
            directories.computeIfAbsent(p.getParent(), dir -> {
                try {
                    Files.createDirectories(dir);
                    return Boolean.TRUE;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The files of the new site so far: written and kept. */
    public int files() {
        return written.size();
    }

    public long bytes() {
        return bytes.get();
    }

    /** Keeps, for the next build of this process, which groups of the site just committed have capitals. */
    private void rememberCapitalised() {
        if (watched) CAPITALISED.put(target, Set.copyOf(capitalised));
        else CAPITALISED.remove(target);
    }

    /** Replaces the output folder by the new site, or updates it in place (see the class comment). */
    public void commit() {
        // A rename per changed file costs less than a swap, which links every unchanged file into the copy and
        // then deletes the whole old tree (2-3 s after a template change at 10,000 articles, #7). A swap is kept
        // for when nearly every file changed, where it costs about the same and changes the site at once.
        if (inPlace && produced.size() * 10 < written.size() * 9) {
            update();
            return;
        }
        try {
            if (inPlace) linkKeptFiles();
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling(leftoverPrefix(target) + "old-" + System.nanoTime());
                move(target, old);
            }
            // Watched from before it is moved in, the new site needs no look at each of its files next time.
            if (watched) FolderWatch.swapIn(staging, target, written.keySet(), () -> move(staging, target));
            else move(staging, target);
            committed = true;
            rememberCapitalised();
            Files.deleteIfExists(updatingMarker(target));
            if (old != null) delete(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + target, e);
        }
    }

    /** Hard-links (or copies) every file kept from the site into the staging folder, to swap a whole site in. */
    private void linkKeptFiles() throws IOException {
        for (String path : new TreeSet<>(written.keySet())) {
            if (produced.contains(path)) continue;
            Path to = staging.resolve(path);
            Path from = target.resolve(path);
            createParent(to);
            try {
                Files.createLink(to, from);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private void update() {
        Path marker = updatingMarker(target);
        try {
            Files.write(marker, new byte[0]);
            Set<Path> made = new HashSet<>();
            for (String path : new TreeSet<>(produced)) {
                Path to = target.resolve(path);
                if (made.add(to.getParent())) Files.createDirectories(to.getParent());
                moveOver(staging.resolve(path), to);
            }
            removeStrangers();
            committed = true;
            rememberCapitalised();
            delete(staging);
            Files.delete(marker);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + target, e);
        }
    }

    /**
     * Removes what the new site does not have: files of the previous one it no longer needs, files put there
     * by hand, and the folders that leaves empty (a clean build would have none of them). Only the names in the
     * site's own folders are listed, without looking at each file: that is what makes this cheap.
     */
    private void removeStrangers() throws IOException {
        Optional<SortedLike.Ranges> ranges = changes != null ? SortedLike.ranges(previous) : Optional.empty();
        SiteFolders folders = ranges.<SiteFolders>map(RangedFolders::new).orElseGet(AllFolders::new);
        // Names only (no Path per entry), and folders side by side: 40,000 names at 10,000 articles (#7).
        List<Path> strangers = (changes == null ? folders.all() : foldersToLook(folders)).parallelStream().flatMap(folder -> {
            Path dir = folder.isEmpty() ? target : target.resolve(folder);
            String[] names = dir.toFile().list();
            if (names == null) return java.util.stream.Stream.<Path>empty();
            List<Path> found = new ArrayList<>();
            for (String name : names) {
                String path = folder.isEmpty() ? name : folder + "/" + name;
                if (!written.containsKey(path) && !folders.contains(path)) found.add(dir.resolve(name));
            }
            return found.stream();
        }).sorted().toList();
        for (Path p : strangers) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) continue; // inside a folder removed before it
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) delete(p);
            else Files.delete(p);
        }
    }

    /**
     * With a watch, the only folders that can hold what the new site lacks: those that held a file of the last
     * site this one drops, and those where something was touched since (all the folders under a touched one).
     */
    private Set<String> foldersToLook(SiteFolders folders) {
        List<String> candidates = new ArrayList<>(changes.paths());
        // Every file kept came from the last site, so unless more files are new than the site grew by, none
        // was dropped: most rebuilds need not look the last site's 40,000 paths up (#7).
        long added = produced.stream().filter(p -> !previous.containsKey(p)).count();
        if (previous.size() + added != written.size()) {
            for (String path : previous.keySet()) if (!written.containsKey(path)) candidates.add(path);
        }
        Set<String> look = new HashSet<>();
        for (String c : candidates) {
            // A file of the new site that was touched (most often moved in by the last build) says nothing of
            // its folder: anything else made there is reported apart. Listing the folders of the files an edit
            // wrote, the 3,000 names in tags/ among them, was 4 ms of every edit in serve (#7).
            if (written.containsKey(c)) continue;
            if (folders.contains(c)) {
                look.add(c);
                look.addAll(folders.under(c));
            }
            int slash = c.lastIndexOf('/');
            while (slash > 0 && !folders.contains(c.substring(0, slash))) slash = c.lastIndexOf('/', slash - 1);
            look.add(slash > 0 ? c.substring(0, slash) : "");
        }
        return look;
    }

    /** The folders of the new site: the root and every folder that holds one of its files, however deep. */
    private interface SiteFolders {
        boolean contains(String folder);

        /** The site's folders below {@code folder}. */
        Set<String> under(String folder);

        Set<String> all();
    }

    /** Every folder of the new site, worked out from all its paths. */
    private final class AllFolders implements SiteFolders {
        private final Set<String> folders = FolderWatch.foldersOf(written.keySet());

        @Override
        public boolean contains(String folder) {
            return folders.contains(folder);
        }

        @Override
        public Set<String> under(String folder) {
            Set<String> out = new HashSet<>();
            String under = folder + "/";
            for (String f : folders) if (f.startsWith(under)) out.add(f);
            return out;
        }

        @Override
        public Set<String> all() {
            return folders;
        }
    }

    /**
     * The new site's folders found on demand, in the last site's sorted paths and the few files produced: a
     * watched rebuild asks about a handful of folders, and working out all of them from 40,000 paths was a
     * twentieth of an edit in serve (#7).
     */
    private final class RangedFolders implements SiteFolders {
        private final SortedLike.Ranges last;
        private final Set<String> ofProduced = FolderWatch.foldersOf(produced);

        RangedFolders(SortedLike.Ranges last) {
            this.last = last;
        }

        @Override
        public boolean contains(String folder) {
            if (folder.isEmpty() || ofProduced.contains(folder)) return true;
            // Kept files all come from the last site: a folder whose last files were all dropped is not one.
            for (String path : range(folder)) if (written.containsKey(path)) return true;
            return false;
        }

        @Override
        public Set<String> under(String folder) {
            Set<String> kept = new HashSet<>();
            for (String path : range(folder)) if (written.containsKey(path)) kept.add(path);
            Set<String> out = FolderWatch.foldersOf(kept);
            for (String f : ofProduced) out.add(f);
            out.removeIf(f -> !f.startsWith(folder + "/"));
            return out;
        }

        @Override
        public Set<String> all() {
            return FolderWatch.foldersOf(written.keySet());
        }

        /** The last site's paths below {@code folder}: between {@code folder/} and {@code folder0}. */
        private java.util.Collection<String> range(String folder) {
            return folder.isEmpty() ? previous.keySet() : last.keysBetween(folder + "/", folder + "0");
        }
    }

    /** The root and every folder holding one of the paths. */
    private static Path updatingMarker(Path target) {
        return target.resolveSibling(leftoverPrefix(target) + "updating");
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

    private static void moveOver(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        delete(dir);
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
