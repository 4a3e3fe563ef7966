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
