package clippings.feed;

import clippings.model.ArticleEntry;
import clippings.model.OutputFile;
import clippings.model.TagRef;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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

    /** Streamed rather than built as a JSON tree and then one string: it lists every article (#7). */
    OutputFile json(List<ArticleEntry> articles) {
        StringWriter out = new StringWriter(articles.size() * 512);
        try {
            JsonWriter w = new JsonWriter(out);
            w.setIndent("  ");
            w.setHtmlSafe(false);
            w.beginArray();
            for (ArticleEntry e : articles) {
                var m = e.article().meta();
                w.beginObject();
                w.name("id").value(e.article().id());
                w.name("title").value(m.title());
                if (m.date().isPresent()) w.name("date").value(m.date().get().iso());
                if (m.source().isPresent()) w.name("source").value(m.source().get());
                if (m.url().isPresent()) w.name("url").value(m.url().get());
                w.name("authors").beginArray();
                for (String a : m.authors()) w.value(a);
                w.endArray();
                w.name("tags").beginArray();
                for (TagRef t : e.tags()) w.value(t.name());
                w.endArray();
                w.name("path").value(e.path());
                w.name("sha256").value(e.article().sha256());
                if (m.captured().isPresent()) w.name("captured").value(m.captured().get().iso());
                w.endObject();
            }
            w.endArray();
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return OutputFile.utf8("articles.json", out.append('\n').toString());
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
