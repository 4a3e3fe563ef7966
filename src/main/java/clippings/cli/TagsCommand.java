package clippings.cli;

import clippings.build.SiteBuild;
import clippings.model.ArticleEntry;
import clippings.model.Tag;
import clippings.model.TagEntry;
import clippings.model.TagMerge;
import clippings.model.TagOrigin;
import clippings.taxonomy.Slugger;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code clippings tags}: the archive's tag table (name, kind, count, spellings merged, where the tag came from),
 * so a person can review and tune tagging in {@code clippings.yml}. Nothing is written.
 */
@Command(name = "tags", mixinStandardHelpOptions = true,
        description = "Prints every tag of the archive with its kind, article count, merged spellings and source.")
final class TagsCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    BuildInputs inputs;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    /** One row of the table. */
    private record Row(TagEntry tag, Set<String> merged, Set<TagOrigin> sources) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SiteBuild.IndexedArchive archive = new SiteBuild(inputs.options(Optional.empty(), false),
                new PrintWriter(new StringWriter())).index();
        List<Row> rows = rows(archive);
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(toJson(rows)));
        } else {
            out.printf("%-40s %-13s %6s  %-34s %s%n", "TAG", "KIND", "COUNT", "SOURCE", "MERGED SPELLINGS");
            for (Row r : rows) {
                out.printf("%-40s %-13s %6d  %-34s %s%n", r.tag().name(), r.tag().kind().id(), r.tag().articleIds().size(),
                        String.join(", ", r.sources().stream().map(TagOrigin::id).toList()), String.join("; ", r.merged()));
            }
            out.printf("%d tags, %d merges; %d articles%n", rows.size(), archive.tagMerges().size(),
                    archive.index().articles().size());
        }
        out.flush();
        archive.failed().forEach(p -> spec.commandLine().getErr().println(p));
        return archive.failed().isEmpty() ? ExitCode.OK : ExitCode.INPUT_ERRORS;
    }

    private static List<Row> rows(SiteBuild.IndexedArchive archive) {
        Slugger slugger = new Slugger();
        Map<String, Set<TagOrigin>> sources = new HashMap<>();
        for (ArticleEntry e : archive.index().articles()) {
            for (Tag t : e.article().tags()) {
                sources.computeIfAbsent(slugger.slug(t.name(), "tag"), k -> EnumSet.noneOf(TagOrigin.class)).add(t.origin());
            }
        }
        Map<String, Set<String>> merged = new HashMap<>();
        for (TagMerge m : archive.tagMerges()) {
            merged.computeIfAbsent(slugger.slug(m.kept(), "tag"), k -> new TreeSet<>()).addAll(m.merged());
        }
        List<Row> rows = new ArrayList<>();
        for (TagEntry t : archive.index().tags()) {
            rows.add(new Row(t, merged.getOrDefault(t.slug(), Set.of()),
                    sources.getOrDefault(t.slug(), EnumSet.noneOf(TagOrigin.class))));
        }
        return rows;
    }

    private static JsonArray toJson(List<Row> rows) {
        JsonArray a = new JsonArray();
        for (Row r : rows) {
            JsonObject o = new JsonObject();
            o.addProperty("name", r.tag().name());
            o.addProperty("kind", r.tag().kind().id());
            o.addProperty("slug", r.tag().slug());
            o.addProperty("count", r.tag().articleIds().size());
            JsonArray sources = new JsonArray();
            r.sources().forEach(s -> sources.add(s.id()));
            o.add("sources", sources);
            JsonArray merged = new JsonArray();
            r.merged().forEach(merged::add);
            o.add("merged", merged);
            a.add(o);
        }
        return a;
    }
}
