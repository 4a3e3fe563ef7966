package clippings.taxonomy;

import clippings.model.Tag;
import clippings.model.TagKind;
import clippings.model.TagOrigin;
import clippings.model.TagRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First pass at automatic tags: runs of capitalised words (names of people, organisations and places) that
 * the title names or the text repeats. Sentence-initial words, weekdays, months and stop words never become
 * tags on their own.
 * <p>Immutable and thread-safe.
 */
public final class EntityTagger {
    private static final Pattern NAME = Pattern.compile(
            "\\p{Lu}[\\p{L}’'-]*(?:\\s+(?:(?:of|the|for|and|de|al|bin)\\s+)?\\p{Lu}[\\p{L}’'-]*)*");
    private static final Set<String> NEVER = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "the", "a", "an", "he", "she", "it", "they", "we",
            "i", "you", "this", "that", "these", "those", "his", "her", "their", "our", "in", "on", "at", "but",
            "and", "or", "if", "as", "any", "after", "before", "while", "when", "mr", "mrs", "ms", "site icon",
            "exit mobile version", "read more", "advertisement", "related");

    private final TagRules rules;

    public EntityTagger(TagRules rules) {
        this.rules = rules;
    }

    /** Automatic tags for an article, most salient first, at most {@code tags.max}. */
    public List<Tag> tag(String title, String text) {
        if (!rules.automatic() || rules.maxAutomatic() == 0) return List.of();
        Map<String, Integer> score = new LinkedHashMap<>();
        Map<String, String> display = new LinkedHashMap<>();
        count(title, 3, score, display);
        count(text, 1, score, display);
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(score.entrySet());
        ranked.removeIf(e -> e.getValue() < 2);
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Tag> out = new ArrayList<>();
        for (var e : ranked) {
            if (out.size() >= rules.maxAutomatic()) break;
            out.add(new Tag(display.get(e.getKey()), TagKind.TOPIC, TagOrigin.AUTOMATIC));
        }
        return out;
    }

    private static void count(String text, int weight, Map<String, Integer> score, Map<String, String> display) {
        for (String sentence : text.split("(?<=[.!?:“”\"])\\s+|\\n+")) {
            Matcher m = NAME.matcher(sentence);
            while (m.find()) {
                String name = trimStopWords(m.group(), m.start() == 0 || sentence.substring(0, m.start()).isBlank());
                if (name.isEmpty()) continue;
                String key = name.toLowerCase(Locale.ROOT);
                if (NEVER.contains(key) || name.length() < 3) continue;
                score.merge(key, weight * (name.contains(" ") ? 2 : 1), Integer::sum);
                display.putIfAbsent(key, name);
            }
        }
    }

    /** Drops leading stop words ("The", or any sentence-initial word that is not part of a longer name). */
    private static String trimStopWords(String name, boolean sentenceStart) {
        String[] words = name.split("\\s+");
        int from = 0;
        while (from < words.length && NEVER.contains(words[from].toLowerCase(Locale.ROOT))) from++;
        if (sentenceStart && from == 0 && words.length == 1) return "";
        String s = String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
        return s.replaceAll("[’']s$", "");
    }
}
