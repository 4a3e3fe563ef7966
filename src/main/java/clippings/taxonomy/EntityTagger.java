package clippings.taxonomy;

import clippings.model.ArticleTags;
import clippings.model.Tag;
import clippings.model.TagKind;
import clippings.model.TagMerge;
import clippings.model.TagOrigin;
import clippings.model.TagRules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;

/**
 * Tags an article automatically with the people, organisations and places it names and the multi-word topics
 * it repeats, most salient first: mentions in the title count three times, in the lead paragraph twice, and a
 * capital or demonym lends weight to its country. Spellings of one entity become one tag: case, accents,
 * hyphens and {@code al-} prefixes fold together, a bare surname joins the full name, an acronym defined in
 * the text joins its expansion, and transliteration variants with the same surname merge (#4).
 * <p>Immutable and thread-safe: build one per build from {@link TagRules} and share it.
 */
public final class EntityTagger {
    /** Below this score a candidate is kept only to reach {@link #MIN_TAGS}. */
    static final double MIN_SCORE = 2.0;
    static final int MIN_TAGS = 3;

    private final TagRules rules;
    private final NameFolder folder;
    private final Language lang;
    private final MentionFinder finder;
    /** Identity keys of {@code tags.drop}: never spend an automatic slot on them. */
    private final java.util.Set<String> dropped;

    public EntityTagger(TagRules rules) {
        this(rules, new NameFolder());
    }

    private EntityTagger(TagRules rules, NameFolder folder) {
        this(rules, folder, Language.english(folder));
    }

    /** For another language's word lists. */
    EntityTagger(TagRules rules, NameFolder folder, Language lang) {
        this.rules = Objects.requireNonNull(rules);
        this.folder = folder;
        this.lang = lang;
        this.finder = new MentionFinder(lang, folder);
        this.dropped = rules.drop().stream().map(folder::key).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Automatic tags of one article, most salient first, between 3 and {@code maxAutomatic} of them when the
     * text names that many; empty when automatic tagging is off. {@code bodyText} is plain text, paragraphs
     * separated by blank lines.
     */
    public List<Tag> tag(String title, String bodyText) {
        return extract(title, bodyText).stream().map(Entities.Candidate::tag).toList();
    }

    /**
     * The same tags as {@link #tag}, with the spellings merged inside the article (a variant, a bare
     * surname, a defined acronym, a folded spelling) for the build report; pass them to
     * {@link TagMerger#merge(Map, List)}.
     */
    public ArticleTags tagWithMerges(String title, String bodyText) {
        List<Entities.Candidate> candidates = extract(title, bodyText);
        List<TagMerge> merges = new ArrayList<>();
        for (Entities.Candidate c : candidates) {
            Map<String, List<String>> byReason = new TreeMap<>();
            c.merged().forEach((name, why) -> byReason.computeIfAbsent(why, w -> new ArrayList<>()).add(name));
            byReason.forEach((why, names) -> merges.add(new TagMerge(c.name(), names, why)));
        }
        return new ArticleTags(candidates.stream().map(Entities.Candidate::tag).toList(), merges);
    }

    /** The ranked candidates behind {@link #tag}, with their scores and merged spellings. */
    List<Entities.Candidate> extract(String title, String bodyText) {
        if (!rules.automatic() || rules.maxAutomatic() == 0) return List.of();
        boolean titleCase = titleCase(title);
        MentionFinder.Found found = finder.find(title, !titleCase, bodyText);
        Entities entities = new Entities(lang, folder, rules);
        List<Entities.Candidate> ranked = new ArrayList<>(entities.resolve(found, titleCase ? title : "", title));
        ranked.sort(Comparator.comparingDouble(Entities.Candidate::score).reversed()
                .thenComparingInt(Entities.Candidate::position)
                .thenComparing(Entities.Candidate::name));
        List<Entities.Candidate> out = new ArrayList<>();
        for (Entities.Candidate c : ranked) {
            if (out.size() >= rules.maxAutomatic()) break;
            if (dropped.contains(folder.key(c.name()))) continue; // the slot goes to the next candidate
            if (c.score() < MIN_SCORE && out.size() >= MIN_TAGS) break;
            out.add(c);
        }
        return List.copyOf(out);
    }

    /** Headline Case Titles capitalise common words, so their capitals say nothing about names. */
    private boolean titleCase(String title) {
        int words = 0, capitals = 0;
        for (String w : title.split("\\s+")) {
            if (w.isEmpty() || !Character.isLetter(w.codePointAt(0))) continue;
            if (lang.stopWords.contains(w.toLowerCase(java.util.Locale.ROOT)) && w.length() <= 3) continue;
            words++;
            if (Character.isUpperCase(w.codePointAt(0))) capitals++;
        }
        return words >= 2 && capitals >= words * 0.8;
    }

    static Tag tag(String name, TagKind kind) {
        return new Tag(name, kind, TagOrigin.AUTOMATIC);
    }
}
