package clippings.build;

import clippings.clean.ArticleCleaner;
import clippings.model.CleanRules;
import clippings.model.PublishRules;
import clippings.model.SiteConfig;
import clippings.model.TagRules;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code clippings.yml} into a {@link SiteConfig}. Every key is optional; an unknown key, a value of the
 * wrong type or a broken pattern is an error naming the file and line, never silently ignored.
 * <p>Stateless and thread-safe.
 */
public final class ConfigLoader {
    private static final Set<String> TOP = Set.of("title", "description", "language", "base_url", "page_size",
            "cname", "max_file_size", "clean", "tags", "publish");
    private static final Set<String> CLEAN = Set.of("chrome", "keep", "chrome_selectors", "keep_selectors", "sources");
    private static final Set<String> SOURCE = Set.of("chrome", "keep", "chrome_selectors", "keep_selectors");
    private static final Set<String> TAGS = Set.of("automatic", "max", "aliases", "separate", "rename", "drop");
    private static final Set<String> PUBLISH = Set.of("markdown", "captures");

    private ConfigLoader() {
    }

    /** The configuration in {@code file}, or the defaults when there is none. */
    public static SiteConfig load(Optional<Path> file) {
        if (file.isEmpty()) return SiteConfig.defaults();
        Path path = file.get();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read: " + e.getMessage());
        }
        return parse(path.toString(), text);
    }

    static SiteConfig parse(String file, String text) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(20);
            options.setNestingDepthLimit(20);
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new ConfigException(file + ":" + (mark == null ? 1 : mark.getLine() + 1) + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
        if (root == null) return SiteConfig.defaults();
        Section top = new Section(file, text, "", 1, map(file, text, "", 1, root), TOP);
        SiteConfig d = SiteConfig.defaults();
        try {
            return new SiteConfig(
                    top.string("title").orElse(d.title()),
                    top.string("description").orElse(d.description()),
                    top.string("language").orElse(d.language()),
                    top.string("base_url"),
                    top.integer("page_size").orElse(d.pageSize()),
                    clean(top.section("clean", CLEAN)),
                    tags(top.section("tags", TAGS)),
                    top.string("cname"),
                    top.integer("max_file_size").map(Integer::longValue).orElse(d.maxInputBytes()),
                    publish(top.section("publish", PUBLISH)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    private static CleanRules clean(Optional<Section> s) {
        if (s.isEmpty()) return CleanRules.defaults();
        Section c = s.get();
        Map<String, CleanRules.Patterns> sources = new TreeMap<>();
        c.section("sources", null).ifPresent(src -> {
            for (String name : src.map.keySet()) sources.put(name, patterns(src.section(name, SOURCE).orElseThrow()));
        });
        return new CleanRules(patterns(c), sources);
    }

    private static CleanRules.Patterns patterns(Section s) {
        return new CleanRules.Patterns(s.patterns("chrome"), s.patterns("keep"), s.selectors("chrome_selectors"),
                s.selectors("keep_selectors"));
    }

    private static TagRules tags(Optional<Section> s) {
        TagRules d = TagRules.defaults();
        if (s.isEmpty()) return d;
        Section t = s.get();
        Map<String, List<String>> aliases = new TreeMap<>();
        t.section("aliases", null).ifPresent(a -> a.map.keySet().forEach(k -> aliases.put(k, a.strings(k))));
        Map<String, String> rename = new TreeMap<>();
        t.section("rename", null).ifPresent(r -> r.map.keySet().forEach(k -> rename.put(k, r.string(k).orElse(k))));
        List<List<String>> separate = new ArrayList<>();
        Object sep = t.map.get("separate");
        if (sep != null) {
            if (!(sep instanceof List<?> groups)) throw t.error("separate", "must be a list of lists of names");
            for (Object g : groups) {
                if (!(g instanceof List<?> names)) throw t.error("separate", "must be a list of lists of names");
                separate.add(names.stream().map(String::valueOf).toList());
            }
        }
        return new TagRules(t.bool("automatic").orElse(d.automatic()), t.integer("max").orElse(d.maxAutomatic()),
                aliases, separate, rename, t.strings("drop"));
    }

    private static PublishRules publish(Optional<Section> s) {
        PublishRules d = PublishRules.defaults();
        if (s.isEmpty()) return d;
        return new PublishRules(s.get().bool("markdown").orElse(d.markdown()), s.get().bool("captures").orElse(d.captures()));
    }

    private static Map<String, Object> map(String file, String text, String key, int line, Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new ConfigException(file + ":" + line + ": "
                    + (key.isEmpty() ? "the configuration" : key) + " must be a mapping of keys to values");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /**
     * One mapping of the file, starting at {@code line}, with typed getters whose errors name the key and its
     * line.
     */
    private record Section(String file, String text, String path, int line, Map<String, Object> map, Set<String> allowed) {
        Section {
            if (allowed != null) {
                for (String k : map.keySet()) {
                    if (!allowed.contains(k)) {
                        throw new ConfigException(file + ":" + lineOf(text, k, line) + ": unknown key '" + qualified(path, k)
                                + "' (known keys: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
                    }
                }
            }
        }

        Optional<Section> section(String key, Set<String> keys) {
            Object v = map.get(key);
            if (v == null) return Optional.empty();
            int at = lineOf(text, key, line);
            return Optional.of(new Section(file, text, qualified(path, key), at, ConfigLoader.map(file, text, key, at, v), keys));
        }

        Optional<String> string(String key) {
            Object v = map.get(key);
            if (v == null) return Optional.empty();
            if (v instanceof Map || v instanceof List) throw error(key, "must be a single value");
            return Optional.of(String.valueOf(v).strip()).filter(s -> !s.isEmpty());
        }

        Optional<Integer> integer(String key) {
            Object v = map.get(key);
            if (v == null) return Optional.empty();
            if (!(v instanceof Integer i)) throw error(key, "must be a whole number");
            return Optional.of(i);
        }

        Optional<Boolean> bool(String key) {
            Object v = map.get(key);
            if (v == null) return Optional.empty();
            if (!(v instanceof Boolean b)) throw error(key, "must be true or false");
            return Optional.of(b);
        }

        List<String> strings(String key) {
            Object v = map.get(key);
            if (v == null) return List.of();
            if (v instanceof List<?> l) {
                List<String> out = new ArrayList<>();
                for (Object o : l) {
                    if (o instanceof Map || o instanceof List) throw error(key, "must be a list of strings");
                    out.add(String.valueOf(o));
                }
                return out;
            }
            return List.of(string(key).orElseThrow());
        }

        List<String> patterns(String key) {
            List<String> out = strings(key);
            for (String p : out) {
                try {
                    Pattern.compile(p);
                } catch (PatternSyntaxException e) {
                    throw error(key, p, "'" + p + "' is not a valid regular expression: " + e.getDescription());
                }
            }
            return out;
        }

        List<String> selectors(String key) {
            List<String> out = strings(key);
            for (String css : out) {
                ArticleCleaner.selectorProblem(css).ifPresent(problem -> {
                    throw error(key, css, "'" + css + "' is not a valid CSS selector: " + problem);
                });
            }
            return out;
        }

        ConfigException error(String key, String message) {
            return new ConfigException(file + ":" + lineOf(text, key, line) + ": " + qualified(path, key) + " " + message);
        }

        /** An error about one value of a list: its own line when it can be found, else the key's. */
        ConfigException error(String key, String value, String message) {
            int keyLine = lineOf(text, key, line);
            String[] lines = text.split("\n", -1);
            int at = keyLine;
            for (int i = keyLine - 1; i < lines.length; i++) {
                if (lines[i].contains(value)) {
                    at = i + 1;
                    break;
                }
            }
            return new ConfigException(file + ":" + at + ": " + qualified(path, key) + " " + message);
        }

        static String qualified(String path, String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        /**
         * The first line at or after {@code from} where the key is written (a key of a section is written after
         * the section's own key), else its first line anywhere; good enough to point a person at it.
         */
        static int lineOf(String text, String key, int from) {
            if (key.isEmpty()) return 1;
            String[] lines = text.split("\n", -1);
            Pattern p = Pattern.compile("(^|[{,])\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
            for (int i = Math.max(0, from - 1); i < lines.length; i++) if (p.matcher(lines[i]).find()) return i + 1;
            for (int i = 0; i < lines.length; i++) if (p.matcher(lines[i]).find()) return i + 1;
            return 1;
        }
    }
}
