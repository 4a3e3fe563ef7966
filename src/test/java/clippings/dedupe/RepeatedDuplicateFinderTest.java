package clippings.dedupe;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A search after a few changes answers what a search from scratch answers, whatever the changes (#7). */
class RepeatedDuplicateFinderTest {
    private final TextFingerprinter fp = new TextFingerprinter();
    private final DuplicateFinder scratch = new DuplicateFinder();

    /** An input as the build has it: one object per version, compared by identity. */
    private record Item(DuplicateFinder.Candidate candidate) {
    }

    private static final List<String> WORDS = List.of("council", "budget", "vote", "minister", "river", "court",
            "strike", "harbour", "report", "election", "talks", "protest", "inquiry", "bank", "reform", "city",
            "agreement", "night", "week", "officials", "critics", "residents", "decision", "months", "people");

    private static String text(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) sb.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
        return sb.toString();
    }

    private Item item(String origin, String url, String text) {
        int rank = origin.endsWith(".html") ? 1 : 2;
        return new Item(new DuplicateFinder.Candidate(origin, url, fp.fingerprint(text), rank));
    }

    @Test
    void everyEditGivesTheAnswerOfASearchFromScratch() {
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            List<String> texts = new ArrayList<>();
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String t = text(random, 60 + random.nextInt(60));
                texts.add(t);
                String url = random.nextInt(5) == 0 ? "https://news.example/" + random.nextInt(100) : "";
                items.add(item(String.format("%03d.%s", i, random.nextBoolean() ? "html" : "txt"), url, t));
            }
            RepeatedDuplicateFinder repeated = new RepeatedDuplicateFinder();
            for (int step = 0; step < 150; step++) {
                List<DuplicateFinder.Duplicate> expected = scratch.find(items.stream().map(Item::candidate).toList());
                assertEquals(expected, repeated.find(items, Item::candidate), "seed " + seed + ", step " + step);
                // Edits of one to three inputs: a new text, a copy of another's (a new duplicate), a near copy, a
                // URL another has, back to a text of its own; now and then an input comes or goes.
                int edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    int i = random.nextInt(items.size());
                    DuplicateFinder.Candidate c = items.get(i).candidate();
                    int other = random.nextInt(items.size());
                    String t = switch (random.nextInt(6)) {
                        case 0 -> texts.get(other);
                        case 1 -> texts.get(other) + " " + text(random, 3);
                        case 2 -> texts.get(i) + " " + text(random, 2);
                        default -> text(random, 60 + random.nextInt(60));
                    };
                    String url = random.nextInt(8) == 0 ? items.get(other).candidate().url() : c.url();
                    if (random.nextInt(25) == 0) {
                        items.remove(i);
                        texts.remove(i);
                    } else {
                        texts.set(i, t);
                        items.set(i, item(c.origin(), url, t));
                    }
                }
            }
            int[] counts = repeated.counts();
            // This sequence makes many groups on purpose, yet some edits touch no group and make none.
            assertTrue(counts[1] < counts[0], "searches " + counts[0] + ", from scratch " + counts[1]);
        }
    }

    /** Edits that touch no duplicate group and make none, the usual kind, need no search from scratch. */
    @Test
    void editsOutsideEveryGroupAreAnsweredWithoutANewSearch() {
        Random random = new Random(11);
        List<Item> items = withOneGroup(random, 200);
        RepeatedDuplicateFinder repeated = new RepeatedDuplicateFinder();
        for (int step = 0; step < 100; step++) {
            List<DuplicateFinder.Duplicate> expected = scratch.find(items.stream().map(Item::candidate).toList());
            assertEquals(expected, repeated.find(items, Item::candidate));
            int i = 3 + random.nextInt(200);
            Item before = items.get(i);
            items.set(i, item(before.candidate().origin(), before.candidate().url(), text(random, 80)));
        }
        assertEquals(2, repeated.find(items, Item::candidate).size());
        assertEquals(1, repeated.counts()[1], "only the first search ran from scratch");
    }

    /** Three inputs of one story (two of the same text, two of the same URL), then {@code others} of their own. */
    private List<Item> withOneGroup(Random random, int others) {
        List<Item> items = new ArrayList<>();
        String shared = text(random, 80);
        items.add(item("a.html", "https://news.example/a", shared));
        items.add(item("b.txt", "", shared));
        items.add(item("c.html", "https://news.example/a", text(random, 80)));
        for (int i = 0; i < others; i++) {
            items.add(item(i + ".txt", random.nextBoolean() ? "" : "https://news.example/" + i, text(random, 80)));
        }
        return items;
    }

    @Test
    void nothingChangedIsTheLastAnswer() {
        List<Item> items = withOneGroup(new Random(3), 20);
        RepeatedDuplicateFinder repeated = new RepeatedDuplicateFinder();
        List<DuplicateFinder.Duplicate> first = repeated.find(items, Item::candidate);
        assertEquals(2, first.size());
        assertEquals(first, repeated.find(new ArrayList<>(items), Item::candidate));
        assertEquals(1, repeated.counts()[1]);
    }
}
