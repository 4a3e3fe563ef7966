package clippings.clean;

import clippings.model.ArticleDate;
import clippings.model.ArticleMeta;
import clippings.model.CleanArticle;
import clippings.model.InputException;
import clippings.model.RawArticle;
import org.jsoup.nodes.Entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cleans a plain-text scrape: drops chrome lines, reads the source from {@code Site icon NAME}, takes the
 * first remaining line as the title, and joins hard-wrapped lines into paragraphs.
 * <p>Immutable and thread-safe.
 */
final class TextScrapeCleaner {
    private static final Pattern BYLINE = Pattern.compile("(?i)^by\\s+(\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,4}"
            + "(?:\\s*(?:,|and|&)\\s*\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,4})*)$");
    private static final Pattern BULLET = Pattern.compile("^\\s*([-*•·▪►]|\\d{1,3}[.)])\\s+\\S.*");
    /** Blocks this far after the title may be a byline or a date line. */
    private static final int HEADER_BLOCKS = 3;
    private static final int MAX_TITLE_CHARS = 300;

    private final ChromeLines chrome;

    TextScrapeCleaner(ChromeLines chrome) {
        this.chrome = chrome;
    }

    /** A cleaner that also drops the chrome this corpus shows (stub until corpus learning lands). */
    TextScrapeCleaner learnFrom(List<RawArticle> corpus) {
        return this;
    }

    CleanArticle clean(RawArticle raw) {
        List<String> lines = raw.text().lines().map(TextScrapeCleaner::stripControls).toList();
        Optional<String> source = lines.stream().map(ChromeLines::siteIcon)
                .flatMap(Optional::stream).findFirst();

        List<List<String>> blocks = blocks(lines, source);
        if (blocks.isEmpty()) throw new InputException("no text left after removing site chrome");

        List<String> first = blocks.get(0);
        String title = first.get(0).strip();
        List<List<String>> body = new ArrayList<>();
        if (title.length() > MAX_TITLE_CHARS) {
            // A first line this long is text, not a headline: keep all of it in the body.
            body.add(List.of(title));
            title = shorten(title);
        }
        if (first.size() > 1) body.add(first.subList(1, first.size()));
        body.addAll(blocks.subList(1, blocks.size()));

        List<String> authors = List.of();
        Optional<ArticleDate> date = Optional.empty();
        for (int i = 0; i < Math.min(HEADER_BLOCKS, body.size()); i++) {
            String text = String.join(" ", body.get(i)).strip();
            var byline = BYLINE.matcher(text);
            Optional<ArticleDate> asDate = text.length() < 80 ? DateText.parseProse(text) : Optional.empty();
            if (authors.isEmpty() && byline.matches()) {
                authors = List.of(byline.group(1).split("\\s*(?:,|\\band\\b|&)\\s*"));
                body.remove(i--);
            } else if (date.isEmpty() && asDate.isPresent()) {
                date = asDate;
                body.remove(i--);
            }
        }

        StringBuilder html = new StringBuilder();
        for (List<String> block : body) {
            for (String paragraph : paragraphs(block)) {
                html.append("<p>").append(Entities.escape(paragraph)).append("</p>\n");
            }
        }
        ArticleMeta meta = new ArticleMeta(title, Optional.empty(), authors, date, source, Optional.empty(),
                Optional.empty(), Optional.empty());
        return new CleanArticle(raw.origin(), meta, List.of(), html.toString(), List.of());
    }

    /** The first words of a long line, cut at a word boundary. */
    private static String shorten(String line) {
        int cut = line.lastIndexOf(' ', 120);
        return line.substring(0, cut > 40 ? cut : 120).strip() + "…";
    }

    /** Blank-line separated blocks of non-chrome lines. */
    private List<List<String>> blocks(List<String> lines, Optional<String> source) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            boolean drop = ChromeLines.siteIcon(line).isPresent() || chrome.isChrome(line, source);
            if (line.isBlank()) {
                if (!current.isEmpty()) blocks.add(current);
                current = new ArrayList<>();
            } else if (!drop) {
                current.add(line.strip());
            }
        }
        if (!current.isEmpty()) blocks.add(current);
        return blocks;
    }

    /**
     * The paragraphs of one block: hard-wrapped lines are joined with a space, but a line that starts a list
     * item starts a paragraph of its own.
     */
    private static List<String> paragraphs(List<String> block) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block) {
            if (BULLET.matcher(line).matches() && current.length() > 0) {
                out.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) current.append(' ');
            current.append(line);
        }
        if (current.length() > 0) out.add(current.toString());
        return out;
    }

    /** Control characters never reach HTML or XML output; tabs become spaces. */
    static String stripControls(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == '\uFEFF';
            if (bad || c == '\t') {
                if (sb == null) sb = new StringBuilder(s.substring(0, i));
                if (c == '\t') sb.append(' ');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
