/** Converts clean HTML to Markdown with YAML front matter, reads hand-written Markdown, and renders Markdown to HTML. */
package clippings.markdown;
