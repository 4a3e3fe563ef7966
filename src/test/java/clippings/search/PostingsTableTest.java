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

    /** Documents put and taken out keep the list in document order, as adding them in order would. */
    @Test
    void documentsArePutAndTakenOutInOrder() {
        PostingsTable.IntList list = new PostingsTable.IntList();
        for (int doc : new int[]{5, 1, 9, 3, 7, 0, 11}) list.put(doc, doc * 10);
        list.put(3, 33);
        list.remove(9);
        list.remove(4);
        list.remove(0);
        assertArrayEquals(new int[]{1, 10, 3, 33, 5, 50, 7, 70, 11, 110}, Arrays.copyOf(list.data, list.size));
        for (int doc : new int[]{1, 3, 5, 7, 11}) list.remove(doc);
        assertEquals(0, list.size);
        list.put(2, 1);
        assertArrayEquals(new int[]{2, 1}, Arrays.copyOf(list.data, list.size));
    }
}
