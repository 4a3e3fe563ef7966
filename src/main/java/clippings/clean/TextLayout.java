package clippings.clean;

import clippings.text.CharRuns;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Corrects the kinds {@link TextRegion} gives paragraphs one by one with what their neighbours show: the rows
 * of a data table are content however short each row is, and a line printed twice in a row is an image's
 * alternative text and caption, or a teaser's headline over its link, never the article's prose.
 * <p>Stateless and thread-safe.
 */
final class TextLayout {
    /** Two cells of a row, as a text browser lays out a table: a gap of two or more spaces between them. */
    private static final Pattern DIGIT = Pattern.compile(".*\\d.*");
    /** A line that credits a photo: "(Image: Getty)", "Photo: …", "Credit: …", "… / AP", "REUTERS/Name". */
    private static final Pattern CREDIT = Pattern.compile("(?i)(.*\\((image|photo|picture|pictured|credit|source)s?( credit)?\\s*:[^)]{1,80}\\)\\s*"
            + "|(image|photo|picture|video)( copyright| credit| caption| source)?\\s*:.{1,250}"
            + "|.*\\bcredit\\s*(:|\\.\\.\\.).{1,80}"
            + "|.{1,250}(getty images|/ ?(ap|afp|reuters)( file)?( photo)?|\\bap photo|reuters/[\\p{L} .-]{2,40}))");
    private static final int CAPTION_CHARS = 300;
    /** So many rows make a table; fewer are as likely a menu laid out in columns. */
    private static final int MIN_ROWS = 3;
    /** Teaser summaries are shorter than this; a listicle's paragraphs under their subheadings are longer. */
    private static final int TEASER_CHARS = 400;
    private static final int MIN_TEASER_CHARS = 100;
    private static final int MIN_TEASERS = 3;
    /** How far apart the two copies of a repeated line may be. */
    private static final int REPEAT_DISTANCE = 3;

    private TextLayout() {
    }

    /** Reclassifies {@code kinds} in place. */
    static void apply(List<TextRegion.Unit> units, List<TextRegion.Kind> kinds) {
        markTables(units, kinds);
        markRepeats(units, kinds);
        markCaptions(units, kinds);
        markTeaserGrids(units, kinds);
    }

