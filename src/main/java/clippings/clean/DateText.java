package clippings.clean;

import clippings.model.ArticleDate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads publication dates written as machine dates (ISO 8601, as in meta tags) or as English prose dates
 * ({@code January 7, 2015}, {@code 7 Jan 2015}, {@code Wednesday 7 January 2015 14:05}).
 * <p>Stateless and thread-safe.
 */
final class DateText {
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
    private static final String WEEKDAY = "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?";
    private static final String TIME = "(?:(?:,|\\s+at|\\s*-|\\s*\\|)?\\s+(\\d{1,2})[:.](\\d{2})(?:\\s*([ap])\\.?m\\.?)?)?";
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "(?i)" + WEEKDAY + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + TIME);
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(?i)" + WEEKDAY + "(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4})" + TIME);
    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    /** Text that names a calendar date somewhere: a dateline, a time stamp, a byline with its date. */
    private static final Pattern MENTIONS_DATE = Pattern.compile("(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
            + "[a-z]*\\.? \\d{1,2}(st|nd|rd|th)?,? \\d{4}|\\b\\d{1,2}(st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
            + "nov|dec)[a-z]*\\.?,? \\d{4}|\\b\\d{4}-\\d{2}-\\d{2}(?:\\b|T)|\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b");

    private DateText() {
    }

    /** Whether the text names a date anywhere in it. */
    static boolean mentionsDate(String s) {
        return MENTIONS_DATE.matcher(s).find();
    }

    /**
     * A machine-readable date (ISO 8601 with or without time and offset, or what JavaScript's
     * {@code Date.toString()} writes), or empty.
     */
    static Optional<ArticleDate> parseIso(String s) {
        String t = s.strip();
        try {
            return Optional.of(ArticleDate.of(OffsetDateTime.parse(t)));
        } catch (DateTimeParseException ignored) {
            // fall through to the less precise forms
        }
        try {
            return Optional.of(ArticleDate.of(ZonedDateTime.parse(t).toOffsetDateTime()));
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            return Optional.of(ArticleDate.of(LocalDateTime.parse(t)));
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        // Offsets written without a colon (+0000) are common in meta tags.
        Matcher z = Pattern.compile("(.*T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)([+-]\\d{2})(\\d{2})").matcher(t);
        if (z.matches()) return parseIso(z.group(1) + z.group(2) + ":" + z.group(3));
        Matcher d = ISO_DAY.matcher(t);
        if (d.lookingAt()) return day(d.group(1), d.group(2), d.group(3));
        // Scripts write JavaScript's Date.toString() into <time datetime> (Al Jazeera's "time ago" stamps).
        return ArticleDate.parseJavaScript(t);
    }

    /**
     * A date written in English prose at the start of the text, whatever follows it ("November 20, 2019 - 11:28
     * AMT", "12 March 2021 | Politics"); the time is taken when it is in a form {@link #parseProse} reads.
     */
    static Optional<ArticleDate> parseLeadingProse(String s) {
        return prose(s, true).or(() -> prose(s, false));
    }

    /** A date written in English prose, when the whole text is (at most) such a date. */
    static Optional<ArticleDate> parseProse(String s) {
        return prose(s, true);
    }

    /** {@code whole}: the date must be all of the text (after a "Published:" or the like), else its start. */
    private static Optional<ArticleDate> prose(String s, boolean whole) {
        String t = s.strip().replaceFirst("(?i)^(published|posted|updated|date|first published)\\s*(on)?:?\\s*", "");
        Matcher m = MONTH_FIRST.matcher(t);
        if (whole ? m.matches() : m.lookingAt()) {
            return build(m.group(3), m.group(1), m.group(2), m.group(4), m.group(5), m.group(6));
        }
        m = DAY_FIRST.matcher(t);
        if (whole ? m.matches() : m.lookingAt()) {
            return build(m.group(3), m.group(2), m.group(1), m.group(4), m.group(5), m.group(6));
        }
        Matcher d = ISO_DAY.matcher(t);
        if (whole && d.matches()) return day(d.group(1), d.group(2), d.group(3));
        return Optional.empty();
    }

    private static Optional<ArticleDate> build(String year, String month, String day, String hour, String minute,
                                               String ampm) {
        Integer mo = MONTHS.get(month.substring(0, 3).toLowerCase(Locale.ROOT));
        if (mo == null) return Optional.empty();
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), mo, Integer.parseInt(day));
            if (hour == null) return Optional.of(ArticleDate.of(date));
            int h = Integer.parseInt(hour);
            if (ampm != null && ampm.equalsIgnoreCase("p") && h < 12) h += 12;
            if (ampm != null && ampm.equalsIgnoreCase("a") && h == 12) h = 0;
            return Optional.of(ArticleDate.of(date.atTime(h, Integer.parseInt(minute))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ArticleDate> day(String y, String m, String d) {
        try {
            return Optional.of(ArticleDate.of(LocalDate.of(Integer.parseInt(y), Integer.parseInt(m),
                    Integer.parseInt(d))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
