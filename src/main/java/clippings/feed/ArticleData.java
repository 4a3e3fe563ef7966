package clippings.feed;

import clippings.cache.KeptValues;
import clippings.model.ArticleEntry;
import clippings.model.OutputFile;
import clippings.model.TagRef;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The archive's metadata for researchers (#5): {@code articles.json} and {@code articles.csv} with one row per
 * article in site order: id, title, date, source, url, authors, tags, page path, the capture's SHA-256 and when it
 * was captured (empty when the capture does not say).
 * The CSV follows RFC 4180 (CRLF line ends, fields quoted when they hold a comma, quote or line break; authors
 * and tags joined with {@code "; "}).
 * <p>Thread-safe.
 */
final class ArticleData {
    private static final List<String> COLUMNS = List.of("id", "title", "date", "source", "url", "authors", "tags",
            "path", "sha256", "captured");

    /**
     * Each article's JSON object and CSV row by the digest of its entry, as the last build of this process made
     * them: {@code serve} and the build daemon rebuild both files after every edit, and made every row again
     * (0.1 s at 10,000 articles, #7).
     */
    private static final KeptValues<String, Row> ROWS = new KeptValues<>();

    /**
     * One article's lines in each file, in UTF-8: the files are put together from the bytes, without a string
     * of 10 MB to copy and encode after every edit at 10,000 articles (#7).
     */
    private record Row(byte[] json, byte[] csv) {
        static Row of(ArticleEntry e) {
            return new Row(jsonObject(e).getBytes(StandardCharsets.UTF_8), csvRow(e).getBytes(StandardCharsets.UTF_8));
        }
    }

    private final List<ArticleEntry> articles;
    private final List<String> digests;
    /** Both files, made together on first use (they share their rows). */
    private List<OutputFile> files;

    /**
     * @param articles the articles in site order
     * @param digests  the digest of everything each entry is, in the same order (its rows read nothing else)
     */
    ArticleData(List<ArticleEntry> articles, List<String> digests) {
        this.articles = articles;
        this.digests = digests;
    }

    OutputFile json() {
        return files().get(0);
    }

    OutputFile csv() {
        return files().get(1);
    }

    private synchronized List<OutputFile> files() {
        if (files == null) files = make();
        return files;
    }

    private List<OutputFile> make() {
        List<Row> made = new ArrayList<>(articles.size());
        try (KeptValues<String, Row>.Round rows = ROWS.round(articles.size())) {
            for (int i = 0; i < articles.size(); i++) {
                ArticleEntry e = articles.get(i);
                made.add(rows.get(digests.get(i), digest -> Row.of(e)));
            }
        }
        StringBuilder header = new StringBuilder();
        row(header, COLUMNS);
        Bytes json = new Bytes("[");
        Bytes csv = new Bytes(header);
        for (int i = 0; i < made.size(); i++) {
            json.add(i == 0 ? FIRST : NEXT).add(made.get(i).json());
            csv.add(made.get(i).csv());
        }
        json.add(articles.isEmpty() ? "]\n" : "\n]\n");
        return List.of(new OutputFile("articles.json", json.bytes()), new OutputFile("articles.csv", csv.bytes()));
    }

    private static final byte[] FIRST = "\n  ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEXT = ",\n  ".getBytes(StandardCharsets.UTF_8);

    /** A file's pieces, put together once their total length is known. */
    private static final class Bytes {
        private final List<byte[]> pieces = new ArrayList<>();
        private int length;

        Bytes(CharSequence start) {
            add(start);
        }

        Bytes add(CharSequence text) {
            return add(text.toString().getBytes(StandardCharsets.UTF_8));
        }

        Bytes add(byte[] piece) {
            pieces.add(piece);
            length += piece.length;
            return this;
        }

        byte[] bytes() {
            byte[] out = new byte[length];
            int at = 0;
            for (byte[] p : pieces) {
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length;
            }
            return out;
        }
    }

    /** One article as JSON, indented as an element of the file's top-level array (but for its first line). */
    private static String jsonObject(ArticleEntry e) {
        return NestedJson.of(1, true, w -> {
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
        });
    }

    private static String csvRow(ArticleEntry e) {
        var m = e.article().meta();
        StringBuilder sb = new StringBuilder(320);
        row(sb, List.of(e.article().id(), m.title(), m.date().map(d -> d.iso()).orElse(""), m.source().orElse(""),
                m.url().orElse(""), String.join("; ", m.authors()),
                String.join("; ", e.tags().stream().map(TagRef::name).toList()), e.path(), e.article().sha256(),
                m.captured().map(c -> c.iso()).orElse("")));
        return sb.toString();
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
