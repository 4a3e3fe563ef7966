package clippings.render;

import clippings.model.OutputFile;
import clippings.model.SiteIndex;
import clippings.model.TagEntry;
import clippings.model.TagKind;
import clippings.render.view.LetterLinkView;
import clippings.render.view.TagIndexView;
import clippings.render.view.TagKindView;
import clippings.render.view.TagLetterView;
import clippings.render.view.TagLinkView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The tag index ({@code tags/index.html}: per kind, the most used tags and an A–Z bar) and its A–Z pages
 * ({@code tags/<kind>/<letter>.html}: every tag of a kind starting with a letter). No page lists every tag, so an
 * archive with 20,000 tags keeps pages a person can read.
 * <p>Thread-safe.
 */
final class TagIndexPages {
    /** Tags shown per kind on the index itself, most used first. */
    static final int TOP = 30;

    private final PageEngine pages;

    TagIndexPages(PageEngine pages) {
        this.pages = pages;
    }

    /** @param wanted the pages to produce, by path: the others are not even modelled */
    void render(SiteIndex index, Predicate<String> wanted, Consumer<OutputFile> sink) {
        Map<TagKind, Map<String, List<TagEntry>>> byKind = new EnumMap<>(TagKind.class);
        for (TagEntry t : index.tags()) {
            byKind.computeIfAbsent(t.kind(), k -> new TreeMap<>()).computeIfAbsent(letter(t), l -> new ArrayList<>()).add(t);
        }
        String indexPath = "tags/index.html";
        // A partial render that wants none of these pages does not rank every tag for them.
        boolean any = wanted.test(indexPath) || byKind.entrySet().stream()
                .anyMatch(k -> k.getValue().keySet().stream().anyMatch(l -> wanted.test(letterPath(k.getKey(), l))));
        if (!any) return;
        List<TagKindView> kinds = new ArrayList<>();
        byKind.forEach((kind, letters) -> {
            List<TagEntry> all = letters.values().stream().flatMap(List::stream)
                    .sorted(Comparator.comparingInt((TagEntry t) -> -t.articleIds().size()).thenComparing(TagEntry::slug))
                    .toList();
            List<TagLinkView> top = all.subList(0, Math.min(TOP, all.size())).stream()
                    .sorted(Comparator.comparing((TagEntry t) -> t.name().toLowerCase(java.util.Locale.ROOT)).thenComparing(TagEntry::slug))
                    .map(t -> link(indexPath, t)).toList();
            kinds.add(new TagKindView(kind.plural(), kind.id(), all.size(), top, letterLinks(indexPath, kind, letters)));
            letters.forEach((letter, tags) -> {
                String path = letterPath(kind, letter);
                if (wanted.test(path)) sink.accept(pages.page("tag-letter", path, new TagLetterView(kind.plural(), kind.id(), label(letter),
                        tags.stream().map(t -> link(path, t)).toList(), letterLinks(path, kind, letters),
                        RelativeLinks.href(path, indexPath))));
            });
        });
        if (wanted.test(indexPath)) sink.accept(pages.page("tags", indexPath, new TagIndexView(index.tags().size(), kinds)));
    }

    private static List<LetterLinkView> letterLinks(String from, TagKind kind, Map<String, List<TagEntry>> letters) {
        List<LetterLinkView> out = new ArrayList<>();
        letters.forEach((letter, tags) -> out.add(new LetterLinkView(label(letter),
                RelativeLinks.href(from, letterPath(kind, letter)), tags.size())));
        return out;
    }

    private static TagLinkView link(String from, TagEntry t) {
        return new TagLinkView(t.name(), t.kind().id(), RelativeLinks.href(from, "tags/" + t.slug() + ".html"),
                t.articleIds().size());
    }

    /** Tags are filed by the first character of their slug (ASCII, whatever the script of the name). */
    private static String letter(TagEntry t) {
        char c = t.slug().charAt(0);
        return c >= 'a' && c <= 'z' ? String.valueOf(c) : "0-9";
    }

    private static String label(String letter) {
        return letter.equals("0-9") ? "0–9" : letter.toUpperCase(java.util.Locale.ROOT);
    }

    private static String letterPath(TagKind kind, String letter) {
        return "tags/" + kind.id() + "/" + letter + ".html";
    }
}
