/** The loopback-only preview server: serves site/ with Jetty, rebuilds on change and reloads open pages. */
package clippings.serve;
