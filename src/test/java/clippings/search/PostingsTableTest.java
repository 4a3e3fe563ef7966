package clippings.search;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PostingsTableTest {
    /** Each term gets its documents and counts in order, across the table's growth, and terms that share a hash stay apart. */
    @Test
    void collectsEachTermsPostings() {
        PostingsTable table = new PostingsTable();
        Map<String, StringBuilder> expected = new HashMap<>();
        for (int doc = 0; doc < 300; doc++) {
            StringBuilder terms = new StringBuilder();
            for (int t = 0; t < 40; t++) {
                String term = "w" + (doc * 7 + t * 13) % 5000;
                if (terms.length() > 0) terms.append(' ');
                terms.append(term).append(' ').append(t + 1);
                expected.computeIfAbsent(term, k -> new StringBuilder()).append(doc).append(',').append(t + 1).append(',');
            }
            table.add(doc, terms.toString());
        }
        // "Aa" and "BB" have the same String hash code.
        table.add(300, "Aa 2 BB 3 größe 12");
        expected.put("Aa", new StringBuilder("300,2,"));
        expected.put("BB", new StringBuilder("300,3,"));
        expected.put("größe", new StringBuilder("300,12,"));

        Map<String, PostingsTable.IntList> got = table.toMap();
        assertEquals(expected.keySet(), got.keySet());
        expected.forEach((term, list) -> {
            int[] want = Arrays.stream(list.toString().split(",")).mapToInt(Integer::parseInt).toArray();
            PostingsTable.IntList l = got.get(term);
            assertArrayEquals(want, Arrays.copyOf(l.data, l.size), term);
        });
    }
}
