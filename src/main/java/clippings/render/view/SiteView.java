package clippings.render.view;

/** Site-wide values every template receives as {@code site}. */
public record SiteView(String title, String description, String language) {
}
