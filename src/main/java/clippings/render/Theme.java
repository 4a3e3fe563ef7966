package clippings.render;

import clippings.model.OutputFile;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A theme: Thymeleaf templates ({@code *.html} at the top of the folder) plus static files under
 * {@code assets/} that are copied into the site as they are. Either a folder on disk or the default theme
 * packaged in the jar (the repository's {@code templates/} folder).
 * <p>Immutable and thread-safe.
 */
public final class Theme {
    private static final String BUNDLED = "templates/";

    private final String description;
    private final boolean bundled;
    private final Path root;

    private Theme(String description, boolean bundled, Path root) {
        this.description = description;
        this.bundled = bundled;
        this.root = root;
    }

    public static Theme directory(Path dir) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("templates folder not found: " + dir);
        return new Theme(dir.toString(), false, dir.toAbsolutePath().normalize());
    }

    /** The default theme, read from the class path. */
    public static Theme bundled() {
        URL url = Theme.class.getClassLoader().getResource(BUNDLED + "article.html");
        if (url == null) throw new IllegalStateException("the default theme is missing from the class path");
        try {
            URI uri = url.toURI();
            Path article;
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                article = fs.provider().getPath(uri);
            } else {
                article = Path.of(uri);
            }
            return new Theme("default theme", true, article.getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the default theme", e);
        }
    }

    /** The folder its templates are read from: for the default theme, a folder inside the jar. */
    public Path root() {
        return root;
    }

    /** Where the theme comes from, for messages. */
    public String description() {
        return description;
    }

    /** Where the templates are read from: with {@link #fingerprint()}, which templates a resolver finds. */
    String location() {
        return bundled ? "bundled:" + BUNDLED : root.toString();
    }

    /** The path of a template file, for reporting where an error is. */
    String templateFile(String name) {
        return bundled ? "templates/" + name + ".html (default theme)" : root.resolve(name + ".html").toString();
    }

    AbstractConfigurableTemplateResolver resolver() {
        AbstractConfigurableTemplateResolver r = bundled ? new ClassLoaderTemplateResolver(Theme.class.getClassLoader())
                : new FileTemplateResolver();
        r.setPrefix(bundled ? BUNDLED : root.toString() + "/");
        r.setSuffix(".html");
        r.setTemplateMode(TemplateMode.HTML);
        r.setCharacterEncoding(StandardCharsets.UTF_8.name());
        r.setCacheable(true);
        r.setCheckExistence(true);
        return r;
    }

    /**
     * A digest of what a template's pages are made from: the template and every template it names as
     * {@code name :: fragment} or {@code ~{name}}, transitively. Editing {@code article.html} then re-renders
     * article pages only; editing the layout re-renders every page that uses it (#7).
     */
    String fingerprint(String template) {
        return known().computeIfAbsent(template, this::usesDigest);
    }

    /**
     * The template digests made for a theme of this one's files, for the next build of a process that builds
     * again: each build has a new theme, and finding the templates a template names took 3.5 ms of every edit
     * in serve (#7). A digest is a function of the theme's files, which its fingerprint names.
     */
    private Map<String, String> known() {
        Map<String, String> k = known;
        if (k == null) {
            known = k = KNOWN.only(0, fingerprint(), theme -> new java.util.concurrent.ConcurrentHashMap<>());
        }
        return k;
    }

    /** This theme's template digests, as {@link #known()} found them first. */
    private volatile Map<String, String> known;

    private static final clippings.cache.KeptValues<String, Map<String, String>> KNOWN =
            new clippings.cache.KeptValues<>();

    private String usesDigest(String t) {
        java.util.Set<String> used = new java.util.TreeSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(t));
        StringBuilder all = new StringBuilder();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!used.add(name)) continue;
            String text = templateText(name);
            all.append(name).append('\u0000').append(text).append('\u0000');
            java.util.regex.Matcher m = USES.matcher(text);
            while (m.find()) todo.push(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return clippings.cache.Digests.of(all.toString());
    }

    /** A digest of every file of the theme: when it is unchanged, so is every page's template. */
    public String fingerprint() {
        return files().fingerprint();
    }

    /**
     * The theme's files as this object first read them: its digest and the text of each template. A build asked
     * for the digest three times and for each template's eight times, and read the files again each time (5 ms of
     * an edit in serve, #7); a build's theme is a new object, so every build still reads the files it builds with.
     */
    private record Snapshot(String fingerprint, Map<String, String> templates) {
    }

    private volatile Snapshot files;

    private Snapshot files() {
        Snapshot f = files;
        if (f != null) return f;
        synchronized (this) {
            if (files != null) return files;
            StringBuilder all = new StringBuilder();
            Map<String, String> templates = new java.util.HashMap<>();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                    if (Files.isRegularFile(p)) {
                        byte[] bytes = Files.readAllBytes(p);
                        String rel = root.relativize(p).toString();
                        all.append(rel).append('\u0000').append(clippings.cache.Digests.of(bytes)).append('\u0000');
                        if (p.getParent().equals(root) && rel.endsWith(".html")) {
                            try {
                                templates.put(rel.substring(0, rel.length() - ".html".length()), StandardCharsets.UTF_8
                                        .newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
                            } catch (java.nio.charset.CharacterCodingException e) {
                                // Left to be read again, and reported, where the template is used.
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the theme " + description, e);
            }
            files = new Snapshot(clippings.cache.Digests.of(all.toString()), Map.copyOf(templates));
            return files;
        }
    }

    private static final java.util.regex.Pattern USES =
            java.util.regex.Pattern.compile("~\\{\\s*([A-Za-z0-9_-]+)|([A-Za-z0-9_-]+)\\s*::");

    /** A template's text; empty when it does not exist (Thymeleaf reports that when rendering). */
    private String templateText(String name) {
        String read = files().templates().get(name);
        if (read != null) return read;
        Path p = root.resolve(name + ".html");
        try {
            return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + p, e);
        }
    }

    /** The static files of {@code assets/}, with their site paths, in path order. */
    List<OutputFile> assets() {
        Path assets = root.resolve("assets");
        if (!Files.isDirectory(assets)) return List.of();
        List<OutputFile> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(assets)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                if (Files.isRegularFile(p)) {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    out.add(new OutputFile(rel, Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read theme assets in " + description, e);
        }
        return out;
    }
}
