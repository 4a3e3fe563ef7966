package clippings.cache;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class KeptDigestsTest {
    @Test
    void aNameGivesItsKeptDigestWhileItsPartsAreEqualAndANewOneWhenTheyChange() {
        ProcessMemory.keep();
        KeptDigests digests = new KeptDigests();
        String first = digests.of("a.txt", "sha-1", Optional.empty());
        assertEquals(Digests.of("a.txt", "sha-1", Optional.empty()), first);
        assertSame(first, digests.of("a.txt", new String("sha-1"), Optional.empty()), "equal parts");
        String changed = digests.of("a.txt", "sha-2", Optional.empty());
        assertEquals(Digests.of("a.txt", "sha-2", Optional.empty()), changed);
        assertNotEquals(first, changed);
        assertEquals(Digests.of("b.txt", "sha-2", Optional.empty()), digests.of("b.txt", "sha-2", Optional.empty()),
                "each name its own");

        // The parts are copied: an array changed by its caller afterwards does not change what is kept.
        Object[] parts = {"sha-3"};
        String c = digests.of("c.txt", parts);
        parts[0] = "sha-4";
        assertEquals(Digests.of("c.txt", "sha-4"), digests.of("c.txt", parts));
        assertEquals(c, digests.of("c.txt", "sha-3"));

        ProcessMemory.forget();
        assertEquals(Digests.of("a.txt", "sha-2", Optional.empty()), digests.of("a.txt", "sha-2", Optional.empty()));
    }
}
