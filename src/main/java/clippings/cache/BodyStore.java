package clippings.cache;

import clippings.model.ArticleBody;
import clippings.model.BodyRef;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Article bodies on disk, one file per body named by its digest: the build keeps only digests in memory and
 * loads a body when a page, feed or search shard needs it. A file is written once and never changed; bodies
 * are read only in the phases after the one that stores them.
 * <p>Thread-safe.
 */
public final class BodyStore {
    private static final RecordCodec CODEC = RecordCodec.writer();
    /** Each store's listings, for the next build of a process that builds again (serve, the daemon). */
    private static final java.util.Map<Path, java.util.concurrent.ConcurrentHashMap<String, Set<String>>> KEPT =
            new java.util.concurrent.ConcurrentHashMap<>();

    static {
        ProcessMemory.onForget(KEPT::clear);
    }

    private final Path dir;
    /** Per folder (the digest's first two characters), the digests of the bodies in it, listed once. */
    private final java.util.concurrent.ConcurrentHashMap<String, Set<String>> listed;

    public BodyStore(Path dir) {
        this(dir, false);
    }

    /**
     * A store that, when {@code kept} and the process keeps its work between builds, starts from the last
     * build's listings, listed again only in the folders a {@link FolderWatch} saw touched since: asking whether
     * every article's body is there listed all 256 folders on each build (#7).
     */
    public BodyStore(Path dir, boolean kept) {
        this.dir = dir;
        Path key = dir.toAbsolutePath().normalize();
        boolean keep = kept && ProcessMemory.keeping();
        var last = keep ? KEPT.get(key) : null;
        var touched = keep ? FolderWatch.changesTo(key) : java.util.Optional.<FolderWatch.Changes>empty();
        if (last != null && touched.isPresent()) {
            for (String path : touched.get().paths()) {
                int slash = path.indexOf('/');
                last.remove(slash < 0 ? path : path.substring(0, slash));
            }
            listed = last;
        } else {
            listed = new java.util.concurrent.ConcurrentHashMap<>();
            if (keep) KEPT.put(key, listed);
        }
    }

    /** Stores the body unless it is already there, and returns a reference that loads it from disk. */
    public BodyRef put(BodyRef body) {
        String digest = body.digest();
        Set<String> names = names(checked(digest));
        if (!names.contains(digest)) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    out.writeInt(0); // the checksum, filled in below
                    CODEC.write(out, body.load());
                }
                byte[] content = bytes.toByteArray();
                java.nio.ByteBuffer.wrap(content).putInt(checksum(content));
                create(file(digest), content);
                names.add(digest);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the build cache in " + dir, e);
            }
        }
        return ref(digest);
    }

    /**
     * Writes a new body file in one open, without a temporary name to rename or a folder made each time: three
     * system calls fewer per body, on file systems where making a file is slow (#7). A file cut short by a crash
     * is no risk: its checksum fails on load, and a damaged cache is cleared and the build made again. Another
     * thread storing the same body first is fine.
     */
    private static void create(Path file, byte[] content) throws IOException {
        try {
            try {
                Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                Files.createDirectories(file.getParent());
                Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            // Stored by another thread, or by an earlier build.
        }
    }

    /** A reference to a stored body; whether it is really there is checked by {@link #has}. */
    public BodyRef ref(String digest) {
        return BodyRef.stored(digest, () -> load(digest));
    }

    /**
     * Whether the body is on disk. Each folder is listed once rather than each file looked up: a build of a
     * large archive asks for every article's body.
     */
    public boolean has(String digest) {
        // Asked for every article on every build: looked up without a Path, a regular expression or a new string.
        return names(checked(digest)).contains(digest);
    }

    /** The 256 folder names, made once: a substring for each of 10,000 lookups a build showed in profiles. */
    private static final String[] FOLDERS = new String[256];

    static {
        for (int i = 0; i < 256; i++) FOLDERS[i] = java.util.HexFormat.of().toHexDigits((byte) i);
    }

    /** @param digest a {@link #checked} digest */
    private Set<String> names(String digest) {
        String folder = FOLDERS[Character.digit(digest.charAt(0), 16) * 16 + Character.digit(digest.charAt(1), 16)];
        Set<String> known = listed.get(folder);
        if (known != null) return known;
        return listed.computeIfAbsent(folder, prefix -> {
            Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
            try (var files = Files.newDirectoryStream(dir.resolve(prefix))) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".body")) names.add(name.substring(0, name.length() - ".body".length()));
                }
            } catch (IOException e) {
                // No folder yet (or an unreadable one): no body of it is there.
            }
            return names;
        });
    }

    /**
     * Loads a body and checks it: a damaged cache file must fail the build's use of the cache, never publish
     * another text. The check is a CRC-32C of the file (intrinsic in the C1 compiler the builds run with), not
     * the digest that names the body: when that was SHA-256, hashing every body on every load (three or four loads
     * per article) took a third of writing the site (#7). The name was checked when the body was stored.
     */
    ArticleBody load(String digest) {
        try {
            byte[] content = Files.readAllBytes(file(digest));
            if (content.length < 4 || java.nio.ByteBuffer.wrap(content).getInt() != checksum(content)) {
                throw new CorruptCacheException("body " + digest + " is damaged");
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content, 4, content.length - 4))) {
                return CODEC.read(in, ArticleBody.class);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof CorruptCacheException c) throw c;
            throw new CorruptCacheException("cannot read body " + digest + ": " + e.getMessage());
        }
    }

    /** CRC-32C of everything after the checksum itself. */
    private static int checksum(byte[] content) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(content, 4, content.length - 4);
        return (int) crc.getValue();
    }

    /**
     * Removes bodies no article refers to any more. Names only are listed, folder by folder, without looking at
     * each file: a build of a large archive keeps tens of thousands (#7).
     */
    public void keepOnly(Set<String> digests) {
        String[] folders = dir.toFile().list();
        if (folders == null) return;
        for (String folder : folders) {
            Path sub = dir.resolve(folder);
            String[] names = sub.toFile().list();
            if (names == null) continue;
            for (String name : names) {
                int dot = name.lastIndexOf('.');
                if (dot > 0 && digests.contains(name.substring(0, dot)) && name.endsWith(".body")) continue;
                try {
                    Files.deleteIfExists(sub.resolve(name));
                } catch (IOException e) {
                    // Left for the next build: an extra file is harmless (a folder left over is not a body).
                }
            }
        }
    }

    private Path file(String digest) {
        checked(digest);
        // ".body": a file with its checksum (".bin" files, without one, are left to keepOnly to remove)
        return dir.resolve(digest.substring(0, 2)).resolve(digest + ".body");
    }

    /** The digest, when it is one (32 lowercase hex digits): a damaged cache must not name a path outside. */
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
