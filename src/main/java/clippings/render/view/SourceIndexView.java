package clippings.render.view;

import java.util.List;

/** Every source of the archive with its page and article count. */
public record SourceIndexView(int count, List<TagLinkView> sources) {
    public SourceIndexView {
        sources = List.copyOf(sources);
    }
}
