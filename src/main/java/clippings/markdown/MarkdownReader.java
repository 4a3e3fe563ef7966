package clippings.markdown;

import clippings.model.ArticleDate;
import clippings.model.ArticleMeta;
import clippings.model.InputException;
import clippings.model.MarkdownArticle;
import clippings.model.RawArticle;
import clippings.model.Tag;
import clippings.model.TagKind;
import clippings.model.TagOrigin;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an article a person wrote (or corrected) as Markdown with YAML front matter. Errors name the line.
 * <p>Stateless and thread-safe.
 */
public final class MarkdownReader {
    private static final Pattern HEADING = Pattern.compile("(?m)\\A\\s*#\\s+(.+?)\\s*#*\\s*$");

    public MarkdownArticle read(RawArticle raw) {
        String text = raw.text().replace("\r\n", "\n");
        if (!text.startsWith(FrontMatter.FENCE + "\n")) return withoutFrontMatter(raw, text);
        int end = text.indexOf("\n" + FrontMatter.FENCE, FrontMatter.FENCE.length());
        if (end < 0) throw new InputException("front matter is not closed by a --- line", 1, 1);
        String yaml = text.substring(FrontMatter.FENCE.length() + 1, end + 1);
        int bodyStart = text.indexOf('\n', end + 1);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);

        Map<?, ?> map = load(yaml);
        Fields f = new Fields(map, yaml);
        String title = f.string("title").orElseThrow(() -> new InputException("front matter has no title", 2, 1));
        Optional<ArticleDate> date = f.string("date").map(s -> date("date", s, f.line("date")));
        List<String> authors = f.strings("authors");
        if (authors.isEmpty()) authors = f.strings("author");
        Optional<ArticleDate> captured = f.string("captured").map(s -> date("captured", s, f.line("captured")));
        ArticleMeta meta = new ArticleMeta(title, f.string("description"), authors, date, f.string("source"),
                f.string("url"), f.string("image"), f.string("language"), f.string("image_caption"), captured);
        Map<?, ?> kinds = f.map("tag_kinds");
        List<Tag> tags = new ArrayList<>();
        for (String name : f.strings("tags")) {
            Object kind = kinds.get(name);
            tags.add(new Tag(name, kind == null ? TagKind.TOPIC : TagKind.parse(kind.toString()),
                    TagOrigin.FRONT_MATTER));
        }
        return new MarkdownArticle(raw.origin(), meta, tags, f.string("id"), body.strip() + "\n", f.string("slug"));
    }

    private static MarkdownArticle withoutFrontMatter(RawArticle raw, String text) {
        Matcher m = HEADING.matcher(text);
        if (!m.find()) {
            throw new InputException("no front matter (a --- block with a title) and no # heading to take the title from",
                    1, 1);
        }
        String body = text.substring(m.end()).strip() + "\n";
        return new MarkdownArticle(raw.origin(), ArticleMeta.titled(m.group(1)), List.of(), Optional.empty(), body);
    }

    private static Map<?, ?> load(String yaml) {
        try {
            Object loaded = FrontMatter.loader().load(yaml);
            if (loaded == null) return Map.of();
            if (!(loaded instanceof Map<?, ?> map)) throw new InputException("front matter is not a YAML mapping", 2, 1);
            return map;
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            // +1: the front matter starts on line 2 of the file, after the opening ---.
            throw new InputException("invalid front matter: " + e.getProblem(),
                    mark == null ? 2 : mark.getLine() + 2, mark == null ? 1 : mark.getColumn() + 1);
        } catch (YAMLException e) {
            throw new InputException("invalid front matter: " + e.getMessage(), 2, 1);
        }
    }

    private static ArticleDate date(String key, String s, int line) {
        return ArticleDate.parseIso(s).orElseThrow(() -> new InputException(
                key + " '" + s + "' is not ISO 8601 (e.g. 2015-01-07 or 2015-01-07T10:30:00Z)", line, 1));
    }

    /** Typed access to front matter values, with the line of each key for error messages. */
    private record Fields(Map<?, ?> map, String yaml) {
        Optional<String> string(String key) {
            Object v = map.get(key);
            if (v == null) return Optional.empty();
            if (v instanceof Map || v instanceof List) {
                throw new InputException(key + " must be a single value, not a " + (v instanceof Map ? "mapping" : "list"),
                        line(key), 1);
            }
            String s = v.toString().strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }

        List<String> strings(String key) {
            Object v = map.get(key);
            if (v == null) return List.of();
            if (v instanceof List<?> list) {
                List<String> out = new ArrayList<>();
                for (Object o : list) {
                    if (o instanceof Map || o instanceof List) {
                        throw new InputException(key + " must be a list of names", line(key), 1);
                    }
                    if (o != null && !o.toString().isBlank()) out.add(o.toString().strip());
                }
                return out;
            }
            return string(key).map(List::of).orElse(List.of());
        }

        Map<?, ?> map(String key) {
            Object v = map.get(key);
            if (v == null) return Map.of();
            if (!(v instanceof Map<?, ?> m)) throw new InputException(key + " must be a mapping", line(key), 1);
            return m;
        }

        int line(String key) {
            String[] lines = yaml.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith(key + ":")) return i + 2;
            }
            return 2;
        }
    }
}
