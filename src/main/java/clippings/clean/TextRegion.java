package clippings.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the article in the paragraphs of a whole-page text scrape (menus, link lists and footers around it),
 * from what text still tells: paragraph length, stop-word and punctuation density, list bullets and position.
 * Each paragraph is classed as prose, short (headings, bylines) or chrome, as jusText does; the article is the
 * run of paragraphs where prose outweighs chrome most (a maximum-sum run), and inside it short paragraphs are
 * kept where they lead into prose.
 * <p>Stateless and thread-safe.
 */
final class TextRegion {
    /** One paragraph of a scrape: its text and whether it was a list item. */
    record Unit(String text, boolean bullet) {
    }

    /**
     * STOP marks where comments begin: the article never runs past it. ASIDE is text set beside the article
     * (a caption, a teaser): never kept, but cheap to cross, as a story runs on past its pictures.
     */
    enum Kind { PROSE, SHORT, ASIDE, CHROME, STOP }

    private static final Pattern COMMENTS = Pattern.compile("(?i)^(?:"
            + "\\[?\\s*\\d*\\s*(comments?|responses?|replies|reactions)\\s*\\]?\\W*"
            + "|\\d+ (comments?|responses?|replies|thoughts) (to|on) .{1,200}"
            + "|(leave|post|add|write|submit) (a |your )?(comment|reply|response).{0,60}"
            + "|comments are closed.{0,40}"
            + "|(top rated|recent|latest|show|view|load|read|hide)( all| \\d+)? comments.{0,40}"
            + "|.{1,80}\\b(says|said|wrote|commented)\\b:?\\s*(on\\s)?.{0,30}\\d{1,2}:\\d{2}\\s*([ap]\\.?m\\.?)?.{0,10}"
            + "|.{1,80}\\d{1,2}:\\d{2}\\s*([ap]\\.?m\\.?)?\\s*(says|said|wrote)\\s*:"
            + ")$");

