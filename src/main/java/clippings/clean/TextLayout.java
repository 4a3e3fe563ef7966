package clippings.clean;

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
    private static final Pattern CELL_GAP = Pattern.compile("\\S {2,}(?=\\S)");
    private static final Pattern DIGIT = Pattern.compile(".*\\d.*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** So many rows make a table; fewer are as likely a menu laid out in columns. */
    private static final int MIN_ROWS = 3;
    /** How far apart the two copies of a repeated line may be. */
    private static final int REPEAT_DISTANCE = 3;

    private TextLayout() {
    }

    /** Reclassifies {@code kinds} in place. */
    static void apply(List<TextRegion.Unit> units, List<TextRegion.Kind> kinds) {
        markTables(units, kinds);
        markRepeats(units, kinds);
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

    private static boolean row(TextRegion.Unit u) {
        if (u.bullet()) return false;
        var m = CELL_GAP.matcher(u.text());
        int gaps = 0;
        while (m.find()) gaps++;
        return gaps >= 2;
    }

    private static void markRepeats(List<TextRegion.Unit> units, List<TextRegion.Kind> kinds) {
        for (int i = 0; i < units.size(); i++) {
            String text = units.get(i).text();
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

    /** Equal but for case and spacing; most pairs differ in length enough to tell without comparing. */
    private static boolean same(String a, String b) {
        if (Math.abs(a.length() - b.length()) > Math.max(a.length(), b.length()) / 10) return false;
        return a.equals(b) || normal(a).equals(normal(b));
    }

    private static String normal(String s) {
        return SPACES.matcher(s.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
