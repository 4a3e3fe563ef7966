package clippings.clean;

import clippings.text.CharRuns;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks the headline of a text scrape: among the short lines just above the article (and its first lines), the
 * one that reads like a headline and is about what the article says. Text browsers print menus, share panels,
 * captions, bylines and teasers there too; those share few words with the article, and a headline shares
 * many. A line the page prints again (the document title, "Share: HEADLINE") or that the scrape's first line
 * names is likelier still.
 * <p>Stateless and thread-safe.
 */
final class TextHeadline {
    private static final Pattern BYLINE = Pattern.compile("(?i)^(by|von|por|par|di|door|av)\\s+\\S.*");
    /** A photo caption or credit, which text browsers print near the headline. */
    private static final Pattern CAPTION = Pattern.compile("(?i).*(\\[(file|photo|image|pictured)\\b|\\((ap|reuters|getty|afp|epa)\\b"
            + "|getty images|\\b(image|photo|media|video) (copyright|caption|credit)|^(photo|credit|source|image):|©).*");
    private static final Pattern TIME = Pattern.compile("(?i).*\\b\\d{1,2}:\\d{2}\\b.*|.*\\b\\d+ (minutes?|hours?|days?) ago\\b.*");
    /** The scripts of Chinese, Japanese and Korean, which do not space their words. */
    private static final Set<Character.UnicodeScript> CJK = EnumSet.of(Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.HANGUL);
    /** No code point below this one is in {@link #CJK}: found once, so the common Latin word is never looked up. */
    private static final int FIRST_CJK = firstCjk();
    static final int MAX_CHARS = 300;
    /** How many readable lines above the article are looked at. */
    private static final int LOOKBACK = 30;
    /** How many units above the article are passed over at most (share panels and menus are long). */
    private static final int MAX_SCAN = 80;
    /** Words of the article's opening compared with a candidate. */
    private static final int LEAD_UNITS = 6;

    private TextHeadline() {
    }

