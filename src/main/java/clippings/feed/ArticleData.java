package clippings.feed;

import clippings.model.ArticleEntry;
import clippings.model.OutputFile;
import clippings.model.TagRef;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;

/**
 * The archive's metadata for researchers (#5): {@code articles.json} and {@code articles.csv} with one row per
 * article in site order: id, title, date, source, url, authors, tags, page path, the capture's SHA-256 and when it
 * was captured (empty when the capture does not say).
 * The CSV follows RFC 4180 (CRLF line ends, fields quoted when they hold a comma, quote or line break; authors
 * and tags joined with {@code "; "}).
 * <p>Stateless and thread-safe.
 */
final class ArticleData {
    private static final List<String> COLUMNS = List.of("id", "title", "date", "source", "url", "authors", "tags",
            "path", "sha256", "captured");

    OutputFile json(List<ArticleEntry> articles) {
        JsonArray all = new JsonArray();
        for (ArticleEntry e : articles) {
            var m = e.article().meta();
            JsonObject o = new JsonObject();
            o.addProperty("id", e.article().id());
            o.addProperty("title", m.title());
            m.date().ifPresent(d -> o.addProperty("date", d.iso()));
            m.source().ifPresent(s -> o.addProperty("source", s));
            m.url().ifPresent(u -> o.addProperty("url", u));
            JsonArray authors = new JsonArray();
            m.authors().forEach(authors::add);
            o.add("authors", authors);
            JsonArray tags = new JsonArray();
            e.tags().forEach(t -> tags.add(t.name()));
            o.add("tags", tags);
            o.addProperty("path", e.path());
            o.addProperty("sha256", e.article().sha256());
            m.captured().ifPresent(c -> o.addProperty("captured", c.iso()));
            all.add(o);
        }
        return OutputFile.utf8("articles.json", new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
                .create().toJson(all) + "\n");
    }

    OutputFile csv(List<ArticleEntry> articles) {
        StringBuilder sb = new StringBuilder();
        row(sb, COLUMNS);
        for (ArticleEntry e : articles) {
            var m = e.article().meta();
            row(sb, List.of(e.article().id(), m.title(), m.date().map(d -> d.iso()).orElse(""), m.source().orElse(""),
                    m.url().orElse(""), String.join("; ", m.authors()),
                    String.join("; ", e.tags().stream().map(TagRef::name).toList()), e.path(), e.article().sha256(),
                    m.captured().map(c -> c.iso()).orElse("")));
        }
        return OutputFile.utf8("articles.csv", sb.toString());
    }

    private static void row(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(field(fields.get(i)));
        }
        sb.append("\r\n");
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
