package clippings.clean;

import clippings.model.ArticleDate;
import clippings.model.ArticleMeta;
import clippings.model.Tag;

import java.util.List;
import java.util.Optional;

/**
 * What the metadata reader found on one page: the front-matter fields, the publisher's tags, where the date
 * came from and when the page says it was last modified.
 */
record PageMeta(ArticleMeta meta, List<Tag> tags, Optional<String> dateSource, Optional<ArticleDate> modified) {
    PageMeta {
        tags = List.copyOf(tags);
    }
}
