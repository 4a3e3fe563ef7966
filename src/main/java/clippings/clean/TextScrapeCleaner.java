package clippings.clean;

import clippings.model.ArticleDate;
import clippings.model.ArticleMeta;
import clippings.model.CleanArticle;
import clippings.model.Extraction;
import clippings.model.InputException;
import clippings.model.RawArticle;
import org.jsoup.nodes.Entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cleans a plain-text scrape: reads the source from {@code Site icon NAME}, drops chrome lines (bundled,
 * configured and learnt from the corpus), finds the article among the remaining paragraphs when the scrape is
 * of a whole page ({@link TextRegion}), takes the headline above it as the title ({@link TextHeadline}), reads a byline and a date
 * line, and joins hard-wrapped lines into paragraphs.
 * <p>Immutable and thread-safe.
 */
final class TextScrapeCleaner {
    private static final Pattern BYLINE = Pattern.compile("(?i)^by\\s+(\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,4}"
            + "(?:\\s*(?:,|and|&)\\s*\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,4})*)$");
    private static final Pattern BULLET = Pattern.compile("^\\s*([-*•·▪►□◦○●]|\\d{1,3}[.)])\\s+\\S.*");
    /** Paragraphs this far after the title may be a byline or a date line. */
    private static final int HEADER_BLOCKS = 3;
    private static final int MAX_TITLE_CHARS = TextHeadline.MAX_CHARS;

    private final ChromeLines chrome;
    private final SourceChrome learnt;

    TextScrapeCleaner(ChromeLines chrome) {
        this(chrome, SourceChrome.none());
    }

    private TextScrapeCleaner(ChromeLines chrome, SourceChrome learnt) {
        this.chrome = chrome;
        this.learnt = learnt;
    }

    /** A cleaner that also drops the chrome this corpus shows for each of its sources. */
    TextScrapeCleaner learnFrom(Iterable<RawArticle> corpus) {
        return new TextScrapeCleaner(chrome, SourceChrome.learn(corpus));
    }

    /** A cleaner that also drops the chrome learnt from what each scrape of the corpus contributes. */
    TextScrapeCleaner learnFromLines(Iterable<ScrapeLines> corpus) {
        return new TextScrapeCleaner(chrome, SourceChrome.learnFromLines(corpus));
    }

    /** What this cleaner learnt about a source (a digest; empty when nothing). */
    String learntFor(String source) {
        return learnt.learntFor(source);
    }

    static Optional<String> siteIcon(List<String> lines) {
        return lines.stream().map(ChromeLines::siteIcon).flatMap(Optional::stream).findFirst();
    }

    /** The cleaned scrape; its date, when it has one, comes from a date line of the text. */
    Extraction extract(RawArticle raw) {
        CleanArticle article = clean(raw);
        return new Extraction(article, article.meta().date().map(d -> "text"), Optional.empty());
    }

    CleanArticle clean(RawArticle raw) {
        List<String> lines = raw.text().lines().map(TextScrapeCleaner::stripControls).toList();
        Optional<String> source = siteIcon(lines);
        ChromeLines.Scope scope = chrome.forSource(SourceIdentity.of(source, Optional.empty()));

        List<TextRegion.Unit> units = units(lines, source, scope, raw.origin());

        List<TextRegion.Kind> kinds = new ArrayList<>();
        for (TextRegion.Unit u : units) kinds.add(TextRegion.kind(u));
        TextLayout.apply(units, kinds);
        int[] run = TextRegion.region(kinds, units);
        int titleAt = TextHeadline.choose(units, kinds, run[0], run[1]);
        String title = units.get(titleAt).text();
        List<String> body = new ArrayList<>();
        if (title.length() > MAX_TITLE_CHARS) {
            // A first line this long is text, not a headline: keep all of it in the body.
            body.add(title);
            title = shorten(title);
        }
        int from = Math.max(run[0], titleAt + 1);
        // Between the headline and the article sit the byline and the date line.
        List<String> header = new ArrayList<>();
        for (int i = titleAt + 1; i < from; i++) header.add(units.get(i).text());
        for (int i : withProtected(TextRegion.kept(kinds, units, from, Math.max(from, run[1])), units, scope, titleAt)) {
            body.add(units.get(i).text());
        }
        if (body.isEmpty()) {
            for (int i = titleAt + 1; i < units.size(); i++) body.add(units.get(i).text());
        }

        List<String> authors = List.of();
        Optional<ArticleDate> date = Optional.empty();
        List<String> candidates = new ArrayList<>(header);
        int headerSize = header.size();
        candidates.addAll(body.subList(0, Math.min(HEADER_BLOCKS, body.size())));
        for (int i = 0; i < candidates.size(); i++) {
            String text = candidates.get(i).strip();
            var byline = BYLINE.matcher(text);
            Optional<ArticleDate> asDate = text.length() < 80 ? DateText.parseProse(text) : Optional.empty();
            boolean used = false;
            if (authors.isEmpty() && byline.matches()) {
                authors = List.of(byline.group(1).split("\\s*(?:,|\\band\\b|&)\\s*"));
                used = true;
            } else if (date.isEmpty() && asDate.isPresent()) {
                date = asDate;
                used = true;
            }
            if (used && i >= headerSize) body.remove(text);
        }

        StringBuilder html = new StringBuilder();
        for (String paragraph : RepeatedText.withoutCopies(body)) {
            html.append("<p>").append(Entities.escape(paragraph)).append("</p>\n");
        }
        ArticleMeta meta = new ArticleMeta(title, Optional.empty(), authors, date, source, Optional.empty(),
                Optional.empty(), Optional.empty());
        return new CleanArticle(raw.origin(), meta, List.of(), html.toString(), List.of());
    }

