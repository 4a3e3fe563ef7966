package clippings.model;

import java.util.Objects;

/** A link from an article to one of its tag pages. */
public record TagRef(String name, TagKind kind, String slug) {
    public TagRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(slug, "slug");
    }
}
