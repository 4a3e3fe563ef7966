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
}
