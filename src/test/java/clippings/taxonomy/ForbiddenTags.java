package clippings.taxonomy;

import clippings.model.Tag;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** The kinds of tag issue #4 forbids, checked on every tag a test sees. */
final class ForbiddenTags {
    private static final Set<String> NEVER = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "site icon", "exit mobile version", "the", "a", "an",
            "he", "she", "it", "they", "we", "this", "that", "his", "her", "but", "and", "in", "on", "at",
            "khaled", "khalid", "bashar", "bassam", "julian", "jose", "donald", "taylor", "andrew");

    private ForbiddenTags() { }

    static void assertNoneForbidden(List<Tag> tags) {
        for (Tag t : tags) {
            String n = t.name().toLowerCase(Locale.ROOT);
            assertFalse(NEVER.contains(n), "forbidden tag " + t);
            assertFalse(n.matches("[\\d\\s.,/-]+"), "number as tag " + t);
            assertFalse(n.split("\\s+").length > 6, "sentence fragment as tag " + t);
            assertFalse(n.matches("(the|a|an|and|but|of|in|on|at|to|for) .*|.* (the|a|an|and|of|to|for)"),
                    "fragment with a stop word at its edge " + t);
        }
    }
}
