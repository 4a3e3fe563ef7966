package clippings.render.view;

import java.util.List;

/** Every kind of tag with its most used tags and its A–Z pages. */
public record TagIndexView(int count, List<TagKindView> kinds) {
    public TagIndexView {
        kinds = List.copyOf(kinds);
    }
}