    /**
     * Marks the summaries of a grid of teasers: short paragraphs that each stand alone between the same number
     * of short lines (a headline, a date, a section label), three or more times in a row. A story's own
     * paragraphs come in runs, or are longer when each follows a subheading.
     */
    private static void markTeaserGrids(List<TextRegion.Unit> units, List<TextRegion.Kind> kinds) {
        List<Integer> alone = new java.util.ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            int chars = TextRegion.readingLength(units.get(i).text());
            if (kinds.get(i) != TextRegion.Kind.PROSE || chars < MIN_TEASER_CHARS || chars >= TEASER_CHARS) continue;
            boolean before = i == 0 || kinds.get(i - 1) != TextRegion.Kind.PROSE;
            boolean after = i + 1 == units.size() || kinds.get(i + 1) != TextRegion.Kind.PROSE;
            if (before && after) alone.add(i);
        }
        int k = 0;
        while (k < alone.size()) {
            int end = k + 1;
            int gap = end < alone.size() ? alone.get(end) - alone.get(k) : 0;
            while (end < alone.size() && gap >= 2 && gap <= 4 && alone.get(end) - alone.get(end - 1) == gap
                    && sameGap(units, kinds, alone.get(k), alone.get(end - 1), gap)) {
                end++;
            }
            if (end - k >= MIN_TEASERS) {
                for (int j = k; j < end; j++) kinds.set(alone.get(j), TextRegion.Kind.ASIDE);
            }
            k = end;
        }
    }

    private static void markTables(List<TextRegion.Unit> units, List<TextRegion.Kind> kinds) {
        int i = 0;
        while (i < units.size()) {
            int end = i;
            int withDigits = 0;
            while (end < units.size() && row(units.get(end))) {
                if (DIGIT.matcher(units.get(end).text()).matches()) withDigits++;
                end++;
            }
            // Data tables hold figures: a layout table of links in columns seldom has a digit on most rows.
            if (end - i >= MIN_ROWS && withDigits * 2 >= end - i) {
                for (int k = i; k < end; k++) {
                    if (kinds.get(k) != TextRegion.Kind.STOP) kinds.set(k, TextRegion.Kind.PROSE);
                }
            }
            i = Math.max(end, i + 1);
        }
    }

    /**
     * Whether the lines after the summary at {@code at} are laid out as those after {@code first}, and hold
     * a headline: not just images (pictures between a story's paragraphs make no grid), a question (an
     * interview) or a name (quoted reviews).
     */
    private static boolean sameGap(List<TextRegion.Unit> units, List<TextRegion.Kind> kinds, int first, int at, int gap) {
        boolean headline = false;
        for (int d = 1; d < gap; d++) {
            if (kinds.get(at + d) != kinds.get(first + d)) return false;
            String t = units.get(at + d).text().strip();
            if (kinds.get(at + d) == TextRegion.Kind.SHORT && !t.endsWith("?") && t.split("\\s+").length >= 4) {
                headline = true;
            }
        }
        return headline;
    }

    private static boolean row(TextRegion.Unit u) {
        if (u.bullet()) return false;
        return cellGaps(u.text()) >= 2;
    }

    /**
     * How many gaps of two spaces or more between two other characters the text has: the matches of
     * {@code \\S {2,}(?=\\S)}, counted without the regex, which tried it at every character of every line.
     */
    static int cellGaps(String text) {
        int gaps = 0;
        int n = text.length();
        for (int i = 1; i < n; i++) {
            if (text.charAt(i) != ' ' || CharRuns.regexSpace(text.charAt(i - 1))) continue;
            int end = i;
            while (end < n && text.charAt(end) == ' ') end++;
            if (end - i >= 2 && end < n && !CharRuns.regexSpace(text.charAt(end))) gaps++;
            i = end - 1;
        }
        return gaps;
    }

    /** Photo captions with their credit, which text browsers print among a story's paragraphs. */
    private static void markCaptions(List<TextRegion.Unit> units, List<TextRegion.Kind> kinds) {
        for (int i = 0; i < units.size(); i++) {
            String text = units.get(i).text();
            if (text.length() < CAPTION_CHARS && kinds.get(i) != TextRegion.Kind.STOP && CREDIT.matcher(text).matches()) {
                kinds.set(i, TextRegion.Kind.CHROME);
            }
        }
    }

    private static void markRepeats(List<TextRegion.Unit> units, List<TextRegion.Kind> kinds) {
        for (int i = 0; i < units.size(); i++) {
            String text = units.get(i).text();
            if (doubled(text)) kinds.set(i, TextRegion.Kind.CHROME);
            if (text.length() < 20) continue;
            for (int j = i + 1; j < Math.min(units.size(), i + 1 + REPEAT_DISTANCE); j++) {
                if (same(text, units.get(j).text())) {
                    // Back to back, it is an image's alternative text and its caption, which sit inside a
                    // story; with a line between, a teaser's headline around its section label.
                    TextRegion.Kind kind = j == i + 1 ? TextRegion.Kind.ASIDE : TextRegion.Kind.CHROME;
                    if (kinds.get(i) != TextRegion.Kind.CHROME) kinds.set(i, kind);
                    kinds.set(j, kind);
                }
            }
        }
    }

    /** An image's alternative text glued to its caption when both say the same ("Shy owlShy owl"). */
    private static boolean doubled(String t) {
        int n = t.length();
        if (n < 10) return false;
        int half = n / 2;
        return t.substring(0, half).strip().equals(t.substring(n - half).strip())
                || (n % 2 == 1 && t.charAt(half) == ' ' && t.substring(0, half).equals(t.substring(half + 1)));
    }

    /** Equal but for case and spacing; most pairs differ in length enough to tell without comparing. */
    private static boolean same(String a, String b) {
        if (Math.abs(a.length() - b.length()) > Math.max(a.length(), b.length()) / 10) return false;
        return a.equals(b) || normal(a).equals(normal(b));
    }

    private static String normal(String s) {
        return CharRuns.collapse(s.strip(), cp -> !CharRuns.regexSpace(cp)).toLowerCase(Locale.ROOT);
    }
}
