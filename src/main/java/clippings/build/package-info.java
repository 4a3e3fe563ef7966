/** Runs the stages in order, from the content folder to the written site, and accounts for every input. */
package clippings.build;
