package clippings.taxonomy;

import clippings.model.Tag;
import clippings.model.TagKind;
import clippings.model.TagRules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Resolves the mentions of one article to entities (one per person, organisation, place or topic), then
 * classifies and scores them. Works out coreference inside the article: a bare surname joins the one full
 * name that ends with it, an acronym defined in parentheses joins its expansion, and transliteration variants
 * with the same surname merge unless {@code clippings.yml} keeps them separate.
 * <p>Not thread-safe: one instance per article.
 */
final class Entities {
    /** A ranked tag candidate; {@code merged}: other spellings of it in the article → why they are it. */
    record Candidate(String name, TagKind kind, double score, int position, Map<String, String> merged) {
        Tag tag() { return EntityTagger.tag(name, kind); }
    }

    /** Site names in datelines ("PanARMENIAN.Net") are chrome, not entities. */
    private static final Pattern DOMAIN = Pattern.compile("(?i)\\.(com|net|org|info|co|uk|io|tv|ru|am)\\b");
    /** Party and state after a US legislator's name: "(D-Minn.)". */
    private static final Pattern PARTY_STATE = Pattern.compile("[DRI]-[A-Z][a-z]*");
    private static final Pattern CAPITALS = Pattern.compile("\\p{Lu}{2,}");
    static final String ACRONYM = "acronym defined in the article";
    static final String SURNAME = "surname of a person named in full in the article";
    static final String VARIANT = "transliteration variant in the article: same surname, given names differ only in vowels";
    private static final double CAPITAL_SUPPORT = 0.25;
    private static final double DEMONYM_SUPPORT = 0.4;
    private static final double MAX_SUPPORT = 1.5;

    private final Language lang;
    private final NameFolder folder;
    private final TagRules rules;
    private final Map<String, Entity> entities = new LinkedHashMap<>();
    private final Map<String, Double> support = new TreeMap<>();
    private Set<String> lowerCaseWords = Set.of();

    Entities(Language lang, NameFolder folder, TagRules rules) {
        this.lang = lang;
        this.folder = folder;
        this.rules = rules;
    }

    private static final class Entity {
        final String key;
        final List<String> words;
        final Map<String, Double> surfaces = new TreeMap<>();
        Optional<String> fixedName = Optional.empty();
        Optional<TagKind> fixedKind = Optional.empty();
        double weight;
        int position = Integer.MAX_VALUE;
        int mentions;
        int midSentence;
        int inBody;
        int surnameRefs;
        boolean titled;
        boolean prominent;
        boolean speech;
        boolean definesAcronym;
        boolean determined;
        /** Spellings merged into this entity other than by folding → why. */
        final Map<String, String> merged = new TreeMap<>();

        Entity(String key) {
            this.key = key;
            this.words = List.of(key.split(" "));
        }

        void add(MentionFinder.Mention m, boolean fullForm) {
            weight += m.weight();
            position = Math.min(position, m.position());
            mentions++;
            if (!m.sentenceStart()) midSentence++;
            if (m.weight() < 3) inBody++;
            titled |= m.titled();
            prominent |= m.prominent();
            speech |= m.speechAfter();
            determined |= m.determined();
            if (fullForm) surfaces.merge(m.surface(), m.weight(), Double::sum);
        }
    }

    /** Every candidate of the article, unranked. {@code titleCaseTitle} is the title when its capitals say nothing. */
    List<Candidate> resolve(MentionFinder.Found found, String titleCaseTitle, String fullTitle) {
        lowerCaseWords = found.lowerCaseWords();
        Map<String, String> acronyms = acronyms(found.mentions());
        List<MentionFinder.Mention> singles = new ArrayList<>();
        List<MentionFinder.Mention> defined = new ArrayList<>();
        for (MentionFinder.Mention m : found.mentions()) {
            String key = folder.key(m.surface());
            if (forbidden(key, m.surface())) continue;
            Optional<Language.Place> place = lang.place(key);
            String org = orgDisplay(m, key);
            if (place.isPresent()) {
                Language.Place p = place.get();
                fixed(p.name(), TagKind.PLACE).add(m, false);
                p.country().ifPresent(c -> support.merge(c, CAPITAL_SUPPORT * m.weight(), Double::sum));
            } else if (org != null) {
                fixed(org, TagKind.ORGANISATION).add(m, false);
            } else if (m.words().size() == 1 && lang.demonyms.containsKey(key)) {
                support.merge(lang.demonyms.get(key), DEMONYM_SUPPORT * m.weight(), Double::sum);
            } else if (m.words().size() == 1 && acronyms.containsKey(m.surface())) {
                defined.add(m); // after the loop: the acronym may come before its definition
            } else if (m.words().size() == 1) {
                singles.add(m);
            } else {
                Entity e = entities.computeIfAbsent(key, Entity::new);
                e.add(m, true);
                if (m.acronym().isPresent() && acronyms.containsKey(m.acronym().get())) e.definesAcronym = true;
            }
        }
        for (MentionFinder.Mention m : defined) {
            Entity e = entities.get(acronyms.get(m.surface()));
            if (e != null) {
                e.add(m, false);
                e.merged.putIfAbsent(m.surface(), ACRONYM);
            }
            else singles.add(m);
        }
        for (MentionFinder.Mention m : singles) single(m);
        mergeVariants();
        List<Candidate> out = new ArrayList<>();
        String title = String.join(" ", folder.words(titleCaseTitle));
        for (Entity e : entities.values()) {
            candidate(e, title).ifPresent(out::add);
        }
        support.forEach((country, s) -> {
            if (!entities.containsKey(folder.key(country)) && s >= EntityTagger.MIN_SCORE) {
                out.add(new Candidate(country, TagKind.PLACE, Math.min(s, MAX_SUPPORT + 1), Integer.MAX_VALUE, Map.of()));
            }
        });
        out.addAll(topics(found.phrases(), String.join(" ", folder.words(fullTitle))));
        return out;
    }

