package clippings.clean;

import org.jsoup.nodes.Element;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads what an element's {@code class}, {@code id} and ARIA role say about it: chrome (share bars, related
 * lists, comments, newsletter prompts, ads) or content (article body, story text). Patterns follow the ones
 * Readability and trafilatura have refined over many sites; none names a particular site.
 * <p>Not thread-safe: one instance serves one page, and remembers what it read of each class and id string
 * (pages repeat the same few class names thousands of times, and these patterns are the costliest part of
 * pruning).
 */
final class ClassHints {
    /** Names that mark chrome so surely that the element is removed before scoring. */
    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|\\bads?\\b|ad-?slot|adsense|advert|agegate|banner|breadcrumb|combx|comment|community|consent|"
                    + "cookie|disqus|donat|footer|gdpr|masthead|menu|modal|navbar|newsletter|outbrain|pagination|"
                    + "pager|paywall|popup|promo|recommend|related|remark|replies|rss|share|sharing|shoutbox|"
                    + "sidebar|signup|skyscraper|social|sponsor|subscri|taboola|toolbar|trending|most-?popular|"
                    + "most-?read|more-?stories|read-?more|read-?next|author-?bio|about-?the-?author|byline|"
                    + "tag-?list|\\btags\\b|post-?tags|article-?tags|\\btopics\\b|keywords|jump-?link|skip-?link|"
                    + "print-?only|visually-?hidden|sr-only|screen-?reader|hidden-?print|offscreen|"
                    + "caption-?credit|image-?credit|photo-?credit|credit|dateline|timestamp|publish-?date|"
                    + "post-?meta|entry-?meta|article-?meta|meta-?data|\\bmeta\\b|widget|rating|feedback|"
                    + "inline-?link|embed-?link|see-?also|also-?read|read-?also|teaser|carousel|slideshow|slider|gallery|tooltip|popover|hover-?card|rollover[-\\w]*-(?:block|card|box|popup)\\b|lightbox");
    /** Whole class or id tokens that save an element from {@link #UNLIKELY}. */
    private static final Pattern MAYBE = Pattern.compile(
            "(?:article|story|post|entry|main|page|blog|news)?[-_]?(?:body|content|text)(?:[-_]?(?:body|main|wrap|wrapper|inner|container))?|"
                    + "main|article|articlebody|storytext|articletext");
    /** Class or id tokens that begin so surely with chrome that no share of text protects the element. */
    private static final Pattern CERTAIN = Pattern.compile(
            "(?:comment|disqus|replies|respond|sidebar|related|recommend|share|sharing|social|newsletter|"
                    + "footer|cookie|consent|outbrain|taboola|promo|advert|most-?popular|most-?read)"
                    + "(?:s|ed|ing|bar|box|list|area|section|container|wrap|wrapper|widget|block|links?|posts?|"
                    + "stories|articles?)?(?:[-_].*)?");
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|\\bhid\\b|banner|combx|comment|com-|contact|foot|footnote|gdpr|masthead|media|meta|outbrain|"
                    + "promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|"
                    + "caption|credit|byline|author|newsletter|subscribe|nav|menu");
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|paragraph|prose|rich-?text");

    private final Map<String, Boolean> unlikely = new HashMap<>();
    private final Map<String, Boolean> certain = new HashMap<>();
    private final Map<String, Integer> weight = new HashMap<>();

    static String names(Element e) {
        String c = e.className();
        String id = e.id();
        if (c.isEmpty() && id.isEmpty()) return "";
        return (c + " " + id).toLowerCase(Locale.ROOT);
    }

    /** Whether the element's names mark it as chrome, and nothing marks it as content. */
    boolean unlikely(Element e) {
        String role = e.attr("role");
        if (role.equals("navigation") || role.equals("complementary") || role.equals("contentinfo")
                || role.equals("banner") || role.equals("dialog") || role.equals("alertdialog")) {
            return true;
        }
        String n = names(e);
        if (n.isEmpty()) return false;
        return unlikely.computeIfAbsent(n, ClassHints::unlikelyNames);
    }

    private static boolean unlikelyNames(String n) {
        if (!UNLIKELY.matcher(n).find()) return false;
        for (String token : n.split("\\s+")) {
            if (MAYBE.matcher(token).matches()) return false;
        }
        return true;
    }

    /** Whether a class or id token names chrome outright ({@code comments}, {@code related-posts}). */
    boolean certain(Element e) {
        String n = names(e);
        if (n.isEmpty()) return false;
        return certain.computeIfAbsent(n, ClassHints::certainNames);
    }

    private static boolean certainNames(String n) {
        for (String token : n.split("\\s+")) {
            if (CERTAIN.matcher(token).matches()) return true;
        }
        return false;
    }

    /** Readability's class weight: -25 for chrome names, +25 for content names, both may apply. */
    int weight(Element e) {
        String n = names(e);
        if (n.isEmpty()) return 0;
        return weight.computeIfAbsent(n, ClassHints::weightNames);
    }

    private static int weightNames(String n) {
        int w = 0;
        if (NEGATIVE.matcher(n).find()) w -= 25;
        if (POSITIVE.matcher(n).find()) w += 25;
        return w;
    }
}
