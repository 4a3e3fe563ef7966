package clippings.taxonomy;

import clippings.text.CharRuns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the mentions of names in a text (runs of capitalised words such as {@code President Bashar Al-Assad},
 * split into title and name) and the lower-case word pairs and triples that may be topics.
 * <p>Immutable and thread-safe; each call works on its own lists.
 */
final class MentionFinder {
    /** One capitalised run. {@code weight}: 3 in the title, 2 in the lead paragraph, 1 after it. */
    record Mention(List<String> words, int position, double weight, boolean sentenceStart, boolean titled,
                   boolean prominent, boolean speechAfter, Optional<String> acronym, boolean determined) {
        String surface() { return String.join(" ", words); }
    }

    /** A lower-case run of two or three content words, such as {@code peace talks}. */
    record Phrase(String text, int position, double weight, boolean inTitle) { }

    /** What one text yields. */
    record Found(List<Mention> mentions, List<Phrase> phrases, Set<String> lowerCaseWords) { }

    private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.)+");
    private static final Pattern PREFIXED = Pattern.compile("(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu)-\\p{Lu}.*");
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}[\\p{Lu}\\p{N}&]+s?");
    private static final Set<String> CONNECTORS = Set.of("of", "for", "de", "al", "bin", "ibn", "van", "von",
            "der", "den", "la", "le", "du", "da", "di", "del", "dos", "das");
    private static final int MAX_RUN = 10;
    /** Between two words, one of these starts a new sentence (or a quotation, list item or caption). */
    private static final String SENTENCE_MARKS = ".!?:;“”\"‘([|•–—";
    private static final Set<String> CONTRACTIONS = Set.of("ll", "ve", "re", "d", "m", "t");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "The", "A", "An");
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov",
            "gen", "col", "capt", "lt", "sgt", "prof", "rev", "jr", "sr", "maj", "adm", "cmdr", "pvt", "no", "vs");

    private final Language lang;
    private final NameFolder folder;

    MentionFinder(Language lang, NameFolder folder) {
        this.lang = lang;
        this.folder = folder;
    }

    /** Tokens of one paragraph, with the text between each token and the one before it. */
    private record Token(String text, String gapBefore, boolean possessive, boolean sentenceStart, boolean capitalised) {
        Token(String text, String gapBefore, boolean possessive, boolean sentenceStart) {
            this(text, gapBefore, possessive, sentenceStart, Character.isUpperCase(text.codePointAt(0))
                    || Character.isTitleCase(text.codePointAt(0))
                    || text.indexOf('-') > 0 && PREFIXED.matcher(text).matches());
        }
        boolean contiguousBefore() { return gapBefore.isEmpty() || gapBefore.equals(" ") || gapBefore.isBlank() && !gapBefore.contains("\n"); }
        String lower() { return text.toLowerCase(Locale.ROOT); }
    }

    /** Mentions and phrases of an article; the title is searched for names only when {@code titleNames}. */
    Found find(String title, boolean titleNames, String body) {
        List<Mention> mentions = new ArrayList<>();
        List<Phrase> phrases = new ArrayList<>();
        Set<String> lower = new java.util.HashSet<>();
        int[] position = {0};
        if (!title.isBlank()) scan(title, 3, titleNames, true, position, mentions, phrases, lower);
        List<String> paragraphs = paragraphs(body.strip());
        double weight = 2;
        for (String p : paragraphs) {
            if (p.isBlank()) continue;
            scan(p.replace('\n', ' '), weight, true, false, position, mentions, phrases, lower);
            weight = 1; // only the lead paragraph counts double
        }
        return new Found(mentions, phrases, lower);
    }

    /**
     * The text split where {@code split("\\n\\s*\\n|\\n(?=\\s*\\p{Lu})")} splits it: at a blank line (with the
     * whitespace around it) or at a line break before a capital. Scanned by hand: the regex tried both branches
     * at every character of every article, a thirtieth of a cold build's article stage (#7).
     */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) != '\n') continue;
            int end = i + 1;
            while (end < n && CharRuns.regexSpace(text.charAt(end))) end++;
            int lastBreak = text.lastIndexOf('\n', end - 1);
            if (lastBreak > i) {
                out.add(text.substring(start, i));
                start = lastBreak + 1;
                i = lastBreak;
            } else if (end < n && Character.getType(text.codePointAt(end)) == Character.UPPERCASE_LETTER) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (out.isEmpty()) return List.of(text);
        out.add(text.substring(start));
        // As String.split: no empty strings at the end.
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    private void scan(String text, double weight, boolean names, boolean inTitle, int[] position,
                      List<Mention> mentions, List<Phrase> phrases, Set<String> lower) {
        List<Token> tokens = tokens(text);
        for (Token t : tokens) if (!t.capitalised()) lower.add(t.text());
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (!t.capitalised()) {
                i = phrase(tokens, i, weight, inTitle, position, phrases);
                continue;
            }
            int end = i + 1; // exclusive end of the run
            while (end < tokens.size() && !tokens.get(end - 1).possessive() && tokens.get(end).contiguousBefore()) {
                Token next = tokens.get(end);
                if (next.capitalised() && !next.sentenceStart()) { end++; continue; }
                int c = end;
                while (c < tokens.size() && c - end < 2 && tokens.get(c).contiguousBefore() && !tokens.get(c).sentenceStart()
                        && (CONNECTORS.contains(tokens.get(c).text()) && (!tokens.get(c).text().equals("for") || organisational(tokens, i, end))
                            || c > end && tokens.get(c).text().equals("the"))) c++;
                if (c > end && c < tokens.size() && tokens.get(c).capitalised() && tokens.get(c).contiguousBefore()) {
                    end = c + 1;
                    continue;
                }
                break;
            }
            // a run of more than MAX_RUN capitals is a menu, a heading or a list, not a name (and would cost
            // quadratic time to split)
            if (names && end - i <= MAX_RUN) emit(tokens, i, end, weight, position, mentions);
            position[0] += end - i;
            i = end;
        }
    }

    private boolean orgLike(List<String> words) {
        for (String w : words) {
            String k = folder.key(w);
            if (lang.orgSuffixes.contains(k) || lang.orgHeads.contains(k) || titleAt(List.of(w), 0) > 0) return true;
        }
        return false;
    }

    /** Whether a run so far names an organisation, so "for" may continue it ("Center for Disease Control"). */
    private boolean organisational(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            String w = folder.key(tokens.get(k).text());
            if (lang.orgSuffixes.contains(w) || lang.orgHeads.contains(w)) return true;
        }
        return false;
    }

    /** Consumes lower-case words from {@code i}; records each two- and three-word window of content words. */
    private int phrase(List<Token> tokens, int i, double weight, boolean inTitle, int[] position, List<Phrase> out) {
        int end = i;
        while (end < tokens.size() && !tokens.get(end).capitalised() && (end == i || tokens.get(end).contiguousBefore())
                && content(tokens.get(end))) end++;
        for (int a = i; a < end; a++) {
            for (int n = 2; n <= 3 && a + n <= end; n++) {
                StringBuilder b = new StringBuilder();
                for (int k = a; k < a + n; k++) b.append(k > a ? " " : "").append(tokens.get(k).text());
                out.add(new Phrase(b.toString(), position[0] + a - i, weight, inTitle));
            }
        }
        position[0] += Math.max(1, end - i);
        return Math.max(end, i + 1);
    }

    private boolean content(Token t) {
        String w = t.lower();
        return w.length() >= 3 && all(w, Character::isLetter) && !lang.stopWords.contains(w)
                && !lang.never.contains(w) && !lang.speechVerbs.contains(w) && !w.endsWith("ly");
    }

    private void emit(List<Token> tokens, int from, int to, double weight, int[] position, List<Mention> out) {
        List<String> words = new ArrayList<>();
        for (int k = from; k < to; k++) words.add(tokens.get(k).text());
        boolean sentenceStart = tokens.get(from).sentenceStart();
        Token before = from > 0 ? tokens.get(from - 1) : null;
        boolean titledBefore = before != null && !before.capitalised() && titleAt(List.of(before.text()), 0) > 0;
        // "the Moon", "a Tottenham shirt": names of people take no article
        boolean determined = before != null && DETERMINERS.contains(before.text()) && tokens.get(from).contiguousBefore();
        boolean speech = to < tokens.size() && lang.speechVerbs.contains(tokens.get(to).lower());
        Optional<String> acronym = Optional.empty();
        if (to + 1 < tokens.size() && tokens.get(to).gapBefore().strip().equals("(")
                && ACRONYM.matcher(tokens.get(to).text()).matches() && tokens.get(to + 1).gapBefore().startsWith(")")) {
            acronym = Optional.of(tokens.get(to).text());
        } else if (to < tokens.size() && tokens.get(to).gapBefore().strip().equals("(")
                && ACRONYM.matcher(tokens.get(to).text()).matches() && to + 1 == tokens.size()) {
            acronym = Optional.of(tokens.get(to).text());
        }
        split(words, position[0], weight, sentenceStart, titledBefore, false, speech, acronym, determined, out);
    }

    /** Drops stop words and never-words at the edges, and splits the run at titles and never-words inside it. */
    private void split(List<String> words, int position, double weight, boolean sentenceStart, boolean titled,
                       boolean prominent, boolean speech, Optional<String> acronym, boolean determined,
                       List<Mention> out) {
        int a = 0, b = words.size();
        while (a < b && edgeWord(words.get(a))) { a++; sentenceStart = false; }
        while (b > a && (edgeWord(words.get(b - 1)) || CONNECTORS.contains(words.get(b - 1)))) b--;
        if (a >= b) return;
        words = words.subList(a, b);
        if (sentenceStart && words.size() > 1 && dropOpener(words)) {
            split(words.subList(1, words.size()), position + a + 1, weight, false, titled, prominent, speech, acronym, false, out);
            return;
        }
        for (int k = 1; k < words.size() - 1; k++) {
            String w = words.get(k).toLowerCase(Locale.ROOT);
            if (lang.never.contains(w) || lang.stopWords.contains(w) && !CONNECTORS.contains(w) && !w.equals("the")
                    && !ACRONYM.matcher(words.get(k)).matches()) {
                split(words.subList(0, k), position + a, weight, sentenceStart, titled, prominent, false, Optional.empty(), determined, out);
                split(words.subList(k + 1, words.size()), position + a + k + 1, weight, false, false, false, speech, acronym, false, out);
                return;
            }
        }
        for (int k = 1; k < words.size() && words.size() > 2; k++) {
            String w = words.get(k);
            if (k + 1 < words.size() && w.equals("of") && !orgLike(words.subList(0, k))
                    && lang.places.containsKey(folder.key(String.join(" ", words.subList(k + 1, words.size()))))) {
                // "Xi Jinping of China": a name, then where it is from
                split(words.subList(0, k), position + a, weight, sentenceStart, titled, prominent, speech, acronym, determined, out);
                split(words.subList(k + 1, words.size()), position + a + k + 1, weight, false, false, false, false, Optional.empty(), false, out);
                return;
            }
            String head = folder.key(String.join(" ", words.subList(0, k)));
            List<String> next = folder.words(w);
            if (!next.isEmpty() && lang.givenNames.contains(next.get(0))
                    && (lang.places.containsKey(head) || lang.organisations.containsKey(head))) {
                // "European Union Gordon Sondland": a known place or organisation, then a person
                split(words.subList(0, k), position + a, weight, sentenceStart, false, false, false, Optional.empty(), determined, out);
                split(words.subList(k, words.size()), position + a + k, weight, false, titled, prominent, speech, acronym, false, out);
                return;
            }
        }
        boolean organisation = words.size() > 1 && lang.orgSuffixes.contains(folder.key(words.get(words.size() - 1)));
        for (int k = 0; k + 1 < words.size() && !organisation; k++) {
            String w = folder.key(words.get(k));
            organisation = words.get(k + 1).equals("of") && (lang.orgSuffixes.contains(w) || lang.orgHeads.contains(w));
        }
        if (!organisation) {
            for (int k = 0; k < words.size(); k++) {
                int n = titleAt(words, k);
                if (n == 0) continue;
                if (k > 0) split(words.subList(0, k), position + a, weight, sentenceStart, titled, prominent, false, Optional.empty(), determined, out);
                List<String> rest = words.subList(k + n, words.size());
                boolean prominentTitle = prominent || prominentTitleAt(words, k, n);
                if (rest.size() == 1 && lang.givenNames.contains(folder.key(rest.get(0)))) {
                    // "Prince Andrew", "Pope Francis": with a given name alone the title is part of the name
                    out.add(new Mention(List.copyOf(words.subList(k, words.size())), position + a + k, weight,
                            false, true, prominentTitle, speech, acronym, false));
                } else if (!rest.isEmpty() && CONNECTORS.contains(rest.get(0))) {
                    // "Director of Public Prosecution Eva-Marie Persson": the title runs on to the given name
                    for (int g = 1; g < rest.size(); g++) {
                        if (lang.givenNames.contains(folder.words(rest.get(g)).get(0))) {
                            split(rest.subList(g, rest.size()), position + a + k + n + g, weight, false, true,
                                    prominentTitle, speech, acronym, false, out);
                            break;
                        }
                    }
                } else if (!rest.isEmpty()) {
                    split(rest, position + a + k + n, weight, false, true, prominentTitle, speech, acronym, false, out);
                }
                return;
            }
        }
        out.add(new Mention(List.copyOf(words), position + a, weight, sentenceStart, titled, prominent, speech, acronym,
                determined && a == 0));
    }

    /**
     * Whether the first word of a sentence-initial run is an ordinary word that happens to be capitalised:
     * a gerund ("Staying on the Moon") or a word before a given name ("Welcome Jose").
     */
    private boolean dropOpener(List<String> words) {
        String first = folder.key(words.get(0));
        if (titleAt(words, 0) > 0 || lang.givenNames.contains(first) || lang.places.containsKey(first) || lang.demonyms.containsKey(first)
                || lang.organisations.containsKey(first)) return false;
        if (first.endsWith("ing") && first.length() > 5) return true;
        List<String> second = folder.words(words.get(1));
        return !second.isEmpty() && lang.givenNames.contains(second.get(0)) && words.size() <= 3;
    }

    private boolean edgeWord(String w) {
        if (w.length() > 1 && all(w, c -> Character.isUpperCase(c) || c == '.' || Character.isDigit(c))) {
            return false; // "US", "U.S." are not "us"
        }
        String l = stripEnd(w.toLowerCase(Locale.ROOT), ".’'");
        return lang.stopWords.contains(l) || lang.never.contains(l) || all(l, Character::isDigit);
    }

    /** How many words of a title start at {@code k}, or 0. */
    private int titleAt(List<String> words, int k) {
        return lang.titles.lengthAt(words, k);
    }

    private boolean prominentTitleAt(List<String> words, int k, int n) {
        return lang.titles.prominentAt(words, k, n);
    }

    private static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int prevEnd = 0;
        boolean sentenceStart = true;
        for (int start; (start = TokenScanner.start(text, prevEnd)) >= 0; ) {
            int end = TokenScanner.end(text, start);
            String raw = text.substring(start, end);
            // Most words are one space apart: that gap needs no string of its own (#7).
            String gap = start - prevEnd == 1 && text.charAt(prevEnd) == ' ' ? " " : text.substring(prevEnd, start);
            if (!out.isEmpty() && anyOf(gap, SENTENCE_MARKS) && !gap.startsWith("(")) sentenceStart = true;
            String word = raw;
            boolean endsSentence = false;
            if (word.endsWith(".") && !INITIALS.matcher(word).matches()
                    && !ABBREVIATIONS.contains(word.substring(0, word.length() - 1).toLowerCase(Locale.ROOT))) {
                word = stripEnd(word, ".");
                endsSentence = true;
            }
            word = stripEnd(word, "’'-");
            boolean possessive = false;
            if (word.length() > 2 && (word.endsWith("’s") || word.endsWith("'s"))) {
                word = word.substring(0, word.length() - 2);
                possessive = true;
            }
            if (word.isEmpty()) word = raw;
            if (contraction(word)) word = word.toLowerCase(Locale.ROOT); // "I’ll" is not a name
            // a period closing "U.S." may also close the sentence; the next word tells
            out.add(new Token(word, gap, possessive, sentenceStart));
            sentenceStart = endsSentence;
            prevEnd = end;
        }
        return out;
    }

    // Plain string checks, not regular expressions or streams: these run for every word of every article.
    private static boolean all(String s, CharPredicate p) {
        for (int i = 0; i < s.length(); i++) if (!p.test(s.charAt(i))) return false;
        return true;
    }

    private interface CharPredicate {
        boolean test(char c);
    }

    private static boolean anyOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return true;
        return false;
    }

    private static String stripEnd(String s, String chars) {
        int end = s.length();
        while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) end--;
        return s.substring(0, end);
    }

    /** "I’ll", "We're", "Don't": not names. */
    private static boolean contraction(String w) {
        int a = Math.max(w.lastIndexOf('’'), w.lastIndexOf('\''));
        return a > 0 && CONTRACTIONS.contains(w.substring(a + 1).toLowerCase(Locale.ROOT));
    }
}