    private boolean forbidden(String key, String surface) {
        boolean acronym = surface.length() > 1 && surface.equals(surface.toUpperCase(java.util.Locale.ROOT));
        if (key.isEmpty()) return true;
        String[] words = key.split(" ");
        // "US" is a place though "us" is a stop word; "IS", "MORE" and "All-new" are not names
        boolean stopEdge = lang.stopWords.contains(words[0]) || lang.stopWords.contains(words[words.length - 1]);
        if (stopEdge && !(acronym && lang.places.containsKey(key))) return true;
        if (words.length == 1 && (lang.orgSuffixes.contains(key) || lang.placeSuffixes.contains(key))) return true;
        return lang.never.contains(key)
                || key.chars().noneMatch(Character::isLetter)
                || DOMAIN.matcher(surface).find() || PARTY_STATE.matcher(surface).matches();
    }

    /** Display name of a well-known organisation, or null. Acronyms match only in capitals ("WHO", not "Who"). */
    private String orgDisplay(MentionFinder.Mention m, String key) {
        String surface = m.surface();
        if (lang.organisationAcronyms.contains(surface)) return lang.organisations.get(key);
        if (surface.equals(surface.toUpperCase(java.util.Locale.ROOT)) && m.words().size() == 1) return null;
        String d = lang.organisations.get(key);
        return d != null && !lang.organisationAcronyms.contains(d) ? d : null;
    }

    private Entity fixed(String name, TagKind kind) {
        Entity e = entities.computeIfAbsent(folder.key(name), Entity::new);
        e.fixedName = Optional.of(name);
        e.fixedKind = Optional.of(kind);
        return e;
    }

    /** Acronym → key of the name it abbreviates, for "Syrian Opposition Coalition (SOC)". */
    private Map<String, String> acronyms(List<MentionFinder.Mention> mentions) {
        Map<String, String> out = new HashMap<>();
        for (MentionFinder.Mention m : mentions) {
            if (m.acronym().isEmpty()) continue;
            String acronym = m.acronym().get().replaceAll("s$", "");
            StringBuilder initials = new StringBuilder();
            for (String w : m.words()) {
                if (Character.isUpperCase(w.codePointAt(0))) initials.appendCodePoint(w.codePointAt(0));
            }
            if (initials.toString().equalsIgnoreCase(acronym)) out.put(m.acronym().get(), folder.key(m.surface()));
        }
        return out;
    }

    /** A one-word mention joins the full name it shortens, or stands alone; a lone first name is dropped. */
    private void single(MentionFinder.Mention m) {
        String key = folder.key(m.surface());
        Entity surnameOf = null;
        Entity givenOf = null;
        for (Entity e : entities.values()) {
            if (e.words.size() < 2 || e.words.size() > 4 || e.fixedKind.isPresent() || e.words.contains("of")) continue;
            if (e.words.get(e.words.size() - 1).equals(key) && (surnameOf == null || e.weight > surnameOf.weight)) surnameOf = e;
            if (e.words.get(0).equals(key) && (givenOf == null || e.weight > givenOf.weight)) givenOf = e;
        }
        if (surnameOf != null && !m.determined()) {
            surnameOf.add(m, false);
            surnameOf.merged.putIfAbsent(m.surface(), SURNAME);
            surnameOf.surnameRefs++;
        } else if (givenOf != null && lang.givenNames.contains(key)) {
            givenOf.add(m, false);
        } else if (!lang.givenNames.contains(key)) {
            entities.computeIfAbsent(key, Entity::new).add(m, true);
        }
    }

