/** Renders the site's pages through the Thymeleaf templates of the theme. */
package clippings.render;
