package clippings.render;

import clippings.model.ArticleEntry;
import clippings.model.OutputFile;
import clippings.model.Problem;
import clippings.model.SiteConfig;
import clippings.model.SiteIndex;
import clippings.model.TagEntry;
import clippings.model.TagKind;
import clippings.model.TagRef;
import clippings.render.view.ArticleSummaryView;
import clippings.render.view.ArticleView;
import clippings.render.view.ListPageView;
import clippings.render.view.SiteView;
import clippings.render.view.TagGroupView;
import clippings.render.view.TagIndexView;
import clippings.render.view.TagLinkView;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Renders every page of the site through the theme's templates: article pages, the home index, tag pages
 * and the tag index, plus the theme's static assets.
 * <p>Thread-safe: one {@link TemplateEngine} is built per build and shared; each page gets its own context.
 */
public final class SiteRenderer {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final Theme theme;
    private final SiteConfig config;
    private final TemplateEngine engine;
    private final SiteView site;

    public SiteRenderer(Theme theme, SiteConfig config) {
        this.theme = theme;
        this.config = config;
        this.engine = new TemplateEngine();
        engine.setTemplateResolver(theme.resolver());
        this.site = new SiteView(config.title(), config.description(), config.language());
    }

    /** Renders the whole site into {@code sink}, which must accept files from several threads. */
    public void render(SiteIndex index, Consumer<OutputFile> sink) {
        theme.assets().forEach(sink);
        Map<String, ArticleEntry> byId = new HashMap<>();
        for (ArticleEntry e : index.articles()) byId.put(e.article().id(), e);
        index.articles().parallelStream().forEach(e -> sink.accept(articlePage(e)));
        listing("Latest articles", Optional.empty(), index.articles(),
                n -> n == 1 ? "index.html" : "page/" + n + ".html", sink);
        for (TagEntry tag : index.tags()) {
            List<ArticleEntry> entries = tag.articleIds().stream().map(byId::get).toList();
            listing(tag.name(), Optional.of(tag.kind().id()), entries,
                    n -> n == 1 ? "tags/" + tag.slug() + ".html" : "tags/" + tag.slug() + "/page/" + n + ".html", sink);
        }
        sink.accept(tagIndex(index));
    }

    private OutputFile articlePage(ArticleEntry e) {
        var a = e.article();
        var m = a.meta();
        ArticleView view = new ArticleView(m.title(), m.description(), m.source(), m.url(),
                m.date().map(d -> d.iso()), m.date().map(d -> d.day().format(DAY)), m.authors(),
                tagGroups(e.path(), e.tags()), a.bodyHtml(),
                RelativeLinks.href(e.path(), e.markdownPath()));
        return page("article", e.path(), view);
    }

    private void listing(String heading, Optional<String> kind, List<ArticleEntry> entries,
                         IntFunction<String> pagePath, Consumer<OutputFile> sink) {
        int size = config.pageSize();
        int total = Paginator.pageCount(entries.size(), size);
        String template = kind.isPresent() ? "tag" : "index";
        for (int n = 1; n <= total; n++) {
            String path = pagePath.apply(n);
            List<ArticleSummaryView> items = new ArrayList<>();
            for (ArticleEntry e : entries.subList((n - 1) * size, Math.min(entries.size(), n * size))) {
                items.add(summary(path, e));
            }
            ListPageView view = new ListPageView(heading, kind, entries.size(), items, Paginator.bar(n, total, pagePath));
            sink.accept(page(template, path, view));
        }
    }

    private OutputFile tagIndex(SiteIndex index) {
        String path = "tags/index.html";
        Map<TagKind, List<TagLinkView>> byKind = new EnumMap<>(TagKind.class);
        for (TagEntry t : index.tags()) {
            byKind.computeIfAbsent(t.kind(), k -> new ArrayList<>())
                    .add(new TagLinkView(t.name(), t.kind().id(), RelativeLinks.href(path, "tags/" + t.slug() + ".html"),
                            t.articleIds().size()));
        }
        List<TagGroupView> groups = new ArrayList<>();
        byKind.forEach((k, links) -> groups.add(new TagGroupView(k.plural(), k.id(), links)));
        return page("tags", path, new TagIndexView(index.tags().size(), groups));
    }

    private static ArticleSummaryView summary(String from, ArticleEntry e) {
        var m = e.article().meta();
        return new ArticleSummaryView(m.title(), RelativeLinks.href(from, e.path()), m.date().map(d -> d.iso()),
                m.date().map(d -> d.day().format(DAY)), m.source(), m.description());
    }

    private static List<TagGroupView> tagGroups(String from, List<TagRef> tags) {
        Map<TagKind, List<TagLinkView>> byKind = new EnumMap<>(TagKind.class);
        for (TagRef t : tags) {
            byKind.computeIfAbsent(t.kind(), k -> new ArrayList<>())
                    .add(new TagLinkView(t.name(), t.kind().id(), RelativeLinks.href(from, "tags/" + t.slug() + ".html"), 0));
        }
        List<TagGroupView> groups = new ArrayList<>();
        byKind.forEach((k, links) -> groups.add(new TagGroupView(k.plural(), k.id(), links)));
        return groups;
    }

    private OutputFile page(String template, String path, Object view) {
        Context ctx = new Context(Locale.ENGLISH);
        ctx.setVariable("site", site);
        ctx.setVariable("root", RelativeLinks.root(path));
        ctx.setVariable("path", path);
        ctx.setVariable("page", view);
        try {
            return OutputFile.utf8(path, engine.process(template, ctx));
        } catch (TemplateProcessingException e) {
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
