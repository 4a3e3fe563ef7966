/** What machines read: Atom feeds, sitemaps, robots.txt and the archive's metadata as JSON and CSV. */
package clippings.feed;
