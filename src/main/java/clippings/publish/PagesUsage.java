package clippings.publish;

import java.util.List;

/**
 * How much of GitHub Pages' allowance a built site uses. Immutable.
 *
 * @param articles the article pages ({@code articles/…/*.html}), whose count sizes the site (#7)
 * @param warnings one sentence per limit the site is near or over; empty when all is well
 */
public record PagesUsage(int files, long bytes, int articles, List<String> warnings) {
    public PagesUsage {
        warnings = List.copyOf(warnings);
    }

    /** One line for the build log: file count, total size of the published folder and its size per article. */
    public String summary() {
        String line = String.format(java.util.Locale.ROOT, "site: %d files, %s", files, PagesLimits.human(bytes));
        if (articles == 0) return line;
        return line + String.format(java.util.Locale.ROOT, ", %s per article (%d articles)",
                PagesLimits.human(bytes / articles), articles);
    }
}
