package clippings.model;

/**
 * Which copies of each article are published beside its page, from {@code publish:} in {@code clippings.yml}.
 * Both are on by default; a large archive can leave them out to fit a host's size limit (#7). When one is off,
 * the file is not written and no page links to it.
 *
 * @param markdown whether the article's Markdown with front matter is published ({@code <slug>.md})
 * @param captures whether the original capture is published as plain text ({@code <slug>.source.txt})
 */
public record PublishRules(boolean markdown, boolean captures) {
    public static PublishRules defaults() {
        return new PublishRules(true, true);
    }
}
