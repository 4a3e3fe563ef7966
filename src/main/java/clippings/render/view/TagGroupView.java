package clippings.render.view;

import java.util.List;

/** Tags of one kind ({@code People}, {@code Places}…) under a heading. */
public record TagGroupView(String heading, String kind, List<TagLinkView> tags) {
    public TagGroupView {
        tags = List.copyOf(tags);
    }
}
