package clippings.render.view;

/** A link to the tags of one kind that start with one letter, with how many there are. */
public record LetterLinkView(String label, String href, int count) {
}
