package clippings.ingest;

import clippings.model.ArticleDate;
import clippings.model.InputFormat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds when a capture was made from what the capturing tool wrote into it (#5): SingleFile's
 * {@code saved date:} comment, HTTrack's {@code Mirrored from … by HTTrack …, <date>} comment, the HTTP or MIME
 * headers that {@code wget --save-headers} and MHTML keep above the page ({@code Date:}), and a
 * {@code Captured:} (or {@code Saved:}, {@code Retrieved:}, {@code Fetched:}, {@code Archived:}) line at the top
 * of a text dump. Never the file's modification time: a copy or a {@code git clone} resets it, and the site
 * must come out the same wherever it is built.
 * <p>Only the start of the file is read: every one of these tools writes there. Stateless and thread-safe.
 */
final class CaptureEvidence {
    /** Every tool above writes its note in the first few kilobytes. */
    private static final int HEAD_CHARS = 8192;
    private static final Pattern SINGLE_FILE = Pattern.compile(
            "(?is)<!--(?:(?!-->).)*?Page saved with SingleFile(?:(?!-->).)*?saved date:\\s*([^\\n]+?)\\s*(?:\\n|-->)");
    private static final Pattern HTTRACK = Pattern.compile(
            "(?i)<!--\\s*Mirrored from \\S+ by HTTrack Website Copier/[^\\]]*\\],\\s*([^>]+?)\\s*-->");
    /** A header block at the very top: an HTTP status line or MIME headers, up to the first blank line. */
    private static final Pattern HEADER_BLOCK = Pattern.compile(
            "(?s)\\A\\s*((?:HTTP/\\d(?:\\.\\d)? \\d{3}[^\\n]*|From: <Saved by [^\\n]*|MIME-Version: [^\\n]*)\\r?\\n.*?)\\r?\\n\\r?\\n");
    private static final Pattern DATE_HEADER = Pattern.compile("(?im)^Date:[ \\t]*(.+?)\\s*$");
    /** A text dump's own header line, among its first lines. */
    private static final Pattern CAPTURE_LINE = Pattern.compile(
            "(?im)^\\s*(?:captured|saved|retrieved|fetched|archived|accessed)(?:[ _](?:at|on|date))?:[ \\t]*(.+?)\\s*$");
    private static final int TEXT_HEADER_LINES = 6;

    private CaptureEvidence() {
    }

    /** When the capture says it was made, or empty when it does not say (nothing is guessed). */
    static Optional<ArticleDate> find(InputFormat format, String text) {
        String head = text.length() > HEAD_CHARS ? text.substring(0, HEAD_CHARS) : text;
        if (format == InputFormat.MARKDOWN) return Optional.empty();  // front matter has its own captured: key
        Optional<ArticleDate> fromHeaders = headerDate(head);
        if (fromHeaders.isPresent() || format == InputFormat.TEXT) return fromHeaders.or(() -> textHeader(head));
        // Both notes are looked for only in a file that names their tool: a search of the whole head by each
        // pattern took 1 % of a cold build (#7). Their (?i) is ASCII-only, so an ASCII case-blind look is enough.
        Optional<ArticleDate> singleFile = containsIgnoringCase(head, "singlefile") ? first(SINGLE_FILE, head)
                : Optional.empty();
        return singleFile.or(() -> containsIgnoringCase(head, "httrack") ? first(HTTRACK, head) : Optional.empty());
    }

    /** Whether {@code text} holds {@code lower} (ASCII lowercase) in any mix of case. */
    static boolean containsIgnoringCase(String text, String lower) {
        char first = lower.charAt(0);
        char upper = Character.toUpperCase(first);
        for (int i = 0, last = text.length() - lower.length(); i <= last; i++) {
            char c = text.charAt(i);
            if ((c == first || c == upper) && text.regionMatches(true, i, lower, 0, lower.length())) return true;
        }
        return false;
    }

    private static Optional<ArticleDate> headerDate(String head) {
        Matcher block = HEADER_BLOCK.matcher(head);
        if (!block.find()) return Optional.empty();
        Matcher date = DATE_HEADER.matcher(block.group(1));
        return date.find() ? parse(date.group(1)) : Optional.empty();
    }

    private static Optional<ArticleDate> textHeader(String head) {
        // Line by line, not by a split: a scrape whose first lines are long paragraphs had its whole head
        // searched for line breaks by a regular expression.
        int start = 0;
        for (int i = 0; i < TEXT_HEADER_LINES && start <= head.length(); i++) {
            int end = head.indexOf('\n', start);
            int next = end < 0 ? head.length() + 1 : end + 1;
            if (end < 0) end = head.length();
            if (end > start && head.charAt(end - 1) == '\r') end--;
            Matcher m = CAPTURE_LINE.matcher(head.substring(start, end));
            if (m.matches()) return parse(m.group(1));
            start = next;
        }
        return Optional.empty();
    }

    private static Optional<ArticleDate> first(Pattern p, String head) {
        Matcher m = p.matcher(head);
        return m.find() ? parse(m.group(1)) : Optional.empty();
    }

    /**
     * A time stamp as capture tools write them: ISO 8601 (with or without time and offset), RFC 1123 (HTTP's
     * {@code Thu, 21 Nov 2019 09:15:23 GMT}) or JavaScript's {@code Date.toString()}.
     */
    static Optional<ArticleDate> parse(String value) {
        String s = value.strip();
        Optional<ArticleDate> iso = ArticleDate.parseIso(s);
        if (iso.isPresent()) return iso;
        try {
            return Optional.of(ArticleDate.of(OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME)));
        } catch (DateTimeParseException ignored) {
            // the JavaScript form below
        }
        return ArticleDate.parseJavaScript(s);
    }
}
