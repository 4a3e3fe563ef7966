package clippings.render.view;

import java.util.Optional;

/** One article in a listing: headline linking to its page, date, source and a short description. */
public record ArticleSummaryView(String title, String href, Optional<String> dateIso, Optional<String> dateText,
                                 Optional<String> source, Optional<String> description) {
}
