package clippings.cache;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeptValuesTest {
    @AfterEach
    void forget() {
        ProcessMemory.forget();
    }

    /** A value is taken again only while the check holds; one that fails it is made again and kept instead. */
    @Test
    void aKeptValueIsTakenOnlyWhileItsCheckHolds() {
        ProcessMemory.keep();
        KeptValues<String, String> kept = new KeptValues<>();
        AtomicInteger made = new AtomicInteger();
        try (var round = kept.round(10)) {
            assertEquals("a1", round.get("a", k -> true, k -> k + made.incrementAndGet()));
        }
        try (var round = kept.round(10)) {
            assertEquals("a1", round.get("a", v -> v.startsWith("a"), k -> k + made.incrementAndGet()));
        }
        try (var round = kept.round(10)) {
            assertEquals("a2", round.get("a", v -> false, k -> k + made.incrementAndGet()), "the check failed");
        }
        try (var round = kept.round(10)) {
            assertEquals("a2", round.get("a", k -> k + made.incrementAndGet()), "the value made last is kept");
        }
        assertEquals(2, made.get());
    }

    /** A shared round takes values from many threads at once and keeps every one of them. */
    @Test
    void aSharedRoundKeepsWhatEveryThreadMade() {
        ProcessMemory.keep();
        KeptValues<Integer, String> kept = new KeptValues<>();
        try (var round = kept.sharedRound(10)) {
            IntStream.range(0, 5_000).parallel().forEach(i -> round.get(i, k -> "v" + k));
        }
        AtomicInteger made = new AtomicInteger();
        try (var round = kept.sharedRound(10)) {
            List<String> again = IntStream.range(0, 5_000).parallel()
                    .mapToObj(i -> round.get(i, k -> { made.incrementAndGet(); return "new"; })).toList();
            assertEquals(IntStream.range(0, 5_000).mapToObj(i -> "v" + i).toList(), again);
        }
        assertEquals(0, made.get());
    }

    /** A build's one value is taken again while its key is the same, and one made for a new key replaces it. */
    @Test
    void theOnlyValueIsKeptUntilItsKeyChanges() {
        ProcessMemory.keep();
        KeptValues<String, String> kept = new KeptValues<>();
        AtomicInteger made = new AtomicInteger();
        assertEquals("a1", kept.only(10, "a", k -> k + made.incrementAndGet()));
        assertEquals("a1", kept.only(10, "a", k -> k + made.incrementAndGet()));
        assertEquals("b2", kept.only(10, "b", k -> k + made.incrementAndGet()));
        assertEquals("a3", kept.only(10, "a", k -> k + made.incrementAndGet()), "only the last value is kept");
    }

    /** A process that does not build again keeps nothing. */
    @Test
    void nothingIsKeptPastTheArchiveSizeTheProcessKeepsFor() {
        ProcessMemory.keep();
        KeptValues<String, String> kept = new KeptValues<>();
        AtomicInteger made = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            try (var round = kept.round(ProcessMemory.MAX_ARTICLES + 1)) {
                round.get("a", k -> k + made.incrementAndGet());
            }
        }
        assertEquals(2, made.get());
    }
}
