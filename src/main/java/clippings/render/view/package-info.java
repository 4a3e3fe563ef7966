/** Records handed to the templates: what each page shows, with every link already relative to that page. */
package clippings.render.view;
