package clippings.markdown;

import clippings.model.ArticleMeta;
import clippings.model.Tag;
import clippings.model.TagKind;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the YAML front matter of an article's Markdown. Reading uses SnakeYAML's safe
 * constructor with limits (no Java types, few aliases, shallow nesting), since front matter is untrusted.
 * <p>Not thread-safe (SnakeYAML's {@code Yaml} is not): make one per use or per thread.
 */
final class FrontMatter {
    static final String FENCE = "---";

    private FrontMatter() {
    }

    /** The front matter block, fences included, for an article with the given id, origin and provenance. */
    static String write(String id, String origin, String sha256, ArticleMeta meta, List<Tag> tags) {
        return write(id, origin, sha256, meta, tags, java.util.Optional.empty());
    }

    static String write(String id, String origin, String sha256, ArticleMeta meta, List<Tag> tags,
                        java.util.Optional<String> slug) {
        return write(id, origin, sha256, meta, tags, slug, dumper());
    }

    /** @param dumper from {@link #dumper()}, used by one thread at a time */
    static String write(String id, String origin, String sha256, ArticleMeta meta, List<Tag> tags,
                        java.util.Optional<String> slug, Yaml dumper) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("title", meta.title());
        meta.description().ifPresent(d -> map.put("description", d));
        meta.source().ifPresent(s -> map.put("source", s));
        meta.url().ifPresent(u -> map.put("url", u));
        meta.date().ifPresent(d -> map.put("date", d.iso()));
        if (!meta.authors().isEmpty()) map.put("authors", meta.authors());
        meta.image().ifPresent(i -> map.put("image", i));
        meta.imageCaption().ifPresent(c -> map.put("image_caption", c));
        meta.language().ifPresent(l -> map.put("language", l));
        map.put("tags", tags.stream().map(Tag::name).toList());
        Map<String, String> kinds = new LinkedHashMap<>();
        for (Tag t : tags) if (t.kind() != TagKind.TOPIC) kinds.put(t.name(), t.kind().id());
        if (!kinds.isEmpty()) map.put("tag_kinds", kinds);
        slug.ifPresent(x -> map.put("slug", x));
        map.put("id", id);
        map.put("origin", origin);
        map.put("sha256", sha256);
        meta.captured().ifPresent(c -> map.put("captured", c.iso()));
        return FENCE + "\n" + dumper.dump(map) + FENCE + "\n";
    }

    /** A YAML loader that makes only maps, lists, strings, numbers and booleans, within limits. */
    static Yaml loader() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(1_000_000);
        options.setAllowRecursiveKeys(false);
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new NoTimestamps());
    }

    /** The YAML writer of front matter; not thread-safe, but reusable for any number of documents. */
    static Yaml dumper() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(0);
        options.setWidth(1_000_000);
        options.setSplitLines(false);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options,
                new LoaderOptions(), new NoTimestamps());
    }

    /**
     * Resolves plain scalars as usual except timestamps: dates stay strings, so their precision and time
     * zone reach the article exactly as written.
     */
    private static final class NoTimestamps extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.INT, INT, "-+0123456789");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.MERGE, MERGE, "<");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
        }
    }
}
