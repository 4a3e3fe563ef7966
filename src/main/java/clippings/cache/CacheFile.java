package clippings.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One file of the build cache: a map from keys to records, behind a header that names the format, the code
 * that wrote it and the shape of its records. A file with another header is ignored, never half-read, so a
 * new version of Clippings or a changed configuration starts from a clean slate.
 * <p>A build that changed a few records appends them to a journal beside the file ({@code <file>.log}) instead of
 * writing every record again: after an edit at 10,000 articles that was 36 of the 52 MB the cache wrote (#7). The
 * journal names the file it follows by an id the file holds, so a journal left beside a newer file is ignored;
 * each build's changes are one batch with a checksum, and a batch cut short by a crash is ignored with all after
 * it, which leaves the table as the previous build saved it. The file is written whole again (and the journal
 * removed) when the journal would grow past half the file, or after a cut batch.
 *
 * @param <V> the record type of the values
 */
public final class CacheFile<V> {
    private static final String MAGIC = "clippings-cache-4";
    private static final String LOG_MAGIC = "clippings-cache-log-1";
    /**
     * What this process last read or wrote of each cache file, while the file is still that one (same inode,
     * size, modification and change times): {@code serve} rebuilds in one process, and decoding the same tables
     * again on every rebuild cost it a tenth of an edit (#7). The maps are never changed once read or written. A
     * few files at most: each build uses six.
     */
    private static final Map<Path, Snapshot> SNAPSHOTS = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Path, Snapshot> eldest) {
                    return size() > 24;
                }
            });
    private final Path file;
    private final Path log;
    private final Class<V> type;
    private final String header;
    private final RecordCodec codec;

    /**
     * @param salt what else the content depends on (e.g. the configuration); part of the header
     */
    public CacheFile(Path file, Class<V> type, String salt, RecordCodec codec) {
        this.file = file;
        this.log = file.resolveSibling(file.getFileName() + ".log");
        this.type = type;
        this.codec = codec;
        this.header = Digests.of(MAGIC, CodeVersion.current(), RecordCodec.shape(type), salt);
    }

    /**
     * The stored map; empty when there is none or it was written for another version or salt.
     *
     * @throws CorruptCacheException when the file has the right header but cannot be read
     */
    @SuppressWarnings("unchecked")
    public Map<String, V> read() {
        try {
            // Looked at before it is read: a change during the read makes the snapshot miss next time. Where the
            // file system cannot tell a rewrite of the same size within its clock's tick, nothing is kept.
            Optional<FileStamp> now = FileStamp.of(file);
            Optional<FileStamp> logNow = stampOf(log);
            Snapshot known = SNAPSHOTS.get(file);
            if (now.isPresent() && known != null && known.header().equals(header) && known.stamp().equals(now.get())
                    && known.logStamp().equals(logNow)) {
                return (Map<String, V>) known.map();
            }
            Decoded decoded = decode();
            remember(now, logNow, decoded);
            return (Map<String, V>) decoded.map();
        } catch (NoSuchFileException e) {
            SNAPSHOTS.remove(file);
            return new TreeMap<>();
        } catch (IOException | RuntimeException e) {
            SNAPSHOTS.remove(file);
            if (e instanceof CorruptCacheException c) throw c;
            throw new CorruptCacheException(file + " is damaged: " + e);
        }
    }

    /**
     * What a file and its journal hold: the map, the id the file's journal must name, and whether the journal (if
     * any) was read to its end, so that more can be appended to it.
     */
    private record Decoded(Map<String, ?> map, String id, boolean appendable) {
    }

    private void remember(Optional<FileStamp> stamp, Optional<FileStamp> logStamp, Decoded decoded) {
        if (stamp.isPresent()) {
            SNAPSHOTS.put(file, new Snapshot(header, stamp.get(), logStamp, Collections.unmodifiableMap(decoded.map()),
                    decoded.id(), decoded.appendable()));
        } else {
            SNAPSHOTS.remove(file);
        }
    }

    /** Makes an empty file that only its owner can read, as the temporary files the cache is written from are. */
    private static void createPrivate(Path file) throws IOException {
        try {
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    private static Optional<FileStamp> stampOf(Path file) throws IOException {
        try {
            return FileStamp.of(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private Decoded decode() throws IOException {
        Map<String, V> map;
        String id;
        try (java.io.InputStream stream = Files.newInputStream(file)) {
            BufferedDataInput in = new BufferedDataInput(stream);
            if (!readString(in).equals(header)) return new Decoded(new TreeMap<>(), "", false);
            id = readString(in);
            int n = in.readInt();
            if (n < 0) throw new CorruptCacheException(file + ": negative size");
            // Looked up, never walked in order (a write sorts): a hash map answers a build's 10,000 lookups faster.
            map = new java.util.HashMap<>(n + n / 3 + 1);
            for (int i = 0; i < n; i++) {
                String key = readString(in);
                map.put(key, codec.read(in, type));
            }
            if (!readString(in).equals("end")) throw new CorruptCacheException(file + " is truncated");
        }
        return new Decoded(map, id, replay(map, id));
    }

    /**
     * Applies the journal's batches to the file's map, and says whether more can be appended: no journal, or one
     * read to its end. A journal of another file, or a batch cut short or damaged, ends the replay.
     */
    private boolean replay(Map<String, V> map, String id) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(log);
        } catch (NoSuchFileException e) {
            return true;
        }
        java.nio.ByteBuffer all = java.nio.ByteBuffer.wrap(bytes);
        try {
            BufferedDataInput head = new BufferedDataInput(new java.io.ByteArrayInputStream(bytes));
            if (!readString(head).equals(LOG_MAGIC) || !readString(head).equals(id)) return false;
            all.position(8 + LOG_MAGIC.length() + id.length());
        } catch (IOException e) {
            return false;
        }
        while (all.remaining() > 0) {
            if (all.remaining() < 8) return false;
            int length = all.getInt();
            int crc = all.getInt();
            if (length < 0 || length > all.remaining()) return false;
            java.util.zip.CRC32C check = new java.util.zip.CRC32C();
            check.update(bytes, all.position(), length);
            if ((int) check.getValue() != crc) return false;
            BufferedDataInput in = new BufferedDataInput(new java.io.ByteArrayInputStream(bytes, all.position(), length));
            int puts = in.readInt();
            for (int i = 0; i < puts; i++) {
                String key = readString(in);
                map.put(key, codec.read(in, type));
            }
            int removes = in.readInt();
            for (int i = 0; i < removes; i++) map.remove(readString(in));
            all.position(all.position() + length);
        }
        return true;
    }

    /**
     * Records that the table is now {@code map}, which differs from what this file holds by the {@code puts}
     * and {@code removes}, by appending them to the journal; says whether it did. It does not when the file
     * holds something other than what this process last read or wrote of it, when the journal cannot take
     * more, or when it would grow past half the file: the caller then writes the map whole.
     */
    public boolean append(Map<String, V> map, List<Map.Entry<String, V>> puts, List<String> removes) {
        try {
            Snapshot known = SNAPSHOTS.get(file);
            Optional<FileStamp> now = FileStamp.of(file);
            Optional<FileStamp> logNow = stampOf(log);
            if (known == null || !known.appendable() || now.isEmpty() || !known.header().equals(header)
                    || !known.stamp().equals(now.get()) || !known.logStamp().equals(logNow)) {
                return false;
            }
            java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream();
            BufferedDataOutput out = new BufferedDataOutput() {
                @Override
                protected void drain(byte[] b, int off, int len) {
                    batch.write(b, off, len);
                }
            };
            out.writeInt(puts.size());
            for (var e : puts) {
                writeString(out, e.getKey());
                codec.write(out, e.getValue(), type);
            }
            out.writeInt(removes.size());
            for (String k : removes) writeString(out, k);
            out.flush();
            long logSize = logNow.map(FileStamp::size).orElse(0L);
            if (logSize + batch.size() > now.get().size() / 2) return false;
            java.io.ByteArrayOutputStream record = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream framed = new java.io.DataOutputStream(record);
            if (logNow.isEmpty() || logSize == 0) {
                writeString(framed, LOG_MAGIC);
                writeString(framed, known.id());
            }
            byte[] body = batch.toByteArray();
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(body);
            framed.writeInt(body.length);
            framed.writeInt((int) crc.getValue());
            framed.write(body);
            framed.flush();
            if (logNow.isEmpty()) {
                try {
                    createPrivate(log);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    return false; // made since it was looked at: not this process's to append to
                }
            }
            Files.write(log, record.toByteArray(), java.nio.file.StandardOpenOption.APPEND);
            remember(now, stampOf(log), new Decoded(map, known.id(), true));
            return true;
        } catch (IOException e) {
            SNAPSHOTS.remove(file);
            throw new UncheckedIOException("cannot write the build cache " + log, e);
        }
    }

    /** Replaces the file atomically: a killed build leaves the old file or the new one. */
    public void write(Map<String, V> map) {
        TreeMap<String, V> sorted = new TreeMap<>(map);
        // Only tells this file from the one before it: no stronger randomness is needed (or worth its start-up).
        String id = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong())
                + Long.toHexString(System.nanoTime());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try (java.io.OutputStream stream = Files.newOutputStream(tmp)) {
                BufferedDataOutput out = new BufferedDataOutput() {
                    @Override
                    protected void drain(byte[] b, int off, int len) throws IOException {
                        stream.write(b, off, len);
                    }
                };
                writeString(out, header);
                writeString(out, id);
                out.writeInt(sorted.size());
                for (var e : sorted.entrySet()) {
                    writeString(out, e.getKey());
                    codec.write(out, e.getValue(), type);
                }
                writeString(out, "end");
                out.flush();
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            // A journal left here by a crash names the file it followed, not this one, and is ignored.
            Files.deleteIfExists(log);
            remember(FileStamp.of(file), Optional.empty(), new Decoded(sorted, id, true));
        } catch (IOException e) {
            SNAPSHOTS.remove(file);
            throw new UncheckedIOException("cannot write the build cache " + file, e);
        }
    }

    private record Snapshot(String header, FileStamp stamp, Optional<FileStamp> logStamp, Map<String, ?> map,
                            String id, boolean appendable) {
    }

    private static void writeString(java.io.DataOutput out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(java.io.DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 20) throw new IOException("corrupt key length " + n);
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