    static final Set<String> STOP_WORDS = Set.of(
            // English, then the commonest words of other Latin-script languages news is written in.
            "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "is", "are",
            "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that", "as", "not", "he", "she",
            "they", "we", "you", "his", "her", "their", "will", "would", "can", "said", "which", "who", "there", "than",
            "de", "la", "le", "les", "et", "en", "un", "une", "des", "du", "que", "qui", "est", "pour", "dans", "el",
            "los", "las", "y", "por", "con", "del", "se", "una", "es", "o", "da", "do", "dos", "das", "em", "um", "uma",
            "não", "com", "para", "il", "di", "che", "è", "per", "della", "der", "die", "und", "ist", "nicht",
            "mit", "zu", "den", "von", "het", "een", "van", "ik", "и", "в", "не", "на", "что", "с", "по", "как", "это");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}’']+");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?。！？…:;\"”»)]\\s*$");
    private static final Pattern BRACKETED = Pattern.compile("^(\\[[^\\]]*\\]\\s*)+$");
    private static final Pattern FORM = Pattern.compile(".*\\[\\s{3,}\\].*|.*\\[(Submit|Search|Go|OK|Subscribe|Sign up)\\].*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BULLET_MARK = Pattern.compile("^(?:[-*•·▪►□◦○●]|\\d{1,3}[.)])\\s+");
    private static final Pattern ADDRESS = Pattern.compile("(?i)\\s*(https?://|www\\.)\\S+\\s*");
    private static final Pattern NO_LETTERS = Pattern.compile("[^\\p{L}]*");
    private static final int PROSE_CHARS = 150;
    /** Prose shorter than this counts against a run: teaser summaries are short, article paragraphs long. */
    private static final int PROSE_OFFSET = 50;
    /** A paragraph counts for no more than this: one long blob (a glued link list, a legal notice) is not an article. */
    private static final int PROSE_CAP = 350;
    /** What a short dated line costs a run: inside a story it is rare, in a list of teasers each has one. */
    private static final int DATED_SHORT = 150;
    /** A run before the comments wins if it scores at least this share of the best run. */
    private static final double EARLIER_RUN_SHARE = 0.3;
    /** A run before the comments with this much prose is the article, however long the comments are. */
    private static final double SURE_RUN = 500;
    /** The most non-prose units a run is widened across to reach a paragraph. */
    private static final int MAX_GAP = 3;
    private static final int MAYBE_PROSE_CHARS = 60;
    private static final int ASIDE_COST = 10;

    private TextRegion() {
    }

    static Kind kind(Unit u) {
        String t = BULLET_MARK.matcher(u.text()).replaceFirst("");
        int chars = readingLength(t);
        if (chars < 300 && COMMENTS.matcher(t).matches()) return Kind.STOP;
        // A form or bracketed line has a '[': looked for first, the patterns' backtracking over every paragraph of
        // the story is spared (#7).
        boolean bracket = t.indexOf('[') >= 0;
        if (NO_LETTERS.matcher(t).matches() || bracket && (BRACKETED.matcher(t).matches() || FORM.matcher(t).matches())
                || ADDRESS.matcher(t).matches()) {
            return Kind.CHROME;
        }
        // The words are split out only for the checks that need them, not for every paragraph of the story (#7).
        if (u.bullet() && words(t).size() < 6) return Kind.CHROME;
        if (separators(t) >= 3 && chars < 300) return Kind.CHROME; // "Home | News | Sport | ..."
        if (chars >= PROSE_CHARS && !u.bullet()) return Kind.PROSE;
        if (headlineCase(t)) return Kind.SHORT; // a teaser's headline, not a sentence
        if (chars >= MAYBE_PROSE_CHARS) {
            List<String> words = words(t);
            double stops = stopDensity(words);
            boolean sentence = SENTENCE_END.matcher(t).matches();
            if ((stops >= 0.2 || words.isEmpty() || words.size() < chars / 12) && sentence) return Kind.PROSE;
            if (stops >= 0.3 || (sentence && words.size() >= 10)) return Kind.PROSE;
        }
        return Kind.SHORT;
    }

    /**
     * The indices {@code [from, to)} of the article's run: the run with the largest sum of prose characters
     * less a cost per chrome or short paragraph. Runs do not cross the start of comments; a run before
     * comments is preferred to a larger one among them, as the article comes first.
     */
    static int[] region(List<Kind> kinds, List<Unit> units) {
        List<int[]> runs = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= units.size(); i++) {
            if (i == units.size() || kinds.get(i) == Kind.STOP) {
                double[] score = new double[1];
                int[] run = best(kinds, units, start, i, score);
                runs.add(run);
                scores.add(score[0]);
                start = i + 1;
            }
        }
        double top = 0;
        for (double s : scores) top = Math.max(top, s);
        for (int i = 0; i < runs.size(); i++) {
            double s = scores.get(i);
            if (s > 0 && (s >= top * EARLIER_RUN_SHARE || s >= SURE_RUN)) return extend(kinds, units, runs.get(i));
        }
        return new int[]{0, 0};
    }

    /**
     * Widens the run over the article's short edges: prose next to it, and a heading or lead-in before a
     * full paragraph. Short paragraphs cost more than they bring while the run is scored, so a story that
     * opens or ends with one-line paragraphs would otherwise lose them.
     */
    private static int[] extend(List<Kind> kinds, List<Unit> units, int[] run) {
        int from = run[0];
        int to = run[1];
        boolean moved = true;
        while (moved) {
            moved = false;
            if (to < units.size() && edge(kinds, units, to, +1)) {
                to++;
                moved = true;
            } else {
                int target = bridge(kinds, units, to, +1);
                if (target >= 0) {
                    to = target + 1;
                    moved = true;
                }
            }
            if (from > 0 && kinds.get(from - 1) == Kind.PROSE) {
                from--;
                moved = true;
            } else {
                int target = bridge(kinds, units, from - 1, -1);
                if (target >= 0) {
                    from = target;
                    moved = true;
                }
            }
        }
        return new int[]{from, to};
    }

    /**
     * The full paragraph that lies at most {@value #MAX_GAP} units beyond the run's edge, starting at
     * {@code start} and going in {@code direction}, with no stop between; -1 when there is none. An image
     * line or a caption between two paragraphs of a story does not end it.
     */
    private static int bridge(List<Kind> kinds, List<Unit> units, int start, int direction) {
        for (int k = 0; k <= MAX_GAP; k++) {
            int j = start + direction * k;
            if (j < 0 || j >= units.size()) return -1;
            Kind kind = kinds.get(j);
            if (kind == Kind.STOP || (kind == Kind.SHORT && DateText.mentionsDate(units.get(j).text()))) return -1;
            if (kind == Kind.PROSE) return k > 0 && readingLength(units.get(j).text()) >= PROSE_CHARS ? j : -1;
        }
        return -1;
    }

    private static boolean edge(List<Kind> kinds, List<Unit> units, int i, int direction) {
        if (kinds.get(i) == Kind.PROSE) return true;
        if (kinds.get(i) != Kind.SHORT || direction < 0) return false;
        int next = i + 1;
        return next < units.size() && kinds.get(next) == Kind.PROSE && readingLength(units.get(next).text()) >= PROSE_CHARS;
    }

    private static int[] best(List<Kind> kinds, List<Unit> units, int start, int end, double[] score) {
        int bestFrom = start;
        int bestTo = start;
        double best = 0;
        double sum = 0;
        int from = start;
        for (int i = start; i < end; i++) {
            double w = switch (kinds.get(i)) {
                case PROSE -> Math.min(readingLength(units.get(i).text()), PROSE_CAP) - PROSE_OFFSET;
                case SHORT -> DateText.mentionsDate(units.get(i).text()) ? -DATED_SHORT : -25;
                case ASIDE -> -ASIDE_COST;
                case CHROME, STOP -> -40;
            };
            if (sum <= 0) {
                sum = 0;
                from = i;
            }
            sum += w;
            if (sum > best) {
                best = sum;
                bestFrom = from;
                bestTo = i + 1;
            }
        }
        score[0] = best;
        return new int[]{bestFrom, bestTo};
    }

    /** Which units of the run are kept: prose, and short paragraphs (headings, quotes) that lead into prose. */
    static List<Integer> kept(List<Kind> kinds, List<Unit> units, int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Kind k = kinds.get(i);
            if (k == Kind.PROSE) {
                out.add(i);
            } else if (k == Kind.SHORT && leadsToProse(kinds, i, to)) {
                out.add(i);
            }
        }
        return out;
    }

    private static boolean leadsToProse(List<Kind> kinds, int i, int to) {
        for (int j = i + 1; j < Math.min(to, i + 4); j++) {
            if (kinds.get(j) == Kind.PROSE) return true;
            if (kinds.get(j) == Kind.CHROME || kinds.get(j) == Kind.STOP) return false;
        }
        return false;
    }

    /**
     * The length of a text in Latin-script characters: a Chinese or Japanese character says about as much as
     * three Latin letters, a Hangul syllable as two, so a paragraph of either is not mistaken for a short line.
     */
    static int readingLength(String t) {
        int n = 0;
        for (int i = 0; i < t.length(); ) {
            int c = t.codePointAt(i);
            if (c < 0x1100) { // below Hangul Jamo: Latin, Greek, Cyrillic, Arabic, Indic...
                n++;
                i++;
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA) {
                n += 3;
            } else if (script == Character.UnicodeScript.HANGUL) {
                n += 2;
            } else {
                n++;
            }
            i += Character.charCount(c);
        }
        return n;
    }

    private static List<String> words(String t) {
        List<String> out = new ArrayList<>();
        var m = WORD.matcher(t);
        while (m.find()) out.add(m.group().toLowerCase(Locale.ROOT));
        return out;
    }

    /** Most words capitalised, as in English headlines ("How I Slept With ..."). */
    private static boolean headlineCase(String t) {
        int words = 0;
        int capitalised = 0;
        var m = WORD.matcher(t);
        while (m.find()) {
            String w = m.group();
            if (!Character.isLetter(w.charAt(0))) continue;
            words++;
            if (Character.isUpperCase(w.charAt(0))) capitalised++;
        }
        return words >= 5 && capitalised >= words * 0.75;
    }

    private static double stopDensity(List<String> words) {
        if (words.isEmpty()) return 0;
        int n = 0;
        for (String w : words) if (STOP_WORDS.contains(w)) n++;
        return (double) n / words.size();
    }

    private static int separators(String t) {
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '|' || c == '·' || c == '•') n++;
        }
        return n;
    }
}
