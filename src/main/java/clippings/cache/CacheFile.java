package clippings.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One file of the build cache: a map from keys to records, behind a header that names the format, the code
 * that wrote it and the shape of its records. A file with another header is ignored, never half-read, so a
 * new version of Clippings or a changed configuration starts from a clean slate.
 *
 * @param <V> the record type of the values
 */
public final class CacheFile<V> {
    private static final String MAGIC = "clippings-cache-3";
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
    private final Class<V> type;
    private final String header;
    private final RecordCodec codec;

    /**
     * @param salt what else the content depends on (e.g. the configuration); part of the header
     */
    public CacheFile(Path file, Class<V> type, String salt, RecordCodec codec) {
        this.file = file;
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
            Snapshot known = SNAPSHOTS.get(file);
            if (now.isPresent() && known != null && known.header().equals(header) && known.stamp().equals(now.get())) {
                return (Map<String, V>) known.map();
            }
            Map<String, V> map = decode();
            remember(now, map);
            return map;
        } catch (NoSuchFileException e) {
            SNAPSHOTS.remove(file);
            return new TreeMap<>();
        } catch (IOException | RuntimeException e) {
            SNAPSHOTS.remove(file);
            if (e instanceof CorruptCacheException c) throw c;
            throw new CorruptCacheException(file + " is damaged: " + e);
        }
    }

    private void remember(Optional<FileStamp> stamp, Map<String, V> map) {
        if (stamp.isPresent()) SNAPSHOTS.put(file, new Snapshot(header, stamp.get(), Collections.unmodifiableMap(map)));
        else SNAPSHOTS.remove(file);
    }

    private Map<String, V> decode() throws IOException {
        try (java.io.InputStream stream = Files.newInputStream(file)) {
            BufferedDataInput in = new BufferedDataInput(stream);
            if (!readString(in).equals(header)) return new TreeMap<>();
            int n = in.readInt();
            if (n < 0) throw new CorruptCacheException(file + ": negative size");
            // Looked up, never walked in order (a write sorts): a hash map answers a build's 10,000 lookups faster.
            Map<String, V> map = new java.util.HashMap<>(n + n / 3 + 1);
            for (int i = 0; i < n; i++) {
                String key = readString(in);
                map.put(key, codec.read(in, type));
            }
            if (!readString(in).equals("end")) throw new CorruptCacheException(file + " is truncated");
            return map;
        }
    }

    /** Replaces the file atomically: a killed build leaves the old file or the new one. */
    public void write(Map<String, V> map) {
        TreeMap<String, V> sorted = new TreeMap<>(map);
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
                out.writeInt(sorted.size());
                for (var e : sorted.entrySet()) {
                    writeString(out, e.getKey());
                    codec.write(out, e.getValue(), type);
                }
                writeString(out, "end");
                out.flush();
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            remember(FileStamp.of(file), sorted);
        } catch (IOException e) {
            SNAPSHOTS.remove(file);
            throw new UncheckedIOException("cannot write the build cache " + file, e);
        }
    }

    private record Snapshot(String header, FileStamp stamp, Map<String, ?> map) {
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
