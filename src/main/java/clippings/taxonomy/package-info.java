/**
 * Slugs, permalinks, automatic tags and the indexes that group articles: by tag and by date.
 * <p>Public surface for tags: {@link clippings.taxonomy.EntityTagger} (automatic tags of one article) and
 * {@link clippings.taxonomy.TagMerger} (one tag per entity across the corpus, and the tag identity key).
 */
package clippings.taxonomy;
