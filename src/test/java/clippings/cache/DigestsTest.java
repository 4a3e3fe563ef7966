package clippings.cache;

import com.dynatrace.hash4j.hashing.Hashing;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DigestsTest {
    record Page(String title, int count, long size, double score, boolean draft, Optional<String> lead,
                List<String> tags, Map<String, Integer> counts, byte[] raw) {
    }

    /** The buffered encoder must hash exactly the bytes the codec writes to a stream: digests name cached pages. */
    @Test
    void hashesTheCodecsEncodingAcrossBufferBoundaries() throws Exception {
        byte[] big = new byte[20_000];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 31);
        Object[] values = {"Gaza – غزة", 7, new Page("Καλημέρα " + "x".repeat(9_000), -3, 1L << 40, 0.25, true,
                Optional.of("lead"), List.of("a", "ä", "😀"), Map.of("k", 1), big), List.of(), Optional.empty()};
        assertEquals(reference(values), Digests.of(values));
        assertNotEquals(Digests.of("ab", "c"), Digests.of("a", "bc"), "values are delimited");
    }

    /** The digest is 128-bit XXH3, whose hash of the empty input the XXH3 reference implementation publishes. */
    @Test
    void isXxh3OfTheEncoding() {
        assertEquals("99aa06d3014798d86001c324468d497f", Digests.hex(Hashing.xxh3_128().hashBytesTo128Bits(new byte[0])));
        assertEquals(32, Digests.of("anything").length());
    }

    private static String reference(Object... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Object v : values) RecordCodec.writer().write(out, v);
        }
        return Digests.hex(Hashing.xxh3_128().hashBytesTo128Bits(bytes.toByteArray()));
    }
}