    /** Merges names with one surname whose other words differ only in vowels: Khalid/Khaled Khoja (#4). */
    private void mergeVariants() {
        List<Entity> list = new ArrayList<>(entities.values());
        for (int i = 0; i < list.size(); i++) {
            Entity a = list.get(i);
            if (!entities.containsKey(a.key) || a.fixedKind.isPresent() || a.words.size() < 2) continue;
            for (int j = i + 1; j < list.size(); j++) {
                Entity b = list.get(j);
                if (!entities.containsKey(b.key) || b.fixedKind.isPresent() || !variants(a.words, b.words)) continue;
                if (separated(a, b)) continue;
                Entity keep = b.weight > a.weight ? b : a;
                Entity gone = keep == a ? b : a;
                keep.weight += gone.weight;
                keep.position = Math.min(keep.position, gone.position);
                keep.mentions += gone.mentions;
                keep.midSentence += gone.midSentence;
                keep.inBody += gone.inBody;
                keep.surnameRefs += gone.surnameRefs;
                keep.titled |= gone.titled;
                keep.prominent |= gone.prominent;
                keep.speech |= gone.speech;
                gone.surfaces.forEach((s, w) -> keep.surfaces.merge(s, w, Double::sum));
                gone.surfaces.keySet().forEach(s -> keep.merged.put(s, VARIANT));
                gone.merged.forEach(keep.merged::putIfAbsent);
                entities.remove(gone.key);
                if (gone == a) break;
            }
        }
    }

    /** Same surname, same number of words, other words with equal consonant skeletons (of at least two letters). */
    static boolean variants(List<String> a, List<String> b) {
        if (a.size() != b.size() || a.equals(b) || !a.get(a.size() - 1).equals(b.get(b.size() - 1))) return false;
        for (int i = 0; i < a.size() - 1; i++) {
            String sa = NameFolder.skeleton(a.get(i));
            if (sa.length() < 2 || !sa.equals(NameFolder.skeleton(b.get(i)))) return false;
        }
        return true;
    }

    private boolean separated(Entity a, Entity b) {
        for (List<String> group : rules.separate()) {
            boolean hasA = false, hasB = false;
            for (String name : group) {
                String k = folder.key(name);
                hasA |= k.equals(a.key) || a.surfaces.keySet().stream().anyMatch(s -> folder.key(s).equals(k));
                hasB |= k.equals(b.key) || b.surfaces.keySet().stream().anyMatch(s -> folder.key(s).equals(k));
            }
            if (hasA && hasB) return true;
        }
        return false;
    }

    private Optional<Candidate> candidate(Entity e, String title) {
        TagKind kind = e.fixedKind.orElseGet(() -> kind(e));
        if (e.fixedKind.isEmpty()) {
            if (e.words.size() > 6) return Optional.empty();
            if (e.words.size() == 1 && (e.midSentence == 0 || lang.givenNames.contains(e.key))) return Optional.empty();
            if (e.words.size() == 1 && kind == TagKind.TOPIC && e.midSentence < 2) return Optional.empty();
            if (e.words.size() == 1 && kind == TagKind.TOPIC && lowerCaseWords.contains(e.key)) return Optional.empty(); // "Black" is "black"
            if (e.words.size() == 1 && e.key.length() < 2) return Optional.empty();
            // a capitalised phrase that only opens sentences, or a long one seen once, is a heading or a fragment
            // and one the body never mentions is a headline's wording ("Sales Plunge")
            if (kind == TagKind.TOPIC && (e.midSentence == 0 || e.inBody == 0 || e.words.size() >= 4 && e.mentions < 2)) {
                return Optional.empty();
            }
        }
        String name = e.fixedName.orElseGet(() -> display(e));
        double score = e.weight + (e.prominent ? 1 : 0)
                + Math.min(MAX_SUPPORT, support.getOrDefault(name, 0.0));
        if (!title.isEmpty() && (contains(title, e.key) || kind == TagKind.PERSON && contains(title, e.words.get(e.words.size() - 1)))) {
            score += 3;
        }
        Map<String, String> merged = new TreeMap<>();
        for (String s : e.surfaces.keySet()) {
            // a spelling with another key can only have come in as a transliteration variant
            if (!s.equals(name)) merged.put(s, folder.key(s).equals(folder.key(name)) ? TagMerger.FOLDED
                    : e.merged.getOrDefault(s, VARIANT));
        }
        e.merged.forEach((s, why) -> {
            if (!s.equals(name)) merged.putIfAbsent(s, why);
        });
        return Optional.of(new Candidate(name, kind, score, e.position, Collections.unmodifiableMap(merged)));
    }

