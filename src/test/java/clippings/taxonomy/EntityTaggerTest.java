package clippings.taxonomy;

import clippings.model.Tag;
import clippings.model.TagKind;
import clippings.model.TagOrigin;
import clippings.model.TagRules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityTaggerTest {
    private final EntityTagger tagger = new EntityTagger(TagRules.defaults());
    private final TagMerger merger = new TagMerger(TagRules.defaults());

    private static Set<String> keys(List<Tag> tags, TagMerger m) {
        return tags.stream().map(t -> m.key(t.name())).collect(Collectors.toSet());
    }

    /** The seed article of #4: the six tags it must get, one tag for both spellings of Khoja. */
    @Test void seedGetsItsEntities() throws IOException {
        String[] in = TagGoldenTest.read("seed-middle-east-monitor");
        List<Tag> tags = tagger.tag(in[0], in[1]);
        Set<String> keys = keys(tags, merger);
        for (String must : List.of("Syrian Opposition Coalition", "Moscow", "Russia", "Bashar al-Assad",
                "Khaled Khoja", "Istanbul")) {
            assertTrue(keys.contains(merger.key(must)), must + " missing from " + tags);
        }
        assertFalse(keys.contains(merger.key("Khalid Khoja")) && keys.contains(merger.key("Khaled Khoja")));
        assertFalse(keys.contains("soc"), "the acronym joins its expansion");
        assertFalse(keys.contains("assad"), "the bare surname joins the full name");
        assertTrue(tags.size() >= 3 && tags.size() <= 10);
        assertTrue(tags.stream().allMatch(t -> t.origin() == TagOrigin.AUTOMATIC));
        ForbiddenTags.assertNoneForbidden(tags);
    }

    @Test void classifiesPeopleOrganisationsAndPlaces() {
        List<Tag> tags = tagger.tag("Talks in Geneva",
                "Foreign Minister Ayman Safadi met the Arab League in Geneva on Tuesday. Safadi said the "
                        + "Arab League would meet again in Geneva in March. Geneva hosts the talks.");
        Map<String, TagKind> kinds = tags.stream().collect(Collectors.toMap(Tag::name, Tag::kind));
        assertEquals(TagKind.PERSON, kinds.get("Ayman Safadi"));
        assertEquals(TagKind.ORGANISATION, kinds.get("Arab League"));
        assertEquals(TagKind.PLACE, kinds.get("Geneva"));
    }

    @Test void definedAcronymJoinsItsExpansion() {
        List<Tag> tags = tagger.tag("Strike called",
                "The National Union of Teachers (NUT) called a strike. The NUT said pay had fallen. "
                        + "Members of the NUT will vote.");
        assertTrue(tags.stream().anyMatch(t -> t.name().equals("National Union of Teachers")
                && t.kind() == TagKind.ORGANISATION), tags.toString());
        assertFalse(tags.stream().anyMatch(t -> t.name().equals("NUT")), tags.toString());
    }

    @Test void transliterationVariantsInOneArticleAreOnePerson() {
        List<Tag> tags = tagger.tag("Opposition elects leader",
                "The opposition elected Khalid Khoja as president. Khaled Khoja said talks were impossible.");
        List<Tag> people = tags.stream().filter(t -> t.kind() == TagKind.PERSON).toList();
        assertEquals(1, people.size(), tags.toString());
        assertEquals("Khaled Khoja", people.get(0).name()); // tie between spellings: alphabetical
    }

    @Test void separateRuleKeepsVariantsApart() {
        TagRules rules = new TagRules(true, 10, Map.of(), List.of(List.of("Khalid Khoja", "Khaled Khoja")),
                Map.of(), List.of());
        List<Tag> tags = new EntityTagger(rules).tag("Opposition elects leader",
                "The opposition elected Khalid Khoja as president. Khaled Khoja said talks were impossible.");
        assertEquals(2, tags.stream().filter(t -> t.kind() == TagKind.PERSON).count(), tags.toString());
    }

    @Test void bareSurnameAndFoldedSpellingsJoinTheFullName() {
        List<Tag> tags = tagger.tag("Assad speaks",
                "President Bashar Al-Assad spoke in Damascus. Bashar al-Assad said the war was over. Assad left.");
        assertEquals(1, tags.stream().filter(t -> t.kind() == TagKind.PERSON).count(), tags.toString());
        assertEquals("Bashar Al-Assad", tags.get(0).name());
    }

    @Test void neverTagsWeekdaysMonthsNumbersStopWordsOrLoneFirstNames() {
        List<Tag> tags = tagger.tag("Monday March 12",
                "On Monday, March 12, The 2019 figures rose. Julian said It was 25 percent. But Julian went home. "
                        + "Julian Assange was in London. In London, Julian Assange spoke. "
                        + "Exit mobile version. Site icon. Monday again. March again.");
        Set<String> names = tags.stream().map(Tag::name).collect(Collectors.toSet());
        assertFalse(names.contains("Monday") || names.contains("March") || names.contains("Julian")
                || names.contains("The") || names.contains("It") || names.contains("But") || names.contains("2019"), names.toString());
        assertTrue(names.contains("Julian Assange") && names.contains("London"), names.toString());
        ForbiddenTags.assertNoneForbidden(tags);
    }

    @Test void titleBeforeAGivenNameIsPartOfTheName() {
        List<Tag> tags = tagger.tag("Royal interview",
                "Prince Andrew gave an interview. Prince Andrew said he regretted it. Andrew left London.");
        assertTrue(tags.stream().anyMatch(t -> t.name().equals("Prince Andrew") && t.kind() == TagKind.PERSON), tags.toString());
    }

    @Test void capitalAndDemonymsLendWeightToTheirCountry() {
        List<Tag> tags = tagger.tag("Talks in Moscow",
                "Talks in Moscow began. Moscow hosts the delegates. Russia said little. Moscow again.");
        assertTrue(tags.stream().anyMatch(t -> t.name().equals("Russia")), tags.toString());
    }

    @Test void repeatedLowerCasePhraseFromTheTitleIsATopic() {
        List<Tag> tags = tagger.tag("Oxygen bar opens in Delhi",
                "An oxygen bar opened in Delhi. The oxygen bar sells clean air. Delhi is polluted.");
        assertTrue(tags.stream().anyMatch(t -> t.name().equals("oxygen bar") && t.kind() == TagKind.TOPIC), tags.toString());
    }

    @Test void offWhenAutomaticTaggingIsOffAndCappedByMax() throws IOException {
        String[] in = TagGoldenTest.read("seed-middle-east-monitor");
        TagRules off = new TagRules(false, 10, Map.of(), List.of(), Map.of(), List.of());
        assertEquals(List.of(), new EntityTagger(off).tag(in[0], in[1]));
        TagRules four = new TagRules(true, 4, Map.of(), List.of(), Map.of(), List.of());
        assertEquals(4, new EntityTagger(four).tag(in[0], in[1]).size());
    }

    @Test void reportsTheSpellingsItMergedAndWhy() {
        clippings.model.ArticleTags out = tagger.tagWithMerges("Assad speaks",
                "President Bashar Al-Assad spoke in Damascus. Bashar al-Assad said the war was over. Assad left.");
        assertEquals(List.of(
                new clippings.model.TagMerge("Bashar Al-Assad", List.of("Bashar al-Assad"), TagMerger.FOLDED),
                new clippings.model.TagMerge("Bashar Al-Assad", List.of("Assad"), Entities.SURNAME)),
                out.merges());
    }

    @Test void droppedNameGivesItsSlotToTheNext() throws IOException {
        String[] in = TagGoldenTest.read("seed-middle-east-monitor");
        TagRules dropMoscow = new TagRules(true, 3, Map.of(), List.of(), Map.of(), List.of("moscow"));
        List<Tag> tags = new EntityTagger(dropMoscow).tag(in[0], in[1]);
        assertEquals(3, tags.size());
        assertFalse(tags.stream().anyMatch(t -> t.name().equals("Moscow")), tags.toString());
    }
    /** The paragraphs of a body are where the regex the tagger used to split with split them. */
    @Test
    void paragraphsSplitWhereTheRegexSplit() {
        java.util.regex.Pattern regex = java.util.regex.Pattern.compile("\\n\\s*\\n|\\n(?=\\s*\\p{Lu})");
        String[] pieces = {"\n", "\n\n", " ", "\t", "\r", "\u000B", "a", "B", "É", "ж", "Ж", "𝐀", ".", "word", "Word"};
        java.util.Random r = new java.util.Random(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(14); k > 0; k--) sb.append(pieces[r.nextInt(pieces.length)]);
            String s = sb.toString();
            org.junit.jupiter.api.Assertions.assertEquals(List.of(regex.split(s)), MentionFinder.paragraphs(s), s);
        }
    }
}
