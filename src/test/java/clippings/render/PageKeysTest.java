package clippings.render;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PageKeysTest {
    private final Random random = new Random(20261206);

    /** Each page's readers: a few of the archive's articles, now and then one twice. */
    private Map<String, List<String>> pages(int count, String prefix) {
        Map<String, List<String>> byPage = new HashMap<>();
        for (int p = 0; p < count; p++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) ids.add("a" + random.nextInt(60));
            if (random.nextInt(5) == 0) ids.add(ids.get(0));
            byPage.put(prefix + random.nextInt(count * 3), ids);
        }
        return byPage;
    }

    /**
     * Updating the readers of a partial render gives what the plain definition gives: every page the render
     * left alone with its readers then, every page it rendered with its readers now, indexed afresh.
     */
    @Test
    void anUpdateIsTheReadersOfThePagesKeptAndRenderedNow() {
        for (int round = 0; round < 200; round++) {
            Map<String, List<String>> before = pages(1 + random.nextInt(80), "p/");
            SummaryReaders previous = PageKeys.of(before);
            Map<String, List<String>> shown = pages(random.nextInt(30), random.nextBoolean() ? "p/" : "q/");
            int modulus = 2 + random.nextInt(5);
            Predicate<String> redone = page -> Math.floorMod(page.hashCode(), modulus) == 0;

            Map<String, List<String>> plain = new HashMap<>();
            before.forEach((page, ids) -> {
                if (!redone.test(page)) plain.put(page, ids);
            });
            plain.putAll(shown);
            SummaryReaders expected = PageKeys.of(plain);
            SummaryReaders actual = PageKeys.update(previous, redone, shown);

            assertSame(expected, actual, "round " + round);

            // Again from the update (as serve does edit after edit), and from readers in no order at all.
            Map<String, List<String>> shownNext = pages(random.nextInt(30), "p/");
            Predicate<String> redoneNext = page -> Math.floorMod(page.hashCode() / 7, modulus) == 0;
            Map<String, List<String>> plainNext = new HashMap<>();
            plain.forEach((page, ids) -> {
                if (!redoneNext.test(page)) plainNext.put(page, ids);
            });
            plainNext.putAll(shownNext);
            SummaryReaders expectedNext = PageKeys.of(plainNext);
            assertSame(expectedNext, PageKeys.update(actual, redoneNext, shownNext), "next, round " + round);
            SummaryReaders unordered = new SummaryReaders(actual.pages(), new HashMap<>(actual.byArticle()));
            assertSame(expectedNext, PageKeys.update(unordered, redoneNext, shownNext), "unordered, round " + round);
        }
    }

    private static void assertSame(SummaryReaders expected, SummaryReaders actual, String round) {
        assertEquals(expected.pages(), actual.pages(), round);
        List<String> ids = new ArrayList<>(expected.byArticle().keySet());
        assertEquals(ids, new ArrayList<>(actual.byArticle().keySet()), "articles in order, " + round);
        for (String id : ids) {
            assertArrayEquals(expected.byArticle().get(id), actual.byArticle().get(id), id + ", " + round);
        }
    }
}
