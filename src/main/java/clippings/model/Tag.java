package clippings.model;

import java.util.Objects;

/** A tag of one article: the name shown to readers, what it names, and where it came from. */
public record Tag(String name, TagKind kind, TagOrigin origin) {
    public Tag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        name = name.strip();
        if (name.isEmpty()) throw new IllegalArgumentException("empty tag name");
    }
}
