package clippings.render.view;

import java.util.List;

/**
 * The tags of one kind on the tag index: how many, the most used ones, and links to A–Z pages that list them
 * all, so the index stays short however many tags there are.
 */
public record TagKindView(String heading, String kind, int count, List<TagLinkView> top, List<LetterLinkView> letters) {
    public TagKindView {
        top = List.copyOf(top);
        letters = List.copyOf(letters);
    }
}
