package clippings.cache;

import clippings.cache.BodyPacks.Location;
import clippings.model.ArticleBody;
import clippings.model.BodyRef;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Article bodies on disk, named by their digests: the build keeps only digests in memory and loads a body when a
 * page, feed or search shard needs it. Bodies are appended to pack files (see {@link BodyPacks}), a new pack for
 * each build that stores any, and a record once written is never changed; {@link #keepOnly} removes packs that
 * hold no body in use and packs the rest of sparse or small packs together again. Bodies are read only in the
 * phases after the one that stores them.
 * <p>Thread-safe.
 */
public final class BodyStore {
    private static final RecordCodec CODEC = RecordCodec.writer();
    /** A pack is finished past this size, so that packing a sparse one together again copies little. */
    static final long PACK_LIMIT = 64L << 20;
    /** Packs under this size are packed together once there are {@value #SMALL_PACKS}: each edit makes one. */
    static final long SMALL_PACK = 4L << 20;
    static final int SMALL_PACKS = 8;
    /** A pack without an index this much older than the store was cut short by a crash, not being written. */
    private static final long ABANDONED_MILLIS = 60 * 60 * 1000L;
    /** Each folder's packs, for the next build of a process that builds again (serve, the daemon). */
    private static final Map<Path, BodyPacks> KEPT = new ConcurrentHashMap<>();

    static {
        ProcessMemory.onForget(() -> {
            KEPT.values().forEach(BodyPacks::close);
            KEPT.clear();
        });
    }

    /**
     * Forgets what this process kept of the packs in {@code dir}, which was cleared because the cache was
     * damaged: the bodies a failed build put in a pack it never finished are not there, and the tasks of that
     * build still running read through the packs they had, not through the next build's.
     */
    public static void forgetKept(Path dir) {
        BodyPacks packs = KEPT.remove(dir.toAbsolutePath().normalize());
        if (packs != null) packs.close();
    }

    private final Path dir;
    private final BodyPacks packs;
    private final long opened = System.currentTimeMillis();
    /** The pack this store appends to, made on the first body stored. */
    private PackWriter writer;

    public BodyStore(Path dir) {
        this(dir, false);
    }

    /**
     * A store that, when {@code kept} and the process keeps its work between builds, starts from the last
     * build's knowledge of the packs and reads only the indexes written since: the folder holds a few files.
     */
    public BodyStore(Path dir, boolean kept) {
        this.dir = dir;
        if (kept && ProcessMemory.keeping()) {
            packs = KEPT.computeIfAbsent(dir.toAbsolutePath().normalize(), BodyPacks::new);
            packs.stale();
        } else {
            packs = new BodyPacks(dir);
        }
    }

    /** Stores the body unless it is already there, and returns a reference that loads it from disk. */
    public BodyRef put(BodyRef body) {
        String digest = body.digest();
        if (packs.find(digest) == null) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    CODEC.write(out, body.load());
                }
                byte[] record = BodyPacks.record(digest, bytes.toByteArray());
                synchronized (this) {
                    if (writer == null) writer = new PackWriter();
                    packs.add(digest, writer.append(digest, record));
                    if (writer.size >= PACK_LIMIT) finishWriting();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the build cache in " + dir, e);
            }
        }
        return ref(digest);
    }

    /**
     * Writes the index of the pack this store was appending to: until then, only this process knows the bodies in
     * it. A build calls it when its article stage is over.
     */
    public synchronized void finishWriting() {
        if (writer == null) return;
        try {
            writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build cache in " + dir, e);
        } finally {
            writer = null;
        }
    }

    /** A reference to a stored body; whether it is really there is checked by {@link #has}. */
    public BodyRef ref(String digest) {
        return BodyRef.stored(digest, () -> load(digest));
    }

    /**
     * Whether the body is on disk, by the packs' indexes (read once). Only digests were stored, so a name found
     * is one; a name not found is checked, so that a damaged cache record does not pass for a missing body.
     */
    public boolean has(String digest) {
        if (packs.find(digest) != null) return true;
        checked(digest);
        return false;
    }

    /**
     * Loads a body and checks it: a damaged cache file must fail the build's use of the cache, never publish
     * another text. The check is a CRC-32C of the record (intrinsic in the C1 compiler the builds run with) and
     * the digest written in it, not a hash of the body: when that was SHA-256, hashing every body on every load
     * (three or four loads per article) took a third of writing the site (#7).
     */
    ArticleBody load(String digest) {
        Location at = packs.find(checked(digest));
        byte[] record;
        try {
            if (at == null) throw new CorruptCacheException("body " + digest + " is not in the cache");
            record = packs.record(digest, at);
        } catch (CorruptCacheException e) {
            // Another process may have packed it elsewhere since the folder was listed.
            packs.refresh();
            Location again = packs.find(digest);
            if (again == null || again.equals(at)) throw e;
            record = packs.record(digest, again);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record, BodyPacks.HEADER,
                record.length - BodyPacks.HEADER))) {
            return CODEC.read(in, ArticleBody.class);
        } catch (IOException | RuntimeException e) {
            throw new CorruptCacheException("cannot read body " + digest + ": " + e.getMessage());
        }
    }

    /**
     * Forgets bodies no article refers to any more: removes the packs that hold none in use, packs together the
     * bodies in use of packs that are more than half unused, and of the small packs once there are
     * {@value #SMALL_PACKS} of them, and removes what is no pack (files of the one-file-per-body layout, temporary
     * files and packs that a crash left without an index). Best effort: what is left is only space.
     */
    public void keepOnly(Set<String> digests) {
        finishWriting();
        String[] names = dir.toFile().list();
        if (names == null) return;
        try {
            packs.refresh();
            packs.where().keySet().removeIf(d -> !digests.contains(d));
            Map<String, Long> live = new HashMap<>();
            for (Location l : packs.where().values()) live.merge(l.pack(), (long) l.length(), Long::sum);
            Set<String> drop = new HashSet<>();
            Set<String> repack = new HashSet<>();
            List<String> small = new ArrayList<>();
            for (String name : names) {
                Path file = dir.resolve(name);
                if (name.endsWith(BodyPacks.PACK)) {
                    String pack = BodyPacks.stem(name, BodyPacks.PACK);
                    if (!packs.isIndexed(pack)) {
                        if (abandoned(file)) Files.deleteIfExists(file);
                        continue;
                    }
                    long size = Files.size(file);
                    long used = live.getOrDefault(pack, 0L);
                    if (used == 0) drop.add(pack);
                    else if (used * 2 < size) repack.add(pack);
                    else if (size < SMALL_PACK) small.add(pack);
                } else if (name.endsWith(BodyPacks.INDEX)) {
                    String pack = BodyPacks.stem(name, BodyPacks.INDEX);
                    if (!Files.exists(dir.resolve(pack + BodyPacks.PACK))) Files.deleteIfExists(file);
                } else if (!name.endsWith(".tmp") || abandoned(file)) {
                    clippings.output.SiteOutput.deleteTree(file);
                }
            }
            if (small.size() >= SMALL_PACKS) repack.addAll(small);
            if (!repack.isEmpty()) {
                pack(repack);
                drop.addAll(repack);
            }
            packs.forget(drop);
            for (String pack : drop) {
                // The index first: a process listing the folder meanwhile does not learn of a pack going away.
                Files.deleteIfExists(dir.resolve(pack + BodyPacks.INDEX));
                Files.deleteIfExists(dir.resolve(pack + BodyPacks.PACK));
            }
        } catch (IOException | RuntimeException e) {
            // Left for a later build: unused bodies only take space, and a damaged pack fails the build that loads
            // from it, which then starts from an empty cache.
        }
    }

    /** Copies the bodies in use of these packs into new packs. A damaged body is left out, to be made again. */
    private void pack(Set<String> from) throws IOException {
        PackWriter into = null;
        try {
            for (var e : new ArrayList<>(packs.where().entrySet())) {
                if (!from.contains(e.getValue().pack())) continue;
                byte[] record;
                try {
                    record = packs.record(e.getKey(), e.getValue());
                } catch (CorruptCacheException damaged) {
                    packs.where().remove(e.getKey());
                    continue;
                }
                if (into == null) into = new PackWriter();
                packs.add(e.getKey(), into.append(e.getKey(), record));
                if (into.size >= PACK_LIMIT) {
                    into.finish();
                    into = null;
                }
            }
        } finally {
            if (into != null) into.finish();
        }
    }

    private boolean abandoned(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toMillis() < opened - ABANDONED_MILLIS;
    }

    /** A new pack of this process: its records are appended, and its index written when it is finished. */
    private final class PackWriter {
        private final String name;
        private final FileChannel channel;
        private final Map<String, Location> entries = new LinkedHashMap<>();
        private long size;

        PackWriter() throws IOException {
            Files.createDirectories(dir);
            FileChannel open = null;
            String candidate = null;
            while (open == null) {
                candidate = java.util.HexFormat.of().toHexDigits(
                        java.util.concurrent.ThreadLocalRandom.current().nextLong());
                try {
                    open = FileChannel.open(dir.resolve(candidate + BodyPacks.PACK), StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    // Another pack's name: draw again.
                }
            }
            channel = open;
            name = candidate;
        }

        Location append(String digest, byte[] record) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(record);
            long at = size;
            while (buffer.hasRemaining()) channel.write(buffer, at + buffer.position());
            size += record.length;
            Location l = new Location(name, at, record.length);
            entries.put(digest, l);
            return l;
        }

        void finish() throws IOException {
            channel.close();
            BodyPacks.writeIndex(dir, name, entries);
            packs.indexed(name);
        }
    }

    /** The digest, when it is one (32 lowercase hex digits): a damaged cache record must not pass for a body. */
    private static String checked(String digest) {
        boolean ok = digest.length() == 32;
        for (int i = 0; ok && i < 32; i++) {
            char c = digest.charAt(i);
            ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        }
        if (!ok) throw new CorruptCacheException("not a body digest: " + digest);
        return digest;
    }
}
