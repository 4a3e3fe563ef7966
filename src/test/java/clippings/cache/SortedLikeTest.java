package clippings.cache;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SortedLikeTest {
    @Test
    void givesTheEntriesInKeyOrderWhateverTheLastMapHeld() {
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            Map<String, Integer> now = new HashMap<>();
            Map<String, Integer> lastSorted = new TreeMap<>();
            Map<String, Integer> lastShuffled = new LinkedHashMap<>();
            int n = random.nextInt(40);
            List<String> lastKeys = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String key = "articles/" + random.nextInt(30) + "/" + (char) ('a' + random.nextInt(5));
                if (random.nextInt(4) > 0) now.put(key, i);
                if (random.nextInt(4) > 0) lastKeys.add(key);
            }
            for (String k : lastKeys) lastSorted.put(k, 0);
            java.util.Collections.shuffle(lastKeys, random);
            for (String k : lastKeys) lastShuffled.put(k, 0);
            Map<String, Integer> expected = new TreeMap<>(now);
            for (Map<String, Integer> last : List.of(lastSorted, lastShuffled, Map.<String, Integer>of())) {
                Map<String, Integer> got = SortedLike.sorted(last, now);
                assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(got.entrySet()),
                        "last " + last.keySet() + ", now " + now.keySet());
            }
        }
    }

    @Test
    void looksKeysUpByRangeAsANavigableMapDoes() {
        Random random = new Random(5);
        TreeMap<String, Integer> all = new TreeMap<>();
        for (int i = 0; i < 300; i++) all.put("f" + random.nextInt(50) + "/" + random.nextInt(50), i);
        Map<String, Integer> view = SortedLike.sorted(Map.of(), new HashMap<>(all));
        SortedLike.Ranges ranges = SortedLike.ranges(view).orElseThrow();
        SortedLike.Ranges navigable = SortedLike.ranges(all).orElseThrow();
        for (int i = 0; i < 200; i++) {
            String from = "f" + random.nextInt(60) + "/";
            String to = random.nextBoolean() ? from.substring(0, from.length() - 1) + "0" : "f" + random.nextInt(60);
            if (from.compareTo(to) > 0) continue;
            List<String> expected = new ArrayList<>(all.subMap(from, true, to, false).keySet());
            assertEquals(expected, new ArrayList<>(ranges.keysBetween(from, to)), from + ".." + to);
            assertEquals(expected, new ArrayList<>(navigable.keysBetween(from, to)), from + ".." + to);
        }
        assertEquals(java.util.Optional.empty(), SortedLike.ranges(new HashMap<>(all)));
    }

    @Test
    void givesTheSameEntriesUnordered() {
        Map<String, Integer> now = new HashMap<>(Map.of("b", 2, "a", 1, "c", 3));
        Map<String, Integer> view = SortedLike.sorted(Map.of(), now);
        assertEquals(List.of("a", "b", "c"), new ArrayList<>(view.keySet()));
        assertEquals(new HashMap<>(view), new HashMap<>(SortedLike.unordered(view)));
        TreeMap<String, Integer> tree = new TreeMap<>(now);
        assertEquals(tree, SortedLike.unordered(tree));
    }
}
