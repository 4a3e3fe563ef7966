package clippings.render;

import clippings.model.ArchiveIndex;
import clippings.model.ArticleEntry;
import clippings.model.MonthEntry;
import clippings.model.OutputFile;
import clippings.model.SiteIndex;
import clippings.model.SourceEntry;
import clippings.render.view.ArchiveView;
import clippings.render.view.SourceIndexView;
import clippings.render.view.TagLinkView;

import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Renders the date archive (index with a bar chart, a page per year, per month and for undated articles) and
 * the source pages (#5).
 * <p>Thread-safe.
 */
final class ArchivePages {
    private final PageEngine pages;
    private final Listings listings;

    ArchivePages(PageEngine pages, Listings listings) {
        this.pages = pages;
        this.listings = listings;
    }

    static String yearPath(int year) {
        return String.format(Locale.ROOT, "archive/%04d.html", year);
    }

    static String monthPath(int year, int month) {
        return String.format(Locale.ROOT, "archive/%04d/%02d.html", year, month);
    }

    static String sourcePath(SourceEntry s) {
        return "sources/" + s.slug() + ".html";
    }

    /**
     * @param byId   the index's articles by id
     * @param wanted the pages to produce, by path: the others are not even modelled
     */
    void render(SiteIndex index, ArchiveIndex archive, Map<String, ArticleEntry> byId, Predicate<String> wanted,
                Consumer<OutputFile> sink) {
        // Each listing's articles are looked up only for its wanted pages (see Listings#lookedUp).
        Map<Integer, List<String>> byYear = new java.util.TreeMap<>();
        for (MonthEntry m : reversed(archive.months())) {
            byYear.computeIfAbsent(m.year(), y -> new ArrayList<>()).addAll(m.articleIds());
            String first = monthPath(m.year(), m.month());
            list(monthName(m.month()) + " " + m.year(), "month", m.articleIds(), byId,
                    n -> n == 1 ? first : first.replace(".html", "/page/" + n + ".html"), Optional.empty(), sink);
        }
        byYear.forEach((year, ids) -> {
            String first = yearPath(year);
            list(String.valueOf(year), "year", ids, byId,
                    n -> n == 1 ? first : first.replace(".html", "/page/" + n + ".html"), Optional.empty(), sink);
        });
        if (!archive.undatedIds().isEmpty()) {
            list("Undated articles", "undated", archive.undatedIds(), byId,
                    n -> n == 1 ? "archive/undated.html" : "archive/undated/page/" + n + ".html", Optional.empty(),
                    sink);
        }
        if (wanted.test("archive/index.html")) sink.accept(archiveIndex(index, archive));

        for (SourceEntry s : archive.sources()) {
            String first = sourcePath(s);
            list(s.name(), "source", s.articleIds(), byId,
                    n -> n == 1 ? first : "sources/" + s.slug() + "/page/" + n + ".html",
                    Optional.of("sources/" + s.slug() + ".xml"), sink);
        }
        String path = "sources/index.html";
        if (!wanted.test(path)) return;
        List<TagLinkView> links = archive.sources().stream()
                .map(s -> new TagLinkView(s.name(), "source", RelativeLinks.href(path, sourcePath(s)), s.articleIds().size()))
                .toList();
        sink.accept(pages.page("sources", path, new SourceIndexView(links.size(), links)));
    }

    private void list(String heading, String kind, List<String> ids, Map<String, ArticleEntry> byId,
                      java.util.function.IntFunction<String> pagePath, Optional<String> feed,
                      Consumer<OutputFile> sink) {
        listings.render("archive-list", heading, Optional.of(kind), Listings.lookedUp(ids, byId), pagePath, feed, sink);
    }

    private OutputFile archiveIndex(SiteIndex index, ArchiveIndex archive) {
        String path = "archive/index.html";
        List<ArchiveView.YearView> years = new ArrayList<>();
        for (int year : reversed(archive.years())) {
            List<ArchiveView.MonthLinkView> months = new ArrayList<>();
            int count = 0;
            for (MonthEntry m : reversed(archive.months())) {
                if (m.year() != year) continue;
                months.add(new ArchiveView.MonthLinkView(monthName(m.month()),
                        RelativeLinks.href(path, monthPath(year, m.month())), m.articleIds().size()));
                count += m.articleIds().size();
            }
            years.add(new ArchiveView.YearView(year, RelativeLinks.href(path, yearPath(year)), count, months));
        }
        int undated = archive.undatedIds().size();
        return pages.page("archive", path, new ArchiveView(index.articles().size(), years,
                archive.months().isEmpty() ? Optional.empty() : Optional.of(chart(archive.months())), undated,
                undated > 0 ? Optional.of(RelativeLinks.href(path, "archive/undated.html")) : Optional.empty()));
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> r = new ArrayList<>(list);
        java.util.Collections.reverse(r);
        return r;
    }

    private static String monthName(int month) {
        return Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /**
     * A bar per month from the first dated month to the last, empty months included so the time axis is even.
     * The SVG has a title and a description, and each bar a title with its month and count; the numbers are also
     * on the page as text, in the list of years and months.
     */
    static String chart(List<MonthEntry> months) {
        YearMonth first = YearMonth.of(months.get(0).year(), months.get(0).month());
        MonthEntry lastEntry = months.get(months.size() - 1);
        YearMonth last = YearMonth.of(lastEntry.year(), lastEntry.month());
        Map<YearMonth, Integer> counts = new HashMap<>();
        int max = 1;
        int total = 0;
        for (MonthEntry m : months) {
            counts.put(YearMonth.of(m.year(), m.month()), m.articleIds().size());
            max = Math.max(max, m.articleIds().size());
            total += m.articleIds().size();
        }
        int bars = (int) (first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1);
        int barWidth = 12;
        int gap = 2;
        int height = 120;
        int width = Math.max(bars * (barWidth + gap), 60);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height + 20).append("\" width=\"").append(width)
                .append("\" height=\"").append(height + 20).append("\" preserveAspectRatio=\"xMinYMax meet\">\n");
        svg.append("<title id=\"chart-title\">Articles per month</title>\n");
        svg.append("<desc id=\"chart-desc\">").append(total).append(" dated articles from ")
                .append(monthName(first.getMonthValue())).append(' ').append(first.getYear()).append(" to ")
                .append(monthName(last.getMonthValue())).append(' ').append(last.getYear())
                .append("; at most ").append(max).append(" in one month.</desc>\n");
        YearMonth ym = first;
        for (int i = 0; i < bars; i++, ym = ym.plusMonths(1)) {
            int c = counts.getOrDefault(ym, 0);
            int h = c == 0 ? 0 : Math.max(2, Math.round((float) c * height / max));
            int x = i * (barWidth + gap);
            svg.append("<rect class=\"bar\" x=\"").append(x).append("\" y=\"").append(height - h)
                    .append("\" width=\"").append(barWidth).append("\" height=\"").append(h).append("\"><title>")
                    .append(monthName(ym.getMonthValue())).append(' ').append(ym.getYear()).append(": ").append(c)
                    .append(c == 1 ? " article" : " articles").append("</title></rect>\n");
            if (ym.getMonthValue() == 1 || i == 0) {
                svg.append("<text class=\"axis\" x=\"").append(x).append("\" y=\"").append(height + 15).append("\">")
                        .append(ym.getYear()).append("</text>\n");
            }
        }
        svg.append("</svg>");
        return svg.toString();
    }
}
