package clippings.render;

import clippings.cache.CorruptCacheException;
import clippings.cache.Digests;
import clippings.cache.KeptValues;
import clippings.model.OutputFile;
import clippings.model.Problem;
import clippings.model.SiteConfig;
import clippings.render.view.HeadView;
import clippings.render.view.SiteView;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.standard.StandardDialect;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * Runs one template for one page with a fresh context: {@code site}, {@code root}, {@code path}, {@code head}
 * and {@code page}. Pages are pending files named by a digest of the theme, the configuration and either the
 * whole model or a key naming what the model is made from ({@link PageKeys}), so an incremental build renders
 * only pages whose digest changed. A template error becomes a {@link TemplateFailure} naming the template file
 * and line.
 * The template's indentation is collapsed ({@link HtmlWhitespace}): at 100,000 articles it is tens of megabytes.
 * <p>Thread-safe: the one {@link TemplateEngine} of the build is shared.
 */
final class PageEngine {
    private final Theme theme;
    private final SiteConfig config;
    private final TemplateEngine engine;
    private final SiteView site;
    /** Per template: what every page of it depends on besides its own model (the theme files, the config). */
    private final ConcurrentHashMap<String, String> salts = new ConcurrentHashMap<>();
    /**
     * Per template: the longest page it has made so far, in characters. Thymeleaf starts each page in a
     * 100-character buffer that doubles as it fills; a page of tens of kilobytes was copied about nine times (#7).
     */
    private final ConcurrentHashMap<String, Integer> pageLengths = new ConcurrentHashMap<>();

    PageEngine(Theme theme, SiteConfig config) {
        this.theme = theme;
        this.config = config;
        RecordProperties.install();
        this.engine = engineFor(theme);
        this.site = new SiteView(config.title(), config.description(), config.language());
    }

    /**
     * The last build's template engine, for the next build of a process that builds again (serve, the daemon)
     * with a theme of the same files in the same place: a new engine set its dialect up again and parsed every
     * template again after every edit, 11 ms of an edit's CPU at 10,000 articles (#7). What an engine keeps
     * (parsed templates and expressions) is a function of the theme's files, which the fingerprint names; a
     * theme edited during a build has another fingerprint in the next, whenever the engine read the file.
     */
    private static final KeptValues<String, TemplateEngine> ENGINES = new KeptValues<>();

    static TemplateEngine engineFor(Theme theme) {
        return ENGINES.only(0, theme.location() + '\u0000' + theme.fingerprint(), key -> newEngine(theme));
    }

    private static TemplateEngine newEngine(Theme theme) {
        TemplateEngine engine = new TemplateEngine();
        StandardDialect dialect = new StandardDialect();
        dialect.setVariableExpressionEvaluator(new RecordExpressions(dialect.getVariableExpressionEvaluator()));
        engine.setDialect(dialect);
        engine.setTemplateResolver(theme.resolver());
        return engine;
    }

    /** The absolute URL of a site path, when the base URL is known. */
    Optional<String> absolute(String path) {
        String p = path.equals("index.html") ? "" : path.endsWith("/index.html")
                ? path.substring(0, path.length() - "index.html".length()) : path;
        return config.baseUrl().map(b -> b + p);
    }

    /** The head of an ordinary page: canonical URL when known, the site's description and feed. */
    HeadView head(String path) {
        return new HeadView(absolute(path), config.description(), "website", Optional.empty(), Optional.empty(),
                RelativeLinks.href(path, "feed.xml"));
    }

    OutputFile page(String template, String path, Object view) {
        return page(template, path, view, head(path));
    }

    OutputFile page(String template, String path, Object view, HeadView head) {
        return page(template, path, view, head, RelativeLinks.root(path));
    }

    OutputFile page(String template, String path, Object view, HeadView head, String root) {
        String digest = Digests.of(salt(template), path, root, head, view);
        return OutputFile.pending(path, digest, () -> render(template, path, view, head, root));
    }

    /**
     * A page named by {@code key}, the digest of everything its model and head are made from besides its path,
     * the theme and the configuration; the model is built only when the page is rendered. The caller answers for
     * the key: a model reading anything the key leaves out would keep a stale page.
     */
    OutputFile page(String template, String path, String key, java.util.function.Supplier<Object> view,
                    java.util.function.Supplier<HeadView> head) {
        String digest = Digests.of(salt(template), path, "key", key);
        return OutputFile.pending(path, digest,
                () -> render(template, path, view.get(), head.get(), RelativeLinks.root(path)));
    }

    private String salt(String template) {
        return salts.computeIfAbsent(template, t -> Digests.of(theme.fingerprint(t), config));
    }

    private byte[] render(String template, String path, Object view, HeadView head, String root) {
        Context ctx = new Context(Locale.ENGLISH);
        ctx.setVariable("site", site);
        ctx.setVariable("root", root);
        ctx.setVariable("path", path);
        ctx.setVariable("head", head);
        ctx.setVariable("page", view);
        try {
            PageWriter out = new PageWriter(Math.min(pageLengths.getOrDefault(template, 100), 1 << 20));
            engine.process(template, ctx, out);
            pageLengths.merge(template, out.length(), Math::max);
            return HtmlWhitespace.collapseToUtf8(out.chars(), out.length());
        } catch (TemplateProcessingException e) {
            // A body the cache could not load is the cache's failure, not the template's: the build retries.
            for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof CorruptCacheException c) throw c;
            int line = e.getLine() == null ? 0 : e.getLine();
            int col = e.getCol() == null ? 0 : e.getCol();
            String file = e.getTemplateName() == null ? theme.templateFile(template) : templateFile(e.getTemplateName());
            throw new TemplateFailure(new Problem(file, line, col, rootMessage(e)), e);
        }
    }

    private String templateFile(String templateName) {
        String name = templateName.replaceFirst("^.*/", "").replaceFirst("\\.html$", "");
        return theme.templateFile(name);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return msg.replaceAll("\\s*\\(template: .*$", "");
    }
}
