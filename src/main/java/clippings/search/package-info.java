/** The client-side search index: sharded BM25 postings, document metadata and filters, as script files. */
package clippings.search;
