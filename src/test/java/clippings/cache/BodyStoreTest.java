package clippings.cache;

import clippings.model.ArticleBody;
import clippings.model.BodyRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BodyStoreTest {
    @TempDir
    Path tmp;

    private final ArticleBody body = new ArticleBody("A *story*.", "<p>A <em>story</em>.</p>", "A story.");

    private static ArticleBody body(int n) {
        return new ArticleBody("Story " + n + ".", "<p>Story " + n + ".</p>", "Story " + n + ".");
    }

    private List<Path> files(String suffix) throws Exception {
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private Path onlyPack() throws Exception {
        List<Path> packs = files(".pack");
        assertEquals(1, packs.size(), packs.toString());
        return packs.get(0);
    }

    @Test
    void aStoredBodyLoadsAsItWasStored() {
        BodyStore store = new BodyStore(tmp);
        BodyRef ref = store.put(BodyRef.of(body));
        assertTrue(store.has(ref.digest()));
        assertEquals(body, store.ref(ref.digest()).load(), "loads before its pack is finished");
        assertFalse(new BodyStore(tmp).has(ref.digest()), "another process learns of it from the pack's index");
        store.finishWriting();
        assertEquals(body, new BodyStore(tmp).ref(ref.digest()).load());
    }

    /** A build's bodies go to one pack, with one index, whatever their number: not a file each. */
    @Test
    void aBuildsBodiesGoToOnePack() throws Exception {
        BodyStore store = new BodyStore(tmp);
        List<String> digests = java.util.stream.IntStream.range(0, 200).parallel()
                .mapToObj(n -> store.put(BodyRef.of(body(n))).digest()).toList();
        store.finishWriting();
        onlyPack();
        assertEquals(1, files(".idx").size());
        BodyStore later = new BodyStore(tmp);
        for (int n = 0; n < 200; n++) assertEquals(body(n), later.ref(digests.get(n)).load());
    }

    /** A body already stored is not stored again, by this store or by a later one. */
    @Test
    void aBodyStoredTwiceIsWrittenOnce() throws Exception {
        BodyStore first = new BodyStore(tmp);
        String digest = first.put(BodyRef.of(body)).digest();
        long size = Files.size(onlyPack());
        assertEquals(body, first.put(BodyRef.of(body)).load());
        assertEquals(size, Files.size(onlyPack()));
        first.finishWriting();
        BodyStore second = new BodyStore(tmp);
        assertTrue(second.has(digest));
        second.put(BodyRef.of(body));
        second.finishWriting();
        assertEquals(1, files(".pack").size(), "no second pack");
    }

    /**
     * Packs that hold no body in use are removed, the bodies in use of a mostly unused pack are packed anew, and
     * so are files that are no pack (the one-file-per-body layout, a temporary left by a crash long ago).
     */
    @Test
    void keepOnlyRemovesWhatNoArticleRefersTo() throws Exception {
        BodyStore store = new BodyStore(tmp);
        String kept = store.put(BodyRef.of(body)).digest();
        List<String> others = new java.util.ArrayList<>();
        for (int n = 0; n < 5; n++) others.add(store.put(BodyRef.of(body(n))).digest());
        store.finishWriting();
        Path firstPack = onlyPack();
        BodyStore next = new BodyStore(tmp);
        String alone = next.put(BodyRef.of(body(99))).digest();
        next.finishWriting();
        assertEquals(2, files(".pack").size());
        Path legacy = tmp.resolve(kept.substring(0, 2)).resolve(kept + ".body");
        Files.createDirectories(legacy.getParent());
        Files.writeString(legacy, "a body of the one-file-per-body layout");
        Path stray = tmp.resolve("0123.idx.tmp");
        Files.writeString(stray, "left by a crash");
        Files.setLastModifiedTime(stray, java.nio.file.attribute.FileTime.fromMillis(0));

        new BodyStore(tmp).keepOnly(java.util.Set.of(kept));
        BodyStore later = new BodyStore(tmp);
        assertTrue(later.has(kept));
        assertFalse(later.has(alone));
        for (String gone : others) assertFalse(later.has(gone));
        assertFalse(Files.exists(legacy.getParent()));
        assertFalse(Files.exists(stray));
        assertFalse(Files.exists(firstPack), "five sixths unused: packed anew");
        assertEquals(1, files(".pack").size());
        assertEquals(1, files(".idx").size());
        assertEquals(body, later.ref(kept).load());
    }

    /** Each build of an edit makes a small pack; past a few, they are packed together, and what was in use loads. */
    @Test
    void smallPacksArePackedTogether() throws Exception {
        Set<String> inUse = new java.util.HashSet<>();
        Map<String, ArticleBody> bodies = new java.util.HashMap<>();
        for (int n = 0; n < 40; n++) bodies.put(BodyRef.of(body(n)).digest(), body(n));
        BodyStore first = new BodyStore(tmp);
        bodies.values().forEach(b -> inUse.add(first.put(BodyRef.of(b)).digest()));
        first.keepOnly(inUse);
        for (int edit = 0; edit < 3 * BodyStore.SMALL_PACKS; edit++) {
            BodyStore store = new BodyStore(tmp);
            ArticleBody b = body(1000 + edit);
            String digest = store.put(BodyRef.of(b)).digest();
            bodies.put(digest, b);
            inUse.add(digest);
            inUse.remove(BodyRef.of(body(edit)).digest());
            store.keepOnly(inUse);
            assertTrue(files(".pack").size() <= BodyStore.SMALL_PACKS, "after edit " + edit);
        }
        BodyStore later = new BodyStore(tmp);
        for (String d : inUse) assertEquals(bodies.get(d), later.ref(d).load());
        assertEquals(files(".pack").size(), files(".idx").size());
    }

    /**
     * In a process that builds again, a store starts from what the last one knew of the packs and lists the
     * folder again: a pack removed by hand, or written by another process, is seen.
     */
    @Test
    void aKeptIndexFollowsTheFolder() throws Exception {
        ProcessMemory.keep();
        try {
            BodyStore store = new BodyStore(tmp, true);
            String digest = store.put(BodyRef.of(body)).digest();
            store.finishWriting();
            BodyStore next = new BodyStore(tmp, true);
            assertTrue(next.has(digest));
            assertEquals(body, next.ref(digest).load());
            Files.delete(onlyPack());
            assertFalse(new BodyStore(tmp, true).has(digest), "removed by hand");
            BodyStore other = new BodyStore(tmp); // another process
            String elsewhere = other.put(BodyRef.of(body(7))).digest();
            other.finishWriting();
            assertTrue(new BodyStore(tmp, true).has(elsewhere), "written by another process");
            BodyStore again = new BodyStore(tmp, true);
            again.put(BodyRef.of(body));
            assertTrue(again.has(digest), "stored again");
        } finally {
            ProcessMemory.forget();
        }
    }

    /**
     * A build that failed while writing a pack (a damaged cache), its folder then cleared: the next store of the
     * process stores the body again rather than trusting where the failed one put it.
     */
    @Test
    void aClearedFolderIsForgottenWithWhatAFailedBuildWrote() throws Exception {
        ProcessMemory.keep();
        try {
            BodyStore failed = new BodyStore(tmp, true);
            String digest = failed.put(BodyRef.of(body)).digest(); // its pack is never finished
            try (Stream<Path> files = Files.list(tmp)) {
                for (Path f : files.toList()) Files.delete(f);
            }
            BodyStore.forgetKept(tmp);
            BodyStore next = new BodyStore(tmp, true);
            next.put(BodyRef.of(body));
            next.finishWriting();
            assertEquals(body, new BodyStore(tmp, true).ref(digest).load());
        } finally {
            ProcessMemory.forget();
        }
    }

    /** A body packed anew by another process is found where it went. */
    @Test
    void aBodyMovedByAnotherProcessIsFound() throws Exception {
        BodyStore store = new BodyStore(tmp);
        String digest = store.put(BodyRef.of(body)).digest();
        for (int n = 0; n < 5; n++) store.put(BodyRef.of(body(n)));
        store.finishWriting();
        BodyStore reader = new BodyStore(tmp);
        assertTrue(reader.has(digest));
        new BodyStore(tmp).keepOnly(Set.of(digest));
        assertEquals(body, reader.ref(digest).load());
    }

    /** Any byte of a record changed, or the pack cut short, fails the cache: a damaged body is never published. */
    @Test
    void aDamagedBodyFailsTheCache() throws Exception {
        BodyStore store = new BodyStore(tmp);
        String digest = store.put(BodyRef.of(body)).digest();
        store.finishWriting();
        Path file = onlyPack();
        byte[] good = Files.readAllBytes(file);
        for (int at : new int[]{0, 5, 9, good.length / 2, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x20;
            Files.write(file, bad);
            assertThrows(CorruptCacheException.class, () -> new BodyStore(tmp).load(digest), "byte " + at);
        }
        Files.write(file, java.util.Arrays.copyOf(good, good.length - 3));
        assertThrows(CorruptCacheException.class, () -> new BodyStore(tmp).load(digest));
    }

    /** A damaged index fails the cache too, rather than hiding bodies or pointing elsewhere. */
    @Test
    void aDamagedIndexFailsTheCache() throws Exception {
        BodyStore store = new BodyStore(tmp);
        String digest = store.put(BodyRef.of(body)).digest();
        store.put(BodyRef.of(body(1)));
        store.finishWriting();
        Path index = files(".idx").get(0);
        byte[] good = Files.readAllBytes(index);
        for (int at : new int[]{0, 33, 41, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x01;
            Files.write(index, bad);
            assertThrows(CorruptCacheException.class, () -> new BodyStore(tmp).has(digest), "byte " + at);
        }
        Files.write(index, java.util.Arrays.copyOf(good, good.length - 1));
        assertThrows(CorruptCacheException.class, () -> new BodyStore(tmp).has(digest));
    }

    /** A damaged cache record cannot pass for a missing body, or name another. */
    @Test
    void aNameThatIsNoDigestFailsTheCache() {
        BodyStore store = new BodyStore(tmp);
        String digest = store.put(BodyRef.of(body)).digest();
        assertTrue(store.has(digest));
        assertFalse(store.has("0".repeat(32)), "a well-formed digest that is not stored");
        assertThrows(CorruptCacheException.class, () -> store.load("0".repeat(32)));
        for (String bad : new String[]{"../" + digest.substring(3), digest.toUpperCase(java.util.Locale.ROOT),
                digest.substring(1), digest + "0", ""}) {
            assertThrows(CorruptCacheException.class, () -> store.has(bad), bad);
            assertThrows(CorruptCacheException.class, () -> store.load(bad), bad);
        }
    }
}
