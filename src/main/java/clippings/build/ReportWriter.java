package clippings.build;

import clippings.model.Problem;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a {@link BuildReport} as JSON, and as the summary a person reads on the terminal. */
final class ReportWriter {
    private ReportWriter() {
    }

    static void writeJson(BuildReport r, Path file) {
        JsonObject o = new JsonObject();
        o.addProperty("inputs", r.inputs());
        JsonArray published = new JsonArray();
        r.published().forEach(p -> {
            JsonObject e = new JsonObject();
            e.addProperty("file", p.file());
            e.addProperty("url", p.url());
            e.addProperty("encoding", p.encoding());
            JsonArray tags = new JsonArray();
            p.tags().forEach(t -> {
                JsonObject tag = new JsonObject();
                tag.addProperty("name", t.name());
                tag.addProperty("kind", t.kind().id());
                tag.addProperty("source", t.origin().id());
                tags.add(tag);
            });
            e.add("tags", tags);
            published.add(e);
        });
        o.add("published", published);
        JsonArray duplicates = new JsonArray();
        r.duplicates().forEach(d -> {
            JsonObject e = new JsonObject();
            e.addProperty("file", d.file());
            e.addProperty("of", d.of());
            e.addProperty("reason", d.reason());
            duplicates.add(e);
        });
        o.add("duplicates", duplicates);
        JsonArray skipped = new JsonArray();
        r.skipped().forEach(p -> {
            JsonObject e = new JsonObject();
            e.addProperty("file", p.file());
            e.addProperty("reason", p.message());
            skipped.add(e);
        });
        o.add("skipped", skipped);
        o.add("failed", problems(r.failed()));
        o.add("problems", problems(r.problems()));
        o.addProperty("pages", r.pages());
        o.addProperty("bytes", r.bytes());
        o.addProperty("tags", r.tags());
        JsonArray merges = new JsonArray();
        r.tagMerges().forEach(m -> {
            JsonObject e = new JsonObject();
            e.addProperty("kept", m.kept());
            JsonArray names = new JsonArray();
            m.merged().forEach(names::add);
            e.add("merged", names);
            e.addProperty("reason", m.reason());
            merges.add(e);
        });
        o.add("tagMerges", merges);
        JsonObject phases = new JsonObject();
        r.phases().forEach(phases::addProperty);
        o.add("phaseMillis", phases);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build report " + file, e);
        }
    }

    private static JsonArray problems(List<Problem> list) {
        JsonArray a = new JsonArray();
        for (Problem p : list) {
            JsonObject e = new JsonObject();
            e.addProperty("file", p.file());
            e.addProperty("line", p.line());
            e.addProperty("column", p.column());
            e.addProperty("message", p.message());
            a.add(e);
        }
        return a;
    }
}
