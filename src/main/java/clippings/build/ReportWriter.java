package clippings.build;

import clippings.cache.KeptValues;
import clippings.feed.NestedJson;
import clippings.model.Problem;
import com.google.gson.stream.JsonWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link BuildReport} as JSON. Streamed: a report lists every published article, and building it as a
 * JSON tree and then one string took a twentieth of a rebuild in {@code serve} at 10,000 articles (#7).
 */
final class ReportWriter {
    /** Each published article's JSON object, for the process's next report (see {@link #published}). */
    private static final KeptValues<BuildReport.Published, String> OBJECTS = new KeptValues<>();

    private ReportWriter() {
    }

    static void writeJson(BuildReport r, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                JsonWriter w = new JsonWriter(out);
                w.setIndent("  ");
                w.setHtmlSafe(false);
                w.setSerializeNulls(false);
                write(r, w);
                w.flush();
                out.write("\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build report " + file, e);
        }
    }

    private static void write(BuildReport r, JsonWriter w) throws IOException {
        w.beginObject();
        w.name("inputs").value(r.inputs());
        w.name("published").jsonValue(published(r.published()));
        w.name("duplicates").beginArray();
        for (BuildReport.Duplicate d : r.duplicates()) {
            w.beginObject();
            w.name("file").value(d.file());
            w.name("of").value(d.of());
            w.name("reason").value(d.reason());
            w.endObject();
        }
        w.endArray();
        w.name("skipped").beginArray();
        for (Problem p : r.skipped()) {
            w.beginObject();
            w.name("file").value(p.file());
            w.name("reason").value(p.message());
            w.endObject();
        }
        w.endArray();
        problems(w.name("failed"), r.failed());
        problems(w.name("problems"), r.problems());
        w.name("pages").value(r.pages());
        w.name("bytes").value(r.bytes());
        w.name("tags").value(r.tags());
        w.name("tagMerges").beginArray();
        for (var m : r.tagMerges()) {
            w.beginObject();
            w.name("kept").value(m.kept());
            w.name("merged").beginArray();
            for (String name : m.merged()) w.value(name);
            w.endArray();
            w.name("reason").value(m.reason());
            w.endObject();
        }
        w.endArray();
        w.name("phaseMillis").beginObject();
        for (var phase : r.phases().entrySet()) w.name(phase.getKey()).value(phase.getValue());
        w.endObject();
        w.endObject();
    }

    /**
     * The published articles as a JSON array, indented as the report's own member. Each article's object is kept
     * from the last report of this process while it is the same: serve and the build daemon write the report
     * after every edit, and escaping every article's strings again was a sixth of an edit's CPU at 10,000
     * articles (#7).
     */
    static String published(List<BuildReport.Published> published) {
        if (published.isEmpty()) return "[]";
        StringBuilder sb = new StringBuilder(published.size() * 800);
        sb.append('[');
        try (KeptValues<BuildReport.Published, String>.Round objects = OBJECTS.round(published.size())) {
            for (BuildReport.Published p : published) {
                sb.append(sb.length() == 1 ? "\n    " : ",\n    ").append(objects.get(p, ReportWriter::object));
            }
        }
        return sb.append("\n  ]").toString();
    }

    /** One article's object, indented as an element of the report's {@code published} array. */
    private static String object(BuildReport.Published p) {
        return NestedJson.of(2, false, w -> {
            w.beginObject();
            w.name("file").value(p.file());
            w.name("url").value(p.url());
            w.name("encoding").value(p.encoding());
            w.name("tags").beginArray();
            for (var t : p.tags()) {
                w.beginObject();
                w.name("name").value(t.name());
                w.name("kind").value(t.kind().id());
                w.name("source").value(t.origin().id());
                w.endObject();
            }
            w.endArray();
            w.endObject();
        });
    }

    private static void problems(JsonWriter w, List<Problem> list) throws IOException {
        w.beginArray();
        for (Problem p : list) {
            w.beginObject();
            w.name("file").value(p.file());
            w.name("line").value(p.line());
            w.name("column").value(p.column());
            w.name("message").value(p.message());
            w.endObject();
        }
        w.endArray();
    }
}
