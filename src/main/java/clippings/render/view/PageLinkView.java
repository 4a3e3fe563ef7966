package clippings.render.view;

/** One numbered link of a pagination bar; {@code gapBefore} when pages are left out before it. */
public record PageLinkView(int number, String href, boolean current, boolean gapBefore) {
}
