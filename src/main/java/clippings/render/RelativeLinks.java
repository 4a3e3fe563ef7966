package clippings.render;

/**
 * Turns site paths into links relative to the page that holds them, so one {@code site/} works at a domain
 * root, under a sub-path and from disk.
 */
final class RelativeLinks {
    private RelativeLinks() {
    }

    /** The prefix that leads from a page back to the site root: {@code ""}, {@code "../"}, … */
    static String root(String fromPage) {
        int depth = 0;
        for (int i = 0; i < fromPage.length(); i++) if (fromPage.charAt(i) == '/') depth++;
        return "../".repeat(depth);
    }

    /** A link from one page to another site path: up to the folders they share, then down. */
    static String href(String fromPage, String to) {
        int shared = 0;
        for (int i = 0; i < Math.min(fromPage.length(), to.length()); i++) {
            if (fromPage.charAt(i) != to.charAt(i)) break;
            if (fromPage.charAt(i) == '/') shared = i + 1;
        }
        return root(fromPage.substring(shared)) + to.substring(shared);
    }
}
