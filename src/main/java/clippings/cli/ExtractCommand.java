package clippings.cli;

import clippings.build.ArticleProcessor;
import clippings.build.ConfigLoader;
import clippings.ingest.ContentReader;
import clippings.ingest.TextScrapes;
import clippings.model.Article;
import clippings.model.ArticleMeta;
import clippings.model.InputException;
import clippings.model.Problem;
import clippings.model.RawArticle;
import clippings.model.SiteConfig;
import clippings.model.Tag;
import clippings.taxonomy.TagMerger;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code clippings extract FILE...}: what the cleaner makes of each file, through the same code as
 * {@code build}, so what it shows is what gets published.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Shows what Clippings extracts from scrapes: metadata, tags, text and Markdown.")
final class ExtractCommand implements Callable<Integer> {
    enum Format { json, markdown }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Text scrapes, HTML captures or Markdown files.")
    List<Path> files;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json (one object per line) or markdown (front matter + Markdown, as build writes it). "
                    + "Default: ${DEFAULT-VALUE}.")
    Format format = Format.json;

    @Option(names = "--content", paramLabel = "DIR",
            description = "The content folder the files belong to, for their ids (default: ${DEFAULT-VALUE}).")
    Path content = Path.of("content");

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: clippings.yml when present).")
    Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Path> configFile = Optional.ofNullable(config)
                .or(() -> Optional.of(Path.of("clippings.yml")).filter(Files::isRegularFile));
        SiteConfig site = ConfigLoader.load(configFile);
        ArticleProcessor processor = new ArticleProcessor(site);
        if (Files.isDirectory(content)) {
            // The chrome build learns from the archive's other scrapes of the same source is learnt here too.
            ContentReader corpus = new ContentReader(site.maxInputBytes());
            processor = processor.learnFrom(new TextScrapes(corpus, corpus.scan(content).inputs()));
        }
        TagMerger merger = new TagMerger(site.tags());
        ContentReader reader = new ContentReader(site.maxInputBytes());
        Gson gson = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
        int failures = 0;
        for (Path file : files) {
            try {
                RawArticle raw = reader.readFile(content, file);
                ArticleProcessor.Processed p = withRules(merger, processor.process(raw));
                if (format == Format.markdown) {
                    out.print(processor.markdownDocument(p.article()));
                } else {
                    out.println(gson.toJson(json(raw, p)));
                }
            } catch (InputException e) {
                failures++;
                err.println(e.toProblem(file.toString()));
            } catch (RuntimeException | StackOverflowError e) {
                failures++;
                err.println(Problem.of(file.toString(), "internal error while processing: " + e));
            }
        }
        out.flush();
        return failures == 0 ? ExitCode.OK : ExitCode.INPUT_ERRORS;
    }

    /**
     * The tag rules of clippings.yml (aliases, renames, drops, the cap) applied to one article, as the build
     * applies them; merges that need other articles of the archive only happen in {@code build}.
     */
    private static ArticleProcessor.Processed withRules(TagMerger merger, ArticleProcessor.Processed p) {
        Article a = p.article();
        var merged = merger.merge(java.util.Map.of(a.id(), a.tags()), p.merges());
        return p.withTags(merged.byArticle().get(a.id()));
    }

    private static JsonObject json(RawArticle raw, ArticleProcessor.Processed p) {
        Article a = p.article();
        ArticleMeta m = a.meta();
        JsonObject o = new JsonObject();
        o.addProperty("file", raw.origin());
        o.addProperty("id", a.id());
        o.addProperty("title", m.title());
        o.addProperty("description", m.description().orElse(null));
        JsonArray authors = new JsonArray();
        m.authors().forEach(authors::add);
        o.add("authors", authors);
        o.addProperty("date", m.date().map(d -> d.iso()).orElse(null));
        o.addProperty("dateSource", p.dateSource().orElse(null));
        o.addProperty("modified", p.modified().map(d -> d.iso()).orElse(null));
        o.addProperty("siteName", m.source().orElse(null));
        o.addProperty("url", m.url().orElse(null));
        o.addProperty("language", m.language().orElse(null));
        o.addProperty("image", m.image().orElse(null));
        o.addProperty("imageCaption", m.imageCaption().orElse(null));
        o.addProperty("captured", m.captured().map(d -> d.iso()).orElse(null));
        JsonArray tags = new JsonArray();
        for (Tag t : a.tags()) {
            JsonObject tag = new JsonObject();
            tag.addProperty("name", t.name());
            tag.addProperty("kind", t.kind().id());
            tag.addProperty("source", t.origin().id());
            tags.add(tag);
        }
        o.add("tags", tags);
        o.addProperty("encoding", raw.encoding());
        o.addProperty("sha256", raw.sha256());
        o.addProperty("text", p.text());
        o.addProperty("markdown", a.markdown());
        return o;
    }
}
