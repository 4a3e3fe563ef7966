package clippings.cache;

import clippings.model.Article;
import clippings.model.ArticleEntry;
import clippings.model.ArticleMeta;
import clippings.model.TagKind;
import clippings.model.TagRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class EntryDigestsTest {
    static {
        // As in serve and the daemon, where what one build takes is kept for the next.
        clippings.cache.ProcessMemory.keep();
    }

    private static ArticleEntry entry(String id, String title, List<TagRef> tags) {
        ArticleMeta meta = new ArticleMeta(title, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("en"));
        Article a = new Article(id, id + ".txt", "ab".repeat(32), meta, List.of(), title, "<p>" + title + "</p>");
        return new ArticleEntry(a, "articles/" + id + ".html", tags);
    }

    /**
     * A digest kept from the last build is only ever the one its entry has: an entry equal to one of the last
     * build gets that digest, and an entry changed under the same id gets its own.
     */
    @Test
    void aKeptDigestIsTheDigestOfAnEqualEntry() {
        ArticleEntry a = entry("a", "Harbour reopens", List.of());
        ArticleEntry b = entry("b", "Council meets", List.of());
        EntryDigests first = new EntryDigests();
        assertEquals(Digests.of("entry", a), first.of(a));
        assertEquals(Digests.of("entry", b), first.of(b));

        EntryDigests second = new EntryDigests();
        ArticleEntry sameA = entry("a", "Harbour reopens", List.of());
        ArticleEntry retagged = entry("b", "Council meets", List.of(new TagRef("Council", TagKind.ORGANISATION, "council")));
        assertEquals(first.of(a), second.of(sameA), "an equal entry, made again");
        assertEquals(Digests.of("entry", retagged), second.of(retagged));
        assertNotEquals(first.of(b), second.of(retagged), "the same id with other tags");
        assertEquals(second.of(retagged), new EntryDigests().of(entry("b", "Council meets",
                List.of(new TagRef("Council", TagKind.ORGANISATION, "council")))));
    }

    /** Summaries are kept the same way, apart from entry digests: either may be taken first, or alone. */
    @Test
    void aKeptSummaryIsTheSummaryOfAnEqualEntry() {
        ArticleEntry a = entry("a", "Harbour reopens", List.of());
        EntryDigests first = new EntryDigests();
        String summary = first.summary(a);
        EntryDigests second = new EntryDigests();
        assertEquals(summary, second.summary(entry("a", "Harbour reopens", List.of())));
        assertEquals(Digests.of("entry", a), second.of(a), "the entry digest, never taken before, is its own");
        assertNotEquals(summary, second.of(a));
        assertNotEquals(summary, new EntryDigests().summary(entry("a", "Harbour reopened", List.of())));
        assertEquals(summary, new EntryDigests().summary(a), "taken again by a build whose last build did not have it: the same");
    }

    /** A list's digest is its entries' digests under the label, however many labels one build takes of it. */
    @Test
    void aListIsDigestedByItsEntriesUnderEachLabel() {
        ArticleEntry a = entry("a", "Harbour reopens", List.of());
        ArticleEntry b = entry("b", "Council meets", List.of());
        List<ArticleEntry> both = List.of(a, b);
        EntryDigests digests = new EntryDigests();
        String index = digests.ofAll("index", both);
        assertEquals(Digests.of("index", List.of(Digests.of("entry", a), Digests.of("entry", b))), index);
        assertEquals(Digests.of("data", List.of(Digests.of("entry", a), Digests.of("entry", b))), digests.ofAll("data", both));
        assertNotEquals(index, digests.ofAll("index", List.of(b, a)), "another order");
        EntryDigests next = new EntryDigests();
        ArticleEntry retitled = entry("a", "Harbour reopened", List.of());
        assertEquals(Digests.of("index", List.of(Digests.of("entry", retitled), Digests.of("entry", b))),
                next.ofAll("index", List.of(retitled, b)), "the next build, with one entry changed");
    }

    /** Each entry's digest and summary by position, as looked up one by one, for each list asked of. */
    @Test
    void eachEntrysDigestsComeInTheListsOrder() {
        ArticleEntry a = entry("a", "Harbour reopens", List.of());
        ArticleEntry b = entry("b", "Council meets", List.of());
        EntryDigests digests = new EntryDigests();
        assertEquals(List.of(digests.of(a), digests.of(b)), digests.ofEach(List.of(a, b)));
        assertEquals(List.of(digests.of(b), digests.of(a)), digests.ofEach(List.of(b, a)));
        assertEquals(List.of(digests.summary(b), digests.summary(a)), digests.summaryOfEach(List.of(b, a)));
        assertEquals(List.of(digests.summary(a)), digests.summaryOfEach(List.of(a)));
        assertNotEquals(digests.of(a), digests.summary(a));
    }

    /**
     * A build takes the last build's digests by place: after articles came, went, changed, moved or were made
     * again equal, in ones and in runs, every digest is the one taken afresh, looked up one by one or in order.
     */
    @Test
    void digestsCarriedFromTheLastBuildAreTheDigestsTakenAfresh() {
        List<ArticleEntry> list = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) list.add(entry("e" + i, "Story " + i, List.of()));
        java.util.Random random = new java.util.Random(7);
        for (int step = 0; step < 12; step++) {
            switch (step % 6) {
                case 1 -> list.add(0, entry("new" + step, "Newest " + step, List.of()));
                case 2 -> list.remove(1 + random.nextInt(list.size() - 1));
                case 3 -> {
                    int at = random.nextInt(list.size());
                    ArticleEntry e = list.get(at);
                    list.set(at, entry(e.article().id(), "Edited " + step, List.of()));
                }
                case 4 -> {
                    ArticleEntry moved = list.remove(random.nextInt(list.size()));
                    list.add(random.nextInt(list.size()), moved);
                    int at = random.nextInt(list.size());
                    ArticleEntry e = list.get(at);
                    list.set(at, entry(e.article().id(), e.article().meta().title(), e.tags()));
                }
                case 5 -> {
                    for (int k = 0; k < 80; k++) list.add(random.nextInt(list.size()), entry("run" + step + "-" + k, "Run", List.of()));
                    list.subList(200, 240).clear();
                }
                default -> {
                }
            }
            List<ArticleEntry> index = List.copyOf(list);
            EntryDigests digests = new EntryDigests();
            List<String> each = digests.ofEach(index);
            List<String> summaries = digests.summaryOfEach(index);
            for (int i = 0; i < index.size(); i++) {
                ArticleEntry e = index.get(i);
                assertEquals(Digests.of("entry", e), each.get(i), "step " + step + ", entry " + i);
                assertEquals(new EntryDigests().summary(e), summaries.get(i), "step " + step + ", summary " + i);
                assertEquals(each.get(i), digests.of(e));
                assertEquals(summaries.get(i), digests.summary(e));
            }
        }
    }

    /** An entry outside the index (the first list asked for) gets its own digest, whatever came before. */
    @Test
    void anEntryOutsideTheIndexIsDigestedOnItsOwn() {
        ArticleEntry a = entry("a", "Harbour reopens", List.of());
        ArticleEntry b = entry("b", "Council meets", List.of());
        EntryDigests digests = new EntryDigests();
        digests.ofEach(List.of(a));
        assertEquals(Digests.of("entry", b), digests.of(b));
        ArticleEntry otherA = entry("a", "Harbour reopened", List.of());
        assertEquals(Digests.of("entry", otherA), digests.of(otherA), "another entry under an id of the index");
        assertEquals(Digests.of("entry", a), digests.of(a));
    }
}
