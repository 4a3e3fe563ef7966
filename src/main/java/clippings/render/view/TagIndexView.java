package clippings.render.view;

import java.util.List;

/** Every tag of the site with its article count, grouped by kind. */
public record TagIndexView(int count, List<TagGroupView> groups) {
    public TagIndexView {
        groups = List.copyOf(groups);
    }
}
