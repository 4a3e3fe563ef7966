package clippings.clean;

import clippings.model.ArticleDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collects the publication dates a page states (JSON-LD, meta tags, {@code <time>}, the URL, a byline) and
 * chooses one by evidence: the day that the most weight of independent sources agrees on wins, and among
 * those the most precise statement (with time and zone) is kept. Dates after the capture or before 1990 are
 * rejected, since they are typos or placeholders rather than publication dates.
 * <p>Not thread-safe: one instance gathers the evidence of one page.
 */
final class DateEvidence {
    /** A date found on the page, where it was found, and how much that kind of place is trusted. */
    record Candidate(ArticleDate date, String source, int weight) {
    }

    /** The chosen date and the source that stated it. */
    record Choice(ArticleDate date, String source) {
    }

    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    private final LocalDate latest;
    private final List<Candidate> candidates = new ArrayList<>();

    DateEvidence(LocalDate latest) {
        this.latest = latest;
    }

    /** Adds a machine-readable (ISO 8601) date, when the text is one. */
    void iso(Optional<String> text, String source, int weight) {
        text.flatMap(DateText::parseIso).ifPresent(d -> add(d, source, weight));
    }

    /** Adds a date written in prose, when the text is one. */
    void prose(Optional<String> text, String source, int weight) {
        text.flatMap(t -> DateText.parseIso(t).or(() -> DateText.parseProse(t))).ifPresent(d -> add(d, source, weight));
    }

    void add(ArticleDate date, String source, int weight) {
        if (date.day().isBefore(EARLIEST) || date.day().isAfter(latest)) return;
        candidates.add(new Candidate(date, source, weight));
    }

    Optional<Choice> choose() {
        if (candidates.isEmpty()) return Optional.empty();
        Map<LocalDate, Integer> support = new TreeMap<>();
        for (Candidate c : candidates) support.merge(c.date().day(), c.weight(), Integer::sum);
        // Ties go to the earlier day: a page states its update dates as readily as its publication date.
        LocalDate day = null;
        int most = -1;
        for (Map.Entry<LocalDate, Integer> e : support.entrySet()) {
            if (e.getValue() > most) {
                most = e.getValue();
                day = e.getKey();
            }
        }
        Candidate best = null;
        for (Candidate c : candidates) {
            if (!c.date().day().equals(day)) continue;
            if (best == null || precision(c.date()) > precision(best.date())
                    || (precision(c.date()) == precision(best.date()) && c.weight() > best.weight())) {
                best = c;
            }
        }
        return Optional.of(new Choice(best.date(), best.source()));
    }

    private static int precision(ArticleDate d) {
        return d.zoned().isPresent() ? 2 : d.localTime().isPresent() ? 1 : 0;
    }
}
