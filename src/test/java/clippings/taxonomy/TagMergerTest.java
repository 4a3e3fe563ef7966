package clippings.taxonomy;

import clippings.model.MergedTags;
import clippings.model.Tag;
import clippings.model.TagKind;
import clippings.model.TagMerge;
import clippings.model.TagOrigin;
import clippings.model.TagRules;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagMergerTest {
    private static Tag auto(String name, TagKind kind) { return new Tag(name, kind, TagOrigin.AUTOMATIC); }

    private static TagRules rules(Map<String, List<String>> aliases, List<List<String>> separate,
                                  Map<String, String> rename, List<String> drop) {
        return new TagRules(true, 10, aliases, separate, rename, drop);
    }

    @Test void keyFoldsCaseAccentsHyphensAndPrefixes() {
        TagMerger m = new TagMerger(TagRules.defaults());
        assertEquals(m.key("Bashar al-Assad"), m.key("Bashar Al-Assad"));
        assertEquals(m.key("Gaza"), m.key("gaza"));
        assertEquals(m.key("Café"), m.key("Cafe"));
    }

    @Test void foldedSpellingsAcrossArticlesAreOneTagAndReported() {
        MergedTags out = new TagMerger(TagRules.defaults()).merge(Map.of(
                "a", List.of(auto("Bashar Al-Assad", TagKind.PERSON)),
                "b", List.of(auto("Bashar al-Assad", TagKind.PERSON)),
                "c", List.of(auto("Bashar al-Assad", TagKind.PERSON))));
        assertEquals("Bashar al-Assad", out.byArticle().get("a").get(0).name());
        assertEquals(List.of(new TagMerge("Bashar al-Assad", List.of("Bashar Al-Assad"), TagMerger.FOLDED)), out.merges());
    }

    @Test void transliterationVariantsAcrossArticlesMerge() {
        MergedTags out = new TagMerger(TagRules.defaults()).merge(Map.of(
                "a", List.of(auto("Khalid Khoja", TagKind.PERSON)),
                "b", List.of(auto("Khaled Khoja", TagKind.PERSON))));
        assertEquals(out.byArticle().get("a"), out.byArticle().get("b"));
        assertEquals(List.of(new TagMerge("Khaled Khoja", List.of("Khalid Khoja"), TagMerger.VARIANT)), out.merges());
    }

    @Test void differentGivenNamesStaySeparate() {
        MergedTags out = new TagMerger(TagRules.defaults()).merge(Map.of(
                "a", List.of(auto("Mark Smith", TagKind.PERSON)),
                "b", List.of(auto("Mike Smith", TagKind.PERSON))));
        assertEquals(List.of(), out.merges());
    }

    @Test void acronymNamedBesideItsOrganisationMerges() {
        MergedTags out = new TagMerger(TagRules.defaults()).merge(Map.of(
                "a", List.of(auto("Syrian Opposition Coalition", TagKind.ORGANISATION), auto("SOC", TagKind.ORGANISATION)),
                "b", List.of(auto("SOC", TagKind.ORGANISATION))));
        assertEquals("Syrian Opposition Coalition", out.byArticle().get("b").get(0).name());
        assertEquals(1, out.byArticle().get("a").size());
        assertEquals(TagMerger.ACRONYM, out.merges().get(0).reason());
    }

    @Test void bareSurnameJoinsTheOnlyPersonOfThatName() {
        MergedTags out = new TagMerger(TagRules.defaults()).merge(Map.of(
                "a", List.of(auto("Julian Assange", TagKind.PERSON)),
                "b", List.of(auto("Assange", TagKind.PERSON))));
        assertEquals("Julian Assange", out.byArticle().get("b").get(0).name());
    }

    @Test void configAliasMergesAndNamesTheTag() {
        MergedTags out = new TagMerger(rules(Map.of("Islamic State", List.of("ISIS", "Daesh")), List.of(), Map.of(), List.of()))
                .merge(Map.of("a", List.of(auto("ISIS", TagKind.ORGANISATION)), "b", List.of(auto("Daesh", TagKind.TOPIC))));
        assertEquals(List.of(new Tag("Islamic State", TagKind.ORGANISATION, TagOrigin.AUTOMATIC)), out.byArticle().get("a"));
        assertEquals(out.byArticle().get("a"), out.byArticle().get("b"));
        assertEquals(List.of(new TagMerge("Islamic State", List.of("Daesh", "ISIS"), TagMerger.ALIAS)), out.merges());
    }

    @Test void configSeparateForbidsAnAutomaticMerge() {
        MergedTags out = new TagMerger(rules(Map.of(), List.of(List.of("Khalid Khoja", "Khaled Khoja")), Map.of(), List.of()))
                .merge(Map.of("a", List.of(auto("Khalid Khoja", TagKind.PERSON)), "b", List.of(auto("Khaled Khoja", TagKind.PERSON))));
        assertEquals("Khalid Khoja", out.byArticle().get("a").get(0).name());
        assertEquals("Khaled Khoja", out.byArticle().get("b").get(0).name());
        assertEquals(List.of(), out.merges());
    }

    @Test void configRenameSetsTheDisplayName() {
        MergedTags out = new TagMerger(rules(Map.of(), List.of(), Map.of("Bashar al-Assad", "Bashar Assad"), List.of()))
                .merge(Map.of("a", List.of(auto("Bashar Al-Assad", TagKind.PERSON))));
        assertEquals("Bashar Assad", out.byArticle().get("a").get(0).name());
    }

    @Test void configDropRemovesTheTagEverywhere() {
        MergedTags out = new TagMerger(rules(Map.of(), List.of(), Map.of(), List.of("middle east")))
                .merge(Map.of("a", List.of(auto("Middle East", TagKind.PLACE), auto("Gaza", TagKind.PLACE))));
        assertEquals(List.of(auto("Gaza", TagKind.PLACE)), out.byArticle().get("a"));
    }

    @Test void trustedOriginsComeFirstAndKeepTheirSpelling() {
        MergedTags out = new TagMerger(TagRules.defaults()).merge(Map.of("a", List.of(
                auto("Gaza", TagKind.PLACE),
                new Tag("Hamas", TagKind.ORGANISATION, TagOrigin.PUBLISHER),
                new Tag("gaza strip", TagKind.TOPIC, TagOrigin.FRONT_MATTER),
                auto("Gaza Strip", TagKind.PLACE))));
        assertEquals(List.of(new Tag("gaza strip", TagKind.PLACE, TagOrigin.FRONT_MATTER),
                new Tag("Hamas", TagKind.ORGANISATION, TagOrigin.PUBLISHER),
                auto("Gaza", TagKind.PLACE)), out.byArticle().get("a"));
    }

    @Test void tagsSharedWithOtherArticlesRankHigher() {
        MergedTags out = new TagMerger(TagRules.defaults()).merge(Map.of(
                "a", List.of(auto("Cairo", TagKind.PLACE), auto("Moscow", TagKind.PLACE)),
                "b", List.of(auto("Moscow", TagKind.PLACE))));
        // Cairo ranks first in a (1.0) but Moscow is on a tag page with company (0.5 × 1.25 = 0.625 < 1.0)
        assertEquals("Cairo", out.byArticle().get("a").get(0).name());
        assertTrue(out.byArticle().get("a").contains(auto("Moscow", TagKind.PLACE)));
    }

    /** Merges made inside one article reach the report once, under the tag's final name. */
    @Test void listsMergesMadeInsideArticles() throws java.io.IOException {
        EntityTagger tagger = new EntityTagger(TagRules.defaults());
        String[] in = TagGoldenTest.read("seed-middle-east-monitor");
        clippings.model.ArticleTags seed = tagger.tagWithMerges(in[0], in[1]);
        assertEquals(tagger.tag(in[0], in[1]), seed.tags());
        TagMerger merger = new TagMerger(TagRules.defaults());
        List<TagMerge> twice = new java.util.ArrayList<>(seed.merges());
        twice.addAll(seed.merges());
        MergedTags out = merger.merge(Map.of("a", seed.tags(), "b", seed.tags()), twice);
        assertTrue(out.merges().contains(new TagMerge("Khaled Khoja", List.of("Khalid Khoja"), Entities.VARIANT)), out.merges().toString());
        assertTrue(out.merges().contains(new TagMerge("Syrian Opposition Coalition", List.of("SOC"), Entities.ACRONYM)), out.merges().toString());
        assertTrue(out.merges().contains(new TagMerge("Bassam Al-Malik", List.of("Al-Malik"), Entities.SURNAME)), out.merges().toString());
        assertEquals(out.merges().size(), new java.util.HashSet<>(out.merges()).size());
    }

    /** The acronym test is the regex {@code \p{Lu}{2,6}}, without one: upper-case letters only, code points counted. */
    @Test void anAcronymIsTwoToSixUpperCaseLetters() {
        java.util.regex.Pattern regex = java.util.regex.Pattern.compile("\\p{Lu}{2,6}");
        for (String name : List.of("UN", "NATO", "UNESCO", "UNESCOS", "U", "", "Un", "U.N.", "U N", "ÉU", "ΕΕ",
                "ⅠⅡ", "ⒶⒷ", "𝐀𝐁", "𝐀𝐁𝐂𝐃𝐄𝐅", "𝐀𝐁𝐂𝐃𝐄𝐅𝐆", "AB1", "ǅǄ", "ǄǄ")) {
            assertEquals(regex.matcher(name).matches(), TagMerger.acronymName(name), name);
        }
    }

    /**
     * serve and the daemon merge again after every edit, taking the last merge's tags for the articles whose tags
     * and keys merge as before. Random edits (tags changed, articles added and removed, a tag spreading to most
     * articles, variants and acronyms coming and going) must merge as a merge from nothing does, and an article
     * nothing touched keeps the very list it had.
     */
    @Test void mergingAgainInOneProcessMergesAsMergingAfreshDoes() {
        java.util.Random random = new java.util.Random(20261207);
        List<Tag> pool = List.of(auto("Bashar al-Assad", TagKind.PERSON), auto("Bashar Al-Assad", TagKind.PERSON),
                auto("Assad", TagKind.PERSON), auto("Mohammed Salah", TagKind.PERSON),
                auto("Muhammad Salah", TagKind.PERSON), auto("Salah", TagKind.PERSON),
                auto("World Health Organization", TagKind.ORGANISATION), auto("WHO", TagKind.ORGANISATION),
                auto("United Nations", TagKind.ORGANISATION), auto("UN", TagKind.ORGANISATION),
                auto("Gaza", TagKind.PLACE), auto("gaza", TagKind.TOPIC), auto("Cairo", TagKind.PLACE),
                new Tag("Elections", TagKind.TOPIC, TagOrigin.PUBLISHER), new Tag("Gaza", TagKind.PLACE, TagOrigin.FRONT_MATTER),
                auto("Dropped Name", TagKind.PERSON), auto("Old Name", TagKind.ORGANISATION));
        TagRules rules = new TagRules(true, 3, Map.of("United Nations", List.of("U.N.")),
                List.of(List.of("Bashar al-Assad", "Assad")), Map.of("old name", "New Name"), List.of("Dropped Name"));
        java.util.TreeMap<String, List<Tag>> articles = new java.util.TreeMap<>();
        java.util.function.Supplier<List<Tag>> tags = () -> {
            List<Tag> t = new java.util.ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) t.add(pool.get(random.nextInt(pool.size())));
            return List.copyOf(t);
        };
        for (int i = 0; i < 40; i++) articles.put(String.format("a%03d", i), tags.get());
        clippings.cache.ProcessMemory.keep();
        try {
            new TagMerger(rules).merge(articles);
            for (int step = 0; step < 300; step++) {
                List<String> ids = new java.util.ArrayList<>(articles.keySet());
                switch (random.nextInt(4)) {
                    case 0 -> articles.put(String.format("a%03d", 40 + step), tags.get());
                    case 1 -> articles.remove(ids.get(random.nextInt(ids.size())));
                    default -> articles.put(ids.get(random.nextInt(ids.size())), tags.get());
                }
                MergedTags again = new TagMerger(rules).merge(articles);
                MergedTags afresh = new TagMerger(rules).mergeAfresh(articles);
                assertEquals(afresh.merges(), again.merges(), "step " + step);
                assertEquals(afresh.byArticle(), again.byArticle(), "step " + step);
            }
            // An edit whose tags every other article already has leaves the others' lists as they were.
            String untouched = articles.firstKey();
            String edited = articles.lastKey();
            MergedTags last = new TagMerger(rules).merge(articles);
            articles.put(edited, List.copyOf(articles.get(edited)));
            MergedTags next = new TagMerger(rules).merge(articles);
            org.junit.jupiter.api.Assertions.assertSame(last.byArticle().get(untouched), next.byArticle().get(untouched));
            assertEquals(last, next);
        } finally {
            clippings.cache.ProcessMemory.forget();
        }
    }
}
