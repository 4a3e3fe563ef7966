package clippings.model;

/** Where a tag came from, in order of trust: what a person wrote beats what a publisher wrote beats a guess. */
public enum TagOrigin {
    FRONT_MATTER("front-matter"),
    PUBLISHER("publisher"),
    AUTOMATIC("automatic");

    private final String id;

    TagOrigin(String id) { this.id = id; }

    public String id() { return id; }
}
