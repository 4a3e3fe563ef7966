package clippings.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * When an article was published, as precisely as its source tells: a day, perhaps a time, perhaps a zone.
 * A missing time is never invented, so a date-only source stays date-only in every output.
 */
public record ArticleDate(LocalDate day, Optional<LocalDateTime> localTime, Optional<OffsetDateTime> zoned) {
    public ArticleDate {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(localTime, "localTime");
        Objects.requireNonNull(zoned, "zoned");
    }

    public static ArticleDate of(LocalDate day) {
        return new ArticleDate(day, Optional.empty(), Optional.empty());
    }

    public static ArticleDate of(LocalDateTime time) {
        return new ArticleDate(time.toLocalDate(), Optional.of(time), Optional.empty());
    }

    public static ArticleDate of(OffsetDateTime time) {
        return new ArticleDate(time.toLocalDate(), Optional.of(time.toLocalDateTime()), Optional.of(time));
    }

    /**
     * Reads ISO 8601 as written, keeping its precision: a date-time with an offset, a local date-time, or a day.
     * Empty when the text is none of them.
     */
    public static Optional<ArticleDate> parseIso(String text) {
        String s = text.strip();
        try {
            return Optional.of(of(OffsetDateTime.parse(s)));
        } catch (DateTimeParseException ignored) {
            // the less precise forms below
        }
        try {
            return Optional.of(of(LocalDateTime.parse(s)));
        } catch (DateTimeParseException ignored) {
            // a plain day below
        }
        try {
            return Optional.of(of(LocalDate.parse(s)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads what JavaScript's {@code Date.toString()} writes, as capture tools and pages' scripts put it in files
     * and attributes: {@code Tue Nov 19 2019 05:44:06 GMT+0000 (Coordinated Universal Time)}. Empty when the text
     * is not that, or names a month or an offset that does not exist.
     */
    public static Optional<ArticleDate> parseJavaScript(String text) {
        java.util.regex.Matcher js = JAVASCRIPT.matcher(text.strip());
        if (!js.matches()) return Optional.empty();
        int at = MONTHS.indexOf(js.group(1).toLowerCase(java.util.Locale.ROOT));
        if (at < 0 || at % 3 != 0) return Optional.empty();
        int month = at / 3 + 1;
        try {
            java.time.ZoneOffset offset = java.time.ZoneOffset.ofHoursMinutes(Integer.parseInt(js.group(7)),
                    Integer.parseInt(js.group(7).charAt(0) + js.group(8)));
            return Optional.of(of(OffsetDateTime.of(Integer.parseInt(js.group(3)), month,
                    Integer.parseInt(js.group(2)), Integer.parseInt(js.group(4)), Integer.parseInt(js.group(5)),
                    Integer.parseInt(js.group(6)), 0, offset)));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static final java.util.regex.Pattern JAVASCRIPT = java.util.regex.Pattern.compile(
            "(?i)[a-z]{3} ([a-z]{3}) (\\d{1,2}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT([+-]\\d{2})(\\d{2})\\b.*");
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    /** ISO 8601 with as much precision as is known: {@code 2015-01-07}, or with time and offset. */
    public String iso() {
        if (zoned.isPresent()) return zoned.get().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        if (localTime.isPresent()) return localTime.get().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        return day.toString();
    }

    /** A key that sorts dates in time order; instants compare in UTC, date-only values at the start of the day. */
    public String sortKey() {
        if (zoned.isPresent()) {
            return zoned.get().atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime()
                    .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        return localTime.map(t -> t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .orElse(day + "T00:00:00");
    }
}
