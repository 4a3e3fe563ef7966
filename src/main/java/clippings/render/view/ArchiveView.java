package clippings.render.view;

import java.util.List;
import java.util.Optional;

/**
 * The date archive's index: every year with its months and counts, and a bar chart of articles per month.
 *
 * @param chartSvg    an inline SVG drawn at build time (already safe markup), empty when nothing is dated
 * @param undatedHref the page of undated articles, when there are any
 */
public record ArchiveView(int count, List<YearView> years, Optional<String> chartSvg, int undated,
                          Optional<String> undatedHref) {
    public ArchiveView {
        years = List.copyOf(years);
    }

    /** One year: its page and its months. */
    public record YearView(int year, String href, int count, List<MonthLinkView> months) {
        public YearView {
            months = List.copyOf(months);
        }
    }

    /** One month with its page and count. */
    public record MonthLinkView(String name, String href, int count) {
    }
}
