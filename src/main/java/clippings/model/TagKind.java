package clippings.model;

/** What a tag names; readers browse people, organisations and places separately. */
public enum TagKind {
    PERSON("person", "People"),
    ORGANISATION("organisation", "Organisations"),
    PLACE("place", "Places"),
    TOPIC("topic", "Topics");

    private final String id;
    private final String plural;

    TagKind(String id, String plural) {
        this.id = id;
        this.plural = plural;
    }

    /** Lower-case name used in front matter, JSON and CSS classes. */
    public String id() { return id; }

    /** Heading for a group of tags of this kind. */
    public String plural() { return plural; }

    public static TagKind parse(String s) {
        for (TagKind k : values()) {
            if (k.id.equalsIgnoreCase(s) || k.name().equalsIgnoreCase(s)) return k;
        }
        if ("organization".equalsIgnoreCase(s)) return ORGANISATION;
        return TOPIC;
    }
}
