package clippings.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheFileTest {
    @TempDir
    Path tmp;

    record Entry(String value, int count) {
    }

    private CacheFile<Entry> file(String name, String salt) {
        return new CacheFile<>(tmp.resolve(name), Entry.class, salt, RecordCodec.writer());
    }

    /**
     * A file this process wrote or read is not decoded again while it is the same file; one replaced or edited
     * on disk (by another build) is, and one of another salt is not taken for it.
     */
    @Test
    void rereadsAFileOnlyWhenItChanged() throws Exception {
        CacheFile<Entry> a = file("a.bin", "");
        a.write(Map.of("k", new Entry("first", 1)));
        Map<String, Entry> read = a.read();
        assertEquals(Map.of("k", new Entry("first", 1)), read);
        assertSame(read, file("a.bin", "").read(), "the same file is not decoded again");
        assertEquals(Map.of(), file("a.bin", "other salt").read());

        CacheFile<Entry> b = file("b.bin", "");
        b.write(Map.of("k", new Entry("second", 2)));
        Files.copy(tmp.resolve("b.bin"), tmp.resolve("a.bin"), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Map.of("k", new Entry("second", 2)), a.read(), "a file replaced on disk is read again");

        byte[] bytes = Files.readAllBytes(tmp.resolve("a.bin"));
        Files.write(tmp.resolve("a.bin"), java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertThrows(CorruptCacheException.class, a::read, "a file damaged on disk is read again, and fails");
        Files.delete(tmp.resolve("a.bin"));
        assertEquals(Map.of(), a.read());
    }

    /** A table of {@code n} entries saved whole, as a cold build leaves it. */
    private Map<String, Entry> savedWhole(String name, int n) {
        CacheTable<Entry> table = new CacheTable<>(file(name, ""));
        Map<String, Entry> all = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            table.put("k" + i, new Entry("v" + i, i));
            all.put("k" + i, new Entry("v" + i, i));
        }
        table.save();
        return all;
    }

    /** What another process would read: the file's time is moved, so this process's snapshot is not taken. */
    private Map<String, Entry> readAfresh(String name) throws Exception {
        Files.setLastModifiedTime(tmp.resolve(name), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        return file(name, "").read();
    }

    /** An entry taken only if usable is kept by the save only when it was usable; others are left out. */
    @Test
    void anEntryReusedOnlyIfUsableIsKeptOnlyThen() throws Exception {
        Map<String, Entry> all = savedWhole("u.bin", 4);
        CacheTable<Entry> table = new CacheTable<>(file("u.bin", ""));
        assertEquals(java.util.Optional.of(all.get("k0")), table.reuseIf("k0", e -> e.count() == 0));
        assertEquals(java.util.Optional.empty(), table.reuseIf("k1", e -> false), "not usable");
        assertEquals(java.util.Optional.empty(), table.reuseIf("none", e -> true), "not there");
        table.reuse("k2");
        table.save();
        Map<String, Entry> kept = new java.util.TreeMap<>(all);
        kept.remove("k1");
        kept.remove("k3");
        assertEquals(kept, new java.util.TreeMap<>(readAfresh("u.bin")));
    }

    /** A build that changed a few entries appends them to the journal, and a later read replays it (#7). */
    @Test
    void aFewChangesGoToTheJournalAndAreReadBack() throws Exception {
        Map<String, Entry> expected = savedWhole("t.bin", 100);
        long size = Files.size(tmp.resolve("t.bin"));
        for (int build = 0; build < 5; build++) {
            CacheTable<Entry> table = new CacheTable<>(file("t.bin", ""));
            for (int i = 0; i < 100; i++) if (i != build) table.reuse("k" + i);
            expected.remove("k" + build);
            table.put("new" + build, new Entry("added in build " + build, build));
            expected.put("new" + build, new Entry("added in build " + build, build));
            table.put("k50", new Entry("replaced in build " + build, build));
            expected.put("k50", new Entry("replaced in build " + build, build));
            // Entries this loop did not reuse are the ones added before: kept as they are.
            for (int b = 0; b < build; b++) table.reuse("new" + b);
            table.save();
            assertEquals(size, Files.size(tmp.resolve("t.bin")), "the file itself is not written again");
            assertTrue(Files.exists(tmp.resolve("t.bin.log")));
            assertEquals(expected, file("t.bin", "").read(), "this process's snapshot, build " + build);
            assertEquals(expected, new java.util.TreeMap<>(readAfresh("t.bin")), "replayed, build " + build);
        }
        // Many changes at once: the file is written whole, and the journal goes.
        CacheTable<Entry> table = new CacheTable<>(file("t.bin", ""));
        table.put("only", new Entry("one", 1));
        table.save();
        assertEquals(Map.of("only", new Entry("one", 1)), readAfresh("t.bin"));
        assertFalse(Files.exists(tmp.resolve("t.bin.log")));
    }

    /**
     * A batch cut short (a build killed while saving) is ignored, which leaves the table as the build before saved
     * it, and the next save writes the file whole; a journal that followed an older file is ignored.
     */
    @Test
    void aCutBatchOrAnOldJournalIsIgnored() throws Exception {
        Map<String, Entry> first = savedWhole("c.bin", 50);
        CacheTable<Entry> table = new CacheTable<>(file("c.bin", ""));
        for (int i = 0; i < 50; i++) table.reuse("k" + i);
        table.put("k1", new Entry("changed", -1));
        table.save();
        Map<String, Entry> second = new java.util.TreeMap<>(first);
        second.put("k1", new Entry("changed", -1));
        assertEquals(second, new java.util.TreeMap<>(readAfresh("c.bin")));

        Path log = tmp.resolve("c.bin.log");
        byte[] journal = Files.readAllBytes(log);
        Files.write(log, java.util.Arrays.copyOf(journal, journal.length - 3));
        assertEquals(first, new java.util.TreeMap<>(readAfresh("c.bin")), "the cut batch is left out");
        table = new CacheTable<>(file("c.bin", ""));
        for (int i = 0; i < 50; i++) table.reuse("k" + i);
        table.put("k2", new Entry("after the cut", -2));
        table.save();
        assertFalse(Files.exists(log), "written whole after a cut batch");
        Map<String, Entry> third = new java.util.TreeMap<>(first);
        third.put("k2", new Entry("after the cut", -2));
        assertEquals(third, new java.util.TreeMap<>(readAfresh("c.bin")));

        // The journal of the file before: it names another file, and changes nothing.
        Files.write(log, journal);
        assertEquals(third, new java.util.TreeMap<>(readAfresh("c.bin")));
    }

    record Indexes(java.util.List<String> names, Map<String, int[]> byKey) {
    }

    @Test
    void intArraysRoundTrip() throws Exception {
        Path file = tmp.resolve("i.bin");
        new CacheFile<>(file, Indexes.class, "", RecordCodec.writer())
                .write(Map.of("k", new Indexes(java.util.List.of("a", "b"), Map.of("x", new int[] {0, 1, 70_000}))));
        // Another time on the file: it is decoded, not taken from this process's snapshot.
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
        Indexes read = new CacheFile<>(file, Indexes.class, "", RecordCodec.writer()).read().get("k");
        assertEquals(java.util.List.of("a", "b"), read.names());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 1, 70_000}, read.byKey().get("x"));
    }
}
