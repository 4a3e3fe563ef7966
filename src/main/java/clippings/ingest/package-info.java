/** Finds the input files in {@code content/} and decodes them to text ({@code RawArticle}). */
package clippings.ingest;
