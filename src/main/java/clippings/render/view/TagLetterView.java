package clippings.render.view;

import java.util.List;

/**
 * One A–Z page of the tag index: every tag of one kind that starts with one letter, with links to the other
 * letters and back to the index.
 */
public record TagLetterView(String heading, String kind, String letter, List<TagLinkView> tags,
                            List<LetterLinkView> letters, String indexHref) {
    public TagLetterView {
        tags = List.copyOf(tags);
        letters = List.copyOf(letters);
    }
}
