package clippings.taxonomy;

import clippings.cache.ProcessMemory;
import clippings.model.MergedTags;
import clippings.model.Tag;
import clippings.model.TagKind;
import clippings.model.TagMerge;
import clippings.model.TagOrigin;
import clippings.model.TagRules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Makes one tag per entity across the whole corpus: spellings with one identity key ({@link #key}) are one
 * tag, transliteration variants of a person's name, a person's bare surname and an organisation's acronym
 * merge when the corpus gives strong evidence, and the aliases, separations, renames and drops of
 * {@code clippings.yml} apply. Automatic tags are re-ranked by their spread across the corpus: a tag shared
 * with other articles is worth a tag page, a tag on most articles says nothing (#4).
 * <p>Immutable and thread-safe: build one per build and share it.
 */
public final class TagMerger {
    static final String FOLDED = "same name after folding case, accents, hyphens and al-/el- prefixes";
    static final String ALIAS = "alias in clippings.yml";
    static final String VARIANT = "transliteration variant: same surname, given names differ only in vowels";
    static final String SURNAME = "surname of the only person so named in the corpus";
    static final String ACRONYM = "acronym of an organisation named in the same article";

    private final TagRules rules;
    private final NameFolder folder = new NameFolder();
    private final Map<String, String> keys = new java.util.concurrent.ConcurrentHashMap<>();

    public TagMerger(TagRules rules) {
        this.rules = Objects.requireNonNull(rules);
    }

    /**
     * The identity key of a tag name: lower-case ASCII words, accents and hyphens and {@code al-}/{@code el-}
     * prefixes folded, so {@code Bashar Al-Assad} and {@code Bashar al-Assad} (and {@code Café}/{@code Cafe})
     * are one tag. Tag pages should group by this key.
     */
    public String key(String name) {
        // Each name recurs on many articles; folding it each time was most of merging at 10,000 articles (#7).
        return keys.computeIfAbsent(name, folder::key);
    }

    /**
     * Merges the tags of every article (article id → its tags, automatic ones in rank order). Returns each
     * article's tags, front matter first, then publisher, then automatic (at most {@code maxAutomatic}), and
     * the list of merges made. The input is not modified.
     */
    public MergedTags merge(Map<String, List<Tag>> tagsByArticle) {
        return merge(tagsByArticle, List.of());
    }

    /**
     * As {@link #merge(Map)}, also listing the merges {@link EntityTagger#tagWithMerges} made inside single
     * articles, under each tag's final name and once however many articles made them.
     */
    public MergedTags merge(Map<String, List<Tag>> tagsByArticle, List<TagMerge> articleMerges) {
        return merge(tagsByArticle, articleMerges, ProcessMemory.keeps(tagsByArticle.size()));
    }

    /** The merge made from nothing, whatever this process keeps: what tests hold a merge made again to. */
    MergedTags mergeAfresh(Map<String, List<Tag>> tagsByArticle) {
        return merge(tagsByArticle, List.of(), false);
    }

    private MergedTags merge(Map<String, List<Tag>> tagsByArticle, List<TagMerge> articleMerges, boolean keep) {
        int corpus = tagsByArticle.size();
        // Taken, not read: the tally is updated in place, and a merge that fails must leave none behind.
        Last taken = keep ? LAST.getAndSet(null) : null;
        Last last = taken != null && taken.rules().equals(rules) ? taken : null;
        Tally tally = last == null ? new Tally() : last.tally();
        Set<String> changed = tally.update(tagsByArticle, this::key);
        Groups groups = new Groups(tally);
        Map<String, String> aliasDisplay = new HashMap<>();
        rules.aliases().forEach((canonical, others) -> {
            String c = key(canonical);
            if (c.isEmpty()) return;
            groups.ensure(c);
            for (String other : others) {
                String o = key(other);
                if (o.isEmpty()) continue;
                groups.ensure(o);
                groups.union(c, o, ALIAS);
            }
            aliasDisplay.put(c, canonical);
        });
        mergeVariants(groups);
        mergeSurnames(groups);
        mergeAcronyms(groups, tally);

        Set<String> dropped = new HashSet<>();
        for (String d : rules.drop()) dropped.add(key(d));
        Map<String, String> renames = new HashMap<>();
        rules.rename().forEach((from, to) -> renames.put(key(from), to));

        Map<String, String> display = new HashMap<>();   // root → display name
        Map<String, TagKind> kinds = new HashMap<>();
        Map<String, Integer> spread = new HashMap<>();    // root → articles
        Set<String> droppedRoots = new HashSet<>();
        List<TagMerge> merges = new ArrayList<>();
        for (Map.Entry<String, List<String>> g : groups.byRoot().entrySet()) {
            String root = g.getKey();
            List<String> members = g.getValue();
            String name = null;
            for (String m : members) {
                if (renames.containsKey(m)) name = renames.get(m);
                if (dropped.contains(m)) droppedRoots.add(root);
            }
            if (name == null) {
                for (String m : members) if (aliasDisplay.containsKey(m)) name = aliasDisplay.get(m);
            }
            if (name == null) name = groups.bestName(members);
            if (dropped.contains(key(name))) droppedRoots.add(root);
            display.put(root, name);
            kinds.put(root, groups.kind(members));
            if (members.size() == 1) {
                spread.put(root, tally.articles(members.get(0)).size());
            } else {
                Set<String> articles = new HashSet<>();
                for (String m : members) articles.addAll(tally.articles(m));
                spread.put(root, articles.size());
            }
            TreeSet<String> others = new TreeSet<>(groups.names(members));
            others.remove(name);
            if (!others.isEmpty() && !droppedRoots.contains(root)) {
                merges.add(new TagMerge(name, List.copyOf(others), String.join("; ", groups.reasons(root, members))));
            }
        }
        Map<List<String>, Set<String>> inArticles = new TreeMap<>(Comparator.comparing((List<String> l) -> l.get(0))
                .thenComparing(l -> l.get(1)));
        for (TagMerge m : articleMerges) {
            String k = key(m.kept());
            if (!groups.parent.containsKey(k) || droppedRoots.contains(groups.root(k))) continue;
            String kept = display.get(groups.root(k));
            for (String name : m.merged()) {
                if (!name.equals(kept)) inArticles.computeIfAbsent(List.of(kept, m.reason()), x -> new TreeSet<>()).add(name);
            }
        }
        inArticles.forEach((keptAndReason, names) ->
                merges.add(new TagMerge(keptAndReason.get(0), List.copyOf(names), keptAndReason.get(1))));
        merges.sort(Comparator.comparing(TagMerge::kept).thenComparing(TagMerge::reason)
                .thenComparing(m -> m.merged().toString()));

        // What each key's tags become: an article given the same tags as in the last merge, all of whose keys
        // became what they became then, gets the same tags back (serve, the daemon, #7).
        Map<String, Verdict> verdicts = new HashMap<>();
        if (keep) {
            for (String k : groups.keys()) {
                String root = groups.root(k);
                int df = spread.get(root);
                Verdict v = new Verdict(root, display.get(root), kinds.get(root), droppedRoots.contains(root),
                        df >= 2, corpus >= 10 && df * 2 > corpus);
                Verdict before = last == null ? null : last.verdicts().get(k);
                verdicts.put(k, v.equals(before) ? before : v);
            }
        }
        Function<String, List<Tag>> merge = id -> mergedTags(tagsByArticle.get(id), tally.keys(id), groups, display, kinds,
                droppedRoots, spread, corpus);
        TreeMap<String, List<Tag>> out;
        if (last == null) {
            // The same keys, sorted once and then given their tags in order: no lookup per article.
            out = new TreeMap<>(tagsByArticle);
            out.replaceAll((id, given) -> merge.apply(id));
        } else {
            // Only the articles whose tags changed, or one of whose keys became something else, are merged again.
            Set<String> again = new HashSet<>(changed);
            verdicts.forEach((k, v) -> {
                if (v != last.verdicts().get(k)) again.addAll(tally.articles(k));
            });
            out = new TreeMap<>((Map<String, List<Tag>>) last.merged());
            for (String id : again) {
                if (tagsByArticle.containsKey(id)) out.put(id, merge.apply(id));
                else out.remove(id);
            }
        }
        MergedTags merged = new MergedTags(out, merges);
        if (keep) LAST.set(new Last(rules, tally, merged.byArticle(), verdicts));
        return merged;
    }

    /** One article's merged tags: front matter first, then publisher, then the best automatic ones. */
    private List<Tag> mergedTags(List<Tag> given, String[] keys, Groups groups, Map<String, String> display,
                                 Map<String, TagKind> kinds, Set<String> droppedRoots, Map<String, Integer> spread,
                                 int corpus) {
        Map<String, Tag> fixed = new java.util.LinkedHashMap<>();
        List<Ranked> automatic = new ArrayList<>();
        // By origin, stable: keeps rank order within an origin.
        Integer[] order = new Integer[given.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.comparing(i -> given.get(i).origin()));
        int rank = 0;
        Set<String> seen = new HashSet<>();
        for (int i : order) {
            Tag t = given.get(i);
            String k = keys[i];
            if (k.isEmpty()) continue;
            String root = groups.root(k);
            if (droppedRoots.contains(root) || !seen.add(root)) continue;
            Tag merged = new Tag(display.get(root), kinds.get(root), t.origin());
            if (t.origin() != TagOrigin.AUTOMATIC) {
                fixed.put(root, merged);
            } else {
                int df = spread.get(root);
                double weight = 1.0 / (1 + rank++);
                if (df >= 2) weight *= 1.25;            // a tag page with company is worth browsing
                if (corpus >= 10 && df * 2 > corpus) weight *= 0.5; // on most articles it says nothing
                automatic.add(new Ranked(merged, weight, rank));
            }
        }
        automatic.sort(Comparator.comparingDouble(Ranked::weight).reversed().thenComparingInt(Ranked::rank));
        List<Tag> tags = new ArrayList<>(fixed.values());
        automatic.stream().limit(rules.maxAutomatic()).forEach(r -> tags.add(r.tag()));
        return tags;
    }

    private record Ranked(Tag tag, double weight, int rank) { }

    /**
     * All that an article's merged tags read of one of its keys: the key's group (its root), the group's name and
     * kind, whether it is dropped, and its spread as ranking weighs it (on two articles or more; on most).
     */
    private record Verdict(String root, String display, TagKind kind, boolean dropped, boolean shared,
                           boolean common) {
    }

    /** The last merge of this process: its rules, its tally of the tags given, each article's merged tags and each key's verdict. */
    private record Last(TagRules rules, Tally tally, Map<String, List<Tag>> merged, Map<String, Verdict> verdicts) {
    }

    /**
     * The last merge, for the next build of a process that builds again (serve, the daemon): an edit changes the
     * tags of an article or two, and merging every article's tags again took a third of merging, tallying every
     * article's tags another third (#7).
     */
    private static final AtomicReference<Last> LAST = new AtomicReference<>();

    static {
        ProcessMemory.onForget(() -> LAST.set(null));
    }

    private void mergeVariants(Groups groups) {
        Map<String, List<String>> bySurname = new TreeMap<>();
        for (String k : groups.keys()) {
            String[] w = k.split(" ");
            if (w.length >= 2 && groups.kindOfKey(k) == TagKind.PERSON) {
                bySurname.computeIfAbsent(w[w.length - 1], x -> new ArrayList<>()).add(k);
            }
        }
        for (List<String> keys : bySurname.values()) {
            for (int i = 0; i < keys.size(); i++) {
                for (int j = i + 1; j < keys.size(); j++) {
                    List<String> a = List.of(keys.get(i).split(" "));
                    List<String> b = List.of(keys.get(j).split(" "));
                    // across articles the evidence must be stronger than within one: a longer skeleton
                    if (Entities.variants(a, b) && NameFolder.skeleton(a.get(0)).length() >= 3
                            && !separated(groups, keys.get(i), keys.get(j))) {
                        groups.union(keys.get(i), keys.get(j), VARIANT);
                    }
                }
            }
        }
    }

    private void mergeSurnames(Groups groups) {
        Map<String, List<String>> fullBySurname = new HashMap<>();
        for (String k : groups.keys()) {
            String[] w = k.split(" ");
            if (w.length >= 2 && groups.kindOfKey(k) == TagKind.PERSON) {
                fullBySurname.computeIfAbsent(w[w.length - 1], x -> new ArrayList<>()).add(k);
            }
        }
        for (String k : groups.keys()) {
            if (k.contains(" ") || groups.kindOfKey(k) != TagKind.PERSON) continue;
            List<String> full = fullBySurname.getOrDefault(k, List.of());
            Set<String> roots = new HashSet<>();
            for (String f : full) roots.add(groups.root(f));
            if (roots.size() == 1 && !separated(groups, k, full.get(0))) groups.union(full.get(0), k, SURNAME);
        }
    }

    /** Two to six upper-case letters ({@code \p{Lu}{2,6}}), checked without a regex: it runs on every tag. */
    static boolean acronymName(String name) {
        if (name.length() < 2 || name.length() > 12) return false;
        int letters = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (Character.getType(cp) != Character.UPPERCASE_LETTER) return false;
            letters++;
            i += Character.charCount(cp);
        }
        return letters >= 2 && letters <= 6;
    }

    /** In article id order, over the articles with a tag named like an acronym: the others have none to merge. */
    private void mergeAcronyms(Groups groups, Tally tally) {
        for (String id : tally.withAcronyms()) {
            List<Tag> tags = tally.given(id);
            for (Tag acronym : tags) {
                String a = acronym.name();
                if (!acronymName(a)) continue;
                for (Tag org : tags) {
                    if (org.kind() != TagKind.ORGANISATION || !org.name().contains(" ")) continue;
                    StringBuilder initials = new StringBuilder();
                    for (String w : org.name().split("\\s+")) if (Character.isUpperCase(w.codePointAt(0))) initials.appendCodePoint(w.codePointAt(0));
                    String ka = key(a), ko = key(org.name());
                    if (initials.toString().equals(a) && !separated(groups, ka, ko)) groups.union(ko, ka, ACRONYM);
                }
            }
        }
    }

    /** Whether {@code clippings.yml} keeps the groups of two keys apart. */
    private boolean separated(Groups groups, String a, String b) {
        if (rules.separate().isEmpty()) return false;
        Set<String> ga = new HashSet<>(groups.members(a));
        Set<String> gb = new HashSet<>(groups.members(b));
        for (List<String> rule : rules.separate()) {
            boolean inA = false, inB = false;
            for (String name : rule) {
                String k = key(name);
                inA |= ga.contains(k);
                inB |= gb.contains(k);
            }
            if (inA && inB) return true;
        }
        return false;
    }

    /**
     * Every article's tags as merging reads them, kept up to date article by article: each identity key's
     * spellings (counted by origin) and kind votes, and the articles it is on. Order-free sums, so updating it
     * by the articles whose tags changed gives what tallying them all again would.
     * <p>Not thread-safe: it belongs to one merge at a time.
     */
    private static final class Tally {
        /** {@code TagOrigin.values()} makes a new array each time: this runs for every tag of every article. */
        static final int ORIGINS = TagOrigin.values().length;
        private final Map<String, List<Tag>> given = new HashMap<>();
        private final Map<String, String[]> keys = new HashMap<>();
        /** key → spelling → how many tags of each origin (by ordinal) are so spelt. */
        final Map<String, Map<String, int[]>> spellings = new HashMap<>();
        final Map<String, Map<TagKind, Integer>> kindVotes = new HashMap<>();
        private final Map<String, Set<String>> articles = new HashMap<>();
        private final TreeSet<String> withAcronyms = new TreeSet<>();

        /**
         * Brings the tally to these articles' tags; returns the ids of the articles added, dropped or given other
         * tags since the last update.
         */
        Set<String> update(Map<String, List<Tag>> now, Function<String, String> key) {
            Set<String> changed = new HashSet<>();
            for (Map.Entry<String, List<Tag>> a : now.entrySet()) {
                List<Tag> before = given.get(a.getKey());
                if (before != null && before.equals(a.getValue())) continue;
                if (before != null) count(a.getKey(), -1);
                given.put(a.getKey(), a.getValue());
                String[] k = new String[a.getValue().size()];
                for (int i = 0; i < k.length; i++) k[i] = key.apply(a.getValue().get(i).name());
                keys.put(a.getKey(), k);
                count(a.getKey(), 1);
                changed.add(a.getKey());
            }
            if (given.size() != now.size()) {
                for (var it = given.keySet().iterator(); it.hasNext(); ) {
                    String id = it.next();
                    if (now.containsKey(id)) continue;
                    count(id, -1);
                    keys.remove(id);
                    it.remove();
                    changed.add(id);
                }
            }
            return changed;
        }

        /** Adds (sign 1) or takes back (sign -1) one article's tags. */
        private void count(String id, int sign) {
            List<Tag> tags = given.get(id);
            String[] k = keys.get(id);
            boolean acronym = false;
            for (int i = 0; i < k.length; i++) {
                Tag t = tags.get(i);
                acronym |= acronymName(t.name());
                if (k[i].isEmpty()) continue;
                int trust = ORIGINS - t.origin().ordinal();
                Map<String, int[]> names = spellings.computeIfAbsent(k[i], x -> new TreeMap<>());
                int[] byOrigin = names.computeIfAbsent(t.name(), n -> new int[ORIGINS]);
                byOrigin[t.origin().ordinal()] += sign;
                if (sign < 0 && count(byOrigin) == 0) names.remove(t.name());
                if (names.isEmpty()) spellings.remove(k[i]);
                Map<TagKind, Integer> votes = kindVotes.computeIfAbsent(k[i], x -> new EnumMap<>(TagKind.class));
                votes.compute(t.kind(), (kind, v) -> {
                    int sum = (v == null ? 0 : v) + sign * trust * trust * trust;
                    return sum == 0 ? null : sum;
                });
                if (votes.isEmpty()) kindVotes.remove(k[i]);
                Set<String> on = articles.computeIfAbsent(k[i], x -> new HashSet<>());
                if (sign > 0) on.add(id);
                else on.remove(id);
                if (on.isEmpty()) articles.remove(k[i]);
            }
            if (acronym && sign > 0) withAcronyms.add(id);
            else if (acronym) withAcronyms.remove(id);
        }

        List<Tag> given(String id) {
            return given.get(id);
        }

        String[] keys(String id) {
            return keys.get(id);
        }

        /** The articles with a tag of this key, each once. */
        Set<String> articles(String key) {
            return articles.getOrDefault(key, Set.of());
        }

        /** The articles, in id order, with a tag named like an acronym. */
        Set<String> withAcronyms() {
            return java.util.Collections.unmodifiableSet(withAcronyms);
        }

        static int count(int[] byOrigin) {
            int n = 0;
            for (int c : byOrigin) n += c;
            return n;
        }

        /** The trust of the most trusted origin with a tag so spelt. */
        static int trust(int[] byOrigin) {
            for (int o = 0; o < byOrigin.length; o++) if (byOrigin[o] > 0) return ORIGINS - o;
            return 0;
        }
    }

    /** Identity keys, the spellings and kinds seen for each (from the tally), and a union-find of keys that are one entity. */
    private static final class Groups {
        final Map<String, String> parent = new HashMap<>();
        /** The keys in order, made once they are all known (merging adds none). */
        private TreeSet<String> sorted;
        private final Map<String, Map<String, int[]>> spellings;
        private final Map<String, Map<TagKind, Integer>> kindVotes;
        private final Map<String, Set<String>> reasons = new HashMap<>();
        private final Map<String, List<String>> membersOfRoot = new HashMap<>();

        Groups(Tally tally) {
            spellings = tally.spellings;
            kindVotes = tally.kindVotes;
            for (String key : spellings.keySet()) ensure(key);
        }

        void ensure(String key) {
            if (parent.putIfAbsent(key, key) == null) {
                membersOfRoot.put(key, new ArrayList<>(List.of(key)));
                sorted = null;
            }
        }

        Set<String> keys() {
            if (sorted == null) sorted = new TreeSet<>(parent.keySet());
            return java.util.Collections.unmodifiableSet(sorted);
        }

        String root(String k) {
            String p = parent.getOrDefault(k, k);
            if (p.equals(k)) return k;
            String r = root(p);
            parent.put(k, r);
            return r;
        }

        void union(String a, String b, String reason) {
            String ra = root(a), rb = root(b);
            if (ra.equals(rb)) return;
            String keep = ra.compareTo(rb) < 0 ? ra : rb; // deterministic root
            String gone = keep.equals(ra) ? rb : ra;
            parent.put(gone, keep);
            membersOfRoot.get(keep).addAll(membersOfRoot.remove(gone));
            Set<String> r = reasons.computeIfAbsent(keep, x -> new TreeSet<>());
            r.add(reason);
            r.addAll(reasons.getOrDefault(gone, Set.of()));
        }

        List<String> members(String k) {
            return membersOfRoot.getOrDefault(root(k), List.of(k));
        }

        /** Root → member keys, both sorted. */
        Map<String, List<String>> byRoot() {
            Map<String, List<String>> out = new TreeMap<>();
            for (String k : keys()) out.computeIfAbsent(root(k), x -> new ArrayList<>()).add(k);
            return out;
        }

        TagKind kindOfKey(String k) {
            return kind(List.of(k));
        }

        /** The kind most trusted sources give; a specific kind beats TOPIC, which tagging uses for "unsure". */
        TagKind kind(List<String> members) {
            Map<TagKind, Integer> votes = new EnumMap<>(TagKind.class);
            for (String m : members) kindVotes.getOrDefault(m, Map.of()).forEach((k, v) -> votes.merge(k, v, Integer::sum));
            TagKind best = TagKind.TOPIC;
            int bestVotes = 0;
            for (Map.Entry<TagKind, Integer> e : votes.entrySet()) {
                if (e.getKey() != TagKind.TOPIC && e.getValue() > bestVotes) {
                    best = e.getKey();
                    bestVotes = e.getValue();
                }
            }
            return best;
        }

        Set<String> names(List<String> members) {
            Set<String> out = new TreeSet<>();
            for (String m : members) out.addAll(spellings.getOrDefault(m, Map.of()).keySet());
            return out;
        }

        /** Most trusted spelling, then longest, then most used, then one with capitals, then with accents, then A–Z. */
        String bestName(List<String> members) {
            String best = null;
            int[] bestStats = null;
            for (String m : members) {
                for (Map.Entry<String, int[]> s : spellings.getOrDefault(m, Map.of()).entrySet()) {
                    int[] stats = {Tally.trust(s.getValue()), Tally.count(s.getValue())};
                    if (best == null || better(s.getKey(), stats, best, bestStats)) {
                        best = s.getKey();
                        bestStats = stats;
                    }
                }
            }
            return best == null ? members.get(0) : best;
        }

        private static boolean better(String name, int[] stats, String best, int[] bestStats) {
            if (stats[0] != bestStats[0]) return stats[0] > bestStats[0];
            int words = name.split("\\s+").length, bestWords = best.split("\\s+").length;
            if (words != bestWords) return words > bestWords; // the full name, not the surname or acronym
            if (stats[1] != bestStats[1]) return stats[1] > bestStats[1];
            boolean caps = !name.equals(name.toLowerCase(java.util.Locale.ROOT));
            boolean bestCaps = !best.equals(best.toLowerCase(java.util.Locale.ROOT));
            if (caps != bestCaps) return caps;
            boolean accents = name.chars().anyMatch(c -> c > 127);
            boolean bestAccents = best.chars().anyMatch(c -> c > 127);
            if (accents != bestAccents) return accents;
            return name.compareTo(best) < 0;
        }

        List<String> reasons(String root, List<String> members) {
            Set<String> out = new TreeSet<>(reasons.getOrDefault(root, Set.of()));
            for (String m : members) {
                if (spellings.getOrDefault(m, Map.of()).size() > 1) out.add(FOLDED);
            }
            return List.copyOf(out);
        }
    }
}
