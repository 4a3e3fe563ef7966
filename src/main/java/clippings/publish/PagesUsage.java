package clippings.publish;

import java.util.List;

/**
 * How much of GitHub Pages' allowance a built site uses. Immutable.
 *
 * @param warnings one sentence per limit the site is near or over; empty when all is well
 */
public record PagesUsage(int files, long bytes, List<String> warnings) {
    public PagesUsage {
        warnings = List.copyOf(warnings);
    }

    /** One line for the build log: file count and total size of the published folder. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "site: %d files, %s", files,
                PagesLimits.human(bytes));
    }
}
