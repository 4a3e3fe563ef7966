package clippings.clean;

/**
 * A page's description cut off by its publisher in mid-sentence, completed from the article. Many sites fill
 * {@code og:description} with the first so many characters of the story ("…no longer consider Israeli
 * settlements illegal, wh"), which listings, feeds and the page's standfirst would show as it is. When the
 * description is the start of the article's text and stops inside a word or after a comma, it is taken to
 * the end of that sentence in the article, or, when the sentence runs on too long, to its last whole word
 * with an ellipsis. A description that ends a sentence, or says something else than the article's start, is
 * the publisher's and stays as it is.
 */
final class CutDescription {
    /** A sentence completed from the article may add this many characters at most. */
    private static final int MAX_ADDED = 200;
    /** Shorter descriptions are not taken for cut ones: a few words may well start the article too. */
    private static final int MIN_LENGTH = 40;

    private CutDescription() {
    }

    /** The description, completed when it is the article's start cut off; {@code text}: the article's text. */
    static String completed(String description, String text) {
        String d = description.strip().replaceAll("\\s+", " ");
        if (d.length() < MIN_LENGTH || text.length() <= d.length() || !text.startsWith(d)) return description;
        char last = d.charAt(d.length() - 1);
        char next = text.charAt(d.length());
        boolean inWord = Character.isLetterOrDigit(last) && Character.isLetterOrDigit(next);
        boolean afterPause = ",;:–—(".indexOf(last) >= 0 || Character.isLetterOrDigit(last) && next == ' ';
        if (!inWord && !afterPause) return description;
        int end = sentenceEnd(text, d.length());
        if (end > 0 && end - d.length() <= MAX_ADDED) return text.substring(0, end);
        int space = d.lastIndexOf(' ');
        String words = (inWord && space > 0 ? d.substring(0, space) : d).replaceAll("[\\s,;:–—(]+$", "");
        return words + "…";
    }

    /** Where the sentence that runs on at {@code from} ends (after its full stop); -1 if not in the text. */
    private static int sentenceEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?' && c != '…') continue;
            int after = i + 1;
            while (after < text.length() && "\"'”’)".indexOf(text.charAt(after)) >= 0) after++;
            if (after == text.length()) return after;
            // A full stop before a space and a capital, not in "U.S. officials" or "3.5": the sentence ends.
            if (text.charAt(after) == ' ' && after + 1 < text.length()
                    && (Character.isUpperCase(text.charAt(after + 1)) || "\"“‘(".indexOf(text.charAt(after + 1)) >= 0)
                    && !abbreviation(text, i)) {
                return after;
            }
        }
        return -1;
    }

    /** A full stop after a single letter or a short capitalised word ("U.S.", "Mr.", "Dr."), not a sentence's. */
    private static boolean abbreviation(String text, int dot) {
        if (text.charAt(dot) != '.') return false;
        int start = dot;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) start--;
        int letters = dot - start;
        return letters == 1 || letters <= 3 && letters > 0 && TITLES.contains(text.substring(start, dot));
    }

    private static final java.util.Set<String> TITLES = java.util.Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr",
            "Gen", "Col", "Rep", "Sen", "Gov", "Lt", "Sgt", "Inc", "Ltd", "Co", "No", "Vol", "Fig");
}
