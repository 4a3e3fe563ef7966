/** Finds inputs that are the same story: captured twice, or as a text scrape and an HTML page. */
package clippings.dedupe;
