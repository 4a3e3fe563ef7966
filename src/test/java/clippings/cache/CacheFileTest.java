package clippings.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