    /** The index of the headline among {@code units}; the first unit when none reads like one. */
    static int choose(List<TextRegion.Unit> units, List<TextRegion.Kind> kinds, int start, int end) {
        Set<String> lead = new HashSet<>();
        for (int i = start, n = 0; i < end && n < LEAD_UNITS; i++) {
            if (kinds.get(i) == TextRegion.Kind.PROSE) {
                lead.addAll(terms(units.get(i).text()));
                n++;
            }
        }
        Set<String> firstLine = units.isEmpty() ? Set.of() : terms(units.get(0).text());
        String[] texts = new String[units.size()];
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        int seen = 0;
        for (int i = start - 1; i >= 0 && (best < 0 || (i >= start - MAX_SCAN && seen < LOOKBACK)); i--) {
            if (kinds.get(i) != TextRegion.Kind.CHROME) seen++;
            if (!shaped(units.get(i), kinds.get(i))) continue;
            double score = score(units, texts, i, seen, lead, firstLine);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best < 0 ? 0 : best;
    }

    private static double score(List<TextRegion.Unit> units, String[] texts, int i, int distance, Set<String> lead,
                                Set<String> firstLine) {
        String text = units.get(i).text();
        Set<String> terms = terms(text);
        double about = overlap(terms, lead);
        double score = 3 * about;
        if (i > 0 && firstLine.size() > terms.size() && overlap(terms, firstLine) >= 0.9) score += 2;
        if (printedElsewhere(units, texts, i)) score += 1;
        // A byline follows a story's headline, but also a teaser's or the site's name: only when the line
        // is about the article does it count in full.
        if (headsByline(units, i)) score += about > 0 ? 1 : 0.3;
        // Text browsers print images as [name] and forms as [    ]: a headline holds neither.
        if (text.contains("[")) score -= 1;
        // Headlines rarely end with a full stop; captions, prompts and summaries do.
        if (text.endsWith(".") && !text.endsWith("..")) score -= 1;
        if (text.endsWith(":")) score -= 1;
        // Nearer the article is likelier, but a share panel or a photo may stand between.
        score -= 0.03 * distance;
        // A standfirst says the same in more words; headlines are short.
        score -= Math.max(0, text.length() - 90) / 100.0;
        if (Character.isLowerCase(text.codePointAt(0))) score -= 0.5;
        return score;
    }

    /** Whether the line has a headline's shape: a few words, letters, no byline, caption, date or time. */
    private static boolean shaped(TextRegion.Unit u, TextRegion.Kind kind) {
        // A headline the page prints twice is set aside as a repeat: what the line is on its own counts here.
        if (kind == TextRegion.Kind.STOP || u.bullet() || TextRegion.kind(u) == TextRegion.Kind.CHROME) return false;
        String t = u.text().strip();
        if (t.length() > MAX_CHARS) return false;
        int words = CharRuns.countRuns(t, TextHeadline::wordChar);
        boolean cjk = hasCjk(t);
        if (cjk ? t.length() < 6 : words < 3) return false;
        if (!cjk && words > 40) return false;
        return !(BYLINE.matcher(t).matches() || CAPTION.matcher(t).matches() || TIME.matcher(t).matches()
                || (t.length() < 100 && DateText.mentionsDate(t)));
    }

    /** Whether a byline or a date line follows within a few lines, as under a story's headline. */
    private static boolean headsByline(List<TextRegion.Unit> units, int i) {
        for (int j = i + 1; j < Math.min(units.size(), i + 4); j++) {
            String t = units.get(j).text().strip();
            if (t.length() < 100 && (BYLINE.matcher(t).matches() || DateText.mentionsDate(t) || TIME.matcher(t).matches())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the page prints the line's text again, alone or within another line ("Share: HEADLINE"). */
    private static boolean printedElsewhere(List<TextRegion.Unit> units, String[] texts, int i) {
        String text = normal(units, texts, i);
        if (text.length() < 15) return false;
        for (int j = 0; j < texts.length; j++) {
            if (Math.abs(j - i) > 1 && units.get(j).text().length() >= text.length()
                    && normal(units, texts, j).contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** The normal form of a unit's text, worked out once per scrape; lines too long to hold a headline are skipped. */
    private static String normal(List<TextRegion.Unit> units, String[] texts, int i) {
        if (texts[i] == null) {
            String t = units.get(i).text();
            texts[i] = t.length() < MAX_CHARS ? normal(t) : "";
        }
        return texts[i];
    }

    /** Share of the line's terms found in the other set. */
    private static double overlap(Set<String> terms, Set<String> other) {
        if (terms.isEmpty()) return 0;
        int n = 0;
        for (String t : terms) if (other.contains(t)) n++;
        return (double) n / terms.size();
    }

    /**
     * The content words of a text, lower case: words of three letters or more that are not stop words, and
     * for Chinese, Japanese and Korean, which do not space their words, every pair of adjacent characters.
     */
    static Set<String> terms(String text) {
        Set<String> out = new HashSet<>();
        CharRuns.eachRun(text.toLowerCase(Locale.ROOT), TextHeadline::wordChar, w -> {
            if (hasCjk(w)) {
                for (int k = 0; k + 2 <= w.length(); k++) out.add(w.substring(k, k + 2));
            } else if (w.length() >= 3 && !TextRegion.STOP_WORDS.contains(w)) {
                out.add(w);
            }
        });
        return out;
    }

    /** A character of a word: a letter, a number or an apostrophe ({@code [\\p{L}\\p{N}’']}). */
    private static boolean wordChar(int cp) {
        return CharRuns.letterOrNumber(cp) || cp == '’' || cp == '\'';
    }

    /** Whether the text holds a letter of {@link #CJK}; checked for every word, so without a regular expression (#7). */
    static boolean hasCjk(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (c >= FIRST_CJK && CJK.contains(Character.UnicodeScript.of(c))) return true;
            i += Character.charCount(c);
        }
        return false;
    }

    private static int firstCjk() {
        int c = 0;
        while (!CJK.contains(Character.UnicodeScript.of(c))) c++;
        return c;
    }

    private static String normal(String s) {
        return CharRuns.collapse(s.toLowerCase(Locale.ROOT), CharRuns::letterOrNumber).strip();
    }
}