    /** The paragraphs of a scrape once chrome lines are gone. */
    private List<TextRegion.Unit> units(List<String> lines, Optional<String> source, ChromeLines.Scope scope, String origin) {
        List<List<String>> blocks = blocks(lines, source, scope, origin);
        if (blocks.isEmpty()) throw new InputException("no text left after removing site chrome");
        List<TextRegion.Unit> units = new ArrayList<>();
        if (!hardWrapped(blocks)) {
            // Each line is a paragraph, a heading or a list item of its own (text browsers and reader-mode
            // copies write one line per block); joining them would glue chrome onto the article.
            for (List<String> block : blocks) {
                for (String line : block) units.add(new TextRegion.Unit(line, BULLET.matcher(line).matches()));
            }
            return units;
        }
        // The first line of the first block may be a headline hard-wrapped onto the text below it.
        List<String> first = blocks.get(0);
        if (first.size() > 1 && !BULLET.matcher(first.get(0)).matches()) {
            units.add(new TextRegion.Unit(first.get(0), false));
            units.addAll(paragraphs(first.subList(1, first.size())));
        } else {
            units.addAll(paragraphs(first));
        }
        for (List<String> block : blocks.subList(1, blocks.size())) units.addAll(paragraphs(block));
        return units;
    }

    /**
     * Whether the scrape's text is wrapped at a fixed width (lines of prose end near one column, and a
     * paragraph runs over several lines), so that the lines of a block are to be joined.
     */
    static boolean hardWrapped(List<List<String>> blocks) {
        List<Integer> lengths = new ArrayList<>();
        int continued = 0;
        for (List<String> block : blocks) {
            for (String line : block) if (line.length() >= 40) lengths.add(line.length());
            if (block.size() > 1) continued += block.size() - 1;
        }
        if (lengths.size() < 3 || continued == 0) return false;
        lengths.sort(null);
        int width = lengths.get((int) (lengths.size() * 0.9));
        if (width > 120) return false;
        int near = 0;
        for (int n : lengths) if (n >= width - 20) near++;
        return near >= lengths.size() * 0.6;
    }

    /**
     * The article's paragraphs with those a {@code keep} pattern protects, wherever they stand, in the order of
     * the scrape: a protected line is never dropped, even outside the article the region finder chose.
     */
    private static List<Integer> withProtected(List<Integer> kept, List<TextRegion.Unit> units, ChromeLines.Scope scope,
                                               int titleAt) {
        if (!scope.protects()) return kept;
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>(kept);
        for (int i = titleAt + 1; i < units.size(); i++) if (scope.isKept(units.get(i).text())) all.add(i);
        return List.copyOf(all);
    }

    /** The first words of a long line, cut at a word boundary. */
    private static String shorten(String line) {
        int cut = line.lastIndexOf(' ', 120);
        return line.substring(0, cut > 40 ? cut : 120).strip() + "…";
    }

    /** Blank-line separated blocks of non-chrome lines. */
    private List<List<String>> blocks(List<String> lines, Optional<String> source, ChromeLines.Scope scope, String origin) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            boolean drop = ChromeLines.siteIcon(line).isPresent() || scope.isChrome(line)
                    || (learnt.isChrome(origin, source, line) && !scope.isKept(line));
            if (line.isBlank() || line.replace('\u00A0', ' ').isBlank()) {
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
    private static List<TextRegion.Unit> paragraphs(List<String> block) {
        List<TextRegion.Unit> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean bullet = false;
        for (String line : block) {
            boolean starts = BULLET.matcher(line).matches();
            if (starts && current.length() > 0) {
                out.add(new TextRegion.Unit(current.toString(), bullet));
                current.setLength(0);
            }
            if (current.length() == 0) bullet = starts;
            if (current.length() > 0) current.append(' ');
            current.append(line);
        }
        if (current.length() > 0) out.add(new TextRegion.Unit(current.toString(), bullet));
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
