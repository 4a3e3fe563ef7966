package clippings.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each body of a {@link BodyStore}'s folder is: the folder holds pack files, each a run of body records
 * ({@code <name>.pack}), and beside each finished pack the index of its records ({@code <name>.idx}), written
 * whole under a temporary name and renamed into place, so an index is either complete or absent. A pack without
 * an index is one still being written, or one a crash cut short; its records are not known.
 * <p>A record: a CRC-32C of the rest, the payload's length, the body's 32-digit digest in ASCII, and the
 * payload. An index entry: the digest, the record's offset and length, and a CRC-32C of the three. Bodies had
 * been one file each: creating 10,000 files took 7 s of a cold build's CPU at 10,000 articles (#7).
 * <p>Thread-safe.
 */
final class BodyPacks {
    static final String PACK = ".pack";
    static final String INDEX = ".idx";
    static final int HEADER = 4 + 4 + 32;
    static final int ENTRY = 32 + 8 + 4 + 4;

    /** A body's record: which pack, where in it, and how long. */
    record Location(String pack, long offset, int length) {
    }

    private final Path dir;
    private final ConcurrentHashMap<String, Location> where = new ConcurrentHashMap<>();
    /** The packs whose index was read (or written here), by name. */
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, FileChannel> readers = new ConcurrentHashMap<>();
    private volatile boolean listed;

    BodyPacks(Path dir) {
        this.dir = dir;
    }

    /** Where a body is, from the indexes read so far (the folder is listed on first use). */
    Location find(String digest) {
        if (!listed) refresh();
        return where.get(digest);
    }

    /** Records where a body was written in a pack of this process. */
    void add(String digest, Location at) {
        where.put(digest, at);
    }

    /** Records that a pack of this process has its index on disk. */
    void indexed(String pack) {
        indexed.add(pack);
    }

    /** Whether the pack's index was read or written here. */
    boolean isIndexed(String pack) {
        return indexed.contains(pack);
    }

    /** Has the folder listed again on the next lookup: another process may have written or removed packs since. */
    void stale() {
        listed = false;
    }

    /** Forgets every pack and closes them. */
    synchronized void close() {
        forget(new HashSet<>(readers.keySet()));
        where.clear();
        indexed.clear();
        listed = false;
    }

    /**
     * Lists the folder: reads the indexes not read yet and forgets the packs that are gone, with their bodies.
     *
     * @throws CorruptCacheException when an index is damaged
     */
    synchronized void refresh() {
        Set<String> packs = new HashSet<>();
        Set<String> indexes = new HashSet<>();
        String[] names = dir.toFile().list();
        if (names != null) {
            for (String name : names) {
                if (name.endsWith(PACK)) packs.add(stem(name, PACK));
                else if (name.endsWith(INDEX)) indexes.add(stem(name, INDEX));
            }
        }
        Set<String> gone = new HashSet<>();
        for (String pack : indexed) if (!packs.contains(pack) || !indexes.contains(pack)) gone.add(pack);
        if (!gone.isEmpty()) forget(gone);
        for (String pack : indexes) {
            if (packs.contains(pack) && !indexed.contains(pack)) read(pack);
        }
        listed = true;
    }

    /** A pack's name from the name of its pack or index file, which ends in {@code suffix}. */
    static String stem(String fileName, String suffix) {
        return fileName.substring(0, fileName.length() - suffix.length());
    }

    private void read(String pack) {
        Path file = dir.resolve(pack + INDEX);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return; // removed since the listing: its pack goes with it
        } catch (IOException e) {
            throw new CorruptCacheException("cannot read the body index " + file + ": " + e.getMessage());
        }
        if (bytes.length % ENTRY != 0) throw new CorruptCacheException("the body index " + file + " is cut short");
        ByteBuffer in = ByteBuffer.wrap(bytes);
        Map<String, Location> entries = new HashMap<>();
        for (int at = 0; at < bytes.length; at += ENTRY) {
            if (in.getInt(at + ENTRY - 4) != crc(bytes, at, ENTRY - 4)) {
                throw new CorruptCacheException("the body index " + file + " is damaged at byte " + at);
            }
            String digest = new String(bytes, at, 32, StandardCharsets.US_ASCII);
            entries.put(digest, new Location(pack, in.getLong(at + 32), in.getInt(at + 40)));
        }
        where.putAll(entries);
        indexed.add(pack);
    }

    /** Forgets these packs and the bodies in them, and closes them. */
    synchronized void forget(Set<String> packs) {
        where.values().removeIf(l -> packs.contains(l.pack()));
        indexed.removeAll(packs);
        for (String pack : packs) {
            FileChannel c = readers.remove(pack);
            if (c != null) {
                try {
                    c.close();
                } catch (IOException e) {
                    // Only read from: nothing is lost.
                }
            }
        }
    }

    /** A body's whole record, checked against its digest and checksum. */
    byte[] record(String digest, Location at) {
        byte[] bytes = new byte[at.length()];
        try {
            FileChannel c = readers.get(at.pack());
            if (c == null) {
                c = readers.computeIfAbsent(at.pack(), p -> {
                    try {
                        return FileChannel.open(dir.resolve(p + PACK), StandardOpenOption.READ);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                if (c.read(buffer, at.offset() + buffer.position()) < 0) {
                    throw new CorruptCacheException("body " + digest + " is cut short in pack " + at.pack());
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CorruptCacheException("cannot read body " + digest + " from pack " + at.pack() + ": "
                    + e.getMessage());
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length < HEADER || in.getInt(0) != crc(bytes, 4, bytes.length - 4)
                || in.getInt(4) != bytes.length - HEADER
                || !digest.equals(new String(bytes, 8, 32, StandardCharsets.US_ASCII))) {
            throw new CorruptCacheException("body " + digest + " is damaged");
        }
        return bytes;
    }

    /** A record for {@code payload}: checksum, length and digest before it. */
    static byte[] record(String digest, byte[] payload) {
        byte[] bytes = new byte[HEADER + payload.length];
        ByteBuffer out = ByteBuffer.wrap(bytes);
        out.putInt(4, payload.length);
        out.put(8, digest.getBytes(StandardCharsets.US_ASCII));
        out.put(HEADER, payload);
        out.putInt(0, crc(bytes, 4, bytes.length - 4));
        return bytes;
    }

    /** The bodies known, by digest (a live view). */
    Map<String, Location> where() {
        return where;
    }

    /**
     * Writes a pack's index, under a temporary name first: a reader sees the whole index or none.
     */
    static void writeIndex(Path dir, String pack, Map<String, Location> entries) throws IOException {
        byte[] bytes = new byte[entries.size() * ENTRY];
        ByteBuffer out = ByteBuffer.wrap(bytes);
        int at = 0;
        for (var e : entries.entrySet()) {
            out.put(at, e.getKey().getBytes(StandardCharsets.US_ASCII));
            out.putLong(at + 32, e.getValue().offset());
            out.putInt(at + 40, e.getValue().length());
            out.putInt(at + ENTRY - 4, crc(bytes, at, ENTRY - 4));
            at += ENTRY;
        }
        Path tmp = dir.resolve(pack + INDEX + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, dir.resolve(pack + INDEX), StandardCopyOption.ATOMIC_MOVE);
    }

    static int crc(byte[] bytes, int from, int length) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, from, length);
        return (int) crc.getValue();
    }
}
