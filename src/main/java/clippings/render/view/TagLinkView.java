package clippings.render.view;

/** A link to a tag page, with the number of articles it lists (0 where a count is not shown). */
public record TagLinkView(String name, String kind, String href, int count) {
}
