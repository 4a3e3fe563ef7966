/** Writes the site: into a staging folder first, swapped in only when the whole build succeeded. */
package clippings.output;
