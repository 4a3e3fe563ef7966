package clippings.cache;

import clippings.model.ArticleBody;
import clippings.model.BodyRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BodyStoreTest {
    @TempDir
    Path tmp;

    private final ArticleBody body = new ArticleBody("A *story*.", "<p>A <em>story</em>.</p>", "A story.");

    private Path onlyFile() throws Exception {
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
    }

    @Test
    void aStoredBodyLoadsAsItWasStored() {
        BodyStore store = new BodyStore(tmp);
        BodyRef ref = store.put(BodyRef.of(body));
        assertTrue(store.has(ref.digest()));
        assertEquals(body, new BodyStore(tmp).ref(ref.digest()).load());
    }

    /** A body already on disk, stored by another store or thread after this one listed its folder, is kept. */
    @Test
    void aBodyStoredTwiceIsWrittenOnce() throws Exception {
        BodyStore first = new BodyStore(tmp);
        String digest = BodyRef.of(body).digest();
        assertFalse(first.has(digest)); // lists the (missing) folder before the other store writes into it
        new BodyStore(tmp).put(BodyRef.of(body));
        long written = Files.getLastModifiedTime(onlyFile()).toMillis();
        BodyRef again = first.put(BodyRef.of(body));
        assertEquals(body, again.load());
        assertTrue(first.has(digest));
        try (Stream<Path> s = Files.walk(tmp)) {
            assertEquals(1, s.filter(Files::isRegularFile).count(), "no second file, no temporary left behind");
        }
        assertEquals(written, Files.getLastModifiedTime(onlyFile()).toMillis());
    }

    /** Bodies no article refers to are removed, and so are files that are no body (a temporary left by a crash). */
    @Test
    void keepOnlyRemovesWhatNoArticleRefersTo() throws Exception {
        BodyStore store = new BodyStore(tmp);
        String kept = store.put(BodyRef.of(body)).digest();
        String gone = store.put(BodyRef.of(new ArticleBody("Another.", "<p>Another.</p>", "Another."))).digest();
        Path stray = tmp.resolve(kept.substring(0, 2)).resolve(".body123.tmp");
        Files.writeString(stray, "left by a crash");
        store.keepOnly(java.util.Set.of(kept));
        BodyStore later = new BodyStore(tmp);
        assertTrue(later.has(kept));
        assertFalse(later.has(gone));
        assertFalse(Files.exists(stray));
        assertEquals(body, later.ref(kept).load());
    }

    /**
     * In a process that builds again, a store starts from the last one's listings, and lists again the folders
     * its watch saw touched: a body removed by hand is not taken for there.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void aKeptListingFollowsWhatWasTouchedSince() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(FolderWatch.local(tmp), "a local file system");
        ProcessMemory.keep();
        String digest = new BodyStore(tmp, true).put(BodyRef.of(body)).digest();
        BodyStore next = new BodyStore(tmp, true);
        assertTrue(next.has(digest));
        assertEquals(body, next.ref(digest).load());
        Files.delete(onlyFile());
        assertFalse(new BodyStore(tmp, true).has(digest), "removed by hand");
        BodyStore again = new BodyStore(tmp, true);
        again.put(BodyRef.of(body));
        assertTrue(new BodyStore(tmp, true).has(digest), "stored again");
    }

    /** Any byte changed, or the file cut short, fails the cache: a damaged body is never published. */
    @Test
    void aDamagedBodyFailsTheCache() throws Exception {
        BodyStore store = new BodyStore(tmp);
        String digest = store.put(BodyRef.of(body)).digest();
        Path file = onlyFile();
        byte[] good = Files.readAllBytes(file);
        for (int at : new int[]{0, 5, good.length / 2, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x20;
            Files.write(file, bad);
            assertThrows(CorruptCacheException.class, () -> new BodyStore(tmp).load(digest), "byte " + at);
        }
        Files.write(file, java.util.Arrays.copyOf(good, good.length - 3));
        assertThrows(CorruptCacheException.class, () -> new BodyStore(tmp).load(digest));
    }

    /** A damaged cache record cannot make the store look outside its folder, nor pass for a missing body. */
    @Test
    void aNameThatIsNoDigestFailsTheCache() {
        BodyStore store = new BodyStore(tmp);
        String digest = store.put(BodyRef.of(body)).digest();
        assertTrue(store.has(digest));
        assertFalse(store.has("0".repeat(32)), "a well-formed digest that is not stored");
        for (String bad : new String[]{"../" + digest.substring(3), digest.toUpperCase(java.util.Locale.ROOT),
                digest.substring(1), digest + "0", ""}) {
            assertThrows(CorruptCacheException.class, () -> store.has(bad), bad);
            assertThrows(CorruptCacheException.class, () -> store.load(bad), bad);
        }
    }
}
