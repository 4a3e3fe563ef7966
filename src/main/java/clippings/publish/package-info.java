/** GitHub Pages extras: the CNAME file, the published-size guard, and new archive projects ({@code init}). */
package clippings.publish;
