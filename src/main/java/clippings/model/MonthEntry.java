package clippings.model;

import java.util.List;

/**
 * One month of the date archive.
 *
 * @param month      1 to 12
 * @param articleIds ids of its articles, in site order (newest first)
 */
public record MonthEntry(int year, int month, List<String> articleIds) {
    public MonthEntry {
        if (month < 1 || month > 12) throw new IllegalArgumentException("month " + month);
        articleIds = List.copyOf(articleIds);
    }
}
