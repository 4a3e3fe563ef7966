/** Reduces a scrape (text dump or saved HTML page) to its article: metadata and a sanitised HTML body. */
package clippings.clean;