    private TagKind kind(Entity e) {
        String first = e.words.get(0);
        String last = e.words.get(e.words.size() - 1);
        boolean hasOf = e.words.contains("of") || e.words.contains("for");
        if (e.words.size() > 1 && lang.orgSuffixes.contains(last)) return TagKind.ORGANISATION;
        if (hasOf && (lang.orgHeads.contains(first) || lang.orgSuffixes.contains(first))) return TagKind.ORGANISATION;
        if (e.words.size() > 1 && lang.placeSuffixes.contains(last)) return TagKind.PLACE;
        if (e.words.size() == 1 && e.surfaces.keySet().stream().allMatch(s -> s.length() > 1 && s.equals(s.toUpperCase(java.util.Locale.ROOT)))) {
            return TagKind.ORGANISATION;
        }
        if (e.words.size() == 1) return e.titled ? TagKind.PERSON : TagKind.TOPIC;
        // "Big Machine says": speaking makes a person only of a name whose first word is no ordinary word
        boolean ordinaryFirst = e.surfaces.keySet().stream().anyMatch(s -> lowerCaseWords.contains(s.split(" ")[0].toLowerCase(java.util.Locale.ROOT)));
        boolean personal = e.titled || (lang.givenNames.contains(first) || (e.surnameRefs > 0 || e.speech) && !ordinaryFirst)
                && !e.determined;
        boolean acronymFirst = e.surfaces.keySet().stream().allMatch(s -> CAPITALS.matcher(s.split(" ")[0]).matches());
        if (personal && !hasOf && !acronymFirst && e.words.size() <= 4) return TagKind.PERSON;
        if (e.definesAcronym) return TagKind.ORGANISATION;
        return TagKind.TOPIC;
    }

    /** The spelling used most (by weight) among the longest forms; ties go to the alphabetically first. */
    private static String display(Entity e) {
        int longest = e.surfaces.keySet().stream().mapToInt(s -> s.split(" ").length).max().orElse(0);
        String best = null;
        double bestWeight = -1;
        for (Map.Entry<String, Double> s : e.surfaces.entrySet()) { // TreeMap: alphabetical
            if (s.getKey().split(" ").length < longest) continue;
            if (s.getValue() > bestWeight) {
                best = s.getKey();
                bestWeight = s.getValue();
            }
        }
        return best == null ? e.key : best;
    }

    private static boolean contains(String haystack, String needle) {
        return (" " + haystack + " ").contains(" " + needle + " ");
    }

    /** The number of words of a key (words one space apart), without splitting it. */
    private static int words(String key) {
        int n = 1;
        for (int i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) n++;
        return n;
    }

    /** Lower-case phrases that the title names and the text repeats. */
    private List<Candidate> topics(List<MentionFinder.Phrase> phrases, String title) {
        Map<String, double[]> stats = new TreeMap<>(); // weight, count, inTitle, position
        Map<String, String> display = new HashMap<>();
        for (MentionFinder.Phrase p : phrases) {
            String key = folder.key(p.text());
            double[] s = stats.computeIfAbsent(key, k -> new double[] {0, 0, 0, Integer.MAX_VALUE});
            s[0] += p.weight();
            s[1]++;
            if (p.inTitle()) s[2] = 1;
            s[3] = Math.min(s[3], p.position());
            display.putIfAbsent(key, p.text());
        }
        for (Map.Entry<String, double[]> e : stats.entrySet()) {
            // the title's capitals may hide a phrase from the scan ("Oxygen bar opens"): count it here
            if (e.getValue()[2] == 0 && contains(title, e.getKey())) {
                e.getValue()[2] = 1;
                e.getValue()[0] += 3;
            }
        }
        List<String> kept = new ArrayList<>();
        List<Candidate> out = new ArrayList<>();
        for (int n = 3; n >= 2; n--) {
            for (Map.Entry<String, double[]> e : stats.entrySet()) {
                String key = e.getKey();
                double[] s = e.getValue();
                // a lower-case phrase is a topic only when the headline names it and the text repeats it
                if (words(key) != n || s[1] < 2 || s[2] == 0) continue;
                String first = key.substring(0, key.indexOf(' ') < 0 ? key.length() : key.indexOf(' '));
                if (first.endsWith("ed") || first.endsWith("ing")) continue; // "became musical"
                if (kept.stream().anyMatch(k -> contains(k, key))) continue;
                if (entities.containsKey(key)) continue;
                kept.add(key);
                out.add(new Candidate(display.get(key), TagKind.TOPIC, s[0],
                        (int) s[3], Map.of()));
            }
        }
        return out;
    }
}
