/** Slugs, permalinks, automatic tags and the indexes that group articles: by tag and by date. */
package clippings.taxonomy;
